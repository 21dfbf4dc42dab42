import type { Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model';
import type { Stage } from '../semantic';
import { factsOf, type DockerfileFacts } from './facts';
import { frontendExpandedInstructions } from './tables';
import { perModel } from '../perModel';

/**
 * `$NAME` references in the instructions BuildKit expands itself (FROM, COPY, ENV, LABEL…), found
 * with a small scanner over the instruction text and resolved against the declarations the
 * semantic model already has. RUN/CMD/ENTRYPOINT text is left to the shell and never scanned,
 * which keeps this linear and cheap on large files.
 */
export interface ExpandedReference {
  name: string;
  readonly nameRange: Range;
  /** The whole `$NAME` or `${…}`. */
  readonly range: Range;
  /** Document offset where the `$` is (compare offsets rather than resolve `range` when not reporting). */
  readonly start: number;
  instruction: Instruction;
  keyword: string;
  stage?: Stage;
  /** `${NAME:-x}`, `${NAME+x}`, `${NAME?msg}`…: unset is handled on purpose. */
  hasModifier: boolean;
  /** Declared in scope before this instruction (ARG/ENV in the stage, ENV of base stages, global ARG for FROM). */
  declared: boolean;
}

const cached = perModel((model): ExpandedReference[] => collect(model, factsOf(model)));

export function expandedReferencesOf(model: DockerfileModel): ExpandedReference[] {
  return cached(model);
}

interface Declared {
  /** End line of the first declaring instruction, and the instruction itself. */
  endLine: number;
  instruction: Instruction;
  kind: 'ARG' | 'ENV';
}

const noDeclarations: readonly Declared[] = [];

function collect(model: DockerfileModel, facts: DockerfileFacts): ExpandedReference[] {
  const { semantics } = facts;
  const globals = new Map<string, Declared>();
  // One table per stage that declares anything (made on its first declaration); a stage's ENV
  // names are the entries of kind ENV, so no second set per stage is needed.
  const perStage: (Map<string, Declared[]> | undefined)[] = new Array(semantics.stages.length);
  const declarations = semantics.declarations;
  for (let k = 0; k < declarations.length; k++) {
    const declaration = declarations[k];
    const entry: Declared = { endLine: declaration.instruction.getRange().end.line, instruction: declaration.instruction, kind: declaration.kind };
    if (!declaration.stage) {
      if (declaration.kind === 'ARG' && !globals.has(declaration.name)) globals.set(declaration.name, entry);
      continue;
    }
    const table = (perStage[declaration.stage.index] ??= new Map());
    const list = table.get(declaration.name);
    if (list) list.push(entry);
    else table.set(declaration.name, [entry]);
  }
  const declaredIn = (stage: Stage, name: string): readonly Declared[] => perStage[stage.index]?.get(name) ?? noDeclarations;
  const inheritsEnv = (stage: Stage | undefined, name: string): boolean => {
    for (let current = stage?.baseStage, depth = 0; current && depth < 256; current = current.baseStage, depth++) {
      if (declaredIn(current, name).some(isEnv)) return true;
    }
    return false;
  };

  // Read once: dockerfile-ast works the escape character out again on every call.
  const escape = model.ast.getEscapeCharacter();
  const references: ExpandedReference[] = [];
  facts.instructions.forEach((instruction, index) => {
    const keyword = facts.keywords[index];
    if (!frontendExpandedInstructions.has(keyword)) return;
    const stage = facts.stageOf(instruction);
    const startLine = instruction.getRange().start.line;
    const scanned = scan(model, facts, instruction, keyword, stage, escape);
    // Index loops in these per-instruction callbacks: for…of allocates an iterator when not optimised.
    for (let k = 0; k < scanned.length; k++) {
      const found = scanned[k];
      if (keyword === 'FROM' || !stage) {
        const global = globals.get(found.name);
        found.declared = !!global && (global.endLine < startLine || (global.instruction === instruction && keyword === 'ARG'));
      } else {
        const local = declaredIn(stage, found.name);
        found.declared = local.some((d) => d.endLine < startLine || (d.instruction === instruction && d.kind === 'ARG' && keyword === 'ARG')) || inheritsEnv(stage, found.name);
      }
      references.push(found);
    }
  });
  return references;
}

const isEnv = (declared: Declared) => declared.kind === 'ENV';

/**
 * A reference as the scanner finds it: document offsets of the name and of the whole `$…`; whether
 * it is declared is filled in by `collect`. Ranges are worked out on first use: rules read them
 * only for the few references they report, and four document positions per reference were most
 * of this module's allocation.
 */
class ExpandedRef implements ExpandedReference {
  declared = false;
  private cachedNameRange: Range | undefined;
  private cachedRange: Range | undefined;

  constructor(
    private readonly document: TextDocument,
    readonly name: string,
    private readonly nameStart: number,
    private readonly nameEnd: number,
    readonly start: number,
    private readonly end: number,
    readonly hasModifier: boolean,
    readonly instruction: Instruction,
    readonly keyword: string,
    readonly stage: Stage | undefined,
  ) {}

  get nameRange(): Range {
    return (this.cachedNameRange ??= { start: this.document.positionAt(this.nameStart), end: this.document.positionAt(this.nameEnd) });
  }

  get range(): Range {
    return (this.cachedRange ??= { start: this.document.positionAt(this.start), end: this.document.positionAt(this.end) });
  }
}

/** Shared by the instructions that mention no variable; never written to. */
const noReferences: ExpandedRef[] = [];

const singleQuote = 39;
const doubleQuote = 34;
const dollar = 36;
const openBrace = 123;
/** `[A-Za-z_]` by char code (NaN past the end is neither). */
const isNameStart = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
/** `[A-Za-z0-9_]` by char code. */
const isNameChar = (code: number) => isNameStart(code) || (code >= 48 && code <= 57);

/** Finds `$NAME` / `${NAME…}` outside single quotes, honouring the escape character; heredoc bodies are skipped. */
function scan(model: DockerfileModel, facts: DockerfileFacts, instruction: Instruction, keyword: string, stage: Stage | undefined, escape: string): ExpandedRef[] {
  const document = model.document;
  const range = instruction.getRange();
  const start = document.offsetAt(instruction.getInstructionRange().end);
  const instructionEnd = document.offsetAt(range.end);
  // Most instructions mention no variable: look for a `$` before anything else (the text scanned
  // below ends at or before the instruction's end, so no `$` here means none there).
  const whole = document.getText();
  const firstDollar = whole.indexOf('$', start);
  if (firstDollar < 0 || firstDollar >= instructionEnd) return noReferences;
  const heredocs = facts.heredocsOf(instruction);
  const lastLine = heredocs.length ? Math.min(range.end.line, ...heredocs.map((h) => h.getStartRange().start.line)) : range.end.line;
  const end = lastLine === range.end.line ? instructionEnd : document.offsetAt({ line: lastLine + 1, character: 0 });
  if (firstDollar >= end) return noReferences;
  const text = whole.slice(start, end);
  // Character codes instead of one-character strings and regex tests: this loop reads every character.
  const escapeCode = escape.length === 1 ? escape.charCodeAt(0) : -1;
  const found: ExpandedRef[] = [];
  let inSingle = false;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === escapeCode && !inSingle) {
      i++;
      continue;
    }
    if (ch === singleQuote && !inDouble) inSingle = !inSingle;
    else if (ch === doubleQuote && !inSingle) inDouble = !inDouble;
    if (ch !== dollar || inSingle) continue;
    const braced = text.charCodeAt(i + 1) === openBrace;
    const nameAt = braced ? i + 2 : i + 1;
    if (!isNameStart(text.charCodeAt(nameAt))) continue;
    let nameEnd = nameAt + 1;
    while (nameEnd < text.length && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
    let refEnd = nameEnd;
    let hasModifier = false;
    if (braced) {
      const close = text.indexOf('}', nameEnd);
      if (close < 0) break;
      hasModifier = close > nameEnd;
      refEnd = close + 1;
    }
    found.push(new ExpandedRef(document, text.slice(nameAt, nameEnd), start + nameAt, start + nameEnd, start + i, start + refEnd, hasModifier, instruction, keyword, stage));
    i = refEnd - 1;
  }
  return found;
}

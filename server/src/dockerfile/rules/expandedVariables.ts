import type { Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model';
import type { Stage } from '../semantic';
import { factsOf, type DockerfileFacts } from './facts';
import { frontendExpandedInstructions } from './tables';

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
  instruction: Instruction;
  keyword: string;
  stage?: Stage;
  /** `${NAME:-x}`, `${NAME+x}`, `${NAME?msg}`…: unset is handled on purpose. */
  hasModifier: boolean;
  /** Declared in scope before this instruction (ARG/ENV in the stage, ENV of base stages, global ARG for FROM). */
  declared: boolean;
}

const cache = new WeakMap<DockerfileModel, ExpandedReference[]>();

export function expandedReferencesOf(model: DockerfileModel): ExpandedReference[] {
  let found = cache.get(model);
  if (!found) {
    found = collect(model, factsOf(model));
    cache.set(model, found);
  }
  return found;
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
  const perStage = semantics.stages.map(() => new Map<string, Declared[]>());
  const stageEnv = semantics.stages.map(() => new Set<string>());
  for (const declaration of semantics.declarations) {
    const entry: Declared = { endLine: declaration.instruction.getRange().end.line, instruction: declaration.instruction, kind: declaration.kind };
    if (!declaration.stage) {
      if (declaration.kind === 'ARG' && !globals.has(declaration.name)) globals.set(declaration.name, entry);
      continue;
    }
    const table = perStage[declaration.stage.index];
    const list = table.get(declaration.name) ?? [];
    list.push(entry);
    table.set(declaration.name, list);
    if (declaration.kind === 'ENV') stageEnv[declaration.stage.index].add(declaration.name);
  }
  const inheritsEnv = (stage: Stage | undefined, name: string): boolean => {
    for (let current = stage?.baseStage, depth = 0; current && depth < 256; current = current.baseStage, depth++) {
      if (stageEnv[current.index].has(name)) return true;
    }
    return false;
  };

  const references: ExpandedReference[] = [];
  facts.instructions.forEach((instruction, index) => {
    const keyword = facts.keywords[index];
    if (!frontendExpandedInstructions.has(keyword)) return;
    const stage = facts.stageOf(instruction);
    const startLine = instruction.getRange().start.line;
    const scanned = scan(model, facts, instruction);
    // Index loops in these per-instruction callbacks: for…of allocates an iterator when not optimised.
    for (let k = 0; k < scanned.length; k++) {
      const found = scanned[k];
      let declared: boolean;
      if (keyword === 'FROM' || !stage) {
        const global = globals.get(found.name);
        declared = !!global && (global.endLine < startLine || (global.instruction === instruction && keyword === 'ARG'));
      } else {
        const local = perStage[stage.index].get(found.name) ?? noDeclarations;
        declared = local.some((d) => d.endLine < startLine || (d.instruction === instruction && d.kind === 'ARG' && keyword === 'ARG')) || inheritsEnv(stage, found.name);
      }
      references.push(new ExpandedRef(model.document, found, instruction, keyword, stage, declared));
    }
  });
  return references;
}

/** A reference as the scanner finds it: document offsets of the name and of the whole `$…`. */
interface Scanned {
  name: string;
  nameStart: number;
  nameEnd: number;
  start: number;
  end: number;
  hasModifier: boolean;
}

/**
 * Ranges are worked out on first use: rules read them only for the few references they report,
 * and four document positions per reference were most of this module's allocation.
 */
class ExpandedRef implements ExpandedReference {
  readonly name: string;
  readonly hasModifier: boolean;
  private cachedNameRange: Range | undefined;
  private cachedRange: Range | undefined;

  constructor(
    private readonly document: TextDocument,
    private readonly found: Scanned,
    readonly instruction: Instruction,
    readonly keyword: string,
    readonly stage: Stage | undefined,
    readonly declared: boolean,
  ) {
    this.name = found.name;
    this.hasModifier = found.hasModifier;
  }

  get nameRange(): Range {
    return (this.cachedNameRange ??= { start: this.document.positionAt(this.found.nameStart), end: this.document.positionAt(this.found.nameEnd) });
  }

  get range(): Range {
    return (this.cachedRange ??= { start: this.document.positionAt(this.found.start), end: this.document.positionAt(this.found.end) });
  }
}

const singleQuote = 39;
const doubleQuote = 34;
const dollar = 36;
const openBrace = 123;
/** `[A-Za-z_]` by char code (NaN past the end is neither). */
const isNameStart = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
/** `[A-Za-z0-9_]` by char code. */
const isNameChar = (code: number) => isNameStart(code) || (code >= 48 && code <= 57);

/** Finds `$NAME` / `${NAME…}` outside single quotes, honouring the escape character; heredoc bodies are skipped. */
function scan(model: DockerfileModel, facts: DockerfileFacts, instruction: Instruction): Scanned[] {
  const document = model.document;
  const range = instruction.getRange();
  const start = document.offsetAt(instruction.getInstructionRange().end);
  const instructionEnd = document.offsetAt(range.end);
  // Most instructions mention no variable: look for a `$` before anything else (the text scanned
  // below ends at or before the instruction's end, so no `$` here means none there).
  const whole = document.getText();
  const firstDollar = whole.indexOf('$', start);
  if (firstDollar < 0 || firstDollar >= instructionEnd) return [];
  const heredocs = facts.heredocsOf(instruction);
  const lastLine = heredocs.length ? Math.min(range.end.line, ...heredocs.map((h) => h.getStartRange().start.line)) : range.end.line;
  const end = lastLine === range.end.line ? instructionEnd : document.offsetAt({ line: lastLine + 1, character: 0 });
  if (firstDollar >= end) return [];
  const text = whole.slice(start, end);
  const escape = model.ast.getEscapeCharacter();
  // Character codes instead of one-character strings and regex tests: this loop reads every character.
  const escapeCode = escape.length === 1 ? escape.charCodeAt(0) : -1;
  const found: Scanned[] = [];
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
    found.push({
      name: text.slice(nameAt, nameEnd),
      nameStart: start + nameAt,
      nameEnd: start + nameEnd,
      start: start + i,
      end: start + refEnd,
      hasModifier,
    });
    i = refEnd - 1;
  }
  return found;
}

import { Arg, Copy, Env, From, Run, type Argument, type Heredoc, type Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';
import { perModel } from './perModel';

/**
 * The scope-aware meaning of a Dockerfile, computed once per parsed model: build stages, the ARG
 * and ENV declarations they see, every `$VAR` reference resolved to its declaration with
 * BuildKit's scoping rules, and every reference to a stage (`FROM`, `COPY --from`, mount `from=`).
 * Navigation, rename, hover, completion and semantic tokens all read this one model.
 */

export interface Stage {
  /** Position in the file, 0-based; `COPY --from=<index>` refers to it. */
  readonly index: number;
  /** The name after `AS`, as written (BuildKit compares names case-insensitively). */
  readonly name?: string;
  readonly nameRange?: Range;
  readonly from: From;
  /** The base image or stage as written, e.g. `golang:1.22` or `${BASE}`; null when missing. */
  readonly baseImage: string | null;
  readonly baseImageRange: Range | null;
  /** The earlier stage this one is built on (`FROM builder`), when the base names one. */
  readonly baseStage?: Stage;
  /** The FROM instruction and every instruction up to the next FROM. */
  readonly instructions: readonly Instruction[];
  /** From the FROM keyword to the end of the stage's last instruction. */
  readonly range: Range;
}

export type DeclarationKind = 'ARG' | 'ENV';

export interface VariableDeclaration {
  readonly kind: DeclarationKind;
  readonly name: string;
  readonly nameRange: Range;
  /** The value as written (unexpanded), or null for `ARG NAME` without a default. */
  readonly value: string | null;
  readonly valueRange: Range | null;
  readonly instruction: Instruction;
  readonly line: number;
  /** The stage the declaration belongs to; undefined for global ARGs (before the first FROM). */
  readonly stage?: Stage;
  /** For an in-stage `ARG NAME` without a value: the global ARG whose default it brings in. */
  readonly inherits?: VariableDeclaration;
}

export interface VariableReference {
  readonly name: string;
  readonly nameRange: Range;
  /** The whole `$NAME` / `${NAME:-default}` text. */
  readonly range: Range;
  readonly instruction: Instruction;
  readonly stage?: Stage;
  /** The declaration the reference resolves to, when the file declares it in scope. */
  readonly declaration?: VariableDeclaration;
}

export type StageReferenceKind = 'from' | 'copy-from' | 'mount-from';

export interface StageReference {
  readonly kind: StageReferenceKind;
  /** The text as written: a stage name, a stage index or an image. */
  readonly text: string;
  readonly range: Range;
  readonly instruction: Instruction;
  /** The stage the reference names; undefined when it names an image (or nothing known). */
  readonly target?: Stage;
}

export interface DockerfileSemantics {
  readonly stages: readonly Stage[];
  readonly globalArgs: readonly VariableDeclaration[];
  /** Every ARG/ENV declaration, global and per stage, in document order. */
  readonly declarations: readonly VariableDeclaration[];
  /** Every variable reference, in document order. ONBUILD triggers are skipped (they expand downstream). */
  readonly references: readonly VariableReference[];
  readonly stageReferences: readonly StageReference[];
  /** `\` or the backtick set by `# escape=`. */
  readonly escapeChar: string;
}

export interface ResolvedVariable {
  readonly declaration: VariableDeclaration;
  /** The default the declaration gives (an inherited global default for `ARG NAME`), unexpanded. */
  readonly value: string | null;
}

const cached = perModel((model): DockerfileSemantics => buildSemantics(model));

/**
 * Each instruction's keyword (upper-cased, as `getKeyword` gives it), read once per model: the
 * semantics, the rules' facts, the stage layout of the kept findings and the stage outlines all
 * walk every instruction by keyword, and each `getKeyword` call on a freshly parsed version costs.
 */
export const keywordsOf = perModel((model): readonly string[] => {
  const instructions = model.ast.getInstructions();
  const keywords: string[] = new Array(instructions.length);
  for (let i = 0; i < instructions.length; i++) keywords[i] = instructions[i].getKeyword();
  return keywords;
});

export function semanticsOf(model: DockerfileModel): DockerfileSemantics {
  return cached(model);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function positionIn(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function sameStageName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The stage holding a position; undefined before the first FROM. */
export function stageAt(model: DockerfileModel, position: Position): Stage | undefined {
  const { stages } = semanticsOf(model);
  let found: Stage | undefined;
  for (const stage of stages) {
    if (comparePositions(stage.from.getRange().start, position) <= 0) found = stage;
    else break;
  }
  return found;
}

/** Finds a stage by name (case-insensitive) or index as `COPY --from` would, seen from `before`. */
export function findStage(stages: readonly Stage[], text: string, before?: Stage): Stage | undefined {
  return findStageBelow(stages, text, before ? before.index : stages.length);
}

/**
 * Each stage's name lower-cased, once per stage list: lookups run for every `--from` of the file.
 * While the stages are being built the list only grows (and a pushed stage never changes), so
 * the cache catches up with new stages instead of starting over.
 */
const lowerNamesCache = new WeakMap<readonly Stage[], (string | undefined)[]>();

function lowerNamesOf(stages: readonly Stage[]): (string | undefined)[] {
  let names = lowerNamesCache.get(stages);
  if (!names) lowerNamesCache.set(stages, (names = []));
  for (let i = names.length; i < stages.length; i++) names.push(stages[i].name?.toLowerCase());
  return names;
}

function findStageBelow(stages: readonly Stage[], text: string, limit: number): Stage | undefined {
  if (/^\d+$/.test(text)) {
    const index = Number(text);
    return index < limit ? stages[index] : undefined;
  }
  // sameStageName(stage.name, text), with both sides lower-cased once rather than per comparison;
  // the last stage of that name below the limit (indexes grow with positions).
  let match: Stage | undefined;
  for (const i of positionsNamed(stages, text.toLowerCase())) {
    const stage = stages[i];
    if (stage.index >= limit) break;
    match = stage;
  }
  return match;
}

/**
 * Positions of the stages by lower-cased name, once per stage list (kept up with a list still
 * growing, as lowerNamesOf): a file of 250 stages looked every `--from` up through all of them.
 */
const positionsByName = new WeakMap<readonly Stage[], { upTo: number; byName: Map<string, number[]> }>();
const noPositions: readonly number[] = [];

function positionsNamed(stages: readonly Stage[], wanted: string): readonly number[] {
  let entry = positionsByName.get(stages);
  if (!entry) positionsByName.set(stages, (entry = { upTo: 0, byName: new Map() }));
  if (entry.upTo < stages.length) {
    const names = lowerNamesOf(stages);
    for (; entry.upTo < stages.length; entry.upTo++) {
      const name = stages[entry.upTo].name === undefined ? undefined : names[entry.upTo];
      if (name === undefined) continue;
      const list = entry.byName.get(name);
      if (list) list.push(entry.upTo);
      else entry.byName.set(name, [entry.upTo]);
    }
  }
  return entry.byName.get(wanted) ?? noPositions;
}

/** Resolves `name` as an instruction at `position` would see it, following BuildKit's scopes. */
export function resolveVariableAt(model: DockerfileModel, name: string, position: Position): ResolvedVariable | undefined {
  return resolverAt(model, position)(name);
}

/** Every variable visible at a position, by name, with the declaration that wins. */
export function variablesInScopeAt(model: DockerfileModel, position: Position): Map<string, ResolvedVariable> {
  const resolve = resolverAt(model, position);
  const result = new Map<string, ResolvedVariable>();
  for (const declaration of semanticsOf(model).declarations) {
    if (result.has(declaration.name)) continue;
    const resolved = resolve(declaration.name);
    if (resolved) result.set(declaration.name, resolved);
  }
  return result;
}

/** Finds the instruction and stage once; resolving a name is then a few map lookups. */
function resolverAt(model: DockerfileModel, position: Position): (name: string) => ResolvedVariable | undefined {
  const scope = scopeIndexOf(semanticsOf(model));
  const instruction = instructionContaining(model, position);
  const stage = stageAt(model, position);
  const at = instruction ?? position;
  const global = instruction instanceof From || !stage;
  return (name) => {
    const declaration = global ? lookupGlobal(scope, name, at) : lookupInStage(scope, stage, name, at);
    return declaration ? { declaration, value: effectiveValue(declaration) } : undefined;
  };
}

const heredocKeywords = new Set(['RUN', 'COPY', 'ADD']);

/**
 * The heredocs of a RUN, COPY or ADD instruction (dockerfile-ast finds them for every instruction
 * but only exposes the method on RUN and COPY; ADD takes heredocs too).
 */
export function heredocsOf(instruction: Instruction): Heredoc[] {
  if (!heredocKeywords.has(instruction.getKeyword())) return [];
  try {
    return (instruction as unknown as { getHeredocs(): Heredoc[] }).getHeredocs();
  } catch {
    return [];
  }
}

export function effectiveValue(declaration: VariableDeclaration): string | null {
  return declaration.value ?? declaration.inherits?.value ?? null;
}

function instructionContaining(model: DockerfileModel, position: Position): Instruction | undefined {
  for (const instruction of model.ast.getInstructions()) {
    const range = instruction.getRange();
    if (comparePositions(position, range.start) < 0) return undefined;
    if (comparePositions(position, range.end) <= 0) return instruction;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Building the model

interface ScopeIndex {
  /** Global ARGs by name, in order. */
  readonly globals: Map<string, VariableDeclaration[]>;
  /** Per stage index: declarations by name, in order. */
  readonly perStage: Map<string, VariableDeclaration[]>[];
  readonly stages: readonly Stage[];
}

const scopeCache = new WeakMap<DockerfileSemantics, ScopeIndex>();

function scopeIndexOf(semantics: DockerfileSemantics): ScopeIndex {
  let index = scopeCache.get(semantics);
  if (!index) {
    index = { globals: new Map(), perStage: semantics.stages.map(() => new Map()), stages: semantics.stages };
    for (const declaration of semantics.declarations) {
      const table = declaration.stage ? index.perStage[declaration.stage.index] : index.globals;
      push(table, declaration.name, declaration);
    }
    scopeCache.set(semantics, index);
  }
  return index;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Is the declaration in effect for something at `at`? (Declared by an earlier instruction, or earlier in the same ARG.) */
function declaredBefore(declaration: VariableDeclaration, at: Instruction | Position): boolean {
  if ('line' in at) return comparePositions(declaration.nameRange.end, at) <= 0;
  if (declaration.instruction === at) {
    // `ENV A=1 B=$A`: BuildKit expands the whole instruction first, so B sees the A from before it.
    return false;
  }
  return comparePositions(declaration.instruction.getRange().end, at.getRange().start) <= 0;
}

function lastBefore(list: readonly VariableDeclaration[] | undefined, at: Instruction | Position, kind?: DeclarationKind): VariableDeclaration | undefined {
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const candidate = list[i];
    if ((!kind || candidate.kind === kind) && declaredBefore(candidate, at)) return candidate;
  }
  return undefined;
}

function lookupGlobal(scope: ScopeIndex, name: string, at: Instruction | Position): VariableDeclaration | undefined {
  return lastBefore(scope.globals.get(name), at);
}

/** ENV wins over ARG (BuildKit rule), whether declared here or inherited from a base stage. */
function lookupInStage(scope: ScopeIndex, stage: Stage, name: string, at: Instruction | Position): VariableDeclaration | undefined {
  const local = scope.perStage[stage.index].get(name);
  return lastBefore(local, at, 'ENV') ?? inheritedEnv(scope, stage.baseStage, name, 0) ?? lastBefore(local, at, 'ARG');
}

function inheritedEnv(scope: ScopeIndex, stage: Stage | undefined, name: string, depth: number): VariableDeclaration | undefined {
  if (!stage || depth > scope.stages.length) return undefined;
  const list = scope.perStage[stage.index].get(name);
  const own = list ? [...list].reverse().find((d) => d.kind === 'ENV') : undefined;
  return own ?? inheritedEnv(scope, stage.baseStage, name, depth + 1);
}

function buildSemantics(model: DockerfileModel): DockerfileSemantics {
  const ast = model.ast;
  const instructions = ast.getInstructions();
  const keywords = keywordsOf(model);
  const stages = buildStages(instructions, keywords, model.document);
  const declarations: VariableDeclaration[] = [];
  const globalArgs: VariableDeclaration[] = [];
  // Built on first use by the reference collectors; the declaration pass below walks the stages instead.
  let stageMap: Map<Instruction, Stage> | undefined;
  const stageOf = (): Map<Instruction, Stage> => {
    if (!stageMap) {
      stageMap = new Map();
      for (const stage of stages) for (const instruction of stage.instructions) stageMap.set(instruction, stage);
    }
    return stageMap;
  };

  const globalsByName = new Map<string, VariableDeclaration>();
  // Stages are runs of instructions, each opened by its FROM: `stage` follows them in one pass.
  let nextStage = 0;
  let stage: Stage | undefined;
  for (let k = 0; k < instructions.length; k++) {
    const instruction = instructions[k];
    if (nextStage < stages.length && stages[nextStage].from === instruction) stage = stages[nextStage++];
    // dockerfile-ast makes an Arg/Env exactly for these upper-cased keywords; comparing the
    // keyword is cheaper than two instanceof walks per instruction.
    const keyword = keywords[k];
    if (keyword === 'ARG' || keyword === 'ENV') {
      const kind: DeclarationKind = keyword;
      for (const property of (instruction as Arg | Env).getProperties()) {
        const name = property.getName();
        if (!name) continue;
        const inherits = kind === 'ARG' && stage && property.getValue() === null ? globalsByName.get(name) : undefined;
        const declaration: VariableDeclaration = {
          kind, name, nameRange: property.getNameRange(), value: property.getValue(), valueRange: property.getValueRange(),
          instruction, line: instruction.getRange().start.line, stage, inherits,
        };
        declarations.push(declaration);
        if (!stage && kind === 'ARG') {
          globalArgs.push(declaration);
          globalsByName.set(name, declaration);
        }
      }
    }
  }

  // References are the expensive part (dockerfile-ast scans every instruction for `$`): they are
  // computed on first use, so hover and completion, which only resolve names, never pay for them.
  let references: VariableReference[] | undefined;
  let stageReferences: StageReference[] | undefined;
  const semantics: DockerfileSemantics = {
    stages, globalArgs, declarations, escapeChar: ast.getEscapeCharacter(),
    get references() {
      references ??= collectVariableReferences(instructions, stageOf(), scopeIndexOf(semantics), model.document);
      return references;
    },
    get stageReferences() {
      stageReferences ??= collectStageReferences(instructions, stages, stageOf());
      return stageReferences;
    },
  };
  return semantics;
}

function collectVariableReferences(instructions: readonly Instruction[], stageOf: Map<Instruction, Stage>, scope: ScopeIndex, document: TextDocument): VariableReference[] {
  const references: VariableReference[] = [];
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    if (instruction.getKeyword() === 'ONBUILD') continue;
    const stage = stageOf.get(instruction);
    const isFrom = instruction instanceof From;
    const literalBodies = literalHeredocBodies(instruction, document);
    for (const variable of safeVariables(instruction)) {
      const name = variable.getName();
      if (!name) continue;
      if (literalBodies.some((body) => positionIn(body, variable.getNameRange().start))) continue;
      const declaration = isFrom || !stage ? lookupGlobal(scope, name, instruction) : lookupInStage(scope, stage, name, instruction);
      references.push({ name, nameRange: variable.getNameRange(), range: variable.getRange(), instruction, stage, declaration });
    }
  }
  return references;
}

/**
 * `COPY <<'EOF'` / `ADD <<"EOF"`: a quoted delimiter makes BuildKit write the body verbatim, so a
 * `$NAME` there is text, not a reference. (RUN bodies are scripts: the shell expands them.)
 */
function literalHeredocBodies(instruction: Instruction, document: TextDocument): Range[] {
  if (instruction.getKeyword() !== 'COPY' && instruction.getKeyword() !== 'ADD') return [];
  const bodies: Range[] = [];
  for (const heredoc of heredocsOf(instruction)) {
    const content = heredoc.getContentRange();
    const start = heredoc.getStartRange();
    const name = heredoc.getNameRange();
    // The quote sits between `<<` (or `<<-`) and the name.
    if (content && comparePositions(start.start, name.start) < 0 && /["']/.test(document.getText({ start: start.start, end: name.start }))) {
      bodies.push(content);
    }
  }
  return bodies;
}

function safeVariables(instruction: Instruction): ReturnType<Instruction['getVariables']> {
  try {
    return instruction.getVariables();
  } catch {
    return [];
  }
}

function buildStages(instructions: readonly Instruction[], keywords: readonly string[], document: TextDocument): Stage[] {
  const stages: Stage[] = [];
  const groups: { from: From; instructions: Instruction[] }[] = [];
  // Each stage's instructions are one slice, from its FROM to the next one.
  let fromIndex = -1;
  const close = (end: number) => {
    if (fromIndex >= 0) groups.push({ from: instructions[fromIndex] as From, instructions: instructions.slice(fromIndex, end) });
  };
  for (let k = 0; k < keywords.length; k++) {
    // dockerfile-ast makes a From exactly for the upper-cased keyword FROM (see buildSemantics).
    if (keywords[k] !== 'FROM') continue;
    close(k);
    fromIndex = k;
  }
  close(instructions.length);
  groups.forEach((group, index) => {
    const { from } = group;
    // What getBuildStageRange/getBuildStage/getImage/getImageRange answer, from one getArguments()
    // call instead of one (a fresh copy of the arguments) per getter.
    const { name, nameRange, baseImage, baseImageRange } = fromWords(from, document);
    // `FROM 0` is an image called "0": only names refer to stages here.
    const baseStage = baseImage && !/^\d+$/.test(baseImage) ? findStageBelow(stages, baseImage, index) : undefined;
    const last = group.instructions[group.instructions.length - 1];
    stages.push({
      index, name, nameRange: name !== undefined ? nameRange ?? undefined : undefined, from,
      baseImage, baseImageRange, baseStage,
      instructions: group.instructions, range: { start: from.getRange().start, end: last.getRange().end },
    });
  });
  return stages;
}

interface FromWords {
  name: string | undefined;
  nameRange: Range | null;
  baseImage: string | null;
  baseImageRange: Range | null;
}

/**
 * A FROM's words by its memoised arguments (parserCache.ts). The incremental parse shares an
 * unmoved instruction's arguments with the version it was copied from, and only while the text
 * they read is the same at the same place (incrementalParse.ts): the same list means the same words
 * (as stageFindings.ts's stage words), so a keystroke reads again only the FROMs it moved or made.
 * The map holds nothing alive.
 */
const fromWordsOf = new WeakMap<readonly Argument[], FromWords>();
/** FROMs read again or found under their shared arguments (the differential test reads them). */
export const fromWordsCounts = { read: 0, reused: 0 };
/**
 * Off: the words of FROMs (here) and of `--from` flags (rules/facts.ts) are read from every
 * instruction, nothing kept: what the differential test compares the kept ones with.
 */
export const wordReuse = { enabled: true };

function fromWords(from: From, document: TextDocument): FromWords {
  const args = from.getArguments();
  const known = wordReuse.enabled ? fromWordsOf.get(args) : undefined;
  if (known !== undefined) {
    fromWordsCounts.reused++;
    return known;
  }
  fromWordsCounts.read++;
  const nameRange = args.length > 2 && args[1].getValue().toUpperCase() === 'AS' ? args[2].getRange() : null;
  const name = nameRange === null ? undefined : document.getText().substring(document.offsetAt(nameRange.start), document.offsetAt(nameRange.end));
  const words: FromWords = {
    name, nameRange, baseImage: args.length > 0 ? args[0].getValue() : null, baseImageRange: args.length !== 0 ? args[0].getRange() : null,
  };
  if (wordReuse.enabled) fromWordsOf.set(args, words);
  return words;
}

function collectStageReferences(instructions: readonly Instruction[], stages: readonly Stage[], stageOf: Map<Instruction, Stage>): StageReference[] {
  const references: StageReference[] = [];
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    const stage = stageOf.get(instruction);
    if (instruction instanceof From) {
      const text = instruction.getImage();
      const range = instruction.getImageRange();
      // `FROM 0` is an image named "0", never a stage index.
      if (text && range) references.push({ kind: 'from', text, range, instruction, target: stage?.baseStage });
    } else if (instruction instanceof Copy) {
      // getFromFlag() answers null as soon as COPY has any other flag (`--from=x --link`): look it up ourselves.
      const flag = instruction.getFlags().find((f) => f.getName().toLowerCase() === 'from');
      const text = flag?.getValue();
      const range = flag?.getValueRange();
      if (text && range) references.push({ kind: 'copy-from', text, range, instruction, target: findStageFrom(stages, text, stage) });
    } else if (instruction instanceof Run) {
      for (const flag of instruction.getFlags()) {
        if (flag.getName() !== 'mount') continue;
        for (const option of flag.getOptions()) {
          const text = option.getValue();
          const range = option.getValueRange();
          if (option.getName() === 'from' && text && range) {
            references.push({ kind: 'mount-from', text, range, instruction, target: findStageFrom(stages, text, stage) });
          }
        }
      }
    }
  }
  return references;
}

/** Earlier stages first (what BuildKit resolves); a later stage with that name still counts for navigation. */
function findStageFrom(stages: readonly Stage[], text: string, current: Stage | undefined): Stage | undefined {
  return findStage(stages, text, current) ?? (/^\d+$/.test(text) ? undefined : findStage(stages, text));
}

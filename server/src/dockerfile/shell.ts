import type { Argument, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { instructionIndexer } from './instructionIndex';
import type { DockerfileModel } from './model';
import type { ShellWord, Source } from './shellLexer';
import { pieceOffsets, type OffsetMap } from './sourceOffsets';
import { analyzeExecForm, analyzeScript, basename, type ScriptAnalysis, type ShellCommand, type ShellPipe } from './shellSyntax';

/**
 * What the rules know about the shell side of a Dockerfile: every RUN split into commands (with
 * document ranges), the SHELL in effect, mounts, and the build stages. Computed once per model and
 * shared by all rules. Nothing here runs a shell; it only reads text.
 */

export type { ShellWord } from './shellLexer';
export type { ShellCommand, ShellPipe } from './shellSyntax';

export interface RunMount {
  type: string;
  target: string | undefined;
  /** Every `key=value` option as written. */
  options: Record<string, string>;
}

export interface RunAnalysis {
  instruction: Instruction;
  stage: StageInfo;
  form: 'shell' | 'exec';
  /** True when the RUN carries here-documents. */
  heredoc: boolean;
  /** Every simple command, nested `sh -c` scripts included, in source order. */
  commands: ShellCommand[];
  pipes: ShellPipe[];
  mounts: RunMount[];
  /** The SHELL in effect for a shell-form RUN. */
  shell: string[];
  /** False when SHELL is PowerShell or cmd: shell-form commands are then not analysed. */
  posix: boolean;
  /** Document offset where the command text starts (after flags). */
  commandStart: number;
  commandEnd: number;
}

export interface StageInfo {
  index: number;
  from: Instruction;
  /** Lower-cased `AS` name. */
  name: string | undefined;
  /** The image reference as written after FROM's flags. */
  image: string;
  /** Index of an earlier stage this one builds on (`FROM builder`). */
  base: number | undefined;
  instructions: Instruction[];
  /** Its layers end up in the final image: the last stage or an ancestor of it. */
  shipped: boolean;
  shellAtEnd: string[];
}

export interface DockerfileShell {
  stages: StageInfo[];
  runs: RunAnalysis[];
  runOf(instruction: Instruction): RunAnalysis | undefined;
  stageOf(instruction: Instruction): StageInfo | undefined;
}

export const defaultShell = ['/bin/sh', '-c'];
/** Windows images run shell-form instructions with cmd unless SHELL says otherwise. */
const windowsShell = ['cmd', '/S', '/C'];
const windowsImage = /(?:^|\/)windows\/|nanoserver|servercore|windowsservercore/i;
const cache = new WeakMap<DockerfileModel, DockerfileShell>();

export function dockerfileShell(model: DockerfileModel): DockerfileShell {
  let analysis = cache.get(model);
  if (!analysis) {
    analysis = analyze(model);
    cache.set(model, analysis);
  }
  return analysis;
}

export function wordRange(model: DockerfileModel, word: { start: number; end: number }): Range {
  return { start: model.document.positionAt(word.start), end: model.document.positionAt(word.end) };
}

function analyze(model: DockerfileModel): DockerfileShell {
  const text = model.document.getText();
  const escape = model.ast.getEscapeCharacter();
  const stages: StageInfo[] = [];
  const runs: RunAnalysis[] = [];
  const instructions = model.ast.getInstructions();
  // Per-instruction answers in arrays by position (see instructionIndexer), not Maps keyed by instruction.
  const runAt: (RunAnalysis | undefined)[] = new Array(instructions.length);
  const stageAt: (StageInfo | undefined)[] = new Array(instructions.length);
  let stage: StageInfo | undefined;
  let shell = defaultShell;
  for (let index = 0; index < instructions.length; index++) {
    const instruction = instructions[index];
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      stage = startStage(instruction, stages);
      shell = stage.base !== undefined ? stages[stage.base].shellAtEnd : windowsImage.test(stage.image) ? windowsShell : defaultShell;
      stage.shellAtEnd = shell;
    }
    if (!stage) continue;
    stage.instructions.push(instruction);
    stageAt[index] = stage;
    if (keyword === 'SHELL') {
      const words = parseExecForm(argumentSource(text, instruction, escape, model).src);
      if (words && words.length > 0) shell = words.map((w) => w.text);
      stage.shellAtEnd = shell;
    } else if (keyword === 'RUN') {
      const run = analyzeRun(text, instruction, escape, model, stage, shell);
      runs.push(run);
      runAt[index] = run;
    }
  }
  markShipped(stages);
  const indexOf = instructionIndexer(instructions);
  return {
    stages,
    runs,
    runOf: (instruction) => runAt[indexOf(instruction)],
    stageOf: (instruction) => stageAt[indexOf(instruction)],
  };
}

function startStage(from: Instruction, stages: StageInfo[]): StageInfo {
  const args = from.getArguments();
  const image = args.length > 0 ? args[0].getValue() : '';
  const name = stageName(args);
  const lowerImage = image.toLowerCase();
  let base: number | undefined;
  for (let k = 0; k < stages.length && base === undefined; k++) if (stages[k].name !== undefined && stages[k].name === lowerImage) base = k;
  const stage: StageInfo = { index: stages.length, from, name, image, base, instructions: [], shipped: false, shellAtEnd: defaultShell };
  stages.push(stage);
  return stage;
}

/** The lower-cased word after the first `AS` (any case) among FROM's arguments, if there is one. */
function stageName(args: readonly Argument[]): string | undefined {
  for (let k = 0; k < args.length; k++) {
    if (args[k].getValue().toLowerCase() !== 'as') continue;
    const next = args[k + 1]?.getValue();
    return next ? next.toLowerCase() : undefined;
  }
  return undefined;
}

function markShipped(stages: StageInfo[]): void {
  let current: StageInfo | undefined = stages[stages.length - 1];
  // Each step moves to a strictly earlier stage, so the walk ends.
  while (current && !current.shipped) {
    current.shipped = true;
    current = current.base !== undefined && current.base < current.index ? stages[current.base] : undefined;
  }
}

/** True when the shell is PowerShell or cmd, whose syntax we do not analyse. */
export function isPosixShell(shell: string[]): boolean {
  const program = basename((shell[0] ?? '').replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  return !['powershell', 'pwsh', 'cmd'].includes(program);
}

function analyzeRun(text: string, instruction: Instruction, escape: string, model: DockerfileModel, stage: StageInfo, shell: string[]): RunAnalysis {
  const { src, flags } = argumentSource(text, instruction, escape, model);
  const mounts = parseMounts(flags);
  const start = src.offsets.at(0);
  const end = src.offsets.at(src.offsets.length - 1);
  const execWords = parseExecForm(src);
  // Objects written out in full rather than spread from a shared base: spreading made every
  // RunAnalysis a slow dictionary-mode object, and rules read these fields constantly.
  if (execWords) {
    const result = analyzeExecForm(execWords, start, end);
    return {
      instruction, stage, mounts, shell, commandStart: start, commandEnd: end,
      heredoc: false, form: 'exec', commands: result.commands, pipes: result.pipes, posix: true,
    };
  }
  const { posix, pipefail } = traitsOf(shell);
  const result: ScriptAnalysis = posix ? analyzeScript(src, { depth: 0, pipefail }) : { commands: [], pipes: [] };
  // Here-documents of the RUN itself are the ones its own command line opens.
  const heredoc = posix ? result.commands.some((c) => c.depth === 0 && c.heredocs.length > 0) : /<<-?\s*["']?[A-Za-z_]/.test(src.text);
  return {
    instruction, stage, mounts, shell, commandStart: start, commandEnd: end,
    heredoc, form: 'shell', commands: result.commands, pipes: result.pipes, posix,
  };
}

/** The same few SHELL arrays serve every RUN of a stage: read each one once. */
const shellTraits = new WeakMap<string[], { posix: boolean; pipefail: boolean }>();

function traitsOf(shell: string[]): { posix: boolean; pipefail: boolean } {
  let traits = shellTraits.get(shell);
  if (!traits) {
    traits = { posix: isPosixShell(shell), pipefail: shellHasPipefail(shell) };
    shellTraits.set(shell, traits);
  }
  return traits;
}

export function shellHasPipefail(shell: string[]): boolean {
  return shell.some((word, i) => /^-[a-zA-Z]*o$/.test(word) && shell[i + 1] === 'pipefail');
}

/** Shared by the RUNs without a `--mount` flag; never written to. */
const noMounts: RunMount[] = [];

function parseMounts(flags: string[]): RunMount[] {
  let mounts = noMounts;
  for (let k = 0; k < flags.length; k++) {
    const flag = flags[k];
    if (!flag.startsWith('--mount=')) continue;
    if (mounts === noMounts) mounts = [];
    mounts.push(new ParsedMount(unquoteEnds(flag.slice('--mount='.length)).split(',')));
  }
  return mounts;
}

/**
 * A `--mount` read from its comma-separated parts: the rules ask only for the type and target, so
 * the table of every option is made when something asks for it.
 */
class ParsedMount implements RunMount {
  readonly type: string;
  readonly target: string | undefined;
  private optionTable: Record<string, string> | undefined;

  constructor(private readonly parts: readonly string[]) {
    this.type = (optionValue(parts, 'type') ?? 'bind').toLowerCase();
    this.target = optionValue(parts, 'target') ?? optionValue(parts, 'dst') ?? optionValue(parts, 'destination');
  }

  get options(): Record<string, string> {
    return (this.optionTable ??= optionTable(this.parts));
  }
}

/** Every `key=value` option (keys lower-cased, a bare key meaning "true"; the last one wins). */
function optionTable(parts: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let n = 0; n < parts.length; n++) {
    const part = parts[n];
    const eq = part.indexOf('=');
    if (eq > 0) options[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
    else if (part) options[part.toLowerCase()] = 'true';
  }
  return options;
}

/**
 * `optionTable(parts)[key]` for a lower-case ASCII key, without building the table. Lower-casing
 * keeps the length of anything that becomes ASCII, so other lengths are passed over unread.
 */
function optionValue(parts: readonly string[], key: string): string | undefined {
  let value: string | undefined;
  for (let n = 0; n < parts.length; n++) {
    const part = parts[n];
    const eq = part.indexOf('=');
    if (eq > 0) {
      if (eq === key.length && part.slice(0, eq).toLowerCase() === key) value = part.slice(eq + 1);
    } else if (part.length === key.length && part.toLowerCase() === key) {
      value = 'true';
    }
  }
  return value;
}

const isQuote = (code: number) => code === 34 /* " */ || code === 39 /* ' */;

/** Drops one quote character at the start and one at the end (each independently), as BuildKit's reader tolerates. */
function unquoteEnds(value: string): string {
  const from = value.length > 0 && isQuote(value.charCodeAt(0)) ? 1 : 0;
  const to = value.length > from && isQuote(value.charCodeAt(value.length - 1)) ? value.length - 1 : value.length;
  return from === 0 && to === value.length ? value : value.slice(from, to);
}

/** The instruction's arguments as JSON words when written in exec form (`["a", "b"]`). */
export function execFormWords(model: DockerfileModel, instruction: Instruction): ShellWord[] | undefined {
  return parseExecForm(argumentSource(model.document.getText(), instruction, model.ast.getEscapeCharacter(), model).src);
}

/**
 * The instruction's text after its flags, with Dockerfile line continuations (and the comment and
 * blank lines Docker drops inside them) removed; here-document bodies follow verbatim. The leading
 * `--flag` words are returned apart, as Docker reads them before the command.
 */
function argumentSource(text: string, instruction: Instruction, escape: string, model: DockerfileModel): { src: Source; flags: string[] } {
  const endOffset = model.document.offsetAt(instruction.getRange().end);
  const startOffset = Math.min(endOffset, model.document.offsetAt(instruction.getInstructionRange().end));
  // The kept pieces of the document as [start, end) pairs.
  const segments = keptPieces.reset();
  if (escape.length === 1 && escape !== '\n') joinContinuations(text, startOffset, endOffset, escape, segments);
  else keptSegments(text, startOffset, endOffset, escape, segments);
  const out = joinSegments(text, segments);
  // Split off leading flags (`--mount=…`): whitespace-separated words that start with `--`.
  let flags = noFlags;
  let p = 0;
  for (;;) {
    while (p < out.length && (out[p] === ' ' || out[p] === '\t' || out[p] === '\r')) p++;
    if (!out.startsWith('--', p)) break;
    let q = p;
    while (q < out.length && !isJsWhitespace(out.charCodeAt(q))) q++;
    if (flags === noFlags) flags = [];
    flags.push(out.slice(p, q));
    p = q;
  }
  return { src: { text: out.slice(p), offsets: offsetsFrom(segments, p, endOffset) }, flags };
}

/**
 * The kept [start, end) pieces of the instruction being read. One instance serves every call (the
 * walk is not re-entrant and nothing keeps it): a fresh array per RUN was a fifth of this step's allocation.
 */
class Segments {
  /** Pairs of document offsets; entries from `length` on are stale. */
  readonly bounds: number[] = [];
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  /** Keeps `from..to` when it is not empty. */
  add(from: number, to: number): void {
    if (to <= from) return;
    this.bounds[this.length++] = from;
    this.bounds[this.length++] = to;
  }
}

const keptPieces = new Segments();

/** Shared by the (most) instructions without flags; never written to. */
const noFlags: string[] = [];

/**
 * The kept pieces as one string. A single piece (an instruction on one line) is sliced straight
 * from the document: V8 then shares the document's characters instead of copying them.
 */
function joinSegments(text: string, segments: Segments): string {
  const bounds = segments.bounds;
  if (segments.length === 0) return '';
  if (segments.length === 2) return text.slice(bounds[0], bounds[1]);
  // Joined once: a flat string tokenizes faster than one built up by `+=`.
  const parts: string[] = new Array(segments.length >> 1);
  for (let s = 0; s < segments.length; s += 2) parts[s >> 1] = text.slice(bounds[s], bounds[s + 1]);
  return parts.join('');
}

/** The general character walk for an escape character that is not usable (never taken for `\` or a backtick). */
function keptSegments(text: string, startOffset: number, endOffset: number, escape: string, segments: Segments): void {
  let commandLine = true;
  let segment = startOffset;
  let i = startOffset;
  while (i < endOffset) {
    const c = text[i];
    if (commandLine && c === escape) {
      let j = i + 1;
      while (j < endOffset && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (j >= endOffset || text[j] === '\n') {
        segments.add(segment, i);
        i = skipDroppedLines(text, j + 1, endOffset);
        segment = i;
        continue;
      }
    }
    if (c === '\n') commandLine = false;
    i++;
  }
  segments.add(segment, endOffset);
}

/** The document offset of every character of the joined text from index `skip` on, then `end`. */
function offsetsFrom(segments: Segments, skip: number, end: number): OffsetMap {
  const bounds = segments.bounds;
  // Pieces wholly inside the skipped flags are dropped; the arrays are made at their final size.
  let first = 0;
  let toSkip = skip;
  while (first < segments.length && toSkip >= bounds[first + 1] - bounds[first]) {
    toSkip -= bounds[first + 1] - bounds[first];
    first += 2;
  }
  const count = (segments.length - first) >> 1;
  const textStarts: number[] = new Array(count);
  const documentStarts: number[] = new Array(count);
  let length = 1;
  for (let s = first, run = 0; s < segments.length; s += 2, run++) {
    const from = bounds[s] + (s === first ? toSkip : 0);
    textStarts[run] = length - 1;
    documentStarts[run] = from;
    length += bounds[s + 1] - from;
  }
  return pieceOffsets(textStarts, documentStarts, length, end);
}

/** Exactly what the regex `\s` matches, by char code, without a regex call per character. */
export function isJsWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * The kept pieces of an instruction's text as [start, end) pairs: its first line(s) joined at each
 * line continuation (an escape character followed only by blanks up to the end of the line), the
 * dropped lines cut out. The walk jumps from escape to escape with indexOf and stops at the first
 * line that does not continue (here-document bodies follow verbatim).
 */
function joinContinuations(text: string, start: number, end: number, escape: string, segments: Segments): void {
  let segment = start;
  let i = start;
  while (i < end) {
    let at = text.indexOf(escape, i);
    if (at < 0 || at > end) at = end;
    let newline = text.indexOf('\n', i);
    if (newline < 0 || newline > end) newline = end;
    // A line break before the next escape ends the instruction's own line: nothing more to join.
    if (newline < at || at >= end) break;
    let j = at + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    if (j >= end || text[j] === '\n') {
      i = skipDroppedLines(text, j + 1, end);
      segments.add(segment, at);
      segment = i;
      continue;
    }
    i = at + 1;
  }
  segments.add(segment, end);
}

/** Inside a continuation Docker ignores blank lines and lines that start with `#`. */
function skipDroppedLines(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    if (j < end && text[j] === '#') {
      const newline = text.indexOf('\n', j);
      i = newline < 0 || newline >= end ? end : newline + 1;
    } else if (j < end && text[j] === '\n') {
      i = j + 1;
    } else {
      return i;
    }
  }
  return i;
}

/** Reads `["a", "b"]`; undefined when the text is not a JSON string array (Docker then uses shell form). */
export function parseExecForm(src: Source): ShellWord[] | undefined {
  const t = src.text;
  // Shell form (nearly every RUN) is told apart by its first character, before any allocation.
  let i = skipSpace(t, 0);
  if (t[i] !== '[') return undefined;
  i = skipSpace(t, i + 1);
  const words: ShellWord[] = [];
  if (t[i] === ']') { i = skipSpace(t, i + 1); return i === t.length ? words : undefined; }
  while (i < t.length) {
    i = skipSpace(t, i);
    if (t[i] !== '"') return undefined;
    const read = readJsonString(src, i);
    if (!read) return undefined;
    words.push(read.word);
    i = skipSpace(t, read.next);
    if (t[i] === ',') { i++; continue; }
    if (t[i] === ']') {
      i = skipSpace(t, i + 1);
      return i === t.length ? words : undefined;
    }
    return undefined;
  }
  return undefined;
}

function skipSpace(t: string, from: number): number {
  let i = from;
  while (i < t.length && isJsWhitespace(t.charCodeAt(i))) i++;
  return i;
}

const jsonEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

/** The JSON string whose opening quote is at `wordStart`, and the index after its closing quote. */
function readJsonString(src: Source, wordStart: number): { word: ShellWord; next: number } | undefined {
  const t = src.text;
  let i = wordStart + 1;
  let value = '';
  const offsets: number[] = [];
  while (i < t.length && t[i] !== '"') {
    if (t[i] === '\\') {
      const e = t[i + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
        offsets.push(src.offsets.at(i));
        i += 6;
        continue;
      }
      const decoded = Object.hasOwn(jsonEscapes, e) ? jsonEscapes[e] : undefined;
      if (decoded === undefined) return undefined;
      value += decoded;
      offsets.push(src.offsets.at(i));
      i += 2;
      continue;
    }
    if (t[i] === '\n') return undefined;
    value += t[i];
    offsets.push(src.offsets.at(i));
    i++;
  }
  if (i >= t.length) return undefined;
  offsets.push(src.offsets.at(i));
  i++;
  return { word: { text: value, start: src.offsets.at(wordStart), end: src.offsets.at(i), quoted: true, dynamic: false, plainPrefix: 0, offsets }, next: i };
}

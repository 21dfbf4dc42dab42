import { Onbuild, type Argument, type Flag, type Heredoc, type Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from '../model';
import { unquoteWord } from '../buildkitWords';
import { instructionIndexer } from '../instructionIndex';
import { isJsWhitespace } from '../runSource';
import { findStage, keywordsOf, semanticsOf, wordReuse, type DockerfileSemantics, type Stage, type StageReference } from '../semantic';
import { perModel } from '../perModel';

/** A parser directive from the file's leading comment block (`# escape=`, `# syntax=`, `# check=`). */
export interface DirectiveLine {
  /** Lower-cased: BuildKit matches directive names case-insensitively. */
  name: string;
  value: string;
  line: number;
  range: Range;
  nameRange: Range;
  valueRange: Range;
}

/**
 * Facts several rules need, computed once per parsed model and shared: rules never re-parse or
 * re-split the text. Everything here is lazy-free and linear in the file size.
 */
export interface DockerfileFacts {
  /** The file's lines (split at \n, a \r before it dropped), made on first use: checks read single lines through `lineText`. */
  readonly lines: readonly string[];
  readonly lineCount: number;
  /** `lines[line]` without making every line: undefined outside the file. */
  lineText(line: number): string | undefined;
  /** `(lines[line] ?? '').trim() === ''`, read from the text in place. */
  isBlankLine(line: number): boolean;
  /** The trimmed line when it is a comment (first non-blank character `#`), else undefined; reads in place. */
  commentText(line: number): string | undefined;
  /**
   * The lines `commentText` answers for, ascending: found from the `#` characters of the text, so
   * the readers of comments (suppression.ts) visit a few lines instead of every line of the file.
   */
  readonly commentLines: readonly number[];
  /** Each instruction's start line, in file order (ascending). */
  readonly startLines: readonly number[];
  readonly instructions: readonly Instruction[];
  /** Upper-cased keyword of each instruction, same order. */
  readonly keywords: readonly string[];
  readonly semantics: DockerfileSemantics;
  readonly directives: readonly DirectiveLine[];
  /**
   * Every reference to a stage (`FROM <stage>`, `COPY --from`, `RUN --mount from=`), read from
   * all flags (dockerfile-ast's getFromFlag only sees `--from` when it is the only flag).
   */
  readonly stageReferences: readonly StageReference[];
  /** Index of the stage an instruction belongs to; -1 before the first FROM. */
  stageIndexOf(instruction: Instruction): number;
  stageOf(instruction: Instruction): Stage | undefined;
  /** The instruction's arguments without heredoc bodies (what the instruction line itself says). */
  lineArguments(instruction: Instruction): Argument[];
  /** Upper-cased keyword of an instruction (no re-scan of the text). */
  keywordOf(instruction: Instruction): string;
  /** The instruction's heredocs, looked for only when its text contains `<<`. */
  heredocsOf(instruction: Instruction): Heredoc[];
  /** The instruction whose range covers a line, if any (binary search). */
  instructionAtLine(line: number): Instruction | undefined;
  /**
   * The instructions with this upper-cased keyword, in file order: a rule about RUN visits only
   * the RUNs instead of filtering every instruction of the file.
   */
  instructionsWith(keyword: string): readonly Instruction[];
  /**
   * The triggers of the `ONBUILD <keyword> …` lines (upper-cased keyword), each parsed as an
   * instruction of its own (its range starts at the trigger's keyword), in file order: the rules
   * that judge what a COPY/ADD copies read them too, since they run in every build FROM this image.
   */
  triggersWith(keyword: string): readonly Instruction[];
  /** `flagsOf(instructions[index])`, read once per instruction for the several flag rules. */
  flagsAt(index: number): Flag[];
  /** Position of the instruction in `instructions`; -1 for one of another parse. */
  indexOf(instruction: Instruction): number;
}

const cached = perModel((model): DockerfileFacts => buildFacts(model));

export function factsOf(model: DockerfileModel): DockerfileFacts {
  return cached(model);
}

const directivePattern = /^#[ \t]*([A-Za-z][A-Za-z0-9]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;

function readDirectives(lineCount: number, lineText: (line: number) => string | undefined): DirectiveLine[] {
  const directives: DirectiveLine[] = [];
  for (let line = 0; line < lineCount; line++) {
    const text = lineText(line)!;
    const match = directivePattern.exec(text);
    if (!match) break;
    const nameStart = text.indexOf(match[1]);
    const valueStart = match[2] ? text.indexOf(match[2], text.indexOf('=') + 1) : text.length;
    directives.push({
      name: match[1].toLowerCase(), value: match[2], line,
      range: { start: { line, character: 0 }, end: { line, character: text.length } },
      nameRange: { start: { line, character: nameStart }, end: { line, character: nameStart + match[1].length } },
      valueRange: { start: { line, character: valueStart }, end: { line, character: valueStart + match[2].length } },
    });
  }
  return directives;
}

/** Exactly `text.split(/\r?\n/)`, without running a regex over the whole file. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) break;
    lines.push(text.slice(start, newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline));
    start = newline + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

/**
 * Where each line starts, lines split at \n as `splitLines` does; one extra entry, `text.length + 1`,
 * closes the last line. Offsets instead of line strings: a check reads only a few lines.
 */
function lineStartsOf(text: string): Int32Array {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const starts = new Int32Array(count + 1);
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
  starts[count] = text.length + 1;
  return starts;
}

/**
 * The lines whose first non-blank character is `#` (what `commentText` answers for), ascending:
 * only the lines holding a `#` are looked at, and each only up to its first `#`.
 */
function commentLinesOf(text: string, starts: Int32Array): number[] {
  const found: number[] = [];
  let line = 0;
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    while (starts[line + 1] <= at) line++;
    let first = starts[line];
    while (first < at && isJsWhitespace(text.charCodeAt(first))) first++;
    if (first === at) found.push(line);
    // The line's first `#` decides: go on from the next line.
    at = starts[line + 1] - 1;
  }
  return found;
}

/** Line access over the text in place (see lineStartsOf). */
class TextLines {
  readonly count: number;

  constructor(private readonly text: string, private readonly starts: Int32Array) {
    this.count = starts.length - 1;
  }

  start(line: number): number {
    return this.starts[line];
  }

  /** End of the line's text: before its \n, and before a \r right before that \n. */
  end(line: number): number {
    const newline = this.starts[line + 1] - 1;
    if (newline >= this.text.length) return this.text.length;
    return newline > this.starts[line] && this.text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
  }

  textOf(line: number): string | undefined {
    return line >= 0 && line < this.count ? this.text.slice(this.start(line), this.end(line)) : undefined;
  }

  /** Index of the line's first character that `trim` would keep; `end(line)` when there is none. */
  firstNonBlank(line: number): number {
    const end = this.end(line);
    let at = this.start(line);
    while (at < end && isJsWhitespace(this.text.charCodeAt(at))) at++;
    return at;
  }
}

const noInstructions: readonly Instruction[] = [];
/** The answer for the instructions without `<<` (nearly all): shared, never written to. */
const noHeredocs: Heredoc[] = [];

/**
 * Per-instruction data lives in arrays indexed by the instruction's position, found by a binary
 * search over start lines: several Maps keyed by instruction cost more to build than the rules
 * save by using them.
 */
function buildFacts(model: DockerfileModel): DockerfileFacts {
  const text = model.document.getText();
  const lineStarts = lineStartsOf(text);
  const textLines = new TextLines(text, lineStarts);
  let commentLines: number[] | undefined;
  const lineText = (line: number) => textLines.textOf(line);
  let lines: string[] | undefined;
  const instructions = model.ast.getInstructions();
  const count = instructions.length;
  const semantics = semanticsOf(model);
  // getKeyword() is upper-cased already (dockerfile-ast: getInstruction().toUpperCase()).
  const keywords = keywordsOf(model);
  const starts: number[] = new Array(count);
  const byKeyword = new Map<string, Instruction[]>();
  // A stage is its FROM and the instructions up to the next FROM (semantic.ts buildStages): its
  // index is the number of FROMs so far, less one.
  const stageIndexes: number[] = new Array(count);
  let stageIndex = -1;
  // Index loops: this runs once per check, too rarely for V8 to drop for…of's iterator results.
  for (let i = 0; i < count; i++) {
    const instruction = instructions[i];
    const keyword = keywords[i];
    if (keyword === 'FROM') stageIndex++;
    stageIndexes[i] = stageIndex;
    starts[i] = instruction.getRange().start.line;
    const group = byKeyword.get(keyword);
    if (group) group.push(instruction);
    else byKeyword.set(keyword, [instruction]);
  }
  const indexOf = instructionIndexer(instructions, starts);
  const argumentCache: (Argument[] | undefined)[] = new Array(count);
  const flagCache: (Flag[] | undefined)[] = new Array(count);
  const heredocCache: (Heredoc[] | undefined)[] = new Array(count);
  let markedLines: number[] | undefined;
  let triggers: Map<string, Instruction[]> | undefined;
  const heredocs = (instruction: Instruction): Heredoc[] => {
    const index = indexOf(instruction);
    let found = index >= 0 ? heredocCache[index] : undefined;
    if (!found) {
      const range = instruction.getRange();
      markedLines ??= linesWithHeredocMarks(model.document.getText());
      const mentions = anyWithin(markedLines, range.start.line, range.end.line);
      found = mentions ? readHeredocs(instruction) : noHeredocs;
      if (index >= 0) heredocCache[index] = found;
    }
    return found;
  };
  const stageIndexOf = (instruction: Instruction): number => {
    const index = indexOf(instruction);
    return index >= 0 ? stageIndexes[index] : -1;
  };

  return {
    get lines() {
      return (lines ??= splitLines(text));
    },
    lineCount: textLines.count,
    lineText,
    isBlankLine: (line) => line < 0 || line >= textLines.count || textLines.firstNonBlank(line) === textLines.end(line),
    commentText(line) {
      if (line < 0 || line >= textLines.count) return undefined;
      const first = textLines.firstNonBlank(line);
      return first < textLines.end(line) && text.charCodeAt(first) === 35 /* # */ ? textLines.textOf(line)!.trim() : undefined;
    },
    get commentLines() {
      return (commentLines ??= commentLinesOf(text, lineStarts));
    },
    startLines: starts,
    instructions, keywords, semantics, directives: readDirectives(textLines.count, lineText),
    stageReferences: collectStageReferences(semantics, instructions, keywords, stageIndexes),
    stageIndexOf,
    keywordOf(instruction) {
      const index = indexOf(instruction);
      return index >= 0 ? keywords[index] : instruction.getKeyword().toUpperCase();
    },
    heredocsOf: heredocs,
    stageOf: (instruction) => semantics.stages[stageIndexOf(instruction)],
    lineArguments(instruction) {
      const index = indexOf(instruction);
      let args = index >= 0 ? argumentCache[index] : undefined;
      if (!args) {
        args = argumentsWithoutHeredocBodies(instruction, heredocs(instruction));
        if (index >= 0) argumentCache[index] = args;
      }
      return args;
    },
    instructionAtLine(line) {
      let low = 0;
      let high = starts.length - 1;
      let found = -1;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (starts[mid] <= line) { found = mid; low = mid + 1; } else high = mid - 1;
      }
      if (found < 0) return undefined;
      const candidate = instructions[found];
      return candidate.getRange().end.line >= line ? candidate : undefined;
    },
    instructionsWith: (keyword) => byKeyword.get(keyword) ?? noInstructions,
    triggersWith(keyword) {
      triggers ??= triggersByKeyword(byKeyword.get('ONBUILD') ?? noInstructions);
      return triggers.get(keyword) ?? noInstructions;
    },
    flagsAt: (index) => (flagCache[index] ??= flagsOf(instructions[index])),
    indexOf,
  };
}

/** The ONBUILD lines' triggers by upper-cased keyword (see DockerfileFacts.triggersWith). */
function triggersByKeyword(onbuilds: readonly Instruction[]): Map<string, Instruction[]> {
  const found = new Map<string, Instruction[]>();
  for (const onbuild of onbuilds) {
    if (!(onbuild instanceof Onbuild)) continue;
    let trigger: Instruction | null = null;
    try {
      trigger = onbuild.getTriggerInstruction();
    } catch {
      trigger = null;
    }
    if (!trigger) continue;
    const keyword = trigger.getKeyword().toUpperCase();
    const group = found.get(keyword);
    if (group) group.push(trigger);
    else found.set(keyword, [trigger]);
  }
  return found;
}

/**
 * The numbers of the lines (as in `lines`, split at \n) that contain `<<`, ascending: one indexOf
 * scan of the file instead of a substring test of every line of every instruction.
 */
function linesWithHeredocMarks(text: string): number[] {
  const marked: number[] = [];
  let line = 0;
  let counted = 0; // newlines before this offset are already in `line`
  for (let at = text.indexOf('<<'); at >= 0; at = text.indexOf('<<', at + 1)) {
    for (let newline = text.indexOf('\n', counted); newline >= 0 && newline < at; newline = text.indexOf('\n', counted)) {
      line++;
      counted = newline + 1;
    }
    if (marked[marked.length - 1] !== line) marked.push(line);
  }
  return marked;
}

/** Does the ascending list hold a number from `low` to `high`? */
function anyWithin(sorted: readonly number[], low: number, high: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < low) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] <= high;
}

function readHeredocs(instruction: Instruction): Heredoc[] {
  const getter = (instruction as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs;
  if (typeof getter !== 'function') return [];
  try {
    return getter.call(instruction);
  } catch {
    return [];
  }
}

function argumentsWithoutHeredocBodies(instruction: Instruction, heredocs: readonly Heredoc[]): Argument[] {
  let args: Argument[];
  try {
    args = instruction.getArguments();
  } catch {
    return [];
  }
  if (heredocs.length === 0) return args;
  // Heredoc bodies start on the line after the first `<<WORD`; the instruction's own words end there.
  const cutLine = Math.min(...heredocs.map((h) => h.getStartRange().start.line + 1));
  return args.filter((arg) => arg.getRange().start.line < cutLine);
}

/** Shorthand used by rules. */
export function rangeOf(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The flags dockerfile-ast found on an instruction (only some instruction kinds carry any). */
export function flagsOf(instruction: Instruction): Flag[] {
  const getter = (instruction as unknown as { getFlags?: () => Flag[] }).getFlags;
  try {
    return typeof getter === 'function' ? getter.call(instruction) : [];
  } catch {
    return [];
  }
}

/** Earlier stages first (what BuildKit resolves); a later stage of that name is kept for messages. */
function targetOf(stages: readonly Stage[], text: string, current: Stage | undefined): Stage | undefined {
  return findStage(stages, text, current) ?? (/^\d+$/.test(text) ? undefined : findStage(stages, text));
}

/**
 * A COPY's `--from` or a RUN's mount `from=` as its flags say it, before the stage it names is
 * looked up (that depends on the whole file's stages, so it is done again for every version).
 */
interface WrittenStageReference {
  kind: 'copy-from' | 'mount-from';
  text: string;
  range: Range;
}

interface WrittenReferences {
  keyword: string;
  escapeChar: string;
  found: readonly WrittenStageReference[];
}

/**
 * What an instruction's flags name, by its flags array. The incremental parse shares an unmoved
 * instruction's flags (the same array, ranges and values) with the version it was copied from
 * (incrementalParse.ts, sharedFields), so a keystroke reads again only the flags of instructions
 * it moved or made; the keyword and escape character are checked too, since the text read depends
 * on them. The map holds nothing alive.
 */
const writtenReferencesOf = new WeakMap<readonly Flag[], WrittenReferences>();
const noWrittenReferences: readonly WrittenStageReference[] = [];
/** Flags read again or found under their shared array (the differential test reads them). */
export const writtenReferenceCounts = { read: 0, reused: 0 };

function writtenReferences(flags: readonly Flag[], keyword: string, escapeChar: string): readonly WrittenStageReference[] {
  const known = wordReuse.enabled ? writtenReferencesOf.get(flags) : undefined;
  if (known !== undefined && known.keyword === keyword && known.escapeChar === escapeChar) {
    writtenReferenceCounts.reused++;
    return known.found;
  }
  writtenReferenceCounts.read++;
  let found: WrittenStageReference[] | undefined;
  // An index loop: for…of allocates an iterator per instruction when this function is not optimised.
  for (let k = 0; k < flags.length; k++) {
    const flag = flags[k];
    if (keyword === 'COPY' && flag.getName() === 'from') {
      // BuildKit removes quotes from flag values (`--from="build"` names the stage build).
      const written = flag.getValue();
      const text = written && /["']/.test(written) ? unquoteWord(written, escapeChar).value : written;
      const range = flag.getValueRange();
      if (text && range) (found ??= []).push({ kind: 'copy-from', text, range });
    } else if (keyword === 'RUN' && flag.getName() === 'mount') {
      for (const option of flag.getOptions()) {
        const text = option.getValue();
        const range = option.getValueRange();
        if (option.getName() === 'from' && text && range) (found ??= []).push({ kind: 'mount-from', text, range });
      }
    }
  }
  const result = found ?? noWrittenReferences;
  if (wordReuse.enabled) writtenReferencesOf.set(flags, { keyword, escapeChar, found: result });
  return result;
}

function collectStageReferences(semantics: DockerfileSemantics, instructions: readonly Instruction[], keywords: readonly string[], stageIndexes: readonly number[]): StageReference[] {
  const { stages, escapeChar } = semantics;
  const references: StageReference[] = [];
  for (let index = 0; index < instructions.length; index++) {
    const keyword = keywords[index];
    if (keyword !== 'FROM' && keyword !== 'COPY' && keyword !== 'RUN') continue;
    const instruction = instructions[index];
    const current = stages[stageIndexes[index]];
    if (keyword === 'FROM') {
      const stage = current;
      if (stage?.baseImage && stage.baseImageRange) references.push({ kind: 'from', text: stage.baseImage, range: stage.baseImageRange, instruction, target: stage.baseStage });
      continue;
    }
    const written = writtenReferences(flagsOf(instruction), keyword, escapeChar);
    for (let k = 0; k < written.length; k++) {
      const { kind, text, range } = written[k];
      references.push({ kind, text, range, instruction, target: targetOf(stages, text, current) });
    }
  }
  return references;
}

import { DockerfileParser, type Argument, type Flag } from 'dockerfile-ast';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Instruction } from 'dockerfile-ast/lib/instruction';
import { From } from 'dockerfile-ast/lib/instructions/from';
import { ModifiableInstruction } from 'dockerfile-ast/lib/modifiableInstruction';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { PositionCursor, scanArguments } from './argumentScanner';

/**
 * dockerfile-ast recomputes an instruction's arguments (a character scan plus a position lookup
 * per argument) on every `getArguments()` call and hands out a fresh array each time; its own
 * parser asks about three times per instruction, and flags, hovers and rules ask again (and
 * `getKeyword()` upper-cases the keyword anew on each of the ~100 rules' calls). An
 * instruction's text and range never change after parsing, so:
 * - the scan runs once per instruction, through our port of it (argumentScanner.ts);
 * - `getRawArguments()` and `getArguments()` answer one shared array per instruction instead of a
 *   copy per call. Copies were a large share of a large file's garbage (and garbage collection a
 *   third of its check time). Nothing in dockerfile-ast or Stevedore changes these arrays, and
 *   the corpus robustness test (test/corpus/robustness.test.ts) checks they are intact after every feature has run
 *   over the corpus. (Not frozen: V8 iterates frozen arrays through a slow, allocating path.)
 * Checked to give identical instructions, arguments, flags and heredocs on every corpus
 * Dockerfile, and identical diagnostics.
 *
 * These patches reach into dockerfile-ast's private modules and fields, so package.json pins the
 * version they were verified against (below; a unit test fails when another one is installed).
 * In case a build still meets a library without what they need, installArgumentsCache checks
 * first and leaves the library alone when anything is missing: slower, still correct.
 */

/** The dockerfile-ast version these patches (and argumentScanner.ts, propertyValue.ts) were verified against on the corpus. */
export const verifiedDockerfileAstVersion = '0.7.1';

interface RawArgumentsOwner {
  getRawArguments(): Argument[];
  getKeyword(): string;
}

/** The fields of dockerfile-ast's Instruction that the scan reads (public at run time, not in the typings). */
interface ScannableInstruction {
  document: TextDocument & { [cursorKey]?: PositionCursor };
  escapeChar: string;
  getInstructionRange(): Range;
  getTextContent(): string;
}

/** Stored on the instance itself: a property read is cheaper than a WeakMap lookup on this hot path. */
const cached = Symbol('stevedore.rawArguments');
const cachedKeyword = Symbol('stevedore.keyword');
const cachedArguments = Symbol('stevedore.arguments');
/** An instruction's raw arguments if they were scanned already (without scanning them). */
export function memoisedRawArguments(instruction: object): readonly Argument[] | undefined {
  return (instruction as CachingInstruction)[cached];
}

/** The keys of the memos these patches keep on an instruction (incrementalParse.ts copies them). */
export const memoKeys: readonly symbol[] = [cached, cachedKeyword, cachedArguments];
/** Which of `memoKeys` holds the raw arguments. */
export const rawArgumentsMemoKey: symbol = cached;
/** The instruction whose flags dockerfile-ast is collecting right now (a module slot, not a property per instance). */
let collectingFlagsOf: object | undefined;
/** One position cursor per parsed text, kept on dockerfile-ast's own document object. */
const cursorKey = Symbol('stevedore.positionCursor');
type CachingInstruction = RawArgumentsOwner & { [cached]?: Argument[]; [cachedKeyword]?: string };

// getRawArguments is private in the typings but an ordinary prototype method at run time.
const prototype = Instruction.prototype as unknown as RawArgumentsOwner;
const computeRawArguments = prototype.getRawArguments;
const computeKeyword = prototype.getKeyword;

/** Instructions that take flags (RUN, COPY, FROM…): their arguments are the raw ones minus flags. */
interface FlaggedInstruction {
  getFlags(): Flag[];
  getArguments(): Argument[];
  getRawArguments(): Argument[];
  flags?: Flag[];
  [cachedArguments]?: Argument[];
}
const flaggedPrototype = ModifiableInstruction.prototype as unknown as FlaggedInstruction;
const collectFlags = flaggedPrototype.getFlags;
const originalArguments = flaggedPrototype.getArguments;

/**
 * Two library methods change what they get from getArguments() in place, harmless on the copies
 * the library hands out but not on the shared arrays: getExpandedArguments() replaces arguments in
 * the array, and From's getImageNameRange() moves the ends of the range getImageRange() answers
 * (the first argument's own range). The first is run with copies of the arrays; the second gets a
 * range of its own. (Stevedore calls neither today; the incremental parse's test does.)
 */
interface ExpandingInstruction { getExpandedArguments(): Argument[] }
const expandingPrototype = Instruction.prototype as unknown as ExpandingInstruction;
const originalExpandedArguments = expandingPrototype.getExpandedArguments;
/** The instruction whose getExpandedArguments() runs now: it gets copies of its argument arrays. */
let expandingArgumentsOf: object | undefined;
/**
 * dockerfile-ast's parser builds every instruction with arguments twice: once to look for
 * here-documents (processArguments hands a new instruction to processHeredocs, which reads its
 * arguments and drops it), then again, from the same text and range, to keep. For RUN, COPY, ADD,
 * CMD and the other JSON-form instructions the constructor already scans the arguments and flags,
 * so the scan and its garbage were doubled. The second request, with the same parser, Dockerfile,
 * keyword and offsets as the one before it, now gets the instruction just built: it has only been
 * read. With here-documents the kept instruction ends later, so it is built anew as before.
 */
interface InstructionFactory {
  createInstruction(dockerfile: object, keyword: string, start: number, keywordEnd: number, end: number): unknown;
  parse(buffer: string): unknown;
}
const factoryPrototype = Parser.prototype as unknown as InstructionFactory;
const originalCreateInstruction = factoryPrototype.createInstruction;
const originalParse = factoryPrototype.parse;
// The last instruction built and what it was built from (module slots: no record per instruction).
let lastParser: object | undefined;
let lastDockerfile: object | undefined;
let lastKeyword = '';
let lastStart = -1;
let lastKeywordEnd = -1;
let lastEnd = -1;
let lastBuilt: unknown;

function forgetLastBuilt(): void {
  lastParser = lastDockerfile = lastBuilt = undefined;
}

/** For parses that drive the parser's methods themselves (incrementalParse.ts), once done. */
export const forgetLastBuiltInstruction = forgetLastBuilt;

interface ImageRanges { getImageRange(): Range | null }
const fromPrototype = From.prototype as unknown as ImageRanges;
const originalImageRange = fromPrototype.getImageRange;

let installed = false;

/**
 * What the patches take from dockerfile-ast: its own methods (as found before patching) and a
 * probe, an instruction fresh from its parser (a RUN with a flag and a continuation).
 */
export interface ParserInternals {
  getRawArguments: unknown;
  getKeyword: unknown;
  getFlags: unknown;
  getArguments: unknown;
  probe: unknown;
}

const probeText = 'FROM alpine\nRUN --mount=type=cache,target=/x echo a \\\n  b\n';

/** The library's internals as this build finds them. */
export function libraryInternals(): ParserInternals {
  let probe: unknown;
  try {
    probe = DockerfileParser.parse(probeText).getInstructions()[1];
  } catch {
    probe = undefined;
  }
  return { getRawArguments: computeRawArguments, getKeyword: computeKeyword, getFlags: collectFlags, getArguments: originalArguments, probe };
}

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === 'function';

/** An argument list as plain values and ranges, to compare two scans. */
function plainArguments(args: unknown): string {
  if (!Array.isArray(args)) return 'not an array';
  return JSON.stringify(args.map((arg: Argument) => [arg.getValue(), arg.getRange()]));
}

/**
 * What the patches need and `internals` lack (empty: safe to patch). Checks the methods they wrap,
 * the fields the port reads on the probe, that dockerfile-ast keeps collected flags in `flags`,
 * and that the port scans the probe exactly as the library does.
 */
export function missingParserInternals(internals: ParserInternals): string[] {
  const missing: string[] = [];
  const { getRawArguments, getKeyword, getFlags, getArguments } = internals;
  for (const [name, method] of Object.entries({ getRawArguments, getKeyword, getFlags, getArguments })) {
    if (!isFunction(method)) missing.push(`Instruction method ${name}`);
  }
  const probe = internals.probe as (Partial<ScannableInstruction> & { flags?: unknown }) | undefined;
  if (typeof probe !== 'object' || probe === null) return [...missing, 'a parsed instruction'];
  const document = probe.document as unknown as Record<string, unknown> | undefined;
  if (typeof document !== 'object' || document === null || !['offsetAt', 'positionAt', 'getText'].every((name) => isFunction(document[name]))) {
    missing.push('instruction field document (offsetAt, positionAt, getText)');
  }
  if (typeof probe.escapeChar !== 'string' || probe.escapeChar.length !== 1) missing.push('instruction field escapeChar');
  if (!isFunction(probe.getInstructionRange)) missing.push('Instruction method getInstructionRange');
  if (!isFunction(probe.getTextContent)) missing.push('Instruction method getTextContent');
  if (missing.length > 0 || !isFunction(getKeyword) || !isFunction(getFlags) || !isFunction(getRawArguments)) return missing;
  try {
    if (getKeyword.call(probe) !== 'RUN') missing.push('getKeyword answering the keyword');
    // The library's scan first: the port then routes the probe document's lookups through its cursor.
    const reference = plainArguments(getRawArguments.call(probe));
    if (plainArguments(scanRawArguments(probe as ScannableInstruction)) !== reference) missing.push('the ported scan agreeing with getRawArguments');
    const flags = getFlags.call(probe);
    if (!Array.isArray(flags) || flags.length !== 1 || probe.flags !== flags) missing.push('instruction field flags holding the collected flags');
  } catch (error) {
    missing.push(`a probe parse that works (${error instanceof Error ? error.message : String(error)})`);
  }
  return missing;
}

/** dockerfile-ast's own scan, untouched: the reference the port is tested against. */
export function referenceRawArguments(instruction: Instruction): Argument[] {
  return computeRawArguments.call(instruction as unknown as RawArgumentsOwner);
}

/** The port, without the memo; undefined where it defers to the reference. */
export function portedRawArguments(instruction: Instruction): Argument[] | undefined {
  return scanRawArguments(instruction as unknown as ScannableInstruction);
}

/**
 * Patches dockerfile-ast when `internals` have everything the patches need; answers what was
 * missing (empty when installed). Silent either way: in stdio mode stdout is the LSP channel.
 */
export function installArgumentsCache(internals: ParserInternals = libraryInternals()): string[] {
  if (installed) return [];
  const missing = missingParserInternals(internals);
  if (missing.length > 0) return missing;
  installed = true;
  prototype.getRawArguments = function memoisedRawArguments(this: CachingInstruction): Argument[] {
    let args = this[cached];
    if (!args) {
      args = scanRawArguments(this as unknown as ScannableInstruction) ?? computeRawArguments.call(this);
      this[cached] = args;
    }
    return expandingArgumentsOf === this ? args.slice() : args;
  };
  // Every rule asks each instruction for its keyword: upper-case it once, not on every call.
  prototype.getKeyword = function memoisedKeyword(this: CachingInstruction): string {
    return (this[cachedKeyword] ??= computeKeyword.call(this));
  };
  // dockerfile-ast collects flags by walking getArguments() (its flags memoised from then on);
  // while it does, getArguments() must answer what the original did then: every raw argument.
  flaggedPrototype.getFlags = function memoisedFlags(this: FlaggedInstruction): Flag[] {
    if (this.flags) return this.flags;
    const outer = collectingFlagsOf;
    collectingFlagsOf = this;
    try {
      return collectFlags.call(this);
    } finally {
      collectingFlagsOf = outer;
    }
  };
  // The original drops one leading argument per flag from a fresh copy of the raw arguments.
  flaggedPrototype.getArguments = function memoisedArguments(this: FlaggedInstruction): Argument[] {
    if (collectingFlagsOf === this) return this.getRawArguments();
    let args = this[cachedArguments];
    if (!args) {
      const flagCount = this.getFlags().length;
      const raw = this.getRawArguments();
      args = flagCount === 0 ? raw : raw.slice(flagCount);
      this[cachedArguments] = args;
    }
    return expandingArgumentsOf === this ? args.slice() : args;
  };
  expandingPrototype.getExpandedArguments = function expandedOnCopies(this: ExpandingInstruction): Argument[] {
    const outer = expandingArgumentsOf;
    expandingArgumentsOf = this;
    try {
      return originalExpandedArguments.call(this);
    } finally {
      expandingArgumentsOf = outer;
    }
  };
  if (typeof originalCreateInstruction === 'function' && typeof originalParse === 'function') {
    factoryPrototype.createInstruction = function builtOnce(this: object, dockerfile: object, keyword: string, start: number, keywordEnd: number, end: number): unknown {
      if (lastParser === this && lastDockerfile === dockerfile && lastStart === start && lastKeywordEnd === keywordEnd && lastEnd === end && lastKeyword === keyword) {
        const built = lastBuilt;
        forgetLastBuilt();
        return built;
      }
      const built = originalCreateInstruction.call(this, dockerfile, keyword, start, keywordEnd, end);
      lastParser = this;
      lastDockerfile = dockerfile;
      lastKeyword = keyword;
      lastStart = start;
      lastKeywordEnd = keywordEnd;
      lastEnd = end;
      lastBuilt = built;
      return built;
    };
    // The slots must not keep the last parse's text alive.
    factoryPrototype.parse = function parseAndForget(this: InstructionFactory, buffer: string): unknown {
      try {
        return originalParse.call(this, buffer);
      } finally {
        forgetLastBuilt();
      }
    };
  }
  fromPrototype.getImageRange = function imageRangeOfItsOwn(this: ImageRanges): Range | null {
    const range = originalImageRange.call(this);
    return range && { start: range.start, end: range.end };
  };
  return [];
}

/** Puts dockerfile-ast's own methods back, for tests that compare against the plain library. */
export function uninstallArgumentsCache(): void {
  if (!installed) return;
  installed = false;
  prototype.getRawArguments = computeRawArguments;
  prototype.getKeyword = computeKeyword;
  flaggedPrototype.getFlags = collectFlags;
  flaggedPrototype.getArguments = originalArguments;
  expandingPrototype.getExpandedArguments = originalExpandedArguments;
  fromPrototype.getImageRange = originalImageRange;
  factoryPrototype.createInstruction = originalCreateInstruction;
  factoryPrototype.parse = originalParse;
  forgetLastBuilt();
}

/** Our port of the scan (see argumentScanner.ts); undefined where it does not apply (an unusual escape character). */
function scanRawArguments(instruction: ScannableInstruction): Argument[] | undefined {
  const { document, escapeChar } = instruction;
  if (typeof escapeChar !== 'string' || escapeChar.length !== 1 || typeof instruction.getTextContent !== 'function') return undefined;
  const range = instruction.getInstructionRange();
  const start = document.offsetAt(range.start);
  const keywordLength = document.offsetAt(range.end) - start;
  const text = instruction.getTextContent().substring(keywordLength);
  return scanArguments(text, start + keywordLength, escapeChar.charCodeAt(0), positionCursorOf(document));
}

/**
 * The position cursor of one of dockerfile-ast's parse documents, made on first use. That document
 * (private to one parse, never edited) then answers every later position lookup of the parse, its
 * flags and ranges through the same cursor.
 */
export function positionCursorOf(parseDocument: TextDocument): PositionCursor {
  const document = parseDocument as ScannableInstruction['document'];
  let cursor = document[cursorKey];
  if (!cursor) {
    const created = new PositionCursor(document);
    cursor = document[cursorKey] = created;
    document.positionAt = (offset: number) => created.positionAt(offset);
  }
  return cursor;
}

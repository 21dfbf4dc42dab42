import type { Argument, Flag } from 'dockerfile-ast';
import { Instruction } from 'dockerfile-ast/lib/instruction';
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
 */
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

let installed = false;

/** dockerfile-ast's own scan, untouched: the reference the port is tested against. */
export function referenceRawArguments(instruction: Instruction): Argument[] {
  return computeRawArguments.call(instruction as unknown as RawArgumentsOwner);
}

/** The port, without the memo; undefined where it defers to the reference. */
export function portedRawArguments(instruction: Instruction): Argument[] | undefined {
  return scanRawArguments(instruction as unknown as ScannableInstruction);
}

export function installArgumentsCache(): void {
  if (installed) return;
  installed = true;
  prototype.getRawArguments = function memoisedRawArguments(this: CachingInstruction): Argument[] {
    let args = this[cached];
    if (!args) {
      args = scanRawArguments(this as unknown as ScannableInstruction) ?? computeRawArguments.call(this);
      this[cached] = args;
    }
    return args;
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
    return args;
  };
}

/** Our port of the scan (see argumentScanner.ts); undefined where it does not apply (an unusual escape character). */
function scanRawArguments(instruction: ScannableInstruction): Argument[] | undefined {
  const { document, escapeChar } = instruction;
  if (typeof escapeChar !== 'string' || escapeChar.length !== 1 || typeof instruction.getTextContent !== 'function') return undefined;
  const range = instruction.getInstructionRange();
  const start = document.offsetAt(range.start);
  const keywordLength = document.offsetAt(range.end) - start;
  const text = instruction.getTextContent().substring(keywordLength);
  let cursor = document[cursorKey];
  if (!cursor) {
    const created = new PositionCursor(document);
    cursor = document[cursorKey] = created;
    // dockerfile-ast's own document (private to one parse, never edited) answers every later
    // position lookup of the parse, its flags and ranges through the same cursor.
    document.positionAt = (offset: number) => created.positionAt(offset);
  }
  return scanArguments(text, start + keywordLength, escapeChar.charCodeAt(0), cursor);
}

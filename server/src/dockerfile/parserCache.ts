import type { Argument } from 'dockerfile-ast';
import { Instruction } from 'dockerfile-ast/lib/instruction';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { PositionCursor, scanArguments } from './argumentScanner';

/**
 * dockerfile-ast recomputes an instruction's arguments (a character scan plus a position lookup
 * per argument) on every `getArguments()` call, and its own parser calls it about three times per
 * instruction; every flag, hover and rule calls it again (and `getKeyword()` upper-cases the
 * keyword anew on each of the ~100 rules' calls). An instruction's text and range never
 * change after parsing, so the result is memoised per instance. Checked to give identical
 * instructions, arguments, flags and heredocs on every corpus Dockerfile; parsing a 1,000-line
 * file takes about half the time.
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
/** One position cursor per parsed text, kept on dockerfile-ast's own document object. */
const cursorKey = Symbol('stevedore.positionCursor');
type CachingInstruction = RawArgumentsOwner & { [cached]?: Argument[]; [cachedKeyword]?: string };

// getRawArguments is private in the typings but an ordinary prototype method at run time.
const prototype = Instruction.prototype as unknown as RawArgumentsOwner;
const computeRawArguments = prototype.getRawArguments;
const computeKeyword = prototype.getKeyword;

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
    // Callers may push to the array they get; hand out a copy, never the cached one.
    return args.slice();
  };
  // Every rule asks each instruction for its keyword: upper-case it once, not on every call.
  prototype.getKeyword = function memoisedKeyword(this: CachingInstruction): string {
    return (this[cachedKeyword] ??= computeKeyword.call(this));
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

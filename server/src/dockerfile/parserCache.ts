import type { Argument } from 'dockerfile-ast';
import { Instruction } from 'dockerfile-ast/lib/instruction';

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

/** Stored on the instance itself: a property read is cheaper than a WeakMap lookup on this hot path. */
const cached = Symbol('stevedore.rawArguments');
const cachedKeyword = Symbol('stevedore.keyword');
type CachingInstruction = RawArgumentsOwner & { [cached]?: Argument[]; [cachedKeyword]?: string };

// getRawArguments is private in the typings but an ordinary prototype method at run time.
const prototype = Instruction.prototype as unknown as RawArgumentsOwner;
const computeRawArguments = prototype.getRawArguments;
const computeKeyword = prototype.getKeyword;

let installed = false;

export function installArgumentsCache(): void {
  if (installed) return;
  installed = true;
  prototype.getRawArguments = function memoisedRawArguments(this: CachingInstruction): Argument[] {
    let args = this[cached];
    if (!args) {
      args = computeRawArguments.call(this);
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

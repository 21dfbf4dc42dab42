import { Range, type Position } from 'vscode-languageserver-types';

/**
 * `Range.create(start, end)` from vscode-languageserver-types validates its arguments with
 * `Object.prototype.toString` calls (four per position) before building `{ start, end }`.
 * dockerfile-ast calls it for every argument, flag and instruction it parses: about a tenth of a
 * parse. This puts a cheap test in front for the common call with two plain positions and leaves
 * every other call to the original, so results (and errors) are the same as before.
 */
const maxUinteger = 2147483647;
type RangeCreate = (one: unknown, two: unknown, three?: unknown, four?: unknown) => Range;

const original = Range.create as RangeCreate;
let installed = false;

/** The original's `Position.is` for values that are plain numbers (the only kind the fast path takes). */
function isPlainPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const { line, character } = value as Position;
  return typeof line === 'number' && line >= 0 && line <= maxUinteger && typeof character === 'number' && character >= 0 && character <= maxUinteger;
}

export function fastRangeCreate(one: unknown, two: unknown, three?: unknown, four?: unknown): Range {
  // Two positions: the original's first test (four numbers) fails for objects, its second returns this.
  if (isPlainPosition(one) && isPlainPosition(two)) return { start: one, end: two };
  return original(one, two, three, four);
}

export function installFastRangeCreate(): void {
  if (installed) return;
  installed = true;
  (Range as { create: RangeCreate }).create = fastRangeCreate;
}

/** The library's own function, for the equivalence test. */
export const originalRangeCreate: RangeCreate = original;

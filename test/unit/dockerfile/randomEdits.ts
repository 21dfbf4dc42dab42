/** Shared by the Dockerfile differential tests: a text edit, and where a seeded random edit lands. */
export interface Edit { start: number; end: number; text: string }

/**
 * Draws one offset in the text (one call of `next`) and gives the line around it, plus a seeded
 * `pick` from a list: what each test's own mix of edit kinds starts from.
 */
export function editSite(text: string, next: () => number): { pick: <T>(list: readonly T[]) => T; at: number; lineStart: number; lineEndAt: number; lineEnd: number } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEndAt = text.indexOf('\n', at);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt + 1;
  return { pick, at, lineStart, lineEndAt, lineEnd };
}

/** Shared by the Kubernetes differential tests: a text edit, and where a file's `---` documents start. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Offsets where a `---` document starts (0 and each marker line), and the end of the text. */
export function documentBounds(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\n---(?=[ \t\r\n]|$)/g)) starts.push(match.index + 1);
  return [...starts, text.length];
}

/**
 * Where a seeded random edit lands (two calls of `next`): an offset and its line start, the file's
 * document bounds and one document among them, plus a seeded `pick` from a list.
 */
export function manifestEditSite(text: string, next: () => number): { pick: <T>(items: readonly T[]) => T; at: number; lineStart: number; docs: number[]; doc: number } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const docs = documentBounds(text);
  const doc = Math.floor(next() * (docs.length - 1));
  return { pick, at, lineStart, docs, doc };
}

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

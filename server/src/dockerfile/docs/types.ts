import type { Localized } from '../../common/localized';

/** One documented thing (an instruction, a flag, a value, a directive, a build arg…), in both languages. */
export interface DocEntry {
  summary: Localized;
  /**
   * One line saying what it does, for a completion item's detail, when the summary is longer than a
   * line (see `detailLine`).
   */
  brief?: Localized;
  /** The forms it is written in, as they appear in a Dockerfile. */
  syntax?: string[];
  example?: string;
  /** Mistakes people actually make with it. */
  pitfalls?: Localized[];
  deprecated?: boolean;
}

/** A named value a flag, option or argument accepts (`host` for `--network`, `locked` for `sharing`…). */
export interface ValueDoc extends DocEntry {
  name: string;
}

/** Builds a value table keyed by name from a list, keeping the list order for completion. */
export function byName<T extends { name: string }>(entries: readonly T[]): Readonly<Record<string, T>> {
  const table: Record<string, T> = Object.create(null);
  for (const entry of entries) table[entry.name] = entry;
  return table;
}

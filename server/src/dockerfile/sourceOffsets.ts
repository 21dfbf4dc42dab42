/**
 * Where each character of a text handed to the shell lexer sits in the document. Index
 * `text.length` answers where the text ends. Reads outside `0..length-1` answer undefined, as an
 * array read would.
 *
 * A RUN's text is the document with continuation lines cut out, so its offsets are a few
 * contiguous runs: `pieceOffsets` stores one start per run instead of one number per character
 * (an array of every offset was the largest allocation of the whole shell analysis).
 */
export interface OffsetMap {
  /** `text.length + 1`. */
  readonly length: number;
  at(index: number): number;
  /** Like `Array.prototype.slice(from, to)` on the list of offsets. */
  slice(from: number, to: number): OffsetMap;
}

/** Offsets given one per character (used for the few texts that are not runs of the document). */
export function arrayOffsets(offsets: readonly number[]): OffsetMap {
  return new ArrayOffsets(offsets);
}

/**
 * Offsets of a text made of contiguous runs of the document: run k starts at text index
 * `textStarts[k]` and document offset `documentStarts[k]`; the last index (`length - 1`) maps to `end`.
 */
export function pieceOffsets(textStarts: number[], documentStarts: number[], length: number, end: number): OffsetMap {
  return new PieceOffsets(textStarts, documentStarts, length, end);
}

class ArrayOffsets implements OffsetMap {
  constructor(private readonly offsets: readonly number[]) {}

  get length(): number {
    return this.offsets.length;
  }

  at(index: number): number {
    return this.offsets[index];
  }

  slice(from: number, to: number): OffsetMap {
    return new ArrayOffsets(this.offsets.slice(from, to));
  }
}

class PieceOffsets implements OffsetMap {
  /** The run the last lookup landed in: the lexer reads mostly forward. */
  private hint = 0;

  constructor(
    private readonly textStarts: number[],
    private readonly documentStarts: number[],
    readonly length: number,
    private readonly end: number,
  ) {}

  at(index: number): number {
    if (!(index >= 0 && index < this.length)) return undefined as unknown as number;
    if (index === this.length - 1) return this.end;
    const run = this.runOf(index);
    return this.documentStarts[run] + (index - this.textStarts[run]);
  }

  slice(from: number, to: number): OffsetMap {
    const start = clampIndex(from, this.length);
    const stop = clampIndex(to, this.length);
    if (stop <= start) return new PieceOffsets([], [], 0, 0);
    // The slice's own last entry is the original offset at `stop - 1`; the runs cover the rest.
    const textStarts: number[] = [];
    const documentStarts: number[] = [];
    for (let index = start; index < stop - 1;) {
      const run = this.runOf(index);
      textStarts.push(index - start);
      documentStarts.push(this.documentStarts[run] + (index - this.textStarts[run]));
      index = run + 1 < this.textStarts.length ? this.textStarts[run + 1] : stop - 1;
    }
    return new PieceOffsets(textStarts, documentStarts, stop - start, this.at(stop - 1));
  }

  /** The run holding a text index below `length - 1` (the last run starting at or before it). */
  private runOf(index: number): number {
    const starts = this.textStarts;
    let run = this.hint;
    if (!(starts[run] <= index && (run + 1 >= starts.length || starts[run + 1] > index))) {
      let low = 0;
      let high = starts.length - 1;
      run = 0;
      while (low <= high) {
        const mid = (low + high) >> 1;
        if (starts[mid] <= index) { run = mid; low = mid + 1; } else high = mid - 1;
      }
      this.hint = run;
    }
    return run;
  }
}

/** Array.prototype.slice's handling of an index argument (negative counts from the end). */
function clampIndex(index: number, length: number): number {
  const whole = Math.trunc(index) || 0;
  return whole < 0 ? Math.max(0, length + whole) : Math.min(whole, length);
}

import { Argument as ImportedArgument } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * A faster, behaviour-identical port of dockerfile-ast's `Instruction.getRawArguments()` scan
 * (0.7.1): how an instruction's text splits into arguments, honouring escaped newlines, escaped
 * whitespace, comment lines inside continuations and the escape directive.
 *
 * Why it exists: on a 1,000-line Dockerfile the original scan was the largest single cost of a
 * parse. It grows every argument one character at a time (`arg = arg + char`), and looks up every
 * argument's start and end with a binary search over the file's lines. This port keeps the same
 * state machine but appends runs of plain characters as one slice and finds positions with a
 * cursor that walks forward from the previous lookup (offsets only grow within an instruction).
 * `test/unit/dockerfile/argumentScanner.test.ts` checks it against the original on every corpus
 * Dockerfile and on generated edge cases.
 */

type Argument = ImportedArgument;

/**
 * An argument whose range is worked out on first use. Most arguments are only ever asked for their
 * value, and a range is three objects (a range and two positions): building them lazily takes a
 * third off a large file's parse garbage. dockerfile-ast's constructor assigns `this.range`; the
 * accessor below (on the prototype) takes that assignment, so the class stays a drop-in Argument.
 */
export class LazyRangeArgument extends ImportedArgument {
  private resolvedRange: Range | undefined;

  constructor(value: string, private readonly cursor: PositionCursor, private readonly startOffset: number, private readonly endOffset: number) {
    super(value, undefined as unknown as Range);
  }

  /**
   * The same argument in another parse, of a text where its lines sit `lineDelta` lines lower and
   * read the same (incrementalParse.ts). It is placed in that text through its cursor, so nothing of
   * the text it was scanned in is kept.
   */
  movedTo(cursor: PositionCursor, lineDelta: number): LazyRangeArgument {
    const start = this.cursor.positionAt(this.startOffset);
    const end = this.cursor.positionAt(this.endOffset);
    return new LazyRangeArgument(this.getValue(), cursor, cursor.offsetAt(start.line + lineDelta, start.character), cursor.offsetAt(end.line + lineDelta, end.character));
  }

  /** The cursor of the text it was scanned in (one per parse). */
  cursorOf(): PositionCursor {
    return this.cursor;
  }

  /** The range dockerfile-ast's methods read as `this.range`. */
  resolveRange(): Range {
    return (this.resolvedRange ??= { start: this.cursor.positionAt(this.startOffset), end: this.cursor.positionAt(this.endOffset) });
  }
}
Object.defineProperty(LazyRangeArgument.prototype, 'range', {
  get(this: LazyRangeArgument): Range {
    return this.resolveRange();
  },
  set(this: { resolvedRange: Range | undefined }, range: Range | undefined) {
    if (range !== undefined) this.resolvedRange = range;
  },
});

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const DOLLAR = 0x24;

/** Line start offsets of a document, as vscode-languageserver-textdocument keeps them. */
interface LineOffsetsOwner {
  getLineOffsets?: () => number[];
}

/**
 * `document.positionAt` for offsets that mostly increase: starts from the line of the previous
 * answer and walks forward, falling back to a binary search. Same results as positionAt,
 * including its rule that an offset inside a line break maps to the end of that line.
 */
export class PositionCursor {
  private line = 0;
  private readonly offsets: number[] | undefined;
  private readonly text: string;
  /** The document's own lookup, kept even if the document's method is later replaced by this cursor. */
  private readonly fallback: (offset: number) => Position;
  private readonly fallbackOffset: (position: Position) => number;

  constructor(document: TextDocument) {
    this.offsets = (document as unknown as LineOffsetsOwner).getLineOffsets?.();
    this.text = document.getText();
    this.fallback = document.positionAt.bind(document);
    this.fallbackOffset = document.offsetAt.bind(document);
  }

  /** The offset of a character of a line (a position this cursor gave for its text). */
  offsetAt(line: number, character: number): number {
    const offsets = this.offsets;
    if (!offsets || offsets.length === 0) return this.fallbackOffset({ line, character });
    return offsets[line] + character;
  }

  positionAt(requested: number): Position {
    const offsets = this.offsets;
    if (!offsets || offsets.length === 0) return this.fallback(requested);
    const offset = Math.max(Math.min(requested, this.text.length), 0);
    let line = this.line;
    if (offsets[line] > offset) line = lineOf(offsets, offset);
    else while (line + 1 < offsets.length && offsets[line + 1] <= offset) line++;
    this.line = line;
    const lineStart = offsets[line];
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return { line, character: at - lineStart };
  }
}

/** The last line whose start is at or before the offset. */
export function lineOf(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (offsets[mid] > offset) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR || code === LF;
}

/**
 * The argument being read and the list so far. A class rather than closures over the scan's
 * locals: closures would put those locals in a heap context allocated on every call.
 */
class ArgumentCollector {
  readonly args: Argument[] = [];
  /** Where the current argument starts in `text`, or -1 between arguments. */
  found = -1;
  // The argument's value so far is `value` followed by text[runStart, runEnd).
  private value = '';
  private runStart = -1;
  private runEnd = -1;

  constructor(private readonly text: string, private readonly offset: number, private readonly cursor: PositionCursor) {}

  /** A plain character at `i` joins the argument; neighbours join as one slice. */
  appendChar(i: number): void {
    if (this.runStart !== -1 && this.runEnd === i) this.runEnd = i + 1;
    else {
      this.flush();
      this.runStart = i;
      this.runEnd = i + 1;
    }
    if (this.found === -1) this.found = i;
  }

  appendText(piece: string, at: number): void {
    this.flush();
    this.value += piece;
    if (this.found === -1) this.found = at;
  }

  /** Ends the current argument at `end` (an index in `text`). */
  push(end: number): void {
    this.flush();
    this.args.push(new LazyRangeArgument(this.value, this.cursor, this.offset + this.found, this.offset + end));
    this.value = '';
    this.found = -1;
  }

  private flush(): void {
    if (this.runStart !== -1) {
      this.value += this.text.slice(this.runStart, this.runEnd);
      this.runStart = -1;
    }
  }
}

/**
 * Splits `text` (an instruction's arguments, starting at document offset `offset`) into arguments.
 * `escape` is the instruction's escape character (`\` or a backtick).
 */
export function scanArguments(text: string, offset: number, escape: number, cursor: PositionCursor): Argument[] {
  const collector = new ArgumentCollector(text, offset, cursor);
  let start = false;
  let comment = false;
  // A space or tab that is part of an escaped line break has been seen.
  let escapedWhitespaceDetected = false;
  // Inside an escaped line break sequence.
  let escaping = false;
  let escapeMarker = -1;

  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isBlank(code)) {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (isLineBreak(code)) {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (collector.found !== -1) {
        collector.push(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
      }
    } else if (code === escape) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        whitespaceCheck: for (let j = i + 2; j < length; j++) {
          const after = text.charCodeAt(j);
          switch (after) {
            case SPACE:
            case TAB:
              continue;
            case CR:
            case LF:
              if (after === CR) j++; // CR LF is one line break (as in dockerfile-ast, a lone CR skips a character too)
              comment = false;
              escaping = true;
              start = true;
              if (collector.found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (collector.found === -1) i = j - 1;
              break whitespaceCheck;
          }
        }
      } else if (next === CR) {
        comment = false;
        escaping = true;
        start = true;
        if (collector.found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === LF) {
        comment = false;
        escaping = true;
        start = true;
        if (collector.found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) collector.push(escapeMarker);
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === -1) break; // the escape character ends the file
        // `\$` keeps its backslash (the variable is escaped, not expanded); other escapes drop it.
        collector.appendText(next === DOLLAR ? text.slice(i, i + 2) : text[i + 1], i);
        i++;
      }
    } else if (!comment) {
      if (start && code === HASH) {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) collector.push(escapeMarker);
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        collector.appendChar(i);
      }
      // Any character other than whitespace ends the start of a continuation line.
      start = false;
    }
  }
  if (collector.found !== -1) collector.push(escapeMarker === -1 ? length : escapeMarker);
  return collector.args;
}

import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from './model';
import type { Source } from './shellLexer';
import { pieceOffsets, type OffsetMap } from './sourceOffsets';

/**
 * The instruction's text after its flags, with Dockerfile line continuations (and the comment and
 * blank lines Docker drops inside them) removed; here-document bodies follow verbatim. The leading
 * `--flag` words are returned apart, as Docker reads them before the command.
 */
export function argumentSource(text: string, instruction: Instruction, escape: string, model: DockerfileModel): { src: Source; flags: string[] } {
  const endOffset = model.document.offsetAt(instruction.getRange().end);
  const startOffset = Math.min(endOffset, model.document.offsetAt(instruction.getInstructionRange().end));
  // The kept pieces of the document as [start, end) pairs.
  const segments = keptPieces.reset();
  if (escape.length === 1 && escape !== '\n') joinContinuations(text, startOffset, endOffset, escape, segments);
  else keptSegments(text, startOffset, endOffset, escape, segments);
  const out = joinSegments(text, segments);
  // Split off leading flags (`--mount=…`): whitespace-separated words that start with `--`.
  let flags = noFlags;
  let p = 0;
  for (;;) {
    while (p < out.length && (out[p] === ' ' || out[p] === '\t' || out[p] === '\r')) p++;
    if (!out.startsWith('--', p)) break;
    let q = p;
    while (q < out.length && !isJsWhitespace(out.charCodeAt(q))) q++;
    if (flags === noFlags) flags = [];
    flags.push(out.slice(p, q));
    p = q;
  }
  return { src: { text: out.slice(p), offsets: offsetsFrom(segments, p, endOffset) }, flags };
}

/**
 * The kept [start, end) pieces of the instruction being read. One instance serves every call (the
 * walk is not re-entrant and nothing keeps it): a fresh array per RUN was a fifth of this step's allocation.
 */
class Segments {
  /** Pairs of document offsets; entries from `length` on are stale. */
  readonly bounds: number[] = [];
  length = 0;

  reset(): this {
    this.length = 0;
    return this;
  }

  /** Keeps `from..to` when it is not empty. */
  add(from: number, to: number): void {
    if (to <= from) return;
    this.bounds[this.length++] = from;
    this.bounds[this.length++] = to;
  }
}

const keptPieces = new Segments();

/** Shared by the (most) instructions without flags; never written to. */
const noFlags: string[] = [];

/**
 * The kept pieces as one string. A single piece (an instruction on one line) is sliced straight
 * from the document: V8 then shares the document's characters instead of copying them.
 */
function joinSegments(text: string, segments: Segments): string {
  const bounds = segments.bounds;
  if (segments.length === 0) return '';
  if (segments.length === 2) return text.slice(bounds[0], bounds[1]);
  // Joined once: a flat string tokenizes faster than one built up by `+=`.
  const parts: string[] = new Array(segments.length >> 1);
  for (let s = 0; s < segments.length; s += 2) parts[s >> 1] = text.slice(bounds[s], bounds[s + 1]);
  return parts.join('');
}

/** The general character walk for an escape character that is not usable (never taken for `\` or a backtick). */
function keptSegments(text: string, startOffset: number, endOffset: number, escape: string, segments: Segments): void {
  let commandLine = true;
  let segment = startOffset;
  let i = startOffset;
  while (i < endOffset) {
    const c = text[i];
    if (commandLine && c === escape) {
      let j = i + 1;
      while (j < endOffset && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (j >= endOffset || text[j] === '\n') {
        segments.add(segment, i);
        i = skipDroppedLines(text, j + 1, endOffset);
        segment = i;
        continue;
      }
    }
    if (c === '\n') commandLine = false;
    i++;
  }
  segments.add(segment, endOffset);
}

/** The document offset of every character of the joined text from index `skip` on, then `end`. */
function offsetsFrom(segments: Segments, skip: number, end: number): OffsetMap {
  const bounds = segments.bounds;
  // Pieces wholly inside the skipped flags are dropped; the arrays are made at their final size.
  let first = 0;
  let toSkip = skip;
  while (first < segments.length && toSkip >= bounds[first + 1] - bounds[first]) {
    toSkip -= bounds[first + 1] - bounds[first];
    first += 2;
  }
  const count = (segments.length - first) >> 1;
  const textStarts: number[] = new Array(count);
  const documentStarts: number[] = new Array(count);
  let length = 1;
  for (let s = first, run = 0; s < segments.length; s += 2, run++) {
    const from = bounds[s] + (s === first ? toSkip : 0);
    textStarts[run] = length - 1;
    documentStarts[run] = from;
    length += bounds[s + 1] - from;
  }
  return pieceOffsets(textStarts, documentStarts, length, end);
}

/** Exactly what the regex `\s` matches, by char code, without a regex call per character. */
export function isJsWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * The kept pieces of an instruction's text as [start, end) pairs: its first line(s) joined at each
 * line continuation (an escape character followed only by blanks up to the end of the line), the
 * dropped lines cut out. The walk jumps from escape to escape with indexOf and stops at the first
 * line that does not continue (here-document bodies follow verbatim).
 */
function joinContinuations(text: string, start: number, end: number, escape: string, segments: Segments): void {
  let segment = start;
  let i = start;
  while (i < end) {
    let at = text.indexOf(escape, i);
    if (at < 0 || at > end) at = end;
    let newline = text.indexOf('\n', i);
    if (newline < 0 || newline > end) newline = end;
    // A line break before the next escape ends the instruction's own line: nothing more to join.
    if (newline < at || at >= end) break;
    let j = at + 1;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    if (j >= end || text[j] === '\n') {
      i = skipDroppedLines(text, j + 1, end);
      segments.add(segment, at);
      segment = i;
      continue;
    }
    i = at + 1;
  }
  segments.add(segment, end);
}

/** Inside a continuation Docker ignores blank lines and lines that start with `#`. */
function skipDroppedLines(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    let j = i;
    while (j < end && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
    if (j < end && text[j] === '#') {
      const newline = text.indexOf('\n', j);
      i = newline < 0 || newline >= end ? end : newline + 1;
    } else if (j < end && text[j] === '\n') {
      i = j + 1;
    } else {
      return i;
    }
  }
  return i;
}

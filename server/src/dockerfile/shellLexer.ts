/**
 * A POSIX-shell tokenizer for the text of RUN instructions. It only reads text — nothing is ever
 * executed — and every loop advances over the input, so hostile text cannot make it hang.
 * Each character of the parsed text knows its offset in the document, so words keep exact ranges
 * even when they came from a `sh -c '…'` string or a continuation-joined line.
 */

import { arrayOffsets, type OffsetMap } from './sourceOffsets';

/** Text to tokenize plus the document offset of each character (`offsets.length === text.length + 1`). */
export interface Source {
  text: string;
  offsets: OffsetMap;
}

export interface ShellWord {
  /** The value after quote removal and escape processing; expansions are kept verbatim. */
  readonly text: string;
  /** Document offset of the first character written for this word. */
  readonly start: number;
  /** Document offset just after the last character written for this word. */
  readonly end: number;
  /** Some part of the word was quoted. */
  readonly quoted: boolean;
  /** The word contains `$var`, `${…}`, `$(…)` or backticks: its value is only known at build time. */
  readonly dynamic: boolean;
  /** Length of the leading part of `text` written without quotes or expansions. */
  readonly plainPrefix: number;
  /**
   * Document offset of each character of `text`, plus one final entry where the last character
   * ends (before any closing quote); used to parse `sh -c` strings in place.
   */
  readonly offsets: readonly number[];
}

export interface HeredocToken {
  kind: 'heredoc';
  start: number;
  end: number;
  delimiter: string;
  /** The body (without the closing delimiter line); undefined when the text ended before it. */
  body: Source | undefined;
}

export type Token =
  | { kind: 'word'; word: ShellWord }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'redirect'; op: string; start: number; end: number }
  | HeredocToken;

const controlOperators = ['&&', '||', ';;&', ';;', ';&', ';', '|&', '|', '&', '(', ')'];
const redirectOperators = ['&>>', '&>', '<<<', '<>', '<&', '>>', '>&', '>|', '<', '>'];
const wordBreak = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);

export function tokenize(src: Source): Token[] {
  const t = src.text;
  const tokens: Token[] = [];
  let pending: HeredocToken[] = [];
  let i = 0;
  while (i < t.length) {
    const c = t[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && t[i + 1] === '\n') { i += 2; continue; }
    if (c === '\n') {
      tokens.push({ kind: 'op', op: '\n', start: src.offsets.at(i), end: src.offsets.at(i + 1) });
      i++;
      if (pending.length) {
        i = readHeredocBodies(src, i, pending);
        pending = [];
      }
      continue;
    }
    if (c === '#') {
      while (i < t.length && t[i] !== '\n') i++;
      continue;
    }
    if ((c === '<' || c === '>') && t[i + 1] === '(') {
      tokens.push(lexWord(src, i));
      i = lexedUntil;
      continue;
    }
    if (c === '<' && t[i + 1] === '<' && t[i + 2] !== '<') {
      const heredoc = readHeredocStart(src, i);
      tokens.push(heredoc.token);
      pending.push(heredoc.token);
      i = heredoc.next;
      continue;
    }
    // Operators start with one of `&|;()<>` (a redirect may have a leading fd number): any other
    // character begins a word, without trying each operator in turn.
    if (!operatorStart(c)) {
      tokens.push(lexWord(src, i));
      i = lexedUntil;
      continue;
    }
    // An fd number (`2>`) starts with a digit: only then is the regex worth running.
    const fd = c >= '0' && c <= '9' ? /^\d+(?=[<>])/.exec(t.slice(i, i + 12)) : null;
    const at = fd ? i + fd[0].length : i;
    const redirect = operatorAt(redirectOperators, t, at);
    if (redirect && (fd || !longerOperatorAt(controlOperators, t, i, redirect.length))) {
      const end = at + redirect.length;
      tokens.push({ kind: 'redirect', op: redirect, start: src.offsets.at(i), end: src.offsets.at(end) });
      i = end;
      continue;
    }
    const control = operatorAt(controlOperators, t, i);
    if (control) {
      tokens.push({ kind: 'op', op: control, start: src.offsets.at(i), end: src.offsets.at(i + control.length) });
      i += control.length;
      continue;
    }
    tokens.push(lexWord(src, i));
    i = lexedUntil;
  }
  return tokens;
}

/** The first operator of the list written at `at` (lists are ordered longest first where it matters). */
function operatorAt(operators: readonly string[], t: string, at: number): string | undefined {
  for (let k = 0; k < operators.length; k++) if (t.startsWith(operators[k], at)) return operators[k];
  return undefined;
}

/** Is an operator of the list longer than `length` written at `at`? */
function longerOperatorAt(operators: readonly string[], t: string, at: number, length: number): boolean {
  for (let k = 0; k < operators.length; k++) if (operators[k].length > length && t.startsWith(operators[k], at)) return true;
  return false;
}

/** Can an operator (or a redirect with an fd number such as `2>`) begin with this character? */
function operatorStart(c: string): boolean {
  switch (c) {
    case '&': case '|': case ';': case '(': case ')': case '<': case '>':
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      return true;
    default:
      return false;
  }
}

function readHeredocStart(src: Source, at: number): { token: HeredocToken; next: number } {
  let i = at + 2;
  if (src.text[i] === '-') i++;
  while (src.text[i] === ' ' || src.text[i] === '\t') i++;
  let delimiter = '';
  let next = i;
  if (i < src.text.length && !wordBreak.has(src.text[i])) {
    const word = readWord(src, i);
    delimiter = word.word.text;
    next = word.next;
  }
  return { token: { kind: 'heredoc', start: src.offsets.at(at), end: src.offsets.at(next), delimiter, body: undefined }, next };
}

/** Reads here-document bodies line by line until each delimiter line; returns where parsing resumes. */
function readHeredocBodies(src: Source, from: number, heredocs: HeredocToken[]): number {
  const t = src.text;
  let i = from;
  for (const heredoc of heredocs) {
    const bodyStart = i;
    let bodyEnd = -1;
    while (i < t.length) {
      let lineEnd = t.indexOf('\n', i);
      if (lineEnd < 0) lineEnd = t.length;
      const line = t.slice(i, lineEnd).replace(/^\t+/, '').replace(/\r$/, '');
      if (line === heredoc.delimiter) {
        bodyEnd = i;
        i = Math.min(lineEnd + 1, t.length);
        break;
      }
      i = lineEnd + 1;
    }
    if (bodyEnd < 0) {
      bodyEnd = t.length;
      i = t.length;
    }
    bodyEnd = Math.max(bodyStart, Math.min(bodyEnd, t.length));
    heredoc.body = { text: t.slice(bodyStart, bodyEnd), offsets: src.offsets.slice(bodyStart, bodyEnd + 1) };
  }
  return i;
}

/**
 * Collects a word's characters and, when asked, their document offsets. One instance is reused
 * for every word (the lexer is not re-entrant), which keeps allocation down on large files.
 */
class WordBuilder {
  text = '';
  offsets: number[] = [];
  contentEnd = 0;
  plainPrefix = -1;
  src: Source = { text: '', offsets: arrayOffsets([0]) };

  /** Per-character offsets are wanted for few words (`sh -c` scripts): they are collected on demand. */
  constructor(readonly collectOffsets: boolean) {}

  reset(src: Source, start: number): void {
    this.src = src;
    this.text = '';
    this.offsets = this.collectOffsets ? [] : noOffsets;
    this.contentEnd = src.offsets.at(start);
    this.plainPrefix = -1;
  }

  /** Appends `ch`, written in the source from index `at` up to `next`. */
  add(ch: string, at: number, next = at + 1): void {
    this.text += ch;
    if (this.collectOffsets) this.offsets.push(this.src.offsets.at(at));
    this.contentEnd = this.src.offsets.at(next);
  }

  /** Appends source characters `from`..`to` verbatim. */
  addRaw(from: number, to: number): void {
    if (to <= from) return;
    this.text += this.src.text.slice(from, to);
    if (this.collectOffsets) for (let k = from; k < to; k++) this.offsets.push(this.src.offsets.at(k));
    this.contentEnd = this.src.offsets.at(to);
  }

  markSpecial(): void {
    if (this.plainPrefix < 0) this.plainPrefix = this.text.length;
  }
}

const noOffsets: number[] = [];

/**
 * A word read by the lexer. Its per-character `offsets` are only needed to parse a `sh -c`
 * string in place, so they are worked out on first use by reading the word again (the same
 * source and start give the same result) instead of for every word of the file.
 */
class LexedWord implements ShellWord {
  /** A lexed word is its own token (`{ kind: 'word', word }`), which saves a wrapper object per word. */
  readonly kind = 'word' as const;
  private computedOffsets: readonly number[] | undefined;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly quoted: boolean,
    readonly dynamic: boolean,
    readonly plainPrefix: number,
    private readonly source: Source,
    private readonly sourceIndex: number,
    offsets: readonly number[] | undefined,
  ) {
    this.computedOffsets = offsets;
  }

  get word(): ShellWord {
    return this;
  }

  get offsets(): readonly number[] {
    return (this.computedOffsets ??= readWordWith(this.source, this.sourceIndex, new WordBuilder(true)).offsets);
  }
}

const builder = new WordBuilder(false);
/** Characters that end a run of plain word characters. */
const notPlain = new Set([...wordBreak, '\\', "'", '"', '$', '`']);
/**
 * The same two sets as flags by char code (all of them are ASCII): the word loop tests every
 * character, and a table read is much cheaper than a Set lookup of a one-character string.
 */
const breaksWord = 1;
const endsPlainRun = 2;
const charClass = new Uint8Array(128);
for (const c of wordBreak) charClass[c.charCodeAt(0)] |= breaksWord;
for (const c of notPlain) charClass[c.charCodeAt(0)] |= endsPlainRun;
const hasClass = (code: number, flag: number) => code < 128 && (charClass[code] & flag) !== 0;

/** Reads one word starting at `start`, following quotes and expansions. */
export function readWord(src: Source, start: number): { word: ShellWord; next: number } {
  const word = readWordWith(src, start, builder);
  return { word, next: lexedUntil };
}

/** Where the word read last ended (the lexer's loops continue there): no result object per word. */
let lexedUntil = 0;

/** Reads a word for the tokenizer; the index after it is left in `lexedUntil`. */
function lexWord(src: Source, start: number): LexedWord {
  return readWordWith(src, start, builder);
}

function readWordWith(src: Source, start: number, b: WordBuilder): LexedWord {
  const t = src.text;
  b.reset(src, start);
  let quoted = false;
  let dynamic = false;
  let i = start;
  while (i < t.length) {
    const c = t[i];
    if ((c === '<' || c === '>') && t[i + 1] === '(') {
      b.markSpecial();
      dynamic = true;
      const end = skipBalanced(t, i + 1, '(', ')');
      b.addRaw(i, end);
      i = end;
      continue;
    }
    if (hasClass(t.charCodeAt(i), breaksWord)) break;
    if (c === '\\') {
      b.markSpecial();
      if (t[i + 1] === '\n') { i += 2; continue; }
      if (i + 1 < t.length) { b.add(t[i + 1], i, i + 2); i += 2; } else { b.add(c, i); i++; }
      continue;
    }
    if (c === "'") {
      b.markSpecial();
      quoted = true;
      const close = t.indexOf("'", i + 1);
      const end = close < 0 ? t.length : close;
      b.addRaw(i + 1, end);
      i = close < 0 ? t.length : close + 1;
      continue;
    }
    if (c === '"') {
      b.markSpecial();
      quoted = true;
      i++;
      while (i < t.length && t[i] !== '"') {
        if (t[i] === '\\' && i + 1 < t.length && '$`"\\\n'.includes(t[i + 1])) {
          if (t[i + 1] !== '\n') b.add(t[i + 1], i, i + 2);
          i += 2;
        } else if (t[i] === '$' || t[i] === '`') {
          const end = skipExpansion(t, i);
          if (end > i + 1) dynamic = true;
          b.addRaw(i, end);
          i = end;
        } else {
          let j = i + 1;
          while (j < t.length && t[j] !== '"' && t[j] !== '\\' && t[j] !== '$' && t[j] !== '`') j++;
          b.addRaw(i, j);
          i = j;
        }
      }
      i++;
      continue;
    }
    if (c === '$' && t[i + 1] === "'") {
      b.markSpecial();
      quoted = true;
      i = readAnsiC(src, i + 2, b);
      continue;
    }
    if (c === '$' || c === '`') {
      const end = skipExpansion(t, i);
      if (end > i + 1) { b.markSpecial(); dynamic = true; }
      b.addRaw(i, end);
      i = end;
      continue;
    }
    let j = i + 1;
    while (j < t.length && !hasClass(t.charCodeAt(j), endsPlainRun)) j++;
    b.addRaw(i, j);
    i = j;
  }
  const plainPrefix = b.plainPrefix < 0 ? b.text.length : b.plainPrefix;
  const end = src.offsets.at(Math.min(i, t.length));
  let offsets: number[] | undefined;
  if (b.collectOffsets) {
    offsets = b.offsets;
    offsets.push(b.contentEnd);
  }
  lexedUntil = i;
  return new LexedWord(b.text, src.offsets.at(start), end, quoted, dynamic, plainPrefix, src, start, offsets);
}

const ansiEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

function readAnsiC(src: Source, from: number, b: WordBuilder): number {
  const t = src.text;
  let i = from;
  while (i < t.length && t[i] !== "'") {
    if (t[i] === '\\' && i + 1 < t.length) {
      const e = t[i + 1];
      b.add(ansiEscapes[e] ?? e, i, i + 2);
      i += 2;
    } else {
      b.add(t[i], i);
      i++;
    }
  }
  return Math.min(i + 1, t.length);
}

/** End (exclusive) of the expansion starting with `$` or a backtick at `at`. */
function skipExpansion(t: string, at: number): number {
  if (t[at] === '`') {
    let i = at + 1;
    while (i < t.length && t[i] !== '`') i += t[i] === '\\' ? 2 : 1;
    return Math.min(i + 1, t.length);
  }
  const next = t[at + 1];
  if (next === '(') return skipBalanced(t, at + 1, '(', ')');
  if (next === '{') return skipBalanced(t, at + 1, '{', '}');
  if (next !== undefined && /[A-Za-z_]/.test(next)) {
    let i = at + 2;
    while (i < t.length && /[A-Za-z0-9_]/.test(t[i])) i++;
    return i;
  }
  if (next !== undefined && /[0-9@*#?$!-]/.test(next)) return at + 2;
  return at + 1;
}

/** From an opening bracket at `at`, the index after its matching closer; quotes inside are honoured. */
function skipBalanced(t: string, at: number, open: string, close: string): number {
  let depth = 0;
  let i = at;
  while (i < t.length) {
    const c = t[i];
    if (c === '\\') { i += 2; continue; }
    if (c === "'" && open === '(') {
      const end = t.indexOf("'", i + 1);
      i = end < 0 ? t.length : end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < t.length && t[i] !== '"') i += t[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return t.length;
}

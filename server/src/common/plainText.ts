import type { DocsLanguage } from './localized';

/**
 * Rule messages are written with Markdown's inline marks (`code`, **strong**, *emphasis*) because
 * that is how the docs and hovers they sit beside are written. Diagnostics are shown as plain
 * text (the Problems panel, a terminal, SARIF's `text`), where the marks would appear raw, so
 * every message goes through `plainMessage` once, in `toDiagnostic`.
 *
 * Code spans follow CommonMark: a run of n backticks opens a span that the next run of exactly n
 * backticks closes, so a value that itself holds backticks can be quoted with a longer fence
 * (`codeSpan` builds one). A run that closes nothing is text and stays as written.
 */

/** How each language quotes code: the first pair, or the second when the code holds the first. */
const quotePairs: Record<DocsLanguage, readonly [primary: readonly [string, string], fallback: readonly [string, string]]> = {
  en: [['‘', '’'], ['“', '”']],
  'zh-cn': [['「', '」'], ['“', '”']],
};

/** Stand-ins for code spans while the text around them is tidied (private-use characters). */
const placeholderOpen = '\uE000';
const placeholderClose = '\uE001';
const placeholder = new RegExp(`${placeholderOpen}(\\d+)${placeholderClose}`, 'g');

/**
 * Full-width punctuation carries its own spacing in Chinese typesetting: no spaces beside it.
 * Patterns holding non-Latin-1 characters are written as ordinary strings, never as regex literals
 * or String.raw: the bundler escapes strings only, and one such character left in dist/server.js
 * makes V8 keep the whole bundle's source as UTF-16, twice the memory (scripts/build.mjs checks).
 */
const fullWidthPunctuation = '，。：；！？、（）「」『』【】《》';
const spaceBeforeFullWidth = new RegExp(`[ \\t]+(?=[${fullWidthPunctuation}]|\uE000)`, 'g');
const spaceAfterFullWidth = new RegExp(`([${fullWidthPunctuation}]|\uE001)[ \\t]+`, 'g');

/**
 * `**strong**` and `*emphasis*` around words. Stricter than CommonMark on purpose: the mark must
 * stand at a word's edge (after a space, an opening bracket, full-width punctuation or a Han
 * character; before a space, punctuation or a Han character) and open on a letter, a digit or
 * code, so globs quoted in a message (`"secrets/**"`, `*.md*`) and arithmetic (`2 * 3`) stay.
 */
const before = '(^|[\\s(（，。：；！？、「“\\p{Script=Han}])';
const after = '(?=$|[\\s.,;:!?)，。；：！？）、」”\\p{Script=Han}])';
/** Emphasised text starts with a letter, a digit or code. */
const word = String.raw`(?=[\p{L}\p{N}\uE000])`;
const strong = new RegExp(String.raw`${before}\*\*${word}([^*\n]*?[^\s*])\*\*${after}`, 'gu');
const emphasis = new RegExp(String.raw`${before}\*${word}([^*\n]*?[^\s*])\*${after}`, 'gu');

interface Parsed {
  /** The text with each code span replaced by a placeholder. */
  text: string;
  codes: string[];
}

function parseCodeSpans(markdown: string): Parsed {
  const codes: string[] = [];
  let text = '';
  let at = 0;
  while (at < markdown.length) {
    const tick = markdown.indexOf('`', at);
    if (tick === -1) {
      text += markdown.slice(at);
      break;
    }
    text += markdown.slice(at, tick);
    const runEnd = endOfRun(markdown, tick);
    const length = runEnd - tick;
    const close = closingRun(markdown, runEnd, length);
    if (close === -1) {
      // Two backticks and nothing to close them: a message quoting an empty value (`${''}`).
      if (length === 2) text += addCode(codes, '');
      else text += markdown.slice(tick, runEnd);
      at = runEnd;
      continue;
    }
    text += addCode(codes, codeContent(markdown.slice(runEnd, close)));
    at = close + length;
  }
  return { text, codes };
}

function endOfRun(text: string, from: number): number {
  let end = from;
  while (text[end] === '`') end++;
  return end;
}

/** Start of the next run of exactly `length` backticks, or -1. */
function closingRun(text: string, from: number, length: number): number {
  let at = from;
  for (;;) {
    const tick = text.indexOf('`', at);
    if (tick === -1) return -1;
    const end = endOfRun(text, tick);
    if (end - tick === length) return tick;
    at = end;
  }
}

/** CommonMark: line breaks become spaces; one space is stripped from each side when both have one. */
function codeContent(raw: string): string {
  const content = raw.replace(/\r?\n/g, ' ');
  if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') return content.slice(1, -1);
  return content;
}

function addCode(codes: string[], content: string): string {
  codes.push(content);
  return `${placeholderOpen}${codes.length - 1}${placeholderClose}`;
}

function quote(content: string, lang: DocsLanguage): string {
  const [primary, fallback] = quotePairs[lang];
  const clashes = content.includes(primary[0]) || content.includes(primary[1]);
  const [open, close] = clashes && !(content.includes(fallback[0]) || content.includes(fallback[1])) ? fallback : primary;
  return `${open}${content}${close}`;
}

/**
 * A message as plain text: code spans become quoted (‘code’ in English, 「code」 in Chinese),
 * strong and emphasis marks go, doubled spaces shrink to one, and in Chinese no space is left
 * beside the quotes or full-width punctuation. The code itself is kept exactly.
 */
export function plainMessage(markdown: string, lang: DocsLanguage): string {
  // Most messages have no marks at all and no doubled spaces: leave them untouched.
  if (!/[`*]| {2}/.test(markdown) && !(lang === 'zh-cn' && /[ \t]/.test(markdown))) return markdown;
  const { text, codes } = parseCodeSpans(markdown);
  let tidy = text.replace(strong, '$1$2').replace(emphasis, '$1$2').replace(/(\S) {2,}/g, '$1 ');
  if (lang === 'zh-cn') tidy = tidy.replace(spaceBeforeFullWidth, '').replace(spaceAfterFullWidth, '$1');
  return tidy.replace(placeholder, (_, index: string) => quote(codes[Number(index)], lang)).trim();
}

/**
 * `text` as a Markdown code span that survives backticks inside it (a shell command with
 * `` `date` `` substitution, an escape character): the fence is one backtick longer than the
 * longest run inside, padded with a space when the text starts or ends with a backtick.
 */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

import type { ShellWord, Source } from './shellLexer';
import { isJsWhitespace } from './runSource';

/** Reads `["a", "b"]`; undefined when the text is not a JSON string array (Docker then uses shell form). */
export function parseExecForm(src: Source): ShellWord[] | undefined {
  const t = src.text;
  // Shell form (nearly every RUN) is told apart by its first character, before any allocation.
  let i = skipSpace(t, 0);
  if (t[i] !== '[') return undefined;
  i = skipSpace(t, i + 1);
  const words: ShellWord[] = [];
  if (t[i] === ']') { i = skipSpace(t, i + 1); return i === t.length ? words : undefined; }
  while (i < t.length) {
    i = skipSpace(t, i);
    if (t[i] !== '"') return undefined;
    const read = readJsonString(src, i);
    if (!read) return undefined;
    words.push(read.word);
    i = skipSpace(t, read.next);
    if (t[i] === ',') { i++; continue; }
    if (t[i] === ']') {
      i = skipSpace(t, i + 1);
      return i === t.length ? words : undefined;
    }
    return undefined;
  }
  return undefined;
}

function skipSpace(t: string, from: number): number {
  let i = from;
  while (i < t.length && isJsWhitespace(t.charCodeAt(i))) i++;
  return i;
}

const jsonEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

/** The JSON string whose opening quote is at `wordStart`, and the index after its closing quote. */
function readJsonString(src: Source, wordStart: number): { word: ShellWord; next: number } | undefined {
  const t = src.text;
  let i = wordStart + 1;
  let value = '';
  const offsets: number[] = [];
  while (i < t.length && t[i] !== '"') {
    if (t[i] === '\\') {
      const e = t[i + 1];
      if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
        offsets.push(src.offsets.at(i));
        i += 6;
        continue;
      }
      const decoded = Object.hasOwn(jsonEscapes, e) ? jsonEscapes[e] : undefined;
      if (decoded === undefined) return undefined;
      value += decoded;
      offsets.push(src.offsets.at(i));
      i += 2;
      continue;
    }
    if (t[i] === '\n') return undefined;
    value += t[i];
    offsets.push(src.offsets.at(i));
    i++;
  }
  if (i >= t.length) return undefined;
  offsets.push(src.offsets.at(i));
  i++;
  return { word: { text: value, start: src.offsets.at(wordStart), end: src.offsets.at(i), quoted: true, dynamic: false, plainPrefix: 0, offsets }, next: i };
}

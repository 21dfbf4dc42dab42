import { substitute, type VariableLookup } from './interpolation';

/**
 * `.env` and `env_file` files as compose-go's dotenv parser reads them:
 *
 * - blank lines and lines starting with `#` are skipped; a leading `export ` is dropped;
 * - `KEY=value` or `KEY: value`; a key is letters, digits, `_ . - [ ]`; a line with just a key
 *   takes the value from the environment (when set there);
 * - unquoted values run to the end of the line, lose a ` #` comment and trailing spaces, and are
 *   interpolated (`${OTHER}` from earlier lines or the environment);
 * - single quotes keep everything literally (and may span lines, `\'` escapes the quote);
 *   double quotes may span lines too, understand `\n \t \" \\ \$`… and are interpolated.
 *
 * The first line that does not parse stops the file (Compose refuses it); entries before it stay.
 */

export interface EnvEntry {
  name: string;
  value: string;
  /** Offsets of the key in the file (UTF-16). */
  nameStart: number;
  nameEnd: number;
  /** Zero-based line of the key. */
  line: number;
  /** A bare `KEY` line: the value came from the environment (or the entry is absent when unset there). */
  inherited: boolean;
}

export interface EnvParseError {
  line: number;
  offset: number;
  message: { en: string; zh: string };
}

export interface EnvFile {
  entries: EnvEntry[];
  /** Last value per name. */
  values: Map<string, string>;
  error?: EnvParseError;
}

const keyChar = /[\p{L}\p{N}_.\-[\]]/u;
/** Spaces but not line breaks (the parser's own notion). */
const isSpace = (char: string) => char === ' ' || char === '\t' || char === '\v' || char === '\f' || char === '\r' || char === '\u0085' || char === '\u00a0';
const isAnySpace = (char: string) => isSpace(char) || char === '\n';

const escapes: Record<string, string> = { a: '\x07', b: '\b', c: '', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\', $: '$$' };

/** Double-quoted escapes: the shell's common ones, `\$` as a literal dollar, octal `\0NNN`. */
function expandEscapes(text: string): string {
  return text.replace(/\\(?:([abcfnrtv$"\\])|0([0-7]{0,3}))/g, (match, simple: string | undefined, octal: string | undefined) => {
    if (simple !== undefined) return simple === 'c' ? match : escapes[simple];
    return String.fromCharCode(parseInt(octal || '0', 8));
  });
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Parses an env file. `environment` answers for bare keys and for variables the values use that
 * the file does not set (the shell's environment; nothing in the editor, so usually nothing).
 */
export function parseEnvFile(source: string, environment: VariableLookup = () => undefined): EnvFile {
  const text = source.startsWith('\ufeff') ? source.slice(1) : source;
  const shift = source.length - text.length;
  const file: EnvFile = { entries: [], values: new Map() };
  const lookup: VariableLookup = (name) => environment(name) ?? file.values.get(name);
  const fail = (offset: number, en: string, zh: string) => {
    file.error = { line: lineOf(text, offset), offset: offset + shift, message: { en, zh } };
  };
  let i = 0;
  while (i < text.length) {
    // Statement start: skip spaces and comment lines.
    while (i < text.length && isAnySpace(text[i])) i++;
    if (i >= text.length) break;
    if (text[i] === '#') {
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      i = eol;
      continue;
    }
    if (/^export[ \t\v\f\r\u0085\u00a0]+/.test(text.slice(i, i + 12))) {
      i += 6;
      while (i < text.length && isSpace(text[i])) i++;
    }
    const keyStart = i;
    let separator = '';
    let j = i;
    for (; j < text.length; j++) {
      const char = text[j];
      if (isSpace(char)) continue;
      if (char === '=' || char === ':' || char === '\n') {
        separator = char;
        break;
      }
      if (!keyChar.test(char)) {
        const lineEnd = text.indexOf('\n', keyStart);
        const shown = text.slice(keyStart, lineEnd < 0 ? undefined : lineEnd);
        fail(j, `unexpected character "${char}" in the variable name "${shown}"`, `变量名「${shown}」里有不该出现的字符「${char}」`);
        return file;
      }
    }
    const rawKey = text.slice(keyStart, j).replace(/\s+$/u, '');
    if (rawKey.includes(' ')) {
      fail(keyStart, 'a variable name cannot contain a space', '变量名里不能有空格');
      return file;
    }
    const entryBase = { name: rawKey, nameStart: keyStart + shift, nameEnd: keyStart + rawKey.length + shift, line: lineOf(text, keyStart) };
    // A key alone on its line (or at the end of the file): inherited from the environment.
    if (separator === '\n' || separator === '') {
      const value = environment(rawKey);
      if (value !== undefined && rawKey !== '') {
        file.entries.push({ ...entryBase, value, inherited: true });
        file.values.set(rawKey, value);
      }
      i = j + 1;
      continue;
    }
    i = j + 1;
    while (i < text.length && isSpace(text[i])) i++;
    const quote = text[i];
    let value: string;
    if (quote === '"' || quote === "'") {
      let chars = '';
      let escaped = false;
      let k = i + 1;
      let closed = false;
      for (; k < text.length; k++) {
        const char = text[k];
        if (char !== quote) {
          if (!escaped && char === '\\') {
            escaped = true;
            continue;
          }
          if (escaped) {
            escaped = false;
            chars += '\\';
          }
          chars += char;
          continue;
        }
        if (escaped) {
          escaped = false;
          chars += char;
          continue;
        }
        closed = true;
        break;
      }
      if (!closed) {
        fail(i, 'a quoted value is never closed', '引号里的值没有结束的引号');
        return file;
      }
      value = quote === '"' ? substitute(expandEscapes(chars), lookup).value : chars;
      i = k + 1;
    } else {
      const eol = text.indexOf('\n', i);
      let raw = text.slice(i, eol < 0 ? undefined : eol);
      const comment = raw.indexOf(' #');
      if (comment >= 0) raw = raw.slice(0, comment);
      raw = raw.replace(/\s+$/u, '');
      value = substitute(raw, lookup).value;
      i = eol < 0 ? text.length : eol + 1;
    }
    file.entries.push({ ...entryBase, value, inherited: false });
    file.values.set(rawKey, value);
  }
  return file;
}

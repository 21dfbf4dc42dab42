import type { Argument } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

/**
 * Shell-form arguments of COPY, ADD (and the other instructions BuildKit splits the same way) as
 * BuildKit reads them. Its parser splits the text after the flags at whitespace only (quotes do
 * not join words: `"a b"` is two broken words), then its word processor takes each word alone:
 *
 * - outside quotes the escape character (`\`, or the backtick of `# escape=`) makes the next
 *   character literal and disappears;
 * - single quotes keep everything literally up to the next `'`;
 * - inside double quotes the escape character only escapes `"`, `$` and itself; before any other
 *   character it stays (`"C:\path"` keeps its backslash);
 * - the quotes themselves disappear.
 *
 * Variables are kept as written (`$NAME`, `${NAME}`): rules treat a value holding `$` as unknown.
 */
export interface BuildkitWord {
  /** The word after quote and escape removal. */
  readonly value: string;
  /** The word as written (continuation lines joined). */
  readonly raw: string;
  readonly range: Range;
  /** False when a quote is left open: BuildKit refuses such a word. */
  readonly complete: boolean;
  /** A quote or an escape was removed. */
  readonly quoted: boolean;
}

/** What BuildKit's word processor makes of one whitespace-free word (variables left as written). */
export function unquoteWord(raw: string, escape = '\\'): { value: string; complete: boolean } {
  let value = '';
  let complete = true;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === escape) {
      // A trailing escape character is dropped; otherwise the next character is taken as it is.
      if (i + 1 < raw.length) value += raw[++i];
    } else if (ch === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) {
        value += raw.slice(i + 1);
        complete = false;
        break;
      }
      value += raw.slice(i + 1, close);
      i = close;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < raw.length && raw[j] !== '"'; j++) {
        const inner = raw[j];
        if (inner === escape && j + 1 < raw.length) {
          const next = raw[j + 1];
          if (next === '"' || next === '$' || next === escape) {
            value += next;
            j++;
            continue;
          }
        }
        // An escape character at the very end of the word inside open quotes is ignored, like BuildKit.
        if (inner === escape && j + 1 === raw.length) continue;
        value += inner;
      }
      if (j >= raw.length) {
        complete = false;
        break;
      }
      i = j;
    } else {
      value += ch;
    }
  }
  return { value, complete };
}

/**
 * An argument's text as written, with line continuations (escape character, optional blanks, end
 * of line) and comment lines inside the continuation removed: the word BuildKit sees.
 */
function joinedText(raw: string, escape: string): string {
  if (!raw.includes('\n')) return raw;
  const lines = raw.split(/\r?\n/);
  let text = '';
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k];
    if (k > 0 && /^\s*#/.test(line)) continue;
    if (k < lines.length - 1) {
      const trimmed = line.replace(/[ \t]+$/, '');
      if (trimmed.endsWith(escape)) line = trimmed.slice(0, -1);
    }
    text += line;
  }
  return text;
}

/** One dockerfile-ast argument (already split at whitespace, as BuildKit splits) as a BuildKit word. */
export function buildkitWord(model: DockerfileModel, argument: Argument, escape: string): BuildkitWord {
  const range = argument.getRange();
  const raw = joinedText(model.document.getText(range), escape);
  const quoted = raw.includes('"') || raw.includes("'") || raw.includes(escape);
  if (!quoted) return { value: raw, raw, range, complete: true, quoted: false };
  const { value, complete } = unquoteWord(raw, escape);
  return { value, raw, range, complete, quoted };
}

/** The words of an instruction's arguments (flags excluded, as dockerfile-ast leaves them out). */
export function buildkitWords(model: DockerfileModel, args: readonly Argument[], escape: string): BuildkitWord[] {
  const words: BuildkitWord[] = new Array(args.length);
  for (let k = 0; k < args.length; k++) words[k] = buildkitWord(model, args[k], escape);
  return words;
}

import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import type { ComposeModel } from './model';

/**
 * Formatting that only tidies whitespace: trailing spaces, runs of blank lines (one kept), tabs
 * in the indentation of a line (the file would not parse), and the final newline. Keys keep their
 * order, comments and quoting stay as written, block scalars (`|`, `>`) are left alone. A file the
 * parser cannot read is left alone too (its shape is not known yet).
 */
export function formatCompose(model: ComposeModel, options: FormattingOptions, _ctx: FeatureContext): TextEdit[] {
  if (model.documents.some((doc) => doc.errors.some((error) => error.code !== 'TAB_AS_INDENT'))) return [];
  const text = model.text;
  const lines = text.split(/\r?\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  const tab = ' '.repeat(options.tabSize > 0 ? options.tabSize : 2);
  let blockIndent = -1;
  let blank = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    // Inside a block scalar: every character is content, trailing spaces and blank lines included.
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) {
        out.push(line);
        continue;
      }
      blockIndent = -1;
    }
    if (line.trim() === '') {
      blank++;
      if (blank <= 1) out.push('');
      continue;
    }
    blank = 0;
    const leading = line.slice(0, indent).replace(/\t/g, tab);
    const formatted = leading + line.slice(indent).replace(/[ \t]+$/, '');
    out.push(formatted);
    // `key: |`, `- >-`: the lines below, indented further, are the scalar's text.
    if (/(?::|^\s*-|\s-)\s+[|>][-+]?\d*[-+]?\s*(?:#.*)?$/.test(formatted)) blockIndent = indent;
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  const result = out.length === 0 ? '' : out.join(eol) + eol;
  if (result === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: model.document.positionAt(text.length) }, newText: result }];
}

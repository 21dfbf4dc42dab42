import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../../common/rules';
import type { Localized } from '../../common/localized';

/** Small builders for quick-fix edits, so rules read as what they change. */
export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function fix(title: Localized, edits: TextEdit[], safe = true): Fix {
  return { title, edits, safe };
}

/** The whole line, including its line break, for deleting it. */
export function wholeLine(line: number): Range {
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}

import type { TextEdit } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';

/**
 * Text edits the Compose rules offer as fixes: whole lines, so indentation and the comments on
 * other lines stay as the user wrote them.
 */

/** Deletes the lines from the one holding `start` to the one holding `end` (a trailing comment on them goes too). */
export function deleteLinesEdit(model: ComposeModel, start: number, end: number): TextEdit {
  const first = model.document.positionAt(start).line;
  const last = model.document.positionAt(Math.max(start, end)).line;
  const to = last + 1 < model.document.lineCount ? { line: last + 1, character: 0 } : model.document.positionAt(model.text.length);
  return { range: { start: { line: first, character: 0 }, end: to }, newText: '' };
}

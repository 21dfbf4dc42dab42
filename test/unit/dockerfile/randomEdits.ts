import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/common/service';
import { diagnoseDockerfileWith } from '../../../server/src/dockerfile/diagnostics';
import { parseDockerfile } from '../../../server/src/dockerfile/model';

/**
 * Shared by the Dockerfile differential tests: a text edit, where a seeded random edit lands, the
 * edited document, and the check from scratch every incremental answer is compared with.
 */
export interface Edit { start: number; end: number; text: string }

/**
 * Draws one offset in the text (one call of `next`) and gives the line around it, plus a seeded
 * `pick` from a list: what each test's own mix of edit kinds starts from.
 */
export function editSite(text: string, next: () => number): { pick: <T>(list: readonly T[]) => T; at: number; lineStart: number; lineEndAt: number; lineEnd: number } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const at = Math.floor(next() * (text.length + 1));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEndAt = text.indexOf('\n', at);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt + 1;
  return { pick, at, lineStart, lineEndAt, lineEnd };
}

/** The document's next version with `edit` applied. */
export function applied(document: TextDocument, edit: Edit): TextDocument {
  const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
  return TextDocument.update(document, [{ range, text: edit.text }], document.version + 1);
}

/** Every rule over the whole text, parsed under a URI no cache has seen: the reference answer. */
export const fromScratch = (text: string, ctx: FeatureContext): Diagnostic[] =>
  diagnoseDockerfileWith(parseDockerfile(TextDocument.create('file:///scratch/Dockerfile', 'dockerfile', 1, text)), ctx, undefined, true);

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../../server/src/common/localized';
import type { FeatureContext } from '../../../server/src/common/service';
import { normalizeSettings, type StevedoreSettings } from '../../../server/src/common/settings';
import { diagnoseComposeWith } from '../../../server/src/compose/diagnostics';
import { parseCompose, type ComposeModel } from '../../../server/src/compose/model';

/** Shared by the Compose unit tests: a parsed file, a context, diagnostics by rule, a cursor marker. */

export function compose(text: string, uri = 'file:///work/app/compose.yaml'): ComposeModel {
  return parseCompose(TextDocument.create(uri, 'dockercompose', 1, text));
}

export function contextFor(lang: DocsLanguage = 'en', settings: Partial<StevedoreSettings> = {}): FeatureContext {
  return { lang, settings: { ...normalizeSettings(undefined), ...settings }, filePath: '/work/app/compose.yaml' };
}

/** Every diagnostic (rules that throw fail the test). */
export function diagnose(text: string, ctx: FeatureContext = contextFor()): Diagnostic[] {
  return diagnoseComposeWith(compose(text), ctx, (id, error) => {
    throw new Error(`rule ${id} threw: ${String(error)}`);
  });
}

/** The findings of one rule. */
export function findings(text: string, ruleId: string, ctx: FeatureContext = contextFor()): Diagnostic[] {
  return diagnose(text, ctx).filter((diagnostic) => diagnostic.code === ruleId);
}

/** `text` with a `|` marking the cursor: the text without it, and the position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = TextDocument.create('file:///x', 'dockercompose', 1, text);
  return { text, position: document.positionAt(offset) };
}

/** Applies LSP text edits to a text (last first). */
export function applyEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const document = TextDocument.create('file:///x', 'dockercompose', 1, text);
  return TextDocument.applyEdits(document, [...edits]);
}

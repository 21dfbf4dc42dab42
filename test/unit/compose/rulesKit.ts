import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostic } from '../../../server/src/common/rules';
import type { FeatureContext, ProjectFileReader } from '../../../server/src/common/service';
import { normalizeSettings } from '../../../server/src/common/settings';
import { parseCompose } from '../../../server/src/compose/model';
import type { ComposeRule } from '../../../server/src/compose/rules/context';
import { memoryFiles } from './memoryFiles';

/**
 * Runs one Compose rule on a file of an in-memory project: `files` holds the other files (overrides,
 * `.env`, Dockerfiles…); the checked file is `path` with `text`.
 */
export type Finding = Diagnostic & { message: string };

export function run(rule: ComposeRule, text: string, files: Record<string, string> = {}, path = '/p/compose.yaml', lang: 'en' | 'zh-cn' = 'en'): Finding[] {
  const reader: ProjectFileReader = memoryFiles({ ...files, [path]: text });
  const model = parseCompose(TextDocument.create(`file://${path}`, 'dockercompose', 1, text));
  const ctx: FeatureContext = { lang, settings: normalizeSettings(undefined), filePath: path, project: { customSchemaFiles: [], files: reader } };
  const out: Finding[] = [];
  rule.check({ model, ctx }, (finding) => out.push(toDiagnostic(rule.meta, rule.meta.severity, finding, lang) as Finding));
  return out;
}

/** The text each diagnostic covers. */
export function covered(text: string, diagnostics: Diagnostic[]): string[] {
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  return diagnostics.map((d) => document.getText(d.range));
}

/** Applies the first fix of a diagnostic. */
export function applyFix(text: string, diagnostic: Diagnostic): string {
  const data = diagnostic.data as { fixes: { edits: { range: Diagnostic['range']; newText: string }[] }[] };
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  return TextDocument.applyEdits(document, data.fixes[0].edits);
}

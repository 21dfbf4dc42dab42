import { CompletionItemKind, MarkupKind, type CompletionList, type Position } from 'vscode-languageserver-types';
import { pick } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { kindDocs } from './kinds';
import type { ManifestFile } from './model';

export function completeManifest(file: ManifestFile, position: Position, ctx: FeatureContext): CompletionList | null {
  const linePrefix = file.document.getText({ start: { line: position.line, character: 0 }, end: position });
  // `kind:` at the top level of a document: offer every kind we document.
  if (/^kind:\s*\w*$/.test(linePrefix)) {
    return {
      isIncomplete: false,
      items: Object.entries(kindDocs).map(([kind, info]) => ({
        label: kind,
        kind: CompletionItemKind.Class,
        detail: info.apiVersion,
        documentation: { kind: MarkupKind.Markdown, value: pick(info.summary, ctx.lang) },
      })),
    };
  }
  return null;
}

import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticFixData } from './rules';

/**
 * Quick fixes travel on the diagnostic (`data`), computed when the rule ran: a code action
 * request only turns them into edits for this document.
 */
export function quickFixesFromDiagnostics(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticFixData | undefined;
    if (!data || !Array.isArray(data.fixes)) continue;
    data.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0 && fix.safe,
        edit: { changes: { [uri]: fix.edits } },
      });
    });
  }
  return actions;
}

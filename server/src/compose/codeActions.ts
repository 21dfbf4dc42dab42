import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { pick } from '../common/localized';
import type { FeatureContext } from '../common/service';
import type { ComposeModel } from './model';
import { composeRules } from './rules';

/**
 * Code actions beyond the rules' own fixes (those travel on the diagnostics): silencing a finding
 * with a `# stevedore-ignore <id>` comment above its line. Syntax errors are not silenced: the file
 * does not load until they are fixed.
 */
export function codeActionsCompose(model: ComposeModel, _range: Range, diagnostics: Diagnostic[], ctx: FeatureContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'stevedore' || typeof diagnostic.code !== 'string') continue;
    const rule = composeRules.find(diagnostic.code);
    if (!rule || rule.meta.category === 'syntax' && rule.meta.id.startsWith('compose-yaml')) continue;
    const { id } = rule.meta;
    actions.push({
      title: pick({ en: `Ignore ${id} on this line`, zh: `在此行忽略 ${id}` }, ctx.lang),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [model.document.uri]: [ignoreCommentEdit(model, diagnostic.range.start.line, id)] } },
    });
  }
  return actions;
}

/** A `# stevedore-ignore <id>` line above `line`, indented like it. */
export function ignoreCommentEdit(model: ComposeModel, line: number, id: string): TextEdit {
  const text = model.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*(?:-[ \t]+)?/.exec(text)?.[0].replace(/-/g, ' ') ?? '';
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${indent}# stevedore-ignore ${id}\n` };
}

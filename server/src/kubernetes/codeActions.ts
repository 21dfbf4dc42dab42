import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { pick } from '../common/localized';
import type { FeatureContext } from '../common/service';
import type { ManifestFile } from './model';
import { objectsOf, type ObjectFacts } from './objects';
import { kubernetesRules } from './rules';
import { appendToMap, isBlockMap } from './rules/edits';
import { documentIndexAt, ignoreCheckPrefix } from './suppression';

/**
 * Code actions beyond the rules' own fixes (those travel on the diagnostics): silencing a finding,
 * either for the whole object with kube-linter's annotation (honoured by kube-linter in CI too) or
 * for one line with a `# stevedore-ignore` comment.
 */
export function codeActionsManifest(file: ManifestFile, range: Range, diagnostics: Diagnostic[], ctx: FeatureContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = file.document.uri;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'stevedore' || typeof diagnostic.code !== 'string') continue;
    if (diagnostic.range.end.line < range.start.line || diagnostic.range.start.line > range.end.line) continue;
    const rule = kubernetesRules.find(diagnostic.code);
    if (!rule || rule.meta.id === 'templated-file') continue;
    // kube-linter understands its own check names; our id works for Stevedore when there is none.
    const name = rule.meta.aliases[0] ?? rule.meta.id;
    if (rule.meta.category !== 'syntax') {
      const object = objectAt(file, diagnostic.range);
      const edit = object ? ignoreAnnotationEdit(file, object, name) : undefined;
      if (edit) {
        actions.push({
          title: pick({ en: `Ignore ${name} for this object (annotation)`, zh: `在此对象上忽略 ${name}（注解）` }, ctx.lang),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [edit] } },
        });
      }
    }
    actions.push({
      title: pick({ en: `Ignore ${rule.meta.id} on this line (comment)`, zh: `在此行忽略 ${rule.meta.id}（注释）` }, ctx.lang),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [ignoreCommentEdit(file, diagnostic.range.start.line, rule.meta.id)] } },
    });
  }
  return actions;
}

function objectAt(file: ManifestFile, range: Range): ObjectFacts | undefined {
  const index = documentIndexAt(file, file.document.offsetAt(range.start));
  return objectsOf(file).find((o) => o.doc.index === index);
}

/** Adds `ignore-check.kube-linter.io/<check>` under metadata.annotations (creating the map if needed). */
export function ignoreAnnotationEdit(file: ManifestFile, object: ObjectFacts, check: string): TextEdit | undefined {
  const line = `${ignoreCheckPrefix}${check}: "not applicable here"`;
  if (object.annotations[`${ignoreCheckPrefix}${check}`] !== undefined) return undefined;
  if (object.annotationsNode) return isBlockMap(object.annotationsNode) ? appendToMap(file, object.annotationsNode, [line]) : undefined;
  if (object.metadata && isBlockMap(object.metadata)) return appendToMap(file, object.metadata, ['annotations:', `  ${line}`]);
  return undefined;
}

/** A `# stevedore-ignore <id>` line above `line`, indented like it. */
export function ignoreCommentEdit(file: ManifestFile, line: number, id: string): TextEdit {
  const text = file.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*(?:-[ \t]+)?/.exec(text)?.[0].replace(/-/g, ' ') ?? '';
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${indent}# stevedore-ignore ${id}\n` };
}

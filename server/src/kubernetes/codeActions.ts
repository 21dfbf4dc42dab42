import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { pick } from '../common/localized';
import type { FeatureContext } from '../common/service';
import type { ManifestFile } from './model';
import { objectsOf, type ObjectFacts } from './objects';
import { kubernetesRules } from './rules';
import { appendToMap, isBlockMap } from './rules/edits';
import { documentIndexAt, ignoreCheckPrefix } from './suppression';

/**
 * Code actions beyond the rules' own fixes (those travel on the diagnostics): silencing a finding.
 * Each rule is offered one way, named by its id with its kube-linter name in parentheses: for a rule
 * kube-linter knows, its annotation on the object (honoured by kube-linter in CI too); otherwise,
 * or where no annotation can be written, a `# stevedore-ignore` comment above the line. A container
 * often carries half a dozen findings on its name: two ways per rule would double that menu.
 */
export function codeActionsManifest(file: ManifestFile, _range: Range, diagnostics: Diagnostic[], ctx: FeatureContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = file.document.uri;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'stevedore' || typeof diagnostic.code !== 'string') continue;
    const rule = kubernetesRules.find(diagnostic.code);
    if (!rule || rule.meta.id === 'templated-file') continue;
    const { id, aliases } = rule.meta;
    const check = aliases[0];
    const object = check && rule.meta.category !== 'syntax' ? objectAt(file, diagnostic.range) : undefined;
    const annotation = object && check ? ignoreAnnotationEdit(file, object, check) : undefined;
    if (annotation) {
      actions.push({
        title: pick({ en: `Ignore ${id} for this object (${check})`, zh: `在此对象上忽略 ${id}（${check}）` }, ctx.lang),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [annotation] } },
      });
      continue;
    }
    actions.push({
      title: pick({ en: `Ignore ${id} on this line`, zh: `在此行忽略 ${id}` }, ctx.lang),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [ignoreCommentEdit(file, diagnostic.range.start.line, id)] } },
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

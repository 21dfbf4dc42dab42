import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ManifestFile } from '../model';
import type { ObjectFacts } from '../objects';
import { nodeRange, pairOf, seqAt, stringAt } from '../yamlNodes';
import { perObject } from './context';
import { appendToMap, replaceScalar, yamlScalar } from './edits';
import { objectLabel } from './hostAccess';

/** Kinds whose `spec.selector` must select their own pod template. */
const kinds = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

/** Evaluates `matchExpressions` (In, NotIn, Exists, DoesNotExist) against labels. */
export function expressionsMatch(selector: YAMLMap, labels: Record<string, string>): boolean {
  for (const expression of seqAt(selector, 'matchExpressions')?.items ?? []) {
    if (!isMap(expression)) continue;
    const key = stringAt(expression, 'key');
    const operator = stringAt(expression, 'operator');
    if (key === undefined) continue;
    const values = seqAt(expression, 'values')?.items.filter(isScalar).map((v) => String(v.value)) ?? [];
    const has = Object.hasOwn(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export const selectorMismatch = perObject({
  id: 'selector-mismatch', fixable: true,
  aliases: ['mismatching-selector'],
  kubeLinterDefault: true,
  severity: 'error',
  category: 'semantics',
  profile: 'recommended',
  title: { en: 'Selector does not match the pod template labels', zh: '选择器与 Pod 模板标签不匹配' },
  docs: {
    en: 'A Deployment, ReplicaSet, StatefulSet, DaemonSet or Job manages the pods its `spec.selector` selects. If the template\'s labels do not satisfy the selector, the API server rejects the object ("selector does not match template labels"). Make every `matchLabels` entry (and expression) hold for `spec.template.metadata.labels`.',
    zh: 'Deployment、ReplicaSet、StatefulSet、DaemonSet 和 Job 管理的是其 `spec.selector` 选中的 Pod。如果模板的标签不满足选择器，API 服务器会拒绝该对象（"selector does not match template labels"）。请确保 `spec.template.metadata.labels` 满足每一条 `matchLabels`（以及表达式）。',
  },
}, (object, { file }, report) => {
  const selector = object.selector;
  const workload = object.workload;
  if (!kinds.has(object.kind) || !selector || !workload?.template) return;
  const labels = workload.templateLabels;
  const badKeys = Object.keys(selector.matchLabels).filter((key) => labels[key] !== selector.matchLabels[key]);
  const expressionsOk = expressionsMatch(selector.node, labels);
  if (badKeys.length === 0 && expressionsOk) return;
  const anchor = badKeys.length > 0 ? pairOf(selector.matchLabelsNode, badKeys[0])?.key : pairOf(selector.node, 'matchExpressions')?.key;
  const fix = badKeys.length > 0 ? matchFix(file, object, badKeys) : undefined;
  const shown = badKeys.map((k) => `${k}=${selector.matchLabels[k]}`).join(', ');
  report({
    range: nodeRange(file, anchor ?? selector.node),
    message: badKeys.length > 0
      ? { en: `The selector of ${objectLabel(object)} requires ${shown}, which the pod template labels do not have.`, zh: `${objectLabel(object)} 的选择器要求 ${shown}，但 Pod 模板的标签中没有。` }
      : { en: `The pod template labels of ${objectLabel(object)} do not satisfy its selector's matchExpressions.`, zh: `${objectLabel(object)} 的 Pod 模板标签不满足其选择器的 matchExpressions。` },
    fixes: fix ? [fix] : undefined,
  });
});

/**
 * Keys the template has with another value: the selector takes the template's value (the labels are
 * what the running pods carry). Keys the template lacks: the template gains the selector's label.
 */
function matchFix(file: ManifestFile, object: ObjectFacts, badKeys: string[]) {
  const selector = object.selector!;
  const workload = object.workload!;
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const key of badKeys) {
    if (workload.templateLabels[key] === undefined) {
      missing.push(`${key}: ${yamlScalar(selector.matchLabels[key])}`);
      continue;
    }
    const valueNode = pairOf(selector.matchLabelsNode, key)?.value;
    const edit = isScalar(valueNode) ? replaceScalar(file, valueNode, yamlScalar(workload.templateLabels[key])) : undefined;
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (missing.length > 0) {
    const labelsNode = workload.templateLabelsNode;
    const metadata = workload.template ? (workload.template.get('metadata', true) as unknown) : undefined;
    let edit: TextEdit | undefined;
    if (labelsNode) edit = appendToMap(file, labelsNode, missing);
    else if (isMap(metadata)) edit = appendToMap(file, metadata, ['labels:', ...missing.map((l) => `  ${l}`)]);
    else if (workload.template) edit = appendToMap(file, workload.template, ['metadata:', '  labels:', ...missing.map((l) => `    ${l}`)]);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return { title: { en: 'Make the selector match the template labels', zh: '使选择器与模板标签一致' }, edits, safe: true };
}


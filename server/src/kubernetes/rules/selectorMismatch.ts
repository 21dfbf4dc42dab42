import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../../common/rules';
import type { ManifestFile } from '../model';
import { selectorMatches, type ObjectFacts } from '../objects';
import { sameNamespace } from '../workspace';
import { nodeRange, pairOf, seqAt, stringAt } from '../yamlNodes';
import { perObject, workspaceOf, type ManifestRuleSubject } from './context';
import { appendToMap, removeEntry, replaceScalar, yamlScalar } from './edits';
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
    en: 'A Deployment, ReplicaSet, StatefulSet, DaemonSet or Job manages the pods its `spec.selector` selects. If the template\'s labels do not satisfy the selector, the API server rejects the object ("selector does not match template labels"). Make every `matchLabels` entry (and expression) hold for `spec.template.metadata.labels`.\n\nThe quick fix works either way. Labelling the pod template as the selector requires is usually right: the selector of an existing Deployment, StatefulSet, DaemonSet or Job cannot be changed (it is immutable), and the Services written for a workload select by the same labels. Changing the selector to the template\'s labels is offered too, and comes first when the workspace\'s Services, PodDisruptionBudgets or NetworkPolicies select these pods by the template\'s labels.',
    zh: 'Deployment、ReplicaSet、StatefulSet、DaemonSet 和 Job 管理的是其 `spec.selector` 选中的 Pod。如果模板的标签不满足选择器，API 服务器会拒绝该对象（"selector does not match template labels"）。请确保 `spec.template.metadata.labels` 满足每一条 `matchLabels`（以及表达式）。\n\n快速修复提供两个方向。通常应给 Pod 模板加上选择器要求的标签：已存在的 Deployment、StatefulSet、DaemonSet 或 Job 的选择器不可修改，而为工作负载编写的 Service 也按同样的标签选择 Pod。另一个方向是把选择器改为模板的标签；如果工作区中的 Service、PodDisruptionBudget 或 NetworkPolicy 按模板现有的标签选择这些 Pod，则优先推荐这个方向。',
  },
}, (object, subject, report) => {
  const { file } = subject;
  const selector = object.selector;
  const workload = object.workload;
  if (!kinds.has(object.kind) || !selector || !workload?.template) return;
  const labels = workload.templateLabels;
  const badKeys = Object.keys(selector.matchLabels).filter((key) => labels[key] !== selector.matchLabels[key]);
  const expressionsOk = expressionsMatch(selector.node, labels);
  if (badKeys.length === 0 && expressionsOk) return;
  const anchor = badKeys.length > 0 ? pairOf(selector.matchLabelsNode, badKeys[0])?.key : pairOf(selector.node, 'matchExpressions')?.key;
  const shown = badKeys.map((k) => `${k}=${selector.matchLabels[k]}`).join(', ');
  report({
    range: nodeRange(file, anchor ?? selector.node),
    message: badKeys.length > 0
      ? { en: `The selector of ${objectLabel(object)} requires ${shown}, which the pod template labels do not have.`, zh: `${objectLabel(object)} 的选择器要求 ${shown}，但 Pod 模板的标签中没有。` }
      : { en: `The pod template labels of ${objectLabel(object)} do not satisfy its selector's matchExpressions.`, zh: `${objectLabel(object)} 的 Pod 模板标签不满足其选择器的 matchExpressions。` },
    fixes: badKeys.length > 0 ? selectorFixes(subject, object, badKeys) : undefined,
  });
});

/** Kinds that pick pods by label and stop working when the pods' labels change. */
const podSelectingKinds = ['Service', 'PodDisruptionBudget', 'NetworkPolicy'];

/**
 * Two ways out, in the order we recommend them:
 * - the template takes the selector's labels: the selector stays as it is (it is immutable on an
 *   existing Deployment, StatefulSet, DaemonSet or Job), and whatever selects pods by the
 *   selector's labels (the Service written alongside it, usually) starts to match;
 * - the selector takes the template's labels: only right when Services, PDBs or NetworkPolicies
 *   select the pods by the template's current labels (and the object must then be recreated).
 * The first that keeps every Service, PodDisruptionBudget and NetworkPolicy of the workspace that
 * selects these pods (before or after the fix) matching comes first and is safe; with no such
 * direction neither is safe and the template direction stays first.
 */
function selectorFixes(subject: ManifestRuleSubject, object: ObjectFacts, badKeys: string[]): Fix[] | undefined {
  const selector = object.selector!.matchLabels;
  const current = object.workload!.templateLabels;
  const relabelled = { ...current, ...selector };
  const consumers = podSelectingKinds.flatMap((kind) => workspaceOf(subject).ofKind(kind))
    .filter((other) => other.selector && sameNamespace(other.namespace, object.namespace))
    .filter((other) => selectorMatches(other.selector!, current) || selectorMatches(other.selector!, relabelled));
  const lostByRelabelling = consumers.filter((other) => !selectorMatches(other.selector!, relabelled)).length;
  const lostByReselecting = consumers.filter((other) => !selectorMatches(other.selector!, current)).length;
  const template = templateFix(subject.file, object, badKeys);
  const reselect = selectorFix(subject.file, object, badKeys);
  const reselectFirst = reselect !== undefined && lostByReselecting < lostByRelabelling;
  const ordered = reselectFirst ? [reselect, template] : [template, reselect];
  const lost = reselectFirst ? lostByReselecting : lostByRelabelling;
  const fixes = ordered.filter((fix): fix is Fix => fix !== undefined);
  if (fixes.length === 0) return undefined;
  if (lost === 0 && fixes[0] === ordered[0]) fixes[0] = { ...fixes[0], safe: true };
  return fixes;
}

const shownLabels = (keys: string[], labels: Record<string, string>) => keys.map((key) => `${key}=${labels[key]}`).join(', ');

/** The template gains the selector's labels (or takes its values where they differ). */
function templateFix(file: ManifestFile, object: ObjectFacts, badKeys: string[]): Fix | undefined {
  const selector = object.selector!;
  const workload = object.workload!;
  const edits: TextEdit[] = [];
  const missing: string[] = [];
  for (const key of badKeys) {
    if (workload.templateLabels[key] === undefined) {
      missing.push(`${yamlScalar(key)}: ${yamlScalar(selector.matchLabels[key])}`);
      continue;
    }
    const valueNode = pairOf(workload.templateLabelsNode, key)?.value;
    const edit = isScalar(valueNode) ? replaceScalar(file, valueNode, yamlScalar(selector.matchLabels[key])) : undefined;
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
  const shown = shownLabels(badKeys, selector.matchLabels);
  return {
    title: { en: `Label the pod template ${shown} (as the selector requires)`, zh: `给 Pod 模板加上标签 ${shown}（与选择器一致）` },
    edits,
  };
}

/**
 * The selector takes the template's values; selector keys the template lacks are dropped. Not
 * offered when nothing would remain of `matchLabels` (an empty selector is rejected).
 */
function selectorFix(file: ManifestFile, object: ObjectFacts, badKeys: string[]): Fix | undefined {
  const selector = object.selector!;
  const labels = object.workload!.templateLabels;
  const matchLabels = selector.matchLabelsNode;
  if (!matchLabels) return undefined;
  const dropped = badKeys.filter((key) => labels[key] === undefined);
  if (dropped.length === Object.keys(selector.matchLabels).length && !selector.hasExpressions) return undefined;
  const edits: TextEdit[] = [];
  for (const key of badKeys) {
    const pair = pairOf(matchLabels, key);
    const edit = labels[key] === undefined
      ? removeEntry(file, matchLabels, key)
      : isScalar(pair?.value) ? replaceScalar(file, pair.value, yamlScalar(labels[key])) : undefined;
    if (!edit) return undefined;
    edits.push(edit);
  }
  return {
    title: { en: `Change the selector to the template's labels (${object.kind} must be recreated: selectors are immutable)`, zh: `把选择器改为模板的标签（选择器不可修改，需重建该 ${object.kind}）` },
    edits,
  };
}

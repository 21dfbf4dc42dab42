import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { Localized } from '../../common/localized';
import type { ObjectFacts } from '../objects';
import { nodeRange } from '../yamlNodes';
import { perObject } from './context';

/** Values filled in later by a tool (envsubst, kustomize vars, Helm) are not judged. */
const placeholder = /[${}<>]/;

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedName = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Kinds whose names become DNS labels (Service host names, namespaces). */
const labelNamed = new Set(['Service', 'Namespace']);
/** Kinds validated as DNS subdomains; others (RBAC allows `system:…`) are left alone. */
const subdomainNamed = new Set([
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'ConfigMap', 'Secret',
  'ServiceAccount', 'Ingress', 'IngressClass', 'PersistentVolumeClaim', 'PersistentVolume', 'NetworkPolicy', 'HorizontalPodAutoscaler',
  'PodDisruptionBudget', 'StorageClass', 'PriorityClass', 'LimitRange', 'ResourceQuota', 'PodTemplate',
]);

export function nameProblem(kind: string, name: string): Localized | undefined {
  if (labelNamed.has(kind)) {
    if (name.length > 63) return { en: `is longer than 63 characters`, zh: `超过了 63 个字符` };
    if (!dns1123Label.test(name)) return { en: 'must be a DNS label: lowercase letters, digits and "-", starting and ending with a letter or digit', zh: '必须是 DNS 标签：只含小写字母、数字和 "-"，并以字母或数字开头和结尾' };
    if (kind === 'Service' && /^\d/.test(name)) return { en: 'must start with a letter', zh: '必须以字母开头' };
    return undefined;
  }
  if (!subdomainNamed.has(kind)) return undefined;
  if (kind === 'CronJob' && name.length > 52) return { en: 'is longer than 52 characters (the limit for CronJobs, whose Job names get a suffix)', zh: '超过了 52 个字符（CronJob 的上限，因为其 Job 名称还要加后缀）' };
  if (name.length > 253) return { en: 'is longer than 253 characters', zh: '超过了 253 个字符' };
  if (!dns1123Subdomain.test(name)) return { en: 'must be a DNS subdomain: lowercase letters, digits, "-" and ".", starting and ending with a letter or digit', zh: '必须是 DNS 子域名：只含小写字母、数字、"-" 和 "."，并以字母或数字开头和结尾' };
  return undefined;
}

/** Problems of a label or annotation key (`prefix/name`). */
export function qualifiedKeyProblem(key: string): Localized | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !dns1123Subdomain.test(prefix))) {
    return { en: `has an invalid prefix \`${prefix}\` (must be a DNS subdomain)`, zh: `的前缀 \`${prefix}\` 无效（必须是 DNS 子域名）` };
  }
  if (name.length === 0 || name.length > 63) return { en: 'must have a name part of 1–63 characters', zh: '的名称部分必须为 1–63 个字符' };
  if (!qualifiedName.test(name)) return { en: 'may only contain letters, digits, "-", "_" and ".", starting and ending with a letter or digit', zh: '只能包含字母、数字、"-"、"_" 和 "."，并以字母或数字开头和结尾' };
  return undefined;
}

export function labelValueProblem(value: string): Localized | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return { en: 'is longer than 63 characters', zh: '超过了 63 个字符' };
  if (!qualifiedName.test(value)) return { en: 'may only contain letters, digits, "-", "_" and ".", starting and ending with a letter or digit', zh: '只能包含字母、数字、"-"、"_" 和 "."，并以字母或数字开头和结尾' };
  return undefined;
}

export const invalidObjectName = perObject({
  id: 'invalid-object-name', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'Invalid object name', zh: '对象名称无效' },
  docs: {
    en: 'Most object names must be DNS subdomains (lowercase letters, digits, `-` and `.`, at most 253 characters); Services and Namespaces must be DNS labels (no dots, at most 63). The API server rejects other names.',
    zh: '大多数对象名称必须是 DNS 子域名（小写字母、数字、`-` 和 `.`，最多 253 个字符）；Service 和 Namespace 必须是 DNS 标签（不含点，最多 63 个字符）。API 服务器会拒绝其他名称。',
  },
}, (object, { file }, report) => {
  const node = object.namePair?.value;
  if (!object.builtIn || !isScalar(node) || typeof node.value !== 'string' || placeholder.test(node.value)) return;
  const problem = nameProblem(object.kind, node.value);
  if (!problem) return;
  report({ range: nodeRange(file, node), message: { en: `The name \`${node.value}\` ${problem.en}.`, zh: `名称 \`${node.value}\` ${problem.zh}。` } });
});

/** Label maps of an object: its own labels, its pod template's, its selector's matchLabels. */
function labelMaps(object: ObjectFacts): YAMLMap[] {
  const maps = [object.labelsNode, object.workload?.templateLabelsNode, object.selector?.matchLabelsNode];
  return [...new Set(maps.filter((m): m is YAMLMap => !!m && isMap(m)))];
}

export const invalidLabel = perObject({
  id: 'invalid-label', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'Invalid label', zh: '标签无效' },
  docs: {
    en: 'Label keys are an optional DNS-subdomain prefix and a name of at most 63 characters (letters, digits, `-`, `_`, `.`); values are empty or follow the same rule as the name. The API server rejects other labels.',
    zh: '标签键由可选的 DNS 子域名前缀和最多 63 个字符的名称（字母、数字、`-`、`_`、`.`）组成；标签值可以为空，否则须遵循与名称相同的规则。API 服务器会拒绝其他标签。',
  },
}, (object, { file }, report) => {
  for (const map of labelMaps(object)) {
    for (const item of map.items) {
      const key = item.key as Scalar;
      if (!isScalar(key) || typeof key.value !== 'string' || placeholder.test(key.value)) continue;
      const keyIssue = qualifiedKeyProblem(key.value);
      if (keyIssue) report({ range: nodeRange(file, key), message: { en: `The label key \`${key.value}\` ${keyIssue.en}.`, zh: `标签键 \`${key.value}\` ${keyIssue.zh}。` } });
      const value = item.value;
      if (isScalar(value) && typeof value.value === 'string' && !placeholder.test(value.value)) {
        const valueIssue = labelValueProblem(value.value);
        if (valueIssue) report({ range: nodeRange(file, value), message: { en: `The label value \`${value.value}\` ${valueIssue.en}.`, zh: `标签值 \`${value.value}\` ${valueIssue.zh}。` } });
      }
    }
  }
});

export const invalidAnnotationKey = perObject({
  id: 'invalid-annotation-key', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'Invalid annotation key', zh: '注解键无效' },
  docs: {
    en: 'Annotation keys follow the same syntax as label keys: an optional DNS-subdomain prefix, `/`, and a name of at most 63 characters.',
    zh: '注解键的语法与标签键相同：可选的 DNS 子域名前缀、`/`，以及最多 63 个字符的名称。',
  },
}, (object, { file }, report) => {
  for (const item of object.annotationsNode?.items ?? []) {
    const key = item.key as Scalar;
    if (!isScalar(key) || typeof key.value !== 'string' || placeholder.test(key.value)) continue;
    const issue = qualifiedKeyProblem(key.value);
    if (issue) report({ range: nodeRange(file, key), message: { en: `The annotation key \`${key.value}\` ${issue.en}.`, zh: `注解键 \`${key.value}\` ${issue.zh}。` } });
  }
});

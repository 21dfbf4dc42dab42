import type { Node, Pair } from 'yaml';
import type { Finding } from '../../common/rules';
import type { ObjectFacts } from '../objects';
import { nodeRange, pairOf } from '../yamlNodes';
import type { ManifestRuleSubject } from './context';

/**
 * What kube-linter's check templates share (kubeLinterTemplates.ts lists them): parameters read
 * case-insensitively as kube-linter does, its string matcher, its object scopes, where findings go.
 */

export type TemplateParams = Record<string, unknown>;

export interface TemplateRun {
  object: ObjectFacts;
  subject: ManifestRuleSubject;
  params: TemplateParams;
  report: (finding: Finding) => void;
}

export interface KubeLinterTemplate {
  key: string;
  /** kube-linter's object kinds for the template: `DeploymentLike` (its workload kinds, and anything with a pod template), `Any`, or kind names. */
  scope: readonly string[];
  /** Reads the pod spec: objects without one are skipped whatever a custom scope says. */
  podSpec?: boolean;
  check(run: TemplateRun): void;
}

/** A parameter by name, case-insensitively (`minReplicas`, `MinReplicas`). */
export function param(params: TemplateParams, name: string): unknown {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function stringParam(params: TemplateParams, name: string, fallback = ''): string {
  const value = param(params, name);
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : fallback;
}

export function listParam(params: TemplateParams, name: string): string[] {
  const value = param(params, name);
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String) : [];
}

export function numberParam(params: TemplateParams, name: string, fallback: number): number {
  const value = param(params, name);
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** Go regular expressions as kube-linter compiles them; one JavaScript cannot read matches nothing. */
export function regex(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** kube-linter's string matcher: empty matches anything, a leading `!` negates, otherwise an unanchored regex. */
export function stringMatcher(pattern: string): (value: string) => boolean {
  if (pattern === '') return () => true;
  const negate = pattern.startsWith('!');
  const re = regex(negate ? pattern.slice(1) : pattern);
  if (!re) return () => false;
  return (value) => re.test(value) !== negate;
}

/** kube-linter's DeploymentLike kinds (by kind, pod template or not), with the groups that serve them. */
const deploymentLikeKinds: Record<string, readonly string[]> = {
  Deployment: ['apps', 'extensions'], DaemonSet: ['apps', 'extensions'], StatefulSet: ['apps'], ReplicaSet: ['apps', 'extensions'],
  Pod: [''], ReplicationController: [''], Job: ['batch'], CronJob: ['batch'], DeploymentConfig: ['apps.openshift.io'],
};

/** DeploymentLike: those kinds, and any other object with a pod template (custom workloads). */
export function isDeploymentLike(object: ObjectFacts): boolean {
  return object.workload !== undefined || (deploymentLikeKinds[object.kind]?.includes(object.group) ?? false);
}

/** Whether the object is one the template (or a custom check's scope) looks at. */
export function inScope(object: ObjectFacts, kinds: readonly string[]): boolean {
  return kinds.some((kind) => kind === 'Any' || (kind === 'DeploymentLike' ? isDeploymentLike(object) : kind === object.kind));
}

/** Where a finding about the object as a whole goes: its name, else its first line. */
export function objectRange(subject: ManifestRuleSubject, object: ObjectFacts) {
  return nodeRange(subject.file, object.namePair?.value as Node | undefined ?? object.namePair?.key ?? object.root);
}

/** The pod spec's own key (`spec:` of the template), for findings about something the pod spec lacks. */
export function podSpecRange(subject: ManifestRuleSubject, object: ObjectFacts) {
  const path = object.workload!.podSpecPath;
  let map: unknown = object.root;
  let pair: Pair | undefined;
  for (const key of path) {
    pair = pairOf(map, key);
    map = pair?.value;
  }
  return pair ? nodeRange(subject.file, pair.key as Node) : objectRange(subject, object);
}

export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

import type { Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../../common/rules';
import type { ManifestFile } from '../model';
import type { ContainerFacts, ContainerRole, ObjectFacts, WorkloadFacts } from '../objects';
import { objectsOf } from '../objects';
import { nodeRange, pairOf, type KeyedPair } from '../yamlNodes';
import type { KubeRule, KubeRuleMeta, ManifestRuleSubject } from './context';

export interface ContainerCheck {
  container: ContainerFacts;
  workload: WorkloadFacts;
  object: ObjectFacts;
  subject: ManifestRuleSubject;
  report: (finding: Finding) => void;
}

/** A rule that looks at each container of each workload, for the given container roles. */
export function perContainer(meta: KubeRuleMeta, roles: ContainerRole[], check: (c: ContainerCheck) => void): KubeRule {
  const checkObjects: KubeRule['checkObjects'] = (objects, subject, report) => {
    for (const object of objects) {
      const workload = object.workload;
      if (!workload) continue;
      for (const container of workload.containers) {
        if (roles.includes(container.role)) check({ container, workload, object, subject, report });
      }
    }
  };
  return { meta, check: (subject, report) => checkObjects(objectsOf(subject.file), subject, report), checkObjects };
}

export const runningContainers: ContainerRole[] = ['container', 'initContainer'];
export const allContainers: ContainerRole[] = ['container', 'initContainer', 'ephemeralContainer'];

/** "container `web`" / "容器 `web`" for messages. */
export function containerLabel(container: ContainerFacts): { en: string; zh: string } {
  const name = container.name ?? '?';
  if (container.role === 'initContainer') return { en: `init container \`${name}\``, zh: `初始化容器 \`${name}\`` };
  if (container.role === 'ephemeralContainer') return { en: `ephemeral container \`${name}\``, zh: `临时容器 \`${name}\`` };
  return { en: `container \`${name}\``, zh: `容器 \`${name}\`` };
}

/**
 * Where a finding about a container field points: the field itself when the container has it
 * (the key of `readOnlyRootFilesystem: false`), else the nearest map that should hold it
 * (`securityContext`, `resources.limits`), else the container's `name` entry. So each finding
 * sits on the field at fault, and those about fields the container lacks altogether gather on
 * its name line (one hover lists them) instead of all covering the same few characters.
 */
export function containerFieldRange(file: ManifestFile, container: ContainerFacts, path: readonly string[]): Range {
  let map: unknown = container.node;
  let deepest: KeyedPair | undefined;
  for (const key of path) {
    const pair = pairOf(map, key);
    if (!pair) break;
    deepest = pair;
    map = pair.value;
  }
  return deepest ? nodeRange(file, deepest.key) : containerNameRange(file, container);
}

/** The container's `name: web` entry, key and value (its first entry when it has no name). */
export function containerNameRange(file: ManifestFile, container: ContainerFacts): Range {
  const pair = (pairOf(container.node, 'name') ?? container.node.items[0]) as KeyedPair | undefined;
  const start = pair?.key?.range?.[0];
  if (start === undefined) return nodeRange(file, container.node);
  const end = (pair?.value as Node | null | undefined)?.range?.[1] ?? pair!.key.range![1];
  return { start: file.document.positionAt(start), end: file.document.positionAt(Math.max(start, end)) };
}

import { isScalar } from 'yaml';
import { selectorMatches, sameNamespaceOf } from './selectorMatch';
import { nodeRange, pairOf, scalarAt, stringAt } from '../yamlNodes';
import { perObject, workspaceOf } from './context';
import { objectLabel } from './hostAccess';

const isPdb = (kind: string, builtIn: boolean) => kind === 'PodDisruptionBudget' && builtIn;

export const pdbMaxUnavailable = perObject({
  id: 'pdb-blocks-eviction', fixable: true, aliases: ['pdb-max-unavailable'], kubeLinterDefault: true, severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'PodDisruptionBudget allows no disruption', zh: 'PodDisruptionBudget 不允许任何中断' },
  docs: {
    en: '`maxUnavailable: 0` (or `0%`) means no pod may ever be evicted voluntarily: node drains and cluster upgrades hang until someone deletes the budget. Allow at least one pod to be unavailable.',
    zh: '`maxUnavailable: 0`（或 `0%`）表示任何 Pod 都不能被主动驱逐：节点排空和集群升级会一直卡住，直到有人删除该预算。请至少允许一个 Pod 不可用。',
  },
}, (object, { file }, report) => {
  if (!isPdb(object.kind, object.builtIn)) return;
  const node = scalarAt(object.spec, 'maxUnavailable');
  if (!node || (node.value !== 0 && node.value !== '0%' && node.value !== '0')) return;
  report({
    range: nodeRange(file, node),
    message: { en: `${objectLabel(object)} allows no pod to be evicted; node drains will block.`, zh: `${objectLabel(object)} 不允许驱逐任何 Pod，节点排空将被阻塞。` },
    fixes: [{ title: { en: 'Set maxUnavailable: 1', zh: '设置 maxUnavailable: 1' }, edits: [{ range: nodeRange(file, node), newText: '1' }] }],
  });
});

export const pdbMinAvailable = perObject({
  id: 'pdb-min-available-too-high', aliases: ['pdb-min-available'], kubeLinterDefault: true, severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'PodDisruptionBudget minAvailable leaves no room', zh: 'PodDisruptionBudget 的 minAvailable 没有余量' },
  docs: {
    en: 'A `minAvailable` of 100%, or at least the replicas of the workload it selects, forbids every voluntary eviction, so node drains block. Keep `minAvailable` below the replica count.',
    zh: '`minAvailable` 为 100%，或不小于所选工作负载的副本数时，任何主动驱逐都被禁止，节点排空会被阻塞。请让 `minAvailable` 小于副本数。',
  },
}, (object, subject, report) => {
  if (!isPdb(object.kind, object.builtIn)) return;
  const node = scalarAt(object.spec, 'minAvailable');
  if (!node) return;
  const { file } = subject;
  if (node.value === '100%') {
    report({ range: nodeRange(file, node), message: { en: `${objectLabel(object)} requires 100% of its pods; none can be evicted.`, zh: `${objectLabel(object)} 要求 100% 的 Pod 可用，任何 Pod 都无法被驱逐。` } });
    return;
  }
  if (typeof node.value !== 'number' || !object.selector) return;
  const selector = object.selector.matchLabels;
  for (const kind of ['Deployment', 'StatefulSet', 'ReplicaSet']) {
    for (const workload of workspaceOf(subject).ofKind(kind)) {
      if (!workload.podLabels || !selectorMatches(selector, workload.podLabels) || !sameNamespaceOf(workload, object)) continue;
      const replicas = workload.replicas ?? 1;
      if (node.value < replicas) continue;
      report({
        range: nodeRange(file, node),
        message: {
          en: `${objectLabel(object)} requires ${node.value} available pods but ${kind} \`${workload.name ?? '?'}\` has ${replicas} replica(s); none can be evicted.`,
          zh: `${objectLabel(object)} 要求 ${node.value} 个可用 Pod，但 ${kind} \`${workload.name ?? '?'}\` 只有 ${replicas} 个副本，任何 Pod 都无法被驱逐。`,
        },
      });
      return;
    }
  }
});

export const pdbUnhealthyEviction = perObject({
  id: 'pdb-unhealthy-eviction-policy', aliases: ['pdb-unhealthy-pod-eviction-policy'], kubeLinterDefault: true, severity: 'info', category: 'best-practice', profile: 'strict',
  title: { en: 'PodDisruptionBudget keeps unhealthy pods', zh: 'PodDisruptionBudget 会保留不健康的 Pod' },
  docs: {
    en: 'Without `unhealthyPodEvictionPolicy: AlwaysAllow`, pods that are running but not ready count against the budget and cannot be evicted, so a broken rollout can block node drains. `AlwaysAllow` lets them go.',
    zh: '未设置 `unhealthyPodEvictionPolicy: AlwaysAllow` 时，正在运行但未就绪的 Pod 也受预算保护而无法被驱逐，失败的发布可能因此阻塞节点排空。设为 `AlwaysAllow` 可以允许驱逐它们。',
  },
}, (object, { file }, report) => {
  if (!isPdb(object.kind, object.builtIn) || !object.spec) return;
  if (stringAt(object.spec, 'unhealthyPodEvictionPolicy') === 'AlwaysAllow') return;
  const pair = pairOf(object.spec, 'unhealthyPodEvictionPolicy');
  report({
    range: nodeRange(file, pair?.value && isScalar(pair.value) ? pair.value : pairOf(object.root, 'spec')?.key),
    message: { en: `${objectLabel(object)} does not set unhealthyPodEvictionPolicy: AlwaysAllow.`, zh: `${objectLabel(object)} 未设置 unhealthyPodEvictionPolicy: AlwaysAllow。` },
  });
});

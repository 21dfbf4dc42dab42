import type { IndexedObject, WorkspaceView } from '../workspace';
import { workloadsSelectedBy } from './crossObject';
import { nodeRange, pairOf, scalarAt, stringAt } from '../yamlNodes';
import { perObject, workspaceOf } from './context';
import { objectLabel } from './hostAccess';

const isPdb = (kind: string, builtIn: boolean) => kind === 'PodDisruptionBudget' && builtIn;

export const pdbBlocksEviction = perObject({
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

export const pdbMinAvailableTooHigh = perObject({
  id: 'pdb-min-available-too-high', aliases: ['pdb-min-available'], kubeLinterDefault: true, severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'PodDisruptionBudget minAvailable leaves no room', zh: 'PodDisruptionBudget 的 minAvailable 没有余量' },
  docs: {
    en: 'A `minAvailable` of 100%, or at least the replicas of the workload it selects (a percentage counts against the replicas; without `replicas`, an autoscaler\'s `minReplicas`), forbids every voluntary eviction, so node drains block. Keep `minAvailable` below the replica count. The workload is the nearest one the selector matches: in the same file, then the same folder or kustomization, then the rest of the workspace.',
    zh: '`minAvailable` 为 100%，或不小于所选工作负载的副本数时（百分比按副本数折算；未写 `replicas` 时取自动扩缩器的 `minReplicas`），任何主动驱逐都被禁止，节点排空会被阻塞。请让 `minAvailable` 小于副本数。所选工作负载取选择器匹配到的最近的一个：先看同一文件，再看同一文件夹或 kustomization，最后看工作区的其余部分。',
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
  const minimum = minAvailableOf(node.value);
  if (!minimum || !object.selector || object.selector.hasExpressions) return;
  const view = workspaceOf(subject);
  // The nearest workloads the budget selects (its own app before a namesake elsewhere in the workspace).
  const selected = view.nearestGroup(workloadsSelectedBy(view, object.selector.matchLabels, object.namespace).filter((w) => replicatedKinds.has(w.kind) || w.replicas !== undefined), object.namespace);
  for (const workload of selected) {
    const replicas = workload.replicas ?? autoscaledMinimum(view, workload) ?? 1;
    const required = minimum.percent ? Math.ceil((replicas * minimum.value) / 100) : minimum.value;
    if (required < replicas) continue;
    report({
      range: nodeRange(file, node),
      message: {
        en: `${objectLabel(object)} requires ${required} available pods but ${workload.kind} \`${workload.name ?? '?'}\` has ${replicas} replica(s); none can be evicted.`,
        zh: `${objectLabel(object)} 要求 ${required} 个可用 Pod，但 ${workload.kind} \`${workload.name ?? '?'}\` 只有 ${replicas} 个副本，任何 Pod 都无法被驱逐。`,
      },
    });
    return;
  }
});

/** Kinds that run a number of identical pods (`replicas`). */
const replicatedKinds = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

/** `minAvailable` as a number or a percentage (`50%`); undefined when it is neither. */
function minAvailableOf(value: unknown): { value: number; percent: boolean } | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return { value, percent: false };
  const match = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return match ? { value: Number(match[1]), percent: true } : undefined;
}

/** Without `replicas`, an autoscaler targeting the workload decides: its `minReplicas`. */
function autoscaledMinimum(view: WorkspaceView, workload: IndexedObject): number | undefined {
  const hpa = view.ofKind('HorizontalPodAutoscaler').find((h) => view.sharesNamespace(h, workload.namespace) && h.refs?.some((r) => r.kind === workload.kind && r.name === workload.name));
  return hpa?.minReplicas;
}

export const pdbUnhealthyEvictionPolicy = perObject({
  id: 'pdb-unhealthy-eviction-policy', aliases: ['pdb-unhealthy-pod-eviction-policy'], kubeLinterDefault: true, severity: 'info', category: 'best-practice', profile: 'strict',
  title: { en: 'PodDisruptionBudget keeps unhealthy pods', zh: 'PodDisruptionBudget 会保留不健康的 Pod' },
  docs: {
    en: 'Without `unhealthyPodEvictionPolicy`, the default `IfHealthyBudget` applies: pods that are running but not ready count against the budget and cannot be evicted while it is short, so a broken rollout can block node drains. `AlwaysAllow` lets them go; writing `IfHealthyBudget` explicitly records that the default is wanted.',
    zh: '未设置 `unhealthyPodEvictionPolicy` 时使用默认的 `IfHealthyBudget`：正在运行但未就绪的 Pod 在预算不足时也受保护而无法被驱逐，失败的发布可能因此阻塞节点排空。`AlwaysAllow` 允许驱逐它们；显式写上 `IfHealthyBudget` 则表示确实需要默认行为。',
  },
}, (object, { file }, report) => {
  if (!isPdb(object.kind, object.builtIn) || !object.spec) return;
  // An explicit `IfHealthyBudget` is a choice (keep unready pods while the budget is short), not an oversight.
  if (stringAt(object.spec, 'unhealthyPodEvictionPolicy') !== undefined) return;
  report({
    range: nodeRange(file, pairOf(object.root, 'spec')?.key),
    message: { en: `${objectLabel(object)} does not set unhealthyPodEvictionPolicy (AlwaysAllow lets unready pods be evicted).`, zh: `${objectLabel(object)} 未设置 unhealthyPodEvictionPolicy（AlwaysAllow 允许驱逐未就绪的 Pod）。` },
  });
});

import type { Fix } from '../../common/rules';
import type { ManifestFile } from '../model';
import type { ContainerFacts } from '../objects';
import { mapAt, valueOf } from '../yamlNodes';
import { containerFieldRange, containerLabel, perContainer, runningContainers } from './containerRules';
import { ensureTree } from './edits';

/** A starting point users then tune: small requests, a memory limit equal to the request. */
export function resourcesFix(file: ManifestFile, container: ContainerFacts): Fix | undefined {
  const edits = ensureTree(file, container.node, {
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
  });
  if (edits.length === 0) return undefined;
  return { title: { en: 'Add resource requests and a memory limit', zh: '添加资源请求和内存上限' }, edits };
}

function hasResource(container: ContainerFacts, section: 'requests' | 'limits', name: string): boolean {
  return valueOf(mapAt(container.resources, section), name) !== undefined;
}

export const cpuRequestMissing = perContainer({
  id: 'cpu-request-missing', fixable: true,
  aliases: ['unset-cpu-requirements'],
  kubeLinterDefault: true,
  severity: 'warning',
  category: 'best-practice',
  profile: 'strict',
  title: { en: 'No CPU request', zh: '未设置 CPU 请求' },
  docs: {
    en: 'The scheduler places pods by their requests. Without a CPU request the pod may land on a busy node and be starved, and HPA CPU utilisation cannot be computed. Set `resources.requests.cpu` to what the app typically uses.',
    zh: '调度器依据资源请求来放置 Pod。没有 CPU 请求时，Pod 可能被放到繁忙的节点上而得不到 CPU，HPA 也无法计算 CPU 利用率。请把 `resources.requests.cpu` 设为应用的典型用量。',
  },
}, runningContainers, ({ container, subject, report }) => {
  // A limit alone also sets the request to the same value.
  if (hasResource(container, 'requests', 'cpu') || hasResource(container, 'limits', 'cpu')) return;
  const fix = resourcesFix(subject.file, container);
  report({
    range: containerFieldRange(subject.file, container, ['resources', 'requests', 'cpu']),
    message: { en: `The ${containerLabel(container).en} has no CPU request.`, zh: `${containerLabel(container).zh}没有设置 CPU 请求。` },
    fixes: fix ? [fix] : undefined,
  });
});

export const memoryLimitMissing = perContainer({
  id: 'memory-limit-missing', fixable: true,
  aliases: ['unset-memory-requirements'],
  kubeLinterDefault: true,
  severity: 'warning',
  category: 'best-practice',
  profile: 'strict',
  title: { en: 'No memory limit', zh: '未设置内存上限' },
  docs: {
    en: 'Without a memory limit a leaking container can use all the node\'s memory, and the kernel then kills other pods. Set `resources.limits.memory` (and a matching request).',
    zh: '没有内存上限时，发生内存泄漏的容器可能耗尽节点内存，内核随后会杀掉其他 Pod。请设置 `resources.limits.memory`（以及相应的请求）。',
  },
}, runningContainers, ({ container, subject, report }) => {
  if (hasResource(container, 'limits', 'memory')) return;
  const fix = resourcesFix(subject.file, container);
  report({
    range: containerFieldRange(subject.file, container, ['resources', 'limits', 'memory']),
    message: { en: `The ${containerLabel(container).en} has no memory limit.`, zh: `${containerLabel(container).zh}没有设置内存上限。` },
    fixes: fix ? [fix] : undefined,
  });
});

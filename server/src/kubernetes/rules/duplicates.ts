import type { Scalar } from 'yaml';
import type { Localized } from '../../common/localized';
import { mapItems, nodeRange, scalarAt } from '../yamlNodes';
import { byObjects, type KubeRule } from './context';
import { containerLabel, perContainer, runningContainers } from './containerRules';
import { objectLabel } from './hostAccess';

/** Reports every occurrence after the first of a repeated name. */
function reportRepeats(entries: { key: string; node: Scalar }[], report: (node: Scalar, key: string) => void): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.key)) report(entry.node, entry.key);
    seen.add(entry.key);
  }
}

export const duplicateContainerName: KubeRule = byObjects({
  meta: {
    id: 'duplicate-container-name', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
    title: { en: 'Duplicate container name', zh: '容器名称重复' },
    docs: {
      en: 'Every container of a pod — init and regular containers alike — needs a unique name; the API server rejects duplicates.',
      zh: 'Pod 中的每个容器（包括初始化容器和普通容器）都必须有唯一的名称，API 服务器会拒绝重复的名称。',
    },
  },
  checkObjects(objects, { file }, report) {
    for (const object of objects) {
      const entries = (object.workload?.containers ?? []).flatMap((c) => (c.name && c.nameNode ? [{ key: c.name, node: c.nameNode }] : []));
      reportRepeats(entries, (node, key) => report({
        range: nodeRange(file, node),
        message: { en: `${objectLabel(object)} already has a container named \`${key}\`.`, zh: `${objectLabel(object)} 中已经有名为 \`${key}\` 的容器。` },
      }));
    }
  },
});

export const envVarDuplicate = perContainer({
  id: 'env-var-duplicate', aliases: ['duplicate-env-var'], kubeLinterDefault: true, severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'Environment variable set twice', zh: '环境变量重复设置' },
  docs: {
    en: 'The same variable appears twice in a container\'s `env`: only the last value is used, and tools that merge manifests may keep either one. Remove the duplicate.',
    zh: '同一个变量在容器的 `env` 中出现了两次：只有最后一个值会生效，而合并清单的工具可能保留任意一个。请删除重复项。',
  },
}, runningContainers, ({ container, subject, report }) => {
  const entries = mapItems(container.env).flatMap((item) => {
    const node = scalarAt(item, 'name');
    return node && typeof node.value === 'string' ? [{ key: node.value, node }] : [];
  });
  reportRepeats(entries, (node, key) => report({
    range: nodeRange(subject.file, node),
    message: { en: `The ${containerLabel(container).en} sets \`${key}\` more than once.`, zh: `${containerLabel(container).zh}多次设置了 \`${key}\`。` },
  }));
});

const twice: Localized = { en: 'declared twice', zh: '重复声明' };

export const duplicateContainerPort: KubeRule = byObjects({
  meta: {
    id: 'duplicate-container-port', aliases: [], severity: 'warning', category: 'semantics', profile: 'recommended',
    title: { en: 'Duplicate container port', zh: '容器端口重复' },
    docs: {
      en: 'Port names must be unique within a pod (Services and probes refer to them by name), and the same port number and protocol should not be declared twice: only one process can listen on it.',
      zh: '端口名称在一个 Pod 内必须唯一（Service 和探针按名称引用它们）；同一端口号和协议也不应声明两次，因为只能有一个进程监听它。',
    },
  },
  checkObjects(objects, { file }, report) {
    for (const object of objects) {
      const containers = (object.workload?.containers ?? []).filter((c) => c.role === 'container');
      const names: { key: string; node: Scalar }[] = [];
      const numbers: { key: string; node: Scalar }[] = [];
      for (const container of containers) {
        for (const port of container.ports) {
          const nameNode = scalarAt(port.node, 'name');
          if (port.name && nameNode) names.push({ key: port.name, node: nameNode });
          const numberNode = scalarAt(port.node, 'containerPort');
          if (port.number !== undefined && numberNode) numbers.push({ key: `${port.number}/${port.protocol}`, node: numberNode });
        }
      }
      reportRepeats(names, (node, key) => report({
        range: nodeRange(file, node),
        message: { en: `Port name \`${key}\` is ${twice.en} in ${objectLabel(object)}.`, zh: `端口名称 \`${key}\` 在 ${objectLabel(object)} 中${twice.zh}。` },
      }));
      reportRepeats(numbers, (node, key) => report({
        range: nodeRange(file, node),
        message: { en: `Port ${key} is ${twice.en} in ${objectLabel(object)}.`, zh: `端口 ${key} 在 ${objectLabel(object)} 中${twice.zh}。` },
      }));
    }
  },
});


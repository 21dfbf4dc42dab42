import { isScalar, isSeq } from 'yaml';
import type { Fix } from '../../common/rules';
import type { ManifestFile } from '../model';
import { securitySetting, type ContainerFacts } from '../objects';
import { mapAt, nodeRange, pairOf, scalarAt, seqAt } from '../yamlNodes';
import { containerFieldRange, containerLabel, perContainer, runningContainers } from './containerRules';
import { ensureTree, replaceScalar } from './edits';

/** The securityContext a hardened container should have; added key by key, never overwriting. */
export function hardenedSecurityContextFix(file: ManifestFile, container: ContainerFacts): Fix | undefined {
  const edits = ensureTree(file, container.node, {
    securityContext: {
      allowPrivilegeEscalation: 'false',
      readOnlyRootFilesystem: 'true',
      runAsNonRoot: 'true',
      capabilities: { drop: '["ALL"]' },
    },
  });
  if (edits.length === 0) return undefined;
  return { title: { en: 'Add a hardened securityContext', zh: '添加加固的 securityContext' }, edits };
}

const fixes = (fix: Fix | undefined): Fix[] | undefined => (fix ? [fix] : undefined);

export const containerPrivileged = perContainer({
  id: 'container-privileged', fixable: true,
  aliases: ['privileged-container'],
  kubeLinterDefault: true,
  severity: 'warning',
  category: 'security',
  profile: 'recommended',
  title: { en: 'Privileged container', zh: '特权容器' },
  docs: {
    en: 'A privileged container has every capability and access to all host devices: escaping to the node is trivial. Only node-level system agents need this; grant specific capabilities instead.',
    zh: '特权容器拥有全部能力（capabilities）并能访问宿主机的所有设备，逃逸到节点上轻而易举。只有节点级系统组件才需要它；请改为授予具体的能力。',
  },
}, runningContainers, ({ container, subject, report }) => {
  const node = scalarAt(container.securityContext, 'privileged');
  if (node?.value !== true) return;
  const edit = replaceScalar(subject.file, node, 'false');
  report({
    range: nodeRange(subject.file, pairOf(container.securityContext, 'privileged')?.key ?? node),
    message: { en: `The ${containerLabel(container).en} runs privileged, with full access to the node.`, zh: `${containerLabel(container).zh}以特权模式运行，可完全访问节点。` },
    fixes: edit ? [{ title: { en: 'Set privileged: false', zh: '设置 privileged: false' }, edits: [edit] }] : undefined,
  });
});

export const privilegeEscalationAllowed = perContainer({
  id: 'privilege-escalation-allowed', fixable: true,
  aliases: ['privilege-escalation-container'],
  kubeLinterDefault: true,
  severity: 'warning',
  category: 'security',
  profile: 'recommended',
  title: { en: 'Privilege escalation allowed', zh: '允许权限提升' },
  docs: {
    en: 'With `allowPrivilegeEscalation: true` a process can gain more privileges than its parent (setuid binaries, file capabilities). Set it to `false` unless the container really needs it.',
    zh: '设置 `allowPrivilegeEscalation: true` 后，进程可以获得比父进程更多的权限（如 setuid 程序、文件能力）。除非容器确实需要，否则请设为 `false`。',
  },
}, runningContainers, ({ container, subject, report }) => {
  const node = scalarAt(container.securityContext, 'allowPrivilegeEscalation');
  if (node?.value !== true) return;
  const edit = replaceScalar(subject.file, node, 'false');
  report({
    range: nodeRange(subject.file, pairOf(container.securityContext, 'allowPrivilegeEscalation')?.key ?? node),
    message: { en: `The ${containerLabel(container).en} allows privilege escalation.`, zh: `${containerLabel(container).zh}允许权限提升。` },
    fixes: edit ? [{ title: { en: 'Set allowPrivilegeEscalation: false', zh: '设置 allowPrivilegeEscalation: false' }, edits: [edit] }] : undefined,
  });
});

export const runAsRootAllowed = perContainer({
  id: 'run-as-root-allowed', fixable: true,
  aliases: ['run-as-non-root'],
  kubeLinterDefault: true,
  severity: 'warning',
  category: 'security',
  profile: 'recommended',
  title: { en: 'Container may run as root', zh: '容器可能以 root 运行' },
  docs: {
    en: 'Neither `runAsNonRoot: true` nor a non-zero `runAsUser` is set on the container or the pod, so the image decides — and most images run as root. Set `runAsNonRoot: true` (the kubelet then refuses to start a root container) and, if the image has no numeric USER, a `runAsUser`. Also reported: `runAsGroup: 0` (root\'s group, which owns most system files), and `runAsNonRoot: true` with `runAsUser: 0`, which the kubelet refuses to start.',
    zh: '容器和 Pod 都没有设置 `runAsNonRoot: true` 或非 0 的 `runAsUser`，因此由镜像决定运行用户，而多数镜像默认以 root 运行。请设置 `runAsNonRoot: true`（kubelet 会拒绝启动以 root 运行的容器）；如果镜像没有数字形式的 USER，再设置 `runAsUser`。同样会报告：`runAsGroup: 0`（root 组，系统中大多数文件属于它），以及同时设置 `runAsNonRoot: true` 和 `runAsUser: 0`（kubelet 会拒绝启动）。',
  },
}, runningContainers, ({ container, workload, subject, report }) => {
  const { file } = subject;
  const group = securitySetting(workload, container, 'runAsGroup');
  if (group === 0) {
    // Group 0 is root's group: files owned by it are the process's, whoever the user is.
    const node = scalarAt(container.securityContext, 'runAsGroup') ?? scalarAt(workload.podSecurityContext, 'runAsGroup');
    report({
      range: nodeRange(file, node),
      message: { en: `The ${containerLabel(container).en} runs with group 0 (root's group).`, zh: `${containerLabel(container).zh}以 0 号组（root 组）运行。` },
    });
  }
  const user = securitySetting(workload, container, 'runAsUser');
  if (typeof user === 'number' && user > 0) return;
  if (securitySetting(workload, container, 'runAsNonRoot') === true) {
    if (user !== 0) return;
    // The kubelet refuses to start it: runAsNonRoot forbids the user 0 asked for.
    const node = scalarAt(container.securityContext, 'runAsUser') ?? scalarAt(workload.podSecurityContext, 'runAsUser');
    report({
      range: nodeRange(file, node),
      message: { en: `The ${containerLabel(container).en} sets runAsNonRoot but runAsUser 0; the kubelet will not start it.`, zh: `${containerLabel(container).zh}设置了 runAsNonRoot，但 runAsUser 为 0，kubelet 将拒绝启动它。` },
    });
    return;
  }
  report({
    range: containerFieldRange(subject.file, container, ['securityContext', scalarAt(container.securityContext, 'runAsUser') && !scalarAt(container.securityContext, 'runAsNonRoot') ? 'runAsUser' : 'runAsNonRoot']),
    message: { en: `The ${containerLabel(container).en} is not required to run as a non-root user.`, zh: `${containerLabel(container).zh}未被要求以非 root 用户运行。` },
    fixes: fixes(hardenedSecurityContextFix(subject.file, container)),
  });
});

export const rootFilesystemWritable = perContainer({
  id: 'root-filesystem-writable', fixable: true,
  aliases: ['no-read-only-root-fs'],
  kubeLinterDefault: true,
  severity: 'info',
  category: 'security',
  profile: 'strict',
  title: { en: 'Root filesystem is writable', zh: '根文件系统可写' },
  docs: {
    en: 'Without `readOnlyRootFilesystem: true`, an intruder can modify the container\'s binaries and configuration. Make the root filesystem read-only and mount an `emptyDir` where the app must write (e.g. `/tmp`).',
    zh: '未设置 `readOnlyRootFilesystem: true` 时，入侵者可以修改容器内的程序和配置。请将根文件系统设为只读，并在应用需要写入的位置（如 `/tmp`）挂载 `emptyDir`。',
  },
}, runningContainers, ({ container, subject, report }) => {
  if (scalarAt(container.securityContext, 'readOnlyRootFilesystem')?.value === true) return;
  report({
    range: containerFieldRange(subject.file, container, ['securityContext', 'readOnlyRootFilesystem']),
    message: { en: `The ${containerLabel(container).en} has a writable root filesystem.`, zh: `${containerLabel(container).zh}的根文件系统可写。` },
    fixes: fixes(hardenedSecurityContextFix(subject.file, container)),
  });
});

function droppedCapabilities(container: ContainerFacts): string[] {
  const drop = seqAt(mapAt(container.securityContext, 'capabilities'), 'drop');
  return drop ? drop.items.filter(isScalar).map((s) => String(s.value).toUpperCase()) : [];
}

export const netRawNotDropped = perContainer({
  id: 'net-raw-not-dropped', fixable: true,
  aliases: ['drop-net-raw-capability'],
  kubeLinterDefault: true,
  severity: 'info',
  category: 'security',
  profile: 'strict',
  title: { en: 'NET_RAW capability not dropped', zh: '未移除 NET_RAW 能力' },
  docs: {
    en: 'Container runtimes grant `NET_RAW` by default; it lets a process craft raw packets (spoofing, ARP attacks on the pod network). Drop it — or better, drop `ALL` and add back only what the app needs.',
    zh: '容器运行时默认授予 `NET_RAW` 能力，进程可借此构造原始数据包（伪造流量、在 Pod 网络中发起 ARP 攻击）。请移除它——更好的做法是移除 `ALL`，再只添加应用真正需要的能力。',
  },
}, runningContainers, ({ container, workload, subject, report }) => {
  if (securitySetting(workload, container, 'privileged') === true) return; // reported as privileged
  const dropped = droppedCapabilities(container);
  if (dropped.includes('ALL') || dropped.includes('NET_RAW') || dropped.includes('CAP_NET_RAW')) return;
  report({
    range: containerFieldRange(subject.file, container, ['securityContext', 'capabilities', 'drop']),
    message: { en: `The ${containerLabel(container).en} keeps the NET_RAW capability.`, zh: `${containerLabel(container).zh}保留了 NET_RAW 能力。` },
    fixes: fixes(hardenedSecurityContextFix(subject.file, container)),
  });
});

/** Capabilities that amount to (almost) root on the node. */
const dangerous = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'DAC_READ_SEARCH', 'BPF', 'PERFMON']);

export const dangerousCapability = perContainer({
  id: 'dangerous-capability',
  aliases: [],
  severity: 'warning',
  category: 'security',
  profile: 'recommended',
  title: { en: 'Dangerous capability added', zh: '添加了危险的能力' },
  docs: {
    en: 'Capabilities such as `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE`, `SYS_MODULE` or `ALL` give a container near-root power over the node. Add them only to trusted system components and document why.',
    zh: '`SYS_ADMIN`、`NET_ADMIN`、`SYS_PTRACE`、`SYS_MODULE` 或 `ALL` 等能力几乎等同于赋予容器节点上的 root 权限。只应授予可信的系统组件，并注明原因。',
  },
}, runningContainers, ({ container, subject, report }) => {
  const add = seqAt(mapAt(container.securityContext, 'capabilities'), 'add');
  if (!isSeq(add)) return;
  for (const item of add.items) {
    if (!isScalar(item)) continue;
    const name = String(item.value).toUpperCase().replace(/^CAP_/, '');
    if (!dangerous.has(name)) continue;
    report({
      range: nodeRange(subject.file, item),
      message: { en: `The ${containerLabel(container).en} adds the ${name} capability.`, zh: `${containerLabel(container).zh}添加了 ${name} 能力。` },
    });
  }
});

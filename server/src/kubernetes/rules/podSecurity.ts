import { isScalar, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Fix } from '../../common/rules';
import type { Localized } from '../../common/localized';
import type { ContainerFacts, ObjectFacts, WorkloadFacts } from '../objects';
import { podSecurityTarget, type PodSecurityLevel, type PodSecurityTarget } from '../podSecurityLevels';
import { mapAt, mapItems, nodeRange, pairOf, scalarAt, seqAt, stringAt } from '../yamlNodes';
import { containerFieldRange, containerLabel } from './containerRules';
import type { KubeRule, KubeRuleMeta, ManifestRuleSubject } from './context';
import { byObjects, workspaceOf } from './context';
import { ensureTree, replaceScalar } from './edits';

/**
 * The Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards), control
 * by control, as the API server's Pod Security admission checks them: `pod-security-baseline` for
 * the Baseline controls, `pod-security-restricted` for what Restricted adds. The level comes from
 * `stevedore.kubernetes.podSecurity` or from the `pod-security.kubernetes.io/enforce` label of the
 * object's Namespace in the workspace (podSecurityLevels.ts). Findings name the control; where a
 * field can simply be set, a quick fix sets it.
 */

interface PodCheck {
  object: ObjectFacts;
  workload: WorkloadFacts;
  subject: ManifestRuleSubject;
  target: PodSecurityTarget;
  /** `hostUsers: false`: the pod runs in a user namespace, which relaxes some controls (1.35+). */
  userNamespace: boolean;
  /** `spec.os.name: windows`: exempt from the Linux-only restricted controls (1.25+). */
  windows: boolean;
  emit(range: Range, message: Localized, fix?: Fix): void;
}

interface Control {
  level: PodSecurityLevel;
  name: Localized;
  /** The policy version that introduced this form of the control. */
  since?: number;
  check(pod: PodCheck): void;
}

const file = (pod: PodCheck) => pod.subject.file;
const containers = (pod: PodCheck) => pod.workload.containers;
const podContext = (pod: PodCheck) => pod.workload.podSecurityContext;

function setFix(pod: PodCheck, node: Scalar | undefined, value: string, title: Localized): Fix | undefined {
  const edit = node ? replaceScalar(file(pod), node, value) : undefined;
  return edit ? { title, edits: [edit] } : undefined;
}

function treeFix(pod: PodCheck, map: YAMLMap, tree: Parameters<typeof ensureTree>[2], title: Localized): Fix | undefined {
  const edits = ensureTree(file(pod), map, tree);
  return edits.length > 0 ? { title, edits } : undefined;
}

function fieldRange(pod: PodCheck, container: ContainerFacts, path: string[]): Range {
  return containerFieldRange(file(pod), container, path);
}

function keyRangeIn(pod: PodCheck, map: unknown, key: string): Range | undefined {
  const pair = pairOf(map, key);
  return pair ? nodeRange(file(pod), pair.key as Node) : undefined;
}

/** The pod spec's own key, for findings about the pod as a whole. */
function podRange(pod: PodCheck): Range {
  let map: unknown = pod.object.root;
  let range: Range | undefined;
  for (const key of pod.workload.podSpecPath) {
    range = keyRangeIn(pod, map, key) ?? range;
    map = mapAt(map, key);
  }
  return range ?? nodeRange(file(pod), pod.object.root);
}

const quoteList = (items: string[]) => items.map((i) => `\`${i}\``).join(', ');

// ——— Baseline ———

const hostProcess: Control = {
  level: 'baseline',
  name: { en: 'HostProcess', zh: 'HostProcess' },
  check(pod) {
    const sources: [YAMLMap | undefined, Localized][] = [[podContext(pod), { en: 'The pod', zh: 'Pod' }], ...containers(pod).map((c) => [c.securityContext, { en: `The ${containerLabel(c).en}`, zh: containerLabel(c).zh }] as [YAMLMap | undefined, Localized])];
    for (const [context, who] of sources) {
      const node = scalarAt(mapAt(context, 'windowsOptions'), 'hostProcess');
      if (node?.value !== true) continue;
      pod.emit(nodeRange(file(pod), node), { en: `${who.en} runs as a Windows HostProcess container, with the node's privileges.`, zh: `${who.zh}以 Windows HostProcess 容器运行，拥有节点的权限。` },
        setFix(pod, node, 'false', { en: 'Set hostProcess: false', zh: '设置 hostProcess: false' }));
    }
  },
};

const hostNamespaces: Control = {
  level: 'baseline',
  name: { en: 'Host namespaces', zh: '主机命名空间' },
  check(pod) {
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
      const node = scalarAt(pod.workload.podSpec, field);
      if (node?.value !== true) continue;
      pod.emit(keyRangeIn(pod, pod.workload.podSpec, field)!, { en: `\`${field}: true\` shares a namespace of the node with the pod.`, zh: `\`${field}: true\` 让 Pod 共享节点的命名空间。` },
        setFix(pod, node, 'false', { en: `Set ${field}: false`, zh: `设置 ${field}: false` }));
    }
  },
};

const privileged: Control = {
  level: 'baseline',
  name: { en: 'Privileged containers', zh: '特权容器' },
  check(pod) {
    for (const c of containers(pod)) {
      const node = scalarAt(c.securityContext, 'privileged');
      if (node?.value !== true) continue;
      pod.emit(fieldRange(pod, c, ['securityContext', 'privileged']), { en: `The ${containerLabel(c).en} is privileged.`, zh: `${containerLabel(c).zh}是特权容器。` },
        setFix(pod, node, 'false', { en: 'Set privileged: false', zh: '设置 privileged: false' }));
    }
  },
};

/** What the container runtime grants by default: adding one of these changes nothing. */
const baselineCapabilities = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

function addedCapabilities(c: ContainerFacts): Scalar[] {
  const add = seqAt(mapAt(c.securityContext, 'capabilities'), 'add');
  return (add?.items ?? []).filter(isScalar) as Scalar[];
}

const capabilitiesBaseline: Control = {
  level: 'baseline',
  name: { en: 'Capabilities', zh: '能力（Capabilities）' },
  check(pod) {
    for (const c of containers(pod)) {
      for (const cap of addedCapabilities(c)) {
        const name = String(cap.value);
        if (baselineCapabilities.has(name)) continue;
        pod.emit(nodeRange(file(pod), cap), { en: `The ${containerLabel(c).en} adds \`${name}\`, beyond the runtime's default capabilities.`, zh: `${containerLabel(c).zh}添加了运行时默认能力之外的 \`${name}\`。` });
      }
    }
  },
};

const hostPathVolumes: Control = {
  level: 'baseline',
  name: { en: 'HostPath volumes', zh: 'HostPath 卷' },
  check(pod) {
    for (const volume of mapItems(seqAt(pod.workload.podSpec, 'volumes'))) {
      const range = keyRangeIn(pod, volume, 'hostPath');
      if (!range) continue;
      pod.emit(range, { en: `Volume \`${stringAt(volume, 'name') ?? '?'}\` mounts a path of the node (hostPath).`, zh: `卷 \`${stringAt(volume, 'name') ?? '?'}\` 挂载了节点上的路径（hostPath）。` });
    }
  },
};

const hostPorts: Control = {
  level: 'baseline',
  name: { en: 'Host ports', zh: '主机端口' },
  check(pod) {
    for (const c of containers(pod)) {
      for (const port of mapItems(seqAt(c.node, 'ports'))) {
        const node = scalarAt(port, 'hostPort');
        if (!node || node.value === 0 || node.value === null) continue;
        pod.emit(keyRangeIn(pod, port, 'hostPort')!, { en: `The ${containerLabel(c).en} opens port ${String(node.value)} on the node (hostPort).`, zh: `${containerLabel(c).zh}在节点上开放了端口 ${String(node.value)}（hostPort）。` });
      }
    }
  },
};

const appArmorAnnotation = /^container\.apparmor\.security\.beta\.kubernetes\.io\//;

function appArmorAllowed(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

const appArmor: Control = {
  level: 'baseline',
  name: { en: 'AppArmor', zh: 'AppArmor' },
  check(pod) {
    const podMetadata = pod.workload.template ? mapAt(pod.workload.template, 'metadata') : pod.object.metadata;
    const annotations = mapAt(podMetadata, 'annotations');
    for (const pair of annotations?.items ?? []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = isScalar(pair.value) ? String(pair.value.value ?? '') : '';
      if (!appArmorAnnotation.test(key) || appArmorAllowed(value)) continue;
      pod.emit(nodeRange(file(pod), pair.value as Node), { en: `AppArmor profile \`${value}\` overrides the runtime's default protection.`, zh: `AppArmor 配置 \`${value}\` 替换了运行时的默认保护。` },
        setFix(pod, pair.value as Scalar, 'runtime/default', { en: 'Use runtime/default', zh: '改用 runtime/default' }));
    }
    const sources: [YAMLMap | undefined, Localized][] = [[podContext(pod), { en: 'The pod', zh: 'Pod' }], ...containers(pod).map((c) => [c.securityContext, { en: `The ${containerLabel(c).en}`, zh: containerLabel(c).zh }] as [YAMLMap | undefined, Localized])];
    for (const [context, who] of sources) {
      const node = scalarAt(mapAt(context, 'appArmorProfile'), 'type');
      if (!node || node.value === 'RuntimeDefault' || node.value === 'Localhost') continue;
      pod.emit(nodeRange(file(pod), node), { en: `${who.en} sets AppArmor profile type \`${String(node.value)}\`; only RuntimeDefault or Localhost are allowed.`, zh: `${who.zh}设置了 AppArmor 配置类型 \`${String(node.value)}\`；只允许 RuntimeDefault 或 Localhost。` },
        setFix(pod, node, 'RuntimeDefault', { en: 'Use type RuntimeDefault', zh: '改用 RuntimeDefault 类型' }));
    }
  },
};

const seLinux: Control = {
  level: 'baseline',
  name: { en: 'SELinux', zh: 'SELinux' },
  check(pod) {
    const allowedTypes = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', ...(pod.target.minor >= 31 ? ['container_engine_t'] : [])]);
    const sources: [YAMLMap | undefined, Localized][] = [[podContext(pod), { en: 'The pod', zh: 'Pod' }], ...containers(pod).filter((c) => c.role !== 'ephemeralContainer').map((c) => [c.securityContext, { en: `The ${containerLabel(c).en}`, zh: containerLabel(c).zh }] as [YAMLMap | undefined, Localized])];
    for (const [context, who] of sources) {
      const options = mapAt(context, 'seLinuxOptions');
      const type = scalarAt(options, 'type');
      if (type && !allowedTypes.has(String(type.value ?? ''))) {
        pod.emit(nodeRange(file(pod), type), { en: `${who.en} sets SELinux type \`${String(type.value)}\`; allowed: ${quoteList([...allowedTypes].filter(Boolean))}.`, zh: `${who.zh}设置了 SELinux 类型 \`${String(type.value)}\`；允许的类型：${quoteList([...allowedTypes].filter(Boolean))}。` });
      }
      for (const field of ['user', 'role']) {
        const node = scalarAt(options, field);
        if (!node || node.value === '' || node.value === null) continue;
        pod.emit(nodeRange(file(pod), node), { en: `${who.en} sets a custom SELinux ${field}.`, zh: `${who.zh}设置了自定义的 SELinux ${field}。` });
      }
    }
  },
};

function procMountCheck(level: PodSecurityLevel): Control {
  return {
    level,
    since: level === 'restricted' ? 35 : undefined,
    name: { en: '/proc mount type', zh: '/proc 挂载类型' },
    check(pod) {
      // Baseline lets user-namespaced pods choose (1.35+); Restricted does not.
      if (level === 'baseline' && pod.userNamespace && pod.target.minor >= 35) return;
      for (const c of containers(pod)) {
        const node = scalarAt(c.securityContext, 'procMount');
        if (!node || node.value === 'Default' || node.value === null) continue;
        pod.emit(nodeRange(file(pod), node), { en: `The ${containerLabel(c).en} sets procMount \`${String(node.value)}\`; only Default keeps /proc masked.`, zh: `${containerLabel(c).zh}设置了 procMount \`${String(node.value)}\`；只有 Default 会屏蔽 /proc 中的敏感路径。` },
          setFix(pod, node, 'Default', { en: 'Use procMount: Default', zh: '改用 procMount: Default' }));
      }
    },
  };
}

const seccompBaseline: Control = {
  level: 'baseline',
  name: { en: 'Seccomp', zh: 'Seccomp' },
  check(pod) {
    const sources: [YAMLMap | undefined, Localized][] = [[podContext(pod), { en: 'The pod', zh: 'Pod' }], ...containers(pod).map((c) => [c.securityContext, { en: `The ${containerLabel(c).en}`, zh: containerLabel(c).zh }] as [YAMLMap | undefined, Localized])];
    for (const [context, who] of sources) {
      const node = scalarAt(mapAt(context, 'seccompProfile'), 'type');
      if (node?.value !== 'Unconfined') continue;
      pod.emit(nodeRange(file(pod), node), { en: `${who.en} turns seccomp off (Unconfined).`, zh: `${who.zh}关闭了 seccomp（Unconfined）。` },
        setFix(pod, node, 'RuntimeDefault', { en: 'Use seccomp type RuntimeDefault', zh: '改用 seccomp 类型 RuntimeDefault' }));
    }
  },
};

/** Namespaced sysctls that cannot affect other pods, by the policy version that allowed them. */
const safeSysctls: [number, string[]][] = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

const sysctls: Control = {
  level: 'baseline',
  name: { en: 'Sysctls', zh: 'Sysctls' },
  check(pod) {
    const allowed = new Set(safeSysctls.filter(([since]) => pod.target.minor >= since).flatMap(([, names]) => names));
    for (const item of mapItems(seqAt(podContext(pod), 'sysctls'))) {
      const node = scalarAt(item, 'name');
      if (!node || allowed.has(String(node.value))) continue;
      pod.emit(nodeRange(file(pod), node), { en: `Sysctl \`${String(node.value)}\` is not in the safe set (it can affect the node or other pods).`, zh: `Sysctl \`${String(node.value)}\` 不在安全集合中（它可能影响节点或其他 Pod）。` });
    }
  },
};

const handlerPaths: string[][] = [
  ['livenessProbe', 'httpGet'], ['livenessProbe', 'tcpSocket'], ['readinessProbe', 'httpGet'], ['readinessProbe', 'tcpSocket'],
  ['startupProbe', 'httpGet'], ['startupProbe', 'tcpSocket'], ['lifecycle', 'postStart', 'httpGet'], ['lifecycle', 'postStart', 'tcpSocket'],
  ['lifecycle', 'preStop', 'httpGet'], ['lifecycle', 'preStop', 'tcpSocket'],
];

const hostProbes: Control = {
  level: 'baseline',
  since: 34,
  name: { en: 'Probe and lifecycle hosts', zh: '探针与生命周期钩子的 host' },
  check(pod) {
    for (const c of containers(pod)) {
      for (const path of handlerPaths) {
        const node = scalarAt(mapAt(c.node, ...path), 'host');
        if (!node || node.value === '' || node.value === null) continue;
        pod.emit(nodeRange(file(pod), node), { en: `The ${containerLabel(c).en}'s ${path.slice(0, -1).join('.')} targets host \`${String(node.value)}\`; probes and hooks may only reach the pod itself.`, zh: `${containerLabel(c).zh}的 ${path.slice(0, -1).join('.')} 指向主机 \`${String(node.value)}\`；探针和钩子只能访问 Pod 自身。` });
      }
    }
  },
};

// ——— Restricted ———

const allowedVolumeSources = new Set(['configMap', 'downwardAPI', 'emptyDir', 'projected', 'secret', 'csi', 'persistentVolumeClaim', 'ephemeral', 'image']);

const volumeTypes: Control = {
  level: 'restricted',
  name: { en: 'Volume types', zh: '卷类型' },
  check(pod) {
    for (const volume of mapItems(seqAt(pod.workload.podSpec, 'volumes'))) {
      for (const pair of volume.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key === 'name' || allowedVolumeSources.has(key)) continue;
        // hostPath is already a Baseline finding.
        if (key === 'hostPath') continue;
        pod.emit(nodeRange(file(pod), pair.key as Node), { en: `Volume \`${stringAt(volume, 'name') ?? '?'}\` uses \`${key}\`; Restricted allows only ${quoteList([...allowedVolumeSources])}.`, zh: `卷 \`${stringAt(volume, 'name') ?? '?'}\` 使用了 \`${key}\`；Restricted 只允许 ${quoteList([...allowedVolumeSources])}。` });
      }
    }
  },
};

const privilegeEscalation: Control = {
  level: 'restricted',
  name: { en: 'Privilege escalation', zh: '权限提升' },
  check(pod) {
    if (pod.windows) return;
    for (const c of containers(pod)) {
      const node = scalarAt(c.securityContext, 'allowPrivilegeEscalation');
      if (node?.value === false) continue;
      const title = { en: 'Set allowPrivilegeEscalation: false', zh: '设置 allowPrivilegeEscalation: false' };
      const fix = node ? setFix(pod, node, 'false', title) : treeFix(pod, c.node, { securityContext: { allowPrivilegeEscalation: 'false' } }, title);
      pod.emit(fieldRange(pod, c, ['securityContext', 'allowPrivilegeEscalation']), { en: `The ${containerLabel(c).en} must set \`allowPrivilegeEscalation: false\`.`, zh: `${containerLabel(c).zh}必须设置 \`allowPrivilegeEscalation: false\`。` }, fix);
    }
  },
};

const runAsNonRoot: Control = {
  level: 'restricted',
  name: { en: 'Running as non-root', zh: '以非 root 身份运行' },
  check(pod) {
    if (pod.userNamespace && pod.target.minor >= 35) return;
    const podNode = scalarAt(podContext(pod), 'runAsNonRoot');
    const title = { en: 'Set runAsNonRoot: true', zh: '设置 runAsNonRoot: true' };
    if (podNode?.value === false) {
      pod.emit(nodeRange(file(pod), podNode), { en: 'The pod sets `runAsNonRoot: false`.', zh: 'Pod 设置了 `runAsNonRoot: false`。' }, setFix(pod, podNode, 'true', title));
    }
    const podTrue = podNode?.value === true;
    const implicit: ContainerFacts[] = [];
    for (const c of containers(pod)) {
      const node = scalarAt(c.securityContext, 'runAsNonRoot');
      if (node?.value === false) {
        pod.emit(nodeRange(file(pod), node), { en: `The ${containerLabel(c).en} sets \`runAsNonRoot: false\`.`, zh: `${containerLabel(c).zh}设置了 \`runAsNonRoot: false\`。` }, setFix(pod, node, 'true', title));
      } else if (node?.value !== true && !podTrue) {
        implicit.push(c);
      }
    }
    if (implicit.length === 0 || podNode?.value === false) return;
    const names = implicit.map((c) => c.name ?? '?');
    pod.emit(podRange(pod), { en: `Neither the pod nor ${names.length === 1 ? 'container' : 'containers'} ${quoteList(names)} set \`runAsNonRoot: true\`.`, zh: `Pod 和容器 ${quoteList(names)} 都没有设置 \`runAsNonRoot: true\`。` },
      treeFix(pod, pod.workload.podSpec, { securityContext: { runAsNonRoot: 'true' } }, { en: 'Set runAsNonRoot: true for the pod', zh: '为 Pod 设置 runAsNonRoot: true' }));
  },
};

const runAsUser: Control = {
  level: 'restricted',
  since: 23,
  name: { en: 'Running as a non-root user', zh: '以非 root 用户运行' },
  check(pod) {
    if (pod.userNamespace && pod.target.minor >= 35) return;
    const sources: [YAMLMap | undefined, Localized][] = [[podContext(pod), { en: 'The pod', zh: 'Pod' }], ...containers(pod).map((c) => [c.securityContext, { en: `The ${containerLabel(c).en}`, zh: containerLabel(c).zh }] as [YAMLMap | undefined, Localized])];
    for (const [context, who] of sources) {
      const node = scalarAt(context, 'runAsUser');
      if (node?.value !== 0) continue;
      pod.emit(nodeRange(file(pod), node), { en: `${who.en} runs as user 0 (root).`, zh: `${who.zh}以用户 0（root）运行。` });
    }
  },
};

const seccompRestricted: Control = {
  level: 'restricted',
  since: 19,
  name: { en: 'Seccomp', zh: 'Seccomp' },
  check(pod) {
    if (pod.windows) return;
    const allowed = (value: unknown) => value === 'RuntimeDefault' || value === 'Localhost';
    if (allowed(scalarAt(mapAt(podContext(pod), 'seccompProfile'), 'type')?.value)) return;
    // Unconfined is a Baseline finding already; here: containers left without an allowed profile.
    const missing = containers(pod).filter((c) => {
      const type = scalarAt(mapAt(c.securityContext, 'seccompProfile'), 'type')?.value;
      return !allowed(type) && type !== 'Unconfined';
    });
    if (missing.length === 0) return;
    const names = missing.map((c) => c.name ?? '?');
    pod.emit(podRange(pod), { en: `Seccomp must be RuntimeDefault or Localhost: set it for the pod, or for ${quoteList(names)}.`, zh: `Seccomp 必须是 RuntimeDefault 或 Localhost：请为 Pod 设置，或为 ${quoteList(names)} 设置。` },
      treeFix(pod, pod.workload.podSpec, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }, { en: 'Set seccompProfile type RuntimeDefault for the pod', zh: '为 Pod 设置 seccompProfile 类型 RuntimeDefault' }));
  },
};

const capabilitiesRestricted: Control = {
  level: 'restricted',
  since: 22,
  name: { en: 'Capabilities', zh: '能力（Capabilities）' },
  check(pod) {
    if (pod.windows) return;
    for (const c of containers(pod)) {
      const capabilities = mapAt(c.securityContext, 'capabilities');
      const drop = seqAt(capabilities, 'drop');
      if (!(drop?.items ?? []).some((item) => isScalar(item) && item.value === 'ALL')) {
        const title = { en: 'Drop ALL capabilities', zh: '移除全部能力（drop ALL）' };
        pod.emit(fieldRange(pod, c, ['securityContext', 'capabilities', 'drop']), { en: `The ${containerLabel(c).en} must drop ALL capabilities.`, zh: `${containerLabel(c).zh}必须移除全部能力（drop ALL）。` },
          drop ? undefined : treeFix(pod, c.node, { securityContext: { capabilities: { drop: '["ALL"]' } } }, title));
      }
      for (const cap of addedCapabilities(c)) {
        const name = String(cap.value);
        // Beyond the Baseline set it is a Baseline finding already.
        if (name === 'NET_BIND_SERVICE' || !baselineCapabilities.has(name)) continue;
        pod.emit(nodeRange(file(pod), cap), { en: `The ${containerLabel(c).en} adds \`${name}\`; Restricted allows adding only NET_BIND_SERVICE.`, zh: `${containerLabel(c).zh}添加了 \`${name}\`；Restricted 只允许添加 NET_BIND_SERVICE。` });
      }
    }
  },
};

export const podSecurityControls: readonly Control[] = [
  hostProcess, hostNamespaces, privileged, capabilitiesBaseline, hostPathVolumes, hostPorts, appArmor, seLinux, procMountCheck('baseline'), seccompBaseline, sysctls, hostProbes,
  volumeTypes, privilegeEscalation, runAsNonRoot, runAsUser, seccompRestricted, capabilitiesRestricted, procMountCheck('restricted'),
];

const levelName: Record<PodSecurityLevel, Localized> = { baseline: { en: 'Baseline', zh: '基线（Baseline）' }, restricted: { en: 'Restricted', zh: '受限（Restricted）' } };

function podSecurityRule(level: PodSecurityLevel, meta: Omit<KubeRuleMeta, 'aliases' | 'category' | 'profile' | 'fixable'>): KubeRule {
  return byObjects({
    meta: { ...meta, aliases: [], category: 'security', profile: 'recommended', fixable: true },
    checkObjects(objects, subject, report) {
      const view = workspaceOf(subject);
      for (const object of objects) {
        const workload = object.workload;
        if (!workload) continue;
        const target = podSecurityTarget(subject.ctx.settings, view, object.namespace);
        if (!target || (level === 'restricted' && target.level !== 'restricted')) continue;
        const source = target.namespace
          ? { en: `namespace \`${target.namespace}\` enforces ${levelName[target.level].en}`, zh: `命名空间 \`${target.namespace}\` 强制执行${levelName[target.level].zh}` }
          : { en: `stevedore.kubernetes.podSecurity is ${target.level}`, zh: `stevedore.kubernetes.podSecurity 为 ${target.level}` };
        for (const control of podSecurityControls) {
          if (control.level !== level || (control.since !== undefined && target.minor < control.since)) continue;
          control.check({
            object, workload, subject, target,
            userNamespace: scalarAt(workload.podSpec, 'hostUsers')?.value === false,
            windows: stringAt(mapAt(workload.podSpec, 'os'), 'name') === 'windows',
            emit(range, message, fix) {
              const finding: Finding = {
                range,
                message: { en: `Pod Security ${levelName[level].en} · ${control.name.en}: ${message.en} (${source.en})`, zh: `Pod 安全标准${levelName[level].zh} · ${control.name.zh}：${message.zh}（${source.zh}）` },
              };
              if (fix) finding.fixes = [fix];
              report(finding);
            },
          });
        }
      }
    },
  });
}

export const podSecurityBaseline = podSecurityRule('baseline', {
  id: 'pod-security-baseline', severity: 'warning',
  title: { en: 'Breaks the Pod Security Baseline standard', zh: '违反 Pod 安全标准的基线级别' },
  docs: {
    en: 'Checks pods and pod templates against the Baseline level of the Kubernetes Pod Security Standards, control by control: HostProcess, host namespaces, privileged containers, capabilities beyond the runtime defaults, hostPath volumes, host ports, AppArmor, SELinux, the /proc mount type, seccomp (not Unconfined), sysctls outside the safe set, and (from 1.34) probe or lifecycle hosts. Runs when `stevedore.kubernetes.podSecurity` is `baseline` or `restricted`, or for objects whose Namespace in the workspace has the label `pod-security.kubernetes.io/enforce: baseline` or `restricted` (the API server rejects such pods there). The policy version follows `pod-security.kubernetes.io/enforce-version`, else the targeted Kubernetes release.',
    zh: '按 Kubernetes Pod 安全标准的基线（Baseline）级别逐项检查 Pod 和 Pod 模板：HostProcess、主机命名空间、特权容器、运行时默认之外的能力、hostPath 卷、主机端口、AppArmor、SELinux、/proc 挂载类型、seccomp（不能是 Unconfined）、安全集合之外的 sysctl，以及（1.34 起）探针或生命周期钩子的 host。当 `stevedore.kubernetes.podSecurity` 为 `baseline` 或 `restricted` 时运行；对象所在的命名空间在工作区中带有 `pod-security.kubernetes.io/enforce: baseline` 或 `restricted` 标签时也会运行（API 服务器会在那里拒绝这样的 Pod）。策略版本取自 `pod-security.kubernetes.io/enforce-version`，否则取目标 Kubernetes 版本。',
  },
});

export const podSecurityRestricted = podSecurityRule('restricted', {
  id: 'pod-security-restricted', severity: 'warning',
  title: { en: 'Breaks the Pod Security Restricted standard', zh: '违反 Pod 安全标准的受限级别' },
  docs: {
    en: 'What the Restricted level of the Pod Security Standards adds to Baseline: only configMap, downwardAPI, emptyDir, projected, secret, csi, persistentVolumeClaim, ephemeral and image volumes; `allowPrivilegeEscalation: false` on every container; `runAsNonRoot: true` (pod or every container); no `runAsUser: 0`; seccomp RuntimeDefault or Localhost; every container drops ALL capabilities and adds at most NET_BIND_SERVICE; and (from 1.35) procMount Default. Windows pods are exempt from the Linux-only controls; pods with `hostUsers: false` from the user checks. Runs when `stevedore.kubernetes.podSecurity` is `restricted`, or for objects whose Namespace in the workspace enforces `restricted`. Quick fixes set the fields.',
    zh: 'Pod 安全标准的受限（Restricted）级别在基线之上增加的要求：只允许 configMap、downwardAPI、emptyDir、projected、secret、csi、persistentVolumeClaim、ephemeral 和 image 卷；每个容器都要设置 `allowPrivilegeEscalation: false`；`runAsNonRoot: true`（Pod 级或每个容器）；不能 `runAsUser: 0`；seccomp 为 RuntimeDefault 或 Localhost；每个容器移除全部能力（drop ALL），最多只添加 NET_BIND_SERVICE；以及（1.35 起）procMount 为 Default。Windows Pod 不受仅适用于 Linux 的项约束；`hostUsers: false` 的 Pod 不受用户相关项约束。当 `stevedore.kubernetes.podSecurity` 为 `restricted`，或对象所在命名空间在工作区中强制执行 `restricted` 时运行。快速修复会设置相应字段。',
  },
});

import { isScalar } from 'yaml';
import type { Localized } from '../../common/localized';
import type { ObjectFacts } from '../objects';
import { booleanAt, mapAt, mapItems, nodeRange, pairOf, scalarAt, seqAt, stringAt } from '../yamlNodes';
import { byObjects, type KubeRule, type KubeRuleMeta } from './context';
import { replaceScalar } from './edits';

/** hostNetwork / hostPID / hostIPC: one rule each, same shape. */
function hostNamespaceRule(field: string, meta: KubeRuleMeta, what: Localized): KubeRule {
  return byObjects({
    meta,
    checkObjects(objects, { file }, report) {
      for (const object of objects) {
        const podSpec = object.workload?.podSpec;
        const node = scalarAt(podSpec, field);
        if (node?.value !== true) continue;
        const edit = replaceScalar(file, node, 'false');
        report({
          range: nodeRange(file, pairOf(podSpec, field)?.key ?? node),
          message: { en: `${objectLabel(object)} shares the node's ${what.en}.`, zh: `${objectLabel(object)} 共享了节点的${what.zh}。` },
          fixes: edit ? [{ title: { en: `Set ${field}: false`, zh: `设置 ${field}: false` }, edits: [edit] }] : undefined,
        });
      }
    },
  });
}

export function objectLabel(object: ObjectFacts): string {
  return `${object.kind}${object.name ? ` \`${object.name}\`` : ''}`;
}

export const hostNetworkEnabled = hostNamespaceRule('hostNetwork', {
  id: 'host-network-enabled', fixable: true, aliases: ['host-network'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
  title: { en: 'Pod uses the host network', zh: 'Pod 使用宿主机网络' },
  docs: {
    en: 'With `hostNetwork: true` the pod sees every network interface of the node, can bind its ports and bypasses NetworkPolicies. Reserve it for node agents such as CNI plugins.',
    zh: '设置 `hostNetwork: true` 后，Pod 能看到节点的所有网络接口、可以占用节点端口，并绕过 NetworkPolicy。仅应用于 CNI 插件等节点级组件。',
  },
}, { en: 'network namespace', zh: '网络命名空间' });

export const hostPidEnabled = hostNamespaceRule('hostPID', {
  id: 'host-pid-enabled', fixable: true, aliases: ['host-pid'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
  title: { en: 'Pod uses the host PID namespace', zh: 'Pod 使用宿主机 PID 命名空间' },
  docs: {
    en: 'With `hostPID: true` the containers see (and, as root, can signal or trace) every process on the node, including other pods\'.',
    zh: '设置 `hostPID: true` 后，容器能看到节点上的所有进程（包括其他 Pod 的进程），以 root 运行时还能向它们发送信号或进行跟踪。',
  },
}, { en: 'process namespace', zh: '进程命名空间' });

export const hostIpcEnabled = hostNamespaceRule('hostIPC', {
  id: 'host-ipc-enabled', fixable: true, aliases: ['host-ipc'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
  title: { en: 'Pod uses the host IPC namespace', zh: 'Pod 使用宿主机 IPC 命名空间' },
  docs: {
    en: 'With `hostIPC: true` the containers can read and write the shared memory and message queues of every process on the node.',
    zh: '设置 `hostIPC: true` 后，容器可以读写节点上所有进程的共享内存和消息队列。',
  },
}, { en: 'IPC namespace', zh: 'IPC 命名空间' });

interface HostPathVolume {
  name?: string;
  path: string;
  pathNode: unknown;
}

function hostPathVolumes(object: ObjectFacts): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  for (const volume of mapItems(seqAt(object.workload?.podSpec, 'volumes'))) {
    const hostPath = mapAt(volume, 'hostPath');
    const pathNode = scalarAt(hostPath, 'path');
    if (pathNode && typeof pathNode.value === 'string') out.push({ name: stringAt(volume, 'name'), path: pathNode.value, pathNode });
  }
  return out;
}

const normalize = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);
const socketPaths = ['/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock', '/var/run/crio/crio.sock', '/run/crio/crio.sock'];

export const containerRuntimeSocket: KubeRule = byObjects({
  meta: {
    id: 'container-runtime-socket', aliases: ['docker-sock'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
    title: { en: 'Container runtime socket mounted', zh: '挂载了容器运行时套接字' },
    docs: {
      en: 'Mounting the Docker, containerd or CRI-O socket lets the pod start privileged containers on the node: it is root on the node. Use a dedicated build tool (BuildKit rootless, Kaniko) or the Kubernetes API instead.',
      zh: '挂载 Docker、containerd 或 CRI-O 的套接字后，Pod 可以在节点上启动特权容器，等同于拥有节点的 root 权限。请改用专门的构建工具（无 root 的 BuildKit、Kaniko）或 Kubernetes API。',
    },
  },
  checkObjects(objects, { file }, report) {
    for (const object of objects) {
      for (const volume of hostPathVolumes(object)) {
        const path = normalize(volume.path);
        if (!socketPaths.includes(path) && !/\/(docker|containerd|crio)\.sock$/.test(path)) continue;
        report({
          range: nodeRange(file, volume.pathNode as never),
          message: { en: `Volume \`${volume.name ?? '?'}\` mounts the container runtime socket ${path}.`, zh: `卷 \`${volume.name ?? '?'}\` 挂载了容器运行时套接字 ${path}。` },
        });
      }
    }
  },
});

/** Host paths whose contents let a pod read secrets or take over the node. */
const sensitivePaths = ['/', '/etc', '/root', '/var/run', '/run', '/proc', '/sys', '/boot', '/dev', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/etc/kubernetes', '/home', '/usr', '/lib', '/bin', '/sbin'];

export const sensitiveHostPath: KubeRule = byObjects({
  meta: {
    id: 'sensitive-host-path', aliases: ['sensitive-host-mounts'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
    title: { en: 'Sensitive host directory mounted', zh: '挂载了敏感的宿主机目录' },
    docs: {
      en: 'The pod mounts a system directory of the node (`/etc`, `/proc`, `/var/lib/kubelet`, …). From there it can read credentials of other pods or change the node\'s configuration. Mount only the specific file or directory needed, read-only.',
      zh: 'Pod 挂载了节点的系统目录（`/etc`、`/proc`、`/var/lib/kubelet` 等），借此可以读取其他 Pod 的凭据或修改节点配置。请只挂载确实需要的具体文件或目录，并设为只读。',
    },
  },
  checkObjects(objects, { file }, report) {
    for (const object of objects) {
      for (const volume of hostPathVolumes(object)) {
        const path = normalize(volume.path);
        if (!sensitivePaths.includes(path)) continue;
        report({
          range: nodeRange(file, volume.pathNode as never),
          message: { en: `Volume \`${volume.name ?? '?'}\` mounts the host directory ${path}.`, zh: `卷 \`${volume.name ?? '?'}\` 挂载了宿主机目录 ${path}。` },
        });
      }
    }
  },
});

export const writableHostPath: KubeRule = byObjects({
  meta: {
    id: 'writable-host-path', aliases: ['writable-host-mount'], severity: 'hint', category: 'security', profile: 'strict',
    title: { en: 'Host path mounted writable', zh: '宿主机路径以可写方式挂载' },
    docs: {
      en: 'A container mounts a hostPath volume without `readOnly: true`: whatever it writes lands on the node and survives the pod. Mount it read-only unless writing is the point.',
      zh: '容器挂载 hostPath 卷时没有设置 `readOnly: true`：它写入的内容会落到节点上，并在 Pod 删除后继续存在。除非本来就需要写入，否则请以只读方式挂载。',
    },
  },
  checkObjects(objects, { file }, report) {
    for (const object of objects) {
      const hostVolumes = new Set(hostPathVolumes(object).map((v) => v.name));
      if (hostVolumes.size === 0) continue;
      for (const container of object.workload?.containers ?? []) {
        for (const mount of mapItems(seqAt(container.node, 'volumeMounts'))) {
          if (!hostVolumes.has(stringAt(mount, 'name')) || booleanAt(mount, 'readOnly') === true) continue;
          const nameNode = scalarAt(mount, 'name');
          if (!isScalar(nameNode)) continue;
          report({
            range: nodeRange(file, nameNode),
            message: { en: `Host path volume \`${String(nameNode.value)}\` is mounted writable.`, zh: `宿主机路径卷 \`${String(nameNode.value)}\` 以可写方式挂载。` },
          });
        }
      }
    }
  },
});

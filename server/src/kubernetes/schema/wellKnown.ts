import type { Localized } from '../../common/localized';

/** Recommended labels (app.kubernetes.io/*) and other keys users put in labels and selectors. */
export const wellKnownLabels: Readonly<Record<string, Localized>> = {
  'app.kubernetes.io/name': { en: 'Recommended label: the name of the application, e.g. `mysql`.', zh: '推荐标签：应用名称，例如 `mysql`。' },
  'app.kubernetes.io/instance': { en: 'Recommended label: a name that identifies this instance of the application, e.g. `mysql-abcxyz`.', zh: '推荐标签：标识该应用某个实例的名称，例如 `mysql-abcxyz`。' },
  'app.kubernetes.io/version': { en: 'Recommended label: the current version of the application, e.g. `5.7.21`.', zh: '推荐标签：应用的当前版本，例如 `5.7.21`。' },
  'app.kubernetes.io/component': { en: 'Recommended label: the component within the architecture, e.g. `database`.', zh: '推荐标签：在整体架构中的组件，例如 `database`。' },
  'app.kubernetes.io/part-of': { en: 'Recommended label: the name of the higher-level application this one is part of, e.g. `wordpress`.', zh: '推荐标签：所属的上层应用名称，例如 `wordpress`。' },
  'app.kubernetes.io/managed-by': { en: 'Recommended label: the tool that manages the object, e.g. `Helm`.', zh: '推荐标签：管理该对象的工具，例如 `Helm`。' },
  app: { en: 'A common short label naming the application; many charts and examples select on it.', zh: '常用的简短标签，表示应用名称；许多 Chart 和示例以它作为选择条件。' },
};

/** Node labels set by Kubernetes, for nodeSelector and topology keys. */
export const wellKnownNodeLabels: Readonly<Record<string, Localized>> = {
  'kubernetes.io/os': { en: 'Operating system of the node: `linux` or `windows`. Set by the kubelet.', zh: '节点的操作系统：`linux` 或 `windows`，由 kubelet 设置。' },
  'kubernetes.io/arch': { en: 'CPU architecture of the node, e.g. `amd64`, `arm64`. Set by the kubelet.', zh: '节点的 CPU 架构，例如 `amd64`、`arm64`，由 kubelet 设置。' },
  'kubernetes.io/hostname': { en: 'Host name of the node. As a topology key: spread or separate Pods per node.', zh: '节点的主机名。作为拓扑键时表示按节点分散或隔离 Pod。' },
  'topology.kubernetes.io/zone': { en: 'Availability zone of the node (set by the cloud provider). As a topology key: spread Pods across zones.', zh: '节点所在的可用区（由云服务商设置）。作为拓扑键时表示在可用区之间分散 Pod。' },
  'topology.kubernetes.io/region': { en: 'Region of the node (set by the cloud provider).', zh: '节点所在的地域（由云服务商设置）。' },
  'node.kubernetes.io/instance-type': { en: 'Instance type of the node (set by the cloud provider), e.g. `m5.large`.', zh: '节点的实例规格（由云服务商设置），例如 `m5.large`。' },
};

/** Resource names in requests/limits, with suggested quantities. */
export const resourceNames: Readonly<Record<string, { doc: Localized; quantities: readonly string[] }>> = {
  cpu: { doc: { en: 'CPU in cores: `1` is one core, `500m` half a core (m = millicores).', zh: 'CPU 核数：`1` 表示一个核，`500m` 表示半个核（m 即千分之一核）。' }, quantities: ['100m', '250m', '500m', '1', '2'] },
  memory: { doc: { en: 'Memory in bytes, with binary suffixes `Ki`, `Mi`, `Gi` (or decimal `k`, `M`, `G`). Exceeding the limit gets the container OOM-killed.', zh: '内存字节数，可用二进制后缀 `Ki`、`Mi`、`Gi`（或十进制 `k`、`M`、`G`）。超出限制时容器会被 OOM 终止。' }, quantities: ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi'] },
  'ephemeral-storage': { doc: { en: 'Local ephemeral storage (writable layer, logs, emptyDir) in bytes.', zh: '本地临时存储（可写层、日志、emptyDir）的字节数。' }, quantities: ['1Gi', '2Gi', '5Gi', '10Gi'] },
  storage: { doc: { en: 'Size of the volume a claim asks for.', zh: '存储申请所需的卷容量。' }, quantities: ['1Gi', '5Gi', '10Gi', '20Gi', '50Gi', '100Gi'] },
  'hugepages-2Mi': { doc: { en: 'Huge pages of 2 MiB; requests must equal limits.', zh: '2 MiB 大页内存；requests 必须等于 limits。' }, quantities: ['128Mi', '256Mi'] },
  'nvidia.com/gpu': { doc: { en: 'GPUs exposed by the NVIDIA device plugin; set in limits, whole numbers only.', zh: 'NVIDIA 设备插件提供的 GPU；在 limits 中设置，只能是整数。' }, quantities: ['1', '2'] },
};

/** Values worth offering for string fields that have no enum in the API, keyed by `Definition.field`. */
export const valueHints: Readonly<Record<string, readonly string[]>> = {
  'V2CrossVersionObjectReference.kind': ['Deployment', 'StatefulSet', 'ReplicaSet'],
  'V2CrossVersionObjectReference.apiVersion': ['apps/v1'],
  'V1CrossVersionObjectReference.kind': ['Deployment', 'StatefulSet', 'ReplicaSet'],
  'V1CrossVersionObjectReference.apiVersion': ['apps/v1'],
  'V1RoleRef.kind': ['Role', 'ClusterRole'],
  'V1RoleRef.apiGroup': ['rbac.authorization.k8s.io'],
  'RbacV1Subject.apiGroup': ['rbac.authorization.k8s.io', ''],
  'V1Secret.type': ['Opaque', 'kubernetes.io/tls', 'kubernetes.io/dockerconfigjson', 'kubernetes.io/basic-auth', 'kubernetes.io/ssh-auth', 'kubernetes.io/service-account-token'],
  'V1EmptyDirVolumeSource.medium': ['', 'Memory'],
  'V2ResourceMetricSource.name': ['cpu', 'memory'],
  'V2ContainerResourceMetricSource.name': ['cpu', 'memory'],
  'V1TopologySpreadConstraint.topologyKey': ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'],
  'V1PodAffinityTerm.topologyKey': ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'],
  'V1PodSpec.priorityClassName': ['system-cluster-critical', 'system-node-critical'],
  'V1PodSpec.serviceAccountName': ['default'],
  'V1ObjectFieldSelector.fieldPath': ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.podIP', 'status.hostIP'],
  'V1ServicePort.appProtocol': ['http', 'https', 'kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss'],
  'V1PodOS.name': ['linux', 'windows'],
};

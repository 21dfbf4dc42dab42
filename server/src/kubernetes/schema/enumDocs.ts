import type { Localized } from '../../common/localized';

/**
 * One line per enum value, in English and Chinese, for the values the schema lists on a field
 * (`V1Container.imagePullPolicy` → `IfNotPresent` → "Pulls only when the node lacks the image").
 * The Kubernetes schema describes a field as a whole and rarely each value; completion shows these
 * lines as each item's detail. Fields share tables where the values mean the same thing.
 *
 * `default` is the value the API server uses when the field is left out, for fields whose schema
 * states no `default`; a function when the default depends on the object (`imagePullPolicy` on the
 * image's tag, a Pod's `restartPolicy` inside a Job). See `enumDefault`.
 */
export interface EnumFieldDocs {
  values: Readonly<Record<string, Localized>>;
  default?: string | ((object: EnumContext) => string | undefined);
}

/** What a default may depend on: the mapping that holds the field, and the document's kind. */
export interface EnumContext {
  /** A key of the mapping that holds the field (`image` next to `imagePullPolicy`). */
  sibling(key: string): unknown;
  kind?: string;
}

const pullPolicy: Record<string, Localized> = {
  Always: { en: 'Asks the registry on every container start; pulls when the digest changed', zh: '每次启动容器都询问镜像仓库，摘要变化时重新拉取' },
  IfNotPresent: { en: 'Pulls only when the node does not have the image yet', zh: '仅当节点上还没有该镜像时才拉取' },
  Never: { en: 'Never pulls: the image must already be on the node', zh: '从不拉取：镜像必须已在节点上' },
};

/** The API's rule: `:latest` or no tag (and no digest) means Always, anything else IfNotPresent. */
function pullPolicyDefault(object: EnumContext): string | undefined {
  const image = object.sibling('image');
  if (typeof image !== 'string' || image.trim() === '') return undefined;
  if (image.includes('@')) return 'IfNotPresent';
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  const tag = colon < 0 ? '' : lastPart.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

const podRestartPolicy: Record<string, Localized> = {
  Always: { en: 'Restarts containers whenever they exit (Deployments and other long-running workloads)', zh: '容器退出后总是重启（Deployment 等长期运行的工作负载）' },
  OnFailure: { en: 'Restarts containers only when they exit with an error (Jobs)', zh: '仅在容器出错退出时重启（适用于 Job）' },
  Never: { en: 'Never restarts containers; a failed Pod stays failed (Jobs, one-off Pods)', zh: '从不重启容器；失败的 Pod 保持失败状态（适用于 Job 和一次性 Pod）' },
};

const containerRestartPolicy: Record<string, Localized> = {
  Always: { en: 'Restarts this container whenever it exits; on an init container, makes it a sidecar', zh: '该容器退出后总是重启；用于 init 容器时使其成为边车（sidecar）容器' },
  OnFailure: { en: 'Restarts this container only when it exits with an error, overriding the Pod', zh: '仅在该容器出错退出时重启，覆盖 Pod 级别的策略' },
  Never: { en: 'Never restarts this container, whatever the Pod\'s policy says', zh: '无论 Pod 的策略如何，都不重启该容器' },
};

const protocol: Record<string, Localized> = {
  TCP: { en: 'TCP, the protocol of almost every service', zh: 'TCP，几乎所有服务使用的协议' },
  UDP: { en: 'UDP, for DNS, QUIC, syslog and other datagram services', zh: 'UDP，用于 DNS、QUIC、syslog 等数据报服务' },
  SCTP: { en: 'SCTP, for telecom workloads; the nodes\' network plugin must support it', zh: 'SCTP，用于电信类工作负载；节点的网络插件必须支持' },
};

const selectorOperator: Record<string, Localized> = {
  In: { en: 'The label\'s value is one of `values`', zh: '标签值是 `values` 中的某一个' },
  NotIn: { en: 'The label is missing or its value is none of `values`', zh: '没有该标签，或其值不在 `values` 中' },
  Exists: { en: 'The label is present, whatever its value (leave `values` empty)', zh: '存在该标签即可，不论取值（`values` 留空）' },
  DoesNotExist: { en: 'The label is absent (leave `values` empty)', zh: '不存在该标签（`values` 留空）' },
};

const nodeSelectorOperator: Record<string, Localized> = {
  ...selectorOperator,
  Gt: { en: 'The label\'s value, read as an integer, is greater than the single value given', zh: '标签值按整数比较，大于给定的唯一值' },
  Lt: { en: 'The label\'s value, read as an integer, is less than the single value given', zh: '标签值按整数比较，小于给定的唯一值' },
};

const taintEffect: Record<string, Localized> = {
  NoSchedule: { en: 'New Pods without a matching toleration are not scheduled on the node', zh: '没有相应容忍的新 Pod 不会被调度到该节点' },
  PreferNoSchedule: { en: 'The scheduler avoids the node for such Pods, but may still use it', zh: '调度器尽量不把这类 Pod 放到该节点，但仍可能使用' },
  NoExecute: { en: 'Also evicts running Pods that do not tolerate the taint', zh: '同时驱逐不容忍该污点的运行中 Pod' },
};

const accessModes: Record<string, Localized> = {
  ReadWriteOnce: { en: 'Read-write by the Pods of one node at a time', zh: '同一时间只能由一个节点上的 Pod 读写' },
  ReadOnlyMany: { en: 'Read-only by Pods on many nodes', zh: '可由多个节点上的 Pod 只读挂载' },
  ReadWriteMany: { en: 'Read-write by Pods on many nodes (NFS, CephFS and similar storage)', zh: '可由多个节点上的 Pod 读写（NFS、CephFS 等存储）' },
  ReadWriteOncePod: { en: 'Read-write by a single Pod in the whole cluster (CSI volumes only)', zh: '整个集群中只允许一个 Pod 读写（仅 CSI 卷）' },
};

const volumeMode: Record<string, Localized> = {
  Filesystem: { en: 'The volume is formatted and mounted as a directory', zh: '卷被格式化并作为目录挂载' },
  Block: { en: 'The volume is handed to the container as a raw block device', zh: '卷以原始块设备的形式交给容器' },
};

const preemptionPolicy: Record<string, Localized> = {
  PreemptLowerPriority: { en: 'May evict lower-priority Pods to make room for this one', zh: '可以驱逐优先级更低的 Pod 为其腾出资源' },
  Never: { en: 'Waits in the queue instead of evicting other Pods', zh: '在队列中等待，而不驱逐其他 Pod' },
};

const trafficPolicy: Record<string, Localized> = {
  Cluster: { en: 'Spreads traffic over every ready endpoint, on any node', zh: '把流量分发到所有节点上的全部就绪端点' },
  Local: { en: 'Sends traffic only to endpoints on the receiving node; dropped when there are none', zh: '只发往接收节点上的端点；该节点没有端点时流量被丢弃' },
};

const externalTrafficPolicy: Record<string, Localized> = {
  Cluster: trafficPolicy.Cluster!,
  Local: { en: 'Keeps the client\'s source IP; only nodes with ready endpoints receive traffic', zh: '保留客户端源 IP；只有带就绪端点的节点接收流量' },
};

const rollingOrOnDelete = (what: Localized): Record<string, Localized> => ({
  RollingUpdate: { en: `Replaces ${what.en} one at a time when the template changes`, zh: `模板变化后逐个替换${what.zh}` },
  OnDelete: { en: `Replaces ${what.en} only when you delete them yourself`, zh: `只有在手动删除${what.zh}后才会替换` },
});

const securityProfileType = (what: string): Record<string, Localized> => ({
  RuntimeDefault: { en: `The container runtime's default ${what} profile: the usual hardened choice`, zh: `容器运行时默认的 ${what} 配置：常用的加固选择` },
  Localhost: { en: `A ${what} profile loaded on the node, named by localhostProfile`, zh: `节点上已加载的 ${what} 配置，由 localhostProfile 指定` },
  Unconfined: { en: `No ${what} filtering at all`, zh: `完全不做 ${what} 限制` },
});

const retainOrDelete = (when: Localized): Record<string, Localized> => ({
  Retain: { en: `Keeps the volume claims ${when.en}`, zh: `${when.zh}保留卷申领（PVC）` },
  Delete: { en: `Deletes the volume claims ${when.en}, and with them their data`, zh: `${when.zh}删除卷申领（PVC）及其数据` },
});

const webhookFailurePolicy: Record<string, Localized> = {
  Ignore: { en: 'A webhook error or timeout lets the request through', zh: 'Webhook 出错或超时时放行请求' },
  Fail: { en: 'A webhook error or timeout rejects the request (the default)', zh: 'Webhook 出错或超时时拒绝请求（默认）' },
};

const webhookMatchPolicy: Record<string, Localized> = {
  Exact: { en: 'Only requests to exactly the listed groups, versions and resources are sent', zh: '只发送与所列组、版本和资源完全一致的请求' },
  Equivalent: { en: 'Requests to another version of the same resource are converted and sent too (the default)', zh: '同一资源其他版本的请求也会被转换后发送（默认）' },
};

const webhookSideEffects: Record<string, Localized> = {
  None: { en: 'Calling the webhook changes nothing outside the request', zh: '调用该 Webhook 不会改变请求之外的任何东西' },
  NoneOnDryRun: { en: 'The webhook has side effects but skips them on dry-run requests', zh: '该 Webhook 有副作用，但在试运行（dry-run）请求中会跳过' },
};

const reclaimPolicy: Record<string, Localized> = {
  Retain: { en: 'Keeps the volume and its data after the claim is deleted; an administrator cleans up', zh: 'PVC 删除后保留卷和数据，由管理员手动清理' },
  Delete: { en: 'Deletes the volume and its storage when the claim is deleted', zh: 'PVC 删除时一并删除卷及其底层存储' },
  Recycle: { en: 'Deprecated: wipes the volume (rm -rf) and offers it again', zh: '已废弃：清空卷（rm -rf）后重新提供使用' },
};

export const enumDocs: Readonly<Record<string, EnumFieldDocs>> = {
  'V1Container.imagePullPolicy': { values: pullPolicy, default: pullPolicyDefault },
  'V1EphemeralContainer.imagePullPolicy': { values: pullPolicy, default: pullPolicyDefault },
  'V1Container.restartPolicy': { values: containerRestartPolicy },
  'V1Container.terminationMessagePolicy': {
    values: {
      File: { en: 'Reads the message from terminationMessagePath only', zh: '只从 terminationMessagePath 文件读取终止消息' },
      FallbackToLogsOnError: { en: 'Uses the end of the log when the file is empty and the container failed', zh: '文件为空且容器出错退出时，使用日志末尾作为终止消息' },
    },
  },
  'V1PodSpec.restartPolicy': {
    values: podRestartPolicy,
    // A Job's pods must say OnFailure or Never: the API's default (Always) is refused there.
    default: (object) => (object.kind === 'Job' || object.kind === 'CronJob' ? undefined : 'Always'),
  },
  'V1PodSpec.dnsPolicy': {
    values: {
      ClusterFirst: { en: 'Cluster DNS first, other names forwarded upstream (ignored with hostNetwork)', zh: '优先使用集群 DNS，其余名称转发到上游（hostNetwork 时不生效）' },
      ClusterFirstWithHostNet: { en: 'Cluster DNS for a Pod that runs with hostNetwork: true', zh: '为使用 hostNetwork: true 的 Pod 启用集群 DNS' },
      Default: { en: 'The node\'s own DNS settings, without cluster names', zh: '使用节点自身的 DNS 配置，无法解析集群内名称' },
      None: { en: 'No DNS settings from Kubernetes: everything comes from dnsConfig', zh: '不由 Kubernetes 提供 DNS 配置：全部来自 dnsConfig' },
    },
  },
  'V1PodSpec.preemptionPolicy': { values: preemptionPolicy, default: 'PreemptLowerPriority' },
  'V1PriorityClass.preemptionPolicy': { values: preemptionPolicy, default: 'PreemptLowerPriority' },
  'V1PodSecurityContext.fsGroupChangePolicy': {
    default: 'Always',
    values: {
      Always: { en: 'Changes owner and permissions of every file at each mount (slow on big volumes)', zh: '每次挂载都修改所有文件的属主和权限（大卷上很慢）' },
      OnRootMismatch: { en: 'Changes them only when the volume\'s root does not match yet: much faster', zh: '仅当卷根目录的属主或权限不符时才修改：快得多' },
    },
  },
  'V1PodSecurityContext.seLinuxChangePolicy': {
    values: {
      MountOption: { en: 'Mounts volumes with the SELinux context option: fast, but all sharers need one label', zh: '以 SELinux context 挂载选项挂载卷：速度快，但共享该卷的 Pod 必须使用相同标签' },
      Recursive: { en: 'Relabels every file of the volumes: slow, but Pods with different labels can share', zh: '逐个重新标记卷中的文件：较慢，但不同标签的 Pod 可以共享' },
    },
  },
  'V1SeccompProfile.type': { values: securityProfileType('seccomp') },
  'V1AppArmorProfile.type': { values: securityProfileType('AppArmor') },
  'V1SecurityContext.procMount': {
    default: 'Default',
    values: {
      Default: { en: 'The runtime\'s usual /proc, with sensitive paths masked or read-only', zh: '运行时的常规 /proc，敏感路径被屏蔽或只读' },
      Unmasked: { en: 'An unmasked /proc (nested containers; needs a user namespace)', zh: '不做屏蔽的 /proc（用于嵌套容器；需要用户命名空间）' },
    },
  },
  'V1ContainerPort.protocol': { values: protocol, default: 'TCP' },
  'V1ServicePort.protocol': { values: protocol, default: 'TCP' },
  'V1NetworkPolicyPort.protocol': { values: protocol, default: 'TCP' },
  'CoreV1EndpointPort.protocol': { values: protocol, default: 'TCP' },
  'DiscoveryV1EndpointPort.protocol': { values: protocol, default: 'TCP' },
  'V1ContainerResizePolicy.resourceName': {
    values: {
      cpu: { en: 'The rule applies when the CPU requests or limits change', zh: '该规则在 CPU 请求或上限变化时生效' },
      memory: { en: 'The rule applies when the memory requests or limits change', zh: '该规则在内存请求或上限变化时生效' },
    },
  },
  'V1ContainerResizePolicy.restartPolicy': {
    default: 'NotRequired',
    values: {
      NotRequired: { en: 'Resizes the running container in place, without a restart', zh: '就地调整运行中的容器，无需重启' },
      RestartContainer: { en: 'Restarts the container to apply the new size (e.g. a JVM heap)', zh: '重启容器以应用新的资源大小（例如 JVM 堆）' },
    },
  },
  'V1HTTPGetAction.scheme': {
    values: {
      HTTP: { en: 'Plain HTTP request', zh: '普通 HTTP 请求' },
      HTTPS: { en: 'HTTPS request; the certificate is not verified', zh: 'HTTPS 请求；不校验证书' },
    },
  },
  'V1VolumeMount.mountPropagation': {
    default: 'None',
    values: {
      None: { en: 'No mounts propagate in either direction', zh: '任何方向都不传播挂载' },
      HostToContainer: { en: 'Mounts made later on the host appear in the container', zh: '宿主机上之后产生的挂载会出现在容器中' },
      Bidirectional: { en: 'Mounts propagate both ways; privileged containers only (CSI drivers)', zh: '挂载双向传播；仅限特权容器（如 CSI 驱动）' },
    },
  },
  'V1VolumeMount.recursiveReadOnly': {
    default: 'Disabled',
    values: {
      Disabled: { en: 'Only the mount itself is read-only, not mounts nested below it', zh: '只有该挂载本身只读，其下的嵌套挂载不受影响' },
      IfPossible: { en: 'Read-only all the way down when the runtime supports it', zh: '运行时支持时，包括嵌套挂载在内全部只读' },
      Enabled: { en: 'Read-only all the way down, or the Pod does not start', zh: '包括嵌套挂载在内全部只读，否则 Pod 无法启动' },
    },
  },
  'V1HostPathVolumeSource.type': {
    default: '',
    values: {
      '': { en: 'No check: whatever is at the path is mounted', zh: '不检查：路径上有什么就挂载什么' },
      DirectoryOrCreate: { en: 'A directory, created (mode 0755) when missing', zh: '目录，不存在时创建（权限 0755）' },
      Directory: { en: 'A directory that must already exist', zh: '必须已存在的目录' },
      FileOrCreate: { en: 'A file, created empty (mode 0644) when missing', zh: '文件，不存在时创建空文件（权限 0644）' },
      File: { en: 'A file that must already exist', zh: '必须已存在的文件' },
      Socket: { en: 'A UNIX socket that must already exist', zh: '必须已存在的 UNIX 套接字' },
      CharDevice: { en: 'A character device that must already exist', zh: '必须已存在的字符设备' },
      BlockDevice: { en: 'A block device that must already exist', zh: '必须已存在的块设备' },
    },
  },
  'V1Toleration.operator': {
    values: {
      Equal: { en: 'Tolerates taints with this key and exactly this value', zh: '容忍具有该键且值完全相同的污点' },
      Exists: { en: 'Tolerates taints with this key, whatever the value (no key: every taint)', zh: '容忍具有该键的污点，不论取值（不写键则容忍所有污点）' },
    },
  },
  'V1Toleration.effect': { values: taintEffect },
  'V1Taint.effect': { values: taintEffect },
  'V1LabelSelectorRequirement.operator': { values: selectorOperator },
  'V1ScopedResourceSelectorRequirement.operator': { values: selectorOperator },
  'V1NodeSelectorRequirement.operator': { values: nodeSelectorOperator },
  'V1TopologySpreadConstraint.whenUnsatisfiable': {
    values: {
      DoNotSchedule: { en: 'Keeps the Pod pending rather than exceed maxSkew', zh: '宁可让 Pod 保持等待，也不超过 maxSkew' },
      ScheduleAnyway: { en: 'Schedules anyway, preferring placements that reduce the skew', zh: '照常调度，但优先选择能减小偏差的位置' },
    },
  },
  'V1TopologySpreadConstraint.nodeAffinityPolicy': {
    default: 'Honor',
    values: {
      Honor: { en: 'Counts only nodes that match the Pod\'s nodeAffinity and nodeSelector', zh: '只统计符合 Pod 的 nodeAffinity 和 nodeSelector 的节点' },
      Ignore: { en: 'Counts every node, whatever the Pod\'s node affinity', zh: '统计所有节点，不考虑 Pod 的节点亲和性' },
    },
  },
  'V1TopologySpreadConstraint.nodeTaintsPolicy': {
    default: 'Ignore',
    values: {
      Ignore: { en: 'Counts every node, tainted or not', zh: '统计所有节点，不论是否有污点' },
      Honor: { en: 'Leaves out tainted nodes that the Pod does not tolerate', zh: '不统计 Pod 无法容忍其污点的节点' },
    },
  },
  'V1ServiceSpec.type': {
    values: {
      ClusterIP: { en: 'A virtual IP reachable only inside the cluster', zh: '只能在集群内部访问的虚拟 IP' },
      NodePort: { en: 'ClusterIP plus a port (30000–32767) opened on every node', zh: 'ClusterIP 加上在每个节点上开放的端口（30000–32767）' },
      LoadBalancer: { en: 'NodePort plus an external load balancer from the cloud provider', zh: 'NodePort 加上云厂商提供的外部负载均衡器' },
      ExternalName: { en: 'A DNS alias (CNAME) for externalName; no proxying, no selector', zh: '指向 externalName 的 DNS 别名（CNAME）；不做代理，也不用选择算符' },
    },
  },
  'V1ServiceSpec.externalTrafficPolicy': { values: externalTrafficPolicy },
  'V1ServiceSpec.internalTrafficPolicy': { values: trafficPolicy },
  'V1ServiceSpec.sessionAffinity': {
    values: {
      None: { en: 'Each connection may go to any endpoint', zh: '每个连接都可能发往任意端点' },
      ClientIP: { en: 'Connections from one client IP stick to the same endpoint', zh: '来自同一客户端 IP 的连接固定发往同一端点' },
    },
  },
  'V1ServiceSpec.ipFamilyPolicy': {
    default: 'SingleStack',
    values: {
      SingleStack: { en: 'One IP family (IPv4 or IPv6)', zh: '单一 IP 协议族（IPv4 或 IPv6）' },
      PreferDualStack: { en: 'Both families on a dual-stack cluster, otherwise one', zh: '双栈集群上同时使用两个协议族，否则只用一个' },
      RequireDualStack: { en: 'Both families, or the Service is refused', zh: '必须同时使用两个协议族，否则拒绝创建 Service' },
    },
  },
  'V1ServiceSpec.trafficDistribution': {
    values: {
      PreferClose: { en: 'Prefers endpoints topologically close to the client (same zone)', zh: '优先使用拓扑上靠近客户端的端点（同一可用区）' },
      PreferSameZone: { en: 'Prefers endpoints in the client\'s zone', zh: '优先使用与客户端处于同一可用区的端点' },
      PreferSameNode: { en: 'Prefers endpoints on the client\'s node, then any other', zh: '优先使用客户端所在节点上的端点，其次才是其他端点' },
    },
  },
  'V1HTTPIngressPath.pathType': {
    values: {
      Prefix: { en: 'Matches the path and everything below it, element by element (/app matches /app/x)', zh: '按路径元素匹配该路径及其下级路径（/app 匹配 /app/x）' },
      Exact: { en: 'Matches this exact path only (case-sensitive)', zh: '只匹配完全相同的路径（区分大小写）' },
      ImplementationSpecific: { en: 'Left to the Ingress controller (often regular expressions)', zh: '由 Ingress 控制器自行解释（常用于正则表达式）' },
    },
  },
  'V1NetworkPolicySpec.policyTypes': {
    values: {
      Ingress: { en: 'The policy restricts traffic into the selected Pods', zh: '该策略限制进入所选 Pod 的流量' },
      Egress: { en: 'The policy restricts traffic out of the selected Pods (DNS included)', zh: '该策略限制从所选 Pod 发出的流量（包括 DNS）' },
    },
  },
  'V1PersistentVolumeClaimSpec.accessModes': { values: accessModes },
  'V1PersistentVolumeSpec.accessModes': { values: accessModes },
  'V1PersistentVolumeClaimSpec.volumeMode': { values: volumeMode },
  'V1PersistentVolumeSpec.volumeMode': { values: volumeMode, default: 'Filesystem' },
  'V1DeploymentStrategy.type': {
    values: {
      RollingUpdate: { en: 'Replaces Pods gradually, within maxSurge and maxUnavailable', zh: '在 maxSurge 和 maxUnavailable 限制内逐步替换 Pod' },
      Recreate: { en: 'Stops every old Pod before starting new ones (downtime)', zh: '先停止所有旧 Pod 再启动新 Pod（会中断服务）' },
    },
  },
  'V1DaemonSetUpdateStrategy.type': { values: rollingOrOnDelete({ en: 'the Pod on each node', zh: '各节点上的 Pod' }) },
  'V1StatefulSetUpdateStrategy.type': { values: rollingOrOnDelete({ en: 'Pods from the highest ordinal down', zh: 'Pod（从序号最大的开始）' }) },
  'V1StatefulSetSpec.podManagementPolicy': {
    values: {
      OrderedReady: { en: 'Starts Pods one at a time in order, each after the previous is ready', zh: '按顺序逐个启动 Pod，前一个就绪后才启动下一个' },
      Parallel: { en: 'Starts and deletes Pods all at once, without waiting', zh: '同时启动和删除所有 Pod，无需等待' },
    },
  },
  'V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': { default: 'Retain', values: retainOrDelete({ en: 'when the StatefulSet is deleted', zh: 'StatefulSet 被删除时' }) },
  'V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': { default: 'Retain', values: retainOrDelete({ en: 'of Pods removed by a scale-down', zh: '缩容移除 Pod 时' }) },
  'V1CronJobSpec.concurrencyPolicy': {
    values: {
      Allow: { en: 'Starts a new Job even while the previous one still runs', zh: '即使上一个 Job 仍在运行，也启动新的 Job' },
      Forbid: { en: 'Skips a run while the previous Job still runs', zh: '上一个 Job 仍在运行时跳过本次执行' },
      Replace: { en: 'Stops the running Job and starts the new one', zh: '停止正在运行的 Job，并启动新的 Job' },
    },
  },
  'V1JobSpec.completionMode': {
    values: {
      NonIndexed: { en: 'Done after `completions` successful Pods, whichever they are', zh: '任意 Pod 成功次数达到 `completions` 即完成' },
      Indexed: { en: 'Each Pod gets an index 0…completions-1; done when every index succeeded', zh: '每个 Pod 获得 0…completions-1 的序号；每个序号都成功后完成' },
    },
  },
  'V1JobSpec.podReplacementPolicy': {
    // Failed is the only value allowed with a podFailurePolicy, and then the default.
    default: (object) => (object.sibling('podFailurePolicy') === undefined ? 'TerminatingOrFailed' : 'Failed'),
    values: {
      TerminatingOrFailed: { en: 'Creates a replacement as soon as a Pod starts terminating', zh: 'Pod 一开始终止就创建替代 Pod' },
      Failed: { en: 'Waits until the old Pod has fully terminated before replacing it', zh: '等旧 Pod 完全终止后再创建替代 Pod' },
    },
  },
  'V1PodFailurePolicyRule.action': {
    values: {
      FailJob: { en: 'Marks the whole Job failed and stops its running Pods', zh: '将整个 Job 标记为失败并终止其运行中的 Pod' },
      FailIndex: { en: 'Marks this index failed without retrying it (Indexed Jobs)', zh: '将该序号标记为失败且不再重试（用于 Indexed Job）' },
      Ignore: { en: 'Replaces the Pod without counting the failure against backoffLimit', zh: '替换该 Pod，且不计入 backoffLimit' },
      Count: { en: 'Counts the failure against backoffLimit, as without a rule', zh: '像没有规则时一样计入 backoffLimit' },
    },
  },
  'V1PodFailurePolicyOnExitCodesRequirement.operator': {
    values: {
      In: { en: 'Matches when an exit code is one of `values`', zh: '退出码属于 `values` 之一时匹配' },
      NotIn: { en: 'Matches when an exit code is none of `values`', zh: '退出码不属于 `values` 中任何一个时匹配' },
    },
  },
  'V1PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': {
    default: 'IfHealthyBudget',
    values: {
      IfHealthyBudget: { en: 'Running but unready Pods are evicted only while the budget holds', zh: '运行中但未就绪的 Pod 只在预算满足时才可驱逐' },
      AlwaysAllow: { en: 'Running but unready Pods may always be evicted (unblocks node drains)', zh: '运行中但未就绪的 Pod 总是可以驱逐（避免阻塞节点排空）' },
    },
  },
  'V1ResourceFieldSelector.resource': {
    values: {
      'limits.cpu': { en: 'The container\'s CPU limit', zh: '容器的 CPU 上限' },
      'limits.memory': { en: 'The container\'s memory limit', zh: '容器的内存上限' },
      'limits.ephemeral-storage': { en: 'The container\'s ephemeral storage limit', zh: '容器的临时存储上限' },
      'requests.cpu': { en: 'The container\'s CPU request', zh: '容器的 CPU 请求量' },
      'requests.memory': { en: 'The container\'s memory request', zh: '容器的内存请求量' },
      'requests.ephemeral-storage': { en: 'The container\'s ephemeral storage request', zh: '容器的临时存储请求量' },
    },
  },
  'V2MetricSpec.type': {
    values: {
      Resource: { en: 'CPU or memory of whole Pods (all containers summed), averaged over the Pods', zh: '整个 Pod（所有容器合计）的 CPU 或内存用量，按 Pod 取平均' },
      ContainerResource: { en: 'CPU or memory of one named container in each Pod', zh: '每个 Pod 中某个指定容器的 CPU 或内存用量' },
      Pods: { en: 'A custom metric of each Pod, averaged (e.g. requests per second)', zh: '每个 Pod 的自定义指标取平均（例如每秒请求数）' },
      Object: { en: 'A metric of another object in the cluster (e.g. an Ingress)', zh: '集群中另一个对象的指标（例如某个 Ingress）' },
      External: { en: 'A metric from outside the cluster (e.g. a queue length)', zh: '来自集群外部的指标（例如队列长度）' },
    },
  },
  'V2MetricTarget.type': {
    values: {
      Utilization: { en: 'Average use as a percentage of the Pods\' requests (averageUtilization)', zh: '平均用量占 Pod 请求量的百分比（averageUtilization）' },
      AverageValue: { en: 'Average value per Pod (averageValue)', zh: '每个 Pod 的平均值（averageValue）' },
      Value: { en: 'The metric\'s total value (value)', zh: '指标的总值（value）' },
    },
  },
  'V2HPAScalingPolicy.type': {
    values: {
      Pods: { en: 'Changes at most this many Pods per period', zh: '每个周期最多变更这么多个 Pod' },
      Percent: { en: 'Changes at most this percentage of the current Pods per period', zh: '每个周期最多变更当前 Pod 数的这一百分比' },
    },
  },
  'V2HPAScalingRules.selectPolicy': {
    default: 'Max',
    values: {
      Max: { en: 'Uses the policy that allows the largest change', zh: '采用允许变化最大的策略' },
      Min: { en: 'Uses the policy that allows the smallest change', zh: '采用允许变化最小的策略' },
      Disabled: { en: 'Turns scaling in this direction off', zh: '关闭该方向上的伸缩' },
    },
  },
  'V1MutatingWebhook.failurePolicy': { values: webhookFailurePolicy },
  'V1ValidatingWebhook.failurePolicy': { values: webhookFailurePolicy },
  'V1MutatingWebhook.matchPolicy': { values: webhookMatchPolicy },
  'V1ValidatingWebhook.matchPolicy': { values: webhookMatchPolicy },
  'V1MutatingWebhook.sideEffects': { values: webhookSideEffects },
  'V1ValidatingWebhook.sideEffects': { values: webhookSideEffects },
  'V1MutatingWebhook.reinvocationPolicy': {
    values: {
      Never: { en: 'Called once per request (the default)', zh: '每个请求只调用一次（默认）' },
      IfNeeded: { en: 'Called again when a later webhook changed the object', zh: '之后的 Webhook 修改了对象时再调用一次' },
    },
  },
  'V1RuleWithOperations.operations': {
    values: {
      '*': { en: 'Every operation, including ones added later', zh: '所有操作，包括以后新增的操作' },
      CREATE: { en: 'Creating an object', zh: '创建对象' },
      UPDATE: { en: 'Changing an existing object', zh: '修改已有对象' },
      DELETE: { en: 'Deleting an object', zh: '删除对象' },
      CONNECT: { en: 'Connecting to a subresource (exec, attach, port-forward, proxy)', zh: '连接子资源（exec、attach、port-forward、proxy）' },
    },
  },
  'V1CustomResourceConversion.strategy': {
    values: {
      None: { en: 'Only apiVersion changes between versions; the rest is kept as is', zh: '版本之间只改写 apiVersion，其余内容保持不变' },
      Webhook: { en: 'A webhook converts objects between versions (conversion.webhook)', zh: '由 Webhook 在版本之间转换对象（conversion.webhook）' },
    },
  },
  'V1CustomResourceDefinitionSpec.scope': {
    values: {
      Namespaced: { en: 'Each object lives in a namespace', zh: '每个对象属于某个命名空间' },
      Cluster: { en: 'Objects belong to the whole cluster, with no namespace', zh: '对象属于整个集群，没有命名空间' },
    },
  },
  'V1CSIDriverSpec.fsGroupPolicy': {
    values: {
      ReadWriteOnceWithFSType: { en: 'Changes ownership to fsGroup only for ReadWriteOnce volumes with an fsType (the default)', zh: '只对设置了 fsType 的 ReadWriteOnce 卷按 fsGroup 修改属主（默认）' },
      File: { en: 'Kubernetes may change ownership and permissions to fsGroup on every mount', zh: 'Kubernetes 每次挂载时都可按 fsGroup 修改属主和权限' },
      None: { en: 'Volumes are mounted without any ownership change', zh: '挂载卷时不做任何属主修改' },
    },
  },
  'V1StorageClass.reclaimPolicy': { values: { Retain: reclaimPolicy.Retain!, Delete: reclaimPolicy.Delete! }, default: 'Delete' },
  'V1PersistentVolumeSpec.persistentVolumeReclaimPolicy': { values: reclaimPolicy },
  'V1StorageClass.volumeBindingMode': {
    default: 'Immediate',
    values: {
      Immediate: { en: 'Provisions and binds the volume as soon as the claim is created', zh: 'PVC 创建后立即供应并绑定卷' },
      WaitForFirstConsumer: { en: 'Waits for a Pod that uses the claim, so the volume lands in that Pod\'s zone', zh: '等到有 Pod 使用该 PVC 时再供应，使卷位于该 Pod 所在的可用区' },
    },
  },
  'V1PolicyRule.verbs': {
    values: {
      get: { en: 'Read one object by name', zh: '按名称读取单个对象' },
      list: { en: 'List objects (and read them all: list returns full objects, Secrets included)', zh: '列出对象（列表会返回完整对象，包括 Secret 的内容）' },
      watch: { en: 'Follow changes to objects as they happen', zh: '持续接收对象的变更' },
      create: { en: 'Create new objects', zh: '创建新对象' },
      update: { en: 'Replace an existing object', zh: '替换已有对象' },
      patch: { en: 'Change part of an existing object', zh: '修改已有对象的一部分' },
      delete: { en: 'Delete one object', zh: '删除单个对象' },
      deletecollection: { en: 'Delete many objects in one request', zh: '一次请求删除多个对象' },
      '*': { en: 'Every verb, including ones added later: grant it sparingly', zh: '所有操作，包括以后新增的操作：应谨慎授予' },
    },
  },
  'RbacV1Subject.kind': {
    values: {
      User: { en: 'A person or client identified by the cluster\'s authentication (apiGroup rbac.authorization.k8s.io)', zh: '由集群认证机制识别的用户或客户端（apiGroup 为 rbac.authorization.k8s.io）' },
      Group: { en: 'Every member of a group from the authentication (apiGroup rbac.authorization.k8s.io)', zh: '认证机制给出的某个组中的所有成员（apiGroup 为 rbac.authorization.k8s.io）' },
      ServiceAccount: { en: 'The identity of Pods that run as this service account (needs namespace)', zh: '以该服务账号运行的 Pod 的身份（需要填写 namespace）' },
    },
  },
};

/** The one-line doc of a value of `Definition.field`, when the table has one. */
export function enumValueDoc(key: string, value: string): Localized | undefined {
  const docs = enumDocs[key];
  return docs && Object.prototype.hasOwnProperty.call(docs.values, value) ? docs.values[value] : undefined;
}

/**
 * The value used when the field is left out. A default the table computes from the object wins (it
 * knows the image, the kind); then the schema's default, then the table's.
 */
export function enumDefault(key: string, schemaDefault: string | undefined, object: EnumContext): string | undefined {
  const docs = enumDocs[key];
  if (typeof docs?.default === 'function') return docs.default(object);
  return schemaDefault ?? docs?.default;
}

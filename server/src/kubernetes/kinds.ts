import type { Localized } from '../common/localized';
import type { KindDoc } from './kindDoc';
import { catalogKindDocs } from './kindsCatalog';
import { openShiftKindDocs } from './kindsOpenShift';
import { builtinGroups, splitApiVersion } from './schema/apiVersions';

export type { KindDoc } from './kindDoc';

const k = (apiVersion: string, summary: Localized, common = false): KindDoc => ({ apiVersion, summary, common });

/** Every built-in kind of Kubernetes 1.36 (plus PodSecurityPolicy, removed but still met in old manifests). */
export const kindDocs: Record<string, KindDoc> = {
  // Workloads
  Pod: k('v1', { en: 'The smallest schedulable unit: one or more containers that share a network namespace and volumes, scheduled together onto a node. The kubelet on that node runs it; nothing recreates a bare Pod if it dies, so most Pods come from a workload controller.', zh: '最小的调度单元：一个或多个共享网络命名空间和卷的容器，被一起调度到某个节点上，由该节点的 kubelet 运行。单独创建的 Pod 挂掉后不会被重建，因此大多数 Pod 由工作负载控制器创建。' }, true),
  Deployment: k('apps/v1', { en: 'Runs a stateless application as interchangeable Pods. The Deployment controller manages ReplicaSets: changing the Pod template starts a rolling update (or a Recreate), and earlier revisions stay available for rollback.', zh: '以可互换的 Pod 运行无状态应用。Deployment 控制器通过 ReplicaSet 管理 Pod：修改 Pod 模板会触发滚动更新（或 Recreate 重建），旧的修订版本保留以便回滚。' }, true),
  ReplicaSet: k('apps/v1', { en: 'Keeps a given number of identical Pods running (the ReplicaSet controller replaces any that disappear). Usually owned by a Deployment rather than created directly.', zh: '保持指定数量的相同 Pod 持续运行（ReplicaSet 控制器会补上消失的 Pod）。通常由 Deployment 管理，而不是直接创建。' }, true),
  StatefulSet: k('apps/v1', { en: 'Runs Pods with a stable identity — ordered names (web-0, web-1…), stable DNS names through a headless Service — and a PersistentVolumeClaim per Pod from volumeClaimTemplates. The StatefulSet controller creates, updates and deletes them in order. For databases and clustered software.', zh: '运行具有稳定标识的 Pod：有序名称（web-0、web-1……）、通过无头 Service 获得的稳定 DNS 名称，以及由 volumeClaimTemplates 为每个 Pod 创建的独立 PersistentVolumeClaim。StatefulSet 控制器按顺序创建、更新和删除 Pod。适用于数据库和集群化软件。' }, true),
  DaemonSet: k('apps/v1', { en: 'Runs one Pod on every node, or on every node the selectors and tolerations allow; new nodes get one automatically. For log shippers, monitoring agents, network and storage plugins.', zh: '在每个节点（或选择器和容忍度允许的每个节点）上运行一个 Pod，新加入的节点会自动获得一个。适用于日志采集、监控代理、网络和存储插件。' }, true),
  Job: k('batch/v1', { en: 'Runs Pods until a given number of them finish successfully, retrying failures up to backoffLimit. The Job controller tracks completions; for batch work that runs to completion.', zh: '运行 Pod 直到指定数量的 Pod 成功结束，失败时最多重试 backoffLimit 次。Job 控制器跟踪完成情况，适用于运行到结束的批处理任务。' }, true),
  CronJob: k('batch/v1', { en: 'Creates a Job on a cron schedule (backups, reports, periodic clean-up). The CronJob controller decides what happens when runs overlap (concurrencyPolicy) and how many finished Jobs to keep.', zh: '按 cron 计划创建 Job（备份、报表、定期清理等）。CronJob 控制器根据 concurrencyPolicy 处理重叠的运行，并决定保留多少个已结束的 Job。' }, true),
  HorizontalPodAutoscaler: k('autoscaling/v2', { en: 'Scales the replicas of a Deployment, StatefulSet or ReplicaSet (anything with a scale subresource) between minReplicas and maxReplicas from metrics such as CPU or memory use. The HPA controller in kube-controller-manager reads the metrics API.', zh: '根据 CPU、内存使用率等指标，在 minReplicas 与 maxReplicas 之间自动调整 Deployment、StatefulSet 或 ReplicaSet（任何带 scale 子资源的对象）的副本数。由 kube-controller-manager 中的 HPA 控制器读取指标 API 完成。' }, true),
  ReplicationController: k('v1', { en: 'The legacy predecessor of ReplicaSet: keeps a number of Pods running, with equality-only selectors. Prefer a Deployment.', zh: 'ReplicaSet 的旧版前身：保持一定数量的 Pod 运行，只支持等值选择器。建议改用 Deployment。' }),
  PodTemplate: k('v1', { en: 'A stored Pod template that other objects can copy from. Rarely written by hand: workloads carry their own template.', zh: '一个保存下来的 Pod 模板，供其他对象复制使用。很少手写：工作负载自带模板。' }),
  ControllerRevision: k('apps/v1', { en: 'An immutable snapshot of a StatefulSet or DaemonSet template, kept by their controllers for rollbacks. Not written by hand.', zh: 'StatefulSet 或 DaemonSet 模板的不可变快照，由控制器保存以便回滚。不需要手写。' }),
  // Networking
  Service: k('v1', { en: 'A stable virtual IP and DNS name in front of the Pods its selector matches; kube-proxy (or the network plugin) load-balances between them. Types: ClusterIP (inside the cluster), NodePort, LoadBalancer, ExternalName.', zh: '为其选择器匹配的 Pod 提供稳定的虚拟 IP 和 DNS 名称，由 kube-proxy（或网络插件）在这些 Pod 之间负载均衡。类型有 ClusterIP（集群内部）、NodePort、LoadBalancer 和 ExternalName。' }, true),
  Ingress: k('networking.k8s.io/v1', { en: 'HTTP(S) routing from outside the cluster to Services, by host name and path, with optional TLS. Does nothing on its own: an ingress controller (ingress-nginx, Traefik, a cloud load balancer…) chosen by ingressClassName implements it.', zh: '按主机名和路径把集群外部的 HTTP(S) 流量路由到 Service，可配置 TLS。它本身不做任何事：需要由 ingressClassName 指定的 Ingress 控制器（ingress-nginx、Traefik、云负载均衡器等）来实现。' }, true),
  IngressClass: k('networking.k8s.io/v1', { en: 'Names an ingress controller implementation so Ingresses can pick it with ingressClassName; one can be marked as the cluster default.', zh: '为某个 Ingress 控制器实现命名，Ingress 通过 ingressClassName 选择它；可以将其中一个标记为集群默认。' }),
  NetworkPolicy: k('networking.k8s.io/v1', { en: 'Firewall rules for Pods: which traffic may reach the selected Pods (ingress) and where they may connect (egress). Enforced by the network plugin — without one that supports it, the policy has no effect.', zh: 'Pod 的防火墙规则：哪些流量可以到达被选中的 Pod（入站），以及它们可以连接到哪里（出站）。由网络插件执行——如果网络插件不支持，策略不会生效。' }, true),
  Endpoints: k('v1', { en: 'The addresses behind a Service, kept by the endpoints controller. Deprecated in favour of EndpointSlice; write one only for a selector-less Service.', zh: 'Service 背后的地址列表，由 endpoints 控制器维护。已被 EndpointSlice 取代；只有没有选择器的 Service 才需要手写。' }),
  EndpointSlice: k('discovery.k8s.io/v1', { en: 'A scalable slice of the endpoints of a Service, maintained by the EndpointSlice controller and read by kube-proxy and DNS.', zh: 'Service 端点的可扩展分片，由 EndpointSlice 控制器维护，供 kube-proxy 和 DNS 读取。' }),
  IPAddress: k('networking.k8s.io/v1', { en: 'Records that a Service cluster IP is allocated; managed by the API server. Not written by hand.', zh: '记录某个 Service 集群 IP 已被分配，由 API 服务器管理。不需要手写。' }),
  ServiceCIDR: k('networking.k8s.io/v1', { en: 'An IP range the cluster may allocate Service cluster IPs from.', zh: '集群可用于分配 Service 集群 IP 的 IP 地址段。' }),
  // Configuration and storage
  ConfigMap: k('v1', { en: 'Non-secret configuration as key/value pairs or files, consumed by Pods as environment variables, command arguments or files in a volume.', zh: '以键值对或文件形式保存的非机密配置，Pod 可以通过环境变量、命令参数或卷中的文件来使用。' }, true),
  Secret: k('v1', { en: 'Sensitive data (passwords, tokens, TLS keys) consumed like a ConfigMap. Values under data are base64-encoded, not encrypted; use stringData for plain text.', zh: '敏感数据（密码、令牌、TLS 密钥），使用方式与 ConfigMap 相同。data 中的值只是 base64 编码而非加密；写明文请用 stringData。' }, true),
  PersistentVolumeClaim: k('v1', { en: 'A request for storage of a size and access mode. The PV controller binds it to a matching PersistentVolume or provisions one through the StorageClass; Pods mount the claim.', zh: '对一定容量和访问模式的存储的申请。PV 控制器会把它绑定到匹配的 PersistentVolume，或通过 StorageClass 动态创建一个；Pod 挂载的是这个申请。' }, true),
  PersistentVolume: k('v1', { en: 'A piece of cluster storage (a disk, an NFS share…), provisioned by an administrator or dynamically for a claim. Cluster-scoped.', zh: '集群中的一块存储（磁盘、NFS 共享等），由管理员预先创建或为某个申请动态创建。集群级资源。' }),
  StorageClass: k('storage.k8s.io/v1', { en: 'A kind of storage a cluster offers: the provisioner that creates volumes for claims, its parameters, reclaim policy and binding mode.', zh: '集群提供的一类存储：为申请创建卷的供应器及其参数、回收策略和绑定模式。' }),
  VolumeAttachment: k('storage.k8s.io/v1', { en: 'Records that a CSI volume is to be attached to a node; created by the attach/detach controller. Not written by hand.', zh: '记录某个 CSI 卷需要挂接到某个节点，由挂接/分离控制器创建。不需要手写。' }),
  VolumeAttributesClass: k('storage.k8s.io/v1', { en: 'A set of mutable volume parameters (such as IOPS or throughput) a claim can select and change after creation.', zh: '一组可变的卷参数（如 IOPS 或吞吐量），申请可以选择并在创建后修改。' }),
  CSIDriver: k('storage.k8s.io/v1', { en: 'Describes a CSI volume driver installed in the cluster and how Kubernetes should talk to it.', zh: '描述集群中安装的 CSI 卷驱动，以及 Kubernetes 应如何与之交互。' }),
  CSINode: k('storage.k8s.io/v1', { en: 'The CSI drivers installed on a node; written by the kubelet.', zh: '某个节点上安装的 CSI 驱动，由 kubelet 写入。' }),
  CSIStorageCapacity: k('storage.k8s.io/v1', { en: 'Storage capacity a CSI driver reports for a topology segment, used by the scheduler.', zh: 'CSI 驱动为某个拓扑区域报告的存储容量，供调度器使用。' }),
  // Cluster and access control
  Namespace: k('v1', { en: 'A scope for names, access rules and quotas. Most objects live in one; deleting it deletes everything in it.', zh: '名称、访问规则和配额的作用域。大多数对象都属于某个命名空间；删除命名空间会删除其中的所有对象。' }, true),
  ServiceAccount: k('v1', { en: 'An identity for processes in Pods, used to authenticate to the API server; RBAC bindings grant it permissions.', zh: 'Pod 中进程使用的身份，用于向 API 服务器认证；通过 RBAC 绑定为其授予权限。' }, true),
  Role: k('rbac.authorization.k8s.io/v1', { en: 'A set of permissions (verbs on resources) inside one namespace. Grants nothing until a RoleBinding binds it to users, groups or ServiceAccounts.', zh: '某个命名空间内的一组权限（对资源的操作）。在被 RoleBinding 绑定到用户、组或 ServiceAccount 之前不授予任何权限。' }, true),
  ClusterRole: k('rbac.authorization.k8s.io/v1', { en: 'A set of permissions that can cover cluster-scoped resources and all namespaces; bound with a ClusterRoleBinding (cluster-wide) or a RoleBinding (one namespace).', zh: '一组权限，可以覆盖集群级资源和所有命名空间；通过 ClusterRoleBinding（集群范围）或 RoleBinding（单个命名空间）绑定。' }, true),
  RoleBinding: k('rbac.authorization.k8s.io/v1', { en: 'Grants the permissions of a Role or ClusterRole to subjects (users, groups, ServiceAccounts) within one namespace.', zh: '在某个命名空间内，把 Role 或 ClusterRole 的权限授予主体（用户、组、ServiceAccount）。' }, true),
  ClusterRoleBinding: k('rbac.authorization.k8s.io/v1', { en: 'Grants the permissions of a ClusterRole to subjects across the whole cluster.', zh: '在整个集群范围内把 ClusterRole 的权限授予主体。' }, true),
  ResourceQuota: k('v1', { en: 'Caps the total resources (CPU, memory, storage, object counts) a namespace may use.', zh: '限制一个命名空间可使用的资源总量（CPU、内存、存储、对象数量）。' }),
  LimitRange: k('v1', { en: 'Default, minimum and maximum resource requests and limits for containers and claims in a namespace.', zh: '为命名空间中的容器和存储申请设置默认、最小和最大的资源请求与限制。' }),
  PodDisruptionBudget: k('policy/v1', { en: 'Limits how many Pods of an application voluntary disruptions (node drains, upgrades) may take down at once, with minAvailable or maxUnavailable. The eviction API enforces it.', zh: '通过 minAvailable 或 maxUnavailable 限制自愿中断（节点排空、升级）同时停掉的应用 Pod 数量，由驱逐 API 执行。' }, true),
  PriorityClass: k('scheduling.k8s.io/v1', { en: 'A named priority Pods refer to with priorityClassName: higher-priority Pods are scheduled first and may preempt lower ones.', zh: 'Pod 通过 priorityClassName 引用的命名优先级：高优先级的 Pod 先被调度，并可能抢占低优先级的 Pod。' }),
  RuntimeClass: k('node.k8s.io/v1', { en: 'Selects a container runtime configuration (for example a sandboxed runtime such as gVisor or Kata) for Pods that name it in runtimeClassName.', zh: '为在 runtimeClassName 中引用它的 Pod 选择容器运行时配置（例如 gVisor、Kata 等沙箱运行时）。' }),
  Lease: k('coordination.k8s.io/v1', { en: 'A lightweight lock with a holder and renewal time, used for leader election and node heartbeats.', zh: '带持有者和续约时间的轻量锁，用于领导者选举和节点心跳。' }),
  Node: k('v1', { en: 'A worker machine in the cluster; registered by its kubelet. Usually not written by hand.', zh: '集群中的一台工作机器，由其 kubelet 注册。通常不需要手写。' }),
  Event: k('events.k8s.io/v1', { en: 'A record of something that happened to an object (scheduled, pulled an image, failed…), written by controllers and the kubelet.', zh: '记录某个对象上发生的事情（已调度、已拉取镜像、失败等），由控制器和 kubelet 写入。' }),
  Binding: k('v1', { en: 'Binds a Pod to a node; what the scheduler writes. Not written by hand.', zh: '把 Pod 绑定到节点，由调度器写入。不需要手写。' }),
  // Extension and admission
  CustomResourceDefinition: k('apiextensions.k8s.io/v1', { en: 'Adds a new resource type (a custom resource) to the API, with its OpenAPI v3 schema per version. Operators and add-ons install them.', zh: '向 API 添加一种新的资源类型（自定义资源），并为每个版本定义 OpenAPI v3 模式。通常由 Operator 和扩展组件安装。' }, true),
  APIService: k('apiregistration.k8s.io/v1', { en: 'Registers an API group/version served by an extension API server (metrics-server, for example) behind the main API server.', zh: '注册一个由扩展 API 服务器（例如 metrics-server）提供的 API 组/版本，挂在主 API 服务器之后。' }),
  MutatingWebhookConfiguration: k('admissionregistration.k8s.io/v1', { en: 'Webhooks the API server calls to change objects before they are stored (inject sidecars, set defaults).', zh: 'API 服务器在保存对象之前调用的 Webhook，用于修改对象（注入 sidecar、设置默认值等）。' }),
  ValidatingWebhookConfiguration: k('admissionregistration.k8s.io/v1', { en: 'Webhooks the API server calls to accept or reject objects before they are stored.', zh: 'API 服务器在保存对象之前调用的 Webhook，用于接受或拒绝对象。' }),
  ValidatingAdmissionPolicy: k('admissionregistration.k8s.io/v1', { en: 'In-process admission checks written in CEL, without a webhook; applied through a ValidatingAdmissionPolicyBinding.', zh: '用 CEL 编写、在 API 服务器进程内执行的准入检查，无需 Webhook；通过 ValidatingAdmissionPolicyBinding 生效。' }),
  ValidatingAdmissionPolicyBinding: k('admissionregistration.k8s.io/v1', { en: 'Applies a ValidatingAdmissionPolicy to matching resources, with parameters and the actions to take on failure.', zh: '将 ValidatingAdmissionPolicy 应用到匹配的资源，并指定参数和校验失败时的动作。' }),
  MutatingAdmissionPolicy: k('admissionregistration.k8s.io/v1', { en: 'In-process mutations written in CEL, without a webhook; applied through a MutatingAdmissionPolicyBinding.', zh: '用 CEL 编写、在 API 服务器进程内执行的对象修改，无需 Webhook；通过 MutatingAdmissionPolicyBinding 生效。' }),
  MutatingAdmissionPolicyBinding: k('admissionregistration.k8s.io/v1', { en: 'Applies a MutatingAdmissionPolicy to matching resources.', zh: '将 MutatingAdmissionPolicy 应用到匹配的资源。' }),
  CertificateSigningRequest: k('certificates.k8s.io/v1', { en: 'Asks a signer to issue an X.509 certificate; approved by an administrator or controller, then signed.', zh: '请求签名者签发 X.509 证书；由管理员或控制器批准后签名。' }),
  FlowSchema: k('flowcontrol.apiserver.k8s.io/v1', { en: 'API Priority and Fairness: classifies incoming API requests into priority levels.', zh: 'API 优先级与公平性：把进入的 API 请求归类到不同的优先级。' }),
  PriorityLevelConfiguration: k('flowcontrol.apiserver.k8s.io/v1', { en: 'API Priority and Fairness: how much API server concurrency a priority level gets and how its requests queue.', zh: 'API 优先级与公平性：某个优先级可获得多少 API 服务器并发量，以及其请求如何排队。' }),
  // Dynamic resource allocation
  DeviceClass: k('resource.k8s.io/v1', { en: 'Dynamic resource allocation: a class of devices (GPUs, NICs…) with selectors and configuration that claims can request.', zh: '动态资源分配：一类设备（GPU、网卡等）及其选择器和配置，供资源申请请求使用。' }),
  ResourceClaim: k('resource.k8s.io/v1', { en: 'Dynamic resource allocation: a request for devices that Pods can share; the scheduler allocates matching devices.', zh: '动态资源分配：对设备的申请，可被多个 Pod 共享；由调度器分配匹配的设备。' }),
  ResourceClaimTemplate: k('resource.k8s.io/v1', { en: 'Dynamic resource allocation: a template from which a ResourceClaim is created for each Pod.', zh: '动态资源分配：为每个 Pod 创建 ResourceClaim 所用的模板。' }),
  ResourceSlice: k('resource.k8s.io/v1', { en: 'Dynamic resource allocation: devices a driver publishes as available on nodes. Written by drivers.', zh: '动态资源分配：驱动发布的节点上可用设备，由驱动写入。' }),
  // Reviews (requests to the API server, answered in status)
  TokenReview: k('authentication.k8s.io/v1', { en: 'Asks the API server to authenticate a token; the answer comes back in status.', zh: '请求 API 服务器验证一个令牌，结果在 status 中返回。' }),
  SelfSubjectReview: k('authentication.k8s.io/v1', { en: 'Asks the API server who the caller is authenticated as.', zh: '询问 API 服务器调用者被认证为哪个身份。' }),
  SubjectAccessReview: k('authorization.k8s.io/v1', { en: 'Asks whether a user or group may perform an action; the answer comes back in status.', zh: '询问某个用户或组能否执行某个操作，结果在 status 中返回。' }),
  LocalSubjectAccessReview: k('authorization.k8s.io/v1', { en: 'A SubjectAccessReview limited to one namespace.', zh: '限定在单个命名空间内的 SubjectAccessReview。' }),
  SelfSubjectAccessReview: k('authorization.k8s.io/v1', { en: 'Asks whether the caller may perform an action (what `kubectl auth can-i` sends).', zh: '询问调用者自己能否执行某个操作（即 `kubectl auth can-i` 发送的请求）。' }),
  SelfSubjectRulesReview: k('authorization.k8s.io/v1', { en: 'Lists the actions the caller may perform in a namespace.', zh: '列出调用者在某个命名空间中可执行的操作。' }),
  // Removed, still met in old manifests
  PodSecurityPolicy: k('policy/v1beta1', { en: 'Removed in Kubernetes 1.25. Cluster-wide rules on what Pods may do (privileged, host namespaces, volume types…). Use Pod Security Admission or a policy engine instead.', zh: '已在 Kubernetes 1.25 中移除。它曾在集群范围内规定 Pod 可以做什么（特权、主机命名空间、卷类型等）。请改用 Pod 安全准入或策略引擎。' }),
};

let sortedKindNames: readonly string[] | undefined;

/**
 * Kind names, common ones first, then alphabetical. Sorted on first use, and without
 * `localeCompare`: the process's first one maps ICU's collation data, ~3 MB of memory for the rest
 * of the session and 15 ms (docs/performance.md).
 */
export function kindNames(): readonly string[] {
  sortedKindNames ??= Object.keys(kindDocs).sort((a, b) => {
    const ca = kindDocs[a]!.common ? 0 : 1;
    const cb = kindDocs[b]!.common ? 0 : 1;
    return ca - cb || alphabetical(a, b);
  });
  return sortedKindNames;
}

/** `localeCompare`'s order for ASCII letters and digits: ignoring case, then lower case first (test/unit/kubernetes/kindNames.test.ts). */
function alphabetical(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a > b ? -1 : 1;
}

/**
 * What a kind at an apiVersion is: Kubernetes' own kinds by name (any of their apiVersions), OpenShift's
 * and the catalog's by group (their names repeat: Gateway API's and Istio's Gateway, Knative's Service).
 * A custom group reusing a built-in name gets nothing: it is not ours to describe.
 */
export function kindDocFor(apiVersion: string | undefined, kind: string): KindDoc | undefined {
  const group = apiVersion === undefined ? undefined : splitApiVersion(apiVersion).group;
  if (group !== undefined) {
    const extra = openShiftKindDocs[`${group}/${kind}`] ?? catalogKindDocs[`${group}/${kind}`];
    if (extra) return extra;
  }
  return group === undefined || builtinGroups.has(group) ? kindDocs[kind] : undefined;
}

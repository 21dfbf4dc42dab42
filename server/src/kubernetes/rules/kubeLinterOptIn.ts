import type { KubeRule, KubeRuleMeta } from './context';
import { perObject } from './context';
import { runTemplate, type TemplateParams } from './kubeLinterTemplates';

/**
 * kube-linter's checks that it leaves off unless asked for (`include` in `.kube-linter.yaml`, or
 * `addAllBuiltIn`): here they belong to the `strict` profile, and `include` turns them on under
 * any profile. Each is a kube-linter template (kubeLinterTemplates.ts) with kube-linter's default
 * parameters; other parameters come through a custom check (kubeLinterCustomChecks.ts).
 */

type OptInMeta = Omit<KubeRuleMeta, 'profile' | 'aliases'> & { kubeLinterName: string };

export function optInRule(meta: OptInMeta, template: string, params: TemplateParams = {}): KubeRule {
  const { kubeLinterName, ...rest } = meta;
  return perObject({ ...rest, aliases: [kubeLinterName], profile: 'strict' }, (object, subject, report) => runTemplate(template, params, { object, subject, report }));
}

export const defaultServiceAccountUsed = optInRule({
  id: 'default-service-account-used', kubeLinterName: 'default-service-account', severity: 'info', category: 'security',
  title: { en: 'Pods use the default service account', zh: 'Pod 使用默认服务账号' },
  docs: {
    en: 'The pods name no service account (or `default`) and mount its API token. Every pod of the namespace shares that identity, so a permission granted to one is granted to all. Create a service account per application, or set `automountServiceAccountToken: false` when the pods never call the API.',
    zh: 'Pod 没有指定服务账号（或指定了 `default`），并挂载了它的 API 令牌。命名空间中所有 Pod 共用这个身份，授予其中一个的权限等于授予全部。请为每个应用创建服务账号；如果 Pod 从不调用 API，请设置 `automountServiceAccountToken: false`。',
  },
}, 'service-account', { serviceAccount: '^(|default)$' });

export const dnsConfigOptionMissing = optInRule({
  id: 'dns-config-option-missing', kubeLinterName: 'dnsconfig-options', severity: 'info', category: 'best-practice',
  title: { en: 'DNS option ndots not set', zh: '未设置 DNS 选项 ndots' },
  docs: {
    en: 'With the cluster default of `ndots: 5`, every lookup of an outside name first tries each search domain, multiplying DNS queries. kube-linter asks for `dnsConfig.options` with `ndots: "2"`; a custom check in `.kube-linter.yaml` (template `dnsconfig-options`, parameters `key` and `value`) asks for another option.',
    zh: '集群默认的 `ndots: 5` 会让每次解析外部域名时先逐个尝试搜索域，使 DNS 查询成倍增加。kube-linter 要求在 `dnsConfig.options` 中设置 `ndots: "2"`；在 `.kube-linter.yaml` 中写自定义检查（模板 `dnsconfig-options`，参数 `key` 和 `value`）可以要求其他选项。',
  },
}, 'dnsconfig-options', { key: 'ndots', value: '2' });

export const replicasBelowThree = optInRule({
  id: 'replicas-below-three', kubeLinterName: 'minimum-three-replicas', severity: 'info', category: 'best-practice',
  title: { en: 'Fewer than three replicas', zh: '副本数少于三个' },
  docs: {
    en: 'With one or two replicas, a node failure or a drain during an upgrade can leave the application with no pod or with one overloaded pod. Run at least three. Workloads whose replica count an HorizontalPodAutoscaler manages (no `replicas` field) are left to `hpa-min-replicas-low`. A custom check (template `minimum-replicas`, parameter `minReplicas`) sets another minimum.',
    zh: '只有一两个副本时，节点故障或升级时的排空可能让应用没有可用 Pod，或只剩一个过载的 Pod。请至少运行三个副本。由 HorizontalPodAutoscaler 管理副本数（未写 `replicas` 字段）的工作负载交给 `hpa-min-replicas-low` 检查。自定义检查（模板 `minimum-replicas`，参数 `minReplicas`）可设定其他下限。',
  },
  differences: {
    en: 'A workload that leaves `replicas` out and is the target of an HorizontalPodAutoscaler is not reported: the autoscaler sets the count.',
    zh: '未写 `replicas` 且是 HorizontalPodAutoscaler 目标的工作负载不会被报告：副本数由自动扩缩器决定。',
  },
}, 'minimum-replicas', { minReplicas: 3 });

export const hpaMinReplicasLow = optInRule({
  id: 'hpa-min-replicas-low', kubeLinterName: 'hpa-minimum-three-replicas', severity: 'info', category: 'best-practice',
  title: { en: 'Autoscaler may scale below three replicas', zh: '自动扩缩器可能缩到三个副本以下' },
  docs: {
    en: 'An HorizontalPodAutoscaler (or a KEDA ScaledObject) with `minReplicas` below three (unset means 1) lets quiet hours shrink the application to a single pod, which one node failure takes down. A custom check (template `hpa-minimum-replicas`, parameter `minReplicas`) sets another minimum.',
    zh: '`minReplicas` 小于三（未设置即为 1）的 HorizontalPodAutoscaler（或 KEDA ScaledObject）会在低峰期把应用缩到只剩一个 Pod，一次节点故障就会导致不可用。自定义检查（模板 `hpa-minimum-replicas`，参数 `minReplicas`）可设定其他下限。',
  },
  differences: {
    en: 'KEDA ScaledObjects are read by their `minReplicaCount`.',
    zh: 'KEDA ScaledObject 按其 `minReplicaCount` 读取。',
  },
}, 'hpa-minimum-replicas', { minReplicas: 3 });

export const nodeAffinityMissing = optInRule({
  id: 'node-affinity-missing', kubeLinterName: 'no-node-affinity', severity: 'info', category: 'best-practice',
  title: { en: 'No node affinity', zh: '没有节点亲和性' },
  docs: {
    en: 'The pods carry no `affinity.nodeAffinity`, so the scheduler may place them on any node — including node pools meant for other work (GPU nodes, spot instances). Add node affinity when the cluster has pools with different purposes.',
    zh: 'Pod 没有设置 `affinity.nodeAffinity`，调度器可能把它们放到任何节点上，包括用于其他用途的节点池（GPU 节点、竞价实例）。当集群有不同用途的节点池时，请添加节点亲和性。',
  },
}, 'no-node-affinity');

export const updateStrategyNotRolling = optInRule({
  id: 'update-strategy-not-rolling', kubeLinterName: 'no-rolling-update-strategy', severity: 'info', category: 'best-practice',
  title: { en: 'Update strategy is not a rolling update', zh: '更新策略不是滚动更新' },
  docs: {
    en: 'A Deployment with `strategy.type: Recreate`, or a StatefulSet or DaemonSet with `updateStrategy.type: OnDelete`, does not replace pods gradually: an update stops all of them first (or waits for someone to delete them). Use `RollingUpdate` unless the application cannot run two versions at once. An unset type is a rolling update. A custom check (template `update-configuration`, parameter `strategyTypeRegex`) accepts other types.',
    zh: '`strategy.type: Recreate` 的 Deployment，或 `updateStrategy.type: OnDelete` 的 StatefulSet、DaemonSet，不会逐步替换 Pod：更新时会先停掉全部 Pod（或等待有人手动删除）。除非应用无法同时运行两个版本，否则请使用 `RollingUpdate`。未设置类型即为滚动更新。自定义检查（模板 `update-configuration`，参数 `strategyTypeRegex`）可接受其他类型。',
  },
}, 'update-configuration', { strategyTypeRegex: '^(RollingUpdate|Rolling)$' });

export const podNotIsolated = optInRule({
  id: 'pod-not-isolated', kubeLinterName: 'non-isolated-pod', severity: 'info', category: 'security',
  title: { en: 'No NetworkPolicy selects the pods', zh: '没有 NetworkPolicy 选中这些 Pod' },
  docs: {
    en: 'Pods that no NetworkPolicy selects accept connections from every pod of the cluster, so one compromised pod can reach them. Add a NetworkPolicy (a default-deny policy for the namespace plus the traffic the application needs).',
    zh: '没有被任何 NetworkPolicy 选中的 Pod 会接受集群中所有 Pod 的连接，一个 Pod 被攻破就能访问它们。请添加 NetworkPolicy（命名空间级的默认拒绝策略，再放行应用需要的流量）。',
  },
  differences: {
    en: 'A NetworkPolicy in another file whose pod selector uses only `matchExpressions` counts as selecting the pods (the workspace index keeps `matchLabels`).',
    zh: '其他文件中只使用 `matchExpressions` 的 NetworkPolicy 会被视为选中了这些 Pod（工作区索引只保存 `matchLabels`）。',
  },
}, 'non-isolated-pod');

export const priorityClassNotAccepted = optInRule({
  id: 'priority-class-not-accepted', kubeLinterName: 'priority-class-name', severity: 'info', category: 'best-practice',
  title: { en: 'Priority class not in the accepted list', zh: '优先级类不在允许列表中' },
  docs: {
    en: 'The pods name a `priorityClassName` outside the accepted list. A high priority lets the scheduler evict other pods to make room, so teams usually agree on a few classes. kube-linter accepts `system-cluster-critical` and `system-node-critical`; a custom check (template `priority-class-name`, parameter `acceptedPriorityClassNames`) lists yours. Pods without a priority class are not reported.',
    zh: 'Pod 使用的 `priorityClassName` 不在允许列表中。高优先级会让调度器驱逐其他 Pod 来腾出位置，所以团队通常约定少数几个优先级类。kube-linter 允许 `system-cluster-critical` 和 `system-node-critical`；自定义检查（模板 `priority-class-name`，参数 `acceptedPriorityClassNames`）可列出你们的类。未设置优先级类的 Pod 不会被报告。',
  },
}, 'priority-class-name', { acceptedPriorityClassNames: ['system-cluster-critical', 'system-node-critical'] });

export const secretReadIntoEnv = optInRule({
  id: 'secret-read-into-env', kubeLinterName: 'read-secret-from-env-var', severity: 'info', category: 'security',
  title: { en: 'Secret read into an environment variable', zh: '通过环境变量读取 Secret' },
  docs: {
    en: 'An environment variable takes its value from a Secret (`valueFrom.secretKeyRef`). Environment variables are inherited by child processes and often end up in logs, crash dumps and debug pages. Mount the Secret as a volume and read the file instead (CIS Benchmark 5.4.1).',
    zh: '环境变量的值来自 Secret（`valueFrom.secretKeyRef`）。环境变量会被子进程继承，也常常出现在日志、崩溃转储和调试页面中。请把 Secret 挂载为卷并读取文件（CIS 基准 5.4.1）。',
  },
}, 'read-secret-from-env-var');

export const ownerEmailAnnotationMissing = optInRule({
  id: 'owner-email-annotation-missing', kubeLinterName: 'required-annotation-email', severity: 'info', category: 'best-practice',
  title: { en: 'No email annotation', zh: '缺少 email 注解' },
  docs: {
    en: 'The object has no `email` annotation holding an email address, so whoever finds it in the cluster cannot tell whom to contact. A custom check (template `required-annotation`, parameters `key` and `value`, both regular expressions) requires another annotation.',
    zh: '对象没有包含电子邮件地址的 `email` 注解，在集群中看到它的人无法知道该联系谁。自定义检查（模板 `required-annotation`，参数 `key` 和 `value`，均为正则表达式）可要求其他注解。',
  },
}, 'required-annotation', { key: 'email', value: '[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+' });

export const ownerLabelMissing = optInRule({
  id: 'owner-label-missing', kubeLinterName: 'required-label-owner', severity: 'info', category: 'best-practice',
  title: { en: 'No owner label', zh: '缺少 owner 标签' },
  docs: {
    en: 'The object has no `owner` label, so the team responsible for it cannot be found from the cluster (or selected by cost and alerting tools). A custom check (template `required-label`, parameters `key` and `value`) requires another label.',
    zh: '对象没有 `owner` 标签，无法从集群中找到负责它的团队（成本和告警工具也无法按它筛选）。自定义检查（模板 `required-label`，参数 `key` 和 `value`）可要求其他标签。',
  },
}, 'required-label', { key: 'owner' });

export const restartPolicyNotResilient = optInRule({
  id: 'restart-policy-not-resilient', kubeLinterName: 'restart-policy', severity: 'info', category: 'best-practice',
  title: { en: 'Restart policy is not Always or OnFailure', zh: '重启策略不是 Always 或 OnFailure' },
  docs: {
    en: 'kube-linter wants every pod template to state `restartPolicy: Always` or `OnFailure`, so that a crashed container is restarted. `Never` (and an unset policy, for those who want it written down) is reported.',
    zh: 'kube-linter 要求每个 Pod 模板明确写出 `restartPolicy: Always` 或 `OnFailure`，以便崩溃的容器被重启。`Never`（以及未设置的策略，适合希望显式写明的团队）会被报告。',
  },
}, 'restart-policy');

export const sccAllowsPrivileged = optInRule({
  id: 'scc-allows-privileged', kubeLinterName: 'scc-deny-privileged-container', severity: 'warning', category: 'security',
  title: { en: 'SecurityContextConstraints allow privileged containers', zh: 'SecurityContextConstraints 允许特权容器' },
  docs: {
    en: 'An OpenShift SecurityContextConstraints object with `allowPrivilegedContainer: true` lets every pod admitted under it run privileged, with full access to the node. Grant the specific capabilities needed (`allowedCapabilities`) instead.',
    zh: '设置了 `allowPrivilegedContainer: true` 的 OpenShift SecurityContextConstraints 允许其下准入的所有 Pod 以特权模式运行，可完全访问节点。请改为授予所需的具体能力（`allowedCapabilities`）。',
  },
}, 'scc-deny-privileged-container', { allowPrivilegedContainer: true });

export const keysNotSorted = optInRule({
  id: 'keys-not-sorted', kubeLinterName: 'sorted-keys', severity: 'hint', category: 'style',
  title: { en: 'Keys not in alphabetical order', zh: '键未按字母顺序排列' },
  docs: {
    en: 'Some teams keep every mapping of their manifests in alphabetical order, so diffs and reviews are predictable. Each mapping whose keys are out of order is reported once, at the first misplaced key. A custom check (template `sorted-keys`, parameter `recursive: false`) looks at the top level only.',
    zh: '有些团队让清单中每个映射的键都按字母顺序排列，使差异对比和代码评审更可预期。每个键顺序不对的映射报告一次，位置在第一个放错的键上。自定义检查（模板 `sorted-keys`，参数 `recursive: false`）只检查顶层。',
  },
}, 'sorted-keys', { recursive: true });

export const procMountUnmasked = optInRule({
  id: 'proc-mount-unmasked', kubeLinterName: 'unsafe-proc-mount', severity: 'warning', category: 'security',
  title: { en: 'Unmasked /proc mount', zh: '/proc 以未屏蔽方式挂载' },
  docs: {
    en: '`securityContext.procMount: Unmasked` turns off the container runtime\'s masking of sensitive /proc paths, exposing kernel information and controls to the container. Leave `procMount` unset (`Default`).',
    zh: '`securityContext.procMount: Unmasked` 会关闭容器运行时对 /proc 中敏感路径的屏蔽，把内核信息和控制接口暴露给容器。请不要设置 `procMount`（即 `Default`）。',
  },
}, 'unsafe-proc-mount');

export const defaultNamespaceUsed = optInRule({
  id: 'default-namespace-used', kubeLinterName: 'use-namespace', severity: 'info', category: 'best-practice',
  title: { en: 'Object in the default namespace', zh: '对象位于 default 命名空间' },
  docs: {
    en: 'Workloads and Services in the `default` namespace (or with no namespace, when nothing else sets one) share it with everything else deployed carelessly, and cannot get their own quotas, policies and permissions. Give each application a namespace (CIS Benchmark 5.7.1, 5.7.4).',
    zh: '位于 `default` 命名空间（或未指定命名空间且没有其他工具设置）的工作负载和 Service 会与其他随意部署的对象混在一起，也无法拥有自己的配额、策略和权限。请为每个应用使用独立的命名空间（CIS 基准 5.7.1、5.7.4）。',
  },
}, 'use-namespace');

export const serviceTypeExposed = optInRule({
  id: 'service-type-exposed', kubeLinterName: 'exposed-services', severity: 'info', category: 'security',
  title: { en: 'Service exposed outside the cluster', zh: 'Service 暴露到集群外部' },
  docs: {
    en: 'A Service of type `NodePort` or `LoadBalancer` opens the application to traffic from outside the cluster, bypassing whatever an Ingress or gateway would enforce (TLS, authentication, rate limits). A custom check (template `forbidden-service-types`, parameter `forbiddenServiceTypes`) forbids other types.',
    zh: '`NodePort` 或 `LoadBalancer` 类型的 Service 会把应用开放给集群外部的流量，绕过 Ingress 或网关本应实施的措施（TLS、认证、限流）。自定义检查（模板 `forbidden-service-types`，参数 `forbiddenServiceTypes`）可禁止其他类型。',
  },
}, 'forbidden-service-types', { forbiddenServiceTypes: ['NodePort', 'LoadBalancer'] });

export const networkPolicyPeerSelectsNothing = optInRule({
  id: 'network-policy-peer-selects-nothing', kubeLinterName: 'dangling-networkpolicypeer-podselector', severity: 'info', category: 'semantics',
  title: { en: 'NetworkPolicy peer selects no pods', zh: 'NetworkPolicy 对端未选中任何 Pod' },
  docs: {
    en: 'An ingress `from` or egress `to` peer has a `podSelector` (without a `namespaceSelector`) that matches the pods of no workload in the policy\'s namespace, so the rule allows nothing — often a renamed label. Peers with a `namespaceSelector` point at other namespaces and are not checked.',
    zh: '入站 `from` 或出站 `to` 的某个对端有 `podSelector`（且没有 `namespaceSelector`），但它不匹配策略所在命名空间中任何工作负载的 Pod，因此这条规则什么也没放行，常见原因是标签被改名。带 `namespaceSelector` 的对端指向其他命名空间，不做检查。',
  },
  differences: {
    en: "Besides workloads' pod templates, the labels of custom resources in the namespace count as pods that may exist (an operator's Prometheus or database creates pods labelled like itself), and objects without a namespace may match any namespace.",
    zh: '除了工作负载的 Pod 模板，命名空间中自定义资源的标签也视为可能存在的 Pod（Operator 管理的 Prometheus 或数据库会创建与自身标签相同的 Pod）；没有命名空间的对象可以匹配任意命名空间。',
  },
}, 'dangling-networkpolicypeer-podselector');

export const serviceMonitorSelectsNothing = optInRule({
  id: 'service-monitor-selects-nothing', kubeLinterName: 'dangling-servicemonitor', severity: 'info', category: 'semantics',
  title: { en: 'ServiceMonitor selects no Service', zh: 'ServiceMonitor 未选中任何 Service' },
  docs: {
    en: 'A Prometheus Operator ServiceMonitor whose label selector and namespace selector match no Service of the workspace gives Prometheus nothing to scrape. Check the selector against the Services\' own labels (not their pod selectors).',
    zh: 'Prometheus Operator 的 ServiceMonitor 的标签选择器和命名空间选择器不匹配工作区中任何 Service 时，Prometheus 没有任何目标可抓取。请对照 Service 自身的标签（而不是它的 Pod 选择器）检查选择器。',
  },
  differences: {
    en: "`matchExpressions` are honoured (kube-linter reads `matchLabels` only), and the API server's own `kubernetes` Service in `default` counts as present.",
    zh: '会考虑 `matchExpressions`（kube-linter 只读取 `matchLabels`），并认为 `default` 中 API 服务器自己的 `kubernetes` Service 总是存在。',
  },
}, 'dangling-servicemonitor');

export const envReferenceMissing = optInRule({
  id: 'env-reference-missing', kubeLinterName: 'env-value-from', severity: 'info', category: 'semantics',
  title: { en: 'Environment variable reads a missing Secret or ConfigMap key', zh: '环境变量引用了不存在的 Secret 或 ConfigMap 键' },
  docs: {
    en: 'An environment variable\'s `secretKeyRef` or `configMapKeyRef` names a Secret or ConfigMap that is not in the workspace, or a key it does not have: unless it exists in the cluster, the pod fails to start. `optional: true` references are not reported. A custom check (template `env-value-from`, parameters `ignoredSecrets` and `ignoredConfigMaps`, regular expressions) ignores objects created elsewhere.',
    zh: '环境变量的 `secretKeyRef` 或 `configMapKeyRef` 引用的 Secret 或 ConfigMap 不在工作区中，或者其中没有该键：除非集群中已经存在，否则 Pod 无法启动。`optional: true` 的引用不会被报告。自定义检查（模板 `env-value-from`，参数 `ignoredSecrets` 和 `ignoredConfigMaps`，均为正则表达式）可忽略在别处创建的对象。',
  },
  differences: {
    en: 'The Secret or ConfigMap must be in the same namespace (objects without one match any); those a kustomization generates count, with keys unknown.',
    zh: 'Secret 或 ConfigMap 必须在同一命名空间中（未写命名空间的对象可匹配任意命名空间）；kustomization 生成的对象也计入，但其键未知。',
  },
}, 'env-value-from');

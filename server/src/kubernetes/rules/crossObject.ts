import { isMap, isScalar } from 'yaml';
import { nodeRange, pairOf, scalarAt, seqAt, stringAt, stringMap, mapAt, mapItems, valueOf } from '../yamlNodes';
import type { IndexedObject, WorkspaceView } from '../workspace';
import { perObject, workspaceOf } from './context';
import { objectLabel } from './hostAccess';
import { configReferences } from '../configReferences';

/** Kinds whose pods a Service or PodDisruptionBudget can select. */
export const podOwnerKinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod'];

/**
 * Labels the controllers add to the pods they create, which templates do not show: a Job's pods
 * carry `job-name: <job>`, a StatefulSet's `statefulset.kubernetes.io/pod-name: <set>-<ordinal>`,
 * a Deployment's `pod-template-hash`… Each says whether an owner's pods can carry `key=value`.
 */
const controllerLabels: Record<string, (owner: IndexedObject, value: string) => boolean> = {
  'job-name': (owner, value) => jobNamed(owner, value),
  'batch.kubernetes.io/job-name': (owner, value) => jobNamed(owner, value),
  'controller-uid': (owner) => owner.kind === 'Job' || owner.kind === 'CronJob',
  'batch.kubernetes.io/controller-uid': (owner) => owner.kind === 'Job' || owner.kind === 'CronJob',
  'batch.kubernetes.io/job-completion-index': (owner, value) => (owner.kind === 'Job' || owner.kind === 'CronJob') && /^\d+$/.test(value),
  'statefulset.kubernetes.io/pod-name': (owner, value) => owner.kind === 'StatefulSet' && owner.name !== undefined && value.startsWith(`${owner.name}-`) && /^\d+$/.test(value.slice(owner.name.length + 1)),
  'apps.kubernetes.io/pod-index': (owner, value) => owner.kind === 'StatefulSet' && /^\d+$/.test(value),
  'controller-revision-hash': (owner) => owner.kind === 'StatefulSet' || owner.kind === 'DaemonSet',
  'pod-template-generation': (owner) => owner.kind === 'DaemonSet',
  'pod-template-hash': (owner) => owner.kind === 'Deployment',
};

/** A Job's pods are labelled with its name; a CronJob's Jobs are named `<cronjob>-<scheduled time>`. */
function jobNamed(owner: IndexedObject, value: string): boolean {
  if (owner.name === undefined) return false;
  if (owner.kind === 'Job') return owner.name === value;
  return owner.kind === 'CronJob' && value.startsWith(`${owner.name}-`) && /^\d+$/.test(value.slice(owner.name.length + 1));
}

/** Kinds whose controllers add the labels above. */
const controllerKinds = ['Job', 'CronJob', 'StatefulSet', 'DaemonSet', 'Deployment'];

function ownerCarries(owner: IndexedObject, key: string, value: string): boolean {
  const own = owner.podLabels?.[key];
  if (own !== undefined) return own === value;
  return controllerLabels[key]?.(owner, value) ?? false;
}

/**
 * Workloads of the workspace (and custom resources with a pod template) whose pods carry every
 * label of `selector`, counting the labels controllers add; those that may share the namespace
 * only, nearest first (same file, same folder or kustomization, related folders, the rest).
 */
export function workloadsSelectedBy(view: WorkspaceView, selector: Record<string, string>, namespace: string | undefined): IndexedObject[] {
  const entries = Object.entries(selector);
  if (entries.length === 0) return [];
  const plain = entries.find(([key]) => !controllerLabels[key]);
  const candidates = plain
    ? view.podOwnersWithLabel(plain[0], plain[1])
    : controllerKinds.flatMap((kind) => view.ofKind(kind));
  const selected = candidates.filter((owner) => (owner.customPodOwner || podOwnerKinds.includes(owner.kind))
    && entries.every(([key, value]) => ownerCarries(owner, key, value)));
  return view.nearest(selected, namespace);
}

/**
 * Whether pods matching `selector` may come from something we cannot read, a custom resource (an
 * operator's database, a LeaderWorkerSet…) that may share the namespace and
 * - holds containers whose labels we do not know, deployed with this file (same folder,
 *   kustomization or related folder, or the same namespace named), or
 * - is named by one of the selector's values (operators label pods with their resource's name), or
 * - writes every value of the selector somewhere (a `podMetadata.labels`, a `commonLabels`…).
 */
export function podsMayComeFromElsewhere(view: WorkspaceView, selector: Record<string, string>, namespace: string | undefined): boolean {
  const values = Object.values(selector);
  return view.unknownPodOwners().some((owner) => {
    if (!view.sharesNamespace(owner, namespace)) return false;
    const { hasContainers, mentions } = owner.unknownPodOwner!;
    if (hasContainers && view.sharesNamespace(owner, namespace, true)) return true;
    if (owner.name !== undefined && values.includes(owner.name)) return true;
    return values.every((value) => mentions.includes(value));
  });
}

/** Whether something in the workspace may run pods that `selector` selects: the selector-selects-nothing rules stay quiet then. */
function selectsSomething(view: WorkspaceView, selector: Record<string, string>, namespace: string | undefined): boolean {
  return workloadsSelectedBy(view, selector, namespace).length > 0 || podsMayComeFromElsewhere(view, selector, namespace);
}

export const serviceSelectsNothing = perObject({
  id: 'service-selects-nothing', aliases: ['dangling-service'], kubeLinterDefault: true, severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'Service selects no workload', zh: 'Service 未选中任何工作负载' },
  docs: {
    en: 'No Deployment, StatefulSet, DaemonSet, Job or Pod in the workspace has pod labels matching this Service\'s selector, so the Service has no endpoints and connections to it fail. Check the selector against the pod template labels (a renamed label is the usual cause).',
    zh: '工作区中没有任何 Deployment、StatefulSet、DaemonSet、Job 或 Pod 的 Pod 标签与该 Service 的选择器匹配，因此 Service 没有端点，连接会失败。请对照 Pod 模板标签检查选择器（常见原因是标签被改名）。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'Service' || !object.builtIn || stringAt(object.spec, 'type') === 'ExternalName') return;
  const selectorNode = mapAt(object.spec, 'selector');
  const selector = stringMap(selectorNode);
  if (!selectorNode || Object.keys(selector).length === 0) return;
  if (selectsSomething(workspaceOf(subject), selector, object.namespace)) return;
  const shown = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
  report({
    range: nodeRange(subject.file, pairOf(object.spec, 'selector')?.key ?? selectorNode),
    message: { en: `No workload in the workspace has pods labelled ${shown}; ${objectLabel(object)} has no endpoints.`, zh: `工作区中没有任何工作负载的 Pod 带有标签 ${shown}，${objectLabel(object)} 没有可用端点。` },
  });
});

export const hpaTargetMissing = perObject({
  id: 'hpa-target-missing', aliases: ['dangling-horizontalpodautoscaler'], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'HorizontalPodAutoscaler targets a missing workload', zh: 'HorizontalPodAutoscaler 的目标工作负载不存在' },
  docs: {
    en: 'The `scaleTargetRef` names a workload that is not in the workspace. If it does not exist in the cluster either, the autoscaler does nothing. Check the kind and name.',
    zh: '`scaleTargetRef` 指向的工作负载不在工作区中。如果集群中也不存在，自动扩缩器将不起任何作用。请检查类型和名称。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'HorizontalPodAutoscaler' || !object.builtIn) return;
  const target = mapAt(object.spec, 'scaleTargetRef');
  const kind = stringAt(target, 'kind');
  const nameNode = scalarAt(target, 'name');
  if (!kind || !nameNode || typeof nameNode.value !== 'string') return;
  if (workspaceOf(subject).find(kind, nameNode.value, object.namespace)) return;
  report({
    range: nodeRange(subject.file, nameNode),
    message: { en: `No ${kind} named \`${nameNode.value}\` in the workspace (it may exist in the cluster).`, zh: `工作区中没有名为 \`${nameNode.value}\` 的 ${kind}（它可能存在于集群中）。` },
  });
});

export const statefulsetHeadlessService = perObject({
  id: 'statefulset-headless-service', aliases: [], severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'StatefulSet serviceName without a headless Service', zh: 'StatefulSet 的 serviceName 没有对应的无头 Service' },
  docs: {
    en: 'A StatefulSet\'s `serviceName` must name a headless Service (`clusterIP: None`) that selects its pods: it gives each pod its stable DNS name (`web-0.web`). Without it, or with a Service that has a cluster IP, per-pod DNS does not work.',
    zh: 'StatefulSet 的 `serviceName` 必须指向一个选中其 Pod 的无头 Service（`clusterIP: None`），它为每个 Pod 提供稳定的 DNS 名称（如 `web-0.web`）。缺少该 Service 或 Service 带有集群 IP 时，按 Pod 的 DNS 解析无法工作。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'StatefulSet' || !object.builtIn) return;
  const nameNode = scalarAt(object.spec, 'serviceName');
  if (!nameNode || typeof nameNode.value !== 'string' || nameNode.value === '') return;
  const services = workspaceOf(subject).findAll('Service', nameNode.value, object.namespace);
  if (services.some((service) => service.headless)) return;
  const service = services[0];
  report({
    range: nodeRange(subject.file, nameNode),
    message: service
      ? { en: `Service \`${nameNode.value}\` is not headless; set \`clusterIP: None\` for per-pod DNS names.`, zh: `Service \`${nameNode.value}\` 不是无头 Service，请设置 \`clusterIP: None\` 以获得按 Pod 的 DNS 名称。` }
      : { en: `No Service named \`${nameNode.value}\` in the workspace; the StatefulSet needs a headless Service of that name.`, zh: `工作区中没有名为 \`${nameNode.value}\` 的 Service，StatefulSet 需要一个同名的无头 Service。` },
  });
});

/** Every backend of an Ingress (v1 `service.name/port` and the old `serviceName/servicePort`). */
function ingressBackends(spec: unknown) {
  const backends: unknown[] = [];
  const defaultBackend = valueOf(spec, 'defaultBackend') ?? valueOf(spec, 'backend');
  if (defaultBackend) backends.push(defaultBackend);
  for (const rule of mapItems(seqAt(spec, 'rules'))) {
    for (const path of mapItems(seqAt(mapAt(rule, 'http'), 'paths'))) {
      const backend = valueOf(path, 'backend');
      if (backend) backends.push(backend);
    }
  }
  return backends.filter(isMap).map((backend) => {
    const service = mapAt(backend, 'service');
    const nameNode = service ? scalarAt(service, 'name') : scalarAt(backend, 'serviceName');
    const portNode = service ? (scalarAt(mapAt(service, 'port'), 'number') ?? scalarAt(mapAt(service, 'port'), 'name')) : scalarAt(backend, 'servicePort');
    return { nameNode, portNode };
  });
}

export const ingressBackendMissing = perObject({
  id: 'ingress-backend-missing', aliases: ['dangling-ingress'], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'Ingress backend points to a missing Service or port', zh: 'Ingress 后端指向不存在的 Service 或端口' },
  docs: {
    en: 'An Ingress backend names a Service that is not in the workspace, or a port that the Service does not define. Requests routed there get a 503 from the ingress controller.',
    zh: 'Ingress 后端引用的 Service 不在工作区中，或引用了该 Service 没有定义的端口。路由到这里的请求会从 Ingress 控制器得到 503。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'Ingress' || !object.builtIn) return;
  const view = workspaceOf(subject);
  for (const { nameNode, portNode } of ingressBackends(object.spec)) {
    if (!nameNode || typeof nameNode.value !== 'string') continue;
    const services = view.findAll('Service', nameNode.value, object.namespace);
    const service = services[0];
    if (!service) {
      report({
        range: nodeRange(subject.file, nameNode),
        message: { en: `No Service named \`${nameNode.value}\` in the workspace (it may exist in the cluster).`, zh: `工作区中没有名为 \`${nameNode.value}\` 的 Service（它可能存在于集群中）。` },
      });
      continue;
    }
    if (!isScalar(portNode) || portNode.value === null) continue;
    const port = portNode.value;
    // Equally near Services of that name: any of them may be the one deployed with this Ingress.
    if (services.some((candidate) => (candidate.servicePorts ?? []).some((p) => (typeof port === 'number' ? p.port === port : p.name === port)))) continue;
    report({
      range: nodeRange(subject.file, portNode),
      message: { en: `Service \`${nameNode.value}\` has no port \`${String(port)}\`.`, zh: `Service \`${nameNode.value}\` 没有端口 \`${String(port)}\`。` },
    });
  }
});

export const configReferenceMissing = perObject({
  id: 'config-reference-missing', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'ConfigMap or Secret not in the workspace', zh: 'ConfigMap 或 Secret 不在工作区中' },
  docs: {
    en: 'A pod refers to a ConfigMap or Secret (env, envFrom, volume, image pull secret) that is not defined in the workspace, or to a key it does not contain. It may be created separately in the cluster — if not, the pod will not start. Mark the reference `optional: true` if the pod can run without it.',
    zh: 'Pod 引用了工作区中未定义的 ConfigMap 或 Secret（env、envFrom、卷、镜像拉取凭据），或引用了其中不存在的键。它可能在集群中另行创建；否则 Pod 将无法启动。如果没有它 Pod 也能运行，请将引用标记为 `optional: true`。',
  },
}, (object, subject, report) => {
  const refs = configReferences(object);
  if (refs.length === 0) return;
  const view = workspaceOf(subject);
  for (const ref of refs) {
    if (ref.optional) continue;
    const targets = view.findAll(ref.kind, ref.name, object.namespace);
    const target = targets[0];
    if (!target) {
      report({
        range: nodeRange(subject.file, ref.nameNode),
        message: { en: `${ref.kind} \`${ref.name}\` (${ref.via}) is not in the workspace; it must exist in the cluster.`, zh: `${ref.kind} \`${ref.name}\`（${ref.via}）不在工作区中，它必须已存在于集群中。` },
      });
    } else if (ref.key !== undefined && ref.keyNode && targets.every((t) => t.dataKeys && t.dataKeys.length > 0 && !t.dataKeys.includes(ref.key!))) {
      report({
        range: nodeRange(subject.file, ref.keyNode),
        message: { en: `${ref.kind} \`${ref.name}\` has no key \`${ref.key}\`.`, zh: `${ref.kind} \`${ref.name}\` 中没有键 \`${ref.key}\`。` },
      });
    }
  }
});

export const pdbSelectsNothing = perObject({
  id: 'pdb-selects-nothing', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'PodDisruptionBudget selects no workload', zh: 'PodDisruptionBudget 未选中任何工作负载' },
  docs: {
    en: 'No workload in the workspace has pods matching this PodDisruptionBudget\'s selector, so it protects nothing. Check the selector against the pod template labels.',
    zh: '工作区中没有任何工作负载的 Pod 与该 PodDisruptionBudget 的选择器匹配，因此它不保护任何 Pod。请对照 Pod 模板标签检查选择器。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'PodDisruptionBudget' || !object.builtIn || !object.selector || object.selector.hasExpressions) return;
  const selector = object.selector.matchLabels;
  if (Object.keys(selector).length === 0 || selectsSomething(workspaceOf(subject), selector, object.namespace)) return;
  report({
    range: nodeRange(subject.file, pairOf(object.spec, 'selector')?.key ?? object.selector.node),
    message: { en: `No workload in the workspace has pods matching the selector of ${objectLabel(object)}.`, zh: `工作区中没有任何工作负载的 Pod 匹配 ${objectLabel(object)} 的选择器。` },
  });
});

export const networkPolicySelectsNothing = perObject({
  id: 'network-policy-selects-nothing', aliases: ['dangling-networkpolicy'], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'NetworkPolicy selects no pods', zh: 'NetworkPolicy 未选中任何 Pod' },
  docs: {
    en: 'The `podSelector` of this NetworkPolicy matches no workload in the workspace, so its rules apply to nothing (an empty `podSelector: {}` selects every pod and is fine). A renamed label is the usual cause.',
    zh: '该 NetworkPolicy 的 `podSelector` 没有匹配工作区中的任何工作负载，因此其规则不作用于任何 Pod（空的 `podSelector: {}` 会选中所有 Pod，这没有问题）。常见原因是标签被改名。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'NetworkPolicy' || !object.builtIn) return;
  const podSelector = mapAt(object.spec, 'podSelector');
  const matchLabels = stringMap(mapAt(podSelector, 'matchLabels'));
  if (!podSelector || Object.keys(matchLabels).length === 0 || (seqAt(podSelector, 'matchExpressions')?.items.length ?? 0) > 0) return;
  if (selectsSomething(workspaceOf(subject), matchLabels, object.namespace)) return;
  report({
    range: nodeRange(subject.file, pairOf(object.spec, 'podSelector')?.key ?? podSelector),
    message: { en: `No workload in the workspace has pods matching the podSelector of ${objectLabel(object)}.`, zh: `工作区中没有任何工作负载的 Pod 匹配 ${objectLabel(object)} 的 podSelector。` },
  });
});

export const serviceAccountMissing = perObject({
  id: 'service-account-missing', aliases: ['non-existent-service-account'], kubeLinterDefault: true, severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'ServiceAccount not in the workspace', zh: 'ServiceAccount 不在工作区中' },
  docs: {
    en: 'The pod runs as a ServiceAccount that is not defined in the workspace. Unless it is created separately in the cluster, the pods are never created ("serviceaccount not found"). The `default` account always exists.',
    zh: 'Pod 使用的 ServiceAccount 没有在工作区中定义。除非它在集群中另行创建，否则 Pod 将无法创建（"serviceaccount not found"）。`default` 账号总是存在。',
  },
}, (object, subject, report) => {
  // The deprecated `serviceAccount` still names the account when `serviceAccountName` is absent (the API server copies it over).
  const node = scalarAt(object.workload?.podSpec, 'serviceAccountName') ?? scalarAt(object.workload?.podSpec, 'serviceAccount');
  if (!node || typeof node.value !== 'string' || node.value === 'default' || node.value === '' || /[{}$<>]/.test(node.value)) return;
  if (workspaceOf(subject).find('ServiceAccount', node.value, object.namespace)) return;
  report({
    range: nodeRange(subject.file, node),
    message: { en: `ServiceAccount \`${node.value}\` is not in the workspace; it must exist in the cluster.`, zh: `ServiceAccount \`${node.value}\` 不在工作区中，它必须已存在于集群中。` },
  });
});

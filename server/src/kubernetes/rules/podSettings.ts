import { isScalar, type YAMLMap } from 'yaml';
import { mapAt, mapItems, nodeRange, pairOf, scalarAt, seqAt, stringAt, stringMap, valueOf } from '../yamlNodes';
import type { KubeRule } from './context';
import { byObjects, perObject } from './context';
import { appendToMap, renameKey } from './edits';
import { objectLabel } from './hostAccess';
import { credentialName, credentialValue } from '../../common/secretNames';

const batchKinds = new Set(['Job', 'CronJob']);

export const restartPolicyInvalid = perObject({
  id: 'restart-policy-invalid', fixable: true, aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'restartPolicy not allowed for this kind', zh: '该类型不允许此 restartPolicy' },
  docs: {
    en: 'Jobs and CronJobs must use `restartPolicy: Never` or `OnFailure` (a pod that always restarts never completes). Deployments, ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers only accept `Always`. The API server rejects other values.',
    zh: 'Job 和 CronJob 必须使用 `restartPolicy: Never` 或 `OnFailure`（总是重启的 Pod 永远不会完成）。Deployment、ReplicaSet、StatefulSet、DaemonSet 和 ReplicationController 只接受 `Always`。API 服务器会拒绝其他取值。',
  },
}, (object, { file }, report) => {
  const podSpec = object.workload?.podSpec;
  const node = scalarAt(podSpec, 'restartPolicy');
  if (!node || typeof node.value !== 'string' || object.kind === 'Pod' || object.kind === 'PodTemplate') return;
  const batch = batchKinds.has(object.kind);
  const allowed = batch ? ['Never', 'OnFailure'] : ['Always'];
  if (allowed.includes(node.value)) return;
  const replacement = batch ? 'OnFailure' : 'Always';
  report({
    range: nodeRange(file, node),
    message: { en: `${object.kind} pods must use restartPolicy ${allowed.join(' or ')}, not ${node.value}.`, zh: `${object.kind} 的 Pod 必须使用 restartPolicy ${allowed.join(' 或 ')}，而不是 ${node.value}。` },
    fixes: [{ title: { en: `Use restartPolicy: ${replacement}`, zh: `改为 restartPolicy: ${replacement}` }, edits: [{ range: nodeRange(file, node), newText: replacement }] }],
  });
});

export const noPodAntiAffinity = perObject({
  id: 'no-pod-anti-affinity', aliases: ['no-anti-affinity'], kubeLinterDefault: true, severity: 'info', category: 'best-practice', profile: 'strict',
  title: { en: 'Replicas without pod anti-affinity', zh: '多副本但未设置 Pod 反亲和性' },
  docs: {
    en: 'With several replicas and no pod anti-affinity (or topology spread constraint), the scheduler may put all of them on one node, and losing that node takes the whole app down. Add `podAntiAffinity` or `topologySpreadConstraints` on the hostname or zone. An anti-affinity whose terms look in other namespaces only, or select labels the pods do not carry, does not count.',
    zh: '有多个副本却没有设置 Pod 反亲和性（或拓扑分布约束）时，调度器可能把所有副本放到同一个节点上，该节点故障就会导致整个应用不可用。请按主机名或可用区添加 `podAntiAffinity` 或 `topologySpreadConstraints`。如果反亲和性规则只查看其他命名空间，或选择的标签是这些 Pod 没有的，则不算数。',
  },
}, (object, { file }, report) => {
  // Replicated workloads: the built-in ones, and custom ones with a pod template and replicas
  // (OpenShift DeploymentConfig, Argo Rollouts' Rollout…).
  const replicated = object.builtIn ? ['Deployment', 'StatefulSet', 'ReplicaSet'].includes(object.kind) : object.replicas !== undefined;
  if (!replicated || !object.workload) return;
  if ((object.replicas ?? 1) <= 1) return;
  const podSpec = object.workload.podSpec;
  if ((seqAt(podSpec, 'topologySpreadConstraints')?.items.length ?? 0) > 0) return;
  const antiAffinity = mapAt(podSpec, 'affinity', 'podAntiAffinity');
  if (antiAffinity) {
    const terms = [
      ...mapItems(seqAt(antiAffinity, 'requiredDuringSchedulingIgnoredDuringExecution')),
      ...mapItems(seqAt(antiAffinity, 'preferredDuringSchedulingIgnoredDuringExecution')).map((weighted) => mapAt(weighted, 'podAffinityTerm')),
    ];
    if (terms.some((term) => termCanMatchOwnPods(term, object.namespace, object.workload!.templateLabels))) return;
    const first = pairOf(mapAt(podSpec, 'affinity'), 'podAntiAffinity')?.key;
    report({
      range: nodeRange(file, first ?? object.root),
      message: { en: `No pod anti-affinity term of ${objectLabel(object)} can match its own pods (their namespace or labels), so its ${object.replicas} replicas are not kept apart.`, zh: `${objectLabel(object)} 的 Pod 反亲和性规则都无法匹配它自己的 Pod（命名空间或标签不符），因此其 ${object.replicas} 个副本不会被分开。` },
    });
    return;
  }
  report({
    range: nodeRange(file, pairOf(object.spec, 'replicas')?.key ?? object.root),
    message: { en: `${objectLabel(object)} runs ${object.replicas} replicas with nothing spreading them across nodes.`, zh: `${objectLabel(object)} 运行 ${object.replicas} 个副本，但没有任何设置让它们分散到不同节点。` },
  });
});

/**
 * Whether an anti-affinity term can keep this workload's own replicas apart: it must look in the
 * pods' namespace (no `namespaces`, a `namespaceSelector`, or a list naming it; an object without a
 * namespace may be deployed into any) and select their labels (a term without a label selector
 * selects nothing; expressions and `matchLabelKeys` are taken as matching).
 */
function termCanMatchOwnPods(term: YAMLMap | undefined, namespace: string | undefined, podLabels: Record<string, string>): boolean {
  if (!term) return false;
  const namespaces = (seqAt(term, 'namespaces')?.items ?? []).filter(isScalar).map((item) => String(item.value));
  if (namespaces.length > 0 && namespace !== undefined && !valueOf(term, 'namespaceSelector') && !namespaces.includes(namespace)) return false;
  if (valueOf(term, 'matchLabelKeys')) return true;
  const selector = mapAt(term, 'labelSelector');
  if (!selector) return false;
  if ((seqAt(selector, 'matchExpressions')?.items.length ?? 0) > 0) return true;
  const matchLabels = stringMap(mapAt(selector, 'matchLabels'));
  return Object.entries(matchLabels).every(([key, value]) => podLabels[key] === value);
}

export const serviceAccountFieldDeprecated = perObject({
  id: 'service-account-field-deprecated', fixable: true, aliases: ['deprecated-service-account-field'], kubeLinterDefault: true, severity: 'warning', category: 'best-practice', profile: 'recommended', tag: 'deprecated',
  title: { en: 'Deprecated serviceAccount field', zh: '已弃用的 serviceAccount 字段' },
  docs: {
    en: '`serviceAccount` is a deprecated alias of `serviceAccountName`. Use `serviceAccountName`.',
    zh: '`serviceAccount` 是 `serviceAccountName` 的已弃用别名，请使用 `serviceAccountName`。',
  },
}, (object, { file }, report) => {
  const podSpec = object.workload?.podSpec;
  const pair = pairOf(podSpec, 'serviceAccount');
  if (!pair) return;
  const hasName = pairOf(podSpec, 'serviceAccountName') !== undefined;
  const edit = hasName ? undefined : renameKey(file, pair.key, 'serviceAccountName');
  report({
    range: nodeRange(file, pair.key),
    message: { en: '`serviceAccount` is deprecated; use `serviceAccountName`.', zh: '`serviceAccount` 已弃用，请使用 `serviceAccountName`。' },
    fixes: edit ? [{ title: { en: 'Rename to serviceAccountName', zh: '重命名为 serviceAccountName' }, edits: [edit], safe: true }] : undefined,
  });
});

// Re-exported: the heuristic lives in common/secretNames.ts, shared with Compose's compose-secret-in-environment.
export { credentialName, credentialValue };

export const secretInEnvValue = perObject({
  id: 'secret-in-env-value', aliases: ['env-var-secret'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
  title: { en: 'Secret written in plain env value', zh: '密钥以明文写在环境变量中' },
  docs: {
    en: 'An environment variable whose name suggests a credential has its value written in the manifest: anyone who can read the manifest (or the pod spec) can read it. Store it in a Secret and use `valueFrom.secretKeyRef`. Names are read word by word (`DB_PASSWORD`, `apiKey`); names that describe a setting about a credential — a count, limit, flag, path, name or version such as `MAX_INPUT_TOKENS`, `MYSQL_ALLOW_EMPTY_PASSWORD`, `TOKEN_FILE`, `SECRET_VERSION` — and values that cannot be credentials (booleans, small numbers, file paths, `latest`) are left alone.',
    zh: '名称看起来是凭据的环境变量，其值直接写在了清单中：能读取清单（或 Pod 定义）的人都能看到它。请把它存入 Secret，并使用 `valueFrom.secretKeyRef` 引用。名称按单词判断（`DB_PASSWORD`、`apiKey`）；描述凭据相关设置的名称——数量、上限、开关、路径、名称或版本，如 `MAX_INPUT_TOKENS`、`MYSQL_ALLOW_EMPTY_PASSWORD`、`TOKEN_FILE`、`SECRET_VERSION`——以及不可能是凭据的值（布尔值、较小的数字、文件路径、`latest`）不会被报告。',
  },
}, (object, { file }, report) => {
  for (const container of object.workload?.containers ?? []) {
    for (const item of mapItems(container.env)) {
      const name = stringAt(item, 'name');
      const value = scalarAt(item, 'value');
      if (!name || !value || typeof value.value !== 'string') continue;
      if (!credentialName(name) || !credentialValue(value.value)) continue;
      report({
        range: nodeRange(file, value),
        message: { en: `\`${name}\` looks like a credential but its value is written in plain text; use a Secret.`, zh: `\`${name}\` 看起来是凭据，但其值以明文书写，请改用 Secret。` },
      });
    }
  }
});

export const jobTtlMissing = perObject({
  id: 'job-ttl-missing', fixable: true, aliases: ['job-ttl-seconds-after-finished'], kubeLinterDefault: true, severity: 'info', category: 'best-practice', profile: 'strict',
  title: { en: 'Job without ttlSecondsAfterFinished', zh: 'Job 未设置 ttlSecondsAfterFinished' },
  docs: {
    en: 'A finished Job and its pods stay in the cluster until someone deletes them. Set `spec.ttlSecondsAfterFinished` so they are cleaned up. (CronJobs clean up through their history limits instead.)',
    zh: '已完成的 Job 及其 Pod 会一直留在集群中，直到有人删除它们。请设置 `spec.ttlSecondsAfterFinished` 以便自动清理。（CronJob 通过历史记录上限来清理，不适用此规则。）',
  },
}, (object, { file }, report) => {
  if (object.kind !== 'Job' || !object.builtIn || !object.spec || valueOf(object.spec, 'ttlSecondsAfterFinished') !== undefined) return;
  const edit = appendToMap(file, object.spec, ['ttlSecondsAfterFinished: 3600']);
  report({
    range: nodeRange(file, pairOf(object.root, 'kind')?.value as never ?? object.root),
    message: { en: `${objectLabel(object)} is never cleaned up after it finishes.`, zh: `${objectLabel(object)} 完成后不会被自动清理。` },
    fixes: edit ? [{ title: { en: 'Set ttlSecondsAfterFinished: 3600', zh: '设置 ttlSecondsAfterFinished: 3600' }, edits: [edit] }] : undefined,
  });
});

/** Sysctls Kubernetes considers safe (namespaced, isolated per pod). */
const safeSysctls = new Set([
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem',
]);

export const unsafeSysctl: KubeRule = byObjects({
  meta: {
    id: 'unsafe-sysctl', aliases: ['unsafe-sysctls'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
    title: { en: 'Unsafe sysctl', zh: '不安全的 sysctl' },
    docs: {
      en: 'The pod sets a sysctl outside Kubernetes\' safe set. Unsafe sysctls can affect other pods on the node or the node itself, and the kubelet refuses them unless explicitly allowed.',
      zh: 'Pod 设置了不在 Kubernetes 安全列表中的 sysctl。不安全的 sysctl 可能影响同一节点上的其他 Pod 甚至节点本身，除非显式允许，否则 kubelet 会拒绝它们。',
    },
  },
  checkObjects(objects, { file }, report) {
    for (const object of objects) {
      for (const sysctl of mapItems(seqAt(object.workload?.podSecurityContext, 'sysctls'))) {
        const node = scalarAt(sysctl, 'name');
        if (!isScalar(node) || typeof node.value !== 'string' || safeSysctls.has(node.value)) continue;
        report({ range: nodeRange(file, node), message: { en: `The sysctl \`${node.value}\` is not in Kubernetes' safe set.`, zh: `sysctl \`${node.value}\` 不在 Kubernetes 的安全列表中。` } });
      }
    }
  },
});


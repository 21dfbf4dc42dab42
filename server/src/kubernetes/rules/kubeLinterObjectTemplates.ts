import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Finding } from '../../common/rules';
import type { ObjectFacts } from '../objects';
import { sameNamespace } from '../workspace';
import { mapAt, mapItems, nodeRange, pairOf, scalarAt, seqAt, stringAt } from '../yamlNodes';
import { containerFieldRange, containerLabel } from './containerRules';
import { workspaceOf, type ManifestRuleSubject } from './context';
import { objectLabel } from './hostAccess';
import { listParam, numberParam, objectRange, param, plural, podSpecRange, regex, stringMatcher, stringParam, type KubeLinterTemplate, type TemplateParams } from './kubeLinterParams';

/** kube-linter's templates that look at one object: its pod spec, replicas, strategy, namespace, labels, keys. */

const serviceAccount: KubeLinterTemplate = {
  key: 'service-account',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, params, report }) {
    const podSpec = object.workload!.podSpec;
    if (scalarAt(podSpec, 'automountServiceAccountToken')?.value === false) return;
    const node = scalarAt(podSpec, 'serviceAccountName') ?? scalarAt(podSpec, 'serviceAccount');
    const account = typeof node?.value === 'string' ? node.value : '';
    if (!stringMatcher(stringParam(params, 'serviceAccount'))(account)) return;
    const shown = account || 'default';
    report({
      range: node ? nodeRange(subject.file, node) : podSpecRange(subject, object),
      message: {
        en: `${objectLabel(object)} runs as the service account \`${shown}\`${account ? '' : ' (none is named)'} and gets its API token: give the pods their own service account, or set \`automountServiceAccountToken: false\`.`,
        zh: `${objectLabel(object)} 以服务账号 \`${shown}\` 运行${account ? '' : '（未指定服务账号）'}并获得其 API 令牌：请为 Pod 创建专用的服务账号，或设置 \`automountServiceAccountToken: false\`。`,
      },
    });
  },
};

const dnsConfigOptions: KubeLinterTemplate = {
  key: 'dnsconfig-options',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, params, report }) {
    const key = stringParam(params, 'key');
    const value = stringParam(params, 'value');
    const podSpec = object.workload!.podSpec;
    const dnsConfig = mapAt(podSpec, 'dnsConfig');
    const options = seqAt(dnsConfig, 'options');
    if (mapItems(options).some((o) => stringAt(o, 'name') === key && String(scalarAt(o, 'value')?.value ?? '') === value)) return;
    const wanted = value ? `${key}:${value}` : key;
    report({
      range: options ? nodeRange(subject.file, pairOf(dnsConfig, 'options')!.key as Node) : dnsConfig ? nodeRange(subject.file, pairOf(podSpec, 'dnsConfig')!.key as Node) : podSpecRange(subject, object),
      message: { en: `The pods of ${objectLabel(object)} do not set the DNS option \`${wanted}\` in \`dnsConfig.options\`.`, zh: `${objectLabel(object)} 的 Pod 没有在 \`dnsConfig.options\` 中设置 DNS 选项 \`${wanted}\`。` },
    });
  },
};

const noNodeAffinity: KubeLinterTemplate = {
  key: 'no-node-affinity',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, report }) {
    if (mapAt(object.workload!.podSpec, 'affinity', 'nodeAffinity')) return;
    report({
      range: podSpecRange(subject, object),
      message: { en: `The pods of ${objectLabel(object)} have no node affinity: they may land on any node.`, zh: `${objectLabel(object)} 的 Pod 没有节点亲和性：它们可能被调度到任意节点上。` },
    });
  },
};

const priorityClassName: KubeLinterTemplate = {
  key: 'priority-class-name',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, params, report }) {
    const node = scalarAt(object.workload!.podSpec, 'priorityClassName');
    const name = typeof node?.value === 'string' ? node.value.trim() : '';
    const accepted = listParam(params, 'acceptedPriorityClassNames');
    if (!node || name === '' || accepted.includes(String(node.value))) return;
    report({
      range: nodeRange(subject.file, node),
      message: { en: `Priority class \`${name}\` is not one of the accepted ones (${accepted.join(', ') || '—'}).`, zh: `优先级类 \`${name}\` 不在允许的列表中（${accepted.join('、') || '—'}）。` },
    });
  },
};

const acceptedRestartPolicies = ['Always', 'OnFailure'];

const restartPolicy: KubeLinterTemplate = {
  key: 'restart-policy',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, report }) {
    const node = scalarAt(object.workload!.podSpec, 'restartPolicy');
    const value = typeof node?.value === 'string' ? node.value : '';
    if (acceptedRestartPolicies.includes(value)) return;
    report({
      range: node ? nodeRange(subject.file, node) : podSpecRange(subject, object),
      message: value
        ? { en: `restartPolicy \`${value}\` does not restart failed containers; use Always or OnFailure.`, zh: `restartPolicy \`${value}\` 不会重启失败的容器；请使用 Always 或 OnFailure。` }
        : { en: `The pods of ${objectLabel(object)} do not state a restartPolicy; set Always or OnFailure.`, zh: `${objectLabel(object)} 的 Pod 没有明确设置 restartPolicy；请设为 Always 或 OnFailure。` },
    });
  },
};

const readSecretFromEnvVar: KubeLinterTemplate = {
  key: 'read-secret-from-env-var',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, report }) {
    for (const container of object.workload!.containers) {
      for (const env of mapItems(container.env)) {
        const ref = pairOf(mapAt(env, 'valueFrom'), 'secretKeyRef');
        if (!ref) continue;
        const label = containerLabel(container);
        report({
          range: nodeRange(subject.file, ref.key as Node),
          message: { en: `Environment variable \`${stringAt(env, 'name') ?? '?'}\` of the ${label.en} reads a Secret: environment variables leak into logs, crash reports and child processes; mount the Secret as a file instead.`, zh: `${label.zh}的环境变量 \`${stringAt(env, 'name') ?? '?'}\` 读取了 Secret：环境变量容易泄露到日志、崩溃报告和子进程中；请改为以文件形式挂载 Secret。` },
        });
      }
    }
  },
};

const unsafeProcMount: KubeLinterTemplate = {
  key: 'unsafe-proc-mount',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, report }) {
    for (const container of object.workload!.containers) {
      const node = scalarAt(container.securityContext, 'procMount');
      if (typeof node?.value !== 'string' || node.value.toLowerCase() !== 'unmasked') continue;
      report({
        range: containerFieldRange(subject.file, container, ['securityContext', 'procMount']),
        message: { en: `The ${containerLabel(container).en} sees /proc unmasked (procMount: Unmasked), bypassing the runtime's protection of kernel files.`, zh: `${containerLabel(container).zh}以未屏蔽方式挂载 /proc（procMount: Unmasked），绕过了运行时对内核文件的保护。` },
      });
    }
  },
};

/** Kinds whose `spec.replicas` defaults to 1 when unset (a custom kind's `replicas` may mean anything). */
const replicatedKinds = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DeploymentConfig']);

const minimumReplicas: KubeLinterTemplate = {
  key: 'minimum-replicas',
  scope: ['DeploymentLike'],
  check({ object, subject, params, report }) {
    const pair = pairOf(object.spec, 'replicas');
    if (!pair && !replicatedKinds.has(object.kind)) return;
    const replicas = object.replicas ?? (pair ? undefined : 1);
    if (replicas === undefined) return;
    const minimum = numberParam(params, 'minReplicas', 3);
    if (replicas >= minimum) return;
    // An autoscaler owns the count when `replicas` is left out: its own minimum is what matters.
    if (!pair) {
      const autoscalers = workspaceOf(subject).ofKind('HorizontalPodAutoscaler');
      if (autoscalers.some((a) => sameNamespace(a.namespace, object.namespace) && a.refs?.some((r) => r.kind === object.kind && r.name === object.name))) return;
    }
    report({
      range: pair ? nodeRange(subject.file, pair.key as Node) : objectRange(subject, object),
      message: {
        en: `${objectLabel(object)} runs ${replicas} ${plural(replicas, 'replica', 'replicas')}${pair ? '' : ' (replicas is not set)'}; at least ${minimum} keep it up while a node fails or drains.`,
        zh: `${objectLabel(object)} 只运行 ${replicas} 个副本${pair ? '' : '（未设置 replicas）'}；至少需要 ${minimum} 个，才能在节点故障或排空时保持可用。`,
      },
    });
  },
};

const hpaMinimumReplicas: KubeLinterTemplate = {
  key: 'hpa-minimum-replicas',
  scope: ['HorizontalPodAutoscaler', 'ScaledObject'],
  check({ object, subject, params, report }) {
    const field = object.kind === 'ScaledObject' ? 'minReplicaCount' : 'minReplicas';
    if (object.kind === 'ScaledObject' ? object.group !== 'keda.sh' : object.group !== 'autoscaling') return;
    const pair = pairOf(object.spec, field);
    const value = isScalar(pair?.value) ? Number(pair!.value.value) : 1;
    const minimum = numberParam(params, 'minReplicas', 3);
    if (!Number.isFinite(value) || value >= minimum) return;
    report({
      range: pair ? nodeRange(subject.file, pair.key as Node) : objectRange(subject, object),
      message: {
        en: `${objectLabel(object)} may scale down to ${value} ${plural(value, 'replica', 'replicas')}${pair ? '' : ` (${field} is not set)`}; keep at least ${minimum}.`,
        zh: `${objectLabel(object)} 可能缩容到 ${value} 个副本${pair ? '' : `（未设置 ${field}）`}；请至少保留 ${minimum} 个。`,
      },
    });
  },
};

/** Where each kind keeps its update strategy type, and the type it defaults to. */
const strategyFields: Record<string, { field: string; defaultType: string }> = {
  Deployment: { field: 'strategy', defaultType: 'RollingUpdate' },
  DaemonSet: { field: 'updateStrategy', defaultType: 'RollingUpdate' },
  StatefulSet: { field: 'updateStrategy', defaultType: 'RollingUpdate' },
  DeploymentConfig: { field: 'strategy', defaultType: 'Rolling' },
};

const updateConfiguration: KubeLinterTemplate = {
  key: 'update-configuration',
  scope: ['DeploymentLike'],
  check({ object, subject, params, report }) {
    // Kinds we do not know: whichever of the two fields they have, with no default assumed.
    const known = strategyFields[object.kind];
    const field = known?.field ?? (pairOf(object.spec, 'strategy') ? 'strategy' : pairOf(object.spec, 'updateStrategy') ? 'updateStrategy' : undefined);
    if (!field) return;
    const node = scalarAt(mapAt(object.spec, field), 'type');
    const type = typeof node?.value === 'string' && node.value !== '' ? node.value : known?.defaultType;
    if (type === undefined) return;
    const pattern = stringParam(params, 'strategyTypeRegex', '^(RollingUpdate|Rolling)$');
    const re = regex(pattern);
    if (re && !re.test(type)) {
      report({
        range: node ? nodeRange(subject.file, node) : objectRange(subject, object),
        message: { en: `${objectLabel(object)} updates with the ${type} strategy, not a rolling update (expected ${pattern}): pods go down together during an update.`, zh: `${objectLabel(object)} 使用 ${type} 更新策略，而不是滚动更新（应匹配 ${pattern}）：更新期间 Pod 会同时停止。` },
      });
    }
    checkRollingBounds(object, subject, params, field, pattern, report);
  },
};

/** `25%` or `1`: kube-linter compares a percentage only with a percentage, a count with a count. */
function parseBound(value: unknown): { n: number; percent: boolean } | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  const match = /^(\d+)(%?)$/.exec(text);
  return match ? { n: Number(match[1]), percent: match[2] === '%' } : undefined;
}

/** The custom-check parameters maxPodsUnavailable / minPodsUnavailable / maxSurge / minSurge of `update-configuration`. */
function checkRollingBounds(object: ObjectFacts, subject: ManifestRuleSubject, params: TemplateParams, field: string, pattern: string, report: (finding: Finding) => void): void {
  const bounds = {
    maxUnavailable: { max: parseBound(param(params, 'maxPodsUnavailable')), min: parseBound(param(params, 'minPodsUnavailable')) },
    maxSurge: { max: parseBound(param(params, 'maxSurge')), min: parseBound(param(params, 'minSurge')) },
  };
  const wanted = Object.values(bounds).some((b) => b.max || b.min);
  if (!wanted) return;
  const strategy = mapAt(object.spec, field);
  const rolling = mapAt(strategy, 'rollingUpdate') ?? mapAt(strategy, 'rollingParams');
  if (!rolling) {
    if (/Rolling/.test(pattern)) {
      report({
        range: nodeRange(subject.file, pairOf(object.spec, field)?.key as Node | undefined ?? object.root),
        message: { en: `${objectLabel(object)} defines no rolling update parameters.`, zh: `${objectLabel(object)} 没有定义滚动更新参数。` },
      });
    }
    return;
  }
  for (const [key, { max, min }] of Object.entries(bounds)) {
    if (!max && !min) continue;
    const node = scalarAt(rolling, key);
    if (!node) continue;
    const actual = parseBound(node.value);
    const fits = (bound: { n: number; percent: boolean } | undefined, ok: (a: number, b: number) => boolean) => !bound || (actual !== undefined && actual.percent === bound.percent && ok(actual.n, bound.n));
    if (fits(max, (a, b) => a <= b) && fits(min, (a, b) => a >= b)) continue;
    const wantedText = [min ? `at least ${min.n}${min.percent ? '%' : ''}` : '', max ? `no more than ${max.n}${max.percent ? '%' : ''}` : ''].filter(Boolean).join(' and ');
    const wantedZh = [min ? `至少 ${min.n}${min.percent ? '%' : ''}` : '', max ? `不超过 ${max.n}${max.percent ? '%' : ''}` : ''].filter(Boolean).join('且');
    report({
      range: nodeRange(subject.file, node),
      message: { en: `${key} is ${String(node.value)}; ${wantedText} is required.`, zh: `${key} 为 ${String(node.value)}；要求${wantedZh}。` },
    });
  }
}

const useNamespace: KubeLinterTemplate = {
  key: 'use-namespace',
  scope: ['DeploymentLike', 'Service'],
  check({ object, subject, report }) {
    const namespace = object.namespace ?? 'default';
    if (namespace.toLowerCase() !== 'default') return;
    const node = scalarAt(object.metadata, 'namespace');
    report({
      range: node ? nodeRange(subject.file, node) : objectRange(subject, object),
      message: object.namespace
        ? { en: `${objectLabel(object)} is deployed to the \`default\` namespace; give the application its own namespace.`, zh: `${objectLabel(object)} 部署在 \`default\` 命名空间中；请为应用使用独立的命名空间。` }
        : { en: `${objectLabel(object)} names no namespace, so it lands in \`default\` unless the tool that applies it sets one.`, zh: `${objectLabel(object)} 未指定命名空间，除非部署工具另行设置，否则会落到 \`default\` 中。` },
    });
  },
};

const forbiddenServiceTypes: KubeLinterTemplate = {
  key: 'forbidden-service-types',
  scope: ['Service'],
  check({ object, subject, params, report }) {
    if (!object.builtIn) return;
    const node = scalarAt(object.spec, 'type');
    const type = typeof node?.value === 'string' ? node.value : '';
    for (const forbidden of listParam(params, 'forbiddenServiceTypes')) {
      if (type.toLowerCase() !== forbidden.toLowerCase()) continue;
      report({
        range: nodeRange(subject.file, node!),
        message: { en: `Service type ${type} exposes the pods outside the cluster; use ClusterIP behind an Ingress or gateway where possible.`, zh: `${type} 类型的 Service 会把 Pod 暴露到集群之外；尽量改用 ClusterIP，并通过 Ingress 或网关对外提供。` },
      });
    }
  },
};

function requiredMapEntry(what: 'label' | 'annotation'): KubeLinterTemplate {
  return {
    key: what === 'label' ? 'required-label' : 'required-annotation',
    scope: ['Any'],
    check({ object, subject, params, report }) {
      const key = stringParam(params, 'key');
      const value = stringParam(params, 'value');
      const entries = what === 'label' ? object.labels : object.annotations;
      const keyMatches = stringMatcher(key);
      const valueMatches = stringMatcher(value);
      if (Object.entries(entries).some(([k, v]) => keyMatches(k) && valueMatches(v))) return;
      const shown = `${key}=${value || '<any>'}`;
      const node = what === 'label' ? object.labelsNode : object.annotationsNode;
      const zhWhat = what === 'label' ? '标签' : '注解';
      report({
        range: node ? nodeRange(subject.file, pairOf(object.metadata, what === 'label' ? 'labels' : 'annotations')!.key as Node) : objectRange(subject, object),
        message: { en: `${objectLabel(object)} has no ${what} matching \`${shown}\`.`, zh: `${objectLabel(object)} 没有匹配 \`${shown}\` 的${zhWhat}。` },
      });
    },
  };
}

const sccDenyPrivileged: KubeLinterTemplate = {
  key: 'scc-deny-privileged-container',
  scope: ['SecurityContextConstraints'],
  check({ object, subject, params, report }) {
    if (object.group !== 'security.openshift.io') return;
    const node = scalarAt(object.root, 'allowPrivilegedContainer');
    if (typeof node?.value !== 'boolean') return;
    const flagged = param(params, 'allowPrivilegedContainer');
    if (node.value !== (typeof flagged === 'boolean' ? flagged : true)) return;
    report({
      range: nodeRange(subject.file, node),
      message: { en: `SecurityContextConstraints \`${object.name ?? '?'}\` has allowPrivilegedContainer: ${String(node.value)}.`, zh: `SecurityContextConstraints \`${object.name ?? '?'}\` 设置了 allowPrivilegedContainer: ${String(node.value)}。` },
    });
  },
};

/** Keys of a YAML map as kube-linter reads them (scalars only; merge keys as `<<`). */
function keyText(pair: Pair): string | undefined {
  const key = pair.key as Node | null;
  if (isScalar(key)) return key.value === null ? 'null' : String(key.value);
  return undefined;
}

function checkSorted(node: unknown, path: string, recursive: boolean, out: (pair: Pair, path: string, keys: string[], sorted: string[]) => void): void {
  if (isMap(node)) {
    const keyed = node.items.map((pair) => ({ pair, key: keyText(pair) })).filter((k): k is { pair: Pair; key: string } => k.key !== undefined);
    const keys = keyed.map((k) => k.key);
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const first = keys.findIndex((key, i) => key !== sorted[i]);
    if (first >= 0) out(keyed[first].pair, path || 'root', keys, sorted);
    if (recursive) for (const { pair, key } of keyed) checkSorted(pair.value, path ? `${path}.${key}` : key, recursive, out);
  } else if (isSeq(node) && recursive) {
    node.items.forEach((item, i) => checkSorted(item, `${path}[${i}]`, recursive, out));
  }
}

const sortedKeys: KubeLinterTemplate = {
  key: 'sorted-keys',
  scope: ['Any'],
  check({ object, subject, params, report }) {
    const recursive = param(params, 'recursive') !== false;
    checkSorted(object.root, '', recursive, (pair, path, _keys, sorted) => {
      report({
        range: nodeRange(subject.file, pair.key as Node),
        message: { en: `Keys at ${path} are not in alphabetical order: expected ${sorted.join(', ')}.`, zh: `${path} 下的键未按字母顺序排列：应为 ${sorted.join(', ')}。` },
      });
    });
  },
};

export const objectTemplates: readonly KubeLinterTemplate[] = [serviceAccount, dnsConfigOptions, noNodeAffinity, priorityClassName, restartPolicy, readSecretFromEnvVar, unsafeProcMount, minimumReplicas, hpaMinimumReplicas, updateConfiguration, useNamespace, forbiddenServiceTypes, sccDenyPrivileged, sortedKeys, requiredMapEntry('label'), requiredMapEntry('annotation')];

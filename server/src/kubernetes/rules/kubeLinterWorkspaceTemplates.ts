import { isMap, isScalar, type Node } from 'yaml';
import { describeSelector, fullSelector, fullSelectorMatches, isEmptySelector } from '../labelSelectors';
import { isBuiltInGroup } from '../objects';
import { splitApiVersion } from '../schema';
import { sameNamespace, type WorkspaceView } from '../workspace';
import { mapAt, mapItems, nodeRange, pairOf, scalarAt, seqAt } from '../yamlNodes';
import { containerLabel } from './containerRules';
import { workspaceOf } from './context';
import { objectLabel } from './hostAccess';
import { listParam, objectRange, regex, type KubeLinterTemplate, type TemplateParams } from './kubeLinterParams';

/** kube-linter's templates that look across the workspace: NetworkPolicy peers and isolation, ServiceMonitors, env references. */

/**
 * Labels that pods of the namespace may carry: those of workloads' pod templates, and — since an
 * operator's custom resource (a Prometheus, a RedisFailover…) creates pods we cannot see, usually
 * labelled like the resource itself — the labels of custom resources.
 */
function possiblePodLabels(view: WorkspaceView, namespace: string | undefined): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const object of view.all()) {
    if (!sameNamespace(object.namespace, namespace)) continue;
    if (object.podLabels) out.push(object.podLabels);
    if (!isBuiltInGroup(splitApiVersion(object.apiVersion).group)) out.push(object.labels);
  }
  return out;
}

/** The API server's own Service exists in every cluster (ServiceMonitors of the control plane select it). */
const clusterServices: { namespace: string; labels: Record<string, string> }[] = [{ namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }];

const danglingNetworkPolicyPeer: KubeLinterTemplate = {
  key: 'dangling-networkpolicypeer-podselector',
  scope: ['NetworkPolicy'],
  check({ object, subject, report }) {
    if (object.group !== 'networking.k8s.io') return;
    const view = workspaceOf(subject);
    for (const [direction, field] of [['ingress', 'from'], ['egress', 'to']] as const) {
      for (const rule of mapItems(seqAt(object.spec, direction))) {
        for (const peer of mapItems(seqAt(rule, field))) {
          const podSelectorPair = pairOf(peer, 'podSelector');
          // A namespaceSelector sends the podSelector to other namespaces: nothing to check here.
          if (!podSelectorPair || pairOf(peer, 'namespaceSelector')) continue;
          const selector = fullSelector(isMap(podSelectorPair.value) ? podSelectorPair.value : undefined);
          if (possiblePodLabels(view, object.namespace).some((labels) => fullSelectorMatches(selector, labels))) continue;
          report({
            range: nodeRange(subject.file, podSelectorPair.key as Node),
            message: { en: `No pods in the workspace match this ${direction} peer's podSelector (${describeSelector(selector)}).`, zh: `工作区中没有 Pod 匹配此${direction === 'ingress' ? '入站' : '出站'}对端的 podSelector（${describeSelector(selector)}）。` },
          });
        }
      }
    }
  },
};

const danglingServiceMonitor: KubeLinterTemplate = {
  key: 'dangling-servicemonitor',
  scope: ['ServiceMonitor'],
  check({ object, subject, report }) {
    if (object.group !== 'monitoring.coreos.com') return;
    const selectorNode = mapAt(object.spec, 'selector');
    const selector = fullSelector(selectorNode);
    const nsNode = mapAt(object.spec, 'namespaceSelector');
    const anyNamespace = scalarAt(nsNode, 'any')?.value === true;
    const names = (seqAt(nsNode, 'matchNames')?.items ?? []).filter(isScalar).map((n) => String(n.value));
    const labelSet = !isEmptySelector(selector);
    const nsSet = anyNamespace || names.length > 0;
    const range = nodeRange(subject.file, pairOf(object.spec, 'selector')?.key as Node | undefined ?? pairOf(object.root, 'spec')?.key as Node | undefined ?? object.root);
    if (!labelSet && !nsSet) {
      report({ range, message: { en: 'This ServiceMonitor has neither a label selector nor a namespace selector.', zh: '此 ServiceMonitor 既没有标签选择器，也没有命名空间选择器。' } });
      return;
    }
    const inNamespaces = (service: { namespace?: string }) => anyNamespace || (service.namespace !== undefined && names.includes(service.namespace));
    const services: { namespace?: string; labels: Record<string, string> }[] = [...workspaceOf(subject).ofKind('Service'), ...clusterServices];
    const matched = services.some((service) => (nsSet ? inNamespaces(service) : true) && (!labelSet || fullSelectorMatches(selector, service.labels)));
    if (matched) return;
    const where = nsSet ? (anyNamespace ? 'any namespace' : names.join(', ')) : '';
    report({
      range,
      message: {
        en: `No Service in the workspace matches this ServiceMonitor (labels ${describeSelector(selector)}${where ? `; namespaces ${where}` : ''}): Prometheus scrapes nothing.`,
        zh: `工作区中没有 Service 匹配此 ServiceMonitor（标签 ${describeSelector(selector)}${where ? `；命名空间 ${where === 'any namespace' ? '任意' : where}` : ''}）：Prometheus 不会抓取任何目标。`,
      },
    });
  },
};

function regexList(params: TemplateParams, name: string): RegExp[] {
  return listParam(params, name).map(regex).filter((r): r is RegExp => !!r);
}

const envValueFrom: KubeLinterTemplate = {
  key: 'env-value-from',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, params, report }) {
    const view = workspaceOf(subject);
    const ignored = { Secret: regexList(params, 'ignoredSecrets'), ConfigMap: regexList(params, 'ignoredConfigMaps') };
    for (const container of object.workload!.containers) {
      for (const env of mapItems(container.env)) {
        for (const [field, kind] of [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']] as const) {
          const ref = mapAt(env, 'valueFrom', field);
          const nameNode = scalarAt(ref, 'name');
          if (!ref || typeof nameNode?.value !== 'string' || scalarAt(ref, 'optional')?.value === true) continue;
          const name = nameNode.value;
          if (ignored[kind].some((re) => re.test(name))) continue;
          const target = view.find(kind, name, object.namespace);
          const label = containerLabel(container);
          const zhKind = kind === 'Secret' ? 'Secret' : 'ConfigMap';
          if (!target) {
            report({ range: nodeRange(subject.file, nameNode), message: { en: `The ${label.en} reads ${kind} \`${name}\`, which is not in the workspace.`, zh: `${label.zh}读取的 ${zhKind} \`${name}\` 不在工作区中。` } });
            continue;
          }
          const keyNode = scalarAt(ref, 'key');
          const key = typeof keyNode?.value === 'string' ? keyNode.value : undefined;
          // Generated objects (kustomize generators) have no known keys.
          if (key === undefined || !target.dataKeys || target.dataKeys.includes(key)) continue;
          report({ range: nodeRange(subject.file, keyNode!), message: { en: `${kind} \`${name}\` has no key \`${key}\` (read by the ${label.en}).`, zh: `${zhKind} \`${name}\` 中没有键 \`${key}\`（${label.zh}读取了它）。` } });
        }
      }
    }
  },
};

const nonIsolatedPod: KubeLinterTemplate = {
  key: 'non-isolated-pod',
  scope: ['DeploymentLike'],
  podSpec: true,
  check({ object, subject, report }) {
    const labels = object.workload!.templateLabels;
    const policies = workspaceOf(subject).ofKind('NetworkPolicy').filter((p) => sameNamespace(p.namespace, object.namespace));
    // The index keeps a policy's matchLabels only: an empty one (all pods, or expressions) counts as selecting.
    if (policies.some((p) => Object.entries(p.selector ?? {}).every(([k, v]) => labels[k] === v))) return;
    report({
      range: objectRange(subject, object),
      message: { en: `No NetworkPolicy in the workspace selects the pods of ${objectLabel(object)}: they accept traffic from anywhere.`, zh: `工作区中没有 NetworkPolicy 选中 ${objectLabel(object)} 的 Pod：它们接受来自任何地方的流量。` },
    });
  },
};

export const workspaceTemplates: readonly KubeLinterTemplate[] = [danglingNetworkPolicyPeer, danglingServiceMonitor, envValueFrom, nonIsolatedPod];

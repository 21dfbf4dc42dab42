import { type Node, type Scalar } from 'yaml';
import type { Finding } from '../../common/rules';
import type { ManifestFile } from '../model';
import type { ObjectFacts } from '../objects';
import { splitApiVersion } from '../schema/apiVersions';
import type { IndexedObject, WorkspaceView } from '../workspace';
import { sameNamespace } from '../workspace';
import { mapAt, mapItems, nodeRange, scalarAt, seqAt, stringAt } from '../yamlNodes';
import { perObject, workspaceOf } from './context';

/**
 * References between OpenShift's and the catalog's objects and the objects they point at, checked
 * across the workspace like an Ingress's backends (crossObject.ts): a Route's Services, a
 * BuildConfig's ImageStreams, Gateway API routes' Gateways and Services, a KEDA ScaledObject's
 * target. (A ServiceMonitor's Services: kube-linter's dangling-servicemonitor, kubeLinterOptIn.ts.) A missing object may exist in the cluster, so these
 * are notes (`info`), and only what the workspace can answer is reported.
 */

const groupOf = (object: ObjectFacts) => object.group;
const stringScalar = (node: Scalar | undefined): node is Scalar<string> => !!node && typeof node.value === 'string' && node.value !== '';

function missing(file: ManifestFile, node: Node, kind: string, name: string): Finding {
  return {
    range: nodeRange(file, node),
    message: { en: `No ${kind} named \`${name}\` in the workspace (it may exist in the cluster).`, zh: `工作区中没有名为 \`${name}\` 的 ${kind}（它可能存在于集群中）。` },
  };
}

/** Whether a Service defines a port, by number (`port`, or `targetPort` when `byTarget`) or by name. */
function servicePortMatches(service: IndexedObject, port: string | number, byTarget = false): boolean {
  const ports = service.servicePorts ?? [];
  if (ports.length === 0) return true;
  return ports.some((p) => (typeof port === 'number' ? (byTarget ? (p.targetPort ?? p.port) === port || p.port === port : p.port === port) : p.name === port || p.targetPort === port));
}

function portMissing(file: ManifestFile, node: Node, service: string, port: string | number): Finding {
  return {
    range: nodeRange(file, node),
    message: { en: `Service \`${service}\` has no port \`${String(port)}\`.`, zh: `Service \`${service}\` 没有端口 \`${String(port)}\`。` },
  };
}

// ---------------------------------------------------------------- OpenShift

export const routeServiceMissing = perObject({
  id: 'route-service-missing', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'OpenShift Route points to a missing Service or port', zh: 'OpenShift Route 指向不存在的 Service 或端口' },
  docs: {
    en: 'An OpenShift Route sends traffic to the Service in `spec.to` and to its `alternateBackends`, on the port `spec.port.targetPort` names. When no Service of that name is in the workspace, or the Service has no such port, the router answers 503 — unless the Service is created elsewhere.',
    zh: 'OpenShift Route 会把流量发往 `spec.to` 中的 Service 及其 `alternateBackends`，端口由 `spec.port.targetPort` 指定。如果工作区中没有同名的 Service，或该 Service 没有这个端口，路由器会返回 503——除非该 Service 在别处创建。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'Route' || groupOf(object) !== 'route.openshift.io') return;
  const { file } = subject;
  const view = workspaceOf(subject);
  const backends = [mapAt(object.spec, 'to'), ...mapItems(seqAt(object.spec, 'alternateBackends'))];
  const targetPort = scalarAt(mapAt(object.spec, 'port'), 'targetPort');
  for (const backend of backends) {
    if (!backend || (stringAt(backend, 'kind') ?? 'Service') !== 'Service') continue;
    const nameNode = scalarAt(backend, 'name');
    if (!stringScalar(nameNode)) continue;
    const service = view.find('Service', nameNode.value, object.namespace);
    if (!service) {
      report(missing(file, nameNode, 'Service', nameNode.value));
      continue;
    }
    const port = targetPort?.value;
    if (targetPort && (typeof port === 'string' || typeof port === 'number') && port !== '' && !servicePortMatches(service, port, true)) {
      report(portMissing(file, targetPort, nameNode.value, port));
    }
  }
});

/** `name:tag` of an ImageStreamTag → the ImageStream's name. */
const imageStreamOf = (tag: string) => (tag.includes(':') ? tag.slice(0, tag.lastIndexOf(':')) : tag);

export const buildconfigImagestreamMissing = perObject({
  id: 'buildconfig-imagestream-missing', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'BuildConfig names a missing ImageStream', zh: 'BuildConfig 引用了不存在的 ImageStream' },
  docs: {
    en: 'A BuildConfig that pushes to (`spec.output.to`) or builds from (`spec.strategy.*.from`) an ImageStreamTag needs the ImageStream it belongs to: pushing to a missing one fails the build. Define the ImageStream (`name` before the colon) in the workspace, or create it in the cluster.',
    zh: '推送到（`spec.output.to`）或基于（`spec.strategy.*.from`）某个 ImageStreamTag 构建的 BuildConfig 需要该标签所属的 ImageStream：推送到不存在的镜像流会导致构建失败。请在工作区中定义该 ImageStream（冒号前的名称），或在集群中创建它。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'BuildConfig' || groupOf(object) !== 'build.openshift.io') return;
  const view = workspaceOf(subject);
  const strategy = mapAt(object.spec, 'strategy');
  const refs = [mapAt(object.spec, 'output', 'to')];
  for (const key of ['sourceStrategy', 'dockerStrategy', 'customStrategy']) refs.push(mapAt(strategy, key, 'from'));
  for (const ref of refs) {
    if (!ref || stringAt(ref, 'kind') !== 'ImageStreamTag') continue;
    const nameNode = scalarAt(ref, 'name');
    if (!stringScalar(nameNode)) continue;
    // Another project's image stream (`namespace:` set elsewhere) is not ours to judge.
    const namespace = stringAt(ref, 'namespace') ?? object.namespace;
    if (stringAt(ref, 'namespace') && stringAt(ref, 'namespace') !== object.namespace && object.namespace !== undefined) continue;
    const stream = imageStreamOf(nameNode.value);
    if (view.ofKind('ImageStream').some((o) => o.name === stream && sameNamespace(o.namespace, namespace) && o.apiVersion.startsWith('image.openshift.io/'))) continue;
    report(missing(subject.file, nameNode, 'ImageStream', stream));
  }
});

// ---------------------------------------------------------------- Gateway API

const gatewayGroup = 'gateway.networking.k8s.io';
const gatewayRoutes = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

function isGatewayRoute(object: ObjectFacts): boolean {
  return gatewayRoutes.has(object.kind) && groupOf(object) === gatewayGroup;
}

/** Only Gateway API's Gateway, not Istio's (same kind name). */
function findGateway(view: WorkspaceView, name: string, namespace: string | undefined): IndexedObject | undefined {
  return view.ofKind('Gateway').find((o) => o.name === name && sameNamespace(o.namespace, namespace) && splitApiVersion(o.apiVersion).group === gatewayGroup);
}

export const gatewayRouteParentMissing = perObject({
  id: 'gateway-route-parent-missing', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'Gateway API route attached to a missing Gateway', zh: 'Gateway API 路由挂接到不存在的 Gateway' },
  docs: {
    en: 'A Gateway API route (HTTPRoute, GRPCRoute, TLSRoute…) attaches to the Gateways its `parentRefs` name (kind Gateway unless stated, in the route\'s namespace unless `namespace` is set). A route whose Gateway does not exist is never programmed. Check the name, or create the Gateway.',
    zh: 'Gateway API 路由（HTTPRoute、GRPCRoute、TLSRoute 等）会挂接到 `parentRefs` 指定的 Gateway（未写明 kind 时为 Gateway；未设置 `namespace` 时位于路由所在的命名空间）。如果 Gateway 不存在，路由永远不会生效。请检查名称，或创建该 Gateway。',
  },
}, (object, subject, report) => {
  if (!isGatewayRoute(object)) return;
  const view = workspaceOf(subject);
  for (const ref of mapItems(seqAt(object.spec, 'parentRefs'))) {
    if ((stringAt(ref, 'kind') ?? 'Gateway') !== 'Gateway' || (stringAt(ref, 'group') ?? gatewayGroup) !== gatewayGroup) continue;
    const nameNode = scalarAt(ref, 'name');
    if (!stringScalar(nameNode)) continue;
    if (!findGateway(view, nameNode.value, stringAt(ref, 'namespace') ?? object.namespace)) report(missing(subject.file, nameNode, 'Gateway', nameNode.value));
  }
});

export const gatewayRouteBackendMissing = perObject({
  id: 'gateway-route-backend-missing', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'Gateway API route sends traffic to a missing Service or port', zh: 'Gateway API 路由把流量发往不存在的 Service 或端口' },
  docs: {
    en: 'A Gateway API route\'s `backendRefs` name Services (kind Service in the core group unless stated) and a `port` on them. Requests for a rule whose backend is missing get a 500 from the gateway. Check the name and port, or create the Service.',
    zh: 'Gateway API 路由的 `backendRefs` 指定 Service（未写明时为核心组的 Service）及其 `port`。后端缺失的规则，其请求会从网关得到 500。请检查名称和端口，或创建该 Service。',
  },
}, (object, subject, report) => {
  if (!isGatewayRoute(object)) return;
  const view = workspaceOf(subject);
  const backends = mapItems(seqAt(object.spec, 'rules')).flatMap((rule) => mapItems(seqAt(rule, 'backendRefs')));
  for (const ref of backends) {
    if ((stringAt(ref, 'kind') ?? 'Service') !== 'Service' || (stringAt(ref, 'group') ?? '') !== '') continue;
    const nameNode = scalarAt(ref, 'name');
    if (!stringScalar(nameNode)) continue;
    const service = view.find('Service', nameNode.value, stringAt(ref, 'namespace') ?? object.namespace);
    if (!service) {
      report(missing(subject.file, nameNode, 'Service', nameNode.value));
      continue;
    }
    const portNode = scalarAt(ref, 'port');
    if (portNode && typeof portNode.value === 'number' && !servicePortMatches(service, portNode.value)) report(portMissing(subject.file, portNode, nameNode.value, portNode.value));
  }
});

// ---------------------------------------------------------------- KEDA

export const scaledobjectTargetMissing = perObject({
  id: 'scaledobject-target-missing', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'KEDA ScaledObject targets a missing workload', zh: 'KEDA ScaledObject 的目标工作负载不存在' },
  docs: {
    en: 'A ScaledObject scales the object its `scaleTargetRef` names (a Deployment unless `kind` says otherwise). When it is not in the workspace, and not in the cluster either, KEDA reports an error and scales nothing. Check the kind and name.',
    zh: 'ScaledObject 扩缩 `scaleTargetRef` 指定的对象（未写明 `kind` 时为 Deployment）。如果该对象既不在工作区中也不在集群中，KEDA 会报错且不做任何扩缩。请检查类型和名称。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'ScaledObject' || groupOf(object) !== 'keda.sh') return;
  const target = mapAt(object.spec, 'scaleTargetRef');
  const nameNode = scalarAt(target, 'name');
  if (!stringScalar(nameNode)) return;
  const kind = stringAt(target, 'kind') ?? 'Deployment';
  if (workspaceOf(subject).find(kind, nameNode.value, object.namespace)) return;
  report(missing(subject.file, nameNode, kind, nameNode.value));
});

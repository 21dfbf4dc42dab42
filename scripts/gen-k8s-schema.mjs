// Generates server/src/kubernetes/schema/k8s-1.36.json from the models of @kubernetes/client-node
// (a devDependency, generated from the Kubernetes release-1.36 OpenAPI spec). Build-time only: the
// server reads the committed JSON and never loads client-node.
//
//   node scripts/gen-k8s-schema.mjs           write the JSON
//   node scripts/gen-k8s-schema.mjs --check   exit 1 when the committed JSON is out of date
//
// Sources per model `X`: `dist/gen/models/X.d.ts` carries the JSDoc descriptions and marks optional
// properties with `?` (a property without it is required); `X.js` carries `attributeTypeMap` with each
// property's type and format. The API classes (`dist/gen/apis/<Group><Version>Api.d.ts`) tell which
// models are resource kinds: the body of a `create[Namespaced]<Kind>` call.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(repoRoot, 'server/src/kubernetes/schema/k8s-1.36.json');
const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('@kubernetes/client-node/package.json', { paths: [repoRoot] }));
const modelsDir = path.join(pkgDir, 'dist/gen/models');
const apisDir = path.join(pkgDir, 'dist/gen/apis');

/** API class prefix → API group. Only GA versions (v1, v2) are shipped: alpha/beta APIs are off by default. */
const groups = {
  Core: '', Apps: 'apps', Batch: 'batch', Autoscaling: 'autoscaling', Networking: 'networking.k8s.io',
  RbacAuthorization: 'rbac.authorization.k8s.io', Policy: 'policy', Storage: 'storage.k8s.io',
  Scheduling: 'scheduling.k8s.io', Coordination: 'coordination.k8s.io', Discovery: 'discovery.k8s.io',
  Admissionregistration: 'admissionregistration.k8s.io', Apiextensions: 'apiextensions.k8s.io',
  Certificates: 'certificates.k8s.io', Node: 'node.k8s.io', Events: 'events.k8s.io',
  FlowcontrolApiserver: 'flowcontrol.apiserver.k8s.io', Apiregistration: 'apiregistration.k8s.io',
  Resource: 'resource.k8s.io', Authentication: 'authentication.k8s.io', Authorization: 'authorization.k8s.io',
};

/**
 * Fields whose values are resource.Quantity in the OpenAPI spec (client-node flattens them to string).
 * `Definition.field`; for maps the values are quantities.
 */
const quantityFields = new Set([
  'V1ResourceRequirements.limits', 'V1ResourceRequirements.requests', 'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests', 'V1EmptyDirVolumeSource.sizeLimit', 'V1LimitRangeItem.default',
  'V1LimitRangeItem.defaultRequest', 'V1LimitRangeItem.max', 'V1LimitRangeItem.min', 'V1LimitRangeItem.maxLimitRequestRatio',
  'V1ResourceQuotaSpec.hard', 'V1PersistentVolumeSpec.capacity', 'V1PodSpec.overhead', 'V1Overhead.podFixed',
  'V1ResourceFieldSelector.divisor', 'V2MetricTarget.averageValue', 'V2MetricTarget.value', 'V2HPAScalingRules.tolerance',
  'V1CSIStorageCapacity.capacity', 'V1CSIStorageCapacity.maximumVolumeSize',
  'V1CapacityRequestPolicy.default', 'V1CapacityRequestPolicy.validValues', 'V1CapacityRequestPolicyRange.max',
  'V1CapacityRequestPolicyRange.min', 'V1CapacityRequestPolicyRange.step', 'V1CapacityRequirements.requests',
  'V1Counter.value', 'V1DeviceCapacity.value', 'V1DeviceRequestAllocationResult.consumedCapacity',
]);

/**
 * Checked enum values, `Definition.field` → values. Each value appears in the field's description (a test
 * checks that); they cover fields whose text lists values in prose the extractor below does not trust.
 */
const enumFields = {
  'V1Container.imagePullPolicy': ['Always', 'Never', 'IfNotPresent'],
  'V1EphemeralContainer.imagePullPolicy': ['Always', 'Never', 'IfNotPresent'],
  'V1Container.terminationMessagePolicy': ['File', 'FallbackToLogsOnError'],
  'V1PodSpec.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'V1Container.restartPolicy': ['Always', 'OnFailure', 'Never'],
  'V1PodSpec.dnsPolicy': ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  'V1PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'V1ServiceSpec.type': ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  'V1ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'V1ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'V1ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'V1ServiceSpec.ipFamilyPolicy': ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  'V1ServiceSpec.trafficDistribution': ['PreferClose', 'PreferSameZone', 'PreferSameNode'],
  'V1ServicePort.protocol': ['TCP', 'UDP', 'SCTP'],
  'V1ContainerPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'V1NetworkPolicyPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'DiscoveryV1EndpointPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'CoreV1EndpointPort.protocol': ['TCP', 'UDP', 'SCTP'],
  'V1PersistentVolumeClaimSpec.accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'V1PersistentVolumeSpec.accessModes': ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
  'V1PersistentVolumeClaimSpec.volumeMode': ['Block', 'Filesystem'],
  'V1PersistentVolumeSpec.volumeMode': ['Block', 'Filesystem'],
  'V1PersistentVolumeSpec.persistentVolumeReclaimPolicy': ['Retain', 'Delete', 'Recycle'],
  'V1StorageClass.reclaimPolicy': ['Retain', 'Delete'],
  'V1StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  'V1CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'V1JobSpec.completionMode': ['NonIndexed', 'Indexed'],
  'V1JobSpec.podReplacementPolicy': ['TerminatingOrFailed', 'Failed'],
  'V1DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'V1DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'V1StatefulSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'V1StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenDeleted': ['Retain', 'Delete'],
  'V1StatefulSetPersistentVolumeClaimRetentionPolicy.whenScaled': ['Retain', 'Delete'],
  'V1HTTPIngressPath.pathType': ['Exact', 'Prefix', 'ImplementationSpecific'],
  'V1HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'V1Toleration.operator': ['Exists', 'Equal'],
  'V1Toleration.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'V1Taint.effect': ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
  'V1NodeSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  'V1LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'V1TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'V1TopologySpreadConstraint.nodeAffinityPolicy': ['Honor', 'Ignore'],
  'V1TopologySpreadConstraint.nodeTaintsPolicy': ['Honor', 'Ignore'],
  'V1SeccompProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'V1AppArmorProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'V1SecurityContext.procMount': ['Default', 'Unmasked'],
  'V1PodSecurityContext.fsGroupChangePolicy': ['OnRootMismatch', 'Always'],
  'V1PodSecurityContext.seLinuxChangePolicy': ['MountOption', 'Recursive'],
  'V1VolumeMount.mountPropagation': ['None', 'HostToContainer', 'Bidirectional'],
  'V1VolumeMount.recursiveReadOnly': ['Disabled', 'IfPossible', 'Enabled'],
  'V1HostPathVolumeSource.type': ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  'V1PodFailurePolicyRule.action': ['FailJob', 'FailIndex', 'Ignore', 'Count'],
  'V1PodFailurePolicyOnExitCodesRequirement.operator': ['In', 'NotIn'],
  'V2MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'V2MetricTarget.type': ['Utilization', 'Value', 'AverageValue'],
  'V2HPAScalingPolicy.type': ['Pods', 'Percent'],
  'V2HPAScalingRules.selectPolicy': ['Max', 'Min', 'Disabled'],
  'V1PolicyRule.verbs': ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', '*'],
  'RbacV1Subject.kind': ['User', 'Group', 'ServiceAccount'],
  'V1NetworkPolicySpec.policyTypes': ['Ingress', 'Egress'],
  'V1PodDisruptionBudgetSpec.unhealthyPodEvictionPolicy': ['IfHealthyBudget', 'AlwaysAllow'],
  'V1ScopedResourceSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  'V1ValidatingWebhook.failurePolicy': ['Ignore', 'Fail'],
  'V1MutatingWebhook.failurePolicy': ['Ignore', 'Fail'],
  'V1MutatingWebhook.reinvocationPolicy': ['Never', 'IfNeeded'],
  'V1ValidatingWebhook.sideEffects': ['None', 'NoneOnDryRun'],
  'V1MutatingWebhook.sideEffects': ['None', 'NoneOnDryRun'],
  'V1ValidatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  'V1MutatingWebhook.matchPolicy': ['Exact', 'Equivalent'],
  'V1RuleWithOperations.operations': ['*', 'CREATE', 'UPDATE', 'DELETE', 'CONNECT'],
  'V1CustomResourceDefinitionSpec.scope': ['Cluster', 'Namespaced'],
  'V1CustomResourceConversion.strategy': ['None', 'Webhook'],
  'V1PriorityClass.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'V1ResourceFieldSelector.resource': ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'],
  'V1ContainerResizePolicy.restartPolicy': ['NotRequired', 'RestartContainer'],
  'V1ContainerResizePolicy.resourceName': ['cpu', 'memory'],
  'V1CSIDriverSpec.fsGroupPolicy': ['ReadWriteOnceWithFSType', 'File', 'None'],
};

/** Defaults the API states in prose the extractor does not read ("Default is …", "defaults to …"). */
const defaultFields = {
  'V1ServicePort.protocol': 'TCP',
  'V1StatefulSetSpec.replicas': '1',
  'V1StatefulSetSpec.podManagementPolicy': 'OrderedReady',
  'V1StatefulSetSpec.revisionHistoryLimit': '10',
  'V1StatefulSetUpdateStrategy.type': 'RollingUpdate',
  'V1DeploymentStrategy.type': 'RollingUpdate',
  'V1DaemonSetUpdateStrategy.type': 'RollingUpdate',
  'V1DeploymentSpec.progressDeadlineSeconds': '600',
  'V1Probe.timeoutSeconds': '1',
  'V1CronJobSpec.concurrencyPolicy': 'Allow',
  'V1JobSpec.completionMode': 'NonIndexed',
  'V1ServiceSpec.externalTrafficPolicy': 'Cluster',
  'V1ServiceSpec.internalTrafficPolicy': 'Cluster',
  'V1PodSpec.schedulerName': 'default-scheduler',
  'V1PersistentVolumeClaimSpec.volumeMode': 'Filesystem',
  'V2HorizontalPodAutoscalerSpec.minReplicas': '1',
  'V1HorizontalPodAutoscalerSpec.minReplicas': '1',
  'V1RollingUpdateDeployment.maxSurge': '25%',
  'V1RollingUpdateDeployment.maxUnavailable': '25%',
  'V1RollingUpdateDaemonSet.maxSurge': '0',
  'V1RollingUpdateDaemonSet.maxUnavailable': '1',
  'V1RollingUpdateStatefulSetStrategy.maxUnavailable': '1',
};

/**
 * client-node documents IntOrString fields with the generic text of the IntOrString type, which says
 * nothing about the field. These are our own descriptions for them.
 */
const intOrStringDescriptions = {
  'V1HTTPGetAction.port': 'Port to send the HTTP request to on the container: a number (1-65535) or the name of a container port (an IANA_SVC_NAME).',
  'V1TCPSocketAction.port': 'Port to open a TCP connection to on the container: a number (1-65535) or the name of a container port (an IANA_SVC_NAME).',
  'V1NetworkPolicyPort.port': 'Port on the given protocol: a number or a named port on a pod. When omitted, every port matches.',
  'V1PodDisruptionBudgetSpec.maxUnavailable': 'An eviction is allowed if at most this many selected pods are unavailable after it: an absolute number or a percentage such as "20%". Mutually exclusive with minAvailable.',
  'V1PodDisruptionBudgetSpec.minAvailable': 'An eviction is allowed if at least this many selected pods are still available after it: an absolute number or a percentage such as "50%". Mutually exclusive with maxUnavailable.',
  'V1RollingUpdateDaemonSet.maxSurge': 'How many nodes may run an updated pod next to the old one during an update: an absolute number or a percentage of the desired pods (rounded up). Defaults to 0.',
  'V1RollingUpdateDaemonSet.maxUnavailable': 'How many DaemonSet pods may be unavailable during an update: an absolute number or a percentage of the desired pods (rounded up). Defaults to 1.',
  'V1RollingUpdateDeployment.maxSurge': 'How many pods may be created above the desired number during a rolling update: an absolute number or a percentage of the desired pods (rounded up). Cannot be 0 if maxUnavailable is 0. Defaults to 25%.',
  'V1RollingUpdateDeployment.maxUnavailable': 'How many pods may be unavailable during a rolling update: an absolute number or a percentage of the desired pods (rounded down). Cannot be 0 if maxSurge is 0. Defaults to 25%.',
  'V1RollingUpdateStatefulSetStrategy.maxUnavailable': 'How many pods may be unavailable during an update: an absolute number or a percentage of the desired pods (rounded up). Defaults to 1.',
  'V1ServicePort.targetPort': 'Port to reach on the pods the Service selects: a number or the name of a port in the pods\' containers. Defaults to the value of port.',
};

/** Maps whose values are base64 (format byte in the OpenAPI spec; client-node drops the format). */
const byteMaps = new Set(['V1Secret.data', 'V1ConfigMap.binaryData']);

/** Fields that stay but whose content we do not ship: the API server fills them, manifests never should. */
const serverOwned = new Set(['status']);

function unescape(text) {
  return text.replace(/\\(['"\\])/g, '$1').replace(/\s+/g, ' ').trim();
}

/** JSDoc text of the class and of each property, and which properties are required, from a model's .d.ts. */
function readDeclaration(name) {
  const text = readFileSync(path.join(modelsDir, `${name}.d.ts`), 'utf8');
  const classMatch = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export declare class/.exec(text);
  const description = classMatch ? unescape(classMatch[1].replace(/^\s*\*/gm, '')) : undefined;
  const props = new Map();
  const body = text.slice(text.indexOf('export declare class'));
  const propRe = /(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?'([^']+)'(\??):/g;
  for (let m = propRe.exec(body); m; m = propRe.exec(body)) {
    const doc = m[1] ? unescape(m[1].replace(/^\s*\*/gm, '')) : undefined;
    props.set(m[2], { description: doc, required: m[3] !== '?' });
  }
  return { description, props };
}

const modelNames = new Set(readdirSync(modelsDir).filter((f) => f.endsWith('.d.ts')).map((f) => f.slice(0, -5)));

/** Compact type string: `#Ref`, `[]T`, `{}T`, `string`, `string:date-time`, `integer:int32`, … */
function typeString(type, format, quantity) {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return `[]${typeString(array[1], '', quantity)}`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return `{}${typeString(map[1], '', quantity)}`;
  if (quantity && type === 'string') return 'quantity';
  switch (type) {
    case 'string': return format === 'byte' || format === 'date-time' ? `string:${format}` : 'string';
    case 'number': return format === 'int32' || format === 'int64' ? `integer:${format}` : 'number:double';
    case 'boolean': return 'boolean';
    case 'Date': return 'string:date-time';
    case 'V1MicroTime': return 'string:date-time';
    case 'IntOrString': return 'int-or-string';
    case 'any': return 'any';
    default:
      if (modelNames.has(type)) return `#${type}`;
      throw new Error(`unknown type ${type}`);
  }
}

/** Values listed as "One of A, B, C." when every one looks like an enum constant. */
function enumFromText(text) {
  const m = /\bOne of:? ((?:"?[A-Z][A-Za-z0-9]*"?,? (?:or )?)+"?[A-Z][A-Za-z0-9]*"?)\./.exec(text ?? '');
  if (!m) return undefined;
  const values = m[1].split(/,\s*|\s+or\s+|\s+/).map((v) => v.replace(/"/g, '')).filter((v) => v && v !== 'or');
  return values.length >= 2 && values.every((v) => /^[A-Z][A-Za-z0-9]*$/.test(v)) ? values : undefined;
}

/** "Defaults to X." when unconditional and X is a plain token. */
function defaultFromText(text) {
  const m = /\bDefaults? to (?:\\?")?([A-Za-z0-9][A-Za-z0-9_./%-]*?)(?:\\?")?(\.(?:\s|$)|,|;| \(|\s*$| seconds?| if| when| for| unless| and| on| but)/.exec(text ?? '');
  if (!m || /^(if|when|unless)$/.test(m[2].trim())) return undefined;
  const value = m[1].replace(/\.$/, '');
  if (/^(the|a|an|empty|true\.|false\.)$/i.test(value)) return value.toLowerCase() === 'empty' ? undefined : m[1] === 'true' || m[1] === 'false' ? m[1] : undefined;
  return value;
}

async function loadModel(name) {
  const mod = await import(pathToFileURL(path.join(modelsDir, `${name}.js`)).href);
  return mod[name];
}

/** Resource kinds per apiVersion, from the create calls of the GA API classes. */
function discoverKinds() {
  const kinds = [];
  for (const file of readdirSync(apisDir).filter((f) => f.endsWith('Api.d.ts')).sort()) {
    const m = /^([A-Z][a-zA-Z]*?)(V[12])Api\.d\.ts$/.exec(file);
    if (!m || !(m[1] in groups)) continue;
    const group = groups[m[1]];
    const apiVersion = group ? `${group}/${m[2].toLowerCase()}` : m[2].toLowerCase();
    const text = readFileSync(path.join(apisDir, file), 'utf8');
    const createRe = /\n {4}create(Namespaced)?([A-Z]\w*)\([^)]*?body: (\w+)/g;
    for (let c = createRe.exec(text); c; c = createRe.exec(text)) {
      const model = c[3];
      const kind = model.replace(/^[A-Z][a-z]*?V\d(?:(?:alpha|beta)\d)?(?=[A-Z])|^V\d(?=[A-Z])/, '');
      if (kind !== c[2]) continue; // a subresource (pods/eviction, serviceaccounts/token)
      if (!kinds.some((k) => k.apiVersion === apiVersion && k.kind === kind)) kinds.push({ apiVersion, kind, model, namespaced: !!c[1] });
    }
  }
  return kinds.sort((a, b) => (a.apiVersion + a.kind).localeCompare(b.apiVersion + b.kind));
}

export async function generateSchema() {
  const kinds = discoverKinds();
  const defs = {};
  const queue = kinds.map((k) => k.model);
  while (queue.length) {
    const name = queue.shift();
    if (defs[name]) continue;
    const cls = await loadModel(name);
    const decl = readDeclaration(name);
    const def = {};
    if (decl.description) def.d = decl.description;
    const props = {};
    const required = [];
    for (const attr of cls.attributeTypeMap) {
      const field = attr.baseName;
      const info = decl.props.get(attr.name) ?? decl.props.get(field) ?? { required: false };
      const key = `${name}.${field}`;
      const isStatus = serverOwned.has(field) && kinds.some((k) => k.model === name);
      let t = isStatus ? 'any' : typeString(attr.type, attr.format, quantityFields.has(key));
      if (byteMaps.has(key)) t = '{}string:byte';
      const prop = { t };
      // client-node drops the description of fields that point at another model (`spec`, `strategy`,
      // `livenessProbe`…): such fields take the description of the model they point at.
      const target = /^(?:\[\]|\{\})?#(\w+)$/.exec(t)?.[1];
      const description = attr.type === 'IntOrString' ? intOrStringDescriptions[key]
        : info.description ?? (target ? readDeclaration(target).description : undefined);
      if (description) prop.d = description;
      const values = enumFields[key] ?? enumFromText(description);
      if (values) prop.e = values;
      const dflt = key in defaultFields ? defaultFields[key] : defaultFromText(description);
      if (dflt !== undefined) prop.df = dflt;
      props[field] = prop;
      if (info.required) required.push(field);
      for (const ref of t.matchAll(/#(\w+)/g)) if (!defs[ref[1]]) queue.push(ref[1]);
    }
    def.p = props;
    if (required.length) def.r = required;
    defs[name] = def;
  }
  const sortedDefs = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  const schema = {
    version: '1.36',
    source: '@kubernetes/client-node models (OpenAPI spec release-1.36)',
    kinds: kinds.map((k) => [k.apiVersion, k.kind, k.model, k.namespaced ? 1 : 0]),
    defs: sortedDefs,
  };
  return `${JSON.stringify(schema)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await generateSchema();
  if (process.argv.includes('--check')) {
    const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    if (current !== text) {
      console.error(`gen-k8s-schema: ${path.relative(repoRoot, outFile)} is out of date; run node scripts/gen-k8s-schema.mjs`);
      process.exit(1);
    }
    console.log('gen-k8s-schema: up to date');
  } else {
    writeFileSync(outFile, text);
    console.log(`gen-k8s-schema: wrote ${path.relative(repoRoot, outFile)} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
}

import type { Localized } from '../../common/localized';
import type { ApiVersionInfo } from './types';

/**
 * apiVersions that Kubernetes deprecated or stopped serving, per kind. Facts from the Kubernetes
 * deprecated-API migration guide; `removedIn` is the first release that no longer serves it.
 */
interface RetiredApi {
  apiVersion: string;
  kinds: readonly string[];
  removedIn?: string;
  deprecatedIn?: string;
  /** Per kind when kinds moved to different groups (extensions/v1beta1). */
  replacement: string | Readonly<Record<string, string>> | undefined;
  note?: Localized;
}

const pspNote: Localized = {
  en: 'PodSecurityPolicy has no successor API: use Pod Security Admission (pod-security.kubernetes.io/* labels on namespaces) or a policy engine.',
  zh: 'PodSecurityPolicy 没有后继 API：请改用 Pod 安全准入（在命名空间上设置 pod-security.kubernetes.io/* 标签）或策略引擎。',
};

export const removedApiVersions: readonly RetiredApi[] = [
  {
    apiVersion: 'extensions/v1beta1', removedIn: '1.16',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'NetworkPolicy', 'PodSecurityPolicy'],
    replacement: { Deployment: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', NetworkPolicy: 'networking.k8s.io/v1', PodSecurityPolicy: 'policy/v1beta1' },
  },
  // Ingress stayed in extensions/v1beta1 until 1.22.
  { apiVersion: 'extensions/v1beta1', removedIn: '1.22', kinds: ['Ingress'], replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'apps/v1beta1', removedIn: '1.16', kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ControllerRevision'], replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', removedIn: '1.16', kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], replacement: 'apps/v1' },
  { apiVersion: 'batch/v1beta1', removedIn: '1.25', kinds: ['CronJob'], replacement: 'batch/v1' },
  { apiVersion: 'batch/v2alpha1', removedIn: '1.21', kinds: ['CronJob'], replacement: 'batch/v1' },
  { apiVersion: 'autoscaling/v2beta1', removedIn: '1.25', kinds: ['HorizontalPodAutoscaler'], replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v2beta2', removedIn: '1.26', kinds: ['HorizontalPodAutoscaler'], replacement: 'autoscaling/v2' },
  { apiVersion: 'policy/v1beta1', removedIn: '1.25', kinds: ['PodDisruptionBudget'], replacement: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', removedIn: '1.25', kinds: ['PodSecurityPolicy'], replacement: undefined, note: pspNote },
  { apiVersion: 'networking.k8s.io/v1beta1', removedIn: '1.22', kinds: ['Ingress', 'IngressClass'], replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', removedIn: '1.22', kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', removedIn: '1.22', kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', removedIn: '1.22', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', removedIn: '1.22', kinds: ['CustomResourceDefinition'], replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', removedIn: '1.22', kinds: ['APIService'], replacement: 'apiregistration.k8s.io/v1' },
  { apiVersion: 'authentication.k8s.io/v1beta1', removedIn: '1.22', kinds: ['TokenReview'], replacement: 'authentication.k8s.io/v1' },
  { apiVersion: 'authorization.k8s.io/v1beta1', removedIn: '1.22', kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], replacement: 'authorization.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', removedIn: '1.22', kinds: ['CertificateSigningRequest'], replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', removedIn: '1.22', kinds: ['Lease'], replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', removedIn: '1.22', kinds: ['PriorityClass'], replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', removedIn: '1.17', kinds: ['PriorityClass'], replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', removedIn: '1.22', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', removedIn: '1.27', kinds: ['CSIStorageCapacity'], replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', removedIn: '1.25', kinds: ['EndpointSlice'], replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', removedIn: '1.25', kinds: ['Event'], replacement: 'events.k8s.io/v1' },
  { apiVersion: 'node.k8s.io/v1beta1', removedIn: '1.25', kinds: ['RuntimeClass'], replacement: 'node.k8s.io/v1' },
  { apiVersion: 'node.k8s.io/v1alpha1', removedIn: '1.22', kinds: ['RuntimeClass'], replacement: 'node.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', removedIn: '1.26', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  // flowcontrol v1beta3 stood in for v1 until 1.29 made v1 GA: on 1.28 it is the newest there is.
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', deprecatedIn: '1.29', removedIn: '1.29', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', deprecatedIn: '1.29', removedIn: '1.32', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  // Still served, but deprecated in favour of another API.
  { apiVersion: 'v1', deprecatedIn: '1.33', kinds: ['Endpoints'], replacement: { Endpoints: 'discovery.k8s.io/v1' }, note: { en: 'Endpoints is deprecated: use EndpointSlice (discovery.k8s.io/v1).', zh: 'Endpoints 已弃用：请改用 EndpointSlice（discovery.k8s.io/v1）。' } },
  { apiVersion: 'v1', deprecatedIn: '1.19', kinds: ['ComponentStatus'], replacement: undefined },
];

/**
 * The release that first served a GA apiVersion of a kind, for the ones that came after 1.27 (every
 * other served kind is older than any release `stevedore.kubernetes.version` accepts). From the
 * Kubernetes release notes; the older @kubernetes/client-node releases agree (a test checks the
 * models each of them ships, when they are installed).
 */
export const apiAddedIn: Readonly<Record<string, string>> = {
  'flowcontrol.apiserver.k8s.io/v1|FlowSchema': '1.29',
  'flowcontrol.apiserver.k8s.io/v1|PriorityLevelConfiguration': '1.29',
  'admissionregistration.k8s.io/v1|ValidatingAdmissionPolicy': '1.30',
  'admissionregistration.k8s.io/v1|ValidatingAdmissionPolicyBinding': '1.30',
  'networking.k8s.io/v1|IPAddress': '1.33',
  'networking.k8s.io/v1|ServiceCIDR': '1.33',
  'resource.k8s.io/v1|DeviceClass': '1.34',
  'resource.k8s.io/v1|ResourceClaim': '1.34',
  'resource.k8s.io/v1|ResourceClaimTemplate': '1.34',
  'resource.k8s.io/v1|ResourceSlice': '1.34',
  'storage.k8s.io/v1|VolumeAttributesClass': '1.34',
};

/** Compares two `1.N` releases. */
export function compareReleases(a: string, b: string): number {
  const minor = (v: string) => Number(/^1\.(\d+)/.exec(v)?.[1] ?? 0);
  return minor(a) - minor(b);
}

/** The newest release the schema describes, and the default target. */
export const newestRelease = '1.36';

/** `apps/v1` → {group: 'apps', version: 'v1'}; `v1` → core group ''. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Groups Kubernetes itself serves: an apiVersion in another group belongs to a custom resource. */
export const builtinGroups: ReadonlySet<string> = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'admissionregistration.k8s.io',
  'apiextensions.k8s.io', 'certificates.k8s.io', 'node.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
  'apiregistration.k8s.io', 'resource.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
  'internal.apiserver.k8s.io', 'storagemigration.k8s.io',
]);

/**
 * What we know about an apiVersion (for `kind` when given) on the target release (`target`, default
 * the newest): served, deprecated, removed (with the release and the replacement), not yet served
 * (`future`, with the release that adds it), or unknown (a custom resource group, or a typo).
 * `servedKinds` lists the built-in kinds served at that apiVersion on the newest release (from the schema).
 */
export function classifyApiVersion(apiVersion: string, kind: string | undefined, servedKinds: readonly string[], target = newestRelease): ApiVersionInfo {
  const { group, version } = splitApiVersion(apiVersion);
  const base = { apiVersion, group, version };
  const retired = removedApiVersions.find((r) => r.apiVersion === apiVersion && (kind === undefined || r.kinds.includes(kind)));
  const served = servedKinds;
  if (retired && !(kind !== undefined && served.includes(kind) && !retired.deprecatedIn)) {
    const replacement = typeof retired.replacement === 'string' || retired.replacement === undefined
      ? retired.replacement
      : kind !== undefined ? retired.replacement[kind] : undefined;
    const removed = retired.removedIn !== undefined && compareReleases(target, retired.removedIn) >= 0;
    const deprecated = retired.deprecatedIn !== undefined && compareReleases(target, retired.deprecatedIn) >= 0;
    const facts = { removedIn: retired.removedIn, deprecatedIn: retired.deprecatedIn, replacement, note: retired.note };
    if (removed) return { ...base, status: 'removed', ...facts };
    // Removed (or deprecated) later than the target release: still served there.
    if (deprecated) return { ...base, status: 'deprecated', ...facts };
    return { ...base, status: 'served', removedIn: retired.removedIn, deprecatedIn: retired.deprecatedIn };
  }
  if (served.length > 0 && (kind === undefined || served.includes(kind))) {
    const addedIn = kind !== undefined ? apiAddedIn[`${apiVersion}|${kind}`] : undefined;
    if (addedIn && compareReleases(target, addedIn) < 0) return { ...base, status: 'future', addedIn };
    return addedIn ? { ...base, status: 'served', addedIn } : { ...base, status: 'served' };
  }
  return { ...base, status: 'unknown' };
}

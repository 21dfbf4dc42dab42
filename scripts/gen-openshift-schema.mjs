// Generates server/src/kubernetes/schema/openshift.json, the OpenShift app-developer API groups
// (apps, build, image, route, template, project, security, authorization, quota, network, user,
// oauth — all v1), from ../shared/reference/openshift/openapi-app-groups.json (a subset of
// openshift/api's OpenAPI document, Apache-2.0). Same compact format as k8s-1.36.json
// (scripts/gen-k8s-schema.mjs): the server reads the committed JSON, never the OpenAPI document.
//
//   node scripts/gen-openshift-schema.mjs           write the JSON
//   node scripts/gen-openshift-schema.mjs --check   exit 1 when the committed JSON is out of date
//
// The Kubernetes types OpenShift embeds (PodTemplateSpec, ObjectMeta, EnvVar…) are not copied: they
// point at the Kubernetes schema's own definitions (`V1PodTemplateSpec`), so a DeploymentConfig's pod
// template gets the same docs, Chinese text and checks as a Deployment's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(repoRoot, 'server/src/kubernetes/schema/openshift.json');
const sourceFile = path.resolve(repoRoot, '../shared/reference/openshift/openapi-app-groups.json');
const k8sFile = path.join(repoRoot, 'server/src/kubernetes/schema/k8s-1.36.json');

const openshiftPrefix = 'com.github.openshift.api.';

/** Request and read-only kinds no manifest creates: subresource bodies, server-written records. */
const notWritten = new Set([
  'build.v1.BuildRequest', 'build.v1.BinaryBuildRequestOptions', 'image.v1.ImageStreamMapping', 'image.v1.ImageStreamLayers',
  'image.v1.ImageStreamImage', 'image.v1.ImageSignature', 'quota.v1.AppliedClusterResourceQuota', 'oauth.v1.OAuthRedirectReference',
  'oauth.v1.UserOAuthAccessToken', 'security.v1.RangeAllocation',
]);

/** Cluster-scoped kinds (the document does not say; these are openshift/api's `+genclient:nonNamespaced` types). */
const clusterScoped = new Set([
  'project.v1.Project', 'project.v1.ProjectRequest', 'security.v1.SecurityContextConstraints', 'authorization.v1.ClusterRole',
  'authorization.v1.ClusterRoleBinding', 'authorization.v1.SubjectAccessReview', 'authorization.v1.ResourceAccessReview',
  'quota.v1.ClusterResourceQuota', 'template.v1.BrokerTemplateInstance', 'image.v1.Image', 'network.v1.ClusterNetwork',
  'network.v1.HostSubnet', 'network.v1.NetNamespace', 'user.v1.Group', 'user.v1.Identity', 'user.v1.User',
  'user.v1.UserIdentityMapping', 'oauth.v1.OAuthClient', 'oauth.v1.OAuthAccessToken', 'oauth.v1.OAuthAuthorizeToken',
  'oauth.v1.OAuthClientAuthorization',
]);

/** Kubernetes value types the compact notation names directly. */
const scalarTypes = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'string:date-time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'string:date-time',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'any',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
};

const clean = (text) => (typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : undefined);

/**
 * Fields a manifest must write. openshift/api marks as required every field without `omitempty`,
 * including booleans, counters and lists the API server defaults (a SecurityContextConstraints'
 * `allowHostPID`, an ImageStreamTag's `generation`), so its `required` lists would flag valid
 * manifests. Only these stay required (each is also in the upstream list: the generator checks).
 */
const requiredFields = {
  'apps.v1.DeploymentConfig': ['spec'],
  'route.v1.Route': ['spec'],
  'route.v1.RouteSpec': ['to'],
  'route.v1.RouteTargetReference': ['name'], // kind defaults to Service
  'build.v1.BuildConfig': ['spec'],
  'build.v1.BuildConfigSpec': ['strategy'],
  'template.v1.Parameter': ['name'],
  'image.v1.TagReference': ['name'],
  'authorization.v1.RoleBinding': ['roleRef'],
  'authorization.v1.ClusterRoleBinding': ['roleRef'],
  'authorization.v1.PolicyRule': ['verbs'],
};

export function generateOpenShiftSchema() {
  const source = JSON.parse(readFileSync(sourceFile, 'utf8'));
  const k8sDefs = JSON.parse(readFileSync(k8sFile, 'utf8')).defs;
  const all = source.definitions;
  const defs = {};
  const queue = [];

  /** Our name for an upstream definition: OpenShift's `openshift.<group>.v1.<Name>`, Kubernetes' as in k8s-1.36.json. */
  function nameOf(upstream) {
    if (upstream.startsWith(openshiftPrefix)) return `openshift.${upstream.slice(openshiftPrefix.length)}`;
    const short = upstream.slice(upstream.lastIndexOf('.') + 1);
    for (const candidate of [`V1${short}`, `CoreV1${short}`]) if (k8sDefs[candidate]) return candidate;
    return `openshift.k8s.${short}`;
  }

  function typeOf(schema) {
    if (!schema) return 'any';
    if (schema.$ref) {
      const upstream = schema.$ref.split('/').pop();
      if (scalarTypes[upstream]) return scalarTypes[upstream];
      const name = nameOf(upstream);
      if (name.startsWith('openshift.')) queue.push([name, upstream]);
      return `#${name}`;
    }
    switch (schema.type) {
      case 'array': return `[]${typeOf(schema.items)}`;
      case 'object': return schema.additionalProperties ? `{}${typeOf(schema.additionalProperties)}` : schema.properties ? 'any' : '{}any';
      case 'string':
        if (schema.format === 'int-or-string') return 'int-or-string';
        return schema.format === 'byte' || schema.format === 'date-time' ? `string:${schema.format}` : 'string';
      case 'integer': return schema.format ? `integer:${schema.format}` : 'integer';
      case 'number': return 'number:double';
      case 'boolean': return 'boolean';
      default: return 'any';
    }
  }

  function convert(name, upstream, isKind) {
    const schema = all[upstream];
    const local = upstream.slice(openshiftPrefix.length);
    if (!schema) throw new Error(`gen-openshift-schema: no definition ${upstream}`);
    const def = {};
    const description = clean(schema.description);
    if (description) def.d = description;
    const props = {};
    const required = [];
    for (const [field, prop] of Object.entries(schema.properties ?? {})) {
      const entry = { t: isKind && field === 'status' ? 'any' : typeOf(prop) };
      const text = clean(prop.description);
      if (text) entry.d = text;
      if (Array.isArray(prop.enum)) entry.e = prop.enum.map(String);
      if ((typeof prop.default === 'string' && prop.default !== '') || (typeof prop.default === 'number' && prop.default !== 0)) entry.df = String(prop.default);
      props[field] = entry;
      if (requiredFields[local]?.includes(field)) {
        if (!(schema.required ?? []).includes(field)) throw new Error(`gen-openshift-schema: ${local}.${field} is not required upstream`);
        required.push(field);
      }
    }
    def.p = props;
    if (required.length) def.r = required;
    defs[name] = def;
  }

  const kinds = [];
  for (const upstream of Object.keys(all).sort()) {
    if (!upstream.startsWith(openshiftPrefix)) continue;
    const local = upstream.slice(openshiftPrefix.length);
    const [group, version, kind] = local.split('.');
    const props = all[upstream].properties ?? {};
    if (!props.apiVersion || !props.kind || !props.metadata || kind.endsWith('List') || notWritten.has(local)) continue;
    const name = nameOf(upstream);
    kinds.push([`${group}.openshift.io/${version}`, kind, name, clusterScoped.has(local) ? 0 : 1]);
    convert(name, upstream, true);
  }
  while (queue.length) {
    const [name, upstream] = queue.shift();
    if (!defs[name]) convert(name, upstream, false);
  }
  kinds.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  const schema = {
    version: '4',
    source: 'openshift/api openapi.json (app-developer groups) at 2a3d73913b5a7caec4c57d5c3d04f51106ec4da3',
    kinds,
    defs: Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]])),
  };
  return `${JSON.stringify(schema)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generateOpenShiftSchema();
  if (process.argv.includes('--check')) {
    const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
    if (current !== text) {
      console.error(`gen-openshift-schema: ${path.relative(repoRoot, outFile)} is out of date; run node scripts/gen-openshift-schema.mjs`);
      process.exit(1);
    }
    console.log('gen-openshift-schema: up to date');
  } else {
    writeFileSync(outFile, text);
    console.log(`gen-openshift-schema: wrote ${path.relative(repoRoot, outFile)} (${(text.length / 1024).toFixed(0)} KiB)`);
  }
}

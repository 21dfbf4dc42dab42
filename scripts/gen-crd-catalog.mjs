// Generates server/src/kubernetes/schema/catalog/<project>.json: the CRD schemas of popular projects
// (Gateway API, cert-manager, Prometheus operator, Argo CD, Argo Rollouts, Istio, KEDA,
// external-secrets, Flux, Traefik, Knative Serving, sealed-secrets), so their custom resources get
// hover, completion and validation offline, without their CRDs in the workspace.
//
//   node scripts/gen-crd-catalog.mjs           write the catalog
//   node scripts/gen-crd-catalog.mjs --check   exit 1 when the committed catalog is out of date
//
// Sources: each project's own CRD manifests, read from snapshots of its repository (bare git
// directories under /work/.mirror, or $STEVEDORE_CRD_MIRRORS), at the commit recorded in
// `index.json`. The @kubernetes-models/* npm packages were considered first; they carry the same
// schemas without descriptions (those sit in their .d.ts files), do not say which upstream release
// they model, and their current releases require Node 22. Without the snapshots, --check says so
// and passes (the committed catalog stays what ships).
//
// What is kept of a CRD's openAPIV3Schema: types, properties, items, maps, required, enum, defaults,
// the int-or-string / preserve-unknown-fields / embedded-resource markers, and descriptions cut to
// their first paragraph. Validation rules, patterns and bounds go (schema/customSchemas.ts does not
// check them). Embedded Kubernetes types (a Rollout's pod template, KEDA's job spec, label
// selectors, resource requirements…) become references to the Kubernetes schema's own definitions
// (`x-stevedore-k8s: V1PodTemplateSpec`) when every field they declare is one of that definition's:
// the catalog stays small and those fields get the same docs (and Chinese text) as a Deployment's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'server/src/kubernetes/schema/catalog');
const mirrors = process.env.STEVEDORE_CRD_MIRRORS ?? '/work/.mirror';
const k8sDefs = JSON.parse(readFileSync(path.join(repoRoot, 'server/src/kubernetes/schema/k8s-1.36.json'), 'utf8')).defs;

/**
 * Projects: the repository snapshot, the CRD files, and which kinds of them to keep (all when
 * absent). `license` is the repository's.
 */
const projects = [
  {
    id: 'gateway-api', name: 'Gateway API', repo: 'kubernetes-sigs/gateway-api', license: 'Apache-2.0',
    // The experimental channel: a superset of the standard one, so an experimental field is never reported unknown.
    files: ['gatewayclasses', 'gateways', 'httproutes', 'grpcroutes', 'referencegrants', 'backendtlspolicies', 'listenersets', 'tlsroutes', 'tcproutes', 'udproutes']
      .map((name) => `config/crd/experimental/gateway.networking.k8s.io_${name}.yaml`),
  },
  {
    id: 'cert-manager', name: 'cert-manager', repo: 'cert-manager/cert-manager', license: 'Apache-2.0',
    files: ['certificates', 'issuers', 'clusterissuers', 'certificaterequests'].map((name) => `deploy/crds/cert-manager.io_${name}.yaml`),
  },
  {
    id: 'prometheus-operator', name: 'Prometheus Operator', repo: 'prometheus-operator/prometheus-operator', license: 'Apache-2.0',
    files: ['servicemonitors', 'podmonitors', 'prometheusrules', 'probes'].map((name) => `example/prometheus-operator-crd/monitoring.coreos.com_${name}.yaml`),
  },
  {
    id: 'argo-cd', name: 'Argo CD', repo: 'argoproj/argo-cd', license: 'Apache-2.0',
    files: ['manifests/crds/application-crd.yaml', 'manifests/crds/appproject-crd.yaml'],
  },
  {
    id: 'argo-rollouts', name: 'Argo Rollouts', repo: 'argoproj/argo-rollouts', license: 'Apache-2.0',
    files: ['manifests/crds/rollout-crd.yaml', 'manifests/crds/analysis-template-crd.yaml', 'manifests/crds/cluster-analysis-template-crd.yaml'],
  },
  {
    id: 'istio', name: 'Istio', repo: 'istio/istio', license: 'Apache-2.0',
    files: ['manifests/charts/base/files/crd-all.gen.yaml'],
    kinds: ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication'],
  },
  {
    id: 'keda', name: 'KEDA', repo: 'kedacore/keda', license: 'Apache-2.0',
    files: ['scaledobjects', 'scaledjobs', 'triggerauthentications', 'clustertriggerauthentications'].map((name) => `config/crd/bases/keda.sh_${name}.yaml`),
  },
  {
    id: 'external-secrets', name: 'External Secrets Operator', repo: 'external-secrets/external-secrets', license: 'Apache-2.0',
    files: ['externalsecrets', 'clusterexternalsecrets', 'secretstores', 'clustersecretstores'].map((name) => `config/crds/bases/external-secrets.io_${name}.yaml`),
  },
  {
    id: 'flux-source', name: 'Flux (source-controller)', repo: 'fluxcd/source-controller', license: 'Apache-2.0',
    files: ['gitrepositories', 'helmrepositories', 'ocirepositories', 'helmcharts', 'buckets'].map((name) => `config/crd/bases/source.toolkit.fluxcd.io_${name}.yaml`),
  },
  {
    id: 'flux-kustomize', name: 'Flux (kustomize-controller)', repo: 'fluxcd/kustomize-controller', license: 'Apache-2.0',
    files: ['config/crd/bases/kustomize.toolkit.fluxcd.io_kustomizations.yaml'],
  },
  {
    id: 'flux-helm', name: 'Flux (helm-controller)', repo: 'fluxcd/helm-controller', license: 'Apache-2.0',
    files: ['config/crd/bases/helm.toolkit.fluxcd.io_helmreleases.yaml'],
  },
  {
    id: 'traefik', name: 'Traefik', repo: 'traefik/traefik', license: 'MIT',
    files: ['docs/content/reference/dynamic-configuration/kubernetes-crd-definition-v1.yml'],
    kinds: ['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'TLSOption', 'TLSStore', 'ServersTransport', 'TraefikService'],
  },
  {
    id: 'knative-serving', name: 'Knative Serving', repo: 'knative/serving', license: 'Apache-2.0',
    files: ['config/core/300-resources/service.yaml', 'config/core/300-resources/configuration.yaml', 'config/core/300-resources/route.yaml'],
  },
  {
    id: 'sealed-secrets', name: 'Sealed Secrets', repo: 'bitnami-labs/sealed-secrets', license: 'Apache-2.0',
    files: ['helm/sealed-secrets/crds/bitnami.com_sealedsecrets.yaml'],
  },
];

/** Schema keys the catalog keeps (see the header). */
const keptKeys = new Set(['type', 'format', 'properties', 'items', 'additionalProperties', 'required', 'enum', 'default', 'description',
  'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'allOf']);

const maxDescription = 400;

/** The first paragraph, cut at a sentence end near `maxDescription` characters. */
export function shortDescription(text) {
  const paragraph = text.trim().split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  if (paragraph.length <= maxDescription) return paragraph;
  const cut = paragraph.slice(0, maxDescription);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\u0020'));
  return end > 150 ? cut.slice(0, end + 1) : `${cut.trimEnd()}…`;
}

/**
 * Kubernetes definitions an embedded schema may stand for, with the keys that identify each: a
 * schema becomes a reference when it has those keys and every key it has is the definition's.
 */
const k8sShapes = [
  ['V1PodTemplateSpec', ['metadata', 'spec'], (s) => isShape(s.properties?.spec, 'V1PodSpec')],
  ['V1PodSpec', ['containers']],
  ['V1JobSpec', ['template', 'backoffLimit']],
  ['V1Container', ['name', 'image', 'ports']],
  ['V1EphemeralContainer', ['name', 'image', 'targetContainerName']],
  ['V1Volume', ['name', 'configMap', 'secret', 'emptyDir']],
  ['V1Affinity', ['nodeAffinity', 'podAffinity']],
  ['V1Toleration', ['key', 'operator', 'effect', 'tolerationSeconds']],
  ['V1TopologySpreadConstraint', ['maxSkew', 'topologyKey', 'whenUnsatisfiable']],
  ['V1SecurityContext', ['runAsUser', 'capabilities', 'privileged']],
  ['V1PodSecurityContext', ['runAsUser', 'fsGroup']],
  ['V1ResourceRequirements', ['limits', 'requests']],
  ['V1EnvVar', ['name', 'value', 'valueFrom']],
  ['V1EnvFromSource', ['configMapRef', 'secretRef']],
  ['V1VolumeMount', ['name', 'mountPath']],
  ['V1Probe', ['periodSeconds', 'failureThreshold', 'httpGet']],
  ['V1PersistentVolumeClaimSpec', ['accessModes', 'resources', 'storageClassName']],
  ['V1LabelSelector', ['matchLabels', 'matchExpressions']],
  ['V1SecretKeySelector', ['key', 'name', 'optional']],
  ['V1ConfigMapKeySelector', ['key', 'name', 'optional']],
  ['V1ObjectMeta', ['name', 'namespace', 'labels', 'annotations', 'ownerReferences']],
];

function isShape(schema, defName) {
  const def = k8sDefs[defName];
  const props = schema?.properties;
  if (!def || !props || schema.type !== 'object') return false;
  const shape = k8sShapes.find(([name]) => name === defName);
  if (!shape[1].every((key) => key in props)) return false;
  if (!Object.keys(props).every((key) => key in def.p)) return false;
  // A field Kubernetes requires and the CRD does not (Knative's containers need no name) keeps the CRD's own schema.
  if (!(def.r ?? []).every((key) => (schema.required ?? []).includes(key))) return false;
  return shape[2] ? shape[2](schema) : true;
}

function k8sDefinitionFor(schema) {
  for (const [name] of k8sShapes) if (isShape(schema, name)) return name;
  return undefined;
}

/** The trimmed schema (see the header). */
function trim(schema, depth = 0) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  if (depth > 0) {
    const k8s = k8sDefinitionFor(schema);
    if (k8s) return { 'x-stevedore-k8s': k8s, ...(schema.description ? { description: shortDescription(schema.description) } : {}) };
  }
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!keptKeys.has(key)) continue;
    if (key === 'description') out.description = shortDescription(value);
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value).map(([name, prop]) => [name, trim(prop, depth + 1)]));
    else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) out[key] = trim(value, depth + 1);
    else if (key === 'allOf') out.allOf = value.map((v) => trim(v, depth + 1));
    else out[key] = value;
  }
  return out;
}

/**
 * A `spec` several kinds have word for word (Issuer and ClusterIssuer, SecretStore and
 * ClusterSecretStore) is stored once, in `shared`, named after the first kind's spec; the schemas
 * point at it with `$ref: #/shared/<name>` (customSchemas.ts resolves such references).
 */
function shareSpecs(schemas, kinds) {
  const byText = new Map();
  schemas.forEach((schema, i) => {
    const spec = schema.properties?.spec;
    if (!spec || spec.$ref) return;
    const text = JSON.stringify(spec);
    if (text.length < 2000) return;
    const users = byText.get(text) ?? [];
    users.push(i);
    byText.set(text, users);
  });
  const shared = {};
  for (const [text, users] of byText) {
    if (users.length < 2) continue;
    const owner = kinds.find((k) => Object.values(k.versions).includes(users[0]));
    let name = `${owner.kind}Spec`;
    for (let n = 2; name in shared; n++) name = `${owner.kind}Spec${n}`;
    shared[name] = JSON.parse(text);
    for (const i of users) schemas[i].properties.spec = { $ref: `#/shared/${name}` };
  }
  return shared;
}

function git(repoDir, ...args) {
  return execFileSync('git', ['-C', repoDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function mirrorOf(project) {
  return path.join(mirrors, project.repo.replace('/', '+'), 'repo');
}

/** One project's catalog file and its entry in the index. */
function buildProject(project) {
  const repoDir = mirrorOf(project);
  const commit = git(repoDir, 'rev-parse', 'HEAD').trim();
  const date = git(repoDir, 'log', '-1', '--format=%cs', commit).trim();
  const schemas = [];
  const schemaIndex = new Map();
  const kinds = [];
  const declaredVersions = new Set();
  for (const file of project.files) {
    const text = git(repoDir, 'show', `${commit}:${file}`);
    for (const doc of parseAllDocuments(text)) {
      const crd = doc.toJS({ maxAliasCount: 100 });
      if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
      const spec = crd.spec;
      if (project.kinds && !project.kinds.includes(spec.names.kind)) continue;
      const annotations = crd.metadata?.annotations ?? {};
      const declared = annotations['operator.prometheus.io/version'] ?? annotations['gateway.networking.k8s.io/bundle-version'];
      if (declared && declared !== 'v0.0.0-dev') declaredVersions.add(declared);
      const versions = {};
      for (const version of spec.versions ?? []) {
        if (version.served === false || !version.schema?.openAPIV3Schema) continue;
        // `status` is the controller's to write: manifests do not carry it, and it is not checked (customSchemas.ts).
        const { status: _status, ...properties } = version.schema.openAPIV3Schema.properties ?? {};
        const text = JSON.stringify(trim({ ...version.schema.openAPIV3Schema, properties }));
        if (!schemaIndex.has(text)) {
          schemaIndex.set(text, schemas.length);
          schemas.push(JSON.parse(text));
        }
        versions[version.name] = schemaIndex.get(text);
      }
      kinds.push({ group: spec.group, kind: spec.names.kind, namespaced: spec.scope !== 'Cluster', versions });
    }
  }
  kinds.sort((a, b) => (a.group + a.kind).localeCompare(b.group + b.kind));
  const shared = shareSpecs(schemas, kinds);
  const source = { repo: project.repo, commit, date, files: project.files, license: project.license };
  if (declaredVersions.size) source.version = [...declaredVersions].sort().join(', ');
  return { file: { project: project.id, name: project.name, source, kinds, schemas, shared }, entry: { id: project.id, name: project.name, ...source, groups: [...new Set(kinds.map((k) => k.group))].sort(), kinds: kinds.map((k) => [k.group, k.kind, Object.keys(k.versions)]) } };
}

export function generateCatalog() {
  const files = new Map();
  const entries = [];
  for (const project of projects) {
    const { file, entry } = buildProject(project);
    files.set(`${project.id}.json`, `${JSON.stringify(file)}\n`);
    delete entry.files;
    entries.push(entry);
  }
  files.set('index.json', `${JSON.stringify({ projects: entries }, null, 1)}\n`);
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = projects.filter((p) => !existsSync(mirrorOf(p)));
  if (missing.length) {
    const message = `gen-crd-catalog: no repository snapshot for ${missing.map((p) => p.repo).join(', ')} under ${mirrors}`;
    if (process.argv.includes('--check')) {
      console.log(`${message}; not checked`);
      process.exit(0);
    }
    console.error(message);
    process.exit(1);
  }
  const files = generateCatalog();
  if (process.argv.includes('--check')) {
    const stale = [...files].filter(([name, text]) => !existsSync(path.join(outDir, name)) || readFileSync(path.join(outDir, name), 'utf8') !== text).map(([name]) => name);
    const extra = existsSync(outDir) ? readdirSync(outDir).filter((name) => name.endsWith('.json') && !files.has(name)) : [];
    if (stale.length || extra.length) {
      console.error(`gen-crd-catalog: out of date (${[...stale, ...extra].join(', ')}); run node scripts/gen-crd-catalog.mjs`);
      process.exit(1);
    }
    console.log('gen-crd-catalog: up to date');
  } else {
    mkdirSync(outDir, { recursive: true });
    let total = 0;
    for (const [name, text] of files) {
      writeFileSync(path.join(outDir, name), text);
      total += text.length;
      console.log(`  ${name} ${(text.length / 1024).toFixed(0)} KiB`);
    }
    console.log(`gen-crd-catalog: wrote ${path.relative(repoRoot, outDir)} (${(total / 1024).toFixed(0)} KiB)`);
  }
}

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { catalogKindList, catalogProjects } from '../../../server/src/kubernetes/schema/catalog';
import { catalogKindDocs } from '../../../server/src/kubernetes/kindsCatalog';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { completeAt, hoverAt, labelsOf } from './k8sFeatureKit';
import { codesOf, diagnose } from './k8sTestKit';

test('the committed catalog is what scripts/gen-crd-catalog.mjs makes of the recorded commits (when the snapshots are here)', () => {
  // Without the repository snapshots the script says so and passes.
  execFileSync(process.execPath, ['scripts/gen-crd-catalog.mjs', '--check'], { stdio: 'pipe' });
});

test('every project records where its CRDs come from, and every kind has a summary in both languages', () => {
  const ids = catalogProjects().map((p) => p.id);
  for (const id of ['gateway-api', 'cert-manager', 'prometheus-operator', 'argo-cd', 'argo-rollouts', 'istio', 'keda', 'external-secrets', 'flux-source', 'flux-kustomize', 'flux-helm', 'traefik', 'knative-serving', 'sealed-secrets']) assert.ok(ids.includes(id), id);
  for (const project of catalogProjects()) {
    assert.match(project.commit, /^[0-9a-f]{40}$/);
    assert.match(project.date, /^\d{4}-\d\d-\d\d$/);
  }
  for (const { group, kind } of catalogKindList()) {
    const doc = catalogKindDocs[`${group}/${kind}`];
    assert.ok(doc, `no summary for ${group}/${kind}`);
    assert.match(doc.summary.zh, /[\u4e00-\u9fff]/, `${group}/${kind}`);
  }
});

interface ProjectCase {
  project: string;
  /** A valid object; `%KEY%` marks a line where completion is asked, `%BAD%` where an unknown field goes. */
  text: string;
  /** A key completion offers at `%KEY%`. */
  key: string;
  /** A field hovered (its first occurrence) and a word its description holds. */
  hover: [field: string, expected: RegExp];
}

const cases: ProjectCase[] = [
  { project: 'Gateway API', key: 'hostnames', hover: ['parentRefs', /Gateways/], text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\nspec:\n%KEY%  parentRefs:\n    - name: public\n  rules:\n    - backendRefs:\n        - name: web\n          port: 80\n%BAD%' },
  { project: 'cert-manager', key: 'dnsNames', hover: ['secretName', /Secret/], text: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n%KEY%  secretName: web-tls\n  issuerRef:\n    name: letsencrypt\n    kind: ClusterIssuer\n%BAD%' },
  { project: 'Prometheus operator', key: 'namespaceSelector', hover: ['endpoints', /endpoints/i], text: 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec:\n%KEY%  selector:\n    matchLabels:\n      app: web\n  endpoints:\n    - port: http\n%BAD%' },
  { project: 'Argo CD', key: 'syncPolicy', hover: ['destination', /server and namespace/], text: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\nspec:\n%KEY%  project: default\n  source:\n    repoURL: https://git.example.com/web.git\n    path: deploy\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: web\n%BAD%' },
  { project: 'Argo Rollouts', key: 'revisionHistoryLimit', hover: ['strategy', /./], text: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n%KEY%  replicas: 2\n  strategy:\n    canary:\n      steps:\n        - setWeight: 20\n%BAD%' },
  { project: 'Istio', key: 'gateways', hover: ['hosts', /host/i], text: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: web\nspec:\n%KEY%  hosts:\n    - web\n  http:\n    - route:\n        - destination:\n            host: web\n%BAD%' },
  { project: 'KEDA', key: 'pollingInterval', hover: ['triggers', /./], text: 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n%KEY%  scaleTargetRef:\n    name: web\n  triggers:\n    - type: cpu\n      metadata:\n        value: "60"\n%BAD%' },
  { project: 'external-secrets', key: 'refreshInterval', hover: ['secretStoreRef', /SecretStore/], text: 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: web\nspec:\n%KEY%  secretStoreRef:\n    name: vault\n    kind: ClusterSecretStore\n  target:\n    name: web\n%BAD%' },
  { project: 'Flux', key: 'wait', hover: ['sourceRef', /source/i], text: 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: web\nspec:\n%KEY%  interval: 10m\n  prune: true\n  path: ./deploy\n  sourceRef:\n    kind: GitRepository\n    name: web\n%BAD%' },
  { project: 'Traefik', key: 'tls', hover: ['entryPoints', /entry ?points?/i], text: 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: web\nspec:\n%KEY%  entryPoints:\n    - websecure\n  routes:\n    - match: Host(`web.example.com`)\n      kind: Rule\n      services:\n        - name: web\n          port: 80\n%BAD%' },
  { project: 'Knative Serving', key: 'traffic', hover: ['template', /./], text: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: web\nspec:\n%KEY%  template:\n    spec:\n      containers:\n        - image: ghcr.io/team/web:1.0.0\n%BAD%' },
  { project: 'Sealed Secrets', key: 'template', hover: ['encryptedData', /./], text: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: web\nspec:\n%KEY%  encryptedData:\n    password: AgBy3i4OJSWK\n%BAD%' },
];

const valid = (c: ProjectCase) => c.text.replace('%KEY%', '').replace('%BAD%', '');
const schemaCodes = (text: string, settings?: unknown) => diagnose(text, { settings }).filter((d) => String(d.code).startsWith('schema')).map((d) => `${String(d.code)} ${d.message}`);

for (const c of cases) {
  test(`${c.project}: hover, completion and validation offline`, () => {
    const text = valid(c);
    const kindHover = hoverAt(text.replace(/^kind: (\w)/m, 'kind: $1|'))!;
    assert.match(kindHover, /built-in catalog/, 'kind hover says where the schema comes from');
    const [field, expected] = c.hover;
    const at = text.indexOf(`${field}:`);
    assert.ok(at > 0, field);
    const hover = hoverAt(`${text.slice(0, at + 1)}|${text.slice(at + 1)}`);
    assert.ok(hover, `hover on ${field}`);
    assert.match(hover, expected);
    assert.ok(labelsOf(completeAt(c.text.replace('%KEY%', '  |\n').replace('%BAD%', ''))).includes(c.key), `completion offers ${c.key}`);
    assert.deepEqual(schemaCodes(text), [], 'a valid object has no schema findings');
    const bad = c.text.replace('%KEY%', '  bogusField: 1\n').replace('%BAD%', '');
    assert.equal(schemaCodes(bad).filter((m) => m.startsWith('schema-unknown-field') && m.includes('bogusField')).length, 1, `unknown field reported: ${schemaCodes(bad).join('; ')}`);
    assert.deepEqual(schemaCodes(bad, { kubernetes: { crdCatalog: false } }), [], 'the setting turns the catalog off');
  });
}

test('a wrong type and a wrong enum value in a catalog kind', () => {
  const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n  duration: 2160h\n  isCA: "yes"\n  issuerRef:\n    name: letsencrypt\n';
  assert.deepEqual(schemaCodes(text).map((m) => m.split(' ')[0]), ['schema-type']);
});

test('a CRD of the workspace overrides the catalog\'s copy of the same group, version and kind', () => {
  const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: certificates.cert-manager.io
spec:
  group: cert-manager.io
  scope: Namespaced
  names:
    kind: Certificate
    plural: certificates
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                onlyField:
                  type: string
`;
  const index = new WorkspaceIndex();
  index.updateText('file:///work/crd.yaml', crd);
  const cert = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  onlyField: x\n';
  const found = diagnose(cert, { workspace: index }).filter((d) => String(d.code).startsWith('schema'));
  assert.deepEqual(found, []);
  const catalogOnly = diagnose(cert).filter((d) => String(d.code).startsWith('schema')).map((d) => String(d.code));
  assert.ok(catalogOnly.includes('schema-unknown-field'), 'the catalog does not know onlyField');
});

test('Argo Rollouts Rollout and Knative Service run pods: the workload rules apply', () => {
  const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:latest\n          securityContext:\n            privileged: true\n  strategy:\n    canary:\n      steps:\n        - setWeight: 20\n';
  const codes = codesOf(rollout);
  for (const code of ['image-tag-mutable', 'container-privileged', 'run-as-root-allowed']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
  assert.deepEqual(codes.filter((c) => c.startsWith('schema')), [], 'the pod template is Kubernetes\' PodTemplateSpec');
  assert.ok(codesOf(rollout.replace('          image: nginx:latest', '          image: nginx:1.27\n          imagePolicy: Always')).includes('schema-unknown-field'));
});

const gateway = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: public\nspec:\n  gatewayClassName: envoy\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n';
const httpRoute = (parent: string, backend: string, port: number, extra = '') => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: web\nspec:\n  parentRefs:\n    - name: ${parent}${extra}\n  rules:\n    - backendRefs:\n        - name: ${backend}\n          port: ${port}\n`;

test('HTTPRoute → Gateway and → Service (name and port), across files', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///work/gateway.yaml', gateway);
  index.updateText('file:///work/service.yaml', service);
  const found = (text: string) => diagnose(text, { workspace: index, uri: 'file:///work/route.yaml' })
    .filter((d) => String(d.code).startsWith('gateway-route')).map((d) => `${String(d.code)}: ${d.message}`);
  assert.deepEqual(found(httpRoute('public', 'web', 80)), []);
  assert.deepEqual(found(httpRoute('private', 'web', 80)), ['gateway-route-parent-missing: No Gateway named ‘private’ in the workspace (it may exist in the cluster).']);
  assert.deepEqual(found(httpRoute('public', 'api', 80)), ['gateway-route-backend-missing: No Service named ‘api’ in the workspace (it may exist in the cluster).']);
  assert.deepEqual(found(httpRoute('public', 'web', 8080)), ['gateway-route-backend-missing: Service ‘web’ has no port ‘8080’.']);
  // Another namespace's Gateway, named so: not the one of this file's namespace.
  assert.deepEqual(found(httpRoute('public', 'web', 80, '\n      namespace: infra').replace('  name: web\nspec', '  name: web\n  namespace: app\nspec')), []);
  // An Istio Gateway of the same name does not count.
  const istioOnly = new WorkspaceIndex();
  istioOnly.updateText('file:///work/istio.yaml', 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: public\nspec:\n  selector:\n    istio: ingressgateway\n');
  istioOnly.updateText('file:///work/service.yaml', service);
  assert.equal(diagnose(httpRoute('public', 'web', 80), { workspace: istioOnly }).filter((d) => d.code === 'gateway-route-parent-missing').length, 1);
});

test('ServiceMonitor selectors and ScaledObject targets', () => {
  const monitor = (app: string, ns = '') => `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n${ns}  endpoints:\n    - port: http\n`;
  // kube-linter's dangling-servicemonitor (an opt-in check: strict).
  const strict = { settings: { profile: 'strict' } };
  assert.ok(!codesOf(`${service}---\n${monitor('web')}`, strict).includes('service-monitor-selects-nothing'));
  assert.ok(codesOf(`${service}---\n${monitor('api')}`, strict).includes('service-monitor-selects-nothing'));
  const scaled = (kind: string) => `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n${kind}    name: web\n  triggers:\n    - type: cpu\n      metadata:\n        value: "60"\n`;
  const statefulSet = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
  assert.ok(codesOf(scaled('')).includes('scaledobject-target-missing'));
  assert.ok(codesOf(`${statefulSet}---\n${scaled('')}`).includes('scaledobject-target-missing'), 'kind defaults to Deployment');
  assert.ok(!codesOf(`${statefulSet}---\n${scaled('    kind: StatefulSet\n')}`).includes('scaledobject-target-missing'));
});

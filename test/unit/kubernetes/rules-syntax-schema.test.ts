import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { cronProblem } from '../../../server/src/kubernetes/rules/cronJob';
import { diagnose, goodManifest, messageOf, variant } from './k8sTestKit';

const only = (text: string, rule: string) => diagnose(text).filter((d) => d.code === rule);

test('YAML errors carry exact ranges, per document', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  name: c\n';
  const [duplicate] = only(text, 'yaml-duplicate-key');
  assert.deepEqual(duplicate.range, { start: { line: 9, character: 2 }, end: { line: 9, character: 6 } });
  assert.equal(duplicate.severity, DiagnosticSeverity.Error);
  assert.match(messageOf(duplicate), /‘name’/);
  const [tab] = only('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\t\tname: a\n', 'yaml-tab-indent');
  assert.deepEqual(tab.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
});

test('YAML that is not Kubernetes gets nothing', () => {
  assert.deepEqual(diagnose('services:\n  web:\n    image: nginx\n    image: x\n'), []);
  assert.deepEqual(diagnose('on: push\njobs:\n  build:\n\truns-on: x\n'), []);
});

test('a broken Kubernetes document still gets its syntax errors', () => {
  const found = diagnose('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n');
  assert.ok(found.some((d) => d.code === 'yaml-syntax'));
});

test('unknown fields suggest the closest field and point at the key', () => {
  const [unknown] = only(variant('imagePullPolicy: IfNotPresent', 'imagePullPolicy: IfNotPresent\n          Image: nginx'), 'schema-unknown-field');
  assert.match(messageOf(unknown), /‘Image’.*did you mean ‘image’/);
  assert.equal(unknown.range.start.character, 10);
  const zh = diagnose(variant('imagePullPolicy: IfNotPresent', 'imagePullPolicy: IfNotPresent\n          Image: nginx'), { lang: 'zh-cn' }).find((d) => d.code === 'schema-unknown-field');
  assert.match(messageOf(zh!), /是否想写「image」/);
});

test('types: int-or-string, quantities, booleans as strings, strings as numbers', () => {
  assert.deepEqual(only(variant('targetPort: http', 'targetPort: 8080'), 'schema-type'), []);
  assert.deepEqual(only(variant('cpu: 100m', 'cpu: 0.5'), 'schema-type'), []);
  assert.deepEqual(only(variant('memory: 128Mi\n            limits', 'memory: 1Gi\n            limits'), 'schema-type'), []);
  const badQuantity = only(variant('cpu: 100m', 'cpu: 100 millicores'), 'schema-type');
  assert.equal(badQuantity.length, 1);
  assert.match(messageOf(badQuantity[0]), /quantity/);
  assert.equal(only(variant('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: "true"'), 'schema-type').length, 1);
  assert.equal(only(variant('          ports:', '          env:\n            - name: DEBUG\n              value: true\n          ports:'), 'schema-type').length, 1);
  assert.equal(only(variant('replicas: 1', 'replicas: [1]'), 'schema-type').length, 1);
});

test('required fields, enums and port ranges', () => {
  assert.match(messageOf(only(variant('    - port: 80\n', '    - name: web\n'), 'schema-required')[0]), /‘port’/);
  assert.match(messageOf(only(variant('    - port: 80', '    - port: 80\n      protocol: tcp'), 'schema-enum')[0]), /TCP, UDP, SCTP/);
  assert.equal(only(variant('containerPort: 8080', 'containerPort: 0'), 'port-out-of-range').length, 1);
});

test('custom resources without a schema are not checked (the catalog\'s are, unless it is off: catalog.test.ts)', () => {
  const unknown = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: r\nspec:\n  whatever: 1\n  parentRefs: "not a list"\n';
  assert.deepEqual(diagnose(unknown).filter((d) => String(d.code).startsWith('schema') || d.code === 'api-version-kind-mismatch'), []);
  const crd = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  whatever: 1\n  parentRefs: "not a list"\n';
  assert.deepEqual(diagnose(crd, { settings: { kubernetes: { crdCatalog: false } } }).filter((d) => String(d.code).startsWith('schema') || d.code === 'api-version-kind-mismatch'), []);
});

test('removed and deprecated apiVersions name the replacement', () => {
  const [removed] = only(variant('apiVersion: apps/v1', 'apiVersion: apps/v1beta2'), 'api-version-removed');
  assert.match(messageOf(removed), /removed in Kubernetes 1\.16; use apps\/v1/);
  const [deprecated] = only('apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\n', 'api-version-deprecated');
  assert.equal(deprecated.severity, DiagnosticSeverity.Warning);
  assert.match(messageOf(deprecated), /EndpointSlice/);
});

test('names, label keys and values, annotation keys', () => {
  assert.equal(only(variant('kind: Service\nmetadata:\n  name: web', 'kind: Service\nmetadata:\n  name: web.v2'), 'invalid-object-name').length, 1);
  assert.equal(only(variant('  labels:\n    app: web\nspec:', '  labels:\n    app: web\n    example.com/team: a\nspec:'), 'invalid-label').length, 0);
  assert.equal(only(variant('  labels:\n    app: web\nspec:', '  labels:\n    app: web\n    Example_.com/team: a\nspec:'), 'invalid-label').length, 1);
  assert.equal(only(variant('  labels:\n    app: web\nspec:', `  labels:\n    app: web\n    long: ${'x'.repeat(64)}\nspec:`), 'invalid-label').length, 1);
  assert.equal(only(goodManifest.replace('kind: Service\nmetadata:\n  name: web', 'kind: ClusterRole\nmetadata:\n  name: system:aggregate'), 'invalid-object-name').length, 0);
});

test('cron schedules: fields, ranges, steps, names, macros', () => {
  for (const ok of ['*/5 * * * *', '0 0 1 1 *', '15 2-4/2 * JAN-MAR mon,fri', '@hourly', '@every 1h30m', '0 0 ? * SUN']) assert.equal(cronProblem(ok), undefined, ok);
  assert.match(cronProblem('* * * *')!.en, /4 fields/);
  assert.match(cronProblem('60 * * * *')!.en, /minute.*0 to 59/);
  assert.match(cronProblem('0 5-2 * * *')!.en, /backwards/);
  assert.match(cronProblem('*/0 * * * *')!.en, /step of 0/);
  assert.match(cronProblem('@fortnightly')!.en, /unknown macro/);
  assert.match(cronProblem('TZ=UTC 0 * * * *')!.en, /timeZone/);
  assert.match(cronProblem('0 0 * FOO *')!.en, /month/);
});

test('kubeconfig files and lists are not mistaken for unknown kinds', () => {
  assert.deepEqual(diagnose('apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\ncurrent-context: ""\nusers: []\n'), []);
  assert.deepEqual(diagnose('apiVersion: v1\nkind: List\nitems: []\n').filter((d) => d.code === 'api-version-kind-mismatch'), []);
});

test('a required field written without a value counts as missing, with no duplicating fix', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n';
  const [missing] = only(text, 'schema-required');
  assert.match(messageOf(missing), /‘containers’/);
  assert.equal(missing.data, undefined);
});

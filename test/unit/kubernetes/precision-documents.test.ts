// Issue 15, defects 8 and 9: what counts as a document to check — the items of a `kind: List`,
// half a header among manifests, and templating that holds back one document rather than a file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { manifest } from '../helpers';
import { objectsOf } from '../../../server/src/kubernetes/objects';
import { codesOf, diagnose } from './k8sTestKit';

const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: listed
    spec:
      containers:
        - name: app
          image: app:1.0
          ports:
            - name: "8080"
              containerPort: 8080
  - apiVersion: v1
    kind: Service
    metadata:
      name: listed
    spec:
      selector: {app: nowhere}
      ports: [{port: 80}]
`;

test('kind: List items are checked as documents, with ranges inside the list (defect 8)', () => {
  const found = diagnose(list);
  const at = (code: string) => found.filter((d) => d.code === code).map((d) => d.range.start.line + 1);
  assert.deepEqual(at('invalid-port-name'), [13]);
  assert.deepEqual(at('service-selects-nothing'), [20]);
  assert.deepEqual(objectsOf(manifest(list)).map((o) => o.kind), ['List', 'Pod', 'Service']);
  // Schema checks reach the items too.
  assert.ok(codesOf(list.replace('      containers:', '      containerz:')).includes('schema-unknown-field'));
});

test('a rule that walks the whole List document and its items reports each place once', () => {
  const unsorted = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ResourceQuota\n  metadata:\n    name: gold\n  spec:\n    hard:\n      requests.storage: "10Gi"\n      persistentvolumeclaims: "10"\n';
  const places = diagnose(unsorted, { settings: { profile: 'strict' } }).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);
  assert.deepEqual(places, [...new Set(places)]);
});

test('a typed list (RoleList) lends its items their kind; list items are indexed for other files', () => {
  const roles = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n  - metadata: {name: reader}\n    rules: []\n';
  assert.deepEqual(objectsOf(manifest(roles)).map((o) => `${o.kind} ${o.name ?? ''}`), ['RoleList ', 'Role reader']);
  const index = new WorkspaceIndex();
  index.updateText('file:///ws/list.yaml', list.replace('selector: {app: nowhere}', 'selector: {app: web}').replace('      name: listed\n    spec:\n      containers', '      name: listed\n      labels: {app: web}\n    spec:\n      containers'));
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
  assert.ok(!codesOf(service, { workspace: index, uri: 'file:///ws/service.yaml' }).includes('service-selects-nothing'));
});

test('kind without apiVersion (or the reverse) among Kubernetes documents is an error; alone it is any YAML', () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      image: p:1.0\n';
  const half = `${pod}---\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {a: b}\n`;
  const required = diagnose(half).filter((d) => d.code === 'schema-required');
  assert.equal(required.length, 1);
  assert.equal(required[0].range.start.line, 9);
  assert.equal(required[0].severity, 1);
  assert.ok(codesOf(`${pod}---\napiVersion: v1\nmetadata:\n  name: settings\n`).includes('schema-required'));
  assert.ok(!codesOf('kind: ConfigMap\nmetadata:\n  name: settings\n').includes('schema-required'));
  // A list item missing its apiVersion.
  assert.ok(codesOf(list.replace('  - apiVersion: v1\n    kind: Service', '  - kind: Service')).includes('schema-required'));
});

const twoDocuments = (last: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: p
      image: p:1.0
      ports:
        - name: "9090"
          containerPort: 9090
---
${last}`;

test('one template value in the last document holds back that document only (defect 9)', () => {
  const text = twoDocuments('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\ndata: {a: b}\n');
  const codes = codesOf(text);
  assert.ok(codes.includes('invalid-port-name'), codes.join(', '));
  assert.ok(codes.includes('templated-file'));
  // Nothing reported inside the templated document.
  assert.deepEqual(diagnose(text).filter((d) => d.range.start.line >= 12 && d.code !== 'templated-file'), []);
});

test('an action that shapes the YAML (alone on its line) still holds back the whole file', () => {
  const text = twoDocuments('{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n{{- end }}\n');
  assert.deepEqual(codesOf(text), ['templated-file']);
  const indented = twoDocuments('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    {{- include "labels" . | nindent 4 }}\n');
  assert.deepEqual(codesOf(indented), ['templated-file']);
});

test('the workspace index keeps the objects of the rendered documents', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///ws/app.yaml', 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n');
  assert.deepEqual(index.objectsIn('file:///ws/app.yaml').map((o) => o.kind), ['ServiceAccount']);
});

test('${VAR} placeholders are skipped in every field type (defect 9)', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: \${REPLICAS}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
          imagePullPolicy: \${PULL_POLICY}
          ports:
            - containerPort: \${PORT}
              name: \${PORT_NAME}
          securityContext:
            privileged: $(PRIVILEGED)
`;
  const codes = codesOf(deployment);
  for (const code of ['schema-type', 'schema-enum', 'invalid-port-name', 'port-out-of-range']) assert.ok(!codes.includes(code), `${code}: ${codes.join(', ')}`);
  // A real wrong value is still reported.
  assert.ok(codesOf(deployment.replace('${REPLICAS}', 'three')).includes('schema-type'));
  assert.ok(codesOf(deployment.replace('${PULL_POLICY}', 'Sometimes')).includes('schema-enum'));
});

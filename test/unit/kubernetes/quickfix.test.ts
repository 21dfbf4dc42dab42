import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DiagnosticFixData } from '../../../server/src/common/rules';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { contextFor, manifest } from '../helpers';
import { applyEdits, codesOf, diagnose, goodManifest, variant } from './k8sTestKit';
import { kubeLinterOptInIds } from './kubelinterCases';

/** Every rule runs here, also those only the strict profile turns on: these tests are about each rule's fix. */
const strict = { settings: { profile: 'strict' } };

/** Applies the first (or the titled) fix of the first diagnostic of `rule`, returns the new text. */
function applyFix(text: string, rule: string, title?: RegExp): string {
  const diagnostic = diagnose(text, strict).find((d) => d.code === rule);
  assert.ok(diagnostic, `no ${rule} diagnostic in ${JSON.stringify(codesOf(text, strict))}`);
  const data = diagnostic.data as DiagnosticFixData | undefined;
  const fix = title ? data?.fixes.find((f) => title.test(f.title)) : data?.fixes[0];
  assert.ok(fix, `${rule} has no fix`);
  return applyEdits(text, fix.edits);
}

/** After the fix: the rule is gone and nothing new (syntax, schema) appeared. */
function assertFixed(before: string, after: string, rule: string): void {
  const codes = codesOf(after, strict);
  assert.ok(!codes.includes(rule), `${rule} still reported after the fix:\n${after}`);
  // kube-linter's opt-in conventions (owner label, node affinity…) come back once a held-back document is whole.
  const introduced = codes.filter((c) => !codesOf(before, strict).includes(c) && !kubeLinterOptInIds.has(c));
  assert.deepEqual(introduced, [], `the fix introduced ${introduced.join(', ')}:\n${after}`);
}

function check(rule: string, text: string, title?: RegExp): string {
  const after = applyFix(text, rule, title);
  assertFixed(text, after, rule);
  return after;
}

test('add a missing required field: container name derived from the image', () => {
  const after = check('schema-required', variant('        - name: web\n          image: nginx:1.27', '        - image: nginx:1.27'));
  assert.match(after, /name: nginx/);
});

test('add a missing required field: Deployment selector from the template labels', () => {
  const after = check('schema-required', variant('  selector:\n    matchLabels:\n      app: web\n', ''));
  assert.match(after, /selector:\n {4}matchLabels:\n {6}app: "web"/);
});

test('make the selector match the template labels (value differs)', () => {
  const after = check('selector-mismatch', variant('    matchLabels:\n      app: web', '    matchLabels:\n      app: api'));
  assert.match(after, /matchLabels:\n {6}app: web/);
});

test('make the selector match the template labels (label missing from the template)', () => {
  const after = check('selector-mismatch', variant('    matchLabels:\n      app: web', '    matchLabels:\n      app: web\n      tier: front'));
  assert.match(after, /labels:\n {8}app: web\n {8}tier: front/);
});

test('replace a removed apiVersion, adding the selector apps/v1 requires', () => {
  const old = variant('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1', variant('  selector:\n    matchLabels:\n      app: web\n', ''));
  const after = check('api-version-removed', old);
  assert.match(after, /^apiVersion: apps\/v1/);
  assert.ok(!codesOf(after).includes('schema-required'));
});

test('replace a removed Ingress apiVersion and move the backend fields', () => {
  const old = `${goodManifest}---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: 80
`;
  const after = check('api-version-removed', old);
  assert.match(after, /apiVersion: networking\.k8s\.io\/v1\nkind: Ingress/);
  assert.match(after, /backend:\n {14}service:\n {16}name: web\n {16}port:\n {18}number: 80/);
  assert.match(after, /pathType: ImplementationSpecific/);
  assert.deepEqual(codesOf(after).filter((c) => c.startsWith('schema') || c.startsWith('ingress')), []);
});

test('replace a deprecated apiVersion kind served elsewhere (api-version-kind-mismatch)', () => {
  const after = check('api-version-kind-mismatch', variant('apiVersion: apps/v1', 'apiVersion: batch/v1'));
  assert.match(after, /^apiVersion: apps\/v1/);
});

test('set imagePullPolicy', () => {
  const after = check('image-pull-policy-unset', variant('          imagePullPolicy: IfNotPresent\n', ''));
  assert.match(after, /imagePullPolicy: IfNotPresent/);
});

test('add a resources block to a container without one', () => {
  const text = variant('          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 128Mi\n', '');
  const after = check('cpu-request-missing', text);
  assert.ok(!codesOf(after, strict).includes('memory-limit-missing'));
});

test('complete a partial resources block without touching existing values', () => {
  const after = check('memory-limit-missing', variant('            limits:\n              memory: 128Mi\n', ''));
  assert.match(after, /cpu: 100m\n {14}memory: 128Mi\n {12}limits:\n {14}memory: 128Mi/);
});

test('add a hardened securityContext to a container without one', () => {
  const text = variant('          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities:\n              drop: ["ALL"]\n', '', variant('      securityContext:\n        runAsNonRoot: true\n', ''));
  const after = check('run-as-root-allowed', text);
  for (const rule of ['root-filesystem-writable', 'net-raw-not-dropped']) assert.ok(!codesOf(after, strict).includes(rule), rule);
});

test('harden a partial securityContext, keeping what is there', () => {
  const text = variant('            readOnlyRootFilesystem: true\n            capabilities:\n              drop: ["ALL"]\n', '');
  const after = check('net-raw-not-dropped', text);
  assert.match(after, /allowPrivilegeEscalation: false\n {12}readOnlyRootFilesystem: true\n {12}runAsNonRoot: true\n {12}capabilities:/);
});

test('apply the did-you-mean for an unknown field', () => {
  const after = check('schema-unknown-field', variant('          imagePullPolicy: IfNotPresent\n', '          imagePullPolicy: IfNotPresent\n          livenesProbe:\n            tcpSocket:\n              port: http\n', variant('          livenessProbe:\n            httpGet:\n              path: /\n              port: http\n', '')));
  assert.match(after, /livenessProbe:/);
});

test('fix a value type by quoting or unquoting', () => {
  check('schema-type', variant('replicas: 1', 'replicas: "1"'));
  const labelled = check('schema-type', variant('  labels:\n    app: web\nspec:', '  labels:\n    app: web\n    version: 1.0\nspec:'));
  assert.match(labelled, /version: "1.0"/);
});

test('fix an enum value by the closest allowed one', () => {
  const after = check('schema-enum', variant('imagePullPolicy: IfNotPresent', 'imagePullPolicy: ifnotpresent'));
  assert.match(after, /imagePullPolicy: IfNotPresent/);
});

test('rename the deprecated serviceAccount field', () => {
  const serviceAccount = '---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n';
  const after = check('service-account-field-deprecated', `${variant('      containers:', '      serviceAccount: web\n      containers:')}${serviceAccount}`);
  assert.match(after, /serviceAccountName: web/);
});

test('replace tabs with spaces', () => {
  const after = check('yaml-tab-indent', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n');
  assert.equal(after, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
});

test('set privileged, hostNetwork and restartPolicy to allowed values', () => {
  check('container-privileged', variant('            allowPrivilegeEscalation: false', '            allowPrivilegeEscalation: false\n            privileged: true'));
  check('host-network-enabled', variant('      containers:', '      hostNetwork: true\n      containers:'));
  check('restart-policy-invalid', variant('      containers:', '      restartPolicy: Never\n      containers:'));
});

test('add ttlSecondsAfterFinished and relax a blocking PodDisruptionBudget', () => {
  check('job-ttl-missing', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: run\n          image: busybox:1.36\n');
  check('pdb-blocks-eviction', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 0\n  selector:\n    matchLabels:\n      app: web\n');
});

/** Code actions (not carried on diagnostics): silence a finding. */
function codeAction(text: string, rule: string, title: RegExp): string {
  const model = manifest(text);
  const diagnostics = kubernetesService.diagnose!(model, contextFor());
  const diagnostic = diagnostics.find((d) => d.code === rule);
  assert.ok(diagnostic);
  const actions = kubernetesService.codeActions!(model, diagnostic.range, [diagnostic], contextFor());
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit?.changes, `no action ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(text, Object.values(action.edit.changes)[0]);
}

test('add the kube-linter ignore annotation for the object', () => {
  const text = variant('image: nginx:1.27', 'image: nginx:latest');
  const after = codeAction(text, 'image-tag-mutable', /^Ignore image-tag-mutable for this object \(latest-tag\)$/);
  assert.match(after, /annotations:\n {4}ignore-check\.kube-linter\.io\/latest-tag: /);
  assertFixed(text, after, 'image-tag-mutable');
});

test('add the ignore annotation to an existing annotations map', () => {
  const text = variant('  labels:\n    app: web\nspec:', '  labels:\n    app: web\n  annotations:\n    owner: team-a\nspec:', variant('image: nginx:1.27', 'image: nginx'));
  const after = codeAction(text, 'image-tag-mutable', /for this object/);
  assert.match(after, /owner: team-a\n {4}ignore-check\.kube-linter\.io\/latest-tag/);
  assertFixed(text, after, 'image-tag-mutable');
});

test('a rule kube-linter does not know is silenced with a stevedore-ignore comment above the line', () => {
  const text = variant('            - name: http\n              containerPort: 8080', '            - name: http\n              containerPort: 8080\n            - name: again\n              containerPort: 8080');
  const after = codeAction(text, 'duplicate-container-port', /^Ignore duplicate-container-port on this line$/);
  assert.match(after, / {14}# stevedore-ignore duplicate-container-port\n {14}containerPort: 8080\n(?![\s\S]*stevedore-ignore)/);
  assertFixed(text, after, 'duplicate-container-port');
});

test('each rule is offered one ignore action, named by its id', () => {
  const text = variant('image: nginx:1.27', 'image: nginx:latest');
  const model = manifest(text);
  const diagnostics = kubernetesService.diagnose!(model, contextFor()).filter((d) => d.code === 'image-tag-mutable');
  const actions = kubernetesService.codeActions!(model, diagnostics[0].range, diagnostics, contextFor('zh-cn'));
  assert.deepEqual(actions.map((a) => a.title), ['在此对象上忽略 image-tag-mutable（latest-tag）']);
});

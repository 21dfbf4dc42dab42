// The selector-mismatch quick fixes: both directions are offered, and the one that keeps the
// Services, PodDisruptionBudgets and NetworkPolicies selecting the pods comes first (and is safe).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DiagnosticFixData } from '../../../server/src/common/rules';
import { quickFixesFromDiagnostics } from '../../../server/src/common/codeActions';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { applyEdits, codesOf, diagnose, type DiagnoseOptions } from './k8sTestKit';

const deployment = (selector: string, template: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels:
${selector}
  template:
    metadata:
      labels:
${template}
    spec:
      containers:
        - name: api
          image: registry.example.com/api:2.4.1
`;

const service = (selector: string) => `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
${selector}
  ports:
    - port: 80
`;

/** The selector says `app: api`, the template says `app: api-server`: the editor fixture's case. */
const mismatched = deployment('      app: api', '        app: api-server');

function fixesOf(text: string, options: DiagnoseOptions = {}): DiagnosticFixData['fixes'] {
  const diagnostic = diagnose(text, options).find((d) => d.code === 'selector-mismatch');
  assert.ok(diagnostic, `no selector-mismatch in ${JSON.stringify(codesOf(text, options))}`);
  return (diagnostic.data as DiagnosticFixData).fixes;
}

const templateDirection = /pod template/i;
const selectorDirection = /change the selector/i;

test('both directions are offered; with nothing selecting the pods, labelling the template comes first and is safe', () => {
  const fixes = fixesOf(mismatched);
  assert.equal(fixes.length, 2);
  assert.match(fixes[0].title, templateDirection);
  assert.equal(fixes[0].safe, true);
  assert.match(fixes[1].title, selectorDirection);
  assert.equal(fixes[1].safe, false);
  const relabelled = applyEdits(mismatched, fixes[0].edits);
  assert.match(relabelled, /matchLabels:\n {6}app: api\n/, 'the selector is left as it was');
  assert.match(relabelled, /labels:\n {8}app: api\n/, 'the template takes the selector\'s value');
  assert.ok(!codesOf(relabelled).includes('selector-mismatch'));
  const reselected = applyEdits(mismatched, fixes[1].edits);
  assert.match(reselected, /matchLabels:\n {6}app: api-server\n/);
  assert.ok(!codesOf(reselected).includes('selector-mismatch'));
});

test('a Service selecting by the selector\'s labels keeps the template direction first', () => {
  const text = `${mismatched}---\n${service('    app: api')}`;
  const fixes = fixesOf(text);
  assert.match(fixes[0].title, templateDirection);
  assert.equal(fixes[0].safe, true);
  const after = applyEdits(text, fixes[0].edits);
  // The fix also makes the Service find its pods.
  assert.deepEqual(codesOf(after).filter((c) => c === 'selector-mismatch' || c === 'service-selects-nothing'), []);
});

test('a Service selecting by the template\'s current labels puts the selector direction first', () => {
  const text = `${mismatched}---\n${service('    app: api-server')}`;
  const fixes = fixesOf(text);
  assert.match(fixes[0].title, selectorDirection);
  assert.equal(fixes[0].safe, true);
  assert.match(fixes[1].title, templateDirection);
  assert.equal(fixes[1].safe, false);
  const after = applyEdits(text, fixes[0].edits);
  assert.deepEqual(codesOf(after).filter((c) => c === 'selector-mismatch' || c === 'service-selects-nothing'), []);
  // The other direction would leave the Service without endpoints.
  assert.ok(codesOf(applyEdits(text, fixes[1].edits)).includes('service-selects-nothing'));
});

test('PodDisruptionBudgets and NetworkPolicies in other files of the workspace count too', () => {
  const pdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: api-server
`;
  const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
spec:
  podSelector:
    matchLabels:
      app: api-server
  policyTypes: [Ingress]
`;
  for (const [name, text] of [['pdb.yaml', pdb], ['policy.yaml', policy]]) {
    const workspace = new WorkspaceIndex();
    workspace.updateText('file:///ws/deploy.yaml', mismatched);
    workspace.updateText(`file:///ws/${name}`, text);
    const fixes = fixesOf(mismatched, { workspace, uri: 'file:///ws/deploy.yaml' });
    assert.match(fixes[0].title, selectorDirection, `${name} selects the pods by the template's labels`);
    assert.equal(fixes[0].safe, true);
  }
});

test('objects in another namespace do not count', () => {
  const elsewhere = service('    app: api-server').replace('  name: api\n', '  name: api\n  namespace: other\n');
  const text = `${mismatched.replace('  name: api\n', '  name: api\n  namespace: shop\n')}---\n${elsewhere}`;
  assert.match(fixesOf(text)[0].title, templateDirection);
});

test('when each direction loses a selecting object, the template direction stays first but neither is safe', () => {
  const text = `${mismatched}---\n${service('    app: api')}---\n${service('    app: api-server').replace('name: api', 'name: api-internal')}`;
  const fixes = fixesOf(text);
  assert.match(fixes[0].title, templateDirection);
  assert.deepEqual(fixes.map((f) => f.safe), [false, false]);
});

test('a label the template lacks: the template gains it, or the selector drops it', () => {
  const text = deployment('      app: api\n      tier: backend', '        app: api');
  const fixes = fixesOf(text);
  const relabelled = applyEdits(text, fixes[0].edits);
  assert.match(relabelled, /labels:\n {8}app: api\n {8}tier: backend\n/);
  assert.match(relabelled, /matchLabels:\n {6}app: api\n {6}tier: backend\n/);
  const reselected = applyEdits(text, fixes[1].edits);
  assert.match(reselected, /matchLabels:\n {6}app: api\n {2}template:/);
  for (const after of [relabelled, reselected]) assert.ok(!codesOf(after).includes('selector-mismatch'), after);
});

test('the selector direction is not offered when it would leave the selector empty', () => {
  const text = deployment('      tier: backend', '        app: api');
  const fixes = fixesOf(text);
  assert.equal(fixes.length, 1);
  assert.match(fixes[0].title, templateDirection);
});

test('the preferred fix is the one the editor marks preferred', () => {
  const text = `${mismatched}---\n${service('    app: api-server')}`;
  const preferred = quickFixesFromDiagnostics('file:///work/app.yaml', diagnose(text).filter((d) => d.code === 'selector-mismatch')).filter((action) => action.isPreferred);
  assert.equal(preferred.length, 1);
  assert.match(preferred[0].title, selectorDirection);
});

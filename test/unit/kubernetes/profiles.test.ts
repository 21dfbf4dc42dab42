// The quiet default for manifests: the recommended profile, per-rule settings and .kube-linter.yaml
// on top of it, advice held back while a document is incomplete, and where container findings sit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codesOf, diagnose, goodManifest, variant, type DiagnoseOptions } from './k8sTestKit';
import { kubeLinterOptInIds } from './kubelinterCases';

/** The editor test's plain Deployment: what most people write first. */
const plainDeployment = readFileSync(join(__dirname, '../../editor/fixtures/workspace/profiles/plain-deployment.yaml'), 'utf8');
const strict: DiagnoseOptions = { settings: { profile: 'strict' } };

const sorted = (codes: string[]) => [...codes].sort();

/** The text each diagnostic covers, by rule. */
function covered(text: string, diagnostics: Diagnostic[]): Record<string, string> {
  const document = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  return Object.fromEntries(diagnostics.map((d) => [String(d.code), document.getText(d.range)]));
}

test('a plain Deployment: one finding by default, every check under strict', () => {
  assert.deepEqual(codesOf(plainDeployment), ['run-as-root-allowed']);
  const strictCodes = codesOf(plainDeployment, strict);
  // kube-linter's opt-in conventions come on under strict too (owner label, namespace, node affinity, sorted keys…).
  assert.deepEqual(sorted(strictCodes.filter((code) => kubeLinterOptInIds.has(code))), sorted([
    'default-namespace-used', 'default-service-account-used', 'dns-config-option-missing', 'keys-not-sorted', 'keys-not-sorted', 'node-affinity-missing',
    'owner-email-annotation-missing', 'owner-label-missing', 'pod-not-isolated', 'restart-policy-not-resilient',
  ]));
  assert.deepEqual(sorted(strictCodes.filter((code) => !kubeLinterOptInIds.has(code))), sorted([
    'image-pull-policy-unset', 'no-pod-anti-affinity', 'liveness-probe-missing', 'readiness-probe-missing',
    'cpu-request-missing', 'memory-limit-missing', 'run-as-root-allowed', 'root-filesystem-writable', 'net-raw-not-dropped',
  ]));
});

test('a rule the profile leaves out runs when a setting names it', () => {
  const codes = codesOf(plainDeployment, { settings: { kubernetes: { rules: { 'liveness-probe-missing': 'warning', 'no-readiness-probe': 'info' } } } });
  assert.deepEqual(sorted(codes), ['liveness-probe-missing', 'readiness-probe-missing', 'run-as-root-allowed']);
  // And a recommended rule stays switchable off under strict.
  assert.ok(!codesOf(plainDeployment, { settings: { profile: 'strict', kubernetes: { rules: { 'run-as-root-allowed': 'off' } } } }).includes('run-as-root-allowed'));
});

test('.kube-linter.yaml: include and addAllBuiltIn turn kube-linter checks on whatever the profile; its defaults alone do not', () => {
  const withConfig = (config: string, settings?: unknown) => codesOf(plainDeployment, { settings, filePath: '/repo/web.yaml', files: { readText: (path) => (path === '/repo/.kube-linter.yaml' ? config : undefined) } });
  assert.deepEqual(sorted(withConfig('checks:\n  include: [no-read-only-root-fs]\n')), ['root-filesystem-writable', 'run-as-root-allowed']);
  assert.deepEqual(withConfig('checks:\n  exclude: [run-as-non-root]\n'), []);
  const everything = withConfig('checks:\n  addAllBuiltIn: true\n');
  for (const code of ['no-pod-anti-affinity', 'liveness-probe-missing', 'cpu-request-missing', 'root-filesystem-writable', 'net-raw-not-dropped']) assert.ok(everything.includes(code), `${code} in ${everything.join()}`);
  // Our own rules that kube-linter does not have follow the profile.
  assert.ok(!everything.includes('image-pull-policy-unset'));
  assert.ok(withConfig('checks:\n  addAllBuiltIn: true\n', { profile: 'strict' }).includes('image-pull-policy-unset'));
});

test('.stevedore.yaml sets the profile for the files below it', () => {
  const files = { readText: (path: string) => (path === '/repo/.stevedore.yaml' ? 'profile: strict\n' : undefined) };
  assert.deepEqual(codesOf(plainDeployment, { filePath: '/repo/k8s/web.yaml', files }), codesOf(plainDeployment, strict));
  assert.ok(codesOf(plainDeployment, strict).length > codesOf(plainDeployment).length);
});

const brokenYaml = variant('      app: web\n  template', '      app: web\n    bad: [unclosed\n  template');

test('a document with a YAML syntax error gets its errors, not advice', () => {
  const latest = (text: string) => variant('image: nginx:1.27', 'image: nginx:latest', text);
  const codes = codesOf(latest(brokenYaml), strict);
  assert.ok(codes.includes('yaml-syntax'), codes.join());
  assert.ok(!codes.includes('image-tag-mutable'), codes.join());
  // Once the syntax is right, the advice is back.
  assert.ok(codesOf(latest(goodManifest), strict).includes('image-tag-mutable'));
});

test('a document missing a required field holds its advice back; the file\'s other documents keep theirs', () => {
  const noSelector = variant('  selector:\n    matchLabels:\n      app: web\n', '', plainDeployment.replaceAll('shop', 'web'));
  const second = plainDeployment.replace('name: shop\n  labels', 'name: other\n  labels');
  const diagnostics = diagnose(`${noSelector}---\n${second}`, strict);
  const firstDocumentEnd = noSelector.split('\n').length - 1;
  const inFirst = diagnostics.filter((d) => d.range.start.line < firstDocumentEnd).map((d) => String(d.code));
  const inSecond = diagnostics.filter((d) => d.range.start.line > firstDocumentEnd).map((d) => String(d.code));
  assert.deepEqual(inFirst, ['schema-required']);
  assert.equal(inSecond.filter((code) => !kubeLinterOptInIds.has(code)).length, 9, inSecond.join());
});

test('held-back advice does not include errors: a rule raised to error still shows', () => {
  const settings = { profile: 'strict', kubernetes: { rules: { 'liveness-probe-missing': 'error' } } };
  const codes = codesOf(variant('  selector:\n    matchLabels:\n      app: web\n', '', plainDeployment.replaceAll('shop', 'web')), { settings });
  assert.deepEqual(sorted(codes), ['liveness-probe-missing', 'schema-required']);
});

test('container findings sit on the field at fault; missing fields on the container\'s name entry', () => {
  const missing = covered(plainDeployment, diagnose(plainDeployment, strict));
  for (const code of ['liveness-probe-missing', 'readiness-probe-missing', 'cpu-request-missing', 'memory-limit-missing', 'run-as-root-allowed', 'root-filesystem-writable', 'net-raw-not-dropped']) {
    assert.equal(missing[code], 'name: shop', code);
  }
  assert.equal(missing['image-pull-policy-unset'], 'registry.example.com/shop:1.4.2');
  const partial = plainDeployment.replace('          ports:\n', [
    '          securityContext:',
    '            readOnlyRootFilesystem: false',
    '            capabilities:',
    '              add: [CHOWN]',
    '          resources:',
    '            requests:',
    '              memory: 64Mi',
    '          ports:',
    '',
  ].join('\n'));
  const found = covered(partial, diagnose(partial, strict));
  assert.equal(found['root-filesystem-writable'], 'readOnlyRootFilesystem');
  assert.equal(found['net-raw-not-dropped'], 'capabilities');
  assert.equal(found['run-as-root-allowed'], 'securityContext');
  assert.equal(found['cpu-request-missing'], 'requests');
  assert.equal(found['memory-limit-missing'], 'resources');
  assert.equal(found['liveness-probe-missing'], 'name: shop');
});

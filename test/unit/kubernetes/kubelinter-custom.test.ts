// `.kube-linter.yaml` customChecks: kube-linter's templates with the user's parameters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubeLinterConfig } from '../../../server/src/config/kubeLinter';
import { diagnose, type DiagnoseOptions } from './k8sTestKit';
import { deploy } from './kubelinterCases';

const withConfig = (config: string, settings?: unknown): DiagnoseOptions => ({
  settings, filePath: '/repo/app.yaml', files: { readText: (path) => (path === '/repo/.kube-linter.yaml' ? config : undefined) },
});

function custom(text: string, config: string): string[] {
  return diagnose(text, withConfig(config)).filter((d) => d.code === 'kube-linter-custom-check').map((d) => String(d.message));
}

test('customChecks are parsed: name, template, params, scope; broken entries are skipped', () => {
  const config = parseKubeLinterConfig('customChecks:\n  - name: team\n    template: required-label\n    params: {key: team}\n    scope:\n      objectKinds: [DeploymentLike]\n  - name: 3\n  - template: x\n', '/r/.kube-linter.yaml');
  assert.deepEqual(config?.customChecks, [{ name: 'team', template: 'required-label', params: { key: 'team' }, objectKinds: ['DeploymentLike'], remediation: undefined }]);
  assert.deepEqual(parseKubeLinterConfig('checks: {}\n', '/r/.kube-linter.yaml')?.customChecks, []);
});

test('required-label with the team\'s own key: reports objects without it, named after the custom check', () => {
  const config = 'customChecks:\n  - name: required-label-team\n    template: required-label\n    params:\n      key: team\n';
  const missing = custom(deploy('a', ''), config);
  assert.equal(missing.length, 1);
  assert.match(missing[0], /^\[required-label-team\] .*team=<any>/);
  assert.deepEqual(custom(deploy('a', '', { meta: '\n  labels:\n    team: payments', spec: '' }), config), []);
});

test('minimum-replicas with minReplicas: 2, and a scope narrowing the kinds', () => {
  const config = 'customChecks:\n  - name: two\n    template: minimum-replicas\n    params: {minReplicas: 2}\n';
  assert.equal(custom(deploy('a', '', { meta: '', spec: '\n  replicas: 1' }), config).length, 1);
  assert.equal(custom(deploy('a', '', { meta: '', spec: '\n  replicas: 2' }), config).length, 0);
  const onlyStatefulSets = 'customChecks:\n  - name: two\n    template: minimum-replicas\n    params: {MinReplicas: 2}\n    scope:\n      objectKinds: [StatefulSet]\n';
  assert.equal(custom(deploy('a', '', { meta: '', spec: '\n  replicas: 1' }), onlyStatefulSets).length, 0);
});

test('other templates with parameters: priority classes, forbidden Service types, access to resources, dnsconfig, update strategy', () => {
  assert.equal(custom(deploy('a', '      priorityClassName: batch-low\n'), 'customChecks:\n  - name: pc\n    template: priority-class-name\n    params:\n      acceptedPriorityClassNames: [batch-low]\n').length, 0);
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: ClusterIP\n  ports: [{port: 80}]\n';
  assert.equal(custom(svc, 'customChecks:\n  - name: no-clusterip\n    template: forbidden-service-types\n    params:\n      forbiddenServiceTypes: [ClusterIP]\n').length, 1);
  const rbac = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cm\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [update]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b\nsubjects: [{kind: User, name: u}]\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cm}\n';
  assert.equal(custom(rbac, 'customChecks:\n  - name: cm-writes\n    template: access-to-resources\n    params:\n      resources: ["^configmaps$"]\n      verbs: ["^update$"]\n').length, 1);
  assert.equal(custom(deploy('a', '      dnsConfig:\n        options:\n          - name: timeout\n            value: "3"\n'), 'customChecks:\n  - name: t\n    template: dnsconfig-options\n    params: {Key: timeout, Value: "3"}\n').length, 0);
  assert.equal(custom(deploy('a', '', { meta: '', spec: '\n  strategy:\n    type: RollingUpdate' }), 'customChecks:\n  - name: recreate-only\n    template: update-configuration\n    params: {strategyTypeRegex: "^Recreate$"}\n').length, 1);
});

test('a custom check is silenced by checks.exclude and by kube-linter\'s ignore-check annotation; unknown templates are skipped', () => {
  const check = '  - name: required-label-team\n    template: required-label\n    params: {key: team}\n';
  assert.equal(custom(deploy('a', ''), `checks:\n  exclude: [required-label-team]\ncustomChecks:\n${check}`).length, 0);
  assert.equal(custom(deploy('a', '', { meta: '\n  annotations:\n    ignore-check.kube-linter.io/required-label-team: "reason"', spec: '' }), `customChecks:\n${check}`).length, 0);
  assert.equal(custom(deploy('a', ''), 'customChecks:\n  - name: cel\n    template: cel-expression\n    params: {check: "true"}\n').length, 0);
});

test('messages follow the docs language', () => {
  const zh = diagnose(deploy('a', ''), { ...withConfig('customChecks:\n  - name: team\n    template: required-label\n    params: {key: team}\n'), lang: 'zh-cn' }).filter((d) => d.code === 'kube-linter-custom-check');
  assert.match(String(zh[0].message), /^\[team\] .*标签/);
});

test('update-configuration bounds: maxSurge / maxPodsUnavailable limits, percentages compared with percentages', () => {
  const config = 'customChecks:\n  - name: gentle\n    template: update-configuration\n    params:\n      strategyTypeRegex: "^RollingUpdate$"\n      maxPodsUnavailable: "25%"\n      maxSurge: "1"\n';
  const withRolling = (rolling: string) => deploy('a', '', { meta: '', spec: `\n  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n${rolling}` });
  assert.deepEqual(custom(withRolling('      maxUnavailable: 25%\n      maxSurge: 1\n'), config), []);
  const tooMany = custom(withRolling('      maxUnavailable: 50%\n      maxSurge: 2\n'), config);
  assert.equal(tooMany.length, 2, tooMany.join('\n'));
  assert.match(tooMany[0], /maxUnavailable is 50%; no more than 25% is required/);
  // A count where a percentage is asked for does not compare.
  assert.equal(custom(withRolling('      maxUnavailable: 1\n'), config).length, 1);
  // Asked-for bounds with no rollingUpdate at all.
  assert.match(custom(deploy('a', '', { meta: '', spec: '\n  strategy:\n    type: RollingUpdate' }), config)[0], /no rolling update parameters/);
});

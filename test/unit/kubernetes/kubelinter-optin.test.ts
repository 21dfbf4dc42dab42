// kube-linter's opt-in checks: one conformance case per check, in our own manifests, after what
// kube-linter's tests pin down (tests/checks/<check>.yml); then how they are switched on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubernetesRules } from '../../../server/src/kubernetes/rules';
import type { KubeRuleMeta } from '../../../server/src/kubernetes/rules/context';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { contextFor, manifest } from '../helpers';
import { diagnose, type DiagnoseOptions } from './k8sTestKit';
import { binding, deploy, docs, kubeLinterOptInCases, role } from './kubelinterCases';

const strict: DiagnoseOptions = { settings: { profile: 'strict' } };
/** Findings of one rule, as `line:message` for readable failures. */
function found(rule: string, text: string, options: DiagnoseOptions = strict): string[] {
  return diagnose(text, options).filter((d) => d.code === rule).map((d) => `${d.range.start.line}:${typeof d.message === 'string' ? d.message : d.message.value}`);
}

const cases = kubeLinterOptInCases;

test('every kube-linter opt-in check named in the issue has a rule under its kube-linter name, strict-only', () => {
  for (const c of cases) {
    const rule = kubernetesRules.find(c.alias);
    assert.equal(rule?.meta.id, c.rule, c.alias);
    assert.equal(rule?.meta.profile, 'strict', c.rule);
    assert.notEqual((rule?.meta as KubeRuleMeta | undefined)?.kubeLinterDefault, true, c.rule);
  }
  assert.equal(cases.length, 24);
});

for (const c of cases) {
  test(`${c.alias} (${c.rule}): reports the problem under strict`, () => {
    const findings = found(c.rule, c.positive);
    assert.equal(findings.length, c.count ?? 1, findings.join('\n'));
  });
  test(`${c.alias} (${c.rule}): quiet on the conforming manifest`, () => {
    assert.deepEqual(found(c.rule, c.negative), []);
  });
  test(`${c.alias} (${c.rule}): off under recommended`, () => {
    assert.deepEqual(found(c.rule, c.positive, {}), []);
  });
}

const withKubeLinter = (config: string, settings?: unknown): DiagnoseOptions => ({
  settings, filePath: '/repo/app.yaml', files: { readText: (path) => (path === '/repo/.kube-linter.yaml' ? config : undefined) },
});

test('.kube-linter.yaml include turns an opt-in check on under recommended; exclude turns it off under strict', () => {
  const c = cases.find((x) => x.alias === 'use-namespace')!;
  assert.equal(found(c.rule, c.positive, withKubeLinter('checks:\n  include: [use-namespace]\n')).length, 1);
  assert.equal(found(c.rule, c.positive, withKubeLinter('checks:\n  addAllBuiltIn: true\n')).length, 1);
  assert.equal(found(c.rule, c.positive, withKubeLinter('checks:\n  exclude: [use-namespace]\n', { profile: 'strict' })).length, 0);
  // kube-linter's defaults alone do not run it.
  assert.equal(found(c.rule, c.positive, withKubeLinter('checks: {}\n', { profile: 'strict' })).length, 0);
});

test('RBAC: a binding is followed to a role in another file, and through ClusterRole aggregation', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///w/role.yaml', role('ClusterRole', 'secrets-part', '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get"]\n', '\n  labels:\n    agg: "true"'));
  index.updateText('file:///w/agg.yaml', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: combined\naggregationRule:\n  clusterRoleSelectors:\n    - matchLabels:\n        agg: "true"\nrules: []\n');
  const direct = found('rbac-can-read-secrets', binding('ClusterRoleBinding', 'ClusterRole', 'secrets-part'), { ...strict, workspace: index, uri: 'file:///w/b.yaml' });
  assert.equal(direct.length, 1, direct.join());
  const viaAggregation = found('rbac-can-read-secrets', binding('ClusterRoleBinding', 'ClusterRole', 'combined'), { ...strict, workspace: index, uri: 'file:///w/b.yaml' });
  assert.equal(viaAggregation.length, 1, viaAggregation.join());
  assert.match(viaAggregation[0], /aggregated into .combined/);
  // A RoleBinding may grant a ClusterRole inside its namespace: followed too.
  assert.equal(found('rbac-can-read-secrets', binding('RoleBinding', 'ClusterRole', 'secrets-part'), { ...strict, workspace: index, uri: 'file:///w/b.yaml' }).length, 1);
  // Roles of another namespace do not count.
  const otherNs = role('Role', 'maker', '  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["create"]\n').replace('namespace: dev', 'namespace: prod');
  assert.equal(found('rbac-can-create-pods', docs(otherNs, binding('RoleBinding', 'Role', 'maker'))).length, 0);
});

test('access rules: a wildcard resource or verb counts as access', () => {
  const text = docs(role('Role', 'any', '  - apiGroups: [""]\n    resources: ["*"]\n    verbs: ["*"]\n'), binding('RoleBinding', 'Role', 'any'));
  assert.equal(found('rbac-can-create-pods', text).length, 1);
  assert.equal(found('rbac-can-read-secrets', text).length, 1);
});

test('default service account: unset counts as default; automountServiceAccountToken: false does not report', () => {
  assert.equal(found('default-service-account-used', deploy('a', '')).length, 1);
  assert.equal(found('default-service-account-used', deploy('a', '      automountServiceAccountToken: false\n')).length, 0);
  assert.equal(found('default-service-account-used', deploy('a', '      serviceAccount: app\n')).length, 0);
});

test('dnsconfig: no dnsConfig at all, or no options, reports too', () => {
  assert.equal(found('dns-config-option-missing', deploy('a', '')).length, 1);
  assert.equal(found('dns-config-option-missing', deploy('a', '      dnsConfig:\n        nameservers: [1.1.1.1]\n')).length, 1);
});

test('minimum replicas: unset replicas is one; left to an autoscaler that targets the workload', () => {
  assert.equal(found('replicas-below-three', deploy('a', '')).length, 1);
  const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: a}\n  minReplicas: 3\n  maxReplicas: 5\n';
  assert.equal(found('replicas-below-three', docs(deploy('a', ''), hpa)).length, 0);
  // DaemonSets, Jobs and Pods have no replica count.
  assert.equal(found('replicas-below-three', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: c, image: "busybox:1.36"}]\n').length, 0);
});

test('update strategy: StatefulSet OnDelete reports; an unset type is a rolling update', () => {
  const sts = (strategy: string) => `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: s\nspec:\n  serviceName: s\n${strategy}  selector:\n    matchLabels: {app: s}\n  template:\n    metadata:\n      labels: {app: s}\n    spec:\n      containers: [{name: c, image: "busybox:1.36"}]\n`;
  assert.equal(found('update-strategy-not-rolling', sts('  updateStrategy:\n    type: OnDelete\n')).length, 1);
  assert.equal(found('update-strategy-not-rolling', sts('')).length, 0);
  assert.equal(found('update-strategy-not-rolling', deploy('a', '', { meta: '', spec: '\n  strategy: {}' })).length, 0);
});

test('non-isolated pod: an empty podSelector isolates every pod of the namespace; another namespace does not', () => {
  const np = (ns: string, selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\n  namespace: ${ns}\nspec:\n  podSelector: ${selector}\n`;
  const web = deploy('web', '', { meta: '\n  namespace: shop', spec: '' });
  assert.equal(found('pod-not-isolated', docs(web, np('shop', '{}'))).length, 0);
  assert.equal(found('pod-not-isolated', docs(web, np('other', '{}'))).length, 1);
});

test('required label / annotation: kube-linter regular expressions, unanchored', () => {
  assert.equal(found('owner-label-missing', deploy('a', '', { meta: '\n  labels:\n    team-owner: x', spec: '' })).length, 0);
  assert.equal(found('owner-email-annotation-missing', deploy('a', '')).length, 1);
});

test('restart policy: an unset policy is reported (kube-linter wants it stated)', () => {
  assert.equal(found('restart-policy-not-resilient', deploy('a', '')).length, 1);
  assert.equal(found('restart-policy-not-resilient', deploy('a', '      restartPolicy: Always\n')).length, 0);
});

test('service monitor: a namespace selector alone matches any Service there; no selector at all is reported', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: mon\nspec:\n  ports: [{port: 80}]\n';
  const sm = (spec: string) => `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: m\nspec:\n${spec}`;
  assert.equal(found('service-monitor-selects-nothing', docs(svc, sm('  namespaceSelector:\n    matchNames: [mon]\n'))).length, 0);
  assert.equal(found('service-monitor-selects-nothing', docs(svc, sm('  namespaceSelector:\n    matchNames: [other]\n'))).length, 1);
  assert.equal(found('service-monitor-selects-nothing', docs(svc, sm('  endpoints: [{port: web}]\n'))).length, 1);
  assert.equal(found('service-monitor-selects-nothing', docs(svc, sm('  namespaceSelector:\n    any: true\n'))).length, 0);
});

test('sorted keys: one finding per unsorted mapping, at its first misplaced key', () => {
  const findings = found('keys-not-sorted', 'apiVersion: v1\nmetadata:\n  name: c\nkind: ConfigMap\ndata:\n  b: "1"\n  a: "2"\n');
  assert.deepEqual(findings.map((f) => f.split(':')[0]), ['1', '5']);
});

test('messages are in Chinese under the Chinese docs language', () => {
  for (const c of cases) {
    const zh = diagnose(c.positive, { ...strict, lang: 'zh-cn' }).filter((d) => d.code === c.rule);
    assert.ok(zh.length > 0 && zh.every((d) => /[\u4e00-\u9fff]/.test(String(d.message))), c.rule);
  }
});

test('network policy peers: pods an operator creates from a custom resource labelled alike count (kube-prometheus)', () => {
  const prometheus = 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: k8s\n  namespace: monitoring\n  labels:\n    app.kubernetes.io/name: prometheus\nspec:\n  replicas: 2\n';
  const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: am\n  namespace: monitoring\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: prometheus\n';
  assert.equal(found('network-policy-peer-selects-nothing', np).length, 1);
  assert.equal(found('network-policy-peer-selects-nothing', docs(prometheus, np)).length, 0);
});

test('service monitors of the API server select the Service every cluster has', () => {
  const sm = 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: apiserver\nspec:\n  selector:\n    matchLabels:\n      component: apiserver\n      provider: kubernetes\n  namespaceSelector:\n    matchNames: [default]\n';
  assert.equal(found('service-monitor-selects-nothing', sm).length, 0);
});

test('DeploymentLike is by kind as in kube-linter: a Deployment without a pod template still has replicas, a strategy, a namespace', () => {
  const bare = (spec: string, meta = '') => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${meta}\nspec:\n${spec}`;
  const rule = (id: string) => kubernetesRules.find(id)!;
  const run = (id: string, text: string) => {
    const out: string[] = [];
    rule(id).check({ file: manifest(text), ctx: contextFor('en', { settings: { profile: 'strict' } }) }, (f) => out.push(f.message.en));
    return out;
  };
  assert.equal(run('minimum-three-replicas', bare('  replicas: 2\n')).length, 1);
  assert.equal(run('no-rolling-update-strategy', bare('  strategy:\n    type: Other\n')).length, 1);
  assert.equal(run('use-namespace', bare('  replicas: 3\n', '\n  namespace: default')).length, 1);
  // Templates that read the pod spec need one.
  assert.equal(run('no-node-affinity', bare('  replicas: 3\n')).length, 0);
});

// Issue 15, defects 3, 6, 10 and 11: single-object rules that were wrong on real manifests or
// missed what kube-linter finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentialName, credentialValue } from '../../../server/src/kubernetes/rules/podSettings';
import { cronProblem } from '../../../server/src/kubernetes/rules/cronJob';
import { codesOf, diagnose } from './k8sTestKit';

const textOf = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);

const withEnv = (entries: [string, string][]) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: app:1.0
      env:
${entries.map(([name, value]) => `        - name: ${name}\n          value: ${JSON.stringify(value)}`).join('\n')}
`;

const secretFindings = (entries: [string, string][]) => diagnose(withEnv(entries)).filter((d) => d.code === 'secret-in-env-value').length;

test('secret-in-env-value: the false findings of real repositories are clean', () => {
  for (const entry of [
    ['MAX_TOTAL_TOKENS', '2048'], ['MAX_INPUT_TOKENS', '1024'], ['MYSQL_ALLOW_EMPTY_PASSWORD', '1'],
    ['GOOGLE_APPLICATION_CREDENTIALS', '/var/secrets/google/key.json'], ['SECRET_VERSION', 'latest'],
    ['TOKEN_FILE', '/run/token'], ['PASSWORD_MIN_LENGTH', '12'], ['SECRET_NAME', 'db-credentials'], ['REQUIRE_PASSWORD', 'true'],
    ['KEYCLOAK_TOKEN_TTL', '300s'], ['SECRETARY', 'alice'], ['BYPASS_MODE', 'strict'],
  ] as [string, string][]) {
    assert.equal(secretFindings([entry]), 0, entry[0]);
  }
});

test('secret-in-env-value: real secrets are still found', () => {
  for (const entry of [
    ['MYSQL_ROOT_PASSWORD', 'hunter2'], ['DB_PASS', 'p4ssw0rd'], ['API_KEY', 'AKIAIOSFODNN7EXAMPLE'], ['apiKey', 'abcd1234efgh'],
    ['GITHUB_TOKEN', 'ghp_123456789'], ['SECRET_BLAH', 'secretsquirrels'], ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG'],
    ['REFRESH_TOKEN', 'eyJhbGciOi'], ['USER_PASSWORD', 'changeme'], ['PIN_PASSWORD', '12345678'],
  ] as [string, string][]) {
    assert.equal(secretFindings([entry]), 1, entry[0]);
  }
});

test('credential names are whole words; values that cannot be credentials are not', () => {
  assert.equal(credentialName('DB_PASSWORD'), true);
  assert.equal(credentialName('dbPassword'), true);
  assert.equal(credentialName('PASSWORDLESS_LOGIN'), false);
  assert.equal(credentialName('CACHE_KEY'), false);
  assert.equal(credentialName('SIGNING_KEY'), true);
  assert.equal(credentialValue('true'), false);
  assert.equal(credentialValue('443'), false);
  assert.equal(credentialValue('./certs/key.pem'), false);
  assert.equal(credentialValue('C:\\secrets\\key'), false);
  assert.equal(credentialValue('$(OTHER_VAR)'), false);
  assert.equal(credentialValue('s3cr3t-value'), true);
});

const portNamed = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: app:1.0
      ports:
        - name: ${JSON.stringify(name)}
          containerPort: 8080
`;

test('all-digit port names are reported: the API server rejects them (defect 6)', () => {
  assert.ok(codesOf(portNamed('8080')).includes('invalid-port-name'));
  assert.ok(codesOf(portNamed('123456')).includes('invalid-port-name'));
  assert.ok(!codesOf(portNamed('http-8080')).includes('invalid-port-name'));
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n      targetPort: "8080"\n';
  assert.ok(codesOf(service).includes('invalid-port-name'));
  assert.ok(!codesOf(service.replace('"8080"', '8080')).includes('invalid-port-name'));
});

test('cron: ? is accepted in every field, as robfig/cron v3 reads it (defect 10)', () => {
  for (const schedule of ['? * * * *', '0 ? * * *', '0 0 ? * ?', '0 0 1 ? *', '?/5 * * * *']) assert.equal(cronProblem(schedule), undefined, schedule);
  assert.notEqual(cronProblem('?? * * * *'), undefined);
  assert.notEqual(cronProblem('60 * * * *'), undefined);
});

const probeOn = (protocol: string, handler = 'tcpSocket') => `apiVersion: v1
kind: Pod
metadata:
  name: dns
spec:
  containers:
    - name: dns
      image: coredns:1.11
      ports:
        - name: dns
          containerPort: 53
          protocol: ${protocol}
      livenessProbe:
        ${handler}:
          port: dns
`;

test('a probe aimed at a UDP-only port is reported (probes connect over TCP)', () => {
  const udp = diagnose(probeOn('UDP')).filter((d) => d.code === 'probe-port-unknown');
  assert.equal(udp.length, 1);
  assert.match(textOf(udp[0].message), /UDP/);
  assert.equal(diagnose(probeOn('UDP', 'httpGet')).filter((d) => d.code === 'probe-port-unknown').length, 1);
  assert.ok(!codesOf(probeOn('TCP')).includes('probe-port-unknown'));
  // The same port number open for TCP too is fine.
  const both = probeOn('UDP').replace('      livenessProbe:', '        - name: dns-tcp\n          containerPort: 53\n          protocol: TCP\n      livenessProbe:').replace('port: dns\n', 'port: 53\n');
  assert.ok(!codesOf(both).includes('probe-port-unknown'));
});

const replicated = (affinity: string, namespace = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      affinity:
        podAntiAffinity:
${affinity}
      containers:
        - name: web
          image: nginx:1.27
`;

const term = (extra: string, labels = '{app: web}') => `          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels: ${labels}${extra}`;

test('pod anti-affinity that cannot match the pod\'s own namespace or labels does not count', () => {
  const strict = { settings: { profile: 'strict' } };
  assert.ok(!codesOf(replicated(term('')), strict).includes('no-pod-anti-affinity'));
  assert.ok(!codesOf(replicated(term('\n              namespaces: [shop]')), strict).includes('no-pod-anti-affinity'));
  assert.ok(codesOf(replicated(term('\n              namespaces: [other]')), strict).includes('no-pod-anti-affinity'));
  // Without a namespace of its own, the pod may be deployed into the one named.
  assert.ok(!codesOf(replicated(term('\n              namespaces: [other]')).replace('  namespace: shop\n', ''), strict).includes('no-pod-anti-affinity'));
  assert.ok(codesOf(replicated(term('', '{app: api}')), strict).includes('no-pod-anti-affinity'));
});

const securityContext = (pod: string, container = '') => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
${pod}
  containers:
    - name: app
      image: app:1.0${container}
`;

test('run-as-root-allowed: runAsGroup 0 counts as root, and runAsNonRoot with runAsUser 0 cannot start', () => {
  const count = (text: string) => codesOf(text).filter((c) => c === 'run-as-root-allowed').length;
  assert.equal(count(securityContext('    runAsNonRoot: true\n    runAsUser: 1000')), 0);
  assert.equal(count(securityContext('    runAsNonRoot: true\n    runAsUser: 1000\n    runAsGroup: 0')), 1);
  assert.equal(count(securityContext('    runAsUser: 1000', '\n      securityContext:\n        runAsGroup: 0')), 1);
  assert.equal(count(securityContext('    runAsNonRoot: true\n    runAsUser: 1000\n    runAsGroup: 1000')), 0);
  assert.equal(count(securityContext('    runAsNonRoot: true\n    runAsUser: 0')), 1);
});

test('pdb-unhealthy-eviction-policy: an explicit IfHealthyBudget is a choice', () => {
  const pdb = (policy: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1${policy}\n  selector:\n    matchLabels: {app: web}\n`;
  const strict = { settings: { profile: 'strict' } };
  assert.ok(codesOf(pdb(''), strict).includes('pdb-unhealthy-eviction-policy'));
  assert.ok(!codesOf(pdb('\n  unhealthyPodEvictionPolicy: IfHealthyBudget'), strict).includes('pdb-unhealthy-eviction-policy'));
  assert.ok(!codesOf(pdb('\n  unhealthyPodEvictionPolicy: AlwaysAllow'), strict).includes('pdb-unhealthy-eviction-policy'));
});

// Issue 15, defect 7: a rule that carries several kube-linter checks answers to each of them for
// its own findings only — in .kube-linter.yaml, in ignore-check annotations, in ignore comments
// and in the rule settings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose } from './k8sTestKit';

const textOf = (message: string | { value: string }) => (typeof message === 'string' ? message : message.value);

/** A Deployment whose three probes each aim at a port the container does not declare. */
const probes = (annotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop${annotations}
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
          livenessProbe:
            httpGet: {path: /, port: live}
          readinessProbe:
            httpGet: {path: /, port: ready}
          startupProbe:
            httpGet: {path: /, port: start}
`;

const withConfig = (config: string) => ({ filePath: '/repo/web.yaml', files: { readText: (path: string) => (path === '/repo/.kube-linter.yaml' ? config : undefined) } });

/** The probe findings, as the port each one names. */
function probeFindings(text: string, options = {}): string[] {
  return diagnose(text, options).filter((d) => d.code === 'probe-port-unknown').map((d) => /port ‘(\w+)’/.exec(textOf(d.message))?.[1] ?? textOf(d.message)).sort();
}

test('without configuration, the three probes are reported', () => {
  assert.deepEqual(probeFindings(probes()), ['live', 'ready', 'start']);
});

test('.kube-linter.yaml exclude of one probe check silences that probe only', () => {
  assert.deepEqual(probeFindings(probes(), withConfig('checks:\n  exclude: [startup-port]\n')), ['live', 'ready']);
  assert.deepEqual(probeFindings(probes(), withConfig('checks:\n  exclude: [liveness-port, readiness-port]\n')), ['start']);
  // Our id still switches the whole rule.
  assert.deepEqual(probeFindings(probes(), withConfig('checks:\n  exclude: [probe-port-unknown]\n')), []);
});

test('.kube-linter.yaml include of one probe check, without defaults, reports that probe only', () => {
  assert.deepEqual(probeFindings(probes(), withConfig('checks:\n  doNotAutoAddDefaults: true\n  include: [liveness-port]\n')), ['live']);
  assert.deepEqual(probeFindings(probes(), withConfig('checks:\n  doNotAutoAddDefaults: true\n')), []);
});

test('an ignore-check annotation naming one probe check silences that probe only', () => {
  const annotated = probes('\n  annotations:\n    ignore-check.kube-linter.io/startup-port: "warms up slowly"');
  assert.deepEqual(probeFindings(annotated), ['live', 'ready']);
  const all = probes('\n  annotations:\n    ignore-check.kube-linter.io/probe-port-unknown: "all of them"');
  assert.deepEqual(probeFindings(all), []);
});

test('an ignore comment naming one probe check silences that probe only', () => {
  const commented = probes().replace('          startupProbe:', '          # stevedore-ignore readiness-port\n          startupProbe:')
    .replace('          readinessProbe:\n            httpGet: {path: /, port: ready}', '          readinessProbe:\n            # stevedore-ignore readiness-port\n            httpGet: {path: /, port: ready}');
  assert.deepEqual(probeFindings(commented), ['live', 'start']);
});

test('a rule setting naming one probe check acts on that probe only', () => {
  const findings = diagnose(probes(), { settings: { kubernetes: { rules: { 'startup-port': 'off', 'liveness-port': 'error' } } } }).filter((d) => d.code === 'probe-port-unknown');
  assert.deepEqual(findings.map((d) => d.severity).sort(), [1, 2]);
  assert.equal(findings.length, 2);
});

const removedApis = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: old
spec:
  template:
    metadata:
      labels: {app: old}
    spec:
      containers:
        - name: old
          image: nginx:1.27
---
apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec: {}
`;

const removedLines = (options = {}) => diagnose(removedApis, options).filter((d) => d.code === 'api-version-removed').map((d) => d.range.start.line);

test('excluding no-extensions-v1beta silences the extensions/v1beta* findings only', () => {
  assert.deepEqual(removedLines(), [0, 13]);
  assert.deepEqual(removedLines(withConfig('checks:\n  exclude: [no-extensions-v1beta]\n')), [13]);
  assert.deepEqual(removedLines(withConfig('checks:\n  exclude: [api-version-removed]\n')), []);
  // Not a kube-linter check: turning kube-linter's defaults off leaves the other removed APIs reported.
  assert.deepEqual(removedLines(withConfig('checks:\n  doNotAutoAddDefaults: true\n')), [13]);
});

test('invalid-target-ports names both port rules; excluding it leaves container port numbers to port-out-of-range', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
      targetPort: 123456
    - port: 81
      targetPort: "8080"
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 99999
`;
  const codes = (options = {}) => diagnose(text, options).filter((d) => d.code === 'port-out-of-range' || d.code === 'invalid-port-name').map((d) => `${d.range.start.line + 1} ${d.code}`).sort();
  assert.deepEqual(codes(), ['11 invalid-port-name', '23 port-out-of-range', '9 port-out-of-range']);
  assert.deepEqual(codes(withConfig('checks:\n  exclude: [invalid-target-ports]\n')), ['23 port-out-of-range']);
});

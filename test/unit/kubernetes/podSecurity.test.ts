// Pod Security Standards: every control of Baseline and Restricted, each with a pod that breaks it
// and one that does not; the level from the setting, from a Namespace's enforce label, or off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/common/settings';
import { parseStevedoreConfig, overlayEditorSettings } from '../../../server/src/config/stevedoreConfig';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { applyEdits, diagnose, type DiagnoseOptions } from './k8sTestKit';

const level = (podSecurity: string): DiagnoseOptions => ({ settings: { kubernetes: { podSecurity } } });
const baseline = level('baseline');
const restricted = level('restricted');

/** A pod that passes Restricted; `pod(...)` variations break one control each. */
const container = `    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: ["ALL"]
`;
function pod(opts: { podSpec?: string; podContext?: string; containerExtra?: string; meta?: string } = {}): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p${opts.meta ?? ''}
spec:
${opts.podSpec ?? ''}  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
${opts.podContext ?? ''}  containers:
${container}${opts.containerExtra ?? ''}`;
}

/** Findings of the Pod Security rules as `rule|control` pairs. */
function controls(text: string, options: DiagnoseOptions): string[] {
  return diagnose(text, options)
    .filter((d) => String(d.code).startsWith('pod-security-'))
    .map((d) => `${String(d.code).replace('pod-security-', '')}|${/· ([^:]+):/.exec(String(d.message))?.[1]}`);
}

test('the conforming pod passes Restricted', () => {
  assert.deepEqual(controls(pod(), restricted), []);
});

interface ControlCase { control: string; level: 'baseline' | 'restricted'; bad: string; good: string }

const cases: ControlCase[] = [
  { control: 'HostProcess', level: 'baseline', bad: pod({ podContext: '    windowsOptions:\n      hostProcess: true\n' }), good: pod({ podContext: '    windowsOptions:\n      hostProcess: false\n' }) },
  { control: 'Host namespaces', level: 'baseline', bad: pod({ podSpec: '  hostPID: true\n' }), good: pod({ podSpec: '  hostPID: false\n' }) },
  { control: 'Privileged containers', level: 'baseline', bad: pod({ containerExtra: '    - name: priv\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: ["ALL"]\n' }), good: pod() },
  { control: 'Capabilities', level: 'baseline', bad: pod().replace('drop: ["ALL"]', 'drop: ["ALL"]\n          add: ["SYS_ADMIN"]'), good: pod().replace('drop: ["ALL"]', 'drop: ["ALL"]\n          add: ["NET_BIND_SERVICE"]') },
  { control: 'HostPath volumes', level: 'baseline', bad: pod({ podSpec: '  volumes:\n    - name: h\n      hostPath:\n        path: /var/log\n' }), good: pod({ podSpec: '  volumes:\n    - name: e\n      emptyDir: {}\n' }) },
  { control: 'Host ports', level: 'baseline', bad: pod().replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      ports:\n        - containerPort: 80\n          hostPort: 80\n'), good: pod().replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      ports:\n        - containerPort: 80\n') },
  { control: 'AppArmor', level: 'baseline', bad: pod({ podContext: '    appArmorProfile:\n      type: Unconfined\n' }), good: pod({ podContext: '    appArmorProfile:\n      type: RuntimeDefault\n' }) },
  { control: 'SELinux', level: 'baseline', bad: pod({ podContext: '    seLinuxOptions:\n      type: spc_t\n' }), good: pod({ podContext: '    seLinuxOptions:\n      type: container_t\n      level: "s0:c123,c456"\n' }) },
  { control: '/proc mount type', level: 'baseline', bad: pod().replace('        allowPrivilegeEscalation: false\n', '        allowPrivilegeEscalation: false\n        procMount: Unmasked\n'), good: pod().replace('        allowPrivilegeEscalation: false\n', '        allowPrivilegeEscalation: false\n        procMount: Default\n') },
  { control: 'Seccomp', level: 'baseline', bad: pod().replace('type: RuntimeDefault', 'type: Unconfined'), good: pod().replace('type: RuntimeDefault', 'type: Localhost\n      localhostProfile: profiles/app.json') },
  { control: 'Sysctls', level: 'baseline', bad: pod({ podContext: '    sysctls:\n      - name: kernel.msgmax\n        value: "65536"\n' }), good: pod({ podContext: '    sysctls:\n      - name: net.ipv4.tcp_keepalive_time\n        value: "600"\n' }) },
  { control: 'Probe and lifecycle hosts', level: 'baseline', bad: pod().replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      livenessProbe:\n        httpGet:\n          host: 10.0.0.1\n          port: 80\n'), good: pod().replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      livenessProbe:\n        httpGet:\n          port: 80\n') },
  { control: 'Volume types', level: 'restricted', bad: pod({ podSpec: '  volumes:\n    - name: n\n      nfs:\n        server: nfs.local\n        path: /share\n' }), good: pod({ podSpec: '  volumes:\n    - name: c\n      configMap:\n        name: cfg\n    - name: p\n      persistentVolumeClaim:\n        claimName: data\n' }) },
  { control: 'Privilege escalation', level: 'restricted', bad: pod().replace('        allowPrivilegeEscalation: false\n', ''), good: pod() },
  { control: 'Running as non-root', level: 'restricted', bad: pod().replace('    runAsNonRoot: true\n', ''), good: pod().replace('    runAsNonRoot: true\n', '').replace('        allowPrivilegeEscalation: false\n', '        allowPrivilegeEscalation: false\n        runAsNonRoot: true\n') },
  { control: 'Running as a non-root user', level: 'restricted', bad: pod({ podContext: '    runAsUser: 0\n' }), good: pod({ podContext: '    runAsUser: 1000\n' }) },
  { control: 'Seccomp', level: 'restricted', bad: pod().replace('    seccompProfile:\n      type: RuntimeDefault\n', ''), good: pod().replace('    seccompProfile:\n      type: RuntimeDefault\n', '').replace('        allowPrivilegeEscalation: false\n', '        allowPrivilegeEscalation: false\n        seccompProfile:\n          type: RuntimeDefault\n') },
  { control: 'Capabilities', level: 'restricted', bad: pod().replace('drop: ["ALL"]', 'drop: ["NET_RAW"]'), good: pod().replace('drop: ["ALL"]', 'drop: ["ALL"]\n          add: ["NET_BIND_SERVICE"]') },
  { control: '/proc mount type', level: 'restricted', bad: pod({ podSpec: '  hostUsers: false\n' }).replace('        allowPrivilegeEscalation: false\n', '        allowPrivilegeEscalation: false\n        procMount: Unmasked\n'), good: pod({ podSpec: '  hostUsers: false\n' }) },
];

for (const c of cases) {
  test(`${c.level} · ${c.control}: reported under ${c.level} with the control named`, () => {
    const found = controls(c.bad, c.level === 'baseline' ? baseline : restricted);
    assert.ok(found.includes(`${c.level}|${c.control}`), JSON.stringify(found));
    assert.deepEqual(controls(c.good, restricted), [], 'the conforming variant passes Restricted');
  });
  if (c.level === 'restricted') {
    test(`restricted · ${c.control}: not a Baseline control`, () => {
      assert.ok(!controls(c.bad, baseline).includes(`restricted|${c.control}`));
    });
  }
}

test('off by default: nothing is checked; the setting is validated', () => {
  assert.deepEqual(controls(pod({ podSpec: '  hostPID: true\n' }), {}), []);
  assert.equal(normalizeSettings({ kubernetes: { podSecurity: 'strictest' } }).kubernetes.podSecurity, 'off');
  assert.equal(normalizeSettings({ kubernetes: { podSecurity: 'restricted' } }).kubernetes.podSecurity, 'restricted');
});

test('.stevedore.yaml sets the level, and complains about a wrong value; the editor value wins when set', () => {
  const parsed = parseStevedoreConfig('kubernetes:\n  podSecurity: baseline\n', '/w/.stevedore.yaml');
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.config?.settings.kubernetes.podSecurity, 'baseline');
  assert.match(parseStevedoreConfig('kubernetes:\n  podSecurity: high\n', '/w/.stevedore.yaml').problems.join(), /podSecurity/);
  const project = parsed.config!.settings;
  assert.equal(overlayEditorSettings(project, normalizeSettings(undefined)).kubernetes.podSecurity, 'baseline');
  assert.equal(overlayEditorSettings(project, normalizeSettings({ kubernetes: { podSecurity: 'restricted' } })).kubernetes.podSecurity, 'restricted');
  const files = { readText: (path: string) => (path === '/repo/.stevedore.yaml' ? 'kubernetes:\n  podSecurity: baseline\n' : undefined) };
  assert.deepEqual(controls(pod({ podSpec: '  hostPID: true\n' }), { filePath: '/repo/p.yaml', files }), ['baseline|Host namespaces']);
});

test('a Namespace with pod-security.kubernetes.io/enforce decides for its objects, whatever the setting', () => {
  const ns = (value: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: ${value}\n---\n`;
  const inShop = pod({ meta: '\n  namespace: shop' }).replace('        allowPrivilegeEscalation: false\n', '');
  assert.deepEqual(controls(ns('restricted') + inShop, {}), ['restricted|Privilege escalation']);
  assert.deepEqual(controls(ns('baseline') + inShop, restricted), []);
  assert.deepEqual(controls(ns('privileged') + inShop, restricted), []);
  const message = String(diagnose(ns('restricted') + inShop, {}).find((d) => d.code === 'pod-security-restricted')?.message);
  assert.match(message, /namespace .shop. enforces Restricted/);
  // From another file of the workspace too; objects in other namespaces keep the setting's level.
  const index = new WorkspaceIndex();
  index.updateText('file:///w/ns.yaml', ns('restricted'));
  assert.deepEqual(controls(inShop, { workspace: index, uri: 'file:///w/pod.yaml' }), ['restricted|Privilege escalation']);
  assert.deepEqual(controls(inShop.replace('namespace: shop', 'namespace: other'), { workspace: index, uri: 'file:///w/pod.yaml' }), []);
});

test('enforce-version picks the policy version: newer sysctls and controls are not applied to older ones', () => {
  const ns = (version: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: ${version}\n---\n`;
  const text = pod({ meta: '\n  namespace: shop', podContext: '    sysctls:\n      - name: net.ipv4.tcp_rmem\n        value: "4096 87380 6291456"\n' });
  assert.deepEqual(controls(ns('v1.31') + text, {}), ['baseline|Sysctls']);
  assert.deepEqual(controls(ns('v1.32') + text, {}), []);
  assert.deepEqual(controls(ns('latest') + text, {}), []);
});

test('pod templates of every workload kind are checked; Windows pods and user namespaces get their exemptions', () => {
  const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      hostNetwork: true\n      containers:\n        - name: c\n          image: nginx:1.27\n`;
  assert.ok(controls(deployment, baseline).includes('baseline|Host namespaces'));
  const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: busybox:1.36\n              securityContext:\n                privileged: true\n`;
  assert.ok(controls(cron, baseline).includes('baseline|Privileged containers'));
  const windows = pod({ podSpec: '  os:\n    name: windows\n' }).replace('        allowPrivilegeEscalation: false\n', '').replace('    seccompProfile:\n      type: RuntimeDefault\n', '');
  assert.deepEqual(controls(windows, restricted), []);
  const userNs = pod({ podSpec: '  hostUsers: false\n', podContext: '    runAsUser: 0\n' }).replace('    runAsNonRoot: true\n', '');
  assert.deepEqual(controls(userNs, restricted), []);
});

test('quick fixes set the fields: allowPrivilegeEscalation, seccomp, capabilities, runAsNonRoot, hostPID', () => {
  const fixed = (text: string, options: DiagnoseOptions, code: string) => {
    const d = diagnose(text, options).find((x) => x.code === code && ((x.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0) > 0);
    assert.ok(d, `a fix for ${code}`);
    return applyEdits(text, (d!.data as { fixes: { edits: never[] }[] }).fixes[0].edits);
  };
  const bare = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n`;
  let text = bare;
  for (let i = 0; i < 6; i++) {
    const next = diagnose(text, restricted).find((x) => String(x.code).startsWith('pod-security-') && ((x.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0) > 0);
    if (!next) break;
    text = applyEdits(text, (next.data as { fixes: { edits: never[] }[] }).fixes[0].edits);
  }
  assert.deepEqual(controls(text, restricted), [], text);
  assert.match(text, /allowPrivilegeEscalation: false/);
  assert.match(text, /seccompProfile:\n\s+type: RuntimeDefault/);
  assert.match(text, /drop: \["ALL"\]/);
  assert.match(text, /runAsNonRoot: true/);
  assert.match(fixed(pod({ podSpec: '  hostPID: true\n' }), baseline, 'pod-security-baseline'), /hostPID: false/);
});

test('findings are named in Chinese under the Chinese docs language', () => {
  const zh = diagnose(pod({ podSpec: '  hostPID: true\n' }), { ...baseline, lang: 'zh-cn' }).find((d) => d.code === 'pod-security-baseline');
  assert.match(String(zh?.message), /Pod 安全标准基线（Baseline）\s?· 主机命名空间/);
});

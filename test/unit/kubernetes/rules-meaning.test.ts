import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubernetesRules } from '../../../server/src/kubernetes/rules';
import { markdownLeftIn } from '../plainCheck';
import { codesOf as codesOfAnyProfile, diagnose as diagnoseAnyProfile, goodManifest, variant, type DiagnoseOptions } from './k8sTestKit';
import { kubeLinterCustomCheckCase, kubeLinterOptInCases, kubeLinterOptInIds } from './kubelinterCases';
import { podSecurityCases } from './podSecurityCases';
import { customReferenceCases } from './customReferenceCases';
import { imageEdgeCases } from './imageEdgeCases';

const strict = (options: DiagnoseOptions = {}): DiagnoseOptions => ({ ...options, settings: { profile: 'strict' } });
const codesOf = (text: string, options?: DiagnoseOptions) => codesOfAnyProfile(text, strict(options));
const diagnose = (text: string, options?: DiagnoseOptions) => diagnoseAnyProfile(text, strict(options));

/**
 * One positive and one negative case per rule. The negative case defaults to the good manifest,
 * which must be clean: a typical well-written manifest is not buried in findings. The cases run
 * under the strict profile, so every rule is measured (profiles.test.ts covers the default).
 */
interface Case {
  rule: string;
  positive: string;
  negative?: string;
  /** Project files the case needs (a `.kube-linter.yaml`). */
  options?: DiagnoseOptions;
}

const pod = (spec: string, extraMeta = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p${extraMeta}
spec:
${spec}`;

const job = (restart: string, extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:${extra}
  template:
    spec:
      restartPolicy: ${restart}
      containers:
        - name: run
          image: busybox:1.36
`;

const pdb = (spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
${spec}`;

const cron = (schedule: string, extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "${schedule}"${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: run
              image: busybox:1.36
`;

const cases: Case[] = [
  { rule: 'yaml-syntax', positive: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "x\n' },
  { rule: 'yaml-duplicate-key', positive: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n' },
  { rule: 'yaml-tab-indent', positive: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n' },
  { rule: 'templated-file', positive: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "x.fullname" . }}\n', negative: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  text: "{{ $labels.pod }} is down"\n' },
  { rule: 'schema-unknown-field', positive: variant('imagePullPolicy: IfNotPresent', 'imagePullPolicy: IfNotPresent\n          imagePullPolcy: Always') },
  { rule: 'schema-type', positive: variant('replicas: 1', 'replicas: "1"') },
  { rule: 'schema-required', positive: variant('        - name: web\n          image: nginx:1.27', '        - image: nginx:1.27') },
  { rule: 'schema-enum', positive: variant('imagePullPolicy: IfNotPresent', 'imagePullPolicy: IfNotPresant') },
  { rule: 'api-version-removed', positive: variant('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1') },
  { rule: 'api-version-deprecated', positive: 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\n' },
  { rule: 'api-version-kind-mismatch', positive: variant('apiVersion: apps/v1', 'apiVersion: batch/v1') },
  { rule: 'invalid-object-name', positive: variant('  name: web\n  labels:', '  name: Web_App\n  labels:') },
  { rule: 'invalid-label', positive: variant('  labels:\n    app: web\nspec:', '  labels:\n    app: web\n    team: "platform team"\nspec:') },
  { rule: 'invalid-annotation-key', positive: variant('  labels:\n    app: web\nspec:', '  labels:\n    app: web\n  annotations:\n    "-bad/key": x\nspec:') },
  { rule: 'cron-schedule-invalid', positive: cron('0 25 * * *'), negative: cron('*/15 2-4 * JAN-MAR MON,FRI') },
  { rule: 'cron-timezone-invalid', positive: cron('@daily', '\n  timeZone: Mars/Olympus'), negative: cron('@daily', '\n  timeZone: Asia/Shanghai') },
  { rule: 'selector-mismatch', positive: variant('    matchLabels:\n      app: web', '    matchLabels:\n      app: api') },
  { rule: 'service-selects-nothing', positive: variant('  selector:\n    app: web\n  ports:', '  selector:\n    app: webb\n  ports:') },
  { rule: 'hpa-target-missing', positive: `${goodManifest}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: api\n  minReplicas: 1\n  maxReplicas: 3\n`, negative: `${goodManifest}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 1\n  maxReplicas: 3\n` },
  { rule: 'statefulset-headless-service', positive: variant('kind: Deployment', 'kind: StatefulSet', variant('  replicas: 1', '  replicas: 1\n  serviceName: web')), negative: variant('  selector:\n    app: web\n  ports:', '  clusterIP: None\n  selector:\n    app: web\n  ports:', variant('kind: Deployment', 'kind: StatefulSet', variant('  replicas: 1', '  replicas: 1\n  serviceName: web'))) },
  { rule: 'ingress-backend-missing', positive: `${goodManifest}---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 8080\n`, negative: `${goodManifest}---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n` },
  { rule: 'config-reference-missing', positive: variant('          ports:', '          envFrom:\n            - configMapRef:\n                name: settings\n          ports:'), negative: `${variant('          ports:', '          envFrom:\n            - configMapRef:\n                name: settings\n          ports:')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n` },
  { rule: 'image-tag-mutable', positive: variant('image: nginx:1.27', 'image: nginx') },
  { rule: 'image-pull-policy-unset', positive: variant('          imagePullPolicy: IfNotPresent\n', '') },
  { rule: 'cpu-request-missing', positive: variant('              cpu: 100m\n', '') },
  { rule: 'memory-limit-missing', positive: variant('            limits:\n              memory: 128Mi\n', '') },
  { rule: 'liveness-probe-missing', positive: variant('          livenessProbe:\n            httpGet:\n              path: /\n              port: http\n', '') },
  { rule: 'readiness-probe-missing', positive: variant('          readinessProbe:\n            httpGet:\n              path: /\n              port: http\n', '') },
  { rule: 'probe-port-unknown', positive: variant('              port: http\n          livenessProbe', '              port: metrics\n          livenessProbe') },
  { rule: 'container-privileged', positive: variant('            allowPrivilegeEscalation: false', '            allowPrivilegeEscalation: false\n            privileged: true') },
  { rule: 'privilege-escalation-allowed', positive: variant('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true') },
  { rule: 'run-as-root-allowed', positive: variant('      securityContext:\n        runAsNonRoot: true\n', ''), negative: variant('        runAsNonRoot: true', '        runAsUser: 1000') },
  { rule: 'root-filesystem-writable', positive: variant('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false') },
  { rule: 'net-raw-not-dropped', positive: variant('drop: ["ALL"]', 'drop: ["SETUID"]'), negative: variant('drop: ["ALL"]', 'drop: ["NET_RAW"]') },
  { rule: 'dangerous-capability', positive: variant('drop: ["ALL"]', 'drop: ["ALL"]\n              add: ["SYS_ADMIN"]'), negative: variant('drop: ["ALL"]', 'drop: ["ALL"]\n              add: ["NET_BIND_SERVICE"]') },
  { rule: 'host-network-enabled', positive: variant('      containers:', '      hostNetwork: true\n      containers:') },
  { rule: 'host-pid-enabled', positive: variant('      containers:', '      hostPID: true\n      containers:') },
  { rule: 'host-ipc-enabled', positive: variant('      containers:', '      hostIPC: true\n      containers:') },
  { rule: 'container-runtime-socket', positive: variant('      containers:', '      volumes:\n        - name: sock\n          hostPath:\n            path: /var/run/docker.sock\n      containers:') },
  { rule: 'sensitive-host-path', positive: variant('      containers:', '      volumes:\n        - name: etc\n          hostPath:\n            path: /etc\n      containers:'), negative: variant('      containers:', '      volumes:\n        - name: data\n          hostPath:\n            path: /srv/data\n      containers:') },
  { rule: 'writable-host-path', positive: variant('          ports:', '          volumeMounts:\n            - name: data\n              mountPath: /data\n          ports:', variant('      containers:', '      volumes:\n        - name: data\n          hostPath:\n            path: /srv/data\n      containers:')), negative: variant('          ports:', '          volumeMounts:\n            - name: data\n              mountPath: /data\n              readOnly: true\n          ports:', variant('      containers:', '      volumes:\n        - name: data\n          hostPath:\n            path: /srv/data\n      containers:')) },
  { rule: 'duplicate-container-name', positive: variant('      containers:', '      initContainers:\n        - name: web\n          image: busybox:1.36\n          imagePullPolicy: IfNotPresent\n          resources:\n            requests:\n              cpu: 10m\n            limits:\n              memory: 16Mi\n          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities:\n              drop: ["ALL"]\n      containers:') },
  { rule: 'env-var-duplicate', positive: variant('          ports:', '          env:\n            - name: MODE\n              value: a\n            - name: MODE\n              value: b\n          ports:') },
  { rule: 'duplicate-container-port', positive: variant('              containerPort: 8080\n', '              containerPort: 8080\n            - name: http2\n              containerPort: 8080\n') },
  { rule: 'invalid-port-name', positive: variant('            - name: http\n', '            - name: http-management-port\n', variant('port: http\n          livenessProbe', 'port: 8080\n          livenessProbe', variant('              port: http\n          resources', '              port: 8080\n          resources', variant('targetPort: http', 'targetPort: 8080')))) },
  { rule: 'port-out-of-range', positive: variant('    - port: 80', '    - port: 70000') },
  { rule: 'ssh-port-exposed', positive: variant('              containerPort: 8080\n', '              containerPort: 8080\n            - name: ssh\n              containerPort: 22\n') },
  { rule: 'privileged-port', positive: variant('containerPort: 8080', 'containerPort: 80') },
  { rule: 'restart-policy-invalid', positive: job('Always'), negative: job('Never', '\n  ttlSecondsAfterFinished: 60') },
  { rule: 'no-pod-anti-affinity', positive: variant('replicas: 1', 'replicas: 3'), negative: variant('      containers:', '      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels:\n              app: web\n      containers:', variant('replicas: 1', 'replicas: 3')) },
  { rule: 'service-account-field-deprecated', positive: variant('      containers:', '      serviceAccount: web\n      containers:'), negative: variant('      containers:', '      serviceAccountName: web\n      automountServiceAccountToken: false\n      containers:') },
  { rule: 'secret-in-env-value', positive: variant('          ports:', '          env:\n            - name: DB_PASSWORD\n              value: hunter2\n          ports:'), negative: variant('          ports:', '          env:\n            - name: DB_PASSWORD_FILE\n              value: /run/secrets/db\n          ports:') },
  { rule: 'job-ttl-missing', positive: job('Never'), negative: job('Never', '\n  ttlSecondsAfterFinished: 60') },
  { rule: 'unsafe-sysctl', positive: variant('        runAsNonRoot: true', '        runAsNonRoot: true\n        sysctls:\n          - name: kernel.msgmax\n            value: "65536"'), negative: variant('        runAsNonRoot: true', '        runAsNonRoot: true\n        sysctls:\n          - name: net.ipv4.tcp_syncookies\n            value: "1"') },
  { rule: 'pdb-blocks-eviction', positive: pdb('  maxUnavailable: 0\n  unhealthyPodEvictionPolicy: AlwaysAllow\n'), negative: pdb('  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n') },
  { rule: 'pdb-min-available-too-high', positive: `${goodManifest}---\n${pdb('  minAvailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n')}`, negative: `${variant('replicas: 1', 'replicas: 2\n  strategy: {}')}---\n${pdb('  minAvailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n')}` },
  { rule: 'pdb-selects-nothing', positive: pdb('  maxUnavailable: 1\n'), negative: `${goodManifest}---\n${pdb('  maxUnavailable: 1\n')}` },
  { rule: 'network-policy-selects-nothing', positive: `${goodManifest}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n`, negative: `${goodManifest}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n` },
  { rule: 'service-account-missing', positive: variant('      containers:', '      serviceAccountName: web\n      containers:'), negative: `${variant('      containers:', '      serviceAccountName: web\n      containers:')}---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n` },
  { rule: 'pdb-unhealthy-eviction-policy', positive: pdb('  maxUnavailable: 1\n'), negative: pdb('  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n') },
];
// kube-linter's opt-in checks keep their cases beside their conformance tests (kubelinterCases.ts).
cases.push(...kubeLinterOptInCases, kubeLinterCustomCheckCase, ...podSecurityCases, ...customReferenceCases, ...imageEdgeCases);

test('the good manifest has no findings at all, under either profile', () => {
  // Except kube-linter's opt-in team conventions (owner label, sorted keys, a namespace…), which strict runs.
  assert.deepEqual(codesOf(goodManifest).filter((code) => !kubeLinterOptInIds.has(code)), []);
  assert.deepEqual(codesOfAnyProfile(goodManifest), []);
});

test('every rule has a positive and a negative case here', () => {
  const covered = new Set(cases.map((c) => c.rule));
  const missing = kubernetesRules.rules.map((r) => r.meta.id).filter((id) => !covered.has(id));
  assert.deepEqual(missing, []);
});

for (const c of cases) {
  test(`${c.rule}: reports the problem`, () => {
    assert.ok(codesOf(c.positive, c.options).includes(c.rule), `expected ${c.rule} in ${JSON.stringify(codesOf(c.positive, c.options))}`);
  });
  test(`${c.rule}: stays quiet on the fixed manifest`, () => {
    const codes = codesOf(c.negative ?? goodManifest, c.options);
    assert.ok(!codes.includes(c.rule), `did not expect ${c.rule} in ${JSON.stringify(codes)}`);
  });
}

test('every rule documents itself in English and Chinese, and kube-linter names are aliases', () => {
  for (const rule of kubernetesRules.rules) {
    assert.ok(rule.meta.title.en && rule.meta.title.zh && rule.meta.docs.en && rule.meta.docs.zh, rule.meta.id);
    assert.match(rule.meta.docs.zh, /[\u4e00-\u9fff]/, `${rule.meta.id} has Chinese docs`);
  }
  assert.equal(kubernetesRules.find('latest-tag')?.meta.id, 'image-tag-mutable');
  assert.equal(kubernetesRules.find('mismatching-selector')?.meta.id, 'selector-mismatch');
});

test('messages follow the docs language', () => {
  const zh = codesOf(variant('image: nginx:1.27', 'image: nginx'), { lang: 'zh-cn' });
  assert.ok(zh.includes('image-tag-mutable'));
});

test('pod-level probes are not required for Jobs, and pods without a template are handled', () => {
  assert.ok(!codesOf(job('Never', '\n  ttlSecondsAfterFinished: 60')).includes('liveness-probe-missing'));
  const codes = codesOf(pod('  containers:\n    - name: a\n      image: busybox\n'));
  assert.ok(codes.includes('image-tag-mutable'));
});

test('rules about the restart policy accept Never/OnFailure for Jobs and Always elsewhere', () => {
  assert.ok(codesOf(variant('      containers:', '      restartPolicy: Never\n      containers:')).includes('restart-policy-invalid'));
  assert.ok(!codesOf(variant('      containers:', '      restartPolicy: Always\n      containers:')).includes('restart-policy-invalid'));
});

test('rules marked fixable offer a fix on their positive case, and only they do', () => {
  for (const c of cases) {
    const rule = kubernetesRules.find(c.rule)!;
    const found = diagnose(c.positive, c.options).filter((d) => d.code === c.rule);
    const hasFix = found.some((d) => ((d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0) > 0);
    assert.equal(hasFix, rule.meta.fixable === true, `${c.rule}: fixable=${String(rule.meta.fixable)} but fix offered=${String(hasFix)}`);
  }
});

test('every positive case reads as plain text in both languages: code quoted, no Markdown', () => {
  const withMarkdown: string[] = [];
  for (const c of cases) {
    for (const lang of ['en', 'zh-cn'] as const) {
      for (const d of diagnose(c.positive, { ...c.options, lang })) {
        const message = typeof d.message === 'string' ? d.message : d.message.value;
        if (markdownLeftIn(message)) withMarkdown.push(`${c.rule} → ${d.code} (${lang}): ${message}`);
      }
    }
  }
  assert.deepEqual(withMarkdown, []);
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { getKindSchema, openShiftKinds } from '../../../server/src/kubernetes/schema';
import { openShiftKindDocs } from '../../../server/src/kubernetes/kindsOpenShift';
import { completeAt, hoverAt, labelsOf } from './k8sFeatureKit';
import { codesOf, diagnose } from './k8sTestKit';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';

const reference = new URL('../../../../shared/reference/openshift/openapi-app-groups.json', import.meta.url);

test('openshift.json is what scripts/gen-openshift-schema.mjs makes of the reference document', { skip: !existsSync(reference) && 'no ../shared/reference' }, async () => {
  const { generateOpenShiftSchema } = await import(new URL('../../../scripts/gen-openshift-schema.mjs', import.meta.url).href) as { generateOpenShiftSchema(): string };
  const committed = readFileSync(new URL('../../../server/src/kubernetes/schema/openshift.json', import.meta.url), 'utf8');
  assert.equal(generateOpenShiftSchema(), committed, 'run node scripts/gen-openshift-schema.mjs');
});

test('the app-developer kinds are served, each with a summary in both languages', () => {
  const kinds = openShiftKinds().map((k) => `${k.apiVersion} ${k.kind}`);
  for (const expected of ['apps.openshift.io/v1 DeploymentConfig', 'route.openshift.io/v1 Route', 'build.openshift.io/v1 BuildConfig', 'image.openshift.io/v1 ImageStream',
    'image.openshift.io/v1 ImageStreamTag', 'template.openshift.io/v1 Template', 'project.openshift.io/v1 Project', 'security.openshift.io/v1 SecurityContextConstraints',
    'authorization.openshift.io/v1 RoleBinding', 'quota.openshift.io/v1 ClusterResourceQuota']) assert.ok(kinds.includes(expected), expected);
  for (const kind of openShiftKinds()) {
    const doc = openShiftKindDocs[`${kind.group}/${kind.kind}`];
    assert.ok(doc, `no summary for ${kind.group}/${kind.kind}`);
    assert.match(doc.summary.zh, /[\u4e00-\u9fff]/);
    assert.equal(doc.apiVersion, kind.apiVersion);
  }
  assert.equal(getKindSchema('route.openshift.io/v1', 'Route')?.source, 'openshift');
  // A DeploymentConfig's pod template is Kubernetes' own definition.
  assert.equal(getKindSchema('apps.openshift.io/v1', 'DeploymentConfig') && JSON.stringify(readType('openshift.apps.v1.DeploymentConfigSpec', 'template')), '"#V1PodTemplateSpec"');
});

function readType(def: string, field: string): string {
  const schema = JSON.parse(readFileSync(new URL('../../../server/src/kubernetes/schema/openshift.json', import.meta.url), 'utf8'));
  return schema.defs[def].p[field].t;
}

const deploymentConfig = `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: web
spec:
  replicas: 2
  selector:
    app: web
  triggers:
    - type: ConfigChange
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

test('DeploymentConfig: hover says what replaces it, in English and Chinese', () => {
  const en = hoverAt(deploymentConfig.replace('kind: DeploymentConfig', 'kind: Deployment|Config'))!;
  assert.match(en, /Deprecated since OpenShift 4\.14: use a Kubernetes Deployment \(apps\/v1\)/);
  assert.match(en, /OpenShift API group/);
  const zh = hoverAt(deploymentConfig.replace('kind: DeploymentConfig', 'kind: Deployment|Config'), 'zh-cn')!;
  assert.match(zh, /自 OpenShift 4\.14 起已弃用：请改用 Kubernetes 的 Deployment/);
  // Fields: OpenShift's English, marked as such in Chinese; the pod template's fields keep Kubernetes' Chinese docs.
  assert.match(hoverAt(deploymentConfig.replace('  triggers:', '  trig|gers:'))!, /triggers determine how updates/);
  assert.match(hoverAt(deploymentConfig.replace('  triggers:', '  trig|gers:'), 'zh-cn')!, /暂无中文说明，以下为 OpenShift API 的英文原文/);
  assert.doesNotMatch(hoverAt(deploymentConfig.replace('          image: nginx', '          ima|ge: nginx'), 'zh-cn')!, /暂无中文说明/);
  assert.match(hoverAt(deploymentConfig.replace('apiVersion: apps.openshift.io/v1', 'apiVersion: apps.open|shift.io/v1'))!, /Kinds: DeploymentConfig/);
});

test('DeploymentConfig: completion of its keys and of the kind name (marked deprecated)', () => {
  const keys = labelsOf(completeAt(deploymentConfig.replace('  replicas: 2\n', '  |\n')));
  for (const key of ['replicas', 'strategy', 'revisionHistoryLimit', 'paused']) assert.ok(keys.includes(key), key);
  const kinds = completeAt('apiVersion: apps.openshift.io/v1\nkind: |\n');
  const item = kinds.find((i) => i.label === 'DeploymentConfig');
  assert.ok(item, 'DeploymentConfig offered');
  assert.deepEqual(item.tags, [1]);
  assert.ok(item.sortText!.startsWith('0'), 'served by the document\'s apiVersion: first');
});

test('DeploymentConfig: validated against its schema, and every workload rule applies', () => {
  const codes = codesOf(deploymentConfig.replace('  replicas: 2', '  replicas: two\n  bogus: 1').replace('nginx:1.27', 'nginx:latest\n          securityContext:\n            privileged: true'));
  for (const code of ['schema-type', 'schema-unknown-field', 'image-tag-mutable', 'container-privileged', 'run-as-root-allowed']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
  assert.deepEqual(codesOf(deploymentConfig).filter((c) => c.startsWith('schema')), []);
});

test('SecurityContextConstraints: upstream "required" booleans are not demanded', () => {
  const scc = 'apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata:\n  name: restricted-v3\nallowPrivilegedContainer: false\nrunAsUser:\n  type: MustRunAsRange\nseLinuxContext:\n  type: MustRunAs\nusers: []\ngroups: []\n';
  assert.deepEqual(codesOf(scc).filter((c) => c.startsWith('schema')), []);
  assert.ok(codesOf(`${scc}allowHostPID: "no"\n`).includes('schema-type'));
});

const route = (to: string, extra = '') => `apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: web
spec:
  host: web.apps.example.com
  to:
    kind: Service
    name: ${to}
  port:
    targetPort: http
${extra}`;

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n';

test('Route: hover, completion and validation', () => {
  assert.match(hoverAt(route('web').replace('kind: Route', 'kind: Ro|ute'))!, /OpenShift router/);
  assert.match(hoverAt(route('web').replace('kind: Route', 'kind: Ro|ute'), 'zh-cn')!, /OpenShift 路由器/);
  const keys = labelsOf(completeAt(route('web').replace('  host: web.apps.example.com\n', '  |\n')));
  for (const key of ['host', 'path', 'tls', 'alternateBackends', 'wildcardPolicy']) assert.ok(keys.includes(key), key);
  assert.ok(codesOf(route('web').replace('    kind: Service\n    name: web\n', '    kind: Service\n')).includes('schema-required'));
  assert.ok(codesOf(route('web', '  tls:\n    terminaton: edge\n')).includes('schema-unknown-field'));
});

test('Route → Service: the name, alternate backends and target port, across files', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///work/svc.yaml', service);
  const messages = (text: string) => diagnose(text, { workspace: index, uri: 'file:///work/route.yaml' }).filter((d) => d.code === 'route-service-missing').map((d) => d.message);
  assert.deepEqual(messages(route('web')), []);
  assert.deepEqual(messages(route('api')), ['No Service named ‘api’ in the workspace (it may exist in the cluster).']);
  assert.deepEqual(messages(route('web', '  alternateBackends:\n    - kind: Service\n      name: web-canary\n      weight: 10\n')), ['No Service named ‘web-canary’ in the workspace (it may exist in the cluster).']);
  assert.deepEqual(messages(route('web').replace('targetPort: http', 'targetPort: metrics')), ['Service ‘web’ has no port ‘metrics’.']);
  // A number matches the Service's target port (what the router connects to) or its port.
  assert.deepEqual(messages(route('web').replace('targetPort: http', 'targetPort: 8080')), []);
});

test('BuildConfig → ImageStream of its output tag', () => {
  const buildConfig = 'apiVersion: build.openshift.io/v1\nkind: BuildConfig\nmetadata:\n  name: web\nspec:\n  strategy:\n    type: Docker\n    dockerStrategy: {}\n  output:\n    to:\n      kind: ImageStreamTag\n      name: web:latest\n';
  const stream = 'apiVersion: image.openshift.io/v1\nkind: ImageStream\nmetadata:\n  name: web\n';
  assert.ok(codesOf(buildConfig).includes('buildconfig-imagestream-missing'));
  assert.ok(!codesOf(`${stream}---\n${buildConfig}`).includes('buildconfig-imagestream-missing'));
  assert.ok(!codesOf(buildConfig.replace('kind: ImageStreamTag', 'kind: DockerImage').replace('web:latest', 'quay.io/team/web:1')).includes('buildconfig-imagestream-missing'));
});

test('Template: each of its objects is checked against its own kind, ${PARAM} placeholders skipped', () => {
  const template = `apiVersion: template.openshift.io/v1
kind: Template
metadata:
  name: app
parameters:
  - name: REPLICAS
    value: "2"
objects:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: \${NAME}
    spec:
      replicas: \${{REPLICAS}}
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
              imagePullPolicy: \${PULL_POLICY}
`;
  assert.deepEqual(diagnose(template).filter((d) => String(d.code).startsWith('schema')).map((d) => d.message), []);
  const broken = diagnose(template.replace('      replicas: ${{REPLICAS}}', '      replicas: many\n      replica: 2')).filter((d) => String(d.code).startsWith('schema')).map((d) => String(d.code)).sort();
  assert.deepEqual(broken, ['schema-type', 'schema-unknown-field']);
});

test('replicated custom workloads (DeploymentConfig, Rollout) get the replica rules, as Deployments do', () => {
  const strict = { settings: { profile: 'strict' } };
  assert.ok(codesOf(deploymentConfig, strict).includes('no-pod-anti-affinity'));
  const rollout = deploymentConfig.replace('apps.openshift.io/v1', 'argoproj.io/v1alpha1').replace('kind: DeploymentConfig', 'kind: Rollout').replace('    app: web\n  triggers:\n    - type: ConfigChange\n', '    matchLabels:\n      app: web\n');
  assert.ok(codesOf(rollout, strict).includes('no-pod-anti-affinity'));
  // One replica: nothing to spread.
  assert.ok(!codesOf(deploymentConfig.replace('replicas: 2', 'replicas: 1'), strict).includes('no-pod-anti-affinity'));
});

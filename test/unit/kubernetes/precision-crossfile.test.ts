// Issue 15, defects 1, 2, 4, 5 and the PDB parts of 11: cross-object rules report only when sure —
// pods labelled by their controllers, pods of custom resources, namespaces, the nearest unit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { codesOf } from './k8sTestKit';

const service = (selector: string, namespace = '') => `apiVersion: v1
kind: Service
metadata:
  name: svc${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  selector:
${selector}
  ports:
    - port: 80
`;

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    metadata:
      labels: {app: tools}
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: busybox:1.36
`;

const statefulSet = (name: string, replicas: number, labels: string, namespace = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}${namespace ? `\n  namespace: ${namespace}` : ''}
spec:
  serviceName: ${name}
  replicas: ${replicas}
  selector:
    matchLabels: ${labels}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
        - name: db
          image: redis:7.2
`;

const selectsNothing = (text: string, workspace?: WorkspaceIndex, uri?: string) => codesOf(text, { workspace, uri }).includes('service-selects-nothing');

test('a Service selecting the job-name label the Job controller adds matches that Job', () => {
  for (const key of ['job-name', 'batch.kubernetes.io/job-name']) {
    assert.equal(selectsNothing(`${service(`    ${key}: migrate`)}---\n${job}`), false, key);
    assert.equal(selectsNothing(`${service(`    ${key}: other`)}---\n${job}`), true, key);
  }
  // controller-uid is unknown until the Job exists: any Job may carry it.
  assert.equal(selectsNothing(`${service('    controller-uid: 0f1e2d3c')}---\n${job}`), false);
  assert.equal(selectsNothing(service('    controller-uid: 0f1e2d3c')), true);
});

test('a CronJob\'s pods carry job-name <cronjob>-<time>', () => {
  const cron = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - name: report
              image: busybox:1.36
`;
  assert.equal(selectsNothing(`${service('    job-name: report-28934560')}---\n${cron}`), false);
  assert.equal(selectsNothing(`${service('    job-name: report')}---\n${cron}`), true);
});

test('a Service selecting one StatefulSet pod by its pod-name or pod-index matches that StatefulSet', () => {
  const set = statefulSet('redis', 3, '{app: redis}');
  assert.equal(selectsNothing(`${service('    statefulset.kubernetes.io/pod-name: redis-0')}---\n${set}`), false);
  assert.equal(selectsNothing(`${service('    statefulset.kubernetes.io/pod-name: redis-0\n    app: redis')}---\n${set}`), false);
  assert.equal(selectsNothing(`${service('    statefulset.kubernetes.io/pod-name: mysql-0')}---\n${set}`), true);
  assert.equal(selectsNothing(`${service('    apps.kubernetes.io/pod-index: "0"\n    app: redis')}---\n${set}`), false);
  assert.equal(selectsNothing(`${service('    apps.kubernetes.io/pod-index: "0"\n    app: mysql')}---\n${set}`), true);
});

test('pods of custom resources: a resource named by the selector, or holding containers beside the Service, keeps it quiet', () => {
  const postgres = `apiVersion: acid.zalan.do/v1
kind: postgresql
metadata:
  name: acid-minimal
spec:
  teamId: acid
  numberOfInstances: 2
`;
  assert.equal(selectsNothing(`${service('    application: spilo\n    cluster-name: acid-minimal')}---\n${postgres}`), false);
  assert.equal(selectsNothing(`${service('    application: spilo\n    cluster-name: other')}---\n${postgres}`), true);
  const lws = `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: vllm
spec:
  leaderWorkerTemplate:
    size: 2
    workerTemplate:
      spec:
        containers:
          - name: worker
            image: vllm/vllm-openai:v0.6.0
`;
  assert.equal(selectsNothing(`${service('    role: leader')}---\n${lws}`), false);
  // Resources that only route to or watch pods are not pod owners.
  const monitor = `apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  endpoints: [{port: http}]
`;
  assert.equal(selectsNothing(`${service('    app: web')}---\n${monitor}`), true);
});

test('a custom resource holding containers in an unrelated folder does not silence the Service', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///ws/other-app/workflow.yaml', `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: build
spec:
  templates:
    - name: main
      container:
        image: alpine:3.20
`);
  const text = service('    app: web');
  assert.equal(selectsNothing(text, index, 'file:///ws/web/service.yaml'), true);
  assert.equal(selectsNothing(text, index, 'file:///ws/other-app/service.yaml'), false);
});

test('a workload whose template has labels but no spec still owns its pods (defect 4)', () => {
  const bare = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
`;
  assert.equal(selectsNothing(`${service('    app: web')}---\n${bare}`), false);
  const pdb = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: web}
`;
  const codes = codesOf(`${pdb}---\n${bare}`);
  assert.ok(!codes.includes('pdb-selects-nothing'));
  assert.ok(codes.includes('pdb-min-available-too-high'));
  assert.ok(!codesOf(`${pdb.replace('minAvailable: 2', 'minAvailable: 1')}---\n${bare}`).includes('pdb-min-available-too-high'));
});

test('PDB matching uses the workload\'s selector when its template has no labels', () => {
  const unlabelled = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
  const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n';
  const codes = codesOf(`${pdb}---\n${unlabelled}`);
  assert.ok(codes.includes('pdb-min-available-too-high'));
  assert.ok(!codes.includes('pdb-selects-nothing'));
});

test('pdb-min-available-too-high reads percentages and an autoscaler\'s minimum', () => {
  const set = statefulSet('db', 3, '{app: db}');
  const pdb = (min: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: db\nspec:\n  minAvailable: ${min}\n  selector:\n    matchLabels: {app: db}\n`;
  assert.ok(codesOf(`${pdb('"67%"')}---\n${set}`).includes('pdb-min-available-too-high'));
  assert.ok(!codesOf(`${pdb('"60%"')}---\n${set}`).includes('pdb-min-available-too-high'));
  const autoscaled = set.replace('  replicas: 3\n', '');
  const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: db\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}\n  minReplicas: 3\n  maxReplicas: 5\n';
  assert.ok(!codesOf(`${pdb('2')}---\n${autoscaled}---\n${hpa}`).includes('pdb-min-available-too-high'));
  assert.ok(codesOf(`${pdb('2')}---\n${autoscaled}`).includes('pdb-min-available-too-high'));
});

test('two apps in one workspace with the same labels: the PDB is judged against its own StatefulSet (defect 2)', () => {
  const index = new WorkspaceIndex();
  const labels = '{app: redis, role: leader}';
  // Another sample: one redis-leader replica.
  index.updateText('file:///samples/guestbook/redis-leader.yaml', statefulSet('redis-leader', 1, labels));
  // This sample: six replicas and a budget of two.
  index.updateText('file:///samples/redis-cluster/statefulset.yaml', statefulSet('redis-cluster', 6, labels));
  const pdb = `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: redis\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels: ${labels}\n`;
  const uri = 'file:///samples/redis-cluster/pdb.yaml';
  assert.ok(!codesOf(pdb, { workspace: index, uri }).includes('pdb-min-available-too-high'));
  // Beside the one-replica sample, the same budget is too high.
  assert.ok(codesOf(pdb, { workspace: index, uri: 'file:///samples/guestbook/pdb.yaml' }).includes('pdb-min-available-too-high'));
  // A kustomization that takes both folders makes them one unit: both are equally near.
  index.updateText('file:///samples/redis-cluster/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - statefulset.yaml\n  - pdb.yaml\n  - ../guestbook\n');
  assert.ok(codesOf(pdb, { workspace: index, uri }).includes('pdb-min-available-too-high'));
});

test('explicit namespaces must agree; objects without one match only as "maybe"', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///ws/a/set.yaml', statefulSet('redis', 1, '{app: redis}', 'team-a'));
  assert.equal(selectsNothing(service('    app: redis', 'team-b'), index, 'file:///ws/b/svc.yaml'), true);
  assert.equal(selectsNothing(service('    app: redis', 'team-a'), index, 'file:///ws/b/svc.yaml'), false);
  assert.equal(selectsNothing(service('    app: redis'), index, 'file:///ws/b/svc.yaml'), false);
});

test('config references and Ingress ports are checked against the nearest namesake', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///ws/one/config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n');
  index.updateText('file:///ws/two/config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  speed: high\n');
  const pod = (key: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      image: busybox:1.36\n      env:\n        - name: X\n          valueFrom:\n            configMapKeyRef: {name: settings, key: ${key}}\n`;
  assert.ok(!codesOf(pod('mode'), { workspace: index, uri: 'file:///ws/one/pod.yaml' }).includes('config-reference-missing'));
  assert.ok(codesOf(pod('speed'), { workspace: index, uri: 'file:///ws/one/pod.yaml' }).includes('config-reference-missing'));
  assert.ok(!codesOf(pod('speed'), { workspace: index, uri: 'file:///ws/two/pod.yaml' }).includes('config-reference-missing'));
  // From elsewhere both are equally far: either may be the one, so neither key is reported.
  assert.ok(!codesOf(pod('speed'), { workspace: index, uri: 'file:///ws/three/pod.yaml' }).includes('config-reference-missing'));
  assert.ok(codesOf(pod('colour'), { workspace: index, uri: 'file:///ws/three/pod.yaml' }).includes('config-reference-missing'));

  index.updateText('file:///ws/one/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n');
  index.updateText('file:///ws/two/svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 8080}]\n');
  const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  defaultBackend:\n    service: {name: web, port: {number: 8080}}\n';
  assert.ok(codesOf(ingress, { workspace: index, uri: 'file:///ws/one/ingress.yaml' }).includes('ingress-backend-missing'));
  assert.ok(!codesOf(ingress, { workspace: index, uri: 'file:///ws/two/ingress.yaml' }).includes('ingress-backend-missing'));
});

test('service-account-missing reads the deprecated serviceAccount field (defect 5)', () => {
  const pod = (field: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  ${field}: builder\n  containers:\n    - name: p\n      image: busybox:1.36\n`;
  assert.ok(codesOf(pod('serviceAccount')).includes('service-account-missing'));
  assert.ok(codesOf(pod('serviceAccountName')).includes('service-account-missing'));
  const account = '---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n';
  assert.ok(!codesOf(pod('serviceAccount') + account).includes('service-account-missing'));
});

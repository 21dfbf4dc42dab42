import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/common/service';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { contextFor, manifest } from '../helpers';

interface Result { items: CompletionItem[]; source: string; offset: number }

/** Completion at the `|` in `text`. */
function completeAt(text: string, ctx: FeatureContext = contextFor()): Result {
  const offset = text.indexOf('|');
  const source = text.slice(0, offset) + text.slice(offset + 1);
  const file = manifest(source);
  const list = kubernetesService.complete!(file, file.document.positionAt(offset), ctx);
  const items = [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return { items, source, offset };
}

const labels = (r: Result): string[] => r.items.map((i) => i.label);
const edit = (r: Result, label: string): TextEdit => {
  const item = r.items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${labels(r).join(', ')}`);
  return item.textEdit as TextEdit;
};

/** The text after applying an item's edit (snippet markers left in). */
function apply(r: Result, label: string): string {
  const e = edit(r, label);
  const file = manifest(r.source);
  const start = file.document.offsetAt(e.range.start);
  const end = file.document.offsetAt(e.range.end);
  return r.source.slice(0, start) + e.newText + r.source.slice(end);
}

const head = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n';
const containers = `${head}  template:\n    spec:\n      containers:\n`;
const serviceDoc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n---\n';

test('keys of the object at the cursor: required first, present ones left out (second document)', () => {
  const r = completeAt(`${serviceDoc}${head}  replicas: 2\n  |\n`);
  const names = labels(r);
  assert.deepEqual(names.slice(0, 2), ['selector', 'template']);
  assert.ok(!names.includes('replicas'));
  assert.ok(names.includes('strategy'));
  assert.ok(!names.includes('ports'), 'Service fields must not leak into the Deployment');
});

test('insert text follows the type: scalar, object, list', () => {
  const r = completeAt(`${head}  |\n`);
  assert.equal(edit(r, 'replicas').newText, 'replicas: ');
  assert.equal(edit(r, 'template').newText, 'template:\n    $0');
  const c = completeAt(`${containers}        - name: a\n          |\n`);
  assert.equal(edit(c, 'ports').newText, 'ports:\n            - $0');
  assert.equal(edit(c, 'args').newText, 'args:\n            - $0');
  assert.equal(edit(c, 'image').newText, 'image: ');
  assert.ok(!labels(c).includes('name'));
});

test('a partial key is replaced, not appended to', () => {
  const r = completeAt(`${head}  repl|\n`);
  assert.equal(apply(r, 'replicas'), `${head}  replicas: \n`);
  // Retyping an existing key keeps its value: only the name is replaced.
  const onKey = completeAt(`${head}  repl|icas: 3\n`);
  assert.equal(apply(onKey, 'replicas'), `${head}  replicas: 3\n`);
});

test('after a dash: the item keys and whole-block snippets', () => {
  const r = completeAt(`${containers}        - |\n`);
  const names = labels(r);
  assert.equal(names[0], 'container');
  assert.ok(names.includes('name') && names.includes('image'));
  const block = apply(r, 'container');
  assert.match(block, /- name: \$\{1:app\}\n {10}image: /);
  assert.match(block, /\n {10}resources:\n {12}requests:\n {14}cpu: \$\{5:100m\}/);
});

test('enum values and booleans', () => {
  const r = completeAt(`${containers}        - name: a\n          image: nginx:1.27\n          imagePullPolicy: |\n`);
  assert.deepEqual(labels(r), ['IfNotPresent', 'Always', 'Never']);
  const partial = completeAt(`${containers}        - name: a\n          imagePullPolicy: IfN|\n`);
  assert.equal(apply(partial, 'IfNotPresent'), `${containers}        - name: a\n          imagePullPolicy: IfNotPresent\n`);
  assert.deepEqual(labels(completeAt(`${head}  paused: |\n`)).sort(), ['false', 'true']);
  const svc = completeAt('apiVersion: v1\nkind: Service\nspec:\n  type: |\n');
  assert.equal(labels(svc)[0], 'ClusterIP');
  assert.equal(svc.items[0]!.labelDetails?.description, 'default');
  assert.deepEqual(labels(completeAt('apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes:\n    - |\n')), ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
});

test('enum values say what they do, in English and Chinese, the default marked', () => {
  const at = `${containers}        - name: a\n          image: nginx:1.27\n          imagePullPolicy: |\n`;
  const en = completeAt(at).items;
  const zh = completeAt(at, contextFor('zh-cn')).items;
  assert.equal(en[0]!.detail, 'Pulls only when the node does not have the image yet');
  assert.equal(zh[0]!.detail, '仅当节点上还没有该镜像时才拉取');
  assert.equal(zh[0]!.labelDetails?.description, '默认值');
  const docs = (item: CompletionItem) => (item.documentation as { value: string }).value;
  assert.match(docs(en[0]!), /^\*\*IfNotPresent\*\* · default\n\nPulls only when the node does not have the image yet\. Used when the field is left out\./);
  assert.match(docs(en[0]!), /Image pull policy/, 'the field\'s own description follows');
  assert.match(docs(zh[1]!), /每次启动容器都询问镜像仓库/);
  assert.equal(en.filter((i) => i.labelDetails).length, 1, 'one default');
});

test('the default that depends on the object: imagePullPolicy by tag, restartPolicy in a Job', () => {
  const pull = (image: string) => labels(completeAt(`${containers}        - name: a\n          image: ${image}\n          imagePullPolicy: |\n`))[0];
  assert.equal(pull('nginx'), 'Always', 'no tag means :latest');
  assert.equal(pull('nginx:latest'), 'Always');
  assert.equal(pull('registry.example.com:5000/team/app'), 'Always', 'a registry port is not a tag');
  assert.equal(pull('registry.example.com:5000/team/app:2.1'), 'IfNotPresent');
  assert.equal(pull('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), 'IfNotPresent');
  const noImage = completeAt(`${containers}        - name: a\n          imagePullPolicy: |\n`);
  assert.ok(noImage.items.every((i) => !i.labelDetails), 'no image yet: no default to claim');
  const deployment = completeAt(`${head}  template:\n    spec:\n      restartPolicy: |\n`);
  assert.equal(labels(deployment)[0], 'Always');
  assert.equal(deployment.items[0]!.labelDetails?.description, 'default');
  const job = completeAt('apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: |\n');
  assert.ok(job.items.every((i) => !i.labelDetails), 'a Job has no usable default: Always is refused there');
  const jobWithRules = completeAt('apiVersion: batch/v1\nkind: Job\nspec:\n  podFailurePolicy:\n    rules: []\n  podReplacementPolicy: |\n');
  assert.equal(labels(jobWithRules)[0], 'Failed');
  assert.equal(labels(completeAt('apiVersion: batch/v1\nkind: Job\nspec:\n  podReplacementPolicy: |\n'))[0], 'TerminatingOrFailed');
});

test('kind: every kind, those of the apiVersion first', () => {
  const r = completeAt('apiVersion: batch/v1\nkind: |\n');
  assert.deepEqual(labels(r).slice(0, 2).sort(), ['CronJob', 'Job']);
  assert.ok(labels(r).includes('Deployment') && labels(r).includes('HorizontalPodAutoscaler'));
  assert.ok(labels(r).length >= 60);
});

test('apiVersion: the right one for the kind first', () => {
  assert.equal(labels(completeAt('apiVersion: |\nkind: CronJob\n'))[0], 'batch/v1');
  assert.equal(labels(completeAt('apiVersion: |\nkind: HorizontalPodAutoscaler\n'))[0], 'autoscaling/v2');
  assert.equal(labels(completeAt('apiVersion: |\nkind: Ingress\n'))[0], 'networking.k8s.io/v1');
  assert.ok(!labels(completeAt('apiVersion: |\nkind: Ingress\n')).includes('extensions/v1beta1'));
});

test('well-known label keys in labels and selectors', () => {
  const r = completeAt(`${head}  selector:\n    matchLabels:\n      |\n`);
  for (const key of ['app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/version', 'app.kubernetes.io/component', 'app.kubernetes.io/part-of', 'app.kubernetes.io/managed-by']) {
    assert.ok(labels(r).includes(key), key);
  }
  const present = completeAt('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app.kubernetes.io/name: x\n    |\n');
  assert.ok(!labels(present).includes('app.kubernetes.io/name'));
  assert.deepEqual(labels(completeAt('apiVersion: v1\nkind: ConfigMap\ndata:\n  |\n')), []);
});

test('resource names and quantities', () => {
  const keys = completeAt(`${containers}        - name: a\n          resources:\n            limits:\n              |\n`);
  assert.ok(labels(keys).includes('cpu') && labels(keys).includes('memory'));
  assert.deepEqual(labels(completeAt(`${containers}        - name: a\n          resources:\n            requests:\n              cpu: |\n`)), ['100m', '250m', '500m', '1', '2']);
  assert.ok(labels(completeAt(`${containers}        - name: a\n          resources:\n            limits:\n              memory: |\n`)).includes('512Mi'));
});

test('image names from this file and from the workspace', () => {
  const text = `${containers}        - name: a\n          image: nginx:1.27\n        - name: b\n          image: |\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: c\n      image: "redis:7"\n`;
  assert.deepEqual(labels(completeAt(text)).sort(), ['nginx:1.27', 'redis:7']);
  const ctx = { ...contextFor(), workspace: { knownImages: () => ['ghcr.io/acme/api:2.0'] } };
  assert.ok(labels(completeAt(text, ctx)).includes('ghcr.io/acme/api:2.0'));
});

test('probe snippets next to the probe keys', () => {
  const r = completeAt(`${containers}        - name: a\n          live|\n`);
  const block = apply(r, 'livenessProbe (httpGet)');
  assert.match(block, /livenessProbe:\n {12}httpGet:\n {14}path: \$\{1:\/healthz\}/);
});

test('env, volume and volumeMount snippets', () => {
  assert.ok(labels(completeAt(`${containers}        - name: a\n          env:\n            - |\n`)).includes('env var from Secret'));
  assert.ok(labels(completeAt(`${containers}        - name: a\n          volumeMounts:\n            - |\n`)).includes('volumeMount'));
  assert.ok(labels(completeAt(`${head}  template:\n    spec:\n      volumes:\n        - |\n`)).includes('volume: configMap'));
});

test('flow style inserts plain keys', () => {
  const r = completeAt(`${containers}        - name: a\n          ports: [{containerPort: 80, pro|}]\n`);
  assert.equal(edit(r, 'protocol').newText, 'protocol: ');
});

test('unknown kinds, custom resources without schema and non-Kubernetes YAML: no noise', () => {
  assert.deepEqual(labels(completeAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  |\n')), []);
  assert.ok(labels(completeAt('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  |\n')).includes('labels'));
  assert.deepEqual(labels(completeAt('services:\n  web:\n    |\n')), []);
  assert.deepEqual(labels(completeAt('services:\n  web: {}\n|\n')), []);
  assert.deepEqual(labels(completeAt(`${head}  nonsense:\n    |\n`)), []);
});

test('a new document: apiVersion and kind, then whole-manifest snippets', () => {
  const fields = (list: ReturnType<typeof completeAt>): string[] => list.items.filter((i) => i.kind !== CompletionItemKind.Snippet).map((i) => String(i.label));
  const snippetLabels = (list: ReturnType<typeof completeAt>): string[] => list.items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => String(i.label));
  assert.deepEqual(fields(completeAt('|')), ['apiVersion', 'kind']);
  assert.ok(snippetLabels(completeAt('|')).some((l) => /^deployment$/.test(l)), 'an empty file offers manifest snippets');
  assert.deepEqual(fields(completeAt('apiVersion: v1\nkind: Pod\n---\n|')), ['apiVersion', 'kind']);
  assert.ok(snippetLabels(completeAt('apiVersion: v1\nkind: Pod\n---\n|')).some((l) => /^daemonset$/.test(l)), 'after --- as well');
  assert.deepEqual(labels(completeAt('apiVersion: v1\n|')), ['kind']);
});

test('root keys of a kind, without status', () => {
  const names = labels(completeAt('apiVersion: v1\nkind: ConfigMap\n|\n'));
  assert.ok(names.includes('data') && names.includes('metadata'));
  assert.ok(!names.includes('status') && !names.includes('kind'));
});

test('Chinese documentation on completion items', () => {
  const r = completeAt(`${head}  |\n`, contextFor('zh-cn'));
  const replicas = r.items.find((i) => i.label === 'replicas')!;
  assert.match(JSON.stringify(replicas.documentation), /期望的 Pod 数量/);
});

test('block scalar text gets no completion', () => {
  assert.deepEqual(labels(completeAt('apiVersion: v1\nkind: ConfigMap\ndata:\n  a.conf: |\n    x§\n'.replace('§', '|').replace('a.conf: |', 'a.conf: >'))), []);
});

test('kind: List items complete against their own kind', () => {
  const names = labels(completeAt('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    |\n'));
  assert.ok(names.includes('data') && names.includes('immutable'));
});

test('completion right after the typed `:` or `-` adds the space', () => {
  const r = completeAt(`${containers}        - name: a\n          imagePullPolicy:|\n`);
  assert.equal(apply(r, 'Always'), `${containers}        - name: a\n          imagePullPolicy: Always\n`);
  const dash = completeAt(`${containers}        -|\n`);
  assert.match(apply(dash, 'name'), /\n {8}- name: \n$/);
});

test('nested insert after a bare dash is indented from where the key will be', () => {
  const dash = completeAt(`${containers}        -|\n`);
  assert.match(apply(dash, 'resources'), /\n {8}- resources:\n {12}\$0\n$/);
});

test('selectors offer the labels written elsewhere in the file as key: value pairs', () => {
  const text = `${head}  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: web\n---\napiVersion: v1\nkind: Service\nspec:\n  selector:\n    |\n`;
  const r = completeAt(text);
  assert.equal(labels(r)[0], 'app.kubernetes.io/name: web');
  assert.equal(edit(r, 'app.kubernetes.io/name: web').newText, 'app.kubernetes.io/name: web');
});

test('hover and completion never throw on partial manifests', () => {
  const base = `${containers}        - name: app\n          image: nginx:1.27\n          ports: [{containerPort: 80, protocol: TCP}]\n          resources:\n            limits: {cpu: 1}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    stringData:\n      a: b\n`;
  const ctx = contextFor('zh-cn');
  for (let cut = 0; cut <= base.length; cut += 11) {
    const text = base.slice(0, cut);
    const file = manifest(text);
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line]!.length; character += 4) {
        kubernetesService.hover!(file, { line, character }, ctx);
        const list = kubernetesService.complete!(file, { line, character }, ctx);
        for (const item of list?.items ?? []) {
          const e = item.textEdit as TextEdit;
          assert.ok(e.range.start.line === line && e.range.end.line === line, 'edits stay on the cursor line');
          assert.ok(e.range.start.character <= character && character <= e.range.end.character + 1, `edit range covers the cursor (${JSON.stringify(e.range)} @${character})`);
        }
      }
    }
  }
});

test('images from the Kubernetes workspace index (objects of other files)', async () => {
  const { WorkspaceIndex } = await import('../../../server/src/kubernetes/workspace');
  const index = new WorkspaceIndex();
  index.updateText('file:///work/other.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: quay.io/acme/worker:3.1\n');
  const r = completeAt(`${containers}        - name: a\n          image: |\n`, { ...contextFor(), workspace: index });
  assert.ok(labels(r).includes('quay.io/acme/worker:3.1'), labels(r).join(', '));
});

test('kind and apiVersion of a List entry', () => {
  assert.equal(labels(completeAt('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: |\n    kind: CronJob\n'))[0], 'batch/v1');
  assert.ok(labels(completeAt('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: |\n')).includes('ConfigMap'));
});

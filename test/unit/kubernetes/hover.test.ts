import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocsLanguage } from '../../../server/src/common/localized';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { kindDocs } from '../../../server/src/kubernetes/kinds';
import { allKinds, resolveType } from '../../../server/src/kubernetes/schema';
import { fieldDocsZh } from '../../../server/src/kubernetes/schema/fieldDocsZh';
import { contextFor, manifest } from '../helpers';

/** Hover markdown at the `|` in `text` (or null). */
function hoverAt(text: string, lang: DocsLanguage = 'en', settings?: unknown, files?: Record<string, string>): string | null {
  const offset = text.indexOf('|');
  const file = manifest(text.slice(0, offset) + text.slice(offset + 1));
  const ctx = contextFor(lang, { settings, files: files ? { readText: (p) => files[p] } : undefined });
  const hover = kubernetesService.hover!(file, file.document.positionAt(offset), ctx);
  return hover ? (hover.contents as { value: string }).value : null;
}

const multi = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: ClusterIP',
  '  ports:',
  '    - port: 80',
  '      targetPort: http',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  labels:',
  '    app.kubernetes.io/name: web',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels:',
  '      app.kubernetes.io/name: web',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          imagePullPolicy: IfNotPresent',
  '          resources:',
  '            limits:',
  '              memory: 256Mi',
  '---',
  'apiVersion: batch/v1',
  'kind: CronJob',
  'spec:',
  '  schedule: "0 3 * * *"',
  '  concurrencyPolicy: Forbid',
  '',
].join('\n');

/** Puts the cursor after the first occurrence of `marker` (searching from `from`). */
function cursorAfter(marker: string, from = ''): string {
  const start = from ? multi.indexOf(from) : 0;
  const i = multi.indexOf(marker, start) + marker.length;
  return `${multi.slice(0, i)}|${multi.slice(i)}`;
}

test('field hover: description, type, optional, default, path and kind (second document)', () => {
  const value = hoverAt(cursorAfter('  repli'))!;
  assert.match(value, /\*\*replicas\*\* `integer \(int32\)` · optional/);
  assert.match(value, /Number of desired pods/);
  assert.match(value, /\*\*Default:\*\* `1`/);
  assert.match(value, /`spec\.replicas` — Deployment \(`apps\/v1`\)/);
});

test('field hover in Chinese uses our text', () => {
  const value = hoverAt(cursorAfter('  repli'), 'zh-cn')!;
  assert.match(value, /期望的 Pod 数量/);
  assert.match(value, /可选/);
  assert.match(value, /默认值：/);
});

test('enum values are listed; the value side hovers the field too', () => {
  const value = hoverAt(cursorAfter('imagePullPolicy: IfNot'))!;
  assert.match(value, /- `Always` — Asks the registry on every container start/);
  assert.match(value, /- `IfNotPresent` — Pulls only when the node does not have the image yet/);
  assert.match(value, /containers\[0\]\.imagePullPolicy/);
  assert.match(hoverAt(cursorAfter('imagePullPolicy: IfNot'), 'zh-cn')!, /- `Never` — 从不拉取/);
});

test('required fields say so; fields of the first document resolve against its kind', () => {
  const value = hoverAt(cursorAfter('    - po'))!;
  assert.match(value, /\*\*port\*\* `integer \(int32\)` · required/);
  assert.match(value, /Service \(`v1`\)/);
  const target = hoverAt(cursorAfter('targetPo'))!;
  assert.match(target, /int-or-string/);
});

test('kind hover summarises the kind and its controller, in both languages', () => {
  assert.match(hoverAt(cursorAfter('kind: Deplo'))!, /ReplicaSets/);
  assert.match(hoverAt(cursorAfter('kind: Deplo'), 'zh-cn')!, /滚动更新/);
  assert.match(hoverAt(cursorAfter('kind: Cron'))!, /cron schedule/);
  assert.match(hoverAt(cursorAfter('ki'))!, /virtual IP/);
});

test('every built-in kind has an English and a Chinese summary', () => {
  for (const kind of allKinds()) {
    const doc = kindDocs[kind.kind];
    assert.ok(doc, kind.kind);
    assert.ok(doc.summary.en.length > 20 && /[\u4e00-\u9fff]/.test(doc.summary.zh), kind.kind);
  }
  assert.match(hoverAt('apiVersion: v1\nkind: ReplicationCon|troller\n')!, /legacy predecessor of ReplicaSet/);
  assert.match(hoverAt('apiVersion: apps/v1\nkind: State|fulSet\n')!, /stable identity/);
  assert.match(hoverAt('apiVersion: apps/v1\nkind: Daemon|Set\n')!, /every node/);
});

test('apiVersion hover: group, served, removed with replacement', () => {
  const served = hoverAt(cursorAfter('apiVersion: app'))!;
  assert.match(served, /API group: `apps` · version: `v1`/);
  assert.match(served, /Served by Kubernetes 1\.36/);
  const core = hoverAt(cursorAfter('apiVersion: v'))!;
  assert.match(core, /core group/);
  const removed = hoverAt('apiVersion: extensions/v1|beta1\nkind: Deployment\nmetadata:\n  name: x\n')!;
  assert.match(removed, /Removed in Kubernetes 1\.16/);
  assert.match(removed, /Use `apps\/v1` instead/);
  const zh = hoverAt('apiVersion: batch/v1be|ta1\nkind: CronJob\n', 'zh-cn')!;
  assert.match(zh, /已在 Kubernetes 1\.25 中移除/);
  assert.match(zh, /请改用 `batch\/v1`/);
  const kindSide = hoverAt('apiVersion: policy/v1beta1\nkind: PodSecurity|Policy\n')!;
  assert.match(kindSide, /Pod Security Admission/);
});

test('map entries: well-known labels and resource names', () => {
  assert.match(hoverAt(cursorAfter('    app.kubernetes.io/na'))!, /name of the application/);
  assert.match(hoverAt(cursorAfter('              memo'))!, /OOM/);
  assert.equal(hoverAt('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  some|key: v\n'), null);
});

test('Chinese falls back to the English API text and says so', () => {
  // CSIDriver is outside the kinds whose every field has Chinese text (zhCoverage.test.ts).
  const value = hoverAt('apiVersion: storage.k8s.io/v1\nkind: CSIDriver\nspec:\n  attach|Required: true\n', 'zh-cn')!;
  assert.match(value, /暂无中文说明/);
  assert.match(value, /attach/i);
});

test('every Chinese field doc names a real field', () => {
  for (const key of Object.keys(fieldDocsZh())) {
    const [def, field] = key.split('.') as [string, string];
    if (def === '*') continue;
    assert.ok(resolveType(def)?.properties.has(field), key);
    assert.match(fieldDocsZh()[key]!, /[\u4e00-\u9fff]/, key);
  }
  assert.ok(Object.keys(fieldDocsZh()).length >= 150);
});

test('no hover for unknown fields, unknown kinds, non-Kubernetes YAML', () => {
  assert.equal(hoverAt('apiVersion: apps/v1\nkind: Deployment\nspec:\n  nonsen|se: 1\n'), null);
  assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  si|ze: 3\n'), null);
  assert.equal(hoverAt('apiVersion: example.com/v1|\nkind: Widget\n'), null);
  assert.equal(hoverAt('services:\n  web:\n    ima|ge: nginx\n'), null);
  assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Wid|get\n'), null);
});

test('unknown kinds still get metadata docs', () => {
  const value = hoverAt('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name|: w\n')!;
  assert.match(value, /\*\*name\*\*/);
  assert.doesNotMatch(value, /Widget/);
});

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size, color]
              properties:
                size:
                  type: integer
                  description: How many gears the widget has.
                  default: 3
                color:
                  type: string
                  enum: [red, green]
`;

test('custom resources from customSchemas (CRD file, relative to the workspace root)', () => {
  const settings = { kubernetes: { customSchemas: ['crds/widget.yaml'] } };
  const files = { '/work/crds/widget.yaml': crd };
  const value = hoverAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  si|ze: 3\n', 'en', settings, files)!;
  assert.match(value, /How many gears/);
  // Required, but the API server fills in the default first: the user may leave it out.
  assert.match(value, /optional/);
  assert.match(value, /\*\*Default:\*\* `3`/);
  const color = hoverAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  col|or: red\n', 'en', settings, files)!;
  assert.match(color, /required/);
  assert.match(color, /`red` · `green`/);
  assert.match(hoverAt('apiVersion: example.com/v1\nkind: Wid|get\n', 'en', settings, files)!, /Custom resource/);
  // A missing or broken file gives nothing, and never throws.
  assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  si|ze: 3\n', 'en', settings, { '/work/crds/widget.yaml': 'not: [valid' }), null);
});

test('JSON schema with apiVersion/kind enums as a custom schema', () => {
  const schema = JSON.stringify({
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: ['cert-manager.io/v1'] },
      kind: { type: 'string', enum: ['Certificate'] },
      spec: { type: 'object', properties: { secretName: { type: 'string', description: 'Where the signed certificate goes.' } } },
    },
  });
  const value = hoverAt('apiVersion: cert-manager.io/v1\nkind: Certificate\nspec:\n  secret|Name: x\n', 'en', { kubernetes: { customSchemas: ['/abs/cert.json'] } }, { '/abs/cert.json': schema })!;
  assert.match(value, /signed certificate/);
});

test('kind: List resolves each item against its own kind', () => {
  const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ResourceQuota\n    metadata:\n      name: q\n    spec:\n      ha|rd:\n        cpu: "10"\n';
  assert.match(hoverAt(text)!, /\*\*hard\*\*/);
  const roles = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleList\nitems:\n  - metadata:\n      name: r\n    rules:\n      - ver|bs: [get]\n';
  assert.match(hoverAt(roles)!, /Verbs is a list/);
});

test('a custom group reusing a built-in kind name gets no built-in docs', () => {
  assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Serv|ice\n'), null);
});

test('apiVersion that does not serve the kind points to the one that does', () => {
  assert.match(hoverAt('apiVersion: apps/v|1\nkind: Pod\n')!, /does not serve Pod; Pod is served by `v1`/);
  assert.match(hoverAt('apiVersion: apps/v|1\nkind: Pod\n', 'zh-cn')!, /不提供 Pod/);
});

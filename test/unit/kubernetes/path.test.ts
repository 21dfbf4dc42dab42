import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathAt, type CursorPath } from '../../../server/src/kubernetes/path';
import { manifest } from '../helpers';

/** `text` with one `|` marking the cursor (`§` where the text itself has a `|`). */
function at(text: string): CursorPath | undefined {
  const offset = text.includes('§') ? text.indexOf('§') : text.indexOf('|');
  assert.ok(offset >= 0, 'test text needs a | cursor');
  const source = text.slice(0, offset) + text.slice(offset + 1);
  const file = manifest(source);
  return pathAt(file, file.document.positionAt(offset));
}

function expectPath(text: string, target: CursorPath['target'], path: (string | number)[], prefix?: string): CursorPath {
  const result = at(text);
  assert.ok(result, `no path for ${JSON.stringify(text)}`);
  assert.deepEqual({ target: result.target, path: result.path }, { target, path }, JSON.stringify(text));
  if (prefix !== undefined) assert.equal(result.prefix, prefix, JSON.stringify(text));
  return result;
}

const deploymentHead = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n';
const podSpec = `${deploymentHead}  template:\n    spec:\n      containers:\n`;

test('value of a top-level key', () => {
  expectPath('apiVersion: apps/v1\nkind: Depl|\n', 'value', ['kind'], 'Depl');
});

test('empty value right after the colon', () => {
  expectPath('apiVersion: apps/v1\nkind: |\n', 'value', ['kind'], '');
});

test('cursor on a top-level key', () => {
  const r = expectPath('apiVer|sion: apps/v1\n', 'key', ['apiVersion'], 'apiVer');
  assert.deepEqual(r.parent, []);
});

test('key with no colon yet at the top level', () => {
  expectPath('apiVersion: v1\nkind: Pod\nmeta|', 'key', ['meta'], 'meta');
});

test('key with no colon yet, nested', () => {
  expectPath(`${deploymentHead}  repl|\n`, 'key', ['spec', 'repl'], 'repl');
});

test('empty indented line under a mapping key', () => {
  const r = expectPath(`${deploymentHead}  |\n`, 'key', ['spec', ''], '');
  assert.equal(r.indent, 2);
});

test('empty line at column 0 after nested content goes back to the root', () => {
  expectPath(`${deploymentHead}  replicas: 2\n|\n`, 'key', ['']);
});

test('empty line at an intermediate indentation', () => {
  expectPath(`${podSpec}        - name: a\n          image: x\n    |\n`, 'key', ['spec', 'template', '']);
});

test('end of file without a trailing newline', () => {
  expectPath(`${deploymentHead}  replicas: 3\n  sel|`, 'key', ['spec', 'sel'], 'sel');
});

test('cursor at the very end of a file that ends with a newline, indented', () => {
  expectPath(`${deploymentHead}  template:\n    |`, 'key', ['spec', 'template', '']);
});

test('container image value inside a list item', () => {
  expectPath(`${podSpec}        - name: app\n          image: ngi|\n`, 'value', ['spec', 'template', 'spec', 'containers', 0, 'image'], 'ngi');
});

test('key on the dash line of a list item', () => {
  expectPath(`${podSpec}        - na|\n`, 'item', ['spec', 'template', 'spec', 'containers', 0], 'na');
  expectPath(`${podSpec}        - name: |\n`, 'value', ['spec', 'template', 'spec', 'containers', 0, 'name']);
  expectPath(`${podSpec}        - na|me: x\n`, 'key', ['spec', 'template', 'spec', 'containers', 0, 'name'], 'na');
});

test('a dash with nothing after it', () => {
  expectPath(`${podSpec}        - |\n`, 'item', ['spec', 'template', 'spec', 'containers', 0], '');
});

test('second list item gets index 1', () => {
  expectPath(`${podSpec}        - name: a\n          image: x\n        - name: b\n          ima|\n`, 'key', ['spec', 'template', 'spec', 'containers', 1, 'ima']);
});

test('third item after nested lists inside the first ones', () => {
  const text = `${podSpec}        - name: a\n          ports:\n            - containerPort: 80\n            - containerPort: 81\n        - name: b\n        - name: c\n          |\n`;
  expectPath(text, 'key', ['spec', 'template', 'spec', 'containers', 2, '']);
});

test('empty line inside a list item, aligned with its keys', () => {
  expectPath(`${podSpec}        - name: a\n          |\n`, 'key', ['spec', 'template', 'spec', 'containers', 0, '']);
});

test('compact sequence (dash at the same column as the key)', () => {
  const text = `${deploymentHead}  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n      - name: b\n        imagePull|\n`;
  expectPath(text, 'key', ['spec', 'template', 'spec', 'containers', 1, 'imagePull']);
});

test('a key after a compact sequence ended', () => {
  const text = `${deploymentHead}  template:\n    spec:\n      containers:\n      - name: a\n      volu|\n`;
  expectPath(text, 'key', ['spec', 'template', 'spec', 'volu']);
});

test('nested list under a list item: ports', () => {
  expectPath(`${podSpec}        - name: a\n          ports:\n            - containerPort: 80\n              proto|\n`, 'key', ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'proto']);
});

test('list of scalars: a partial value after a dash', () => {
  const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes:\n    - ReadWriteOnce\n    - Read|\n';
  expectPath(text, 'item', ['spec', 'accessModes', 1], 'Read');
});

test('comments between lines are skipped', () => {
  const text = `${deploymentHead}  # how many\n  replicas: 2 # two\n  # selector next\n  sel|\n`;
  expectPath(text, 'key', ['spec', 'sel']);
});

test('cursor inside a trailing comment gives nothing', () => {
  assert.equal(at(`${deploymentHead}  replicas: 2 # tw|o\n`), undefined);
});

test('anchor on a mapping value and an alias', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: &labels\n    app: web\n    |\n';
  expectPath(text, 'key', ['metadata', 'labels', '']);
  expectPath('apiVersion: v1\nkind: Service\nspec:\n  selector: *lab|\n', 'value', ['spec', 'selector']);
});

test('merge key line is a key in the mapping', () => {
  expectPath('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    <<: *base\n    ti|\n', 'key', ['metadata', 'labels', 'ti']);
});

test('block scalar text belongs to its key', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  app.conf: |\n    key: value\n    other§\n';
  const r = expectPath(text, 'value', ['data', 'app.conf']);
  assert.equal(r.inBlockScalar, true);
});

test('after a block scalar, a key at the outer level is a key again', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    x: 1\n  §\n';
  expectPath(text, 'key', ['data', '']);
});

test('flow mapping: key and value inside braces', () => {
  const text = `${podSpec}        - name: a\n          ports: [{containerPort: 80, proto|}]\n`;
  const r = expectPath(text, 'key', ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'proto'], 'proto');
  assert.equal(r.inFlow, true);
  expectPath(`${podSpec}        - name: a\n          resources: {limits: {cpu: 1|}}\n`, 'value', ['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits', 'cpu']);
});

test('flow sequence of scalars', () => {
  const text = 'apiVersion: v1\nkind: PersistentVolumeClaim\nspec:\n  accessModes: [ReadWriteOnce, Read|]\n';
  expectPath(text, 'item', ['spec', 'accessModes', 1], 'Read');
});

test('quoted keys', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    "app.kubernetes.io/name": web\n    \'team\': x\n    |\n';
  expectPath(text, 'key', ['metadata', 'labels', '']);
  expectPath('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    "app.kubernetes.io/na|me": web\n', 'key', ['metadata', 'labels', 'app.kubernetes.io/name']);
});

test('values containing colons (images with tags, URLs)', () => {
  expectPath(`${podSpec}        - name: a\n          image: nginx:1.2|\n`, 'value', ['spec', 'template', 'spec', 'containers', 0, 'image'], 'nginx:1.2');
});

test('second document of a multi-document file', () => {
  const text = 'apiVersion: v1\nkind: Service\nspec:\n  type: ClusterIP\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  repl|\n';
  const r = expectPath(text, 'key', ['spec', 'repl']);
  assert.equal(r.doc.kind, 'Deployment');
});

test('the scan stops at the document marker', () => {
  const text = 'apiVersion: v1\nkind: Service\nspec:\n  type: ClusterIP\n---\n  |\n';
  expectPath(text, 'key', ['']);
});

test('a new empty document after ---', () => {
  const r = expectPath('apiVersion: v1\nkind: Pod\n---\n|', 'key', ['']);
  assert.equal(r.doc.index, 1);
});

test('a key typed with a colon but the value still missing, then a deeper line', () => {
  expectPath(`${deploymentHead}  strategy:\n    rollingUpdate:\n      |\n`, 'key', ['spec', 'strategy', 'rollingUpdate', '']);
});

test('cursor in the indentation before a key counts as that key', () => {
  const r = expectPath(`${deploymentHead} | replicas: 2\n`, 'key', ['spec', 'replicas'], '');
  assert.equal(r.indent, 2);
  assert.equal(r.beforeContent, true);
});

test('replace range of a value covers the whole value, not the comment', () => {
  const text = `${podSpec}        - name: a\n          imagePullPolicy: If|NotPresent # why\n`;
  const r = expectPath(text, 'value', ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy'], 'If');
  const source = text.replace('|', '');
  assert.equal(source.slice(r.replace.start, r.replace.end), 'IfNotPresent');
});

test('tabs and odd indentation do not throw', () => {
  assert.doesNotThrow(() => at('apiVersion: v1\nkind: Pod\nspec:\n\tcontainers:\n\t  - |\n'));
  assert.doesNotThrow(() => at('- - - |\n'));
  assert.doesNotThrow(() => at('{{ .Values.x }}|\n'));
  assert.doesNotThrow(() => at('key: [unclosed, {a: |\n'));
});

test('nested sequences on one line', () => {
  expectPath('matrix:\n  - - a\n    - b|\n', 'item', ['matrix', 0, 1], 'b');
});

test('empty list item line followed by a key under it', () => {
  expectPath(`${podSpec}        -\n          |\n`, 'key', ['spec', 'template', 'spec', 'containers', 0, '']);
});

test('a list of objects under volumes with nested configMap', () => {
  const text = `${podSpec}        - name: a\n      volumes:\n        - name: cfg\n          configMap:\n            na|\n`;
  expectPath(text, 'key', ['spec', 'template', 'spec', 'volumes', 0, 'configMap', 'na']);
});

test('every position of truncated and mangled manifests resolves without throwing', () => {
  const base = `${podSpec}        - name: app\n          image: nginx:1.27\n          ports: [{containerPort: 80}]\n          env:\n            - name: A\n              value: "x # y"\n          args: ["--a", '--b']\n      volumes:\n        - name: c\n          configMap: {name: c}\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: |\n    line\n  b: >-\n    folded\n`;
  // Deterministic variants: every prefix, and a few characters deleted in a sliding window.
  const variants: string[] = [];
  for (let cut = 0; cut <= base.length; cut += 7) variants.push(base.slice(0, cut));
  for (let at = 0; at < base.length; at += 23) variants.push(base.slice(0, at) + base.slice(at + 3));
  for (const text of variants) {
    const file = manifest(text);
    const lines = text.split('\n');
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line]!.length; character += 3) {
        const result = pathAt(file, { line, character });
        if (result) {
          assert.ok(result.replace.start <= result.replace.end);
          assert.ok(result.path.every((s) => typeof s === 'string' || (Number.isInteger(s) && s >= 0)));
        }
      }
    }
  }
});

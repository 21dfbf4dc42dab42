import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/common/service';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { summarize, WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { largeManifest } from '../../../bench/inputs';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';

/**
 * Differential tests of the per-document caches an edit of a big manifest relies on: the workspace
 * summaries (workspace.ts) and the schema findings (rules/schemaValidation.ts) kept per `---`
 * document and moved by lines (and the findings of rules whose fixes add lines, kept per document
 * since the line ending is read once per version) must equal what a whole-file parse computes from scratch, after
 * random edits, with LF and CRLF line endings (a fix writes the file's line ending) and when an
 * edit elsewhere changes the file's line ending.
 */

/** Documents with references, ports, a kustomization and schema findings with fixes (a Deployment without its selector). */
function manifest(): string {
  const extra = [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: no-selector\nspec:\n  template:\n    metadata:\n      labels:\n        app: x\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n          ports:\n            - containerPort: 70000\n              name: Bad_Name\n',
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\nconfigMapGenerator:\n  - name: generated\n',
    // Fixes that add lines: a Job's TTL, the labels a selector misses, an old Ingress path's pathType.
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: job\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: c\n          image: busybox:1.36\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: mismatch\nspec:\n  selector:\n    matchLabels:\n      app: mismatch\n  template:\n    metadata:\n      labels:\n        tier: web\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n',
    'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend:\n              serviceName: app-1\n              servicePort: 80\n',
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: hpa\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: no-selector\n  maxReplicas: 3\n  unknownField: 1\n',
  ];
  return [largeManifest(12), ...extra, largeManifest(8)].join('---\n');
}

const inserts = [' ', 'x', '\n', '#', ': ', '---\n', 'replicas: 2\n', 'name: renamed', '\r\n', '{'];

interface Step {
  name: string;
  text: string;
}

/** Random edits of `text` (with `eol` line breaks), one TextDocument version after another. */
function* edited(text: string, seed: number, steps: number): Generator<{ document: TextDocument; step: number }> {
  const next = random(seed);
  let document = TextDocument.create(`file:///scratch/caches-${seed}/app.yaml`, 'yaml', 1, text);
  yield { document, step: 0 };
  for (let step = 1; step <= steps; step++) {
    const at = Math.floor(next() * (document.getText().length + 1));
    const position = document.positionAt(at);
    const deleting = next() < 0.3;
    const end = deleting ? document.positionAt(at + 1 + Math.floor(next() * 4)) : position;
    document = TextDocument.update(document, [{ range: { start: position, end }, text: deleting ? '' : inserts[Math.floor(next() * inserts.length)]! }], document.version + 1);
    yield { document, step };
  }
}

const cases: Step[] = [
  { name: 'LF', text: manifest() },
  { name: 'CRLF', text: manifest().replace(/\n/g, '\r\n') },
];

test('workspace summaries kept per document equal a whole-file summary after random edits', () => {
  for (const [i, { name, text }] of cases.entries()) {
    for (const { document, step } of edited(text, 30 + i, 60)) {
      const uri = document.uri;
      const incremental = summarize(uri, kubernetesService.parse(document) as never);
      const fresh = summarize(uri, parseManifestFile(TextDocument.create(uri, 'yaml', document.version, document.getText())));
      assert.deepEqual(incremental, fresh, `${name}, step ${step}`);
    }
  }
});

test('a document that only moved leaves the workspace index unchanged; a changed meaning changes it', () => {
  const index = new WorkspaceIndex();
  const uri = 'file:///scratch/caches-moved/app.yaml';
  let document = TextDocument.create(uri, 'yaml', 1, manifest());
  assert.equal(index.updateFile(uri, kubernetesService.parse(document) as never), true);
  // Lines added at the top: every document after them moves, none changes.
  document = TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n# another\n' }], 2);
  assert.equal(index.updateFile(uri, kubernetesService.parse(document) as never), false, 'moved only');
  const moved = index.objectsIn(uri).find((object) => object.name === 'hpa')!;
  assert.equal(moved.range.start.line, document.getText().split('\n').findIndex((line) => line === '  name: hpa'), 'the range moved with its document');
  const at = document.getText().indexOf('    name: no-selector\n  maxReplicas');
  const start = document.positionAt(at + '    name: '.length);
  document = TextDocument.update(document, [{ range: { start, end: { line: start.line, character: start.character + 'no-selector'.length } }, text: 'other' }], 3);
  assert.equal(index.updateFile(uri, kubernetesService.parse(document) as never), true, 'a reference changed');
});

test('findings kept per document (schema, rules whose fixes add lines) equal a full check after random edits, with LF, CRLF and a line ending changed elsewhere', () => {
  // Every rule on: many fixes add lines (rules/edits.ts), in the file's line ending.
  const ctx: FeatureContext = { ...contextFor('en', { settings: { profile: 'strict' } }), workspace: new WorkspaceIndex() };
  let fullChecks = 0;
  const full = (text: string): Diagnostic[] =>
    kubernetesService.diagnose!(parseManifestFile(TextDocument.create(`file:///scratch/caches-full-${++fullChecks}/app.yaml`, 'yaml', 1, text)), ctx);
  let fixes = 0;
  for (const [i, { name, text }] of cases.entries()) {
    for (const { document, step } of edited(text, 40 + i, 60)) {
      const incremental = kubernetesService.diagnose!(kubernetesService.parse(document), ctx);
      assert.deepEqual(incremental, full(document.getText()), `${name}, step ${step}`);
      fixes += incremental.filter((d) => JSON.stringify(d.data ?? '').includes(document.getText().includes('\r\n') ? '\\r\\n' : '\\n')).length;
    }
  }
  assert.ok(fixes > 0, 'findings whose fixes add lines were compared');
});

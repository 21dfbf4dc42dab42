import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/common/service';
import { documentFindingsCounts } from '../../../server/src/kubernetes/documentFindings';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';
import { documentBounds, type Edit } from './manifestEdits';

/**
 * Differential test of incremental Kubernetes diagnostics: a file is edited step by step (seeded
 * random edits: characters, lines, whole `---` documents, YAML broken then repaired) and after
 * every step the server's path (incremental parse over the previous version, findings of unchanged
 * documents reused) must give exactly the diagnostics of a check from scratch (a fresh whole-file
 * parse under a new URI with the same file name, so it shares no cache with anything).
 */


function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline < 0 ? text.length : newline + 1 };
}

const typed = [' ', 'x', ':', '-', '#', '"', "'", '{', '[', '\t', '\n', ': ', '  ', 'image: nginx', '{{ .Values.x }}'];
const breakers = ['{', '"', ': : ', '\t', '[a, ', '&anchor ', '*missing ', '%YAML 1.2\n', '--- ', '...\n'];

/** One random edit of `text`: what typing, cutting, pasting and renaming do to a manifest. */
function randomEdit(text: string, next: () => number): Edit {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const at = Math.floor(next() * (text.length + 1));
  const docs = documentBounds(text);
  const doc = Math.floor(next() * (docs.length - 1));
  switch (Math.floor(next() * 10)) {
    case 0:
    case 1:
      return { start: at, end: at, text: pick(typed) };
    case 2:
      return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 5)), text: '' };
    case 3: {
      const line = lineBounds(text, at);
      return { start: line.start, end: line.end, text: '' };
    }
    case 4: {
      const line = lineBounds(text, at);
      const copied = text.slice(line.start, line.end);
      return { start: line.start, end: line.start, text: copied.endsWith('\n') ? copied : `${copied}\n` };
    }
    case 5:
      return { start: docs[doc]!, end: docs[doc + 1]!, text: '' };
    case 6: {
      // A copy of a document pasted before another one.
      let copied = text.slice(docs[doc]!, docs[doc + 1]!);
      if (!copied.endsWith('\n')) copied += '\n';
      if (!copied.startsWith('---')) copied = `---\n${copied}`;
      const before = docs[Math.floor(next() * (docs.length - 1))]!;
      return before === 0 ? { start: 0, end: 0, text: `${copied.slice(4)}---\n` } : { start: before, end: before, text: copied };
    }
    case 7:
      return { start: at, end: at, text: '---\n' };
    case 8: {
      // A name changed in one document, which other documents refer to (selectors, references).
      const names = [...text.matchAll(/\b[a-z][a-z0-9]*-[a-z0-9-]+\b/g)];
      if (names.length === 0) return { start: at, end: at, text: 'x' };
      const name = pick(names);
      return { start: name.index, end: name.index + name[0].length, text: `${name[0]}-renamed` };
    }
    default:
      return { start: lineBounds(text, at).start, end: lineBounds(text, at).start, text: pick(breakers) };
  }
}

/** A check from scratch: a whole-file parse, under a URI of its own every time so no cache knows it. */
let fullChecks = 0;
const full = (text: string, name: string, ctx: FeatureContext): Diagnostic[] =>
  kubernetesService.diagnose!(parseManifestFile(TextDocument.create(`file:///scratch/full-${++fullChecks}/${name}`, 'yaml', 1, text)), ctx);

/**
 * Edits `text` `steps` times through the server's path and compares with a check from scratch after
 * each step. Every third step after a "breaking" edit undoes it (the repair), so documents come back
 * to a text the caches have seen, in another place.
 */
function checkEdits(name: string, text: string, seed: number, steps: number, ctx: FeatureContext): void {
  const next = random(seed);
  let document = TextDocument.create(`file:///scratch/edited/${name}`, 'yaml', 1, text);
  const diagnose = () => kubernetesService.diagnose!(kubernetesService.parse(document), ctx);
  assert.deepEqual(diagnose(), full(document.getText(), name, ctx), `${name}: first check`);
  let undo: Edit | undefined;
  for (let step = 1; step <= steps; step++) {
    const current = document.getText();
    const edit = undo && step % 3 === 0 ? undo : randomEdit(current, next);
    undo = edit === undo ? undefined : { start: edit.start, end: edit.start + edit.text.length, text: current.slice(edit.start, edit.end) };
    const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
    document = TextDocument.update(document, [{ range, text: edit.text }], document.version + 1);
    const incremental = diagnose();
    assert.deepEqual(incremental, full(document.getText(), name, ctx), `${name} (seed ${seed}): step ${step}, ${JSON.stringify(edit)}`);
  }
}

/** Multi-document inputs with findings in most documents, a `kind: List`, comments between documents. */
function generated(documents: number, seed: number): string {
  const next = random(seed);
  const parts: string[] = [];
  for (let i = 0; i < documents; i++) {
    const name = `app-${i}`;
    const image = next() < 0.5 ? 'nginx' : `registry.example.com/${name}:1.${i}`;
    switch (i % 5) {
      case 0:
        parts.push(`# ${name}\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n          ports:\n            - containerPort: 80\n              name: http_port\n          securityContext:\n            privileged: true\n`);
        break;
      case 1:
        parts.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  selector:\n    app: app-${i - 1}\n  ports:\n    - port: 22\n      targetPort: http\n`);
        break;
      case 2:
        parts.push(`apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: ${name}\n    spec:\n      hostNetwork: true\n      containers:\n        - name: c\n          image: ${image}\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: ${name}-config\n    data:\n      key: value\n`);
        break;
      case 3:
        parts.push(`apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${name}\n  namespace: default\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Always\n          containers:\n            - name: job\n              image: ${image}\n              env:\n                - name: A\n                  value: "1"\n                - name: A\n                  value: "2"\n`);
        break;
      default:
        parts.push(`apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: ${name} # stevedore-ignore api-version-removed\nspec:\n  backend:\n    serviceName: app-${i - 3}\n    servicePort: 80\n`);
    }
  }
  return parts.join('---\n');
}

/** The server's context: every rule on (strict profile), a workspace index for cross-object rules. */
const ctx: FeatureContext = { ...contextFor('en', { settings: { profile: 'strict' } }), workspace: new WorkspaceIndex() };

test('incremental diagnostics equal a full check after every random edit of generated manifests', () => {
  const before = { ...documentFindingsCounts };
  for (const [documents, seed] of [[10, 1], [20, 2], [30, 3], [6, 4]] as const) {
    checkEdits(`generated-${seed}.yaml`, generated(documents, seed), seed, 40, ctx);
  }
  // The comparison means something only if findings were reused.
  assert.ok(documentFindingsCounts.reused > before.reused, 'no document findings were reused');
  assert.ok(documentFindingsCounts.checked > before.checked);
});

test('a document whose findings depend on another document is checked again when that one changes', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      envFrom:\n        - configMapRef:\n            name: settings\n';
  const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n';
  let document = TextDocument.create('file:///scratch/edited/cross.yaml', 'yaml', 1, [service, pod, configMap].join('---\n'));
  const codes = new Set<string>();
  // Each step changes one document only: the pod's label, the config map's name, then both back.
  const steps: [string, string][] = [['app: web\nspec:\n  containers', 'app: api\nspec:\n  containers'], ['name: settings\ndata', 'name: other\ndata'], ['app: api\nspec:\n  containers', 'app: web\nspec:\n  containers'], ['name: other\ndata', 'name: settings\ndata']];
  for (const [from, to] of [['', ''] as [string, string], ...steps]) {
    const text = document.getText();
    const at = text.indexOf(from);
    assert.ok(at >= 0, from);
    document = TextDocument.update(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + from.length) }, text: to }], document.version + 1);
    const incremental = kubernetesService.diagnose!(kubernetesService.parse(document), ctx);
    assert.deepEqual(incremental, full(document.getText(), 'cross.yaml', ctx), `after ${JSON.stringify(to)}`);
    for (const diagnostic of incremental) codes.add(String(diagnostic.code));
  }
  // The edits did change findings of the documents they did not touch.
  assert.ok(codes.has('service-selects-nothing') && codes.has('config-reference-missing'), [...codes].join(' '));
});

test('incremental diagnostics equal a full check under the recommended profile and in Chinese', () => {
  const chinese: FeatureContext = { ...contextFor('zh-cn'), workspace: new WorkspaceIndex() };
  checkEdits('generated-zh.yaml', generated(15, 7), 7, 40, chinese);
});

test('incremental diagnostics equal a full check after random edits of the corpus manifests', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const next = random(42);
  // Multi-document files first (where reuse happens), then a seeded sample of the rest.
  const entries = corpusEntries().filter((entry) => entry.area === 'k8s');
  const texts = entries.map((entry) => ({ name: entry.path.split('/').pop()!, text: readCorpusFile(entry) }));
  const multi = texts.filter(({ text }) => documentBounds(text).length > 3);
  const single = texts.filter(({ text }) => documentBounds(text).length <= 3).filter(() => next() < 0.05);
  assert.ok(multi.length > 0);
  let seed = 100;
  for (const { name, text } of [...multi.slice(0, 60), ...single]) checkEdits(name, text, seed++, 8, ctx);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { WorkspaceIndex, type IndexedObject } from '../../../server/src/kubernetes/workspace';
import { corpusAvailable, corpusEntries, readCorpusFile } from '../../corpus/corpus';
import { seededRandom } from '../seededRandom';

/**
 * Differential test of the workspace index's lists by kind and by pod label, which are kept file
 * by file instead of being built again from every object after each change: after each step of a
 * seeded sequence (files added, changed, emptied, removed, added back, given by summaries), every
 * list must equal the one built from scratch over `all()` — the files in their order, each file's
 * objects in theirs —, and a list handed out earlier must never change afterwards.
 */

const customPodOwnerKey = '\u0000custom-pod-owner';
const unknownPodOwnerKey = '\u0000unknown-pod-owner';

/** The lists as the index used to build them: one pass over every object. */
function fromScratch(index: WorkspaceIndex): { byKind: Map<string, IndexedObject[]>; byLabel: Map<string, IndexedObject[]> } {
  const byKind = new Map<string, IndexedObject[]>();
  const byLabel = new Map<string, IndexedObject[]>();
  const push = (map: Map<string, IndexedObject[]>, key: string, object: IndexedObject) => {
    const list = map.get(key);
    if (list) list.push(object); else map.set(key, [object]);
  };
  for (const object of index.all()) {
    push(byKind, object.kind, object);
    if (object.customPodOwner) push(byKind, customPodOwnerKey, object);
    if (object.unknownPodOwner) push(byKind, unknownPodOwnerKey, object);
    for (const [key, value] of Object.entries(object.podLabels ?? {})) push(byLabel, `${key}\u0000${value}`, object);
  }
  return { byKind, byLabel };
}

function assertSameLists(index: WorkspaceIndex, asked: { kinds: Set<string>; labels: Set<string> }, label: string): void {
  const expected = fromScratch(index);
  for (const kind of expected.byKind.keys()) asked.kinds.add(kind);
  for (const key of expected.byLabel.keys()) asked.labels.add(key);
  for (const kind of asked.kinds) {
    const answer = kind === customPodOwnerKey ? index.customPodOwners() : kind === unknownPodOwnerKey ? index.unknownPodOwners() : index.ofKind(kind);
    assert.deepEqual(answer, expected.byKind.get(kind) ?? [], `${label}: ofKind(${JSON.stringify(kind)})`);
    // Identity too: the same objects, not equal copies.
    (expected.byKind.get(kind) ?? []).forEach((object, i) => assert.equal(answer[i], object, `${label}: ofKind(${kind})[${i}]`));
  }
  for (const key of asked.labels) {
    const [name, value] = key.split('\u0000') as [string, string];
    const answer = index.podOwnersWithLabel(name, value);
    const want = expected.byLabel.get(key) ?? [];
    assert.equal(answer.length, want.length, `${label}: podOwnersWithLabel(${name}=${value}) length`);
    want.forEach((object, i) => assert.equal(answer[i], object, `${label}: podOwnersWithLabel(${name}=${value})[${i}]`));
  }
}

function deployment(name: string, labels: Record<string, string>, kind = 'Deployment'): string {
  const lines = Object.entries(labels).map(([k, v]) => `        ${k}: ${v}`).join('\n');
  return `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n${lines.replace(/^ {4}/gm, '  ')}\n  template:\n    metadata:\n      labels:\n${lines}\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27\n`;
}

function randomText(next: () => number, corpus: string[]): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const label = () => ({ app: pick(['web', 'api', 'db', 'a=b', 'x']), tier: pick(['front', 'back']) });
  switch (Math.floor(next() * 7)) {
    case 0: return deployment(`d${Math.floor(next() * 5)}`, label());
    case 1: return deployment(`s${Math.floor(next() * 5)}`, label(), 'StatefulSet');
    case 2: return `${deployment('one', label())}---\n${deployment('two', label(), 'DaemonSet')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  selector:\n    app: web\n`;
    case 3: return `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n  template:\n    metadata:\n      labels:\n        app: ${pick(['web', 'api'])}\n    spec:\n      containers:\n        - name: c\n          image: x\n`;
    case 4: return `apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: pg\nspec:\n  instances: 3\n  containers:\n    - name: c\n`;
    case 5: return corpus.length ? pick(corpus) : 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    default: return 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: {}\n';
  }
}

function run(seed: number, steps: number, corpus: string[]): void {
  const next = seededRandom(seed);
  const index = new WorkspaceIndex({ maxFiles: 40, maxObjectsPerFile: 500 });
  const uris = Array.from({ length: 30 }, (_, i) => `file:///w/${i % 3}/f${i}.yaml`);
  const asked = { kinds: new Set<string>(), labels: new Set<string>() };
  const handedOut: { answer: readonly IndexedObject[]; copy: IndexedObject[] }[] = [];
  for (let step = 0; step < steps; step++) {
    const uri = uris[Math.floor(next() * uris.length)]!;
    const action = next();
    if (action < 0.6) index.updateText(uri, randomText(next, corpus));
    else if (action < 0.7) index.updateText(uri, '# nothing here\n');
    else if (action < 0.85) index.remove(uri);
    else if (action < 0.92) index.removeUnder(`file:///w/${Math.floor(next() * 3)}`);
    else if (!index.has(uri)) {
      // A file summarised elsewhere (the command line's lanes), from a scratch index of it alone.
      const alone = new WorkspaceIndex();
      alone.updateFile(uri, parseManifestFile(TextDocument.create(uri, 'yaml', 1, randomText(next, corpus))));
      index.addSummarisedFile(uri, [...alone.objectsIn(uri)], [], []);
    }
    // Some answers read between steps; the others are built only when asked.
    if (next() < 0.5) {
      assertSameLists(index, asked, `seed ${seed} step ${step}`);
      for (const kind of ['Deployment', 'Service', 'StatefulSet']) {
        const answer = index.ofKind(kind);
        handedOut.push({ answer, copy: [...answer] });
      }
    }
  }
  assertSameLists(index, asked, `seed ${seed} end`);
  for (const { answer, copy } of handedOut) assert.deepEqual([...answer], copy, `seed ${seed}: an answer handed out earlier changed`);
}

test('lists by kind and by pod label equal lists built from scratch, over seeded file changes', () => {
  for (let seed = 1; seed <= 40; seed++) run(seed, 120, []);
});

test('the same with corpus manifests among the files', { skip: !corpusAvailable && 'shared corpus not found' }, () => {
  const texts = corpusEntries().filter((e) => e.kind === 'yaml' && e.area === 'k8s').slice(0, 200).map(readCorpusFile).filter((t) => t.length < 50_000);
  assert.ok(texts.length > 20);
  for (let seed = 100; seed < 110; seed++) run(seed, 150, texts);
});

test('a file that gains a kind after later files keeps its place in the kind list', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///a.yaml', deployment('a', { app: 'x' }));
  index.updateText('file:///b.yaml', `${deployment('b', { app: 'x' })}---\n${deployment('b2', { app: 'x' }, 'StatefulSet')}`);
  assert.deepEqual(index.ofKind('StatefulSet').map((o) => o.name), ['b2']);
  // a.yaml, first among the files, now holds a StatefulSet too: it is listed before b.yaml's.
  index.updateText('file:///a.yaml', `${deployment('a', { app: 'x' })}---\n${deployment('a2', { app: 'x' }, 'StatefulSet')}`);
  assert.deepEqual(index.ofKind('StatefulSet').map((o) => o.name), ['a2', 'b2']);
  assert.deepEqual(index.podOwnersWithLabel('app', 'x').map((o) => o.name), ['a', 'a2', 'b', 'b2']);
  // Removed and added back, a file goes last.
  index.remove('file:///a.yaml');
  index.updateText('file:///a.yaml', deployment('a', { app: 'x' }));
  assert.deepEqual(index.podOwnersWithLabel('app', 'x').map((o) => o.name), ['b', 'b2', 'a']);
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { imageGraphOf } from '../../../server/src/common/imageGraph';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { WorkspaceIndexer, type IndexerOptions } from '../../../server/src/lsp/workspaceIndexer';
import { walkResultOf } from '../../../server/src/lsp/walkSummaries';
import { diagnose } from './k8sTestKit';
import { yamlAndJsonFilesUnder } from '../../corpus/corpus';

/**
 * The index worker (server/src/lsp/indexWorker.ts) against the main-thread walk: the same files
 * summarised in a worker and added on the main thread must give the same index — same files in the
 * same order, same objects, CRDs, image places — and so the same diagnostics, and a worker that
 * fails must leave the same index behind (the walk finishes on the main thread).
 */

const repo = resolve(__dirname, '../../..');
const corpus = resolve(repo, '../shared/corpus');

/** Everything a check can ask the index or the image graph beside it, as plain data. */
function answersOf(index: WorkspaceIndex): unknown {
  const uris = index.fileUris();
  const kinds = [...new Set(uris.flatMap((uri) => index.objectsIn(uri).map((object) => object.kind)))].sort();
  return {
    uris,
    objects: uris.map((uri) => index.objectsIn(uri)),
    byKind: kinds.map((kind) => index.ofKind(kind)),
    crds: index.customResourceDefinitions(),
    images: index.knownImages(),
    uses: [...(imageGraphOf(index)?.imageUses() ?? [])],
    podOwners: [index.customPodOwners(), index.unknownPodOwners()],
  };
}

test('corpus manifests: summaries from the worker path give the index the main thread builds, and the same diagnostics', () => {
  const files = [...yamlAndJsonFilesUnder(join(corpus, 'k8s')), ...yamlAndJsonFilesUnder(join(corpus, 'k8s-templated'))];
  assert.ok(files.length > 100, `the corpus has manifests (${files.length} found under ${corpus})`);
  const limits = { maxFiles: 100_000, maxObjectsPerFile: 500 };
  const direct = new WorkspaceIndex(limits);
  const viaSummaries = new WorkspaceIndex(limits);
  let summarised = 0;
  for (const path of files) {
    const uri = pathToFileURL(path).toString();
    const text = readFileSync(path, 'utf8');
    const result = walkResultOf({ path, uri }, text);
    // As the walk does: only what passes the pre-check is parsed, on either path.
    if (result.state === 'parsed') direct.updateText(uri, text);
    if (result.state === 'parsed' && result.summary) {
      // Plain data only: what crosses to the main thread is a structured clone.
      const { objects, crds, uses } = structuredClone(result.summary);
      viaSummaries.addSummarisedFile(uri, objects, crds, uses);
      summarised++;
    }
  }
  assert.ok(summarised > 100, `most corpus files are indexed (${summarised})`);
  assert.deepEqual(answersOf(viaSummaries), answersOf(direct));
  // Cross-file checks read the index: every 5th file's diagnostics against each index.
  for (const path of files.filter((_, i) => i % 5 === 0)) {
    const uri = pathToFileURL(path).toString();
    const text = readFileSync(path, 'utf8');
    assert.deepEqual(diagnose(text, { uri, workspace: viaSummaries }), diagnose(text, { uri, workspace: direct }), path);
  }
});

const deployment = (i: number): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n    spec:\n      containers:\n        - name: main\n          image: registry.example/app-${i % 13}:1.${i % 4}\n          envFrom:\n            - configMapRef:\n                name: config-${i}\n`;
const service = (i: number): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector:\n    app: app-${i % 3 === 0 ? `missing-${i}` : i}\n  ports:\n    - port: 80\n`;
const configMap = (i: number): string => `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "config-${i}"}, "data": {"k": "v"}}\n`;

/** A workspace of every kind of file the walk meets, with cross-file references that hold and that don't. */
function generatedWorkspace(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-index-worker-'));
  writeFileSync(join(root, '.gitignore'), 'ignored/\n');
  for (let i = 0; i < count; i++) {
    const folder = join(root, `team-${i % 5}`, `svc-${Math.floor(i / 9)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `deploy-${i}.yaml`), i % 17 === 0 ? `${deployment(i)}---\n${service(i)}` : deployment(i));
    writeFileSync(join(folder, `svc-${i}.yml`), service(i));
    if (i % 4 !== 0) writeFileSync(join(folder, `config-${i}.json`), configMap(i));
    if (i % 10 === 0) writeFileSync(join(folder, 'values.yaml'), `replicas: ${i}\nimage: nginx\n`); // no manifest
    if (i % 15 === 0) writeFileSync(join(folder, 'package.json'), '{"name": "x", "kind": "module"}\n');
    if (i % 20 === 0) writeFileSync(join(folder, 'Dockerfile'), `FROM golang:1.22 AS build\nFROM alpine:3.${i % 5}\n`);
    if (i % 30 === 0) writeFileSync(join(folder, 'docker-compose.yaml'), `services:\n  web:\n    build: .\n    image: registry.example/app-${i % 13}:1.0\n`);
    if (i % 45 === 0) writeFileSync(join(folder, 'chart.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n`);
    if (i % 50 === 0) writeFileSync(join(folder, 'broken.yaml'), 'apiVersion: v1\nkind: [unclosed\n');
    if (i % 60 === 0) writeFileSync(join(folder, 'big.yaml'), `${configMap(i)}#${'x'.repeat(300_000)}\n`);
  }
  mkdirSync(join(root, 'ignored'));
  writeFileSync(join(root, 'ignored', 'cm.yaml'), configMap(99999));
  writeFileSync(join(root, 'crd.yaml'), 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n');
  return root;
}

/** Runs the server's workspace indexer over `root` until its walk is done. */
async function walked(root: string, options: Partial<IndexerOptions>): Promise<{ indexer: WorkspaceIndexer; logs: string[] }> {
  const logs: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((resolve) => { done = resolve; });
  const indexer = new WorkspaceIndexer({
    modelOf: (document) => parseManifestFile(document),
    revalidate: () => undefined,
    log: (message) => { logs.push(message); if (/ indexed \d+ Kubernetes/.test(message)) done(); },
    maxFileBytes: 200_000,
    debounceMs: 1,
    ...options,
  });
  indexer.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], capabilities: {} } as unknown as InitializeParams);
  indexer.start({ client: { register: async () => ({}) } } as unknown as Connection);
  await finished;
  indexer.dispose();
  return { indexer, logs };
}

/**
 * The worker from source: node cannot start a TypeScript worker, so a small ES module registers
 * tsx in the worker thread first (`extra`: code run before the worker's own, to make it fail).
 */
function workerShim(dir: string, extra = ''): string {
  const shim = join(dir, `worker-${Math.random().toString(36).slice(2)}.mjs`);
  const tsx = pathToFileURL(join(repo, 'node_modules/tsx/dist/esm/api/index.mjs')).href;
  const worker = pathToFileURL(join(repo, 'server/src/lsp/indexWorker.ts')).href;
  writeFileSync(shim, `import { register } from ${JSON.stringify(tsx)};\nregister();\n${extra}\nawait import(${JSON.stringify(worker)});\n`);
  return shim;
}

function sameIndex(actual: WorkspaceIndexer, expected: WorkspaceIndexer, root: string): void {
  assert.deepEqual(answersOf(actual.index), answersOf(expected.index));
  assert.equal(actual.graph.dockerfileCount, expected.graph.dockerfileCount);
  // Cross-file diagnostics of a few files against each index (a Service selecting nothing, a missing ConfigMap).
  let crossFile = 0;
  for (const uri of expected.index.fileUris().filter((_, i) => i % 23 === 0)) {
    const path = new URL(uri).pathname;
    const text = readFileSync(path, 'utf8');
    const ours = diagnose(text, { uri, workspace: actual.index, filePath: path });
    assert.deepEqual(ours, diagnose(text, { uri, workspace: expected.index, filePath: path }), uri);
    crossFile += ours.length;
  }
  assert.ok(crossFile > 0, `some diagnostics were compared under ${root}`);
}

test('a generated workspace: the walk through the worker builds the index the main-thread walk builds', async () => {
  const root = generatedWorkspace(420);
  const shims = mkdtempSync(join(tmpdir(), 'stevedore-index-worker-shim-'));
  try {
    const walks: boolean[] = [];
    const onWorkerWalk = (running: boolean): void => { walks.push(running); };
    const main = await walked(root, { indexWorkerScript: null, onWorkerWalk });
    assert.ok(!main.logs.some((line) => line.includes('index worker')), main.logs.join('\n'));
    assert.deepEqual(walks, [], 'a walk on the main thread is not reported as big work');
    const viaWorker = await walked(root, { indexWorkerScript: workerShim(shims), workerMinFiles: 300, onWorkerWalk });
    assert.match(viaWorker.logs.at(-1)!, /\(parsed in the index worker\)/, viaWorker.logs.join('\n'));
    assert.deepEqual(walks, [true, false], 'the walk through the worker is reported when it starts and when it ends');
    assert.ok(main.indexer.index.fileCount > 1000, `the workspace is big (${main.indexer.index.fileCount} files)`);
    assert.ok(!main.indexer.index.fileUris().some((uri) => uri.includes('/ignored/')), 'git-ignored files stay out');
    assert.ok(main.indexer.index.customResourceDefinitions().length > 0, 'the CRD is indexed');
    sameIndex(viaWorker.indexer, main.indexer, root);
    // Below the threshold the walk stays on the main thread.
    const small = await walked(root, { indexWorkerScript: workerShim(shims), workerMinFiles: 100_000 });
    assert.ok(!small.logs.at(-1)!.includes('index worker'), small.logs.at(-1));
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(shims, { recursive: true, force: true });
  }
});

test('a worker that cannot start, or dies half-way, leaves the same index: the main thread finishes the walk and says so', async () => {
  const root = generatedWorkspace(200);
  const shims = mkdtempSync(join(tmpdir(), 'stevedore-index-worker-shim-'));
  try {
    const main = await walked(root, { indexWorkerScript: null });
    const missing = await walked(root, { indexWorkerScript: join(shims, 'no-such-worker.js'), workerMinFiles: 1 });
    assert.ok(missing.logs.some((line) => /index worker (could not start|failed)/.test(line)), missing.logs.join('\n'));
    sameIndex(missing.indexer, main.indexer, root);
    // The worker answers two requests, then its thread exits: the walk goes on from where it was.
    const dying = workerShim(shims, "import { parentPort } from 'node:worker_threads';\nconst post = parentPort.postMessage.bind(parentPort);\nlet sent = 0;\nparentPort.postMessage = (reply) => { post(reply); if (++sent === 2) setTimeout(() => process.exit(3), 20); };");
    const halfway = await walked(root, { indexWorkerScript: dying, workerMinFiles: 1 });
    const failed = halfway.logs.map((line) => /the index worker failed .*indexing the rest \((\d+) of (\d+) files\)/.exec(line)).find(Boolean);
    assert.ok(failed, halfway.logs.join('\n'));
    assert.ok(Number(failed[1]) < Number(failed[2]), `the worker's first answers were used (${failed[0]})`);
    sameIndex(halfway.indexer, main.indexer, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(shims, { recursive: true, force: true });
  }
});

test('disposing the indexer during a walk through the worker stops the walk: nothing is added after it, and no failure is logged', async () => {
  const root = generatedWorkspace(420);
  const shims = mkdtempSync(join(tmpdir(), 'stevedore-index-worker-shim-'));
  try {
    const logs: string[] = [];
    const indexer = new WorkspaceIndexer({
      modelOf: (document) => parseManifestFile(document),
      revalidate: () => undefined,
      log: (message) => logs.push(message),
      indexWorkerScript: workerShim(shims),
      workerMinFiles: 1,
      debounceMs: 1,
    });
    indexer.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], capabilities: {} } as unknown as InitializeParams);
    indexer.start({ client: { register: async () => ({}) } } as unknown as Connection);
    const deadline = Date.now() + 30_000;
    while (indexer.index.fileCount === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    assert.ok(indexer.index.fileCount > 0, 'summaries from the worker came in');
    indexer.dispose();
    const stoppedAt = indexer.index.fileCount;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(indexer.index.fileCount, stoppedAt, 'nothing is added after dispose');
    assert.ok(stoppedAt < 1000, `the walk was stopped part-way (${stoppedAt} files)`);
    assert.deepEqual(logs, [], 'no failure and no completion line');
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(shims, { recursive: true, force: true });
  }
});

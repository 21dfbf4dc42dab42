import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { IndexWorkerClient } from '../../../server/src/lsp/indexWorkerClient';
import { workerNice } from '../../../server/src/lsp/indexWorkerYield';
import { unpackWalkResult, type PackedWalkResults } from '../../../server/src/lsp/walkResultsWire';
import { walkResultOf, type WalkFile } from '../../../server/src/lsp/walkSummaries';

/**
 * The index worker run as a child process (indexWorkerClient.ts `process: true`, what the bundled
 * server does): the whole process — its V8 helper threads, which run its garbage collections and
 * compile its code, included — at the lowest priority, the server's own threads as they were, the
 * same answers as the worker thread gives, and no process left behind. The walk's index through it
 * is compared with the main thread's in indexWorker-differential.test.ts.
 */
const linux = process.platform === 'linux';
const repo = resolve(__dirname, '../../..');

/**
 * The worker from source: a small script registers tsx first (node runs no TypeScript itself). A
 * process needs tsx's CommonJS hook (an ES module shim importing the worker fails there with a
 * require cycle); a thread takes the ES module one, as indexWorker-differential.test.ts does.
 */
function workerShim(dir: string, kind: 'process' | 'thread'): string {
  const worker = join(repo, 'server/src/lsp/indexWorker.ts');
  if (kind === 'process') {
    const shim = join(dir, 'worker.cjs');
    writeFileSync(shim, `require(${JSON.stringify(join(repo, 'node_modules/tsx/dist/cjs/api/index.cjs'))}).register();\nrequire(${JSON.stringify(worker)});\n`);
    return shim;
  }
  const shim = join(dir, 'worker.mjs');
  const tsx = pathToFileURL(join(repo, 'node_modules/tsx/dist/esm/api/index.mjs')).href;
  writeFileSync(shim, `import { register } from ${JSON.stringify(tsx)};\nregister();\nawait import(${JSON.stringify(pathToFileURL(worker).href)});\n`);
  return shim;
}

function niceOf(pid: number, tid: number | string): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

function childrenOf(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
    try { return readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number); } catch { return []; }
  });
}

function manifests(dir: string, count: number): WalkFile[] {
  mkdirSync(join(dir, 'files'), { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, 'files', `m-${i}.yaml`);
    writeFileSync(path, i % 7 === 3 ? 'replicas: 3\n' : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\ndata:\n  k: "${i}"\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector:\n    app: a-${i}\n`);
    return { path, uri: pathToFileURL(path).toString() };
  }).concat([{ path: join(dir, 'files', 'missing.yaml'), uri: pathToFileURL(join(dir, 'files', 'missing.yaml')).toString() }]);
}

function unpacked(packed: PackedWalkResults, files: readonly WalkFile[]): unknown[] {
  return files.map((file, k) => unpackWalkResult(packed, k, file.uri));
}

test('a worker process: every one of its threads at the lowest priority, the server\'s threads as they were, the thread\'s answers, and gone after dispose', { skip: !linux }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-index-process-'));
  const ownNice = Object.fromEntries(readdirSync('/proc/self/task').map((tid) => [tid, niceOf(process.pid, tid)]));
  const before = new Set(childrenOf(process.pid));
  const worker = new IndexWorkerClient(workerShim(dir, 'process'), 200_000, { process: true });
  const thread = new IndexWorkerClient(workerShim(dir, 'thread'), 200_000);
  try {
    const files = manifests(dir, 40);
    const [viaProcess, viaThread] = await Promise.all([worker.summarise(files), thread.summarise(files)]);
    // The same answers as the worker thread's, and as the walk's own summaries.
    assert.deepEqual(unpacked(viaProcess, files), unpacked(viaThread, files));
    const expected = files.map((file) => walkResultOf(file, existsSync(file.path) ? readFileSync(file.path, 'utf8') : undefined));
    const answers = unpacked(viaProcess, files) as { state: string }[];
    assert.deepEqual(answers.map((answer) => answer.state), expected.map((result) => result.state));
    assert.ok(answers.filter((answer) => answer.state === 'parsed').length >= 30, 'most files were summarised');

    // (tsx may have started its esbuild service meanwhile: the worker is the child running the shim.)
    const started = childrenOf(process.pid).filter((pid) => !before.has(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker.cjs'));
    assert.equal(started.length, 1, `one worker process (${started.join(', ')})`);
    const [child] = started;
    const threads = readdirSync(`/proc/${child}/task`);
    // A Node process runs V8's helper threads beside its main thread: they are the point.
    assert.ok(threads.length >= 5, `the worker process's threads (${threads.length})`);
    assert.deepEqual(threads.map((tid) => niceOf(child, tid)), threads.map(() => workerNice), 'every thread of the worker process is at nice 19');
    for (const [tid, nice] of Object.entries(ownNice)) {
      if (existsSync(`/proc/self/task/${tid}`)) assert.equal(niceOf(process.pid, tid), nice, `the server's thread ${tid} keeps its priority`);
    }

    worker.dispose();
    const deadline = Date.now() + 10_000;
    while (existsSync(`/proc/${child}/stat`) && !/\) [ZX] /.test(readFileSync(`/proc/${child}/stat`, 'utf8')) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
    assert.ok(!existsSync(`/proc/${child}/stat`) || /\) [ZX] /.test(readFileSync(`/proc/${child}/stat`, 'utf8')), 'the worker process ended');
    await assert.rejects(worker.summarise(files), /stopped/);
  } finally {
    worker.dispose();
    thread.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker process that cannot start rejects the walk\'s requests (the walk then goes on without it)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-index-process-'));
  const worker = new IndexWorkerClient(join(dir, 'no-such-worker.js'), 200_000, { process: true });
  try {
    await assert.rejects(worker.summarise([{ path: join(dir, 'a.yaml'), uri: pathToFileURL(join(dir, 'a.yaml')).toString() }]), /index worker stopped/);
  } finally {
    worker.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

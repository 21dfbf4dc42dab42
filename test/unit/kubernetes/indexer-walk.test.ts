import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultMaxIndexedFiles } from '../../../server/src/lsp/workspaceIndexer';
import { startIndexer } from './indexerKit';

/** The background walk: how far it goes (its file cap) and how it shares the event loop with requests. */

const service = (i: number): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector:\n    app: app-${i}\n  ports:\n    - port: 80\n`;

/** `count` manifests spread over folders (and a few Dockerfiles, which the cap does not count). */
function workspace(count: number, perFolder = 10): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-walk-'));
  for (let i = 0; i < count; i++) {
    const folder = join(root, `team-${i % 7}`, `part-${Math.floor(i / perFolder)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `svc-${i}.yaml`), service(i));
    if (i % 25 === 0) writeFileSync(join(folder, 'Dockerfile'), 'FROM alpine:3.20\n');
  }
  return root;
}

test('the walk reads a 10,000-file workspace whole by default; past its cap it stops and says so once', async () => {
  assert.ok(defaultMaxIndexedFiles >= 10_000, 'the issue asks for 10,000-file workspaces');
  const root = workspace(30);
  try {
    const logs: string[] = [];
    const capped = startIndexer(root, { maxFiles: 20, logs });
    await capped.finished;
    capped.indexer.dispose();
    assert.equal(capped.indexer.index.fileCount, 20);
    const limit = logs.filter((line) => line.includes('stopped at its limit of 20 YAML/JSON files'));
    assert.equal(limit.length, 1, logs.join('\n'));
    assert.match(logs.at(-1)!, /indexed 20 Kubernetes file\(s\) of 20 YAML\/JSON file\(s\) in \d+ ms \(stopped at 20 files\)/);
    // Exactly at the cap is no overflow: no limit line.
    const exact: string[] = [];
    const whole = startIndexer(root, { maxFiles: 30, logs: exact });
    await whole.finished;
    whole.indexer.dispose();
    assert.equal(whole.indexer.index.fileCount, 30);
    assert.ok(!exact.some((line) => line.includes('limit')), exact.join('\n'));
    assert.equal(whole.indexer.graph.dockerfileCount, 2, 'Dockerfiles are read too, outside the cap');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the walk never indexes a batch of files in one turn of the event loop', async () => {
  const root = workspace(120, 40);
  try {
    const { indexer, finished } = startIndexer(root, { sliceMs: 0 });
    let done = false;
    void finished.then(() => { done = true; });
    // Between two turns of the loop (where a request would be served) at most one file comes in.
    let largestStep = 0;
    let last = indexer.index.fileCount;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      largestStep = Math.max(largestStep, indexer.index.fileCount - last);
      last = indexer.index.fileCount;
    }
    indexer.dispose();
    assert.equal(indexer.index.fileCount, 120);
    assert.ok(largestStep <= 1, `${largestStep} files indexed in one turn`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { StdioClient } from './client';

/**
 * A big workspace is read, parsed and summarised by the server's index worker (a worker thread of
 * the bundled server): the open files' cross-file diagnostics must be what the main-thread walk
 * gives (STEVEDORE_NO_INDEX_WORKER turns the worker off for the comparison).
 */

const deployment = (i: number): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: app-${i}\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n    spec:\n      containers:\n        - name: main\n          image: registry.example/app-${i}:1.0\n          envFrom:\n            - configMapRef:\n                name: config-${i}\n`;
const service = (i: number): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\nspec:\n  selector:\n    app: ${i % 3 === 0 ? 'nobody' : `app-${i}`}\n  ports:\n    - port: 80\n`;
const configMap = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\ndata:\n  key: value\n`;

/** 400 groups of Deployment + Service (+ ConfigMap but for every 4th), each file on its own. */
function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-index-worker-protocol-'));
  for (let i = 0; i < 400; i++) {
    const folder = join(root, `team-${i % 6}`, `group-${i}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'deployment.yaml'), deployment(i));
    writeFileSync(join(folder, 'service.yaml'), service(i));
    if (i % 4 !== 0) writeFileSync(join(folder, 'configmap.yaml'), configMap(i));
  }
  return root;
}

/** Indexes the workspace in a server, then opens a few files and answers their diagnostics (and the walk's log line). */
async function diagnosticsOf(root: string, env: Record<string, string | undefined>, groups: number[]) {
  const uri = pathToFileURL(root).toString();
  const { client } = await StdioClient.start({ workspaceFolders: [{ uri, name: 'big' }], env });
  try {
    const walked = await client.waitForLog(/indexed \d+ Kubernetes file/, 60_000);
    const answers: Record<string, unknown[]> = {};
    for (const i of groups) {
      for (const [name, text] of [['deployment.yaml', deployment(i)], ['service.yaml', service(i)]] as const) {
        const file = `${uri}/team-${i % 6}/group-${i}/${name}`;
        await client.open(file, 'yaml', text);
        answers[`${i}/${name}`] = await client.waitForDiagnostics(file);
      }
    }
    return { walked, answers };
  } finally {
    await client.stop();
  }
}

test('a big workspace indexed through the worker answers cross-file diagnostics as the main-thread walk does', async () => {
  const root = workspace();
  try {
    const groups = [0, 1, 2, 3, 198, 399];
    const worker = await diagnosticsOf(root, { STEVEDORE_NO_INDEX_WORKER: undefined }, groups);
    const main = await diagnosticsOf(root, { STEVEDORE_NO_INDEX_WORKER: '1' }, groups);
    assert.match(worker.walked, /indexed 1100 Kubernetes file\(s\) of 1100 YAML\/JSON file\(s\) in \d+ ms \(parsed in the index worker\)/);
    assert.match(main.walked, /indexed 1100 Kubernetes file\(s\) of 1100 YAML\/JSON file\(s\) in \d+ ms$/);
    assert.deepEqual(worker.answers, main.answers);
    // The answers are cross-file ones: they depend on files that were never opened.
    const codes = (key: string): unknown[] => worker.answers[key].map((d) => (d as { code?: unknown }).code);
    for (const i of groups) {
      assert.equal(codes(`${i}/service.yaml`).includes('service-selects-nothing'), i % 3 === 0, `group ${i}: ${codes(`${i}/service.yaml`)}`);
      assert.equal(codes(`${i}/deployment.yaml`).includes('config-reference-missing'), i % 4 === 0, `group ${i}: ${codes(`${i}/deployment.yaml`)}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/**
 * The scale rows of `npm run bench`: what a user with a very large file or a very large workspace
 * meets. Inputs are generated (nothing over 200 KB is committed): a 50,000-line multi-document
 * manifest, a 5,000-line Dockerfile and a workspace of 10,000 manifest files in a temp folder.
 * Each function returns rows for bench/run.ts to record against its budgets.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-types';
import { StdioClient } from '../test/protocol/client';
import { timeEdits } from './edits';
import { largeDockerfile, largeManifest } from './inputs';
import { positionsOf } from './scenarios';

export interface Measured {
  metric: string;
  samples: number[];
  budget: { p50?: number; p95?: number; max?: number; unit?: string };
}

const cliPath = resolve(__dirname, '..', 'dist', 'cli.js');

async function timeRequests(client: StdioClient, method: string, positions: Position[], params: (position: Position) => unknown): Promise<number[]> {
  for (const position of positions.slice(0, 20)) await client.request(method, params(position));
  const samples: number[] = [];
  for (const position of positions) {
    const started = performance.now();
    await client.request(method, params(position));
    samples.push(performance.now() - started);
  }
  return samples;
}

export function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** A 50,000-line manifest (about 1,000 documents) and a 5,000-line Dockerfile in one server session. */
export async function bigFileRows(): Promise<Measured[]> {
  const rows: Measured[] = [];
  const manifest = largeManifest(960);
  const manifestLines = manifest.split('\n').length - 1;
  const { client } = await StdioClient.start();
  try {
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const uri = `file:///bench/big-${i}.yaml`;
      const started = performance.now();
      await client.open(uri, 'yaml', manifest);
      await client.waitForDiagnostics(uri, () => true, 120000);
      opens.push(performance.now() - started);
      if (i < 2) await client.close(uri);
    }
    const uri = 'file:///bench/big-2.yaml';
    rows.push({ metric: `open → first diagnostics, ${manifestLines.toLocaleString('en')}-line manifest (3 opens)`, samples: opens, budget: { p50: 1000 } });
    rows.push({ metric: `edit → diagnostics, ${manifestLines.toLocaleString('en')}-line manifest`, samples: await timeEdits(client, uri, manifest, 40), budget: { p50: 60 } });
    const keys = positionsOf(manifest, /^\s+[a-zA-Z]+:/, 0, 100_000).filter((_, i) => i % 97 === 0).slice(0, 300)
      .map((p) => ({ line: p.line, character: (/^\s*/.exec(manifest.split('\n')[p.line])?.[0].length ?? 0) + 1 }));
    const at = (position: Position) => ({ textDocument: { uri }, position });
    rows.push({ metric: `hover, ${manifestLines.toLocaleString('en')}-line manifest (${keys.length} keys)`, samples: await timeRequests(client, 'textDocument/hover', keys, at), budget: { p95: 5 } });
    const values = positionsOf(manifest, /: /, 2, 100_000).filter((_, i) => i % 89 === 0).slice(0, 300);
    rows.push({ metric: `completion, ${manifestLines.toLocaleString('en')}-line manifest (${values.length} places)`, samples: await timeRequests(client, 'textDocument/completion', values, at), budget: { p95: 15 } });
    const whole = Array.from({ length: 30 }, () => ({ line: 0, character: 0 }));
    rows.push({ metric: `document symbols, ${manifestLines.toLocaleString('en')}-line manifest`, samples: await timeRequests(client, 'textDocument/documentSymbol', whole, () => ({ textDocument: { uri } })), budget: { p95: 50 } });
    await client.close(uri);

    const dockerfile = largeDockerfile(5000);
    const dockerUri = 'file:///bench/big/Dockerfile';
    await client.open(dockerUri, 'dockerfile', dockerfile);
    await client.waitForDiagnostics(dockerUri, () => true, 60000);
    rows.push({ metric: 'edit → diagnostics, 5,000-line Dockerfile', samples: await timeEdits(client, dockerUri, dockerfile, 40), budget: { p50: 15 } });
    const rss = peakRssMb(client.child.pid!);
    rows.push({ metric: 'server peak RSS, big-file session', samples: [rss], budget: { unit: 'MB' } });
  } finally {
    await client.stop();
  }
  return rows;
}

/** 10,000 small manifests in 100 folders: Deployments with their Services, as a monorepo holds them. */
function generateWorkspace(files: number): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-scale-'));
  for (let i = 0; i < files; i++) {
    // A Deployment and its Service share a folder: pair p lives in team-(p mod 100)/pair-(p div 100).
    const pair = Math.floor(i / 2);
    const folder = join(root, `team-${pair % 100}`, `pair-${Math.floor(pair / 100)}`);
    mkdirSync(folder, { recursive: true });
    const name = `app-${i}`;
    const text = i % 2 === 0
      ? `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/${name}:1.0.${i}\n          ports:\n            - containerPort: 8080\n          resources:\n            requests: { cpu: 50m, memory: 64Mi }\n            limits: { memory: 128Mi }\n`
      : `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i - 1}\nspec:\n  selector:\n    app: app-${i - 1}\n  ports:\n    - port: 80\n      targetPort: 8080\n`;
    writeFileSync(join(folder, `${name}.yaml`), text);
  }
  return root;
}

/** Polls a child's VmHWM until it exits: the CLI's peak memory without an external `time` tool. */
function runCli(args: string[]): Promise<{ ms: number; rssMb: number; status: number | null }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let rssMb = 0;
    const poll = setInterval(() => { const now = peakRssMb(child.pid!); if (now > rssMb) rssMb = now; }, 20);
    child.on('exit', (status) => { clearInterval(poll); done({ ms: performance.now() - started, rssMb, status }); });
  });
}

/**
 * The 10,000-file workspace: the server's background index (time to complete, how long a hover on
 * the open file waits meanwhile, memory), re-index after a change, then the CLI over the same
 * folder in both lanes.
 */
export async function bigWorkspaceRows(fileCount = 10_000): Promise<Measured[]> {
  const rows: Measured[] = [];
  const root = generateWorkspace(fileCount);
  try {
    const rootUri = pathToFileURL(root).toString();
    const openPath = join(root, 'team-0', 'pair-0', 'app-1.yaml');
    const openUri = pathToFileURL(openPath).toString();
    const openText = readFileSync(openPath, 'utf8');
    const started = performance.now();
    const { client } = await StdioClient.start({ workspaceFolders: [{ uri: rootUri, name: 'scale' }] });
    try {
      const indexed = client.waitForLog(/indexed \d+ Kubernetes file/, 120_000);
      await client.open(openUri, 'yaml', openText);
      // The open file's first check (schema loading, the server's start-up) has rows of its own;
      // what this row measures is the wait behind the walk, so it starts once that check is out.
      await client.waitForDiagnostics(openUri, () => true, 60_000);
      // Hovers on the open file while the index is built: none may wait behind the walk.
      const waits: number[] = [];
      let done = false;
      void indexed.then(() => { done = true; });
      while (!done) {
        const t = performance.now();
        await client.request('textDocument/hover', { textDocument: { uri: openUri }, position: { line: 1, character: 2 } });
        waits.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
      const logLine = await indexed;
      const reported = Number(/in (\d+) ms/.exec(logLine)?.[1] ?? NaN);
      rows.push({ metric: `workspace index complete, ${fileCount.toLocaleString('en')} manifest files (as the server logs it)`, samples: [reported], budget: { p50: 15000 } });
      rows.push({ metric: '  the same, from server spawn (bench clock)', samples: [performance.now() - started], budget: {} });
      rows.push({ metric: `hover on the open file while indexing (${waits.length} requests)`, samples: waits, budget: { max: 20 } });
      rows.push({ metric: 'server RSS after indexing the workspace', samples: [peakRssMb(client.child.pid!)], budget: { p50: 250, unit: 'MB' } });
      // A Deployment on disk changes its labels: the open Service selecting it is re-checked.
      const changed: number[] = [];
      const deploymentPath = join(root, 'team-0', 'pair-0', 'app-0.yaml');
      const original = readFileSync(deploymentPath, 'utf8');
      for (let i = 0; i < 12; i++) {
        writeFileSync(deploymentPath, i % 2 === 0 ? original.replace(/app: app-0/g, 'app: moved') : original);
        const t = performance.now();
        const republished = client.waitForDiagnostics(openUri, () => true, 10000, false);
        void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(deploymentPath).toString(), type: 2 }] });
        await republished;
        if (i >= 2) changed.push(performance.now() - t);
      }
      rows.push({ metric: 'file changed on disk → open dependent file re-checked (incl. the 250 ms debounce)', samples: changed, budget: { p50: 300 } });
    } finally {
      await client.stop();
    }
    for (const lane of [[], ['--no-parallel']]) {
      const run = await runCli(['lint', root, '--format', 'json', ...lane]);
      if (run.status !== 0 && run.status !== 1) throw new Error(`dist/cli.js exited with ${run.status}`);
      const name = lane.length ? 'one thread (--no-parallel)' : 'worker threads';
      rows.push({ metric: `CLI lint of the ${fileCount.toLocaleString('en')}-file workspace, ${name}: wall time`, samples: [run.ms], budget: {} });
      rows.push({ metric: `  the same: peak RSS`, samples: [run.rssMb], budget: { unit: 'MB' } });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

export function cliAvailable(): boolean {
  return existsSync(cliPath);
}

/**
 * `npm run bench:peers`: Stevedore side by side with the servers it replaces, on the same inputs,
 * through the same stdio client, one server at a time:
 *   - dockerfile-language-server-nodejs (what VS Code's Docker extension runs) for Dockerfiles;
 *   - yaml-language-server (Red Hat's YAML extension) for manifests.
 * The goal from the brief: a quarter of their latency and half their memory.
 *
 * The peers are pinned in bench/peers/package.json (+ lock) and installed from the npm registry
 * into bench/peers/node_modules on first use; they never ship with the extension.
 *
 * Fairness notes, printed with the table: yaml-language-server has no Kubernetes schema offline
 * (its `kubernetes` schema is a download), so it validates YAML syntax only here, which is less
 * work than Stevedore's schema and rule checks, not more.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Position } from 'vscode-languageserver-types';
import { serverPath, StdioClient, type StartOptions } from '../test/protocol/client';
import { timeEdits } from './edits';
import { largeDockerfile, largeManifest } from './inputs';
import { positionsOf } from './scenarios';

const peersDir = resolve(__dirname, 'peers');
const dockerPeer = join(peersDir, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');
const yamlPeer = join(peersDir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

interface Server {
  name: string;
  start: StartOptions;
  /** Whether publishDiagnostics carries the document version (ours does; the peers do not). */
  versioned: boolean;
}

const stevedore: Server = { name: 'Stevedore', start: {}, versioned: true };
const dockerLangserver: Server = { name: 'dockerfile-language-server', start: { serverScript: dockerPeer, section: 'docker' }, versioned: false };
const yamlLangserver: Server = {
  name: 'yaml-language-server',
  start: { serverScript: yamlPeer, section: 'yaml', settings: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: {} } },
  versioned: false,
};

interface Measured {
  [metric: string]: number[];
}

function ensurePeers(): void {
  if (existsSync(dockerPeer) && existsSync(yamlPeer)) return;
  console.log('bench:peers: installing the pinned peer servers into bench/peers (npm registry)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: peersDir, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(dockerPeer) || !existsSync(yamlPeer)) {
    console.error('bench:peers: could not install the peer servers (is the npm registry reachable?)');
    process.exit(2);
  }
}

function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
}

/**
 * How long a server has had no message when its idle RSS is read. Right after the first diagnostics
 * a server is not idle yet (post-open work, the garbage of the first checks that a full collection
 * has not taken yet). Both servers of a comparison get the same wait, so the comparison stays fair.
 */
const idleQuietMs = 3000;

/** VmRSS after `idleQuietMs` without a message. */
async function idleRssMb(pid: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, idleQuietMs));
  return memoryMb(pid, 'VmRSS');
}

const at = (uri: string, position: Position): unknown => ({ textDocument: { uri }, position });

async function timeRequests(client: StdioClient, method: string, uri: string, positions: Position[]): Promise<number[]> {
  for (const position of positions.slice(0, 20)) await client.request(method, at(uri, position));
  const samples: number[] = [];
  for (const position of positions) {
    const started = performance.now();
    await client.request(method, at(uri, position));
    samples.push(performance.now() - started);
  }
  return samples;
}

async function open(client: StdioClient, uri: string, languageId: string, text: string): Promise<void> {
  await client.open(uri, languageId, text);
  await client.waitForDiagnostics(uri, () => true, 20000);
}

async function measureDockerfile(server: Server): Promise<Measured> {
  const { client } = await StdioClient.start(server.start);
  const pid = client.child.pid!;
  const small = largeDockerfile(300);
  const large = largeDockerfile(1000);
  const out: Measured = {};
  await open(client, 'file:///bench/small/Dockerfile', 'dockerfile', small);
  await open(client, 'file:///bench/Dockerfile', 'dockerfile', large);
  out['idle RSS with both Dockerfiles open (MB)'] = [await idleRssMb(pid)];
  out['hover on instructions, 1,000-line Dockerfile'] = await timeRequests(client, 'textDocument/hover', 'file:///bench/Dockerfile', positionsOf(large, /^[A-Z]+ /, 1));
  out['hover on flags, 1,000-line Dockerfile'] = await timeRequests(client, 'textDocument/hover', 'file:///bench/Dockerfile', positionsOf(large, /--[a-z]+/, 3));
  out['completion at line starts, 1,000-line Dockerfile'] = await timeRequests(client, 'textDocument/completion', 'file:///bench/Dockerfile', positionsOf(large, /^$/, 0, 200));
  out['edit → diagnostics, 300-line Dockerfile'] = await timeEdits(client, 'file:///bench/small/Dockerfile', small, 60, server.versioned);
  out['edit → diagnostics, 1,000-line Dockerfile'] = await timeEdits(client, 'file:///bench/Dockerfile', large, 60, server.versioned);
  out['peak RSS after the run (MB)'] = [memoryMb(pid, 'VmHWM')];
  await client.stop();
  return out;
}

async function measureManifest(server: Server): Promise<Measured> {
  const { client } = await StdioClient.start(server.start);
  const pid = client.child.pid!;
  const manifest = largeManifest(60);
  const out: Measured = {};
  await open(client, 'file:///bench/manifest.yaml', 'yaml', manifest);
  out['idle RSS with the manifest open (MB)'] = [await idleRssMb(pid)];
  out['edit → diagnostics, 3,000-line manifest'] = await timeEdits(client, 'file:///bench/manifest.yaml', manifest, 30, server.versioned);
  out['peak RSS after the run (MB)'] = [memoryMb(pid, 'VmHWM')];
  await client.stop();
  return out;
}

/** The scale session of issue-sized inputs: a 50,000-line multi-document manifest. */
async function measureBigManifest(server: Server): Promise<Measured> {
  const { client } = await StdioClient.start(server.start);
  const pid = client.child.pid!;
  const manifest = largeManifest(960);
  const uri = 'file:///bench/big.yaml';
  const out: Measured = {};
  const started = performance.now();
  await client.open(uri, 'yaml', manifest);
  await client.waitForDiagnostics(uri, () => true, 120000);
  out['open → first diagnostics, 50,000-line manifest'] = [performance.now() - started];
  out['edit → diagnostics, 50,000-line manifest'] = await timeEdits(client, uri, manifest, 20, server.versioned);
  out['completion in values, 50,000-line manifest'] = await timeRequests(client, 'textDocument/completion', uri, positionsOf(manifest, /: /, 2, 100_000).filter((_, i) => i % 89 === 0).slice(0, 200));
  out['peak RSS after the run (MB)'] = [memoryMb(pid, 'VmHWM')];
  await client.stop();
  return out;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

/**
 * Rows comparing ours with a peer's: latency goal ≤ ¼ of the peer's p50, memory goal ≤ ½, unless
 * `goals` gives a metric its own fraction (the scale session's edit row: ≤ 0.2×).
 */
function compare(title: string, ours: Measured, peer: Measured, peerName: string, goals: Record<string, number> = {}): { lines: string[]; pass: boolean } {
  const lines = [`### ${title}: Stevedore vs ${peerName}`, '', '| metric | Stevedore p50 | p95 | peer p50 | p95 | peer ÷ ours | goal | result |', '|:--|--:|--:|--:|--:|--:|:--|--:|'];
  let pass = true;
  for (const metric of Object.keys(ours)) {
    const memory = metric.includes('(MB)');
    const [a, b] = [median(ours[metric]), median(peer[metric])];
    const ratio = b / a;
    const fraction = goals[metric] ?? (memory ? 0.5 : 0.25);
    const goal = `≤ ${fraction}× peer`;
    const ok = a <= b * fraction;
    pass &&= ok;
    const p95s = memory ? ['', ''] : [p95(ours[metric]).toFixed(2), p95(peer[metric]).toFixed(2)];
    lines.push(`| ${metric} | ${a.toFixed(2)} | ${p95s[0]} | ${b.toFixed(2)} | ${p95s[1]} | ${ratio.toFixed(1)}× | ${goal} | ${ok ? 'pass' : 'FAIL'} |`);
  }
  return { lines, pass };
}

async function main(): Promise<void> {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run \`node scripts/build.mjs --production\` first`);
  ensurePeers();
  const peerVersions = ['dockerfile-language-server-nodejs', 'yaml-language-server'].map((name) => `${name} ${JSON.parse(readFileSync(join(peersDir, 'node_modules', name, 'package.json'), 'utf8')).version}`);
  console.log(`bench:peers: node ${process.version}; ${peerVersions.join(', ')}; one server at a time, same client and inputs`);

  const dockerfileRows = compare('Dockerfile', await measureDockerfile(stevedore), await measureDockerfile(dockerLangserver), 'dockerfile-language-server');
  const manifestRows = compare('Kubernetes manifest', await measureManifest(stevedore), await measureManifest(yamlLangserver), 'yaml-language-server');
  const bigRows = compare('Kubernetes manifest at scale', await measureBigManifest(stevedore), await measureBigManifest(yamlLangserver), 'yaml-language-server', { 'edit → diagnostics, 50,000-line manifest': 0.2 });
  console.log(['', ...dockerfileRows.lines, '', ...manifestRows.lines, '', ...bigRows.lines, ''].join('\n'));
  console.log('(times in ms, memory in MB. yaml-language-server runs without a Kubernetes schema here: its schema is a download, so it only checks YAML syntax, less work than Stevedore does; its fixed validation delay is part of what users wait for.)');
  console.log(`(machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version})`);
  process.exitCode = dockerfileRows.pass && manifestRows.pass && bigRows.pass ? 0 : 1;
}

main().catch((error) => {
  console.error(`bench:peers failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(2);
});

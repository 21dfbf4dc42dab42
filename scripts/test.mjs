// Runs every test layer in order and fails when any of them fails:
//   generate → typecheck → build → unit (+ corpus) → protocol (real JSON-RPC over stdio) → editor (real VS Code).
// `generate` rewrites the generated sources (rule registries, rule docs) so a new rule is seen at
// once; with CI set it only checks them, so a stale committed copy fails the run.
// `node scripts/test.mjs unit|protocol|editor|corpus` runs one layer. The last line is a plain
// "N passed, N failed" total across layers, which CI reads.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];

function testFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...testFiles(full));
    else if (entry.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

/** Runs a command, echoing its output, and returns its exit code and text. */
function run(label, command, args, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let text = '';
    child.stdout.on('data', (chunk) => { text += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { text += chunk; process.stderr.write(chunk); });
    child.on('close', (code) => {
      timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve({ code: code ?? 1, text });
    });
  });
}

function countNodeTests(text) {
  // Summary lines of node's runner: `# pass 3` (TAP) or `ℹ pass 3` (spec).
  const n = (name) => [...text.matchAll(new RegExp(`^(?:#|ℹ) ${name} (\\d+)$`, 'gm'))].reduce((a, m) => a + Number(m[1]), 0);
  totals.passed += n('pass');
  totals.failed += n('fail') + n('cancelled');
  totals.skipped += n('skipped');
}

function countMocha(text) {
  // The editor layer runs several passes (one per display language), each with its own summary.
  const n = (name) => [...text.matchAll(new RegExp(`^\\s*(\\d+) ${name}\\b`, 'gm'))].reduce((a, m) => a + Number(m[1]), 0);
  totals.passed += n('passing');
  totals.failed += n('failing');
  totals.skipped += n('pending');
}

/** Runs commands one after the other, stopping at the first failure. */
async function runInTurn(commands) {
  let text = '';
  for (const [label, command, args] of commands) {
    const result = await run(label, command, args);
    text += result.text;
    if (result.code !== 0) return { code: result.code, text };
  }
  return { code: 0, text };
}

const checkOnly = process.env.CI ? ['--check'] : [];
const layers = [
  {
    name: 'generate',
    run: () => runInTurn([
      ['rule registries', 'node', ['scripts/gen-rule-index.mjs', ...checkOnly]],
      ['rule docs', 'node', ['--import', 'tsx', 'scripts/gen-rule-docs.ts', ...checkOnly]],
    ]),
  },
  { name: 'typecheck', run: () => run('typecheck', 'npx', ['tsc', '-p', '.']) },
  { name: 'build', run: () => run('build', 'node', ['scripts/build.mjs']) },
  // The one-time editor set-up comes first in a full run: the grammar tests also use the shell
  // grammar that ships with code-server, so nothing is skipped on a fresh machine.
  { name: 'editor setup', setupFor: 'editor', run: () => run('editor setup', 'bash', ['scripts/setup-editor-tests.sh']) },
  { name: 'unit', count: countNodeTests, run: () => run('unit', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('test/unit'), ...testFiles('test/cli')]) },
  { name: 'corpus', count: countNodeTests, run: () => run('corpus', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('test/corpus')]) },
  { name: 'protocol', count: countNodeTests, run: () => run('protocol', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('test/protocol')]) },
  { name: 'editor', count: countMocha, run: () => run('editor', 'node', ['--import', 'tsx', 'test/editor/run.ts']) },
];

const selected = only ? layers.filter((l) => l.name === only || l.setupFor === only || ['generate', 'typecheck', 'build'].includes(l.name)) : layers;
if (only && !layers.some((l) => l.name === only)) {
  console.error(`test: unknown layer "${only}" (one of ${layers.map((l) => l.name).join(', ')})`);
  process.exit(2);
}
const failedLayers = [];
for (const layer of selected) {
  // A layer whose set-up failed cannot run (the failure is already counted); the others still do.
  if (failedLayers.some((name) => selected.find((l) => l.name === name)?.setupFor === layer.name)) continue;
  const result = await layer.run();
  layer.count?.(result.text);
  if (result.code !== 0) failedLayers.push(layer.name);
  // Nothing after a failed generation, type check or build can be trusted.
  if (result.code !== 0 && ['generate', 'typecheck', 'build'].includes(layer.name)) break;
}
console.log(`\nlayer timings: ${timings.join(', ')}`);
if (failedLayers.length) console.log(`failed layers: ${failedLayers.join(', ')}`);
if (failedLayers.length && totals.failed === 0) totals.failed = failedLayers.length;
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failedLayers.length ? 1 : 0);

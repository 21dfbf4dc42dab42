/**
 * CI speed of the command line: `node dist/cli.js lint <corpus>` over the whole shared corpus
 * (≈1,600 Dockerfiles and manifests), as a user's CI step would run it, timed end to end
 * (process start, discovery, config lookups, linting, report). Called by bench/run.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const repoRoot = resolve(__dirname, '..');
export const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus');
const cliPath = resolve(repoRoot, 'dist', 'cli.js');

export interface CliCorpusTiming {
  samples: number[];
  files: number;
}

/** Runs the bundled CLI over the corpus `runs` times; undefined (with a reason) when it cannot. */
export function timeCliOnCorpus(runs = 5): CliCorpusTiming | string {
  if (!existsSync(corpusDir)) return `corpus not found at ${corpusDir}`;
  if (!existsSync(cliPath)) return `${cliPath} is missing (build first)`;
  const samples: number[] = [];
  let files = 0;
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cliPath, 'lint', corpusDir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    const elapsed = performance.now() - started;
    // 1 = findings (expected on real-world files); 2 would be a usage or internal error.
    if (result.status !== 0 && result.status !== 1) return `dist/cli.js exited with ${result.status}: ${result.stderr.slice(0, 500)}`;
    files = (JSON.parse(result.stdout) as { summary: { files: number } }).summary.files;
    // The first run warms the file system cache.
    if (i > 0) samples.push(elapsed);
  }
  return { samples, files };
}

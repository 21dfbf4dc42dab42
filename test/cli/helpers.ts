import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after } from 'node:test';
import { runCli } from '../../server/src/cli/run';

export const repoRoot = resolve(__dirname, '..', '..');
export const bundledCli = join(repoRoot, 'dist', 'cli.js');

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/**
 * A throw-away folder with these files (path → text). It is marked as a repository root
 * (`.git/HEAD`) so config and ignore lookups stop there, as they would in a real checkout.
 */
export function tree(files: Record<string, string>, options: { repo?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-cli-'));
  made.push(root);
  if (options.repo !== false) {
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  }
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process (the TypeScript sources), in `cwd`. */
export async function cli(args: string[], options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: options.cwd,
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: () => options.stdin ?? '',
  });
  return { code, stdout, stderr };
}

/** Runs the bundled `dist/cli.js` (what `npx stevedore` starts) as a child process. */
export function bundled(args: string[], options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv }): CliRun {
  const result = spawnSync(process.execPath, [bundledCli, ...args], {
    cwd: options.cwd,
    input: options.stdin ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', ...options.env },
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export const hasBundle = existsSync(bundledCli);
export const noBundleReason = 'dist/cli.js is missing: run `node scripts/build.mjs` first';

/** A Dockerfile with findings of several severities, two of them safely fixable. */
export const sampleDockerfile = 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install curl\nADD app.tar.gz /app\n';

export const samplePod = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx',
  '',
].join('\n');

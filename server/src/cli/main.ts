import { readFileSync } from 'node:fs';
import { runAsLaneWorker } from './parallel';
import { runCli } from './run';

/**
 * `stevedore lint [paths…]`: the editor's checks for CI (bundled to dist/cli-main.js, which the
 * launcher dist/cli.js loads with a code cache, launch.ts; started by bin/stevedore; the same bundle
 * runs the worker threads of big trees). Exit codes: 0 nothing at or above the threshold, 1
 * findings, 2 usage, config or internal error.
 */
function internalError(error: unknown): void {
  process.stderr.write(`stevedore: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
}

if (!runAsLaneWorker()) {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => readFileSync(0, 'utf8'),
  }).then((code) => {
    process.exitCode = code;
  }, internalError);
}

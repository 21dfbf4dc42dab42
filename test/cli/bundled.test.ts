import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundled, hasBundle, noBundleReason, read, repoRoot, sampleDockerfile, samplePod, tree } from './helpers';
import { validateSarif } from './sarifValidator';

/** What `npx stevedore lint` runs: the bundle, as a real process with real pipes and exit codes. */
describe('bundled command line (dist/cli.js)', { skip: hasBundle ? false : noBundleReason }, () => {
  it('bin/stevedore prints the version and help', () => {
    const version = spawnSync(process.execPath, [join(repoRoot, 'bin', 'stevedore'), '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = bundled(['lint', '--help'], { cwd: repoRoot });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes/);
  });

  it('exit codes 0, 1 and 2 from a real process', () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    assert.equal(bundled(['lint', '.'], { cwd: root }).code, 1);
    assert.equal(bundled(['lint', '.', '--severity-threshold', 'none'], { cwd: root }).code, 0);
    const bad = bundled(['lint', '--nope'], { cwd: root });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown option "--nope"/);
  });

  it('reads standard input through a pipe and fixes it to standard output', () => {
    const root = tree({});
    const run = bundled(['lint', '-', '--fix', '--stdin-filename', 'Dockerfile', '--format', 'json'], { cwd: root, stdin: sampleDockerfile });
    assert.match(run.stdout, /apt-get install -y curl && rm -rf \/var\/lib\/apt\/lists\/\*/);
    assert.equal(JSON.parse(run.stderr).files[0].fixed['apt-get-missing-yes'], 1);
  });

  it('colours only on request: FORCE_COLOR on, NO_COLOR off', () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    assert.match(bundled(['lint', '.'], { cwd: root, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(bundled(['lint', '.'], { cwd: root, env: { NO_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(bundled(['lint', '.'], { cwd: root }).stdout, /\u001b\[/, 'a pipe is not a terminal');
  });

  it('big trees go through worker threads with the same report as one thread, --fix included', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`svc${i}/Dockerfile`] = sampleDockerfile.replace('curl', `curl${i}`);
    for (let i = 0; i < 90; i++) files[`k8s/pod${i}.yaml`] = samplePod.replace('name: web', `name: web${i}`);
    files['k8s/svc.yaml'] = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: nothing-selects-this\n  ports:\n    - port: 80\n';
    const root = tree(files);
    const parallel = bundled(['lint', '.', '-f', 'json'], { cwd: root });
    const serial = bundled(['lint', '.', '-f', 'json', '--no-parallel'], { cwd: root });
    assert.equal(parallel.code, 1, parallel.stderr);
    assert.equal(parallel.stdout, serial.stdout);
    assert.equal(JSON.parse(parallel.stdout).files.length, 211);
    const fixed = bundled(['lint', '.', '--fix', '-f', 'json'], { cwd: root });
    const fixedFiles = JSON.parse(fixed.stdout).files.filter((f: { fixed?: unknown }) => f.fixed).map((f: { path: string }) => f.path) as string[];
    assert.equal(fixedFiles.filter((path) => path.endsWith('Dockerfile')).length, 120);
    assert.match(read(root, 'svc7/Dockerfile'), /apt-get install -y curl7 && rm -rf/);
  });
});

const corpus = join(repoRoot, '..', 'shared', 'corpus');

describe('bundled command line over the shared corpus', { skip: !hasBundle ? noBundleReason : !existsSync(corpus) ? `corpus not found at ${corpus}` : false }, () => {
  it('lints every real-world file without an internal error and writes valid SARIF', () => {
    const root = tree({});
    const run = bundled(['lint', corpus, '--format', 'sarif', '--output', 'corpus.sarif'], { cwd: root });
    assert.equal(run.code, 1, run.stderr.slice(0, 2000));
    assert.doesNotMatch(run.stderr, /internal error|bad config file/);
    const sarif = JSON.parse(read(root, 'corpus.sarif'));
    assert.deepEqual(validateSarif(sarif).slice(0, 10), []);
    assert.ok(sarif.runs[0].artifacts.length > 1000, `${sarif.runs[0].artifacts.length} files`);
    assert.ok(sarif.runs[0].results.length > 1000);
  });
});

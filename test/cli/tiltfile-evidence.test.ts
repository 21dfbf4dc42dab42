import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { discoverFiles } from '../../server/src/cli/discover';
import { deployment, runAsNonRoot } from '../unit/kubernetes/imageEdgesKit';
import { cli } from './helpers';

/** `stevedore lint` reads Tiltfiles into the image graph (docker_build lines), without linting them. */

type JsonReport = { files: { path: string; diagnostics: { ruleId: string; severity: string }[] }[] };

test('a Tiltfile found in the walk links an image to its Dockerfile; it is not reported as a file', async () => {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-tilt-cli-'));
  try {
    mkdirSync(join(root, 'web'));
    writeFileSync(join(root, 'web', 'Dockerfile'), 'FROM alpine:3.20\nUSER root\n');
    writeFileSync(join(root, 'Tiltfile'), "# dev loop\ndocker_build('acme/api', './web')\nk8s_yaml('app.yaml')\n");
    // Named so that the folder-name guess cannot link it: only the Tiltfile can.
    writeFileSync(join(root, 'app.yaml'), deployment({ image: 'acme/api:1.0', container: runAsNonRoot }));
    const found = discoverFiles(['.'], { cwd: root, onUnreadable() {} });
    assert.deepEqual(found.map((f) => [f.path, f.kind]), [['Tiltfile', 'evidence'], ['app.yaml', 'yaml'], ['web/Dockerfile', 'dockerfile']]);
    const report = JSON.parse((await cli(['lint', '.', '--format', 'json'], { cwd: root })).stdout) as JsonReport;
    assert.ok(!report.files.some((f) => f.path === 'Tiltfile'), 'the Tiltfile is read, not linted');
    const app = report.files.find((f) => f.path === 'app.yaml')!;
    assert.deepEqual(app.diagnostics.filter((d) => d.ruleId === 'image-root-vs-run-as-non-root').map((d) => d.severity), ['error']);
    // Without the Tiltfile there is no evidence, so no edge and no finding.
    rmSync(join(root, 'Tiltfile'));
    const without = JSON.parse((await cli(['lint', '.', '--format', 'json'], { cwd: root })).stdout) as JsonReport;
    assert.ok(!without.files.find((f) => f.path === 'app.yaml')!.diagnostics.some((d) => d.ruleId === 'image-root-vs-run-as-non-root'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

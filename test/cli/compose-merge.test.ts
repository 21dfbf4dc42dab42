import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formats } from '../../server/src/cli/args';
import { cli, tree } from './helpers';

/**
 * `stevedore lint` on a Compose project: each file is checked with the files Compose merges with it
 * (compose.yaml with compose.override.yaml; compose.prod.yaml on compose.yaml; include:), the `.env`
 * and the build contexts on disk, and findings go to the file that wrote them, in every format.
 */
const project = {
  'compose.yaml': 'services:\n  web:\n    build:\n      context: ./web\n      target: prod\n    networks: [front, back]\n    depends_on: [db]\n    image: "shop/web:${TAG}"\n',
  'compose.override.yaml': 'networks:\n  front: {}\nservices:\n  db:\n    image: postgres:16\n',
  'compose.prod.yaml': 'services:\n  web:\n    build:\n      target: production\n',
  'web/Dockerfile': 'FROM node:20 AS build\nFROM node:20-slim AS prod\n',
  '.env': 'TAG=1.0\n',
};

test('compose files are linted with their overrides merged, findings in the file that wrote them', async () => {
  const root = tree(project);
  const run = await cli(['lint', '--format', 'json', '.'], { cwd: root });
  const report = JSON.parse(run.stdout) as { files: { path: string; language: string; diagnostics: { ruleId: string; line: number }[] }[] };
  assert.deepEqual(report.files.map((f) => [f.path, f.language]), [['compose.override.yaml', 'compose'], ['compose.prod.yaml', 'compose'], ['compose.yaml', 'compose'], ['web/Dockerfile', 'dockerfile']]);
  const byFile = Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics.filter((d) => d.ruleId.startsWith('compose-')).map((d) => `${d.line} ${d.ruleId}`)]));
  // `back` is declared nowhere; `front` and `db` come from the override; TAG from .env.
  assert.deepEqual(byFile['compose.yaml'], ['6 compose-undeclared-network']);
  assert.deepEqual(byFile['compose.override.yaml'], []);
  // compose.prod.yaml sits on compose.yaml: its target is checked against web/Dockerfile.
  assert.deepEqual(byFile['compose.prod.yaml'], ['4 compose-build-target-unknown']);
  assert.equal(run.code, 1);
});

test('every output format carries the Compose findings', async () => {
  const root = tree(project);
  for (const format of formats) {
    const run = await cli(['lint', '--format', format, 'compose.yaml'], { cwd: root });
    assert.match(run.stdout, /compose-undeclared-network/, `${format}: ${run.stdout.slice(0, 400)}`);
    assert.match(run.stdout, /compose\.yaml/, format);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cli, tree } from './helpers';

/**
 * Which files `stevedore lint` reads as Compose: the names Compose itself loads and their
 * overrides, found in folders, and the files `.stevedore.yaml`'s `compose.files` globs name.
 */
interface JsonReport { files: { path: string; language: string; diagnostics: { ruleId: string }[] }[] }

test('compose files are found by name and by the compose.files setting, and checked by the Compose rules', async () => {
  const root = tree({
    'app/docker-compose.yml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    restart: alway\n',
    'deploy/stack.yml': 'services:\n  api:\n    image: api:1.0\n    deploy:\n      mode: everywhere\n',
    'deploy/values.yml': 'replicas: 2\n',
    '.stevedore.yaml': 'compose:\n  files: [deploy/stack.yml]\n',
  });
  const run = await cli(['lint', '--format', 'json', '.'], { cwd: root });
  const report = JSON.parse(run.stdout) as JsonReport;
  const byPath = Object.fromEntries(report.files.map((file) => [file.path.replace(/\\/g, '/'), file]));
  assert.equal(byPath['app/docker-compose.yml']?.language, 'compose');
  assert.deepEqual(byPath['app/docker-compose.yml']!.diagnostics.map((d) => d.ruleId).sort(), ['compose-invalid-value', 'compose-obsolete-version']);
  assert.equal(byPath['deploy/stack.yml']?.language, 'compose');
  assert.deepEqual(byPath['deploy/stack.yml']!.diagnostics.map((d) => d.ruleId), ['compose-invalid-value']);
  assert.notEqual(byPath['deploy/values.yml']?.language, 'compose');
  assert.equal(run.code, 1);
});

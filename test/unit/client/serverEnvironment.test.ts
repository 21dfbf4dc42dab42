import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { serverEnvironment } from '../../../client/src/serverEnvironment';

/** The environment vscode-languageclient gives a forked server: the editor's, then the overrides on top. */
function mergedAsTheClientDoes(editorEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return { ...editorEnv, ELECTRON_RUN_AS_NODE: '1', ...serverEnvironment };
}

test('the server process starts without NODE_EXTRA_CA_CERTS, and with the rest of the editor\'s environment', () => {
  const editorEnv = { ...process.env, NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', STEVEDORE_PROBE: 'kept' };
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify({ ca: process.env.NODE_EXTRA_CA_CERTS ?? null, probe: process.env.STEVEDORE_PROBE ?? null }))'], {
    env: mergedAsTheClientDoes(editorEnv) as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), { ca: null, probe: 'kept' });
});

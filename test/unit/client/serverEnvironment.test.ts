import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { serverEnvironment } from '../../../client/src/serverEnvironment';

/** The environment vscode-languageclient gives a forked server: the editor's, then the overrides on top. */
function mergedAsTheClientDoes(editorEnv: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return { ...editorEnv, ELECTRON_RUN_AS_NODE: '1', ...serverEnvironment };
}

/** What the server process sees of the variables the client changes. */
function seenByTheServer(env: Record<string, string | undefined>): unknown {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify({ ca: process.env.NODE_EXTRA_CA_CERTS ?? null, arenas: process.env.MALLOC_ARENA_MAX ?? null, probe: process.env.STEVEDORE_PROBE ?? null }))'], {
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

test('the server process starts without NODE_EXTRA_CA_CERTS, with one malloc arena, and with the rest of the editor\'s environment', () => {
  const editorEnv: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', STEVEDORE_PROBE: 'kept' };
  delete editorEnv.MALLOC_ARENA_MAX;
  assert.deepEqual(seenByTheServer(mergedAsTheClientDoes(editorEnv)), { ca: null, arenas: process.env.MALLOC_ARENA_MAX ?? '1', probe: 'kept' });
});

test('a MALLOC_ARENA_MAX already in the editor\'s environment is kept', () => {
  const script = "process.env.MALLOC_ARENA_MAX = '4'; const { serverEnvironment } = require(process.argv[1]); process.stdout.write(String(serverEnvironment.MALLOC_ARENA_MAX));";
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, require.resolve('../../../client/src/serverEnvironment')], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout, '4');
});

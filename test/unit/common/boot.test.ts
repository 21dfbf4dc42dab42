import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const boot = resolve(__dirname, '..', '..', '..', 'dist', 'boot.js');

/** Starts dist/boot.js, answers initialize, and waits `linger` ms before killing it. */
function startOnce(cacheHome: string, linger: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [boot, '--stdio'], { env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    const message = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"serverInfo"')) setTimeout(() => child.kill(), linger);
    });
    child.on('exit', () => resolvePromise(out));
    child.on('error', reject);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  });
}

test('boot.js starts the server and keeps a private V8 code cache for the next start', { skip: existsSync(boot) ? false : 'dist/boot.js is not built' }, async () => {
  const cacheHome = mkdtempSync(join(tmpdir(), 'stevedore-cache-'));
  try {
    assert.match(await startOnce(cacheHome, 2600), /stevedore-language-server/);
    const files = readdirSync(join(cacheHome, 'stevedore'));
    assert.equal(files.length, 1, `one cache file expected, found ${files.join(', ')}`);
    assert.match(files[0], /^server-[0-9a-f]{24}\.cache$/);
    // The second start reads the cache and still answers.
    assert.match(await startOnce(cacheHome, 0), /stevedore-language-server/);
    assert.equal(readdirSync(join(cacheHome, 'stevedore')).length, 1);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
});

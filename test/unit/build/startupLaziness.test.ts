/**
 * What the night round of issue #19 took out of the language server's start-up still works when it
 * is needed (docs/performance.md, "Start-up, night round"): node:worker_threads is required when the
 * first index worker starts; an ES import of a CommonJS module that sets `__esModule` is the module
 * itself (scripts/server-bundles.mjs esModuleInterop) while every other import keeps esbuild's copy;
 * the protocol libraries' re-exports copied as values (valueReExportFiles) give the same exports.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { commonOptions } from '../../../scripts/bundle-options.mjs';
import { esModuleInterop, protocolLibraryPatches, valueReExportFiles } from '../../../scripts/server-bundles.mjs';
import { repoRoot } from './dataFileList';

test('the index worker client loads node:worker_threads when its first worker starts, and the worker answers', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-lazy-worker-'));
  try {
    // Bundled as the server is (tsx itself runs a worker thread, so the check needs plain Node).
    const client = join(folder, 'indexWorkerClient.js');
    await build({ ...commonOptions(false), absWorkingDir: repoRoot, entryPoints: ['server/src/lsp/indexWorkerClient.ts'], outfile: client, sourcemap: false, logLevel: 'silent' });
    const workerScript = join(folder, 'echo-worker.js');
    writeFileSync(workerScript, `
      const { parentPort, workerData } = require('node:worker_threads');
      parentPort.on('message', ({ id, files }) => parentPort.postMessage({ id, results: { files: files.length, maxFileBytes: workerData.maxFileBytes } }));`);
    const probe = `
      const loaded = () => process.moduleLoadList.includes('NativeModule worker_threads');
      const atNodeStart = loaded();
      const { IndexWorkerClient } = require(${JSON.stringify(client)});
      const atImport = loaded();
      const client = new IndexWorkerClient(${JSON.stringify(workerScript)}, 1234);
      const afterStart = loaded();
      client.summarise([{ path: '/a', uri: 'file:///a' }, { path: '/b', uri: 'file:///b' }]).then((results) => {
        client.dispose();
        process.stdout.write(JSON.stringify([atNodeStart, atImport, afterStart, results]));
      });`;
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [false, false, true, { files: 2, maxFileBytes: 1234 }]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/**
 * Builds `entries` (ES modules importing the CommonJS modules of `files`) the way the server's first
 * pass does (ES modules with splitting), patches the helper, and runs each entry as CommonJS.
 */
async function buildAndRun(minify: boolean): Promise<{ found: number; results: Record<string, unknown> }> {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-interop-'));
  try {
    const source = join(folder, 'src');
    const files: Record<string, string> = {
      // TypeScript's CommonJS output: `__esModule` set, named exports, a default export of its own.
      'typed.js': 'Object.defineProperty(exports, "__esModule", { value: true }); exports.count = 1; exports.bump = () => { exports.count++; }; exports.default = "typed default";',
      // Plain CommonJS: `import x from` gets module.exports.
      'plain.js': 'module.exports = { name: "plain" };',
      'one.ts': `import * as typed from './typed.js'; import { count, bump } from './typed.js'; import typedDefault from './typed.js'; import plain from './plain.js'; import * as plainNamespace from './plain.js';
        export function report(): unknown { const before = count; bump(); return { before, after: count, live: typed.count, typedDefault, plainName: plain.name, plainDefault: plainNamespace.default === plain, namespace: typed }; }`,
      'two.ts': `import * as typed from './typed.js'; import plain from './plain.js'; export function report(): unknown { return { namespace: typed, plain }; }`,
    };
    await import('node:fs').then(({ mkdirSync }) => mkdirSync(source));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(source, name), text);
    const out = join(folder, 'out');
    const result = await build({ entryPoints: [join(source, 'one.ts'), join(source, 'two.ts')], bundle: true, format: 'esm', splitting: true, platform: 'node', minify, outdir: out, metafile: true, logLevel: 'silent' });
    const scripts = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).map((file) => join(process.cwd(), file));
    let found = 0;
    for (const file of scripts) {
      const patched = esModuleInterop(readFileSync(file, 'utf8'));
      found += patched.found;
      writeFileSync(file, patched.text);
    }
    // As the server's second pass does: each script on its own to CommonJS.
    await Promise.all(scripts.map((file) => build({ entryPoints: [file], outfile: file, allowOverwrite: true, bundle: false, format: 'cjs', platform: 'node', minify, logLevel: 'silent' })));
    const probe = `
      const one = require(${JSON.stringify(join(out, 'one.js'))}).report();
      const two = require(${JSON.stringify(join(out, 'two.js'))}).report();
      const typed = one.namespace;
      process.stdout.write(JSON.stringify({ ...one, namespace: undefined, sameModule: typed === two.namespace, typedKeys: Object.keys(typed).sort(), twoPlain: two.plain.name }));`;
    const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return { found, results: JSON.parse(run.stdout) as Record<string, unknown> };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

for (const minify of [false, true]) {
  test(`esModuleInterop: an import of a module with __esModule is the module itself, every other import as before (${minify ? 'minified' : 'unminified'})`, async () => {
    const { found, results } = await buildAndRun(minify);
    assert.equal(found, 1, 'the helper was found once, in the shared chunk');
    assert.deepEqual(results, {
      before: 1,
      after: 2, // live bindings: the named import reads the module's current value
      live: 2,
      typedDefault: 'typed default',
      plainName: 'plain',
      plainDefault: true,
      sameModule: true, // one object for both scripts: the module itself, not a copy each
      typedKeys: ['bump', 'count', 'default'],
      twoPlain: 'plain',
    });
  });
}

test('esModuleInterop leaves a script without the helper as it is', () => {
  const text = 'var x = require("./server-chunk-ABC.js"); var y = (0, x.__toESM)(require_main());';
  assert.deepEqual(esModuleInterop(text), { text, found: 0 });
});

/** A value's shape for comparing two loads of the same library: its type, and a function's name or an object's keys. */
function shapeOf(value: unknown): string {
  if (typeof value === 'function') return `function ${value.name}`;
  if (value !== null && typeof value === 'object') return `object ${Object.keys(value).sort().join(',')}`;
  return `${typeof value} ${String(value)}`;
}

test('the protocol libraries bundled with value re-exports export the same names and values as without', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-reexports-'));
  try {
    const entry = join(folder, 'entry.js');
    writeFileSync(entry, 'module.exports = { server: require("vscode-languageserver/node"), protocol: require("vscode-languageserver-protocol/node"), rpc: require("vscode-jsonrpc/node") };');
    const bundles: Record<string, string> = {};
    for (const [name, plugins] of Object.entries({ patched: [protocolLibraryPatches], plain: [] })) {
      bundles[name] = join(folder, `${name}.js`);
      await build({ ...commonOptions(false), absWorkingDir: repoRoot, nodePaths: [join(repoRoot, 'node_modules')], entryPoints: [entry], outfile: bundles[name], sourcemap: false, plugins, logLevel: 'silent' });
    }
    assert.ok(readFileSync(bundles.patched!, 'utf8').includes('"value" in d'), 'the patch applied');
    assert.ok(!readFileSync(bundles.plain!, 'utf8').includes('"value" in d'));
    const shapes = (bundle: string): Record<string, string[]> => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(bundle) as Record<string, Record<string, unknown>>;
      return Object.fromEntries(Object.entries(loaded).map(([library, exports]) => [library, Object.keys(exports).sort().map((key) => `${key}: ${shapeOf(exports[key])}`)]));
    };
    const patched = shapes(bundles.patched!);
    assert.deepEqual(patched, shapes(bundles.plain!));
    assert.ok(patched.server!.length > 300, `vscode-languageserver/node exports ${patched.server!.length} names`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the protocol libraries meet what value re-exports assume: no require cycle, exports assigned only while a module loads', () => {
  const libraries = /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver|languageserver-protocol|languageserver-types)[\\/]/;
  const requires = new Map<string, string[]>();
  const pending = [require.resolve('vscode-languageserver/node')];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (requires.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    // Top-level code is not indented in TypeScript's CommonJS output: an indented `exports.x =` would
    // run later. (vscode-languageserver-types is a UMD module: its factory, run as it loads, assigns them.)
    if (!file.includes('vscode-languageserver-types')) assert.doesNotMatch(text, /^\s+exports\.\w+\s*=/m, `${file} assigns an export inside a function`);
    const found = [...text.matchAll(/require\("([^"]+)"\)/g)]
      .map((match) => { try { return require.resolve(match[1]!, { paths: [dirname(file)] }); } catch { return undefined; } })
      .filter((resolved): resolved is string => resolved !== undefined && libraries.test(resolved));
    requires.set(file, found);
    pending.push(...found);
  }
  assert.ok(requires.size > 30, `${requires.size} library files`);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]): void => {
    state.set(file, 'open');
    for (const next of requires.get(file) ?? []) {
      assert.notEqual(state.get(next), 'open', `require cycle: ${[...path, file, next].join(' -> ')}`);
      if (!state.has(next)) visit(next, [...path, file]);
    }
    state.set(file, 'done');
  };
  for (const file of requires.keys()) if (!state.has(file)) visit(file, []);
  for (const file of valueReExportFiles) assert.ok([...requires.keys()].some((loaded) => loaded.split('\\').join('/').endsWith(`node_modules/${file}`)), `${file} is on the server's path`);
});

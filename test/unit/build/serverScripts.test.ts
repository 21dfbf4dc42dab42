/**
 * The language server's scripts (scripts/server-bundles.mjs, services.ts, boot.ts): start-up loads
 * the core and the chunks it needs and no language's engine, nor the workspace index or a parser
 * (yaml, dockerfile-ast); each engine is a script of its own, loaded on first use; the capabilities announced from services.ts' table of features are what the
 * services implement.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { commonOptions } from '../../../scripts/bundle-options.mjs';
import { buildServerScripts, engineNames, lazyScriptNames } from '../../../scripts/server-bundles.mjs';
import { composeRules } from '../../../server/src/compose/rules';
import { composeService } from '../../../server/src/compose/service';
import type { LanguageService } from '../../../server/src/common/service';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { kubernetesRules } from '../../../server/src/kubernetes/rules';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { languageFeatures } from '../../../server/src/services';
import { WorkspaceIndexer } from '../../../server/src/lsp/workspaceIndexer';
import { repoRoot } from './dataFileList';

/** The scripts a script of ours requires, directly and through the ones it requires. */
function closure(folder: string, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const match of readFileSync(join(folder, name), 'utf8').matchAll(/require\("\.\/(server[\w-]*\.js)"\)/g)) visit(match[1]!);
  };
  visit(start);
  return seen;
}

/** Every feature a service implements (besides parse, and forget, which is not a capability). */
const implemented = (service: LanguageService<unknown>): string[] =>
  Object.keys(service).filter((key) => key !== 'parse' && key !== 'forget' && typeof (service as unknown as Record<string, unknown>)[key] === 'function').sort();

test('services.ts lists exactly the features each language service implements', () => {
  const services = { dockerfile: dockerfileService, yaml: kubernetesService, compose: composeService } as Record<string, LanguageService<unknown>>;
  for (const [kind, features] of Object.entries(languageFeatures)) {
    assert.deepEqual([...features].sort(), implemented(services[kind]!), `languageFeatures.${kind} in server/src/services.ts`);
  }
});

test('importing the services and the config loader loads no engine; asking for a service loads only its own', () => {
  const probe = `
    const services = require('./server/src/services');
    require('./server/src/config/projectConfig');
    const loaded = () => ['dockerfile', 'kubernetes', 'compose'].filter((name) => services.engineLoaded(name)).join(',');
    const before = loaded();
    services.anyLanguageHas('hover');
    const afterCapabilities = loaded();
    services.languageServices.dockerfile.parse;
    process.stdout.write(JSON.stringify([before, afterCapabilities, loaded()]));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', probe], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), ['', '', 'dockerfile']);
});

test('the workspace indexer and the config loaders load the workspace index and the YAML parser on first use only', () => {
  const probe = `
    const { mkdtempSync, writeFileSync } = require('node:fs');
    const { join } = require('node:path');
    const { tmpdir } = require('node:os');
    const services = require('./server/src/services');
    const { WorkspaceIndexer } = require('./server/src/lsp/workspaceIndexer');
    const { ProjectConfig } = require('./server/src/config/projectConfig');
    const { CachedFiles } = require('./server/src/config/cachedFiles');
    const loaded = () => ['workspace', 'yaml'].filter((name) => services.helperLoaded(name)).join(',');
    const root = mkdtempSync(join(tmpdir(), 'stevedore-lazy-'));
    const indexer = new WorkspaceIndexer({ modelOf: () => undefined, revalidate() {}, log() {} });
    indexer.initialize({ processId: null, rootUri: 'file://' + root, capabilities: {} });
    const project = new ProjectConfig(new CachedFiles());
    project.setRoots([root]);
    project.settingsFor(join(root, 'Dockerfile'));
    const atStart = loaded();
    const roots = indexer.index.roots.join(',');
    const afterIndex = loaded();
    writeFileSync(join(root, '.stevedore.yaml'), 'rules: {}\\n');
    const withConfig = new ProjectConfig(new CachedFiles());
    withConfig.setRoots([root]);
    withConfig.settingsFor(join(root, 'Dockerfile'));
    process.stdout.write(JSON.stringify([atStart, roots === root, afterIndex, loaded()]));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', probe], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), ['', true, 'workspace', 'workspace,yaml']);
});

test('the workspace indexer answers for its index and image graph once they are loaded', () => {
  const indexer = new WorkspaceIndexer({ modelOf: () => undefined, revalidate() {}, log() {} });
  assert.equal(indexer.graph, indexer.graph);
  assert.equal(indexer.index, indexer.index);
  assert.equal(indexer.index.fileCount, 0);
});

test('the server is built as a core that starts without any engine and one script per engine', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-server-scripts-'));
  try {
    const scripts = await buildServerScripts({ outdir: folder, production: true, absWorkingDir: repoRoot });
    await build({ ...commonOptions(true), absWorkingDir: repoRoot, entryPoints: ['server/src/boot.ts'], outfile: join(folder, 'boot.js') });
    const names = scripts.map((file) => file.slice(folder.length + 1)).sort();
    for (const name of ['server.js', ...engineNames.map((engine) => `server-${engine}.js`)]) assert.ok(names.includes(name), name);

    // Start-up (server.js and what it requires) holds no engine, and none of the engines' rule texts.
    const startUp = closure(folder, 'server.js');
    for (const engine of lazyScriptNames) assert.ok(!startUp.has(`server-${engine}.js`), `server.js requires server-${engine}.js at start`);
    // Nor any parser or the workspace index: by the sources esbuild put into each start-up script.
    const outputs = scripts.metafile.outputs as Record<string, { inputs: Record<string, unknown> }>;
    const startUpSources = Object.entries(outputs)
      .filter(([file]) => startUp.has(file.slice(file.lastIndexOf('/') + 1)))
      .flatMap(([, output]) => Object.keys(output.inputs));
    assert.ok(startUpSources.some((source) => source.endsWith('server/src/lsp/server.ts')), 'the metafile names the start-up scripts\' sources');
    const heavy = /node_modules\/(yaml|dockerfile-ast)\/|server\/src\/(kubernetes|dockerfile|compose)\/|server\/src\/imageGraphFeed\.ts$|server\/src\/common\/(imageGraph|imageEvidence|yaml\w*)\.ts$/;
    assert.deepEqual(startUpSources.filter((source) => heavy.test(source)), [], 'parsers or the workspace index are in the scripts loaded at start');
    const startUpText = [...startUp].map((name) => readFileSync(join(folder, name), 'utf8')).join('\n');
    for (const [engine, registry] of Object.entries({ dockerfile: dockerfileRules, kubernetes: kubernetesRules, compose: composeRules })) {
      const loadedAtStart = registry.rules.map((rule) => rule.meta.id).filter((id) => startUpText.includes(`"${id}"`));
      assert.deepEqual(loadedAtStart, [], `the ${engine} rules are in the scripts loaded at start`);
    }
    // The engines are still named there (services.ts requires them on first use).
    for (const engine of lazyScriptNames) assert.ok(startUpText.includes(`"./server-${engine}.js"`), `server-${engine}.js is not named by the start-up scripts`);
    // Every script a script requires was built.
    for (const name of names) for (const required of closure(folder, name)) assert.ok(existsSync(join(folder, required)), `${name} requires a missing ${required}`);

    // The built server answers initialize with the capabilities of every language, then checks a Dockerfile.
    const output = await talkTo(join(folder, 'boot.js'), [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } },
      { jsonrpc: '2.0', method: 'initialized', params: {} },
      { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///tmp/Dockerfile', languageId: 'dockerfile', version: 1, text: 'FROM ubuntu\nRUN apt-get install curl\n' } } },
    ], /"code":"apt-get-/, join(folder, 'cache'));
    const messages = output.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).flatMap((text) => {
      try {
        return [JSON.parse(text) as { id?: number; result?: { capabilities: Record<string, unknown> } }];
      } catch {
        return []; // the last message, when the server was stopped while writing it
      }
    });
    const capabilities = messages.find((message) => message.id === 1)!.result!.capabilities;
    for (const provider of ['hoverProvider', 'completionProvider', 'signatureHelpProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'renameProvider', 'semanticTokensProvider', 'documentFormattingProvider', 'documentOnTypeFormattingProvider']) {
      assert.ok(provider in capabilities, provider);
    }
    assert.match(output, /"code":"apt-get-/, 'the Dockerfile engine, loaded on first use, checked the Dockerfile');

    // Built-ins the protocol libraries require but a stdio server does not use before `initialize` is
    // answered (server-bundles.mjs lazyBuiltins; boot.ts names its cache without node:crypto), nor
    // worker_threads (the index worker's client requires it when a worker starts) and node:module
    // (boot.ts wraps and requires the scripts itself): not loaded by then.
    const preload = join(folder, 'modules-at-initialize.js');
    writeFileSync(preload, `
      const write = process.stdout.write.bind(process.stdout);
      let reported = false;
      process.stdout.write = (chunk, ...rest) => {
        if (!reported && String(chunk).includes('"id":1')) {
          reported = true;
          process.stderr.write('MODULES ' + JSON.stringify(process.moduleLoadList.filter((m) => m.startsWith('NativeModule '))) + '\\n');
        }
        return write(chunk, ...rest);
      };`);
    let stderr = '';
    await talkTo(join(folder, 'boot.js'), [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } },
    ], /"id":1/, join(folder, 'cache'), ['--require', preload], (text) => { stderr += text; });
    const modules = JSON.parse(/MODULES (.*)/.exec(stderr)?.[1] ?? 'null') as string[] | null;
    assert.ok(modules?.includes('NativeModule net'), `the preload reported the modules loaded at the initialize reply: ${stderr}`);
    for (const name of ['crypto', 'child_process', 'worker_threads', 'module']) assert.ok(!modules!.includes(`NativeModule ${name}`), `node:${name} is loaded before the initialize reply`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** Sends LSP messages to a server over stdio and resolves with all it wrote once `until` matches (or after 20 s) */
function talkTo(script: string, messages: unknown[], until: RegExp, cacheHome: string, nodeArgs: string[] = [], onStderr?: (text: string) => void): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    if (onStderr) child.stderr.on('data', (chunk: Buffer) => onStderr(chunk.toString()));
    let out = '';
    const timer = setTimeout(() => child.kill(), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (until.test(out)) child.kill();
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolvePromise(out);
    });
    child.on('error', reject);
    for (const message of messages) {
      const text = JSON.stringify(message);
      child.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
    }
  });
}

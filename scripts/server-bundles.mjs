// The language server's scripts (scripts/build.mjs; test/unit/build/serverScripts.test.ts builds
// them into a temporary folder the same way).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { commonOptions } from './bundle-options.mjs';

/** The engines services.ts requires on first use, each a bundle of its own: `server-<name>.js`. */
export const engineNames = ['dockerfile', 'kubernetes', 'compose'];

/**
 * What else services.ts requires on first use, a script each the same way: the workspace index with
 * the image graph and their parsers, and the YAML parser of the config loaders. None is needed
 * before the `initialize` reply.
 */
export const helperNames = ['workspace', 'yaml'];

/** Every script services.ts loads on first use (server/src/engines/<name>.ts → `server-<name>.js`). */
export const lazyScriptNames = [...engineNames, ...helperNames];

/** The server's scripts in a build folder: server.js, server-<engine>.js, server-chunk-<hash>.js (and maps). */
export const serverScript = /^server(-[\w-]+)?\.js(\.map)?$/;

/** services.ts' (and yamlOnDemand.ts') `require('./engines/<name>')` becomes a require of the engine's own script. */
const lazyEngines = {
  name: 'lazy-engines',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/engines\/[a-z]+$/ }, (args) => {
      const name = args.path.slice('./engines/'.length);
      if (!/[\\/]server[\\/]src[\\/](services|yamlOnDemand)\.ts$/.test(args.importer) || !lazyScriptNames.includes(name)) return undefined;
      return { path: `./server-${name}.js`, external: true };
    });
  },
};

/**
 * Node built-ins the protocol libraries require at their top level but use only on paths a stdio
 * server never takes (or takes after `initialize`): vscode-jsonrpc's `crypto` (random pipe names,
 * request ids of its cancellation files), vscode-languageserver's `child_process` (resolving global
 * npm and yarn folders). Loading them cost ~20 ms of the ~150 ms CPU between spawn and the
 * `initialize` reply (docs/performance.md). Each such `require` becomes an object that requires the
 * module on its first property read; `lazyBuiltins` lists the files and modules, so an update of
 * the libraries that changes those lines fails the build instead of silently loading them again.
 */
export const lazyBuiltins = {
  'vscode-jsonrpc/lib/node/ril.js': ['crypto'],
  'vscode-jsonrpc/lib/node/main.js': ['crypto'],
  'vscode-languageserver/lib/node/files.js': ['child_process'],
};

const lazyBuiltinRequires = {
  name: 'lazy-builtin-requires',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]lib[\\/]node[\\/]\w+\.js$/ }, (args) => {
      const file = args.path.split(/[\\/]node_modules[\\/]/).pop().split('\\').join('/');
      const modules = lazyBuiltins[file];
      if (!modules) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      for (const name of modules) {
        const direct = `require("${name}")`;
        if (!contents.includes(direct)) throw new Error(`server-bundles: ${file} no longer requires "${name}" as ${direct}: update lazyBuiltins`);
        contents = contents.split(direct).join(`new Proxy({}, { get: (_target, key) => require("${name}")[key] })`);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Builds the language server as several scripts into `outdir`, so that start-up reads, compiles and
 * runs only what it needs: `server.js` (the protocol, the settings and config loaders without
 * their YAML parser, the workspace indexer's walk without the index), one bundle per language
 * engine (`server-dockerfile.js`, `server-kubernetes.js`, `server-compose.js`: services.ts requires
 * one when a document of its language first needs it), `server-workspace.js` (the workspace index, the image graph and their
 * parsers, first needed after `initialize`), `server-yaml.js` (the config loaders' YAML parser)
 * and the chunks they share (`server-chunk-<hash>.js`; each module is in exactly one script, so
 * every module has one instance). esbuild splits code only for ES modules: the scripts are built as
 * ES modules, then each is turned into CommonJS on its own (the imports between them become
 * `require`s of each other), which boot.ts loads with V8's code cache. Answers the scripts' paths,
 * with esbuild's metafile of the split build (which sources each script holds, by the same file name).
 */
export async function buildServerScripts({ outdir, production, absWorkingDir = process.cwd() }) {
  const common = commonOptions(production);
  // Chunks are named by their hash: drop an earlier build's, so nothing stale ships.
  for (const entry of readdirSync(outdir, { withFileTypes: true })) {
    if (entry.isFile() && serverScript.test(entry.name)) rmSync(join(outdir, entry.name));
  }
  const result = await build({
    ...common,
    absWorkingDir,
    plugins: [...common.plugins, lazyEngines, lazyBuiltinRequires],
    format: 'esm',
    splitting: true,
    outdir,
    entryPoints: {
      server: 'server/src/lsp/server.ts',
      ...Object.fromEntries(lazyScriptNames.map((name) => [`server-${name}`, `server/src/engines/${name}.ts`])),
      // The workspace walk's worker thread (workspaceIndexer.ts starts it for a big workspace).
      'server-index-worker': 'server/src/lsp/indexWorker.ts',
    },
    entryNames: '[name]',
    chunkNames: 'server-chunk-[hash]',
    metafile: true,
  });
  const scripts = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).map((file) => join(absWorkingDir, file));
  await Promise.all(scripts.map((file) => build({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    bundle: false,
    format: 'cjs',
    platform: common.platform,
    target: common.target,
    minify: production,
    sourcemap: common.sourcemap,
    legalComments: common.legalComments,
    logLevel: common.logLevel,
  })));
  return Object.assign(scripts, { metafile: result.metafile });
}

// The language server's scripts (scripts/build.mjs; test/unit/build/serverScripts.test.ts builds
// them into a temporary folder the same way).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The protocol libraries' re-exports of each other (TypeScript's `export * from`: `__exportStar`)
 * define every export again as a getter reading the module below: `vscode-languageserver/node`
 * re-exports `vscode-languageserver-protocol/node`, which re-exports its common API and
 * `vscode-jsonrpc/node`, each level ~100–300 names, so start-up defined ~1,000 getters (a closure
 * each) and every read of an export went through up to three of them (docs/performance.md,
 * "Start-up, night round"). In these files an export that is a plain value is copied as a value
 * instead; an export that is itself a getter is re-exported as before. Equivalent here because the
 * libraries' modules do not require each other in a cycle and assign their exports only while they
 * load (test/unit/build/startupLaziness.test.ts checks both against the installed libraries), so
 * a value read at re-export time is the value for good. The build fails if a listed file no longer
 * has the helper line.
 */
export const valueReExportFiles = [
  'vscode-jsonrpc/lib/node/main.js',
  'vscode-languageserver-protocol/lib/common/api.js',
  'vscode-languageserver-protocol/lib/node/main.js',
  'vscode-languageserver/lib/common/api.js',
  'vscode-languageserver/lib/node/main.js',
];

/** TypeScript's `__exportStar` loop, and what replaces it (see valueReExportFiles). */
const exportStarLoop = 'for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);';
const valueExportStarLoop = 'for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) { var d = Object.getOwnPropertyDescriptor(m, p); if (d && "value" in d) exports[p] = d.value; else __createBinding(exports, m, p); }';

/** The library file a path names (`vscode-jsonrpc/lib/node/main.js`), with `/` separators. */
function libraryFile(path) {
  return path.split(/[\\/]node_modules[\\/]/).pop().split('\\').join('/');
}

/** Applies lazyBuiltins and valueReExportFiles to the protocol libraries' files as esbuild loads them. */
export const protocolLibraryPatches = {
  name: 'protocol-library-patches',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver|languageserver-protocol)[\\/]lib[\\/](node|common)[\\/]\w+\.js$/ }, (args) => {
      const file = libraryFile(args.path);
      const modules = lazyBuiltins[file] ?? [];
      const valueReExports = valueReExportFiles.includes(file);
      if (modules.length === 0 && !valueReExports) return undefined;
      let contents = readFileSync(args.path, 'utf8');
      for (const name of modules) {
        const direct = `require("${name}")`;
        if (!contents.includes(direct)) throw new Error(`server-bundles: ${file} no longer requires "${name}" as ${direct}: update lazyBuiltins`);
        contents = contents.split(direct).join(`new Proxy({}, { get: (_target, key) => require("${name}")[key] })`);
      }
      if (valueReExports) {
        if (contents.split(exportStarLoop).length !== 2) throw new Error(`server-bundles: ${file} no longer has TypeScript's __exportStar loop once: update valueReExportFiles`);
        contents = contents.replace(exportStarLoop, valueExportStarLoop);
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * esbuild's helper for an ES import of a CommonJS module, minified or not (esbuild 0.2x):
 * `__toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {},
 * __copyProps(isNodeMode || !mod || !mod.__esModule ? …`. Groups: the head up to `=>`, then the
 * names of `mod` and `isNodeMode`.
 */
const toEsmHelper = /(\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*\)\s*=>\s*)(\(\s*\4\s*=\s*\2\s*!=\s*null\s*\?\s*\w+\(\s*\w+\(\s*\2\s*\)\s*\)\s*:\s*\{\s*\}\s*,\s*\w+\(\s*(?:\/\/[^\n]*\n\s*)*\3\s*\|\|\s*!\2\s*\|\|\s*!\2\.__esModule\s*\?)/g;

/**
 * An ES import of a CommonJS module goes through esbuild's `__toESM`, which copies every export of
 * the module onto a new object as a getter (for `import x from` of a module without `__esModule`,
 * it adds `default`). For a module that sets `__esModule` (TypeScript's output: the protocol
 * libraries) that copy is the module itself with one more getter per read: `vscode-languageserver/node`
 * has 320 exports and `vscode-languageserver-types` 85, and each script importing them made its own
 * copy at start-up (~800 property definitions; docs/performance.md, "Start-up, night round"). Such a
 * module is now used as it is; every other case keeps esbuild's copy. Answers the text and how many
 * helpers it patched; buildServerScripts fails unless exactly one script held the helper in the
 * expected form, rather than silently keeping the copies.
 */
export function esModuleInterop(text) {
  let found = 0;
  const patched = text.replace(toEsmHelper, (_match, head, mod, isNodeMode, _target, body) => {
    found++;
    return `${head}!${isNodeMode} && ${mod} != null && ${mod}.__esModule ? ${mod} : ${body}`;
  });
  return { text: patched, found };
}

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
    plugins: [...common.plugins, lazyEngines, protocolLibraryPatches],
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
  let helpers = 0;
  for (const file of scripts) {
    const { text, found } = esModuleInterop(readFileSync(file, 'utf8'));
    helpers += found;
    if (found > 0) writeFileSync(file, text);
  }
  if (helpers !== 1) throw new Error(`server-bundles: esbuild's __toESM helper found ${helpers} times, not once: update esModuleInterop`);
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

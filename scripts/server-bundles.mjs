// The language server's scripts (scripts/build.mjs; test/unit/build/serverScripts.test.ts builds
// them into a temporary folder the same way).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { commonOptions } from './bundle-options.mjs';

/** The engines services.ts requires on first use, each a bundle of its own: `server-<name>.js`. */
export const engineNames = ['dockerfile', 'kubernetes', 'compose'];

/** The server's scripts in a build folder: server.js, server-<engine>.js, server-chunk-<hash>.js (and maps). */
export const serverScript = /^server(-[\w-]+)?\.js(\.map)?$/;

/** services.ts' `require('./engines/<name>')` becomes a require of the engine's own script. */
const lazyEngines = {
  name: 'lazy-engines',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/engines\/[a-z]+$/ }, (args) => {
      const name = args.path.slice('./engines/'.length);
      if (!/[\\/]server[\\/]src[\\/]services\.ts$/.test(args.importer) || !engineNames.includes(name)) return undefined;
      return { path: `./server-${name}.js`, external: true };
    });
  },
};

/**
 * Builds the language server as several scripts into `outdir`, so that start-up reads, compiles and
 * runs only what it needs: `server.js` (the protocol, settings and config loaders, the workspace
 * index), one bundle per language engine (`server-dockerfile.js`, `server-kubernetes.js`,
 * `server-compose.js`: services.ts requires one when a document of its language first needs it)
 * and the chunks they share (`server-chunk-<hash>.js`; each module is in exactly one script, so
 * every module has one instance). esbuild splits code only for ES modules: the scripts are built as
 * ES modules, then each is turned into CommonJS on its own (the imports between them become
 * `require`s of each other), which boot.ts loads with V8's code cache. Answers the scripts' paths.
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
    plugins: [...common.plugins, lazyEngines],
    format: 'esm',
    splitting: true,
    outdir,
    entryPoints: {
      server: 'server/src/lsp/server.ts',
      ...Object.fromEntries(engineNames.map((name) => [`server-${name}`, `server/src/engines/${name}.ts`])),
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
  return scripts;
}

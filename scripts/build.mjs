// Bundles the client and the server with esbuild. `--production` minifies and drops source maps
// (that is what the .vsix ships); the default build keeps source maps for debugging.
import { build } from 'esbuild';

const production = process.argv.includes('--production');

/**
 * Large JSON data (the Kubernetes schema) is bundled as a string and parsed with JSON.parse on
 * first use: V8 skims a string literal at start-up far faster than the same data as object-literal
 * code, and JSON.parse is the fastest way to build it later.
 */
const jsonAsText = {
  name: 'json-as-text',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /k8s-[\d.]+\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      return { contents: `module.exports = ${JSON.stringify(JSON.stringify(JSON.parse(text)))};`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  plugins: [jsonAsText],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // Loads dist/server.js with a V8 code cache: what the editor and `stevedore-language-server` start.
  build({ ...common, entryPoints: ['server/src/boot.ts'], outfile: 'dist/boot.js' }),
]);
console.log(`build: dist/client.js, dist/boot.js + dist/server.js and dist/cli.js (${production ? 'production' : 'development'})`);

// esbuild options shared by every bundle: scripts/build.mjs (what ships) and the bench's
// in-process engine (so its figures match what users run).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Large JSON data (the Kubernetes schema) is bundled as a string and parsed with JSON.parse on
 * first use: V8 skims a string literal at start-up far faster than the same data as object-literal
 * code, and JSON.parse is the fastest way to build it later.
 */
export const jsonAsText = {
  name: 'json-as-text',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /(k8s-[\d.]+|openshift|catalog[\\/][\w.-]+)\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      return { contents: `module.exports = ${JSON.stringify(JSON.stringify(JSON.parse(text)))};`, loader: 'js' };
    });
  },
};

/**
 * vscode-languageserver-types ships CommonJS and ESM builds, and esbuild would pick the ESM one.
 * Its main users here (dockerfile-ast, vscode-languageserver) are CommonJS, and requiring an ESM
 * module through esbuild's interop turns every `types.Range` read into a getter call: about a
 * tenth of a Dockerfile parse. The CommonJS build avoids that.
 */
export const alias = {
  'vscode-languageserver-types': require.resolve('vscode-languageserver-types') /* the require condition: lib/umd/main.js */,
};

/** Options every bundle shares; `production` minifies and drops source maps. */
export function commonOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    plugins: [jsonAsText],
    alias,
  };
}

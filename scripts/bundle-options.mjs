// esbuild options shared by every bundle: scripts/build.mjs (what ships) and the bench's
// in-process engine (so its figures match what users run).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataFileRead, escapedJson, pathUnderSources, writeDataFile } from './bundle-data.mjs';
import { localizedText } from './localized-text.mjs';

const require = createRequire(import.meta.url);

/**
 * The large data files (the Kubernetes and OpenShift schemas, the CRD catalog, the Chinese field docs,
 * the Compose schema) stay out of the bundles: each is written, minified, to `data/<path under
 * server/src>` beside the bundle, and its `require` becomes a read of that file, which the loaders
 * JSON.parse on first use.
 * Carried inside the bundle as string literals they made dist/server.js 3.5 MB: V8 keeps a script's
 * whole source in memory (for lazy compilation) and start-up read, hashed and checked all of it,
 * while a Dockerfile-only session never needs any of the data. Tests load the .json directly.
 */
export const dataFilePattern = /[\\/]server[\\/]src[\\/](kubernetes[\\/]schema[\\/](k8s-[\d.]+|openshift|field-docs-zh|catalog[\\/][\w.-]+)|compose[\\/]schema[\\/]compose-schema)\.json$/;

/** Where a data file goes under the bundle's `data/` folder, with `/` separators. */
export function dataFileName(sourcePath) {
  return pathUnderSources(sourcePath);
}

/** Minified JSON with every character above U+007F escaped (bundle-data.mjs `escapedJson`). */
export function asciiJson(text) {
  return escapedJson(JSON.stringify(JSON.parse(text)));
}

export const dataFiles = {
  name: 'data-files',
  setup(pluginBuild) {
    const { outfile, outdir } = pluginBuild.initialOptions;
    const dataDir = join(outdir ?? dirname(outfile), 'data');
    const used = new Map();
    pluginBuild.onLoad({ filter: dataFilePattern }, (args) => {
      const name = dataFileName(args.path);
      used.set(name, args.path);
      // A getter, not a value: each `require` reads the file again, so the text is not kept alive by
      // the module cache after the loader has parsed it (they keep what they parsed).
      const read = dataFileRead(name.split('/').map((segment) => JSON.stringify(segment)));
      return { contents: `Object.defineProperty(module, "exports", { get: () => ${read} });`, loader: 'js' };
    });
    pluginBuild.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      for (const [name, sourcePath] of used) {
        await writeDataFile(join(dataDir, ...name.split('/')), asciiJson(await readFile(sourcePath, 'utf8')));
      }
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
    plugins: [dataFiles, localizedText],
    alias,
  };
}

/**
 * Where a bundle holds characters above U+00FF, with some context; empty when it holds none.
 * V8 keeps a script's source as one byte per character only when every character fits in Latin-1;
 * a single Chinese character left unescaped (esbuild escapes strings, not regex literals or
 * String.raw templates) makes it keep the whole bundle as UTF-16: twice the memory, and a slower
 * read at every start.
 */
export function wideCharacters(text, limit = 5) {
  const found = [];
  for (const match of text.matchAll(/[^\u0000-\u00ff]+/g)) {
    found.push(text.slice(Math.max(0, match.index - 50), match.index + match[0].length + 20).replace(/\s+/g, ' '));
    if (found.length >= limit) break;
  }
  return found;
}


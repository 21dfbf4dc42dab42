// Bundles the client and the server with esbuild. `--production` minifies and drops source maps
// (that is what the .vsix ships); the default build keeps source maps for debugging.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { commonOptions, wideCharacters } from './bundle-options.mjs';
import { buildServerScripts } from './server-bundles.mjs';

// The rule registries are generated from the rule modules; refresh them so a new rule ships.
execFileSync(process.execPath, [fileURLToPath(new URL('./gen-rule-index.mjs', import.meta.url))], { stdio: 'inherit' });

const production = process.argv.includes('--production');

const common = commonOptions(production);
mkdirSync('dist', { recursive: true });

const [, serverScripts] = await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  // The language server: several scripts, each language's engine loaded on first use (server-bundles.mjs).
  buildServerScripts({ outdir: 'dist', production }),
  // `stevedore lint`: the bundle, and dist/cli.js, the launcher that loads it with a V8 code cache
  // in the main thread and in each worker thread (cli/launch.ts; the bundle's name is written there).
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' }),
  build({ ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js' }),
  // Loads the server's scripts with a V8 code cache: what the editor and `stevedore-language-server` start.
  build({ ...common, entryPoints: ['server/src/boot.ts'], outfile: 'dist/boot.js' }),
]);
// The server's source stays in memory while it runs: keep what ships one byte per character (see
// wideCharacters). Development builds keep comments, which may be in any language.
for (const bundle of production ? [...serverScripts, 'dist/cli-main.js', 'dist/cli.js'] : []) {
  const wide = wideCharacters(readFileSync(bundle, 'utf8'));
  if (wide.length > 0) {
    console.error(`build: ${bundle} holds characters above U+00FF, so V8 would keep its whole source as UTF-16 (twice the memory).\n` +
      'Write such patterns as ordinary strings (new RegExp(\'[。]\')), not as regex literals or String.raw: esbuild escapes only strings.\n' +
      wide.map((context) => `  …${context}…`).join('\n'));
    process.exit(1);
  }
}
console.log(`build: dist/client.js, dist/boot.js + ${serverScripts.length} server scripts (dist/server*.js) and dist/cli.js + cli-main.js (${production ? 'production' : 'development'})`);

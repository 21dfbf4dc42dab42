// Bundles the client and the server with esbuild. `--production` minifies and drops source maps
// (that is what the .vsix ships); the default build keeps source maps for debugging.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { commonOptions } from './bundle-options.mjs';

// The rule registries are generated from the rule modules; refresh them so a new rule ships.
execFileSync(process.execPath, [fileURLToPath(new URL('./gen-rule-index.mjs', import.meta.url))], { stdio: 'inherit' });

const production = process.argv.includes('--production');

const common = commonOptions(production);

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // Loads dist/server.js with a V8 code cache: what the editor and `stevedore-language-server` start.
  build({ ...common, entryPoints: ['server/src/boot.ts'], outfile: 'dist/boot.js' }),
]);
console.log(`build: dist/client.js, dist/boot.js + dist/server.js and dist/cli.js (${production ? 'production' : 'development'})`);

// `npm run package`: production build, then `vsce package` into stevedore-<version>.vsix with only
// what runs (see .vscodeignore), and prints its size and contents.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `${name}-${version}.vsix`;
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
// Dependencies are bundled by esbuild, so vsce must not collect node_modules.
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--skip-license', '--out', out], { stdio: 'inherit' });
const listing = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { encoding: 'utf8' });
console.log(listing.trim().split('\n').map((l) => `  ${l}`).join('\n'));
console.log(`package: ${out} ${(statSync(out).size / 1024).toFixed(0)} KiB`);

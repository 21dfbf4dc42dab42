/**
 * The packages ship every script of the language server (dist/server*.js) and the data files the bundles read (dist/data, with the
 * localized strings in dist/data/text): the .vsix as `vsce` lists it from
 * .vscodeignore, and the npm package (the CLI and the stdio server) as `npm pack` lists it from
 * .npmignore. Needs a build (dist/data); about half a minute, most of it vsce walking the tree.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listFiles, PackageManager } from '@vscode/vsce';
import { repoRoot, sourceDataFiles } from './dataFileList';

const skip = existsSync(join(repoRoot, 'dist', 'data')) ? false : 'dist/data is not built (node scripts/build.mjs)';
/** The schemas and catalog, and the localized strings the build took out of the scripts (dist/data/text, scripts/localized-text.mjs). */
const expected = (): string[] => {
  const text = readdirSync(join(repoRoot, 'dist', 'data', 'text'), { recursive: true }).map(String).map((name) => name.split('\\').join('/')).filter((name) => name.endsWith('.json'));
  assert.ok(text.some((name) => name.startsWith('dockerfile/')) && text.some((name) => name.startsWith('kubernetes/')) && text.some((name) => name.startsWith('compose/')), text.join(', '));
  return [...[...sourceDataFiles().keys()].map((name) => `dist/data/${name}`), ...text.map((name) => `dist/data/text/${name}`)].sort();
};
/** The language server's scripts as built (server.js, its chunks and one per engine: scripts/server-bundles.mjs). */
const serverScripts = (): string[] => readdirSync(join(repoRoot, 'dist')).filter((name) => /^server(-[\w-]+)?\.js$/.test(name)).map((name) => `dist/${name}`);

test('the .vsix holds every data file next to the bundles', { skip }, async () => {
  const files = (await listFiles({ cwd: repoRoot, packageManager: PackageManager.None })).map((file) => file.split('\\').join('/'));
  assert.deepEqual(files.filter((file) => file.startsWith('dist/data/')).sort(), expected());
  for (const bundle of ['dist/boot.js', 'dist/server.js', 'dist/client.js', ...serverScripts()]) assert.ok(files.includes(bundle), bundle);
});

test('the npm package holds every data file next to the bundles', { skip }, () => {
  // --ignore-scripts: prepack would rebuild dist/ in the middle of whatever else uses it.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
  const files = pack!.files.map((file) => file.path);
  assert.deepEqual(files.filter((file) => file.startsWith('dist/data/')).sort(), expected());
  for (const bundle of ['dist/boot.js', 'dist/server.js', 'dist/cli.js', 'dist/cli-main.js', ...serverScripts()]) assert.ok(files.includes(bundle), bundle);
});

// `npm run package`: production build, then `vsce package` into stevedore-<version>.vsix with only
// what runs (see .vscodeignore), and prints its size and contents.
//
// The README in the package is a copy with the screenshots inline (data: URIs). VS Code's extension
// page loads README images only from https: and data: sources (its Content-Security-Policy), so a
// relative image is blank offline, and vsce would otherwise rewrite it to a repository address;
// package.json names no repository, because there is none to point to. Other relative links stay
// as they are (--no-rewrite-relative-links); the rule pages they name ship in the package and open
// with "Stevedore: Explain Rule".
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = `${name}-${version}.vsix`;
execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });

/** `![alt](docs/images/x.png)` → `![alt](data:image/png;base64,…)`; a missing image fails the packaging. */
export function inlineImages(markdown, read = (path) => readFileSync(path)) {
  return markdown.replace(/(!\[[^\]]*\]\()(docs\/images\/[\w.-]+\.png)(\))/g, (_, open, path, close) => `${open}data:image/png;base64,${read(path).toString('base64')}${close}`);
}

const packagedReadme = 'dist/README.md';
mkdirSync('dist', { recursive: true });
writeFileSync(packagedReadme, inlineImages(readFileSync('README.md', 'utf8')));

// Dependencies are bundled by esbuild, so vsce must not collect node_modules.
const listOptions = ['--no-dependencies', '--readme-path', packagedReadme];
execFileSync('npx', ['vsce', 'package', ...listOptions, '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license', '--out', out], { stdio: 'inherit' });
const listing = execFileSync('npx', ['vsce', 'ls', ...listOptions], { encoding: 'utf8' });
const files = listing.trim().split('\n');
const rulePages = files.filter((file) => file.startsWith('docs/rules/')).length;
const shown = (file) => (file === packagedReadme ? `${file} (packaged as readme.md)` : file);
console.log(files.filter((file) => !file.startsWith('docs/rules/')).map((file) => `  ${shown(file)}`).join('\n'));
console.log(`  docs/rules/… (${rulePages} files: the rule pages in English and Chinese, and rules.json)`);
console.log(`package: ${out} ${(statSync(out).size / 1024).toFixed(0)} KiB`);

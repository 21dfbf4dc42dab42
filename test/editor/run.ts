/**
 * Runs the editor tests inside a REAL VS Code extension host.
 *
 * Editor: code-server 4.100.3 (= VS Code 1.100.3) driven by headless Chromium, through the shim
 * host/codeServerHost.ts that stands in for the VS Code executable. `STEVEDORE_EDITOR=desktop`
 * runs the same suite on a downloaded desktop VS Code 1.100.3 instead (needs Microsoft's servers,
 * and a display: use `xvfb-run -a` on a headless Linux machine).
 *
 * Passes: the `passes` table below. Each pass starts a fresh editor with its own scratch
 * workspace (a copy of fixtures/workspace), user-data dir and extensions dir, and runs its own
 * test files:
 *   - `en`:    every suite/**\/*.test.ts outside a locale folder (add a file there and it runs);
 *   - `zh-cn`: suite/zh-cn/**\/*.test.ts, with VS Code's display language set to zh-cn
 *              (`--locale zh-cn` plus a test-only language pack, see host/languagePack.ts).
 * A pass's `settings` are written to `<user-data-dir>/User/settings.json` on top of `baseSettings`
 * (host/profile.ts).
 * Writing a test: suite/<topic>.test.ts, mocha TDD (`suite`/`test`), helpers in suite/util.ts,
 * workspace files in fixtures/workspace/. All files of a pass share one editor and run in file-name
 * order, so leave the editor as you found it (revert edits, reset settings you changed).
 * `STEVEDORE_EDITOR_PASSES=en,zh-cn` picks passes; `STEVEDORE_EDITOR_TIMEOUT_S` bounds each pass
 * (default 600 s). Nothing is retried. Exit code: 0 only when every pass ran and passed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { repoRoot } from './host/codeServer';
import { buildLanguagePack, registerLanguagePack } from './host/languagePack';
import { createProfile, type Profile } from './host/profile';

interface Pass {
  name: string;
  /** VS Code display language; `undefined` keeps the editor's default (English). */
  locale?: string;
  /** Which files under suite/ (relative, with `/`) belong to this pass. */
  selects(file: string): boolean;
  settings: Record<string, unknown>;
}

const localeFolders = ['zh-cn/'];

const passes: Pass[] = [
  { name: 'en', selects: (f) => !localeFolders.some((dir) => f.startsWith(dir)), settings: {} },
  { name: 'zh-cn', locale: 'zh-cn', selects: (f) => f.startsWith('zh-cn/'), settings: { 'stevedore.docs.language': 'auto' } },
];

const VSCODE_VERSION = '1.100.3';
const editor = process.env.STEVEDORE_EDITOR === 'desktop' ? 'desktop' : 'code-server';
const suiteDir = join(repoRoot, 'test', 'editor', 'suite');
// Bundles go under the repo (so `require('mocha')` finds its node_modules), in a folder of this
// run's own, so two runs at once never delete each other's files.
const outParent = join(repoRoot, '.vscode-test', 'out');
let outRoot = '';

function suiteFiles(dir = suiteDir): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...suiteFiles(full));
    else if (entry.endsWith('.test.ts')) found.push(relative(suiteDir, full).split('\\').join('/'));
  }
  return found;
}

/** Bundles index.ts and the pass's test files into .vscode-test/out/suite-<pass>/. */
async function bundlePass(pass: Pass): Promise<string> {
  const files = suiteFiles().filter((f) => pass.selects(f));
  if (files.length === 0) throw new Error(`pass ${pass.name}: no test files selected`);
  const outdir = join(outRoot, `suite-${pass.name}`);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(suiteDir, 'index.ts'), ...files.map((f) => join(suiteDir, f))],
    outbase: suiteDir,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outdir, 'index.js');
}

/** The shim that runTests spawns instead of VS Code: bundled so it starts without tsx. */
async function bundleCodeServerHost(): Promise<string> {
  const outfile = join(outRoot, 'code-server-host.js');
  await build({
    entryPoints: [join(repoRoot, 'test', 'editor', 'host', 'codeServerHost.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['playwright-core'],
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  chmodSync(outfile, 0o755);
  return outfile;
}

/** Installs a .vsix into the pass's profile with the editor's own CLI. */
function installExtension(executable: string, vsix: string, profile: Profile): void {
  const [cli, ...cliArgs] = editor === 'desktop' ? resolveCliArgsFromVSCodeExecutablePath(executable, { reuseMachineInstall: true }) : [executable];
  const result = spawnSync(cli, [...cliArgs, '--install-extension', vsix, `--user-data-dir=${profile.userDataDir}`, `--extensions-dir=${profile.extensionsDir}`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

async function runPass(pass: Pass, executable: string): Promise<boolean> {
  const started = Date.now();
  console.log(`\n--- editor pass "${pass.name}" (${editor}${pass.locale ? `, display language ${pass.locale}` : ''}) ---`);
  const extensionTestsPath = await bundlePass(pass);
  const profile = createProfile(pass.name, pass.settings);
  let ok = false;
  try {
    if (pass.locale && !pass.locale.startsWith('en')) {
      installExtension(executable, await buildLanguagePack(pass.locale, outRoot), profile);
      registerLanguagePack(pass.locale, profile.userDataDir, profile.extensionsDir);
    }
    const exitCode = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [
        profile.workspace,
        `--user-data-dir=${profile.userDataDir}`,
        `--extensions-dir=${profile.extensionsDir}`,
        ...(pass.locale ? [`--locale=${pass.locale}`] : []),
      ],
    });
    ok = exitCode === 0;
  } catch (error) {
    console.error(`editor pass "${pass.name}" failed: ${(error as Error).message}`);
  } finally {
    // Keep the profile of a failed pass for a post-mortem; a passing one is thrown away.
    if (ok) rmSync(profile.root, { recursive: true, force: true });
    else console.error(`editor pass "${pass.name}": workspace and profile kept in ${profile.root}`);
  }
  console.log(`--- editor pass "${pass.name}" ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ---`);
  return ok;
}

async function main(): Promise<number> {
  const wanted = process.env.STEVEDORE_EDITOR_PASSES?.split(',').map((s) => s.trim()).filter(Boolean);
  const selected = wanted ? passes.filter((p) => wanted.includes(p.name)) : passes;
  if (selected.length === 0) throw new Error(`STEVEDORE_EDITOR_PASSES=${process.env.STEVEDORE_EDITOR_PASSES} names no pass (${passes.map((p) => p.name).join(', ')})`);
  // The extension under test is the repo itself; its dist/ must match the sources.
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  mkdirSync(outParent, { recursive: true });
  outRoot = mkdtempSync(join(outParent, 'run-'));
  const executable = editor === 'desktop' ? await downloadAndUnzipVSCode(VSCODE_VERSION) : await bundleCodeServerHost();
  const results: [string, boolean][] = [];
  for (const pass of selected) results.push([pass.name, await runPass(pass, executable)]);
  const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
  console.log(`\neditor passes: ${results.map(([name, ok]) => `${name} ${ok ? 'ok' : 'FAILED'}`).join(', ')}`);
  // Bundled tests of a failed run stay for their source maps and stack traces.
  if (failed.length === 0) rmSync(outRoot, { recursive: true, force: true });
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (outRoot) rmSync(outRoot, { recursive: true, force: true });
    console.error(`editor tests could not run: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);

/**
 * Runs the editor tests inside a REAL VS Code extension host.
 *
 * Editor: code-server 4.100.3 (= VS Code 1.100.3) driven by headless Chromium, through the shim
 * host/codeServerHost.ts that stands in for the VS Code executable. `STEVEDORE_EDITOR=desktop`
 * runs the same suite on a downloaded desktop VS Code 1.100.3 instead (needs Microsoft's servers,
 * and a display: use `xvfb-run -a` on a headless Linux machine).
 *
 * Passes: the `passes` table below. Each pass starts a fresh editor with its own scratch
 * workspace (a copy of fixtures/workspace, or of the pass's own fixture folder), user-data dir and
 * extensions dir, and runs its own test files:
 *   - `en`:    every suite/**\/*.test.ts outside a pass folder (add a file there and it runs);
 *   - `zh-cn`: suite/zh-cn/**\/*.test.ts, with VS Code's display language set to zh-cn
 *              (`--locale zh-cn` plus a test-only language pack, see host/languagePack.ts);
 *   - `multi-root`: suite/multi-root/**\/*.test.ts in a two-folder workspace
 *              (fixtures/multi-root/stevedore.code-workspace) with Workspace Trust on and the
 *              folders not trusted: Restricted Mode and per-folder settings in one editor start.
 *              Stevedore is installed from a .vsix there, as users get it: a development
 *              extension is exempt from Workspace Trust, so it would prove nothing (a stub
 *              extension carries the tests instead). code-server only (runTests makes desktop
 *              VS Code disable Workspace Trust).
 * A pass's `settings` are written to `<user-data-dir>/User/settings.json` on top of `baseSettings`
 * (host/profile.ts).
 * Writing a test: suite/<topic>.test.ts, mocha TDD (`suite`/`test`), helpers in suite/util.ts,
 * workspace files in fixtures/workspace/. All files of a pass share one editor and run in file-name
 * order, so leave the editor as you found it (revert edits, reset settings you changed).
 * `STEVEDORE_EDITOR_PASSES=en,zh-cn` picks passes; `STEVEDORE_EDITOR_TIMEOUT_S` bounds each pass
 * (default 600 s). Nothing is retried. Exit code: 0 only when every pass ran and passed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  /** The folder of fixtures/ copied as the workspace; `workspace` by default. */
  fixture?: string;
  /** What the editor opens, relative to the copy (a `.code-workspace` file); the copy itself by default. */
  opens?: string;
  /** Keep Workspace Trust on (code-server only): the workspace opens untrusted, in Restricted Mode. */
  workspaceTrust?: boolean;
  /** Install Stevedore from a .vsix of this checkout instead of loading it as the development extension. */
  installed?: boolean;
}

/** suite/ folders whose files run in their own pass only. */
const passFolders = ['zh-cn/', 'multi-root/'];

const passes: Pass[] = [
  { name: 'en', selects: (f) => !passFolders.some((dir) => f.startsWith(dir)), settings: {} },
  { name: 'zh-cn', locale: 'zh-cn', selects: (f) => f.startsWith('zh-cn/'), settings: { 'stevedore.docs.language': 'auto' } },
  {
    name: 'multi-root',
    selects: (f) => f.startsWith('multi-root/'),
    fixture: 'multi-root',
    opens: 'stevedore.code-workspace',
    workspaceTrust: true,
    installed: true,
    settings: {
      'security.workspace.trust.enabled': true,
      // No modal asking to trust at start-up: the folders simply stay untrusted (Restricted Mode).
      'security.workspace.trust.startupPrompt': 'never',
      // User settings under the folders' own: alpha turns image-untagged off and names another schema file.
      'stevedore.dockerfile.rules': { 'image-untagged': 'warning' },
      'stevedore.kubernetes.customSchemas': ['../schemas/gadget-crd.yaml'],
    },
  },
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

/**
 * This checkout packaged as users install it (`vsce package` of the dist/ just built; .vscodeignore
 * decides the contents), once per run. The README is a stub: the packaged one is scripts/package.mjs's business.
 */
let packaged: string | undefined;
function packageUnderTest(): string {
  if (packaged) return packaged;
  const readme = join(outRoot, 'README.md');
  writeFileSync(readme, '# Stevedore (packaged for the editor tests)\n');
  const vsix = join(outRoot, 'stevedore-under-test.vsix');
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vsce'), [
    'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license',
    // vsce takes the README path relative to the package folder.
    '--readme-path', relative(repoRoot, readme), '--out', vsix,
  ], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  packaged = vsix;
  return vsix;
}

/** The development extension of an `installed` pass: nothing but the host the tests run in. */
function testHarnessExtension(): string {
  const folder = join(outRoot, 'test-harness');
  mkdirSync(folder, { recursive: true });
  const manifest = { name: 'test-harness', publisher: 'stevedore-test', version: '0.0.1', engines: { vscode: '^1.100.0' } };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  return folder;
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
  const profile = createProfile(pass.name, pass.settings, pass.fixture);
  let ok = false;
  try {
    if (pass.locale && !pass.locale.startsWith('en')) {
      installExtension(executable, await buildLanguagePack(pass.locale, outRoot), profile);
      registerLanguagePack(pass.locale, profile.userDataDir, profile.extensionsDir);
    }
    if (pass.installed) installExtension(executable, packageUnderTest(), profile);
    const exitCode = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: pass.installed ? testHarnessExtension() : repoRoot,
      extensionTestsPath,
      launchArgs: [
        pass.opens ? join(profile.workspace, pass.opens) : profile.workspace,
        ...(pass.workspaceTrust ? ['--enable-workspace-trust'] : []),
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
  for (const pass of selected) {
    if (pass.workspaceTrust && editor === 'desktop') {
      // runTests always adds --disable-workspace-trust: desktop VS Code cannot open a folder untrusted.
      console.log(`\n--- editor pass "${pass.name}" not run: it needs Workspace Trust, which runTests turns off in desktop VS Code ---`);
      continue;
    }
    results.push([pass.name, await runPass(pass, executable)]);
  }
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

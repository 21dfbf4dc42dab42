/**
 * Starts code-server (VS Code 1.100.3 in a browser) and a headless Chromium that shows its
 * workbench. Shared by the test shim (codeServerHost.ts) and the README screenshot script.
 * Every process started here is stopped by `stop()`; callers must call it on every path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The repository root: found upwards, so this works from source (tsx) and from the bundled shim. */
export const repoRoot = findRepoRoot(__dirname);
export const codeServerBin = join(repoRoot, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.STEVEDORE_CHROMIUM ?? '/usr/bin/chromium';

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  /** Folder used as HOME and XDG_* so nothing of the real user's leaks in or out. */
  homeDir: string;
  /** VS Code display language, e.g. `zh-cn`; needs an installed language pack to take effect. */
  locale?: string;
  /** Leave Workspace Trust on (off by default: a test editor trusts everything); the profile's settings then decide. */
  workspaceTrust?: boolean;
}

export interface RunningCodeServer {
  port: number;
  origin: string;
  /** Everything code-server printed so far (shown when a run fails). */
  log(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'stevedore') return dir;
    if (dirname(dir) === dir) throw new Error(`no Stevedore package.json above ${start}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export function isolatedEnv(homeDir: string): NodeJS.ProcessEnv {
  for (const sub of ['config', 'data', 'cache', 'state']) mkdirSync(join(homeDir, sub), { recursive: true });
  return {
    ...process.env,
    HOME: homeDir,
    XDG_CONFIG_HOME: join(homeDir, 'config'),
    XDG_DATA_HOME: join(homeDir, 'data'),
    XDG_CACHE_HOME: join(homeDir, 'cache'),
    XDG_STATE_HOME: join(homeDir, 'state'),
    // code-server must not reuse a session socket or password of an outer code-server.
    VSCODE_IPC_HOOK_CLI: '',
    PASSWORD: '',
    HASHED_PASSWORD: '',
  };
}

function profileArgs(options: CodeServerOptions): string[] {
  // Without an existing extensions dir code-server loads no extension at all, not even ours.
  mkdirSync(options.extensionsDir, { recursive: true });
  mkdirSync(options.userDataDir, { recursive: true });
  return ['--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir];
}

/** Runs code-server's CLI once (e.g. `--install-extension x.vsix`) with the same profile. */
export function codeServerCli(args: string[], options: CodeServerOptions): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(codeServerBin, [...profileArgs(options), ...args], { env: isolatedEnv(options.homeDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    child.on('error', (error) => done({ code: 1, output: output + String(error) }));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

export async function startCodeServer(options: CodeServerOptions, startupTimeoutMs = 60_000): Promise<RunningCodeServer> {
  if (!existsSync(codeServerBin)) throw new Error(`code-server is not installed at ${codeServerBin}; run bash scripts/setup-editor-tests.sh`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...profileArgs(options),
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  // detached: code-server is the leader of its own process group, so stop() also ends the
  // extension host, pty host and file watcher it forks.
  const child = spawn(codeServerBin, args, { env: isolatedEnv(options.homeDir), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (c) => { output += c; });
  child.stderr!.on('data', (c) => { output += c; });
  const exited = new Promise<number | null>((done) => {
    child.on('error', (error) => { output += `\n${String(error)}`; done(1); });
    child.on('exit', (code) => done(code));
  });
  let stopped = false;
  const server: RunningCodeServer = {
    port,
    origin,
    log: () => output,
    exited,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await killGroup(child, exited);
    },
  };
  try {
    await waitUntilHealthy(origin, exited, startupTimeoutMs);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n--- code-server log ---\n${output}`);
  }
  return server;
}

async function killGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.pid === undefined) return;
  const signal = (sig: NodeJS.Signals) => {
    try { process.kill(-child.pid!, sig); } catch { /* already gone */ }
  };
  signal('SIGTERM');
  const gone = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
  // Children of the group may outlive the leader; SIGKILL the whole group in any case.
  signal('SIGKILL');
  if (!gone) await Promise.race([exited, delay(2_000)]);
}

async function waitUntilHealthy(origin: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => { hasExited = true; });
  while (Date.now() < deadline) {
    if (hasExited) throw new Error('code-server exited during start-up');
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await delay(250);
  }
  throw new Error(`code-server did not answer on ${origin}/healthz within ${timeoutMs / 1000} s`);
}

export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** `ownSignals`: the caller handles SIGINT/SIGTERM/SIGHUP itself (and closes the browser). */
export async function launchChromium(ownSignals = false): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}; run bash scripts/setup-editor-tests.sh`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    handleSIGINT: !ownSignals,
    handleSIGTERM: !ownSignals,
    handleSIGHUP: !ownSignals,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync',
    ],
  });
}

/** The workbench URL for a folder or a `.code-workspace` file; `payload` carries the extension-test arguments. */
export function workbenchUrl(server: RunningCodeServer, folder: string, payload?: [string, string][]): string {
  const opens = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  let url = `${server.origin}/?${opens}=${encodeURIComponent(folder)}`;
  if (payload?.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** A path on the code-server machine as the workbench names it (a remote URI). */
export function remoteUri(server: RunningCodeServer, absolutePath: string): string {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath.split('/').map(encodeURIComponent).join('/')}`;
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

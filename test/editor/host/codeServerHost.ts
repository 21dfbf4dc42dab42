/**
 * A stand-in for the VS Code executable that `@vscode/test-electron`'s runTests spawns. It takes
 * the same command line as desktop VS Code (`--extensionDevelopmentPath=…`, `--extensionTestsPath=…`,
 * `--user-data-dir`, `--extensions-dir`, `--locale`, a folder to open) and runs the test in
 * code-server shown by headless Chromium instead. The workbench hands the test's console output to
 * `window.codeAutomationLog` and its result to `window.codeAutomationExit(code)`, so the exit code
 * of this process is the test result, exactly as with desktop VS Code.
 *
 * `--install-extension <vsix>` is passed through to code-server's CLI, so run.ts can prepare a
 * profile the same way for both editors. There are no retries anywhere: a flaky start is a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { codeServerCli, launchChromium, newPage, remoteUri, startCodeServer, workbenchUrl, type CodeServerOptions, type RunningCodeServer } from './codeServer';

/**
 * Ctrl+C, or runTests stopping us, must not orphan code-server (it runs in its own process group)
 * or Chromium: a signal ends the wait for the tests, and the normal clean-up runs.
 */
const interrupted = new Promise<number>((done) => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\ncode-server host: ${signal} received; stopping code-server and Chromium.\n`);
      done(130);
    });
  }
});

const valued = new Set(['user-data-dir', 'extensions-dir', 'locale', 'install-extension', 'extensionDevelopmentPath', 'extensionTestsPath']);
/** Switches of this host alone (desktop VS Code does not know them). */
const hostFlags = new Set(['enable-workspace-trust']);

interface HostArgs {
  options: Map<string, string>;
  folder?: string;
}

function parseArgs(argv: string[]): HostArgs {
  const options = new Map<string, string>();
  let folder: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!long) { folder = arg; continue; }
    const [, name, inline] = long;
    if (inline !== undefined) options.set(name, inline);
    else if (hostFlags.has(name)) options.set(name, 'true');
    else if (valued.has(name) && i + 1 < argv.length) options.set(name, argv[++i]);
    // Desktop-only switches (--no-sandbox, --skip-welcome, …) mean nothing here.
  }
  return { options, folder };
}

function required(args: HostArgs, name: string): string {
  const value = args.options.get(name);
  if (!value) throw new Error(`code-server host: missing --${name}`);
  return value;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const homeDir = mkdtempSync(join(tmpdir(), 'stevedore-code-home-'));
  const profile: CodeServerOptions = {
    userDataDir: required(args, 'user-data-dir'),
    extensionsDir: required(args, 'extensions-dir'),
    homeDir,
    locale: args.options.get('locale'),
    workspaceTrust: args.options.has('enable-workspace-trust'),
  };
  try {
    const vsix = args.options.get('install-extension');
    if (vsix) {
      const result = await codeServerCli(['--install-extension', vsix, '--force'], profile);
      process.stdout.write(result.output);
      return result.code;
    }
    return await runExtensionTests(args, profile);
  } finally {
    rmSync(homeDir, { recursive: true, force: true });
  }
}

async function runExtensionTests(args: HostArgs, profile: CodeServerOptions): Promise<number> {
  const developmentPath = required(args, 'extensionDevelopmentPath');
  const testsPath = required(args, 'extensionTestsPath');
  const timeoutSeconds = Number(process.env.STEVEDORE_EDITOR_TIMEOUT_S ?? 600);
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  const browserErrors: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let failed = true;
  let finished = false;
  try {
    server = await startCodeServer(profile);
    browser = await launchChromium(true);
    const page = await newPage(browser);
    let reportExit!: (code: number) => void;
    const exitCode = new Promise<number>((done) => { reportExit = done; });
    // Both hooks must exist before the workbench script runs, i.e. before navigation.
    await page.exposeFunction('codeAutomationLog', (_level: string, message: unknown) => {
      let text = String(message);
      // Offline, the workbench's extension-gallery lookups fail with a long browser stack trace;
      // its first line says all there is to say.
      if (text.includes('open-vsx.org')) text = text.split('\n')[0];
      process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(Number(code)));
    page.on('pageerror', (error) => browserErrors.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`); });
    const url = workbenchUrl(server, args.folder ?? developmentPath, [
      ['extensionDevelopmentPath', remoteUri(server, developmentPath)],
      ['extensionTestsPath', remoteUri(server, testsPath)],
    ]);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const timedOut = new Promise<number>((done) => {
      timer = setTimeout(() => {
        if (finished) return;
        process.stderr.write(`\ncode-server host: TIMEOUT — the extension tests did not finish within ${timeoutSeconds} s; stopping code-server and Chromium.\n`);
        done(124);
      }, timeoutSeconds * 1000);
    });
    const serverDied = server.exited.then((code) => {
      if (finished) return 0;
      process.stderr.write(`\ncode-server host: code-server exited (${code}) before the tests finished.\n`);
      return 1;
    });
    const code = await Promise.race([exitCode, timedOut, serverDied, interrupted]);
    finished = true;
    failed = code !== 0;
    return code;
  } catch (error) {
    process.stderr.write(`code-server host: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    finished = true;
    if (timer) clearTimeout(timer);
    if (failed) {
      if (browserErrors.length) process.stderr.write(`--- browser errors ---\n${browserErrors.slice(-40).join('\n')}\n`);
      if (server) process.stderr.write(`--- code-server log ---\n${server.log()}\n--- end of code-server log ---\n`);
    }
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`code-server host: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

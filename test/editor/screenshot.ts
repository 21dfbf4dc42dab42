/**
 * Takes the README screenshots: the real extension in code-server, a Dockerfile (and a
 * Kubernetes manifest) open, the mouse over a keyword and its hover shown. Run by hand after a
 * change to hovers (not part of `npm test`):
 *
 *   bash scripts/setup-editor-tests.sh && node --import tsx test/editor/screenshot.ts [hover-compose.png …]
 *
 * With file names, only those pictures are taken again.
 *
 * Writes docs/images/hover.png, docs/images/hover-k8s.png and docs/images/hover-compose.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { delay, launchChromium, newPage, remoteUri, repoRoot, startCodeServer, workbenchUrl, type RunningCodeServer } from './host/codeServer';
import { createProfile } from './host/profile';

interface Shot {
  file: string;
  /** Text of the editor line to find, and the token on it to hover. */
  line: string;
  token: string;
  /** The hover must contain this before the picture is taken. */
  expect: string;
  output: string;
  /** The fixtures folder opened as the workspace (`workspace` unless given). */
  fixture?: string;
}

const shots: Shot[] = [
  { file: 'Dockerfile', line: 'RUN npm ci', token: 'RUN', expect: 'Runs a command', output: 'hover.png' },
  { file: 'deployment.yaml', line: 'kind: Deployment', token: 'Deployment', expect: 'ReplicaSet', output: 'hover-k8s.png' },
  { file: 'compose.yaml', line: 'condition: service_healthy', token: 'condition', expect: 'healthcheck', output: 'hover-compose.png', fixture: 'workspace/compose' },
];

/** Screenshot-only look: a roomier font, no minimap or breadcrumbs competing with the hover. */
const settings = {
  'editor.fontSize': 15,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'breadcrumbs.enabled': false,
  'workbench.layoutControl.enabled': false,
  'chat.commandCenter.enabled': false,
};

async function openFile(page: Page, name: string): Promise<void> {
  // Click it in the Explorer, as a user would.
  await page.getByRole('treeitem', { name, exact: true }).click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
}

async function hoverToken(page: Page, shot: Shot): Promise<void> {
  const line = page.locator('.monaco-editor .view-lines .view-line', { hasText: shot.line }).first();
  await line.waitFor({ state: 'visible', timeout: 15_000 });
  const token = line.locator('span > span', { hasText: new RegExp(`^${shot.token}$`) }).first();
  const box = await token.boundingBox();
  if (!box) throw new Error(`token ${shot.token} has no box on the screen`);
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: shot.expect });
  // The first hover can come before the language server has started; move away and back until
  // the real one shows, within a deadline.
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
    if (await hover.first().isVisible()) break;
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 2_000 });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`no hover containing "${shot.expect}" over ${shot.token}`);
      await page.mouse.move(5, 5);
      await delay(300);
    }
  }
  await delay(400); // let the hover finish fading in
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  const imagesDir = join(repoRoot, 'docs', 'images');
  mkdirSync(imagesDir, { recursive: true });
  const only = process.argv.slice(2);
  const wanted = only.length > 0 ? shots.filter((shot) => only.includes(shot.output)) : shots;
  // One editor per fixtures folder, its shots taken in turn.
  const fixtures = [...new Set(wanted.map((shot) => shot.fixture ?? 'workspace'))];
  for (const fixture of fixtures) {
    const profile = createProfile('screenshot', settings, fixture);
    let server: RunningCodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await startCodeServer(profile);
      browser = await launchChromium();
      const page = await newPage(browser);
      await page.goto(workbenchUrl(server, profile.workspace, [['extensionDevelopmentPath', remoteUri(server, repoRoot)]]));
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      await delay(3_000); // let the workbench settle (explorer, status bar)
      for (const shot of wanted.filter((s) => (s.fixture ?? 'workspace') === fixture)) {
        await openFile(page, shot.file);
        await hoverToken(page, shot);
        const output = join(imagesDir, shot.output);
        await page.screenshot({ path: output });
        console.log(`screenshot: ${output} (${Math.round(statSync(output).size / 1024)} KB)`);
        await page.mouse.move(5, 5);
      }
    } finally {
      await browser?.close().catch(() => undefined);
      await server?.stop();
      rmSync(profile.root, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(`screenshot failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});

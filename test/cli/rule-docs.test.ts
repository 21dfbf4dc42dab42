import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { formatJson } from '../../server/src/cli/formats/json';
import { buildSarif } from '../../server/src/cli/formats/sarif';
import { formatText, plainPalette } from '../../server/src/cli/formats/text';
import type { Report } from '../../server/src/cli/report';
import { repositoryLinks, type RuleDocsSource } from '../../server/src/ruleDocLinks';
import { bundled, cli, hasBundle, noBundleReason, repoRoot, sampleDockerfile, tree } from './helpers';
import { validateSarif } from './sarifValidator';

/** Where the pages are in this checkout; the installed package has the same layout. */
const installed: RuleDocsSource = { packageRoot: repoRoot };
const published: RuleDocsSource = { packageRoot: repoRoot, repository: repositoryLinks('https://github.com/example/stevedore.git') };
const localPage = (id: string, lang: 'en' | 'zh-cn' = 'en') => pathToFileURL(`${repoRoot}/docs/rules/${lang === 'zh-cn' ? 'zh-cn/' : ''}${id}.md`).href;

function report(lang: 'en' | 'zh-cn' = 'en'): Report {
  const finding = (code: string) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, severity: DiagnosticSeverity.Warning, code, source: 'stevedore', message: 'm' });
  return {
    files: [{ path: 'Dockerfile', absolute: '/work/repo/Dockerfile', kind: 'dockerfile', diagnostics: [finding('image-untagged'), finding('image-untagged'), finding('apt-get-missing-yes'), finding('not-a-rule')], failAt: 2 }],
    skipped: [],
    lang,
    root: '/work/repo',
    version: '1.2.3',
  };
}

describe('help links without a repository in package.json (as shipped)', () => {
  it('SARIF names the installed page of each rule and claims no project home page', () => {
    const sarif = buildSarif(report(), installed);
    assert.deepEqual(validateSarif(sarif), []);
    const driver = (sarif.runs as Record<string, any>[])[0].tool.driver;
    assert.equal(driver.informationUri, undefined);
    const untagged = driver.rules.find((r: { id: string }) => r.id === 'image-untagged');
    assert.equal(untagged.helpUri, localPage('image-untagged'));
    assert.ok(existsSync(fileURLToPath(untagged.helpUri)));
    const zhRules = (buildSarif(report('zh-cn'), installed).runs as Record<string, any>[])[0].tool.driver.rules as { id: string; helpUri: string }[];
    assert.equal(zhRules.find((r) => r.id === 'image-untagged')!.helpUri, localPage('image-untagged', 'zh-cn'));
  });

  it('JSON gives each finding the installed page, and none to a code without a page', () => {
    const diagnostics = JSON.parse(formatJson(report(), installed)).files[0].diagnostics as { ruleId: string; helpUri?: string }[];
    assert.deepEqual(diagnostics.map((d) => d.helpUri), [localPage('image-untagged'), localPage('image-untagged'), localPage('apt-get-missing-yes'), undefined]);
  });

  it('text lists where each reported rule is documented, once per rule, in the report\'s language', () => {
    const en = formatText(report(), plainPalette, 'warning', 'en', installed);
    assert.match(en, new RegExp(`\\nRule pages:\\n  image-untagged ${repoRoot}/docs/rules/image-untagged\\.md\\n  apt-get-missing-yes ${repoRoot}/docs/rules/apt-get-missing-yes\\.md\\n\\n1 file checked`));
    assert.equal(en.split('image-untagged.md').length, 2, 'one line per rule');
    assert.doesNotMatch(en.slice(en.indexOf('Rule pages:')), /not-a-rule/, 'no line for a code without a page');
    const zh = formatText(report('zh-cn'), plainPalette, 'warning', 'zh-cn', installed);
    assert.match(zh, new RegExp(`\\n规则说明：\\n  image-untagged ${repoRoot}/docs/rules/zh-cn/image-untagged\\.md\\n`));
  });

  it('text prints no pages when nothing was found', () => {
    const clean = report();
    clean.files[0].diagnostics = [];
    assert.doesNotMatch(formatText(clean, plainPalette, 'warning', 'en', installed), /Rule pages/);
  });
});

describe('help links with a repository in package.json', () => {
  it('SARIF and JSON point at the pages on the web, which resolve on any machine', () => {
    const sarif = buildSarif(report(), published);
    assert.deepEqual(validateSarif(sarif), []);
    const driver = (sarif.runs as Record<string, any>[])[0].tool.driver;
    assert.equal(driver.informationUri, 'https://github.com/example/stevedore');
    assert.equal(driver.rules.find((r: { id: string }) => r.id === 'image-untagged').helpUri, 'https://github.com/example/stevedore/blob/HEAD/docs/rules/image-untagged.md');
    const zh = JSON.parse(formatJson(report('zh-cn'), published)).files[0].diagnostics[0];
    assert.equal(zh.helpUri, 'https://github.com/example/stevedore/blob/HEAD/docs/rules/zh-cn/image-untagged.md');
  });

  it('text shows the web page too', () => {
    assert.match(formatText(report(), plainPalette, 'warning', 'en', published), /^ {2}image-untagged https:\/\/github\.com\/example\/stevedore\/blob\/HEAD\/docs\/rules\/image-untagged\.md$/m);
  });
});

describe('the command line finds the pages it was installed with', () => {
  it('from the sources: JSON help links open real files, in the chosen language', async () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    for (const lang of ['en', 'zh-cn'] as const) {
      const run = await cli(['lint', '.', '-f', 'json', '--lang', lang], { cwd: root });
      const d = JSON.parse(run.stdout).files[0].diagnostics[0] as { ruleId: string; helpUri: string };
      assert.equal(d.helpUri, localPage(d.ruleId, lang));
      assert.ok(existsSync(fileURLToPath(d.helpUri)));
    }
  });

  it('from the bundle (dist/cli.js, as npm installs it next to docs/)', { skip: hasBundle ? false : noBundleReason }, () => {
    const root = tree({ Dockerfile: sampleDockerfile });
    const text = bundled(['lint', '.', '--lang', 'zh-cn'], { cwd: root });
    const page = /^ {2}([a-z0-9-]+) (\/\S+\.md)$/m.exec(text.stdout);
    assert.ok(page, text.stdout);
    assert.equal(page[2], `${repoRoot}/docs/rules/zh-cn/${page[1]}.md`);
    assert.match(readFileSync(page[2], 'utf8'), /## 如何关闭/);
  });
});

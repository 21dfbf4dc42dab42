import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { repoRoot, StdioClient } from './client';

/**
 * Any editor gets rule links it can open offline: the bundled server links each diagnostic's code
 * to the page installed next to it (dist/ → docs/rules/), in the document's docs language.
 */
for (const { lang, settings, locale, folder, heading } of [
  { lang: 'en', settings: { docs: { language: 'en' } }, locale: 'zh-cn', folder: '', heading: '## Turning it off' },
  { lang: 'zh-cn (from the editor\'s locale)', settings: undefined, locale: 'zh-cn', folder: 'zh-cn/', heading: '## 如何关闭' },
]) {
  test(`diagnostics link to the installed rule page, ${lang}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stevedore-rule-docs-'));
    const { client } = await StdioClient.start({ rootUri: pathToFileURL(dir).href, settings, locale });
    try {
      const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
      await client.open(uri, 'dockerfile', 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install curl\n');
      const diagnostics = await client.waitForDiagnostics(uri);
      const missingYes = diagnostics.find((d) => d.code === 'apt-get-missing-yes');
      assert.ok(missingYes, JSON.stringify(diagnostics.map((d) => d.code)));
      assert.equal(missingYes.codeDescription?.href, pathToFileURL(join(repoRoot, 'docs', 'rules', `${folder}apt-get-missing-yes.md`)).href);
      for (const d of diagnostics) {
        const page = fileURLToPath(d.codeDescription!.href);
        assert.ok(existsSync(page), page);
        assert.ok(readFileSync(page, 'utf8').includes(heading), `${page} is not in the document's language`);
      }
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

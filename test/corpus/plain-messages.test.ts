import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../server/src/common/localized';
import { diagnoseDockerfile } from '../../server/src/dockerfile/diagnostics';
import { kubernetesService } from '../../server/src/kubernetes/service';
import { contextFor, dockerfile, manifest } from '../unit/helpers';
import { markdownLeftIn } from '../unit/plainCheck';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from './corpus';

/**
 * Every rule over the shared corpus, in both languages and under the strict profile (every rule
 * on): no message shows Markdown. The Problems panel, the terminal and SARIF's text print
 * messages as they are, so code is quoted (‘code’, 「code」) and nothing is left of `code` spans
 * or **strong** marks. Backticks inside the quotes are the code's own (an escape character).
 */
const settings = { profile: 'strict' };

function messagesOf(lang: DocsLanguage): { path: string; diagnostic: Diagnostic }[] {
  const out: { path: string; diagnostic: Diagnostic }[] = [];
  for (const entry of corpusEntries()) {
    const text = readCorpusFile(entry);
    const ctx = contextFor(lang, { filePath: entry.absolutePath, settings });
    const uri = `file://${entry.absolutePath}`;
    const diagnostics = entry.kind === 'dockerfile' ? diagnoseDockerfile(dockerfile(text, uri), ctx) : kubernetesService.diagnose!(manifest(text, uri), ctx);
    for (const diagnostic of diagnostics) out.push({ path: entry.path, diagnostic });
  }
  return out;
}

for (const lang of ['en', 'zh-cn'] as const) {
  test(`corpus findings read as plain text (${lang})`, { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
    const found = messagesOf(lang);
    assert.ok(found.length > 5000, `only ${found.length} findings`);
    const rules = new Set(found.map(({ diagnostic }) => String(diagnostic.code)));
    assert.ok(rules.size > 80, `only ${rules.size} rules found something`);
    const withMarkdown = found
      .filter(({ diagnostic }) => markdownLeftIn(String(diagnostic.message)))
      .map(({ path, diagnostic }) => `${path}:${diagnostic.range.start.line + 1} ${diagnostic.code}: ${String(diagnostic.message)}`);
    assert.deepEqual(withMarkdown.slice(0, 20), []);
    if (lang === 'zh-cn') {
      // No space beside a corner quote: 「」 carry their own spacing.
      const spaced = found.map(({ diagnostic }) => String(diagnostic.message)).filter((m) => / 「|」 /.test(m.replace(/「[^」]*」/g, (q) => q.replace(/ /g, '_'))));
      assert.deepEqual(spaced.slice(0, 20), []);
    }
  });
}

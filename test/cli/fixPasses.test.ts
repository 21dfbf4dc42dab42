import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { Linter } from '../../server/src/cli/lint';
import { versionOf } from '../../server/src/common/codeActions';
import { applySafeFixes } from '../../server/src/common/safeFixes';
import { CachedFiles } from '../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../server/src/config/projectConfig';
import { languageServices } from '../../server/src/services';

describe('lint --fix passes', () => {
  // Every check the linter runs, with the text it checked.
  const service = languageServices.dockerfile;
  const diagnose = service.diagnose!;
  const checks: { text: string; diagnostics: Diagnostic[] }[] = [];
  service.diagnose = (model, ctx) => {
    const diagnostics = diagnose(model, ctx);
    checks.push({ text: (model as { document: TextDocument }).document.getText(), diagnostics });
    return diagnostics;
  };
  after(() => { service.diagnose = diagnose; });

  it('each pass applies only edits computed on the text it edits', () => {
    // Pass 1 turns `apt` into `apt-get`; only then is there an `apt-get install` to add -y to, four
    // characters further right than any edit pass 1 could have computed.
    const text = 'FROM debian:12\nRUN apt install curl\n';
    checks.length = 0;
    const linter = new Linter(new ProjectConfig(new CachedFiles()), { lang: 'en', fallbackLang: 'en' });
    const result = linter.lint({ path: 'Dockerfile', absolute: '/work/fix-passes/Dockerfile', kind: 'dockerfile', text }, true);
    assert.equal(result.fixedText, 'FROM debian:12\nRUN apt-get install -y curl\n');
    assert.deepEqual([...result.fixed!], [['apt-instead-of-apt-get', 1], ['apt-get-missing-yes', 1]]);
    assert.ok(checks.length >= 3, `${checks.length} checks for a two-pass fix`);
    assert.equal(checks[0].text, text);
    // Each check's text is what the previous check's fixes make of the previous check's text.
    for (let i = 1; i < checks.length; i++) {
      const previous = TextDocument.create('file:///work/fix-passes/Dockerfile', 'dockerfile', i, checks[i - 1].text);
      assert.equal(checks[i].text, applySafeFixes(previous, checks[i - 1].diagnostics).text, `check ${i + 1} did not check what pass ${i} wrote`);
    }
    assert.equal(checks.at(-1)!.text, result.fixedText);
    // What is reported is stamped with the final text's version (one per pass, starting at 1).
    assert.ok(result.diagnostics.every((d) => versionOf(d) === checks.length), JSON.stringify(result.diagnostics.map(versionOf)));
  });
});

// Rule pages open offline inside the editor, in the docs language (English in this pass): from
// "Stevedore: Explain Rule" and from the rule code of a diagnostic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertPreviewOf, closePreviews, explainFromPalette, explainRule, followCodeLink, waitForRule } from './rulePages';
import { diagnosticCode, openAndActivate, positionOf, stevedoreDiagnostics } from './util';

suite('rule pages (English)', () => {
  teardown(async () => {
    await closePreviews();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Explain Rule with a rule id opens its bundled page in the Markdown preview', async () => {
    await openAndActivate('rule-docs/Dockerfile');
    const page = await vscode.commands.executeCommand<vscode.Uri>(explainRule, 'apt-get-missing-yes');
    const text = await assertPreviewOf(page, 'docs/rules/apt-get-missing-yes.md');
    assert.match(text, /^\*\*apt-get without -y\*\*$/m);
    assert.match(text, /## Turning it off/);
  });

  test('a peer tool\'s name finds the same page; an unknown name opens nothing', async () => {
    await openAndActivate('rule-docs/Dockerfile');
    await assertPreviewOf(await vscode.commands.executeCommand<vscode.Uri>(explainRule, 'DL3014'), 'docs/rules/apt-get-missing-yes.md');
    assert.equal(await vscode.commands.executeCommand(explainRule, 'no-such-rule'), undefined);
  });

  test('the rule code of a diagnostic links to its page, and following the link opens the preview', async () => {
    const { document } = await openAndActivate('rule-docs/Dockerfile');
    const diagnostic = await waitForRule(document.uri, 'apt-get-missing-yes');
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'apt-get-missing-yes', 'the Problems panel still shows the rule id');
    assert.deepEqual(JSON.parse(code.target.query), [{ rule: 'apt-get-missing-yes', language: 'en' }]);
    const text = await assertPreviewOf(await followCodeLink(diagnostic), 'docs/rules/apt-get-missing-yes.md');
    assert.match(text, /apt-get without -y/);
  });

  test('a diagnostic passed as the argument opens its rule\'s page', async () => {
    const { document } = await openAndActivate('rule-docs/Dockerfile');
    const diagnostic = await waitForRule(document.uri, 'apt-get-missing-yes');
    await assertPreviewOf(await vscode.commands.executeCommand<vscode.Uri>(explainRule, diagnostic), 'docs/rules/apt-get-missing-yes.md');
  });

  test('from the Command Palette, the rules at the cursor come first in the pick', async () => {
    const editor = await openAndActivate('rule-docs/Dockerfile');
    await waitForRule(editor.document.uri, 'apt-get-missing-yes');
    const cursor = positionOf(editor.document, 'apt-get install', 2);
    editor.selection = new vscode.Selection(cursor, cursor);
    const atCursor = stevedoreDiagnostics(editor.document.uri).filter((d) => d.range.contains(cursor)).map(diagnosticCode);
    assert.ok(atCursor.length > 0, 'the fixture has findings on apt-get install');
    const page = await explainFromPalette();
    assert.ok(page, 'the first item opened no page');
    const rule = page.path.slice(page.path.lastIndexOf('/') + 1, -'.md'.length);
    assert.ok(atCursor.includes(rule), `picked ${rule}, not one of the rules at the cursor (${atCursor.join(', ')})`);
    await assertPreviewOf(page, `docs/rules/${rule}.md`);
  });
});

// The selector-mismatch quick fixes in Chinese: both directions, the template one preferred.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, openAndActivate, stevedoreDiagnostics, waitFor, waitForDiagnostic } from '../util';

suite('选择器修复 (selector fix, zh-cn)', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the preferred fix, titled in Chinese, gives the pod template the selector\'s label', async () => {
    const { document } = await openAndActivate('selector-mismatch.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'selector-mismatch');
    const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = JSON.stringify(actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`));
    assert.ok(actions.some((a) => a.title.startsWith('把选择器改为模板的标签')), titles);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, titles);
    assert.match(preferred[0].title, /^给 Pod 模板加上标签 app\.kubernetes\.io\/name=api（/, titles);
    assert.ok(preferred[0].edit && await vscode.workspace.applyEdit(preferred[0].edit));
    await waitFor('the selector-mismatch error to go away after the fix',
      () => !stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'selector-mismatch'));
    assert.match(document.getText(), /matchLabels:\n {6}app\.kubernetes\.io\/name: api\n[\s\S]*labels:\n {8}app\.kubernetes\.io\/name: api\n/);
  });
});

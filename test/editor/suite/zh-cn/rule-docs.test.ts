// The zh-cn pass (display language zh-cn, `stevedore.docs.language` at `auto`): rule pages open in
// Simplified Chinese, from the command and from a diagnostic's code link.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertPreviewOf, closePreviews, explainRule, followCodeLink, waitForRule } from '../rulePages';
import { openAndActivate } from '../util';

suite('规则说明页 (rule pages, zh-cn)', () => {
  teardown(async () => {
    await closePreviews();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Explain Rule opens the Chinese page of the rule', async () => {
    await openAndActivate('rule-docs/Dockerfile');
    const page = await vscode.commands.executeCommand<vscode.Uri>(explainRule, 'DL3014');
    const text = await assertPreviewOf(page, 'docs/rules/zh-cn/apt-get-missing-yes.md');
    assert.match(text, /^\*\*apt-get 缺少 -y\*\*$/m);
    assert.match(text, /## 如何关闭/);
  });

  test('a diagnostic\'s code link opens the page in the language of its message', async () => {
    const { document } = await openAndActivate('rule-docs/Dockerfile');
    const diagnostic = await waitForRule(document.uri, 'apt-get-missing-yes');
    assert.match(diagnostic.message, /[\u4e00-\u9fff]/, 'the message is in Chinese');
    assert.deepEqual(JSON.parse((diagnostic.code as { target: vscode.Uri }).target.query), [{ rule: 'apt-get-missing-yes', language: 'zh-cn' }]);
    const text = await assertPreviewOf(await followCodeLink(diagnostic), 'docs/rules/zh-cn/apt-get-missing-yes.md');
    assert.match(text, /apt-get 缺少 -y/);
  });
});

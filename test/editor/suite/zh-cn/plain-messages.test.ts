// Diagnostics as the Problems panel shows them with the display language zh-cn: plain text, code
// in 「」 with no space beside, and YAML syntax errors entirely in Chinese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, openAndActivate, stevedoreDiagnostics, waitForDiagnostic } from '../util';

function assertPlainChinese(uri: vscode.Uri): void {
  for (const diagnostic of stevedoreDiagnostics(uri)) {
    const what = `${diagnosticCode(diagnostic)}: ${diagnostic.message}`;
    assert.doesNotMatch(diagnostic.message, /`|\*\*/, what);
    assert.doesNotMatch(diagnostic.message, / 「|」 /, what);
    assert.match(diagnostic.message, /[\u4e00-\u9fff]/, what);
  }
}

suite('纯文本诊断消息 (plain diagnostic messages, zh-cn)', () => {
  test('a Dockerfile line that forgot RUN: one error in Chinese, code in corner quotes', async () => {
    const { document } = await openAndActivate('plain-messages/Dockerfile');
    const diagnostic = await waitForDiagnostic(document.uri, 'unknown-instruction');
    assert.equal(diagnostic.message, '「npm」不是 Dockerfile 指令；如需作为命令执行，请在行首加上 RUN。');
    assert.deepEqual(stevedoreDiagnostics(document.uri).filter((d) => d.range.start.line === 2).map(diagnosticCode), ['unknown-instruction']);
    const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === '插入 RUN'), JSON.stringify(actions.map((a) => a.title)));
    assertPlainChinese(document.uri);
  });

  test('a Kubernetes finding quotes its code in corner quotes', async () => {
    const { document } = await openAndActivate('plain-messages/unknown-field.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'schema-unknown-field');
    assert.equal(diagnostic.message, 'Container 中没有字段「imagePullPolcy」，是否想写「imagePullPolicy」？');
    assertPlainChinese(document.uri);
  });

  test('a YAML syntax error is all Chinese', async () => {
    const { document } = await openAndActivate('plain-messages/nested-mapping.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'yaml-syntax');
    assert.match(diagnostic.message, /^YAML 语法错误：值不能在键的同一行开始新的映射/);
    // Apart from the name YAML and the quoted example, no English word.
    assert.doesNotMatch(diagnostic.message.replace(/「[^」]*」/g, '').replace(/YAML/g, ''), /[A-Za-z]{2,}/, diagnostic.message);
    assertPlainChinese(document.uri);
  });
});

// The zh-cn pass: the quick-fix menu of a container reads in Simplified Chinese, with no entry twice.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, openAndActivate, positionOf, stevedoreDiagnostics, waitFor } from '../util';

suite('快速修复菜单 (quick-fix menu, zh-cn)', () => {
  test('a container menu: titles in Chinese, no repeated title, each rule ignored once by its id', async () => {
    const { document } = await openAndActivate('code-actions/deployment.yaml');
    await waitFor('the container findings', () => ['run-as-root-allowed', 'net-raw-not-dropped'].every((code) => stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === code)));
    const name = positionOf(document, '- name: menu', 2);
    const onName = stevedoreDiagnostics(document.uri).filter((d) => d.range.start.line === name.line);
    const actions = await codeActionsAt(document.uri, new vscode.Range(name, name.translate(0, 4)), vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.filter((title, i) => titles.indexOf(title) !== i), [], `repeated titles: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('在此对象上忽略 run-as-root-allowed（run-as-non-root）'), JSON.stringify(titles));
    assert.equal(titles.filter((title) => title === '添加加固的 securityContext').length, 1, JSON.stringify(titles));
    const ignored = titles.filter((title) => title.startsWith('在此')).map((title) => /忽略 (\S+?)（/.exec(title)?.[1] ?? /忽略 (\S+)$/.exec(title)?.[1]).sort();
    assert.deepEqual(ignored, onName.map((d) => diagnosticCode(d)!).sort());
    // The fixes are Chinese too: no English title left in the menu.
    assert.deepEqual(titles.filter((title) => !/[\u4e00-\u9fff]/.test(title)), [], JSON.stringify(titles));
  });
});

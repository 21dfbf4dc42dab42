// The zh-cn pass: completion items explain their values in Chinese, and mark the default in Chinese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../util';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function sortedValues(language: string, content: string, expected: string): Promise<vscode.CompletionItem[]> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(document);
  const end = document.lineAt(document.lineCount - 1).range.end;
  const list = await waitFor(`completion offering ${expected}`, async () => {
    const found = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
    return found.items.some((i) => labelOf(i) === expected) && found;
  });
  return [...list.items].filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

suite('补全说明 (completion details in Chinese)', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('imagePullPolicy values are explained in Chinese, the default marked 默认值', async () => {
    const items = await sortedValues('yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx\n      imagePullPolicy: ', 'Always');
    // No tag means :latest, for which Kubernetes pulls every time.
    assert.deepEqual(items.map(labelOf), ['Always', 'Never', 'IfNotPresent']);
    assert.equal(items[0]!.detail, '每次启动容器都询问镜像仓库，摘要变化时重新拉取');
    assert.equal(typeof items[0]!.label === 'string' ? undefined : items[0]!.label.description, '默认值');
    assert.equal(items[2]!.detail, '仅当节点上还没有该镜像时才拉取');
  });

  test('RUN --security= values are explained in Chinese', async () => {
    const items = await sortedValues('dockerfile', 'FROM alpine:3.20\nRUN --security=', 'insecure');
    assert.deepEqual(items.map(labelOf), ['sandbox', 'insecure']);
    assert.equal(items[1]!.detail, '不使用沙箱：相当于以特权容器运行');
    assert.equal(typeof items[0]!.label === 'string' ? undefined : items[0]!.label.description, '默认值');
  });
});

// The image graph in the Chinese pass: the runAsNonRoot warning and its fix title in Chinese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, openAndActivate, waitForDiagnostic } from '../util';

suite('镜像关联：Dockerfile ↔ Kubernetes（中文）', () => {
  test('USER node 与 runAsNonRoot：中文警告与修复标题', async () => {
    const { document } = await openAndActivate('image-graph/deploy.yaml');
    const warning = await waitForDiagnostic(document.uri, 'image-user-not-numeric', 30_000);
    assert.match(warning.message, /无法确认该用户不是 root/);
    const actions = await codeActionsAt(document.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((action) => action.title === '设置 runAsUser: 1000（node 的 UID）'), JSON.stringify(actions.map((a) => a.title)));
  });
});

// The zh-cn pass: VS Code's display language is zh-cn (see run.ts) and `stevedore.docs.language`
// is left at `auto`, so the docs language must follow the editor's language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openAndActivate, positionOf, stevedore } from '../util';

suite('显示语言 zh-cn (display language zh-cn)', () => {
  test('the editor runs with display language zh-cn and the extension is still dormant', () => {
    assert.equal(vscode.env.language, 'zh-cn');
    assert.equal(stevedore().isActive, false);
  });

  test('opening a Dockerfile activates the extension', async () => {
    const editor = await openAndActivate('Dockerfile');
    assert.equal(editor.document.languageId, 'dockerfile');
  });

  test('hover on FROM is in Simplified Chinese', async () => {
    const { document } = await openAndActivate('Dockerfile');
    const text = await hoverText(document.uri, positionOf(document, 'FROM', 1));
    assert.match(text, /构建阶段/);
  });

  test('a Kubernetes kind hover is in Simplified Chinese', async () => {
    const { document } = await openAndActivate('deployment.yaml');
    const text = await hoverText(document.uri, positionOf(document, 'Deployment', 2));
    assert.match(text, /ReplicaSet/);
    // Chinese prose around the kind names, and none of the English summary.
    assert.match(text, /[\u4e00-\u9fff]{4}/);
    assert.doesNotMatch(text, /stateless application/);
  });
});

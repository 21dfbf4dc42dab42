// Runs first in the main pass (files run in name order): the extension must be dormant until a
// file it serves is opened, and a Kubernetes manifest alone must wake it. (Activation by a
// Dockerfile is checked first thing in the zh-cn pass, which starts in a fresh editor.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, openAndActivate, stevedore } from './util';

suite('activation', () => {
  test('the extension is loaded but not active before a Dockerfile or manifest is opened', () => {
    assert.equal(stevedore().isActive, false);
  });

  test('opening a Kubernetes manifest activates the extension', async () => {
    const editor = await openAndActivate('deployment.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    assert.equal(stevedore().isActive, true);
  });

  test('a file named CentosDockerfile is a Dockerfile', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('CentosDockerfile'));
    assert.equal(document.languageId, 'dockerfile');
  });
});

suite('test profile', () => {
  test('run.ts writes the settings of the pass into the user profile the editor reads', () => {
    assert.equal(vscode.workspace.getConfiguration('workbench').get('startupEditor'), 'none');
    assert.equal(vscode.workspace.getConfiguration('git').get('enabled'), false);
  });
});

// The language status items (the `{}` in the status bar) on Dockerfiles and manifests: what the
// server detected, a link to its output, and the server with a link to restart it. Read through
// the extension's API, which reports the properties of the very items the editor renders.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StevedoreApi } from '../../../client/src/extension';
import type { LanguageStatusView } from '../../../client/src/languageStatus';
import { openAndActivate, stevedore, waitFor } from './util';

function status(): { document: LanguageStatusView; server: LanguageStatusView } {
  return (stevedore().exports as StevedoreApi).languageStatus();
}

function waitForSummary(text: string): Promise<LanguageStatusView> {
  return waitFor(`the language status to read "${text}" (it reads "${status().document.text}")`, () => {
    const { document } = status();
    return document.text === text && !document.busy ? document : undefined;
  });
}

suite('language status', () => {
  teardown(async () => {
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('a multi-stage Dockerfile: its stages and their bases, with a link to the output', async () => {
    await openAndActivate('Dockerfile.multistage');
    const item = await waitForSummary('Dockerfile · 3 stages');
    assert.equal(item.detail, 'Stages: builder from golang:${GO_VERSION}-alpine; tester from builder; stage 2 from alpine:3.20');
    assert.equal(item.command, 'stevedore.showOutput');
    assert.equal(item.severity, 'information');
  });

  test('the server item names the running server\'s version and links to the restart command', async () => {
    await openAndActivate('Dockerfile.multistage');
    const version = (stevedore().packageJSON as { version: string }).version;
    const server = await waitFor('the server item to show the running server', () => (status().server.text === `Stevedore ${version}` ? status().server : undefined));
    assert.equal(server.detail, 'language server running');
    assert.equal(server.command, 'stevedore.restartServer');
  });

  test('switching to a manifest shows the Kubernetes version and the kinds; other YAML says it is not Kubernetes', async () => {
    await openAndActivate('deployment.yaml');
    assert.equal((await waitForSummary('Kubernetes 1.36 · Deployment')).detail, '1 object: Deployment/web');
    // An untitled YAML file: neither Kubernetes nor Compose.
    const workflow = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'name: ci\non: push\njobs: {}\n' });
    await vscode.window.showTextDocument(workflow);
    assert.equal((await waitForSummary('YAML · no Kubernetes object')).detail, 'Stevedore checks YAML documents that have both apiVersion and kind.');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an edit that adds a stage updates the item', async () => {
    const editor = await openAndActivate('Dockerfile.multistage');
    await waitForSummary('Dockerfile · 3 stages');
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nFROM scratch AS empty\n'));
    const item = await waitForSummary('Dockerfile · 4 stages');
    assert.match(item.detail ?? '', /empty from scratch$/);
  });

  test('the restart link restarts the server, and the items come back', async () => {
    await openAndActivate('Dockerfile.multistage');
    await waitForSummary('Dockerfile · 3 stages');
    const restart = status().server.command;
    assert.ok(restart);
    await vscode.commands.executeCommand(restart);
    const version = (stevedore().packageJSON as { version: string }).version;
    await waitFor('the server item to show the restarted server', () => status().server.text === `Stevedore ${version}` && status().server.detail === 'language server running');
    await waitForSummary('Dockerfile · 3 stages');
  });
});

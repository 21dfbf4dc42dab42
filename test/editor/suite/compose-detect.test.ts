// A Compose file under another name (a Swarm stack.yml) opens as plain YAML; the language status
// says it looks like Compose and its link switches the document to dockercompose, after which
// Compose hover answers. The item is read through the extension's API (the very item the editor renders).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StevedoreApi } from '../../../client/src/extension';
import { hoverText, openAndActivate, positionOf, stevedore, waitFor } from './util';

const fixture = 'compose-detect/stack.yml';

function documentStatus() {
  return (stevedore().exports as StevedoreApi).languageStatus().document;
}

suite('Compose detection from the language status', () => {
  test('a compose-shaped stack.yml is offered as Compose, and the command switches it to Compose hover', async () => {
    const { document } = await openAndActivate(fixture);
    assert.equal(document.languageId, 'yaml');
    const item = await waitFor(`the status to say the file looks like Compose (it reads "${documentStatus().text}")`, () => {
      const status = documentStatus();
      return status.text === 'YAML · looks like a Compose file' && !status.busy ? status : undefined;
    });
    assert.match(item.detail ?? '', /Treat it as a Compose file/);
    assert.equal(item.command, 'stevedore.useComposeLanguage');
    // As plain YAML, the key has no Compose documentation.
    assert.doesNotMatch(await hoverText(document.uri, positionOf(document, 'depends_on:', 3)), /Services to start before this one/);

    await vscode.commands.executeCommand(item.command);
    const switched = await waitFor('the document to be dockercompose', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString() && d.languageId === 'dockercompose'));
    const text = await waitFor('Compose hover on depends_on', async () => {
      const found = await hoverText(switched.uri, positionOf(switched, 'depends_on:', 3));
      return /Services to start before this one/.test(found) ? found : undefined;
    });
    assert.match(text, /depends_on/);
    // The status now describes the Compose file and links to the output again.
    await waitFor(`the status to leave the suggestion (it reads "${documentStatus().text}")`, () => documentStatus().command === 'stevedore.showOutput' && !documentStatus().text.startsWith('YAML'));
  });

  suiteTeardown(async () => {
    // Leave the fixture as it opens for anyone else: close it (its language goes with the editor).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

// Runs first in the multi-root pass (files run in name order). Workspace Trust is on and the
// folders are not trusted (run.ts: no start-up prompt, nothing granted): Restricted Mode, as a
// user sees it after opening a repository they have not vouched for.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, stevedore, waitFor, waitForDiagnostic } from '../util';
import { openInFolder, workspaceFolder } from './folders';

suite('Restricted Mode (an untrusted workspace)', () => {
  test('Workspace Trust is on, the workspace is not trusted, and the extension waits for a file it serves', () => {
    assert.equal(vscode.workspace.getConfiguration('security.workspace.trust').get('enabled'), true);
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(stevedore().isActive, false);
  });

  test('Stevedore is installed from its .vsix, as users get it (Workspace Trust exempts development extensions)', () => {
    assert.match(stevedore().extensionPath.split('\\').join('/'), /\/extensions\/stevedore\.stevedore-\d+\.\d+\.\d+[^/]*$/);
  });

  test('the manifest declares limited support: one restricted setting, and limited virtual workspaces', () => {
    const capabilities = (stevedore().packageJSON as { capabilities: Record<string, { supported: unknown; restrictedConfigurations?: string[]; description?: string }> }).capabilities;
    assert.equal(capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(capabilities.untrustedWorkspaces.restrictedConfigurations, ['stevedore.kubernetes.customSchemas']);
    assert.equal(capabilities.virtualWorkspaces.supported, 'limited');
    // The editor shows these in the extension's page; the %placeholders% must resolve.
    assert.doesNotMatch(String(capabilities.untrustedWorkspaces.description), /^%/);
  });

  test('opening a Dockerfile in the untrusted folder starts the extension, and the server checks it', async () => {
    const document = await openInFolder('beta', 'Dockerfile');
    await waitFor(`${extensionId} to activate in Restricted Mode`, () => stevedore().isActive);
    assert.equal(vscode.workspace.isTrusted, false);
    await waitForDiagnostic(document.uri, 'image-untagged');
  });

  test('the folder\'s customSchemas (a restricted setting) is withheld; the user\'s applies, end to end', async () => {
    const alpha = workspaceFolder('alpha');
    const config = vscode.workspace.getConfiguration('stevedore', alpha.uri);
    // alpha/.vscode/settings.json names missing-crd.yaml; VS Code does not apply it while untrusted.
    assert.deepEqual(config.inspect('kubernetes.customSchemas')?.globalValue, ['../schemas/gadget-crd.yaml']);
    assert.deepEqual(config.get('kubernetes.customSchemas'), ['../schemas/gadget-crd.yaml']);
    // The server pulls alpha's settings and checks the Gadget against the user's schema file, which
    // lies outside both folders (the workspace index cannot have found it).
    const document = await openInFolder('alpha', 'gadget.yaml');
    const unknownField = await waitForDiagnostic(document.uri, 'schema-unknown-field');
    assert.match(unknownField.message, /sise/);
  });
});

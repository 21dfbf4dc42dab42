// Multi-root: each workspace folder's `.vscode/settings.json` applies to its own files. alpha turns
// image-untagged off; beta has no settings, so the user's `warning` (run.ts) applies. The two
// Dockerfiles are the same text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, stevedoreDiagnostics, waitFor, waitForDiagnostic } from '../util';
import { finding, openInFolder, workspaceFolder } from './folders';

const codes = (uri: vscode.Uri): string[] => stevedoreDiagnostics(uri).map((d) => diagnosticCode(d) ?? '').sort();

suite('multi-root workspace: settings per folder', () => {
  test('the workspace has two folders', () => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['alpha', 'beta']);
  });

  test('the same Dockerfile is checked with each folder\'s own rule settings', async () => {
    const beta = await openInFolder('beta', 'Dockerfile');
    const alpha = await openInFolder('alpha', 'Dockerfile');
    assert.equal(alpha.getText(), beta.getText());
    assert.equal((await waitForDiagnostic(beta.uri, 'image-untagged')).severity, vscode.DiagnosticSeverity.Warning);
    await waitFor('alpha/Dockerfile to be checked', () => stevedoreDiagnostics(alpha.uri).length > 0);
    assert.equal(finding(alpha.uri, 'image-untagged'), undefined);
    assert.deepEqual(codes(alpha.uri), codes(beta.uri).filter((code) => code !== 'image-untagged'));
  });

  test('changing one folder\'s setting re-checks that folder\'s files and leaves the other\'s alone', async () => {
    const alpha = await openInFolder('alpha', 'Dockerfile');
    const beta = await openInFolder('beta', 'Dockerfile');
    const betaSettings = () => vscode.workspace.getConfiguration('stevedore', workspaceFolder('beta').uri);
    try {
      await betaSettings().update('dockerfile.rules', { 'image-untagged': 'error' }, vscode.ConfigurationTarget.WorkspaceFolder);
      await waitFor('beta\'s image-untagged to become an error', () => finding(beta.uri, 'image-untagged')?.severity === vscode.DiagnosticSeverity.Error);
      assert.equal(finding(alpha.uri, 'image-untagged'), undefined);
    } finally {
      await betaSettings().update('dockerfile.rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitFor('beta\'s image-untagged to be a warning again', () => finding(beta.uri, 'image-untagged')?.severity === vscode.DiagnosticSeverity.Warning);
  });
});

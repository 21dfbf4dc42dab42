// `stevedore.*` settings changed while the editor runs reach the server and take effect at once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

const han = /[\u4e00-\u9fff]/;

async function setting(section: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('stevedore').update(section, value, vscode.ConfigurationTarget.Global);
}

suite('settings', () => {
  test('a rule severity set in the settings applies to open files, and "off" silences the rule', async () => {
    const { document } = await openAndActivate('Dockerfile.typo');
    const unknownInstruction = () => stevedoreDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'unknown-instruction');
    assert.equal((await waitForDiagnostic(document.uri, 'unknown-instruction')).severity, vscode.DiagnosticSeverity.Error);
    try {
      await setting('dockerfile.rules', { 'unknown-instruction': 'warning' });
      await waitFor('unknown-instruction to become a warning', () => unknownInstruction()?.severity === vscode.DiagnosticSeverity.Warning);
      await setting('dockerfile.rules', { 'unknown-instruction': 'off' });
      await waitFor('unknown-instruction to disappear once turned off', () => !unknownInstruction());
    } finally {
      await setting('dockerfile.rules', undefined);
    }
    assert.equal((await waitForDiagnostic(document.uri, 'unknown-instruction')).severity, vscode.DiagnosticSeverity.Error);
  });

  test('stevedore.docs.language switches the hover language without a restart', async () => {
    const { document } = await openAndActivate('Dockerfile');
    const position = positionOf(document, 'RUN npm', 1);
    assert.doesNotMatch(await hoverText(document.uri, position), han);
    try {
      await setting('docs.language', 'zh-cn');
      await waitFor('the RUN hover to be in Chinese', async () => han.test(await hoverText(document.uri, position)));
    } finally {
      await setting('docs.language', undefined);
    }
    await waitFor('the RUN hover to be back in English', async () => /Runs a command/.test(await hoverText(document.uri, position)));
  });
});

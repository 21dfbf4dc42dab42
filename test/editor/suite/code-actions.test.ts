// Quick fixes in a real editor: a fix applied after editing above its squiggle lands where it
// belongs, the Ctrl+. menu of a container has no repeated entries, and "fix all" runs on save and
// from its command. Files: fixtures/workspace/code-actions/ (its .stevedore.yaml turns on the
// container checks, whatever the default profile).
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

const dockerfile = 'code-actions/Dockerfile';
const saveFixture = 'code-actions/save.Dockerfile';

async function setTrigger(value: 'onType' | 'onSave' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('stevedore').update('diagnostics.trigger', value, vscode.ConfigurationTarget.Global);
}

/** Asked again when the editor drops the request (see codeActionsAt): the onSave test's settings write wakes the JSON extension. */
function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return codeActionsAt(uri, range, vscode.CodeActionKind.QuickFix.value);
}

/** Puts the editor's text back as it was and leaves no unsaved change behind. */
async function restore(editor: vscode.TextEditor, text: string): Promise<void> {
  if (editor.document.getText() !== text) {
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text));
  }
  if (editor.document.isDirty) await editor.document.save();
}

/** Names the step that failed (an editor error such as "Canceled" says nothing of where it came from). */
async function step<T>(what: string, run: () => Thenable<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

suite('code actions', () => {
  teardown(async () => {
    await setTrigger(undefined);
  });

  for (const trigger of ['onSave', 'onType'] as const) {
    test(`${trigger}: a quick fix applied after inserting a line above its squiggle fixes the right line`, async () => {
      await step('setting the trigger', () => setTrigger(trigger));
      const editor = await step('opening', () => openAndActivate(dockerfile));
      const { document } = editor;
      const original = document.getText();
      try {
        const before = await step('waiting for the diagnostic', () => waitForDiagnostic(document.uri, 'apt-get-missing-yes'));
        assert.equal(before.range.start.line, 1);
        await step('inserting a line', () => editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# a line added above\n')));
        if (trigger === 'onSave') {
          // Nothing re-checks before a save: the squiggle the editor holds is the old one.
          const held = stevedoreDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'apt-get-missing-yes');
          assert.equal(held?.range.start.line, 1, 'the diagnostic should still be the one computed before the edit');
        }
        // Both lines: the old squiggle (line 1) or, once re-checked, the new one (line 2).
        const actions = await step('asking for the quick fixes', () => quickFixes(document.uri, new vscode.Range(1, 0, 2, document.lineAt(2).text.length)));
        const fix = actions.find((action) => action.title === 'Add -y');
        assert.ok(fix?.edit, `no "Add -y" among ${JSON.stringify(actions.map((a) => a.title))}`);
        assert.ok(await step('applying the fix', () => vscode.workspace.applyEdit(fix.edit!)));
        assert.equal(document.getText(), '# a line added above\nFROM debian:12\nRUN apt-get install -y curl\n');
      } finally {
        await step('restoring the file', () => restore(editor, original));
      }
    });
  }

  test('the Ctrl+. menu of a container: one entry per fix, no repeated titles, each rule ignored once', async () => {
    const { document } = await openAndActivate('code-actions/deployment.yaml');
    const securityRules = ['run-as-root-allowed', 'root-filesystem-writable', 'net-raw-not-dropped'];
    await waitFor('the container findings', () => securityRules.every((code) => stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === code)));
    const name = positionOf(document, '- name: menu', 2);
    const onName = stevedoreDiagnostics(document.uri).filter((d) => d.range.start.line === name.line);
    const actions = await quickFixes(document.uri, new vscode.Range(name, name.translate(0, 4)));
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.filter((title, i) => titles.indexOf(title) !== i), [], `repeated titles: ${JSON.stringify(titles)}`);
    const hardened = actions.filter((action) => action.title === 'Add a hardened securityContext');
    assert.equal(hardened.length, 1, JSON.stringify(titles));
    assert.equal(hardened[0].isPreferred, true);
    // Every finding on the container's name is offered exactly one ignore action, named by its id.
    const ignored = titles.filter((title) => title.startsWith('Ignore ')).map((title) => title.split(' ')[1]).sort();
    assert.deepEqual(ignored, onName.map((d) => diagnosticCode(d)!).sort());
    assert.ok(titles.includes('Ignore run-as-root-allowed for this object (run-as-non-root)'), JSON.stringify(titles));
    assert.ok(titles.length <= onName.length + 2, `${titles.length} entries for ${onName.length} findings: ${JSON.stringify(titles)}`);
  });

  test('fix all on save: editor.codeActionsOnSave with source.fixAll.stevedore applies the safe fixes', async () => {
    const editorSettings = vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
    await editorSettings.update('codeActionsOnSave', { 'source.fixAll.stevedore': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    const editor = await openAndActivate(saveFixture);
    const { document } = editor;
    const original = document.getText();
    try {
      await waitForDiagnostic(document.uri, 'apt-get-missing-yes');
      await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), 'RUN apt-get install git\n'));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save to finish', () => !document.isDirty);
      const fixed = 'FROM debian:12 AS base\nRUN apt-get install -y curl\nRUN apt-get install -y git\n';
      assert.equal(document.getText(), fixed);
      assert.equal(readFileSync(document.uri.fsPath, 'utf8'), fixed, 'the fixed text is what was saved');
    } finally {
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
      await restore(editor, original);
      writeFileSync(document.uri.fsPath, original);
    }
  });

  test('"Stevedore: Fix All Safe Problems" fixes the open file, and says so when there is nothing to fix', async () => {
    const editor = await openAndActivate(saveFixture);
    const { document } = editor;
    const original = document.getText();
    try {
      await waitForDiagnostic(document.uri, 'apt-get-missing-yes');
      assert.equal(await vscode.commands.executeCommand<boolean>('stevedore.fixAll'), true);
      assert.equal(document.getText(), 'FROM debian:12 AS base\nRUN apt-get install -y curl\n');
      assert.equal(await vscode.commands.executeCommand<boolean>('stevedore.fixAll'), false, 'a second run has nothing left to fix');
    } finally {
      await restore(editor, original);
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/common/service';
import { runToEnd } from '../../../server/src/kubernetes/diagnostics';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { largeManifest } from '../../../bench/inputs';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';

/**
 * The check in steps (diagnoseSteps, which the language server runs in slices and drops when a
 * newer version arrives) gives the same diagnostics as `diagnose`, and a check dropped part way
 * leaves nothing behind that changes a later check: after every random edit, a check is stepped a
 * random number of times and dropped (or run to the end), and the next finished check must equal
 * a check from scratch.
 */

let fullChecks = 0;
const full = (text: string, ctx: FeatureContext): Diagnostic[] =>
  kubernetesService.diagnose!(parseManifestFile(TextDocument.create(`file:///scratch/sliced-full-${++fullChecks}/big.yaml`, 'yaml', 1, text)), ctx);

const inserts = [' ', 'x', '\n', '#', ': ', '  replicas: 5\n', 'name: renamed', '---\n', '{'];

test('diagnoseSteps run to the end equals diagnose, and yields more often than once per rule', () => {
  const ctx: FeatureContext = { ...contextFor('en', { settings: { profile: 'strict' } }), workspace: new WorkspaceIndex() };
  const text = largeManifest(24);
  const document = TextDocument.create('file:///scratch/sliced/once.yaml', 'yaml', 1, text);
  const steps = kubernetesService.diagnoseSteps!(kubernetesService.parse(document), ctx);
  let yields = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) yields++;
  assert.deepEqual(step.value, full(text, ctx));
  // Per-document rules yield after each of the 24 documents they check afresh.
  assert.ok(yields > 24 * 5, `${yields} yields`);
});

test('a check dropped part way changes nothing: the next finished check equals a check from scratch', () => {
  const ctx: FeatureContext = { ...contextFor('en', { settings: { profile: 'strict' } }), workspace: new WorkspaceIndex() };
  const next = random(19);
  let document = TextDocument.create('file:///scratch/sliced/edited.yaml', 'yaml', 1, largeManifest(20));
  let dropped = 0;
  let finished = 0;
  for (let edit = 0; edit < 40; edit++) {
    const text = document.getText();
    const at = Math.floor(next() * (text.length + 1));
    const position = document.positionAt(at);
    document = TextDocument.update(document, [{ range: { start: position, end: position }, text: inserts[Math.floor(next() * inserts.length)]! }], document.version + 1);
    const steps = kubernetesService.diagnoseSteps!(kubernetesService.parse(document), ctx);
    if (next() < 0.6) {
      // Dropped after some steps, as the server drops a check when a newer version arrives.
      const taken = Math.floor(next() * 400);
      for (let i = 0; i < taken && !steps.next().done; i++);
      steps.return(undefined as never);
      dropped++;
      continue;
    }
    assert.deepEqual(runToEnd(steps), full(document.getText(), ctx), `edit ${edit}`);
    finished++;
  }
  assert.ok(dropped > 10 && finished > 10, `${dropped} dropped, ${finished} finished`);
});

// The label rules in the editor: the .hadolint.yaml next to the Dockerfile (labels/) sets a label
// schema with strict labels, and the Problems panel shows what it asks for, where it belongs.
import * as assert from 'node:assert/strict';
import { diagnosticCode, openAndActivate, stevedoreDiagnostics, waitFor } from './util';

suite('label schema (.hadolint.yaml)', () => {
  test('a missing required label, a value that is not a version and a label outside the schema', async () => {
    const { document } = await openAndActivate('labels/Dockerfile');
    const codes = ['required-label-missing', 'label-semver-invalid', 'label-not-in-schema'];
    await waitFor('the three label findings', () => codes.every((code) => stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === code)));
    const found = stevedoreDiagnostics(document.uri).filter((d) => codes.includes(diagnosticCode(d) ?? ''));
    const where = found.map((d) => `${diagnosticCode(d)} @ ${d.range.start.line + 1} "${document.getText(d.range)}"`).sort();
    // The build stage is only copied from: it is not an image the build ships, so it is not reported.
    assert.deepEqual(where, [
      'label-not-in-schema @ 5 "team"',
      'label-semver-invalid @ 5 "next"',
      'required-label-missing @ 4 "FROM alpine:3.20"',
    ]);
    const missing = found.find((d) => diagnosticCode(d) === 'required-label-missing')!;
    assert.match(missing.message, /org\.opencontainers\.image\.source/);
    assert.doesNotMatch(missing.message, /`/, 'plain text, no Markdown');
  });
});

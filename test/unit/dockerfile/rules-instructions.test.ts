// Instructions used more than once, deprecated or in an old form (instructions.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { diagnoseStrict, fixesOf, withCode } from './rules-helpers';

test('earlier CMDs are tagged unnecessary and MAINTAINER deprecated', () => {
  const found = diagnoseStrict('FROM alpine\nMAINTAINER me\nCMD ["a"]\nCMD ["b"]\n');
  assert.deepEqual(withCode(found, 'multiple-cmd')[0].tags, [DiagnosticTag.Unnecessary]);
  assert.deepEqual(withCode(found, 'maintainer-deprecated')[0].tags, [DiagnosticTag.Deprecated]);
});

test('the ENV key=value fix is not offered when escapes would change the value', () => {
  const [diagnostic] = withCode(diagnoseStrict('FROM alpine:3.20\nENV A x\\ y\n'), 'legacy-key-value-format');
  assert.deepEqual(fixesOf(diagnostic), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codesOf, diagnose, withCode } from './rules-helpers';

const twoCmds = 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n';

test('# stevedore-ignore <id> on the line above silences that instruction only', () => {
  const text = 'FROM alpine:3.20\n# stevedore-ignore json-args-recommended\nCMD node a.js\nENTRYPOINT node b.js\n';
  const found = withCode(diagnose(text), 'json-args-recommended');
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 3);
});

test('# stevedore-ignore without ids silences every rule on the next instruction', () => {
  assert.deepEqual(diagnose('FROM alpine:3.20\n# stevedore-ignore\nEXPOSE 80/TCP 127.0.0.1:80:80\n'), []);
});

test('ignore comments accept aliases and several names, and work through a comment block', () => {
  const text = 'FROM alpine:3.20\n# hadolint ignore=DL3025, DL4003\n# a remark\nCMD node a.js\nCMD ["b"]\n';
  assert.deepEqual(codesOf(diagnose(text)), []);
});

test('# stevedore-ignore-file <id> and # hadolint global ignore= cover the whole file', () => {
  assert.deepEqual(codesOf(diagnose(`# stevedore-ignore-file multiple-cmd\n${twoCmds}`)), []);
  assert.deepEqual(codesOf(diagnose(`${twoCmds}# hadolint global ignore=DL4003\n`)), []);
  assert.deepEqual(codesOf(diagnose('# stevedore-ignore-file\nFROM alpine:3.20\nCMD x\nEXPOSE 99999\n')), []);
});

test('BuildKit group names cover every rule in the group', () => {
  const text = '# check=skip=MultipleInstructionsDisallowed\nFROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n';
  assert.deepEqual(codesOf(diagnose(text)), []);
});

test('# check=skip=<names> and skip=all switch BuildKit checks off', () => {
  const text = 'FROM alpine:3.20 as build\nMAINTAINER me\n';
  assert.deepEqual(codesOf(diagnose(`# check=skip=FromAsCasing\n${text}`)), ['maintainer-deprecated']);
  assert.deepEqual(codesOf(diagnose(`# check=skip=all\n${text}\nEXPOSE 99999\n`)), ['invalid-expose-port']);
});

test('# check=error=true turns BuildKit checks into errors, others unchanged', () => {
  const found = diagnose('# check=error=true\nFROM alpine:3.20 as build\nWORKDIR /a\n');
  assert.equal(withCode(found, 'from-as-casing')[0].severity, DiagnosticSeverity.Error);
  const both = diagnose('# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.20 as build\nCMD x\n');
  assert.deepEqual(codesOf(both), ['from-as-casing']);
  assert.equal(both[0].severity, DiagnosticSeverity.Error);
});

test('a check directive below the top is only a comment', () => {
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20 as build\n# check=skip=all\n')), ['from-as-casing']);
});

test('ignoring one rule leaves others on the same line', () => {
  const text = 'FROM alpine:3.20\n# stevedore-ignore expose-protocol-casing\nEXPOSE 80/TCP 127.0.0.1:81:81\n';
  assert.deepEqual(codesOf(diagnose(text)), ['expose-host-mapping']);
});

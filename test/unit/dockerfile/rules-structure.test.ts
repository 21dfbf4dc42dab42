// The shape of a Dockerfile and of its instructions: parser errors, arguments, FROM values, ONBUILD (structure.ts, instructionArguments.ts, from.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnoseStrict, messageOf, withCode } from './rules-helpers';

test('the buildkit negative parser cases are flagged', () => {
  assert.ok(diagnoseStrict('').some((d) => d.severity === DiagnosticSeverity.Error));
  assert.ok(diagnoseStrict('FROM busybox\n\nENV PATH\n').some((d) => d.severity === DiagnosticSeverity.Error));
  assert.ok(diagnoseStrict('CMD [ "echo", [ "nested json" ] ]\n').some((d) => d.severity === DiagnosticSeverity.Error));
});

test('quotes around FROM values are removed before checking', () => {
  const text = 'ARG TAG=3.20\nFROM alpine:"${TAG}" AS a\nFROM "alpine:3.20"\n';
  assert.deepEqual(diagnoseStrict(text).filter((d) => ['invalid-default-arg-in-from', 'invalid-image-reference'].includes(String(d.code))), []);
});

test('unterminated quotes in ENV, LABEL and ARG are syntax errors', () => {
  const found = withCode(diagnoseStrict('FROM alpine:3.20\nENV A="x y\nLABEL b=it\'s\nARG C="ok" D=\'fine\'\nENV E=don\\\'t\n'), 'instruction-arguments');
  assert.deepEqual(found.map((d) => d.range.start.line), [1, 2]);
  assert.match(messageOf(found[0]), /double quote/);
});

test('--from naming an image must be a valid reference', () => {
  const found = withCode(diagnoseStrict('FROM alpine:3.20\nCOPY --from=Nginx:1.27 /a /b\nCOPY --from=nginx:1.27 /a /b\n'), 'invalid-image-reference');
  assert.deepEqual(found.map((d) => d.range.start.line), [1]);
});

test('ONBUILD triggers must be instructions', () => {
  const found = withCode(diagnoseStrict('FROM alpine:3.20\nONBUILD RUNN make\nONBUILD FROM x\nONBUILD COPY . /app\n'), 'onbuild-trigger');
  assert.deepEqual(found.map((d) => d.range.start.line), [1, 2]);
});

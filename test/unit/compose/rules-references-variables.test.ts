import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeInvalidInterpolation, composeUndefinedVariable } from '../../../server/src/compose/rules/referencesVariables';
import { covered, run } from './rulesKit';

test('undefined variables: info on each use without a default, .env values count', () => {
  const text = 'services:\n  web:\n    image: "${REGISTRY}/app:${TAG:-latest}"\n    environment:\n      A: $HOME\n      B: ${FROM_ENV}\n      C: $$LITERAL\n      D: ${UNSET:-${NESTED}}\n    command: sh -c \'echo $${X}\'\n';
  const found = run(composeUndefinedVariable, text, { '/p/.env': 'FROM_ENV=1\n' });
  assert.deepEqual(covered(text, found), ['${REGISTRY}', '$HOME', '${NESTED}']);
  assert.equal(found[0].severity, 3);
  assert.match(found[0].message, /not set in ‘.env’/);
});

test('keys are not interpolated; an .env beside the base file serves the override', () => {
  assert.deepEqual(run(composeUndefinedVariable, 'services:\n  web:\n    labels:\n      "$KEY": v\n'), []);
  const override = 'services:\n  web:\n    image: ${IMAGE}\n';
  assert.deepEqual(run(composeUndefinedVariable, override, { '/p/.env': 'IMAGE=x\n', '/p/compose.yaml': 'services: {}\n' }, '/p/compose.override.yaml'), []);
});

test('block scalars and multi-line values get exact ranges', () => {
  const text = 'services:\n  web:\n    command: |\n      echo hello\n      echo ${GREETING}\n';
  assert.deepEqual(covered(text, run(composeUndefinedVariable, text)), ['${GREETING}']);
});

test('invalid interpolation is an error on the expression', () => {
  const text = 'services:\n  web:\n    image: "app:${TAG/v/}"\n    command: echo ${ oops}\n    environment:\n      OK: ${A:-b}\n';
  const found = run(composeInvalidInterpolation, text);
  assert.deepEqual(covered(text, found), ['${TAG/v/}', '${ oops}']);
  assert.equal(found[0].severity, 1);
  assert.deepEqual(run(composeUndefinedVariable, text), [], 'an invalid value is not also reported as undefined');
});

// Variable references and their declarations (variables.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnoseStrict, messageOf, withCode } from './rules-helpers';

test('undefined variables: global ARG must be re-declared in the stage', () => {
  const found = withCode(diagnoseStrict('ARG VERSION=1\nFROM alpine\nLABEL version=$VERSION\n'), 'undefined-variable');
  assert.equal(found.length, 1);
  assert.match(messageOf(found[0]), /global ARG/);
  assert.deepEqual(withCode(diagnoseStrict('ARG VERSION=1\nFROM alpine\nARG VERSION\nLABEL version=$VERSION\n'), 'undefined-variable'), []);
});

test('undefined variables: RUN is left to the shell, predefined args are defined', () => {
  assert.deepEqual(withCode(diagnoseStrict('FROM scratch\nRUN echo $NOPE\nCOPY . /$TARGETARCH/\n'), 'undefined-variable'), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globSource } from '../../../server/src/common/globs';

const matches = (glob: string, mode: 'optional' | 'literal', path: string) => new RegExp(`^${globSource(glob, mode)}$`).test(path);

test('* and ? stay in one segment, ** crosses folders, the rest is literal', () => {
  assert.ok(matches('Dockerfile.*', 'literal', 'Dockerfile.prod'));
  assert.ok(!matches('Dockerfile.*', 'literal', 'Dockerfile.d/x'));
  assert.ok(matches('a?c', 'literal', 'abc') && !matches('a?c', 'literal', 'a/c'));
  assert.ok(matches('deploy/**/x.yaml', 'literal', 'deploy/a/b/x.yaml'));
  assert.ok(!matches('a.b', 'literal', 'axb'), 'a dot is a dot');
  assert.ok(matches('(x)+[y]', 'literal', '(x)+[y]'), 'regular-expression characters are literal');
});

test('the slash after ** is optional only where the caller says so', () => {
  assert.ok(matches('**/x.yaml', 'optional', 'x.yaml'));
  assert.ok(!matches('**/x.yaml', 'literal', 'x.yaml'));
  assert.ok(matches('**/x.yaml', 'literal', 'a/x.yaml'));
});

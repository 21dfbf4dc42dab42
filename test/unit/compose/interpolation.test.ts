import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allVariables, scanTemplate, substitute, unsetWithoutDefault, variableAt } from '../../../server/src/compose/interpolation';

// The same mapping compose-go's template tests use: FOO set, BAR set but empty, JSON set.
const values: Record<string, string> = { FOO: 'first', BAR: '', JSON: '{"json":2}' };
const lookup = (name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined);
const run = (text: string) => substitute(text, lookup);

test('escapes and lone dollars stay literal', () => {
  assert.equal(run('$${foo}').value, '${foo}');
  for (const text of ['a $ string', '^REGEX$', '$}', '$', 'foo']) assert.equal(run(text).value, text, text);
  assert.deepEqual(scanTemplate('$$VAR').variables, []);
  assert.deepEqual(scanTemplate('$$VAR').escapes, [0]);
});

test('invalid templates are flagged, not substituted', () => {
  for (const text of ['${', '${}', '${ }', '${ foo}', '${foo }', '${foo!}', '${VAR/a/b}']) {
    assert.equal(run(text).invalid, true, text);
    assert.ok(scanTemplate(text).invalid, text);
  }
  assert.equal(run('${FOO}').invalid, false);
});

test('plain and braced names', () => {
  assert.equal(run('$FOO-bar').value, 'first-bar');
  assert.equal(run('This $FOO var').value, 'This first var');
  assert.equal(run('This ${FOO} var').value, 'This first var');
  const missing = run('This ${missing} var');
  assert.equal(missing.value, 'This  var');
  assert.deepEqual(missing.missing, ['missing']);
  assert.deepEqual(run('This ${BAR} var').missing, [], 'empty is set');
});

test('defaults, alternatives and required values as Compose computes them', () => {
  const cases: [string, string][] = [
    ['ok ${missing:-def}', 'ok def'],
    ['ok ${missing-def}', 'ok def'],
    ['ok ${BAR:-def}', 'ok def'],
    ['ok ${FOO:-def}', 'ok first'],
    ['ok ${BAR-def}', 'ok '],
    ['ok ${UNSET_VAR:+presence_value}', 'ok '],
    ['ok ${UNSET_VAR+presence_value}', 'ok '],
    ['ok ${FOO:+presence_value}', 'ok presence_value'],
    ['ok ${BAR+presence_value}', 'ok presence_value'],
    ['ok ${BAR:+presence_value}', 'ok '],
    ['ok ${BAR:-/non:-alphanumeric}', 'ok /non:-alphanumeric'],
    ['+ok ${UNSET:-${BAR-defaultValue}}', '+ok '],
    ['ok ${UNSET_VAR-${FOO} ${FOO}}', 'ok first first'],
    ['ok ${BAR+$FOO ${FOO:+second}}', 'ok first second'],
    ['ok ${FOO:?err}', 'ok first'],
    ['ok ${BAR?err}', 'ok '],
    ['${A:+${A},}B', 'B'],
  ];
  for (const [text, expected] of cases) assert.equal(run(text).value, expected, text);
  assert.deepEqual(run('${A:+${A},}B').missing, [], 'an unused alternative looks nothing up');
  assert.deepEqual(run('${A:-${B}}').missing, ['B'], 'a used default does');
});

test('required variables fail with their message, interpolated', () => {
  assert.deepEqual(run('not ok ${UNSET_VAR:?Mandatory ${FOO}}').requiredError, { name: 'UNSET_VAR', message: 'Mandatory first' });
  assert.deepEqual(run('${BAR:?empty}').requiredError, { name: 'BAR', message: 'empty' });
  assert.equal(run('${BAR?empty}').requiredError, undefined);
});

test('scan gives names, spans, operators and nested uses with offsets', () => {
  const text = 'image: ${REGISTRY:-${HOST:-docker.io}}/app:$TAG';
  const scan = scanTemplate(text, 100);
  assert.equal(scan.variables.length, 2);
  const [registry, tag] = scan.variables;
  assert.equal(registry.name, 'REGISTRY');
  assert.equal(registry.operator, ':-');
  assert.equal(text.slice(registry.start - 100, registry.end - 100), '${REGISTRY:-${HOST:-docker.io}}');
  assert.equal(text.slice(registry.nameStart - 100, registry.nameEnd - 100), 'REGISTRY');
  assert.equal(registry.argument?.text, '${HOST:-docker.io}');
  assert.equal(registry.nested[0].name, 'HOST');
  assert.equal(text.slice(registry.nested[0].nameStart - 100, registry.nested[0].nameEnd - 100), 'HOST');
  assert.equal(tag.name, 'TAG');
  assert.equal(tag.braced, false);
  assert.deepEqual(allVariables(scan).map((use) => use.name), ['REGISTRY', 'HOST', 'TAG']);
  assert.equal(variableAt(scan, registry.nested[0].nameStart + 1)?.name, 'HOST');
  assert.equal(variableAt(scan, registry.nameStart)?.name, 'REGISTRY');
  assert.equal(variableAt(scan, 105), undefined);
});

test('unset variables without a default, only where Compose would look them up', () => {
  const names = (text: string) => unsetWithoutDefault(scanTemplate(text), lookup).map((use) => use.name);
  assert.deepEqual(names('${A} $B ${FOO} ${BAR}'), ['A', 'B']);
  assert.deepEqual(names('${A:-x} ${A-x} ${A:?x} ${A?x} ${A:+x} ${A+x}'), []);
  assert.deepEqual(names('${A:-${B}}'), ['B'], 'the default is used, B is needed');
  assert.deepEqual(names('${FOO:-${B}}'), [], 'FOO is set, the default is never read');
  assert.deepEqual(names('${FOO:+${B}}'), ['B'], 'the alternative is used');
  assert.deepEqual(names('${A:?${B}}'), [], 'an error text changes nothing');
  assert.deepEqual(names('$$A'), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEnvFile } from '../../../server/src/compose/envFile';

const valuesOf = (text: string, env: Record<string, string> = {}) => Object.fromEntries(parseEnvFile(text, (name) => env[name]).values);

test('plain, quoted, exported and commented lines', () => {
  const text = [
    '# a comment',
    '',
    'PLAIN=value',
    'SPACED = spaced value   ',
    'export EXPORTED=yes',
    'COMMENTED=keep # this goes',
    'HASH=a#b',
    "SINGLE='no $PLAIN here'",
    'DOUBLE="with $PLAIN and \\n"',
    'YAMLISH: colon',
    'EMPTY=',
    'OPTION_K=\'Let\\\'s go!\'',
    'VAR.WITH.DOTS=dots',
    'VAR-WITH-DASHES=dashes',
    'QUOTED_COMMENT="x" # trailing',
  ].join('\n');
  assert.deepEqual(valuesOf(text), {
    PLAIN: 'value',
    SPACED: 'spaced value',
    EXPORTED: 'yes',
    COMMENTED: 'keep',
    HASH: 'a#b',
    SINGLE: 'no $PLAIN here',
    DOUBLE: 'with value and \n',
    YAMLISH: 'colon',
    EMPTY: '',
    OPTION_K: "Let's go!",
    'VAR.WITH.DOTS': 'dots',
    'VAR-WITH-DASHES': 'dashes',
    QUOTED_COMMENT: 'x',
  });
});

test('multi-line quoted values, CRLF and a byte-order mark', () => {
  assert.deepEqual(valuesOf("\ufeffA='first line\nsecond line'\r\nB=2\r\n"), { A: 'first line\nsecond line', B: '2' });
  assert.deepEqual(valuesOf('KEY="one\ntwo"'), { KEY: 'one\ntwo' });
});

test('interpolation inside the file: earlier lines, the environment first, defaults, escapes', () => {
  const text = 'HOST=db\nURL=postgres://${HOST}:${PORT:-5432}\nRAW=\\$HOST\nLIT=$$HOST\nFROM_ENV=${USER}';
  assert.deepEqual(valuesOf(text, { USER: 'me', HOST: 'shell' }), {
    HOST: 'db', URL: 'postgres://shell:5432', RAW: '\\shell', LIT: '$HOST', FROM_ENV: 'me',
  });
  assert.equal(valuesOf('A="\\$HOST"', { HOST: 'x' }).A, '$HOST', 'a double-quoted \\$ is a literal dollar');
});

test('a bare key takes its value from the environment, or is absent', () => {
  assert.deepEqual(valuesOf('INHERITED\nOTHER=1', { INHERITED: 'from-shell' }), { INHERITED: 'from-shell', OTHER: '1' });
  assert.deepEqual(valuesOf('INHERITED\nOTHER=1'), { OTHER: '1' });
});

test('entries carry the key position and line', () => {
  const text = '# c\nexport  NAME=1\n  OTHER=2';
  const file = parseEnvFile(text);
  assert.deepEqual(file.entries.map((e) => [e.name, e.line, text.slice(e.nameStart, e.nameEnd)]), [['NAME', 1, 'NAME'], ['OTHER', 2, 'OTHER']]);
});

test('broken lines stop the file with an error on their line', () => {
  const bad = parseEnvFile('GOOD=1\nBAD KEY=2\nLATER=3');
  assert.equal(bad.error?.line, 1);
  assert.deepEqual(Object.fromEntries(bad.values), { GOOD: '1' });
  assert.match(parseEnvFile('A=1\nB!=2').error?.message.en ?? '', /unexpected character "!"/);
  assert.equal(parseEnvFile("A='never closed\nB=2").error?.line, 0);
  assert.equal(parseEnvFile('A=1\nB=2').error, undefined);
});

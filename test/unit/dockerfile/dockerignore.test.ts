import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPath, ignoredBy, parseDockerignore } from '../../../server/src/dockerfile/dockerignore';
import { diagnose, withCode } from './rules-helpers';

const ignored = (patterns: string, path: string) => ignoredBy(parseDockerignore(patterns), path)?.text;

test('patterns follow Docker semantics: segments, **, directories, exceptions, last match wins', () => {
  assert.equal(ignored('*.md', 'README.md'), '*.md');
  assert.equal(ignored('*.md', 'docs/README.md'), undefined, '* stays in one segment');
  assert.equal(ignored('**/*.md', 'docs/a/README.md'), '**/*.md');
  assert.equal(ignored('**/*.md', 'README.md'), '**/*.md', '**/ may match no directory');
  assert.equal(ignored('node_modules', 'node_modules/x/index.js'), 'node_modules', 'a directory covers its contents');
  assert.equal(ignored('*\n!keep.txt', 'keep.txt'), undefined);
  assert.equal(ignored('!keep.txt\n*', 'keep.txt'), '*', 'the last matching pattern wins');
  assert.equal(ignored('/build/', 'build/out.js'), '/build/');
  assert.equal(ignored('file?.txt', 'file1.txt'), 'file?.txt');
  assert.equal(ignored('[a-c].txt', 'b.txt'), '[a-c].txt');
  assert.equal(ignored('# comment\n\n  dist  ', 'dist'), 'dist');
});

test('paths are cleaned like filepath.Clean', () => {
  assert.equal(cleanPath('./a//b/../c/'), 'a/c');
  assert.equal(cleanPath('/abs/path'), 'abs/path');
  assert.equal(cleanPath('.\\win\\path'), 'win/path');
});

test('<Dockerfile>.dockerignore wins over the context .dockerignore', () => {
  const text = 'FROM alpine:3.20\nCOPY app.log /var/log/\nCOPY config.yaml /etc/\n';
  const files = { '/work/app/.dockerignore': '*.log\n', '/work/app/Dockerfile.dockerignore': 'config.yaml\n' };
  const found = withCode(diagnose(text, { files }), 'copy-ignored-file');
  assert.deepEqual(found.map((d) => d.range.start.line), [2]);
});

test('URLs, heredocs and variables are never matched', () => {
  const text = 'FROM alpine:3.20\nADD https://example.com/x.log /x/\nCOPY <<EOF /a.log\nhi\nEOF\nCOPY $LOG /x/\n';
  assert.deepEqual(withCode(diagnose(text, { files: { '/work/app/.dockerignore': '*\n' } }), 'copy-ignored-file'), []);
});

test('a hostile pattern does not hang', () => {
  const patterns = parseDockerignore(`${'*'.repeat(200)}a\n${'**/'.repeat(100)}b`);
  const started = Date.now();
  ignoredBy(patterns, `${'x'.repeat(500)}/c`);
  assert.ok(Date.now() - started < 1000);
});

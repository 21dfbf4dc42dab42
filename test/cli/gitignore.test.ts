import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { discoverFiles } from '../../server/src/cli/discover';
import { compileIgnoreLine, isIgnored, parseIgnoreFile, type IgnoreStack } from '../../server/src/cli/gitignore';
import { tree } from './helpers';

/** Whether `patterns` (one .gitignore at /repo) ignore `path` (relative, `/` at the end = folder). */
function ignores(patterns: string, path: string): boolean {
  const stack: IgnoreStack = { file: parseIgnoreFile('/repo', patterns) };
  const isDirectory = path.endsWith('/');
  return isIgnored(stack, `/repo/${path.replace(/\/$/, '')}`, isDirectory);
}

describe('gitignore patterns', () => {
  it('matches a plain name at any depth, files and folders alike', () => {
    assert.equal(ignores('build', 'build'), true);
    assert.equal(ignores('build', 'a/b/build/'), true);
    assert.equal(ignores('build', 'a/builder'), false);
  });

  it('anchors patterns with a leading or inner slash', () => {
    assert.equal(ignores('/build', 'build'), true);
    assert.equal(ignores('/build', 'sub/build'), false);
    assert.equal(ignores('doc/frotz', 'doc/frotz'), true);
    assert.equal(ignores('doc/frotz', 'a/doc/frotz'), false);
  });

  it('`dir/` matches folders only', () => {
    assert.equal(ignores('logs/', 'logs/'), true);
    assert.equal(ignores('logs/', 'logs'), false);
    assert.equal(ignores('logs/', 'x/logs/'), true);
  });

  it('`*` and `?` stay inside one path segment', () => {
    assert.equal(ignores('*.yaml', 'deep/dir/app.yaml'), true);
    assert.equal(ignores('k8s/*.yaml', 'k8s/app.yaml'), true);
    assert.equal(ignores('k8s/*.yaml', 'k8s/sub/app.yaml'), false);
    assert.equal(ignores('Dockerfile.?', 'Dockerfile.a'), true);
    assert.equal(ignores('Dockerfile.?', 'Dockerfile.ab'), false);
    assert.equal(ignores('a?b', 'a/b'), false);
  });

  it('supports `**` leading, trailing and inside', () => {
    assert.equal(ignores('**/foo', 'foo'), true);
    assert.equal(ignores('**/foo', 'x/y/foo'), true);
    assert.equal(ignores('**/foo/bar', 'x/foo/bar'), true);
    assert.equal(ignores('abc/**', 'abc/x/y'), true);
    assert.equal(ignores('abc/**', 'abc/'), false);
    assert.equal(ignores('a/**/b', 'a/b'), true);
    assert.equal(ignores('a/**/b', 'a/x/y/b'), true);
    assert.equal(ignores('a/**/b', 'a/x/c'), false);
  });

  it('supports character classes, ranges and negated classes', () => {
    assert.equal(ignores('Dockerfile.[ab]', 'Dockerfile.a'), true);
    assert.equal(ignores('Dockerfile.[ab]', 'Dockerfile.c'), false);
    assert.equal(ignores('v[0-9].yaml', 'v7.yaml'), true);
    assert.equal(ignores('v[!0-9].yaml', 'v7.yaml'), false);
    assert.equal(ignores('v[!0-9].yaml', 'vx.yaml'), true);
    assert.equal(ignores('v[^0-9].yaml', 'vx.yaml'), true);
    assert.equal(ignores('a[/]b', 'a/b'), false);
    // An unclosed bracket is a literal.
    assert.equal(ignores('a[b', 'a[b'), true);
  });

  it('lets a later `!pattern` re-include, and the last match win', () => {
    assert.equal(ignores('*.yaml\n!keep.yaml', 'keep.yaml'), false);
    assert.equal(ignores('*.yaml\n!keep.yaml', 'drop.yaml'), true);
    assert.equal(ignores('!keep.yaml\n*.yaml', 'keep.yaml'), true);
  });

  it('skips comments and blanks, honours escapes and trailing spaces', () => {
    assert.equal(compileIgnoreLine('# comment'), undefined);
    assert.equal(compileIgnoreLine('   '), undefined);
    assert.equal(ignores('\\#notes', '#notes'), true);
    assert.equal(ignores('\\!bang', '!bang'), true);
    assert.equal(ignores('trail   ', 'trail'), true);
    assert.equal(ignores('space\\ ', 'space '), true);
    assert.equal(ignores('a\\*b', 'a*b'), true);
    assert.equal(ignores('a\\*b', 'axb'), false);
    assert.equal(ignores('x.yaml\r\n', 'x.yaml'), true);
  });

  it('lets a deeper file override the one above it', () => {
    const top = { file: parseIgnoreFile('/repo', '*.yaml') };
    const nested: IgnoreStack = { file: parseIgnoreFile('/repo/keep', '!*.yaml'), parent: top };
    assert.equal(isIgnored(nested, '/repo/keep/a.yaml', false), false);
    assert.equal(isIgnored(nested, '/repo/other/a.yaml', false), true);
  });

  it('never backtracks badly on long names', () => {
    const stack: IgnoreStack = { file: parseIgnoreFile('/repo', '**/a*a*a*a*a*a*a*b\n**/**/**/c') };
    assert.equal(isIgnored(stack, `/repo/${'a'.repeat(5000)}`, false), false);
    assert.equal(isIgnored(stack, `/repo/${'x/'.repeat(2000)}d`, false), false);
  });
});

describe('discovery', () => {
  const files = {
    '.gitignore': 'generated/\n*.tmp.yaml\n/rootonly.yaml\n',
    'Dockerfile': 'FROM alpine:3.20\n',
    'api.Dockerfile': 'FROM alpine:3.20\n',
    'Containerfile.dev': 'FROM alpine:3.20\n',
    'deploy/app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
    'deploy/skip.tmp.yaml': 'x: 1\n',
    'deploy/rootonly.yaml': 'x: 1\n',
    'rootonly.yaml': 'x: 1\n',
    'generated/Dockerfile': 'FROM alpine:3.20\n',
    'nested/.gitignore': '!*.tmp.yaml\nlocal/\n',
    'nested/keep.tmp.yaml': 'x: 1\n',
    'nested/local/Dockerfile': 'FROM alpine:3.20\n',
    'node_modules/pkg/Dockerfile': 'FROM alpine:3.20\n',
    'README.md': '# hi\n',
    'Dockerfile.dockerignore': '*.md\n',
  };

  it('finds every Dockerfile name and YAML file, honouring nested .gitignore files', () => {
    const root = tree(files);
    const found = discoverFiles(['.'], { cwd: root, onUnreadable: () => assert.fail('nothing is unreadable') });
    assert.deepEqual(found.map((f) => `${f.path} ${f.kind}`), [
      'Containerfile.dev dockerfile',
      'Dockerfile dockerfile',
      'api.Dockerfile dockerfile',
      `${join('deploy', 'app.yaml')} yaml`,
      `${join('deploy', 'rootonly.yaml')} yaml`,
      `${join('nested', 'keep.tmp.yaml')} yaml`,
    ]);
  });

  it('applies the .gitignore files above a folder it is asked to walk', () => {
    const root = tree(files);
    const found = discoverFiles([join(root, 'deploy')], { cwd: root, onUnreadable: () => {} });
    assert.deepEqual(found.map((f) => f.absolute), [join(root, 'deploy', 'app.yaml'), join(root, 'deploy', 'rootonly.yaml')]);
  });

  it('takes explicitly named files whatever their name or ignore rules, once each', () => {
    const root = tree(files);
    const found = discoverFiles(['generated/Dockerfile', 'README.md', 'generated/Dockerfile'], { cwd: root, onUnreadable: () => {} });
    assert.deepEqual(found.map((f) => [f.path, f.kind]), [['generated/Dockerfile', 'dockerfile'], ['README.md', undefined]]);
  });

  it('can ignore the .gitignore files', () => {
    const root = tree(files);
    const found = discoverFiles(['.'], { cwd: root, gitignore: false, onUnreadable: () => {} });
    assert.ok(found.some((f) => f.path === join('generated', 'Dockerfile')));
    assert.ok(!found.some((f) => f.path.includes('node_modules')), 'node_modules is always skipped');
  });

  it('reports paths that do not exist', () => {
    const root = tree({});
    const unreadable: string[] = [];
    discoverFiles(['missing'], { cwd: root, onUnreadable: (path, reason) => unreadable.push(`${path} ${reason}`) });
    assert.deepEqual(unreadable, ['missing ENOENT']);
  });
});

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { FilePaths } from '../../../server/src/lsp/filePaths';

test('a file URI\'s path is fileURLToPath\'s, and asking again gives the same answer', () => {
  const paths = new FilePaths();
  const uri = 'file:///work/my%20app/Dockerfile';
  assert.equal(paths.of(uri), fileURLToPath(uri));
  assert.equal(paths.of(uri), fileURLToPath(uri));
});

test('other schemes and URIs fileURLToPath refuses have no path, remembered too', () => {
  const paths = new FilePaths();
  assert.equal(paths.of('untitled:Untitled-1'), undefined);
  assert.equal(paths.of('vscode-vfs://github/org/repo/Dockerfile'), undefined);
  // A file URI naming a host is refused on POSIX (and an encoded slash everywhere).
  assert.equal(paths.of('file:///work/a%2Fb'), undefined);
  assert.equal(paths.of('file:///work/a%2Fb'), undefined);
});

test('past its limit the memo starts again and still answers correctly', () => {
  const paths = new FilePaths();
  for (let i = 0; i < 2500; i++) {
    const uri = `file:///work/f${i}/Dockerfile`;
    assert.equal(paths.of(uri), `/work/f${i}/Dockerfile`);
  }
  assert.equal(paths.of('file:///work/f0/Dockerfile'), '/work/f0/Dockerfile');
});

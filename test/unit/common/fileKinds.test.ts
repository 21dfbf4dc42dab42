import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDockerfileName, languageKindOf } from '../../../server/src/common/fileKinds';

test('every Dockerfile naming convention users have is recognised', () => {
  for (const name of ['Dockerfile', 'dockerfile', 'Dockerfile.dev', 'Dockerfile.prod.arm64', 'app.dockerfile', 'app.Dockerfile', 'CentosDockerfile', 'Containerfile', 'Containerfile.fedora', 'build/Dockerfile', 'C:\\src\\Dockerfile']) {
    assert.ok(isDockerfileName(name), name);
  }
  for (const name of ['Dockerfile.dockerignore', '.dockerignore', 'docker-compose.yml', 'README.md', 'notes.txt']) {
    assert.ok(!isDockerfileName(name), name);
  }
});

test('language kind comes from the language id, else from the name', () => {
  assert.equal(languageKindOf('dockerfile', 'file:///x/anything'), 'dockerfile');
  assert.equal(languageKindOf('yaml', 'file:///x/anything'), 'yaml');
  assert.equal(languageKindOf('plaintext', 'file:///x/CentosDockerfile'), 'dockerfile');
  assert.equal(languageKindOf(undefined, 'file:///x/deploy.yml'), 'yaml');
  assert.equal(languageKindOf('plaintext', 'file:///x/notes.txt'), undefined);
});

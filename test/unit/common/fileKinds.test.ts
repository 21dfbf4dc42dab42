import assert from 'node:assert/strict';
import { test } from 'node:test';
import packageJson from '../../../package.json';
import { isDockerfileName, isJsonDocument, languageKindOf, mightBeKubernetesJson } from '../../../server/src/common/fileKinds';

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

test('Dockerfile names come from the patterns the extension contributes in package.json', () => {
  for (const name of ['Dockerfile_arm', 'Dockerfile-WINDOWS_LTSC2022', 'app.Containerfile', 'Containerfile-ubi9', 'Containerfile_minimal', 'Dockerfile', 'Dockerfile.prod', 'api.dockerfile', 'CentosDockerfile', 'Containerfile']) {
    assert.ok(isDockerfileName(name), name);
  }
  for (const name of ['Dockerfile.dockerignore', 'Dockerfiles/', 'Dockerfiles', 'README.md', 'Dockerfiles/README.md']) {
    assert.ok(!isDockerfileName(name), name);
  }
  // Each contributed pattern, instantiated, is a Dockerfile name: nothing is listed in one place only.
  const language = packageJson.contributes.languages.find((l) => l.id === 'dockerfile')!;
  const examples = [...(language.filenames ?? []), ...language.filenamePatterns.map((pattern) => pattern.replaceAll('*', 'web')), ...(language.extensions ?? []).map((extension) => `web${extension}`)];
  for (const name of examples) assert.ok(isDockerfileName(name), name);
});

test('JSON is read by the Kubernetes engine, and a cheap look tells manifests from other JSON', () => {
  assert.equal(languageKindOf('json', 'file:///x/anything.json'), 'yaml');
  assert.equal(languageKindOf(undefined, 'file:///x/deploy.json'), 'yaml');
  assert.ok(isJsonDocument('json', 'untitled:Untitled-1'));
  assert.ok(isJsonDocument('yaml', 'file:///x/deploy.json'));
  assert.ok(!isJsonDocument('yaml', 'file:///x/deploy.yaml'));
  assert.ok(mightBeKubernetesJson('{"apiVersion": "v1", "kind": "List", "items": []}'));
  assert.ok(!mightBeKubernetesJson('{"name": "web", "version": "1.0.0", "kind": "library"}'));
  // The words quoted inside a string are escaped there (`\"kind\"`): they do not count.
  assert.ok(!mightBeKubernetesJson('{"notes": ["\\"apiVersion\\" and \\"kind\\" are keys"]}'));
});

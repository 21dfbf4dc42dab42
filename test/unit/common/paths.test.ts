import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseName, directoryOf, isAtOrBelow, joinPath, withoutTrailingSeparator } from '../../../server/src/common/paths';

test('baseName takes the last segment, whichever separator the platform wrote', () => {
  assert.equal(baseName('/work/app/Dockerfile'), 'Dockerfile');
  assert.equal(baseName('C:\\src\\app\\Dockerfile'), 'Dockerfile');
  assert.equal(baseName('file:///work/k8s/deploy.yaml'), 'deploy.yaml');
  assert.equal(baseName('dist/app.tar.gz'), 'app.tar.gz');
  assert.equal(baseName('/opt/app/'), 'app');
  assert.equal(baseName('Dockerfile'), 'Dockerfile');
  assert.equal(baseName('/'), '');
  assert.equal(baseName('C:\\'), '');
});

test('directoryOf goes one folder up and stops at a root', () => {
  assert.equal(directoryOf('/work/app/Dockerfile'), '/work/app');
  assert.equal(directoryOf('/work/app/'), '/work');
  assert.equal(directoryOf('/Dockerfile'), '/');
  assert.equal(directoryOf('/'), '/');
  assert.equal(directoryOf('C:\\src\\Dockerfile'), 'C:\\src');
  assert.equal(directoryOf('C:\\Dockerfile'), 'C:\\');
  assert.equal(directoryOf('C:\\'), 'C:\\');
  assert.equal(directoryOf('file:///work/deploy.yaml'), 'file:///work');
  assert.equal(directoryOf('file:///deploy.yaml'), 'file:///');
  assert.equal(directoryOf('k8s/deploy.yaml'), 'k8s');
  assert.equal(directoryOf('Dockerfile'), '');
});

test('joinPath writes one separator, in the style of the folder', () => {
  assert.equal(joinPath('/work/app', '.dockerignore'), '/work/app/.dockerignore');
  assert.equal(joinPath('/work/app/', '.dockerignore'), '/work/app/.dockerignore');
  assert.equal(joinPath('/', '.dockerignore'), '/.dockerignore');
  assert.equal(joinPath('C:\\src', '.hadolint.yaml'), 'C:\\src\\.hadolint.yaml');
  assert.equal(joinPath('C:\\', '.hadolint.yaml'), 'C:\\.hadolint.yaml');
  assert.equal(joinPath('C:/src', 'x'), 'C:/src/x');
  assert.equal(joinPath('', 'x'), 'x');
});

test('withoutTrailingSeparator keeps roots', () => {
  assert.equal(withoutTrailingSeparator('/work/app/'), '/work/app');
  assert.equal(withoutTrailingSeparator('/work/app//'), '/work/app');
  assert.equal(withoutTrailingSeparator('C:\\src\\'), 'C:\\src');
  assert.equal(withoutTrailingSeparator('/'), '/');
  assert.equal(withoutTrailingSeparator('C:\\'), 'C:\\');
});

test('isAtOrBelow compares whole segments', () => {
  assert.ok(isAtOrBelow('/work/app/Dockerfile', '/work/app'));
  assert.ok(isAtOrBelow('/work/app/Dockerfile', '/work/app/'));
  assert.ok(isAtOrBelow('/work/app', '/work/app'));
  assert.ok(isAtOrBelow('/work/app/', '/work/app'));
  assert.ok(isAtOrBelow('/anything', '/'));
  assert.ok(isAtOrBelow('C:\\src\\app\\Dockerfile', 'C:\\src'));
  assert.ok(!isAtOrBelow('/work/application/Dockerfile', '/work/app'));
  assert.ok(!isAtOrBelow('/work', '/work/app'));
});

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CachedFiles } from '../../server/src/config/cachedFiles';
import { FolderListings } from '../../server/src/config/folderListings';
import { ProjectConfig } from '../../server/src/config/projectConfig';
import { cli, tree } from './helpers';

/**
 * The command line answers "is there a `.stevedore.yaml` here?" from each folder's listing, read
 * once per run (config/folderListings.ts), instead of a failed stat per name. The answers must be
 * the disk's: these tests compare a listing-backed reader with the plain one over the same tree,
 * and check that a change between two runs in one process is seen (each run lists afresh).
 */

const probedNames = ['.stevedore.yaml', '.stevedore.yml', '.hadolint.yaml', '.kube-linter.yml', '.dockerignore', 'Dockerfile.dockerignore', '.gitignore', '.git', 'HEAD', 'missing', 'sub', 'Sub', 'ünïcode.yaml'];

function sampleTree(): string {
  return tree({
    '.stevedore.yaml': 'docs:\n  language: en\n',
    'Dockerfile': 'FROM alpine:3.20\n',
    'Dockerfile.dockerignore': 'node_modules\n',
    'sub/.hadolint.yaml': 'ignored: [DL3008]\n',
    'sub/deep/.kube-linter.yml': 'checks: {}\n',
    'sub/deep/pod.yaml': 'apiVersion: v1\nkind: Pod\n',
    'ünïcode.yaml': 'a: 1\n',
    'worktree/.git': 'gitdir: /elsewhere\n',
  });
}

test('a listing-backed reader answers every probe as the disk does', () => {
  const root = sampleTree();
  const folders = [root, join(root, 'sub'), join(root, 'sub', 'deep'), join(root, 'nowhere'), join(root, 'nowhere', 'deeper'), join(root, '.git'), join(root, 'worktree'), join(root, 'worktree', '.git'), join(root, 'Dockerfile')];
  const plain = new CachedFiles();
  const listed = CachedFiles.forRun();
  for (const folder of folders) {
    for (const name of probedNames) {
      const path = join(folder, name);
      assert.equal(listed.readText(path), plain.readText(path), `readText ${path}`);
      assert.equal(listed.kindOf(path), plain.kindOf(path), `kindOf ${path}`);
    }
  }
  // The folders named above were each listed at most once; the missing ones and those below a file not at all.
  assert.ok(listed.listings!.listed <= 5, `listed ${listed.listings!.listed} folders`);
});

test('a name that differs only in case or normalisation is left to the disk', () => {
  const root = tree({ 'Compose.YAML': 'services: {}\n', 'caf\u00e9.env': 'A=1\n' });
  const listings = new FolderListings(() => assert.fail('listed'), [[root, ['Compose.YAML', 'caf\u00e9.env']]]);
  assert.equal(listings.mayExist(join(root, 'compose.yaml')), true);
  assert.equal(listings.mayExist(join(root, 'cafe\u0301.env')), true);
  assert.equal(listings.mayExist(join(root, 'other.yaml')), false);
  assert.equal(listings.mayExist(join(root, 'other', 'deeper.yaml')), false, 'below a folder its parent lacks');
  assert.equal(listings.mayExist('/'), true);
});

test('a snapshot carries the listings to another instance, and forget lists a folder again', () => {
  const root = tree({ 'a/Dockerfile': 'FROM alpine\n' });
  const list = (folder: string): string[] => readdirSync(folder);
  const first = new FolderListings(list);
  assert.equal(first.mayExist(join(root, 'a', '.dockerignore')), false);
  const second = new FolderListings(list, first.snapshot());
  assert.equal(second.mayExist(join(root, 'a', '.dockerignore')), false);
  assert.equal(second.listed, 0, 'the snapshot answered without listing');
  writeFileSync(join(root, 'a', '.dockerignore'), '*.md\n');
  second.forget(join(root, 'a', '.dockerignore'));
  assert.equal(second.mayExist(join(root, 'a', '.dockerignore')), true);
  // Through the loader: an invalidated path is read again and seen.
  const files = CachedFiles.forRun();
  const project = new ProjectConfig(files);
  assert.equal(project.dockerignoreFor(join(root, 'b', 'Dockerfile')), undefined);
  mkdirSync(join(root, 'b'));
  writeFileSync(join(root, 'b', '.dockerignore'), 'tmp\n');
  project.invalidate(join(root, 'b', '.dockerignore'));
  assert.equal(project.dockerignoreFor(join(root, 'b', 'Dockerfile'))?.text, 'tmp\n');
});

test('a config file added or removed between two runs in one process is seen', async () => {
  const root = tree({ 'app/Dockerfile': 'FROM ubuntu:latest\nRUN echo hi\n' });
  const findingsOf = async (): Promise<string[]> => {
    const run = await cli(['lint', '.', '-f', 'json'], { cwd: root });
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string }[] }[] };
    return report.files.flatMap((file) => file.diagnostics.map((d) => d.ruleId));
  };
  const before = await findingsOf();
  assert.ok(before.length > 0, 'the Dockerfile has findings to switch off');
  const switchedOff = before[0];
  writeFileSync(join(root, 'app', '.stevedore.yaml'), `dockerfile:\n  rules:\n    ${switchedOff}: off\n`);
  const withConfig = await findingsOf();
  assert.ok(!withConfig.includes(switchedOff), `${switchedOff} is off in the second run`);
  rmSync(join(root, 'app', '.stevedore.yaml'));
  assert.deepEqual(await findingsOf(), before);
});

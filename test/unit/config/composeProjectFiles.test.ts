import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { CachedFiles } from '../../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../../server/src/config/projectConfig';

test('a Compose file gets a reader bounded to its workspace folder; other kinds get none', () => {
  const base = mkdtempSync(join(tmpdir(), 'stevedore-compose-'));
  try {
    const root = join(base, 'ws');
    mkdirSync(join(root, 'app'), { recursive: true });
    writeFileSync(join(root, 'compose.yaml'), 'services: {}\n');
    writeFileSync(join(root, '.env'), 'A=1\n');
    writeFileSync(join(base, 'outside.env'), 'SECRET=1\n');
    const files = new CachedFiles();
    const project = new ProjectConfig(files, { roots: [root] });
    const path = join(root, 'compose.yaml');
    const facts = project.factsFor(path, project.settingsFor(path), 'compose');
    const reader = facts.files!;
    assert.equal(reader.readText(join(root, '.env')), 'A=1\n');
    assert.equal(reader.kindOf(join(root, 'app')), 'directory');
    assert.equal(reader.kindOf(join(root, '.env')), 'file');
    assert.equal(reader.kindOf(join(root, 'nothing')), 'missing');
    assert.equal(reader.readText(join(base, 'outside.env')), undefined, 'nothing above the workspace folder is read');
    assert.equal(reader.kindOf(join(root, '..', 'outside.env')), undefined, 'outside: unknown, not missing');
    assert.equal(project.factsFor(path, project.settingsFor(path), 'yaml').files, undefined);

    // Answers are cached until a file event; a created folder is seen after its event.
    const reads = files.reads;
    assert.equal(reader.kindOf(join(root, 'nothing')), 'missing');
    assert.equal(files.reads, reads, 'a second question reads nothing');
    mkdirSync(join(root, 'nothing'));
    writeFileSync(join(root, 'nothing', 'Dockerfile'), 'FROM alpine\n');
    assert.equal(project.invalidate(join(root, 'nothing', 'Dockerfile')), true, 'a file in a folder we found missing matters');
    const fresh = project.factsFor(path, project.settingsFor(path), 'compose').files!;
    assert.equal(fresh.kindOf(join(root, 'nothing')), 'directory');
    assert.equal(project.invalidate(join(root, 'unrelated.txt')), false, 'an unrelated file re-checks nothing');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

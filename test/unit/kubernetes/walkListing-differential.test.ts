import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFiles } from '../../../server/src/common/service';
import { ProjectFileFilter } from '../../../server/src/config/projectFiles';
import { ListedFolders, WalkFolder } from '../../../server/src/lsp/walkListing';
import { seededRandom } from '../seededRandom';

/**
 * The workspace walk's shortcuts (server/src/lsp/walkListing.ts) must not change what it finds:
 * an entry's path and URI made from its folder's equal `join` and `pathToFileURL`, and the
 * project-file filter told by the walk's listings which folders lack `.git` / `.gitignore` answers
 * every question as the filter that reads the disk, while reading the disk far less.
 */

test('an entry path and URI made from its folder equal join and pathToFileURL, for plain and odd names', () => {
  const random = seededRandom(1919);
  const alphabet = ['a', 'Z', '0', '-', '_', '.', ' ', '%', '#', '?', '\u00e9', '\u6587', '[', '&', '+', '~', '@', '\\', ':', ';', '=', "'", '!', '$', ','];
  const folders = ['/', '/tmp', '/tmp/ws/', '/tmp//ws', '/tmp/a b/c%20d', '/tmp/\u6587\u4ef6/x#y', '/srv/./repo/../repo2', '/srv/.hidden/x', '/srv/x/..'];
  const names = ['app.yaml', 'Dockerfile', '.gitignore', '..yaml', '-x.yml', '_a', 'a..b', 'values.prod.json', '.', '..'];
  for (let i = 0; i < 400; i++) names.push(Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
  let plain = 0;
  for (const path of folders) {
    const folder = new WalkFolder(path);
    assert.equal(folder.path, join(path, '.'), path);
    for (const name of names) {
      if (name === '.' || name === '..') continue; // never listed by readdir
      const full = folder.pathOf(name);
      assert.equal(full, join(path, name), `${path} + ${name}`);
      assert.equal(folder.uriOf(name, full), pathToFileURL(join(path, name)).toString(), `${path} + ${name}`);
      if (/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name)) plain++;
    }
  }
  assert.ok(plain > 50, `the shortcut was taken (${plain} plain names)`);
});

/** A tree with repositories (a `.git` folder, a `.git` file as worktrees have), ignore files at several levels, and odd cases. */
function generatedTree(random: () => number): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-walk-listing-'));
  const folders = [root];
  for (let i = 0; i < 120; i++) {
    const parent = folders[Math.floor(random() * folders.length)];
    const folder = join(parent, ['svc', 'build', 'gen', 'node_modules', 'deploy', 'tmp'][Math.floor(random() * 6)] + i);
    mkdirSync(folder);
    folders.push(folder);
    const roll = random();
    if (roll < 0.06) { mkdirSync(join(folder, '.git', 'info'), { recursive: true }); writeFileSync(join(folder, '.git', 'HEAD'), 'ref: refs/heads/main\n'); writeFileSync(join(folder, '.git', 'info', 'exclude'), '*.tmp.yaml\n'); }
    else if (roll < 0.1) writeFileSync(join(folder, '.git'), 'gitdir: ../elsewhere\n');
    if (random() < 0.3) writeFileSync(join(folder, '.gitignore'), ['gen*/', '*.secret.yaml', '!keep.secret.yaml', 'build*/out.yaml', '/deploy*', ''].filter(() => random() < 0.5).join('\n'));
    if (random() < 0.03) writeFileSync(join(folder, '.GITIGNORE'), '*.yaml\n');
    for (const name of ['a.yaml', 'b.secret.yaml', 'keep.secret.yaml', 'out.yaml', 'c.tmp.yaml', 'Dockerfile']) if (random() < 0.5) writeFileSync(join(folder, name), 'kind: ConfigMap\n');
  }
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(root, '.gitignore'), 'tmp*/\n*.secret.yaml\n');
  return root;
}

/** The disk, with a count of the reads. */
function countingReader(): WorkspaceFiles & { reads: number } {
  const reader = {
    reads: 0,
    readText(path: string): string | undefined {
      reader.reads++;
      try { return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined; } catch { return undefined; }
    },
  };
  return reader;
}

test('the filter told the walk\'s listings answers every entry of a tree as the filter reading the disk', () => {
  for (const seed of [3, 19, 42]) {
    const root = generatedTree(seededRandom(seed));
    try {
      const disk = countingReader();
      const listedDisk = countingReader();
      const listed = new ListedFolders(listedDisk);
      // Roots as the server gets them: sometimes with a trailing separator.
      const plainFilter = new ProjectFileFilter({ files: disk, roots: [root] });
      const listedFilter = new ProjectFileFilter({ files: listed, roots: [`${root}${sep}`] });
      const queue = [root];
      let entries = 0;
      let skipped = 0;
      while (queue.length > 0) {
        const dir = queue.shift()!;
        const listing = readdirSync(dir, { withFileTypes: true });
        listed.note(dir, listing.map((entry) => entry.name));
        for (const entry of listing) {
          const full = join(dir, entry.name);
          const isDirectory = entry.isDirectory();
          const expected = plainFilter.skipsEntry(full, isDirectory);
          assert.equal(listedFilter.skipsEntry(full, isDirectory), expected, `${full} (seed ${seed})`);
          assert.equal(listedFilter.isExcluded(full, isDirectory), plainFilter.isExcluded(full, isDirectory), `${full} (seed ${seed})`);
          entries++;
          if (expected) skipped++;
          else if (isDirectory) queue.push(full);
        }
      }
      assert.ok(entries > 100 && skipped > 10 && skipped < entries, `a tree with skipped and kept entries (${skipped} of ${entries}, seed ${seed})`);
      assert.ok(listedDisk.reads * 2 < disk.reads, `the listings spared most reads (${listedDisk.reads} vs ${disk.reads}, seed ${seed})`);
      // After the walk (clear) and for a forgotten folder, the disk answers again.
      listed.clear();
      const before = listedDisk.reads;
      assert.equal(listed.readText(join(root, 'svc0-none', '.gitignore')), undefined);
      assert.equal(listedDisk.reads, before + 1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
});

test('a listing is trusted for the names it lacks only, and not after forget', () => {
  const disk = { reads: [] as string[], readText(path: string) { this.reads.push(path); return 'x'; } };
  const listed = new ListedFolders(disk);
  const folder = join(sep, 'ws', 'a');
  listed.note(folder, ['app.yaml', '.gitignore']);
  assert.equal(listed.readText(join(folder, '.git')), undefined);
  assert.equal(listed.readText(join(folder, '.git', 'HEAD')), undefined);
  assert.equal(listed.readText(join(folder, '.git', 'info', 'exclude')), undefined);
  assert.equal(listed.readText(join(folder, '.gitignore')), 'x');
  assert.equal(listed.readText(join(folder, 'app.yaml')), 'x');
  assert.equal(listed.readText(join(sep, 'ws', '.gitignore')), 'x', 'a folder not listed goes to the disk');
  listed.note(folder, ['.Git']);
  assert.equal(listed.readText(join(folder, '.git', 'HEAD')), 'x', 'a name that may be .git on a case-insensitive disk');
  assert.equal(listed.readText(join(folder, '.gitignore')), undefined);
  listed.forget(folder);
  assert.equal(listed.readText(join(folder, '.gitignore')), 'x');
  assert.deepEqual(disk.reads, [join(folder, '.gitignore'), join(folder, 'app.yaml'), join(sep, 'ws', '.gitignore'), join(folder, '.git', 'HEAD'), join(folder, '.gitignore')]);
});

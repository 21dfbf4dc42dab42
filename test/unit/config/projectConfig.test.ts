import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeSettings } from '../../../server/src/common/settings';
import { CachedFiles } from '../../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../../server/src/config/projectConfig';

/** A project in memory; `reads` counts what the loader asked the "disk" for. */
function projectOf(files: Record<string, string>, roots: string[] = []) {
  const disk = { ...files };
  const cache = new CachedFiles((path) => disk[path]);
  return { project: new ProjectConfig(cache, { roots }), cache, disk };
}

test('.stevedore.yaml: the nearest one applies, searched up to the repository root', () => {
  const { project } = projectOf({
    '/repo/.git/HEAD': 'ref: refs/heads/main',
    '/repo/.stevedore.yaml': 'dockerfile:\n  rules:\n    image-untagged: error\n',
    '/repo/svc/.stevedore.yml': 'stevedore.dockerfile.rules:\n  image-untagged: "off"\n',
    '/.stevedore.yaml': 'dockerfile:\n  rules:\n    outside: error\n',
  });
  assert.equal(project.settingsFor('/repo/web/Dockerfile').dockerfile.rules['image-untagged'], 'error');
  assert.equal(project.settingsFor('/repo/svc/api/Dockerfile').dockerfile.rules['image-untagged'], 'off');
  // The search stops at the repository root: the file above it is another project's.
  assert.equal(project.settingsFor('/repo/web/Dockerfile').dockerfile.rules.outside, undefined);
});

test('a workspace folder bounds every search, like a repository root', () => {
  const { project } = projectOf({
    '/home/me/.hadolint.yaml': 'ignored: [DL3006]\n',
    '/home/me/.kube-linter.yaml': 'checks:\n  exclude: [latest-tag]\n',
    '/home/me/.stevedore.yaml': 'docs:\n  language: zh-cn\n',
  }, ['/home/me/work']);
  assert.equal(project.hadolintFor('/home/me/work/app/Dockerfile'), undefined);
  assert.equal(project.kubeLinterFor('/home/me/work/app/web.yaml'), undefined);
  assert.equal(project.settingsFor('/home/me/work/app/web.yaml').docs.language, 'auto');
  // Outside the workspace folder the search goes on up.
  assert.equal(project.hadolintFor('/home/me/other/Dockerfile')?.path, '/home/me/.hadolint.yaml');
});

test('the editor settings go on top of .stevedore.yaml; values left at their default do not hide it', () => {
  const { project } = projectOf({
    '/w/.git/HEAD': 'x',
    '/w/.stevedore.yaml': 'docs:\n  language: zh-cn\ndockerfile:\n  rules:\n    image-untagged: error\n    DL3008: "off"\nformat:\n  continuationIndent: 2\n',
  });
  const editorDefaults = normalizeSettings(undefined);
  const quiet = project.settingsFor('/w/Dockerfile', editorDefaults);
  assert.equal(quiet.docs.language, 'zh-cn');
  assert.equal(quiet.format.continuationIndent, 2);
  assert.deepEqual(quiet.dockerfile.rules, { 'image-untagged': 'error', DL3008: 'off' });
  const editor = normalizeSettings({ docs: { language: 'en' }, dockerfile: { rules: { 'image-untagged': 'hint' } }, format: { continuationIndent: 8 } });
  const layered = project.settingsFor('/w/Dockerfile', editor);
  assert.equal(layered.docs.language, 'en');
  assert.equal(layered.format.continuationIndent, 8);
  assert.deepEqual(layered.dockerfile.rules, { 'image-untagged': 'hint', DL3008: 'off' });
});

test('custom schema paths: .stevedore.yaml relative to its folder, editor settings relative to the workspace folder', () => {
  const { project } = projectOf({
    '/w/.git/HEAD': 'x',
    '/w/deploy/.stevedore.yaml': 'kubernetes:\n  customSchemas: [../schemas/a.yaml]\n',
    '/w/schemas/a.yaml': 'a',
    '/w/crds/b.yaml': 'b',
  }, ['/w']);
  const settings = project.settingsFor('/w/deploy/app.yaml', normalizeSettings({ kubernetes: { customSchemas: ['crds/b.yaml', 'crds/missing.yaml'] } }));
  const facts = project.factsFor('/w/deploy/app.yaml', settings, 'yaml');
  assert.deepEqual(facts.customSchemaFiles.map((file) => [file.path, file.text]), [['/w/schemas/a.yaml', 'a'], ['/w/crds/b.yaml', 'b']]);
});

test('the build context: <Dockerfile>.dockerignore wins over .dockerignore', () => {
  const { project } = projectOf({ '/w/.dockerignore': 'a', '/w/Dockerfile.prod.dockerignore': 'b' });
  assert.equal(project.dockerignoreFor('/w/Dockerfile.prod')?.text, 'b');
  assert.equal(project.dockerignoreFor('/w/Dockerfile')?.text, 'a');
});

test('after the first answer nothing is read again until the front reports a change', () => {
  const { project, cache, disk } = projectOf({ '/w/.git/HEAD': 'x', '/w/.hadolint.yaml': 'ignored: [DL3006]\n' }, ['/w']);
  const settings = project.settingsFor('/w/a/b/Dockerfile');
  const first = project.factsFor('/w/a/b/Dockerfile', settings, 'dockerfile');
  const readsAfterFirst = cache.reads;
  assert.ok(readsAfterFirst > 0);
  for (let i = 0; i < 5; i++) project.factsFor('/w/a/b/Dockerfile', project.settingsFor('/w/a/b/Dockerfile'), 'dockerfile');
  // A sibling Dockerfile shares the folders' answers; only its own .dockerignore candidates are new.
  project.factsFor('/w/a/b/Dockerfile.dev', settings, 'dockerfile');
  assert.equal(cache.reads, readsAfterFirst + 1);
  assert.deepEqual(first.hadolint?.config.ignored, ['DL3006']);

  // The editor reports the edit: the next answer sees it.
  disk['/w/.hadolint.yaml'] = 'ignored: [DL3007]\n';
  assert.equal(project.invalidate('/w/.hadolint.yaml'), true);
  assert.deepEqual(project.factsFor('/w/a/b/Dockerfile', settings, 'dockerfile').hadolint?.config.ignored, ['DL3007']);
  // A file nobody asked about changes nothing.
  assert.equal(project.invalidate('/w/a/b/notes.txt'), false);
  // A config file created where the search had found none is picked up too.
  disk['/w/a/.hadolint.yml'] = 'ignored: [DL3000]\n';
  assert.equal(project.invalidate('/w/a/.hadolint.yml'), true);
  assert.equal(project.hadolintFor('/w/a/b/Dockerfile')?.path, '/w/a/.hadolint.yml');
});

test('broken config files are reported once each, and count as absent', () => {
  const { project } = projectOf({ '/w/.git/HEAD': 'x', '/w/.kube-linter.yaml': 'checks: [a\n', '/w/.stevedore.yaml': 'dockerfile:\n  rules:\n    no-such-rule: error\n' });
  assert.equal(project.kubeLinterFor('/w/web.yaml'), undefined);
  assert.equal(project.kubeLinterFor('/w/sub/web.yaml'), undefined);
  project.settingsFor('/w/web.yaml');
  assert.equal(project.problems.filter((p) => p.path === '/w/.kube-linter.yaml').length, 1);
  assert.match(project.notices.map((n) => n.message).join('\n'), /no known rule "no-such-rule"/);
});

test('a cache without file watching expires its entries', () => {
  let now = 0;
  const disk: Record<string, string> = { '/w/.hadolint.yaml': 'ignored: [A]' };
  const cache = new CachedFiles((path) => disk[path], 3000, () => now);
  assert.equal(cache.readText('/w/.hadolint.yaml'), 'ignored: [A]');
  disk['/w/.hadolint.yaml'] = 'ignored: [B]';
  now = 2000;
  assert.equal(cache.readText('/w/.hadolint.yaml'), 'ignored: [A]');
  now = 3500;
  assert.equal(cache.readText('/w/.hadolint.yaml'), 'ignored: [B]');
});

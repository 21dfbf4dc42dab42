import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { discoverFiles } from '../../../server/src/cli/discover';
import { runCli } from '../../../server/src/cli/run';
import type { WorkspaceFiles } from '../../../server/src/common/service';
import { CachedFiles } from '../../../server/src/config/cachedFiles';
import { alwaysSkippedFolders, maxProjectFileBytes, ProjectFileFilter } from '../../../server/src/config/projectFiles';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import type { WorkspaceIndexer } from '../../../server/src/lsp/workspaceIndexer';
import { startIndexer } from '../kubernetes/indexerKit';
import { contextFor } from '../helpers';

/** An in-memory project under /repo (a repository: it has .git/HEAD). */
function memoryFiles(files: Record<string, string>): WorkspaceFiles & { set(path: string, text: string | undefined): void } {
  const texts = new Map(Object.entries(files).map(([path, text]) => [`/repo/${path}`, text]));
  texts.set('/repo/.git/HEAD', 'ref: refs/heads/main\n');
  return {
    readText: (path) => texts.get(path),
    set(path, text) {
      if (text === undefined) texts.delete(path);
      else texts.set(path, text);
    },
  };
}

function filterOf(files: Record<string, string>, options: { gitignore?: boolean } = {}): ProjectFileFilter {
  return new ProjectFileFilter({ files: memoryFiles(files), roots: ['/repo'], ...options });
}

/** `path` relative to /repo; a trailing `/` marks a folder. */
const excluded = (filter: ProjectFileFilter, path: string): boolean => filter.isExcluded(`/repo/${path.replace(/\/$/, '')}`, path.endsWith('/'));

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-project-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('project files: git-ignore rules', () => {
  it('applies nested .gitignore files, each relative to its own folder', () => {
    const filter = filterOf({ '.gitignore': '*.tmp\n', 'deploy/.gitignore': '/local.yaml\ndrafts\n' });
    assert.equal(excluded(filter, 'notes.tmp'), true);
    assert.equal(excluded(filter, 'deploy/x/notes.tmp'), true);
    // Anchored to deploy/: only deploy/local.yaml, not one at the top or further down.
    assert.equal(excluded(filter, 'deploy/local.yaml'), true);
    assert.equal(excluded(filter, 'local.yaml'), false);
    assert.equal(excluded(filter, 'deploy/staging/local.yaml'), false);
    // Unanchored in deploy/: any depth below deploy/, nothing outside it.
    assert.equal(excluded(filter, 'deploy/a/b/drafts/pod.yaml'), true);
    assert.equal(excluded(filter, 'drafts/pod.yaml'), false);
  });

  it('lets a later `!pattern` re-include, and a deeper file override a shallower one', () => {
    const filter = filterOf({ '.gitignore': '*.yaml\n!keep.yaml\nbuild/\n', 'app/.gitignore': '!build/\n!*.yaml\n' });
    assert.equal(excluded(filter, 'drop.yaml'), true);
    assert.equal(excluded(filter, 'keep.yaml'), false);
    assert.equal(excluded(filter, 'build/pod.yaml'), true);
    assert.equal(excluded(filter, 'app/build/pod.yaml'), false);
    assert.equal(excluded(filter, 'app/sub/pod.yaml'), false);
  });

  it('anchors patterns with a slash and matches `dir/` against folders only', () => {
    const filter = filterOf({ '.gitignore': '/out\nlogs/\nk8s/*.yaml\n' });
    assert.equal(excluded(filter, 'out/'), true);
    assert.equal(excluded(filter, 'sub/out/'), false);
    assert.equal(excluded(filter, 'logs/'), true);
    assert.equal(excluded(filter, 'a/logs/'), true);
    assert.equal(excluded(filter, 'a/logs'), false, 'a file named logs is not a folder');
    assert.equal(excluded(filter, 'k8s/pod.yaml'), true);
    assert.equal(excluded(filter, 'k8s/sub/pod.yaml'), false);
  });

  it('keeps a file ignored when its folder is, whatever negation follows (as git does)', () => {
    const folder = filterOf({ '.gitignore': 'gen/\n!gen/keep.yaml\n' });
    assert.equal(excluded(folder, 'gen/keep.yaml'), true);
    assert.equal(folder.skipsEntry('/repo/gen', true), true);
    // With `gen/*` the folder itself is not excluded, so the negation works.
    const contents = filterOf({ '.gitignore': 'gen/*\n!gen/keep.yaml\n' });
    assert.equal(excluded(contents, 'gen/keep.yaml'), false);
    assert.equal(excluded(contents, 'gen/other.yaml'), true);
  });

  it('reads .git/info/exclude, below every .gitignore', () => {
    const filter = filterOf({ '.git/info/exclude': 'scratch/\n*.yaml\n', '.gitignore': '!pod.yaml\n' });
    assert.equal(excluded(filter, 'scratch/pod.yaml'), true);
    assert.equal(excluded(filter, 'svc.yaml'), true);
    assert.equal(excluded(filter, 'pod.yaml'), false);
  });

  it('forgets an ignore file when told it changed', () => {
    const files = memoryFiles({ '.gitignore': 'gen/\n' });
    const filter = new ProjectFileFilter({ files, roots: ['/repo'] });
    assert.equal(filter.isExcluded('/repo/gen/cm.yaml', false), true);
    files.set('/repo/.gitignore', '# nothing ignored any more\n');
    assert.equal(filter.isExcluded('/repo/gen/cm.yaml', false), true, 'still the parsed copy');
    assert.equal(filter.invalidate('/repo/.gitignore'), true);
    assert.equal(filter.isExcluded('/repo/gen/cm.yaml', false), false);
    assert.equal(filter.invalidate('/repo/deploy/pod.yaml'), false, 'not an ignore file');
  });

  it('outside a repository, honours the .gitignore files of the walked folder', () => {
    const files: WorkspaceFiles = { readText: (path) => (path === '/tarball/.gitignore' ? 'gen/\n' : undefined) };
    const filter = new ProjectFileFilter({ files, roots: ['/tarball'] });
    assert.equal(filter.isExcluded('/tarball/gen/cm.yaml', false), true);
    assert.equal(filter.isExcluded('/tarball/deploy/pod.yaml', false), false);
  });

  it('walks a folder named explicitly even when git ignores it, applying only the rules inside it', () => {
    const files = memoryFiles({ '.gitignore': 'gen/\n', 'gen/.gitignore': 'old/\n' });
    const filter = new ProjectFileFilter({ files, roots: ['/repo/gen'] });
    assert.equal(filter.skipsEntry('/repo/gen/cm.yaml', false), false);
    assert.equal(filter.skipsEntry('/repo/gen/old', true), true);
  });
});

describe('project files: always-skipped folders and the size cap', () => {
  it('never walks dependency and VCS folders, git-ignored or not, with --no-gitignore too', () => {
    for (const name of ['node_modules', '.git', 'vendor', '.hg', '.svn', '.venv', 'venv', '.terraform', 'bower_components', '__pycache__', '.vscode-test']) {
      assert.ok(alwaysSkippedFolders.has(name), name);
    }
    for (const gitignore of [true, false]) {
      const filter = filterOf({ '.gitignore': 'gen/\n' }, { gitignore });
      assert.equal(filter.skipsEntry('/repo/node_modules', true), true);
      assert.equal(filter.skipsEntry('/repo/deploy/vendor', true), true);
      assert.equal(excluded(filter, 'node_modules/pkg/chart/values.yaml'), true);
      assert.equal(excluded(filter, 'gen/cm.yaml'), gitignore);
      // A file that happens to be called `vendor` is still a file.
      assert.equal(filter.skipsEntry('/repo/vendor', false), false);
    }
  });

  it('caps file size at 1 MB in the CLI and the workspace index alike', async () => {
    assert.equal(maxProjectFileBytes, 1024 * 1024);
    const configMap = (name: string, size: number): string => {
      const head = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n# `;
      return `${head}${'x'.repeat(size - head.length - 1)}\n`;
    };
    const root = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'at-cap.yaml': configMap('at-cap', maxProjectFileBytes), 'over-cap.yaml': configMap('over-cap', maxProjectFileBytes + 1) });
    const cli = await runInProcess(['lint', '.', '-f', 'json'], root);
    const report = JSON.parse(cli.stdout) as { files: { path: string }[]; skipped: { path: string; reason: string }[] };
    assert.deepEqual(report.files.map((f) => f.path), ['at-cap.yaml']);
    assert.deepEqual(report.skipped, [{ path: 'over-cap.yaml', reason: 'too-large' }]);
    const indexer = await indexed(root);
    assert.deepEqual(indexer.index.ofKind('ConfigMap').map((o) => o.name), ['at-cap']);
    indexer.dispose();
  });
});

/** git itself, isolated from the machine's global and system config (core.excludesFile). */
function git(args: string[], cwd: string, input?: string): string {
  const home = mkdtempSync(join(tmpdir(), 'stevedore-git-home-'));
  made.push(home);
  const result = spawnSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
  if (result.error) throw result.error;
  // check-ignore exits 1 when nothing is ignored; anything else is a failure.
  if (result.status !== 0 && result.status !== 1) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('project files: the same answers as git', () => {
  const ignoreFiles: Record<string, string> = {
    '.gitignore': [
      '# comments and blank lines are nothing',
      '',
      '*.log',
      '!important.log',
      '/build',
      'logs/',
      'gen/',
      '!gen/keep.yaml',
      'out/*',
      '!out/keep.yaml',
      'docs/**/*.tmp',
      '**/cache',
      'a/**/b',
      '\\#hash.yaml',
      '[Tt]emp/',
      'trailing.yaml   ',
      'dist/',
      'CaseSensitive.yaml',
    ].join('\n'),
    'deploy/.gitignore': '/local.yaml\nsecret-*.yaml\n!secret-public.yaml\n',
    'deploy/app/.gitignore': '!*.log\n',
    'app/.gitignore': '!dist/\n',
    'crlf/.gitignore': 'windows.yaml\r\nother.yaml\r\n',
    // Ignore everything but YAML, the usual allow-list idiom.
    'allow/.gitignore': '*\n!*/\n!*.yaml\n',
    'nested/.gitignore': '**/tmp.yaml\nsub/anchored.yaml\npod?.yaml\n[!a]x.yaml\ncontent/**\n',
    // Folder names that look like patterns must match only themselves.
    'we[ir]d/.gitignore': 'x.yaml\n',
    '!bang/.gitignore': 'x.yaml\n',
    '#hash/.gitignore': 'x.yaml\n',
    '.git/info/exclude': 'scratch/\n',
  };
  const paths = [
    'pod.yaml', 'debug.log', 'important.log', 'sub/debug.log',
    'build/pod.yaml', 'sub/build/pod.yaml', 'build',
    'logs/pod.yaml', 'x/logs/pod.yaml', 'logs-file.yaml',
    'gen/keep.yaml', 'gen/cm.yaml', 'gen/deep/cm.yaml',
    'out/keep.yaml', 'out/other.yaml',
    'docs/a/b/notes.tmp', 'docs/notes.tmp', 'notes.tmp',
    'cache/pod.yaml', 'deep/cache/pod.yaml',
    'a/b/pod.yaml', 'a/x/y/b/pod.yaml', 'a/c/pod.yaml',
    '#hash.yaml', 'Temp/pod.yaml', 'temp/pod.yaml', 'tEmp/pod.yaml',
    'trailing.yaml', 'dist/pod.yaml', 'app/dist/pod.yaml',
    'CaseSensitive.yaml', 'casesensitive.yaml',
    'deploy/local.yaml', 'deploy/staging/local.yaml', 'local.yaml',
    'deploy/secret-db.yaml', 'deploy/x/secret-db.yaml', 'deploy/secret-public.yaml', 'secret-db.yaml',
    'deploy/app/debug.log', 'deploy/debug.log',
    'crlf/windows.yaml', 'crlf/other.yaml',
    'scratch/pod.yaml',
    'allow/a.yaml', 'allow/a.txt', 'allow/sub/b.yaml', 'allow/sub/b.txt',
    'nested/tmp.yaml', 'nested/x/tmp.yaml', 'tmp.yaml', 'nested/sub/anchored.yaml', 'nested/y/sub/anchored.yaml',
    'nested/pod1.yaml', 'nested/pod12.yaml', 'nested/bx.yaml', 'nested/ax.yaml', 'nested/content/c.yaml', 'nested/content',
    'we[ir]d/x.yaml', 'weid/x.yaml', '!bang/x.yaml', '#hash/x.yaml',
    'linked/x.yaml',
  ];
  /** Paths above that are folders (they exist through the files inside them). */
  const folders = new Set(['build', 'nested/content']);
  /**
   * Known differences from git, each with its reason; any other difference fails the test (and so
   * does a listed one that stops being different). Not exercised here, by design: git's global
   * `core.excludesFile` is not read (a machine's personal list must not change what CI reports),
   * and names compare case-sensitively as with git's default on Linux (`core.ignorecase` unread).
   */
  const knownDifferences = new Map<string, string>([
    ['linked/x.yaml', 'git (2.32+) does not follow a .gitignore that is a symbolic link; ours is read through the same reader as every config file, which follows links'],
  ]);

  it('agrees with `git check-ignore` on every path', () => {
    const root = tempTree(Object.fromEntries([...Object.entries(ignoreFiles), ...paths.filter((p) => !folders.has(p)).map((p) => [p, 'x: 1\n'])]));
    git(['init', '-q'], root);
    // init may have written its own info/exclude; ours replaces it.
    writeFileSync(join(root, '.git', 'info', 'exclude'), ignoreFiles['.git/info/exclude']);
    writeFileSync(join(root, 'shared-ignore'), 'x.yaml\n');
    symlinkSync(join('..', 'shared-ignore'), join(root, 'linked', '.gitignore'));
    const output = git(['check-ignore', '--no-index', '-v', '-n', '--stdin'], root, `${paths.join('\n')}\n`);
    const byGit = new Map<string, boolean>();
    for (const line of output.split('\n').filter(Boolean)) {
      const [source, path] = line.split('\t');
      const pattern = source.split(':').slice(2).join(':');
      byGit.set(path, source !== '::' && !pattern.startsWith('!'));
    }
    assert.equal(byGit.size, paths.length, output);
    const filter = new ProjectFileFilter({ files: new CachedFiles(), roots: [root] });
    const differences: string[] = [];
    for (const path of paths) {
      const isDirectory = folders.has(path);
      const ours = filter.isExcluded(join(root, ...path.split('/')), isDirectory);
      if (ours !== byGit.get(path) && !knownDifferences.has(path)) differences.push(`${path}: git says ${byGit.get(path) ? 'ignored' : 'not ignored'}, we say ${ours ? 'ignored' : 'not ignored'}`);
    }
    assert.deepEqual(differences, []);
    for (const path of knownDifferences.keys()) assert.notEqual(filter.isExcluded(join(root, path), false), byGit.get(path), `${path} is listed as a difference but agrees now`);
    // Sanity: the fixture exercises both answers.
    assert.ok([...byGit.values()].includes(true) && [...byGit.values()].includes(false));
  });

  it('walks the files `git ls-files --others --exclude-standard` lists', () => {
    const root = tempTree(Object.fromEntries([...Object.entries(ignoreFiles), ...paths.filter((p) => !folders.has(p) && p.endsWith('.yaml')).map((p) => [p, 'x: 1\n'])]));
    git(['init', '-q'], root);
    writeFileSync(join(root, '.git', 'info', 'exclude'), ignoreFiles['.git/info/exclude']);
    const listed = git(['ls-files', '--others', '--exclude-standard'], root).split('\n').filter((p) => p.endsWith('.yaml')).sort();
    const walked = discoverFiles(['.'], { cwd: root, onUnreadable: () => undefined }).map((f) => f.path.split(sep).join('/')).sort();
    assert.deepEqual(walked, listed);
  });
});

async function runInProcess(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env: { LANG: 'en_US.UTF-8' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: () => '',
  });
  return { code, stdout, stderr };
}

/** A workspace indexer over `root`, after its first walk. */
async function indexed(root: string): Promise<WorkspaceIndexer> {
  const { indexer, finished } = startIndexer(root);
  await finished;
  return indexer;
}

describe('project files: the CLI and the editor agree', () => {
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  selector:',
    '    matchLabels: {app: api}',
    '  template:',
    '    metadata:',
    '      labels: {app: api}',
    '    spec:',
    '      containers:',
    '        - name: api',
    '          image: registry.example/api:1.4.2',
    '          envFrom:',
    '            - configMapRef:',
    '                name: api-settings',
    '',
  ].join('\n');
  const generatedConfigMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api-settings\ndata:\n  LOG_LEVEL: debug\n';

  it('a ConfigMap in a git-ignored folder is not part of the project for either', async () => {
    const root = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', '.gitignore': 'gen/\n', 'gen/configmap.yaml': generatedConfigMap, 'deploy/api.yaml': deployment });

    const cli = await runInProcess(['lint', '.', '-f', 'json', '--severity-threshold', 'none'], root);
    const report = JSON.parse(cli.stdout) as { files: { path: string; diagnostics: { ruleId: string }[] }[] };
    assert.deepEqual(report.files.map((f) => f.path), [join('deploy', 'api.yaml')]);
    assert.ok(report.files[0].diagnostics.some((d) => d.ruleId === 'config-reference-missing'), JSON.stringify(report.files[0].diagnostics));

    const indexer = await indexed(root);
    const configMapUri = pathToFileURL(join(root, 'gen', 'configmap.yaml')).toString();
    assert.equal(indexer.index.has(configMapUri), false);
    const deploymentUri = pathToFileURL(join(root, 'deploy', 'api.yaml')).toString();
    const editor = kubernetesService.diagnose!(parseManifestFile(TextDocument.create(deploymentUri, 'yaml', 1, deployment)), { ...contextFor('en'), filePath: join(root, 'deploy', 'api.yaml'), workspace: indexer.index });
    assert.ok(editor.some((d) => d.code === 'config-reference-missing'), JSON.stringify(editor));

    // A watched change to the ignored file keeps it out of the index.
    writeFileSync(join(root, 'gen', 'configmap.yaml'), generatedConfigMap.replace('debug', 'info'));
    indexer.watchedFilesChanged([{ uri: configMapUri, type: FileChangeType.Changed }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(indexer.index.has(configMapUri), false);

    // Un-ignoring gen/ brings the ConfigMap in; ignoring it again takes it out.
    writeFileSync(join(root, '.gitignore'), 'build/\n');
    indexer.watchedFilesChanged([{ uri: pathToFileURL(join(root, '.gitignore')).toString(), type: FileChangeType.Changed }]);
    await waitFor(() => indexer.index.has(configMapUri));
    writeFileSync(join(root, '.gitignore'), 'gen/\n');
    indexer.watchedFilesChanged([{ uri: pathToFileURL(join(root, '.gitignore')).toString(), type: FileChangeType.Changed }]);
    await waitFor(() => !indexer.index.has(configMapUri));
    indexer.dispose();
  });

  it('indexes JSON manifests and leaves other JSON alone', async () => {
    const root = tempTree({
      'deploy/settings.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'api-settings' }, data: { A: '1' } }, null, 2),
      'package.json': JSON.stringify({ name: 'web', version: '1.0.0', scripts: { kind: 'not a manifest' } }),
    });
    const indexer = await indexed(root);
    assert.deepEqual(indexer.index.ofKind('ConfigMap').map((o) => o.name), ['api-settings']);
    assert.equal(indexer.index.fileCount, 1);
    indexer.dispose();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startIndexer } from './indexerKit';
import { goodManifest } from './k8sTestKit';

const [deploymentText, serviceText] = goodManifest.split('---\n');

function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-index-'));
  mkdirSync(join(root, 'deploy', 'app'), { recursive: true });
  mkdirSync(join(root, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(join(root, 'deploy', 'app', 'deployment.yaml'), deploymentText);
  writeFileSync(join(root, 'deploy', 'service.yml'), serviceText);
  writeFileSync(join(root, 'node_modules', 'pkg', 'svc.yaml'), serviceText.replace('name: web', 'name: dep'));
  writeFileSync(join(root, 'compose.yaml'), 'services:\n  web:\n    image: nginx\n');
  writeFileSync(join(root, 'big.yaml'), `${serviceText}# ${'x'.repeat(4096)}\n`);
  return root;
}


test('the indexer walks the workspace, skipping dependencies, big files and non-Kubernetes YAML', async () => {
  const root = fixture();
  try {
    const { indexer, finished } = startIndexer(root, { maxFileBytes: 2048 });
    await finished;
    const names = [...indexer.index.all()].map((o) => `${o.kind}/${o.name}`).sort();
    assert.deepEqual(names, ['Deployment/web', 'Service/web']);
    assert.deepEqual(indexer.index.roots, [root]);
    indexer.dispose();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('open documents win over the disk; watched changes and deletions update the index', async () => {
  const root = fixture();
  try {
    const revalidated: string[][] = [];
    const { indexer, finished } = startIndexer(root, { revalidated, maxFileBytes: 2048 });
    await finished;
    const serviceUri = pathToFileURL(join(root, 'deploy', 'service.yml')).toString();
    const deployUri = pathToFileURL(join(root, 'deploy', 'app', 'deployment.yaml')).toString();
    // The user edits the Deployment's labels in the editor: the index follows the unsaved text.
    indexer.documentChanged(TextDocument.create(deployUri, 'yaml', 2, deploymentText.replaceAll('app: web', 'app: api')));
    assert.deepEqual(indexer.index.ofKind('Deployment')[0].podLabels, { app: 'api' });
    // The file is deleted on disk.
    indexer.watchedFilesChanged([{ uri: deployUri, type: FileChangeType.Deleted }]);
    assert.equal(indexer.index.ofKind('Deployment').length, 0);
    // A new file appears.
    const newFile = join(root, 'deploy', 'cm.yaml');
    writeFileSync(newFile, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
    indexer.watchedFilesChanged([{ uri: pathToFileURL(newFile).toString(), type: FileChangeType.Created }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(indexer.index.ofKind('ConfigMap')[0]?.name, 'settings');
    assert.ok(indexer.index.has(serviceUri));
    indexer.dispose();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('workspace folders added after start-up are walked; a removed folder leaves the index', async () => {
  const first = fixture();
  const second = mkdtempSync(join(tmpdir(), 'stevedore-index-added-'));
  writeFileSync(join(second, 'cache.yaml'), serviceText.replace('name: web', 'name: cache'));
  try {
    const revalidated: string[][] = [];
    const { indexer, finished, walked } = startIndexer(first, { revalidated, maxFileBytes: 2048 });
    await finished;
    const names = () => [...indexer.index.all()].map((o) => `${o.kind}/${o.name}`).sort();
    assert.deepEqual(names(), ['Deployment/web', 'Service/web']);

    indexer.foldersChanged([pathToFileURL(second).toString()], []);
    await walked(2);
    assert.deepEqual(names(), ['Deployment/web', 'Service/cache', 'Service/web']);
    assert.deepEqual(indexer.index.roots, [first, second]);

    indexer.foldersChanged([], [pathToFileURL(first).toString()]);
    assert.deepEqual(names(), ['Service/cache']);
    assert.deepEqual(indexer.index.roots, [second]);
    indexer.dispose();
  } finally {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  }
});

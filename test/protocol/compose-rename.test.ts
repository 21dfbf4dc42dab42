import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { StdioClient, positionOf } from './client';

test('renaming a service rewrites its declaration and every reference in the base and override files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-compose-rename-'));
  const base = 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    links: ["db:database"]\n  db:\n    image: postgres:16\n';
  const override = 'services:\n  db:\n    ports: ["5432:5432"]\n  admin:\n    image: adminer:4\n    network_mode: service:db\n';
  writeFileSync(join(dir, 'compose.yaml'), base);
  writeFileSync(join(dir, 'compose.override.yaml'), override);
  const { client } = await StdioClient.start({ rootUri: pathToFileURL(dir).href });
  try {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    const overrideUri = pathToFileURL(join(dir, 'compose.override.yaml')).href;
    await client.open(uri, 'dockercompose', base);
    await client.waitForDiagnostics(uri);
    const position = positionOf(base, '[db]', 1);
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.equal(prepared.placeholder, 'db');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'postgres' });
    const changes: Record<string, TextEdit[]> = edit.changes ?? {};
    assert.deepEqual(Object.keys(changes).sort(), [overrideUri, uri].sort());
    assert.equal(changes[uri].length, 3, 'declaration, depends_on and links');
    assert.equal(changes[overrideUri].length, 2, 'declaration and network_mode');
    assert.ok(Object.values(changes).flat().every((e) => e.newText === 'postgres'));

    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.deepEqual(references.map((l) => `${l.uri === uri ? 'base' : 'override'}:${l.range.start.line}`), ['base:3', 'base:4', 'override:5']);
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    assert.deepEqual(definition.map((l) => `${l.uri === uri ? 'base' : 'override'}:${l.range.start.line}`), ['base:5', 'override:1']);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

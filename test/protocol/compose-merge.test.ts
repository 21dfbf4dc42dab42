import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { StdioClient, positionOf } from './client';

const codes = (diagnostics: { code?: unknown }[]) => diagnostics.map((d) => String(d.code));

test('compose.yaml is checked with compose.override.yaml merged; an override edited on disk re-checks it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-compose-merge-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Dockerfile'), 'FROM node:20 AS dev\nFROM node:20-slim AS prod\n');
  writeFileSync(join(dir, 'compose.override.yaml'), 'networks:\n  back: {}\nservices:\n  db:\n    image: postgres:16\n');
  const base = 'services:\n  web:\n    build:\n      context: ./app\n      target: prod\n    networks: [back]\n    depends_on: [db]\n    env_file: ./web.env\n';
  writeFileSync(join(dir, 'compose.yaml'), base);
  const { client } = await StdioClient.start({ rootUri: pathToFileURL(dir).href });
  try {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    await client.open(uri, 'dockercompose', base);
    const first = await client.waitForDiagnostics(uri);
    // back and db come from the override; the env file is missing.
    assert.deepEqual(codes(first).filter((code) => code.startsWith('compose-') && code !== 'compose-obsolete-version'), ['compose-env-file-missing'], JSON.stringify(first));

    // The override loses the network: the base file's reference is now undeclared.
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  db:\n    image: postgres:16\n');
    writeFileSync(join(dir, 'web.env'), 'A=1\n');
    const published = client.published(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(dir, 'compose.override.yaml')).href, type: 2 }, { uri: pathToFileURL(join(dir, 'web.env')).href, type: 1 }],
    });
    const after = await client.waitForDiagnostics(uri, () => client.published(uri).length > published, 5000, false);
    assert.deepEqual(codes(after).filter((code) => code.startsWith('compose-')), ['compose-undeclared-network'], JSON.stringify(after));
    const network = after.find((d) => d.code === 'compose-undeclared-network')!;
    assert.deepEqual(network.range.start, { line: 5, character: 15 });

    // The override opened in the editor is checked against the base: its own mistakes only.
    const overrideUri = pathToFileURL(join(dir, 'compose.override.yaml')).href;
    await client.open(overrideUri, 'dockercompose', 'services:\n  web:\n    build:\n      target: staging\n');
    const override = await client.waitForDiagnostics(overrideUri);
    assert.deepEqual(codes(override).filter((code) => code.startsWith('compose-')), ['compose-build-target-unknown'], JSON.stringify(override));
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an included file declares services for the including one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-compose-include-'));
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'shared', 'compose.yaml'), 'services:\n  cache:\n    image: redis:7\n');
  const { client } = await StdioClient.start({ rootUri: pathToFileURL(dir).href });
  try {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    await client.open(uri, 'dockercompose', 'include:\n  - ./shared/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [cache, queue]\n');
    const diagnostics = await client.waitForDiagnostics(uri);
    const unknown = diagnostics.filter((d) => d.code === 'compose-undeclared-service');
    assert.equal(unknown.length, 1, JSON.stringify(diagnostics));
    assert.match(String(unknown[0].message), /queue/);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hover on ${VAR} shows its value from the project .env, a definition opens the .env line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-compose-env-'));
  writeFileSync(join(dir, '.env'), '# release\nTAG=2.4.1\n');
  const text = 'services:\n  web:\n    image: "shop/web:${TAG}"\n    environment:\n      MODE: ${MODE:-production}\n';
  const { client } = await StdioClient.start({ rootUri: pathToFileURL(dir).href });
  try {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    await client.open(uri, 'dockercompose', text);
    await client.waitForDiagnostics(uri);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '${TAG}', 3) });
    assert.match(hover.contents.value, /Value from `.env`: `2.4.1`/);
    const mode = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '${MODE', 3) });
    assert.match(mode.contents.value, /default applies.*`production`/s);
    const definition = await client.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, '${TAG}', 3) });
    assert.deepEqual(definition.map((l) => [l.uri, l.range.start.line]), [[pathToFileURL(join(dir, '.env')).href, 1]]);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unsaved edit of the open override re-checks the open base file with that text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-compose-open-'));
  const base = 'services:\n  web:\n    image: nginx:1.27\n    networks: [back]\n';
  writeFileSync(join(dir, 'compose.yaml'), base);
  writeFileSync(join(dir, 'compose.override.yaml'), 'services: {}\n');
  const { client } = await StdioClient.start({ rootUri: pathToFileURL(dir).href });
  const undeclared = (diagnostics: { code?: unknown }[]) => diagnostics.some((d) => d.code === 'compose-undeclared-network');
  try {
    const uri = pathToFileURL(join(dir, 'compose.yaml')).href;
    const overrideUri = pathToFileURL(join(dir, 'compose.override.yaml')).href;
    await client.open(uri, 'dockercompose', base);
    assert.ok(undeclared(await client.waitForDiagnostics(uri)));
    await client.open(overrideUri, 'dockercompose', 'services: {}\n');
    await client.waitForDiagnostics(overrideUri);
    await client.change(overrideUri, 'services: {}\nnetworks:\n  back: {}\n');
    await client.waitForDiagnostics(uri, (p) => !undeclared(p.diagnostics), 5000, false);
    await client.change(overrideUri, 'services: {}\n');
    await client.waitForDiagnostics(uri, (p) => undeclared(p.diagnostics), 5000, false);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

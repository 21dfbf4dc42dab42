import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { CompletionItem, CompletionList, Hover, InitializeResult, TextEdit } from 'vscode-languageserver-protocol';
import { positionOf, StdioClient } from './client';

/** Kubernetes hover and completion over real JSON-RPC, offline, with a CRD from customSchemas. */

const workspace = mkdtempSync(path.join(tmpdir(), 'stevedore-k8s-'));
const uri = pathToFileURL(path.join(workspace, 'app.yaml')).href;
const text = [
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  type: ClusterIP',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          imagePullPolicy: ',
  '---',
  'apiVersion: example.com/v1',
  'kind: Widget',
  'spec:',
  '  gears: 3',
  '',
].join('\n');

const crd = [
  'apiVersion: apiextensions.k8s.io/v1',
  'kind: CustomResourceDefinition',
  'metadata: {name: widgets.example.com}',
  'spec:',
  '  group: example.com',
  '  scope: Namespaced',
  '  names: {kind: Widget, plural: widgets}',
  '  versions:',
  '    - name: v1',
  '      served: true',
  '      storage: true',
  '      schema:',
  '        openAPIV3Schema:',
  '          type: object',
  '          properties:',
  '            spec:',
  '              type: object',
  '              properties:',
  '                gears: {type: integer, description: Number of gears in the widget.}',
  '',
].join('\n');

let client: StdioClient;
let init: InitializeResult;

before(async () => {
  mkdirSync(path.join(workspace, 'crds'), { recursive: true });
  writeFileSync(path.join(workspace, 'crds', 'widget.yaml'), crd);
  ({ client, init } = await StdioClient.start({
    locale: 'en',
    rootUri: pathToFileURL(workspace).href,
    settings: { kubernetes: { customSchemas: ['crds/widget.yaml'] } },
  }));
  await client.open(uri, 'yaml', text);
  await client.waitForDiagnostics(uri);
});

after(async () => {
  await client.stop();
  rmSync(workspace, { recursive: true, force: true });
});

function hover(needle: string, offset = 1): Promise<Hover | null> {
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, offset) });
}

function complete(needle: string, offset: number): Promise<CompletionItem[]> {
  return client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, offset) })
    .then((r) => (Array.isArray(r) ? r : r?.items ?? []));
}

test('hover and completion are advertised', () => {
  assert.equal(init.capabilities.hoverProvider, true);
  assert.ok(init.capabilities.completionProvider);
});

test('hover on a Deployment field (second document) shows the API description', async () => {
  const result = await hover('  replicas', 3);
  assert.match(JSON.stringify(result?.contents), /Number of desired pods/);
  assert.deepEqual(result?.range?.start, positionOf(text, '  replicas', 2));
});

test('hover on kind: shows the kind summary', async () => {
  const result = await hover('kind: Deployment', 8);
  assert.match(JSON.stringify(result?.contents), /ReplicaSets/);
});

test('completion of enum values replaces the value range', async () => {
  const items = await complete('imagePullPolicy: ', 'imagePullPolicy: '.length);
  assert.deepEqual(items.map((i) => i.label).sort(), ['Always', 'IfNotPresent', 'Never']);
  const edit = items[0]!.textEdit as TextEdit;
  assert.equal(edit.range.start.line, positionOf(text, 'imagePullPolicy').line);
});

test('the custom resource schema is read from the workspace, relative to the root', async () => {
  const result = await hover('  gears', 3);
  assert.match(JSON.stringify(result?.contents), /Number of gears/);
});

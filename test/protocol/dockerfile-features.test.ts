import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CompletionItem, CompletionList, Hover, InitializeResult, SignatureHelp } from 'vscode-languageserver-protocol';
import { positionOf, StdioClient } from './client';

/** Dockerfile hover, completion and signature help over real JSON-RPC, as any LSP client sees them. */

const uri = 'file:///tmp/stevedore-protocol/features/Dockerfile';
const text = [
  '# syntax=docker/dockerfile:1',
  'ARG GO_VERSION=1.23',
  'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build',
  'ARG GO_VERSION',
  'RUN --mount=type=cache,target=/root/.cache/go-build,sharing=locked go build ./...',
  'FROM alpine:3.20',
  'COPY --from=build /out/app /app',
  '',
].join('\n');

let client: StdioClient;
let init: InitializeResult;

before(async () => {
  ({ client, init } = await StdioClient.start({ locale: 'en' }));
  await client.open(uri, 'dockerfile', text);
  await client.waitForDiagnostics(uri);
});

after(async () => {
  await client.stop();
});

function hover(needle: string, offset = 1): Promise<Hover | null> {
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, offset) });
}

function items(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
  return Array.isArray(result) ? result : result?.items ?? [];
}

test('the server advertises completion and signature help trigger characters', () => {
  assert.ok(init.capabilities.completionProvider?.triggerCharacters?.includes('='));
  assert.ok(init.capabilities.signatureHelpProvider);
});

test('hover over --mount values, variables and stages', async () => {
  const locked = await hover('locked');
  assert.match(JSON.stringify(locked?.contents), /waits until the other one releases the cache/);
  assert.deepEqual(locked?.range, { start: positionOf(text, 'locked'), end: positionOf(text, 'locked', 6) });
  const variable = await hover('${GO_VERSION}', 3);
  assert.match(JSON.stringify(variable?.contents), /Default value: `1\.23`/);
  const stage = await hover('build /out');
  assert.match(JSON.stringify(stage?.contents), /FROM --platform=\$BUILDPLATFORM golang/);
});

test('completion of --mount options while typing', async () => {
  const edited = text.replace('COPY --from=build /out/app /app', 'RUN --mount=type=secret,');
  await client.change(uri, edited);
  const position = positionOf(edited, 'type=secret,', 'type=secret,'.length);
  const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
  const labels = items(result).map((i) => i.label);
  assert.ok(labels.includes('id') && labels.includes('env') && labels.includes('required'), labels.join(','));
  assert.ok(!labels.includes('sharing'), 'sharing is a cache option');
  await client.change(uri, text);
});

test('signature help tracks the active flag', async () => {
  const edited = text.replace('COPY --from=build /out/app /app', 'COPY --chown=');
  await client.change(uri, edited);
  const position = positionOf(edited, 'COPY --chown=', 'COPY --chown='.length);
  const result = await client.request<SignatureHelp | null>('textDocument/signatureHelp', { textDocument: { uri }, position });
  assert.ok(result);
  const signature = result.signatures[result.activeSignature ?? 0];
  const [start, end] = signature.parameters![result.activeParameter ?? 0].label as [number, number];
  assert.equal(signature.label.slice(start, end), '[--chown=<user>:<group>]');
  await client.change(uri, text);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type {
  DocumentLink, DocumentSymbol, FoldingRange, InitializeResult, Location, SemanticTokens, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { positionOf, StdioClient } from './client';

/** Dockerfile navigation, rename, outline, links, tokens and formatting over real JSON-RPC. */

const uri = 'file:///tmp/stevedore-protocol/navigation/Dockerfile';
const text = [
  'ARG GO_VERSION=1.23',
  'FROM golang:${GO_VERSION} AS build',
  'RUN --mount=type=cache,target=/root/.cache,from=build go build -o /out/app .',
  'from   alpine:3.20',
  'COPY --from=build /out/app /app',
  'run apk add \\',
  '  curl',
  '',
].join('\n');

let client: StdioClient;
let init: InitializeResult;

before(async () => {
  ({ client, init } = await StdioClient.start({ locale: 'zh-cn' }));
  await client.open(uri, 'dockerfile', text);
});

after(async () => {
  await client.stop();
});

const doc = { textDocument: { uri } };

test('the server advertises navigation, rename with prepare, links, tokens and formatting', () => {
  const caps = init.capabilities;
  assert.ok(caps.definitionProvider && caps.referencesProvider && caps.documentHighlightProvider && caps.documentSymbolProvider && caps.foldingRangeProvider);
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.documentLinkProvider && caps.semanticTokensProvider && caps.documentFormattingProvider && caps.documentRangeFormattingProvider);
  assert.equal(caps.documentOnTypeFormattingProvider?.firstTriggerCharacter, '\n');
});

test('definition and references of a stage', async () => {
  const definition = await client.request<Location[]>('textDocument/definition', { ...doc, position: positionOf(text, '--from=build', 8) });
  assert.deepEqual(definition[0].range.start, positionOf(text, 'build'));
  const references = await client.request<Location[]>('textDocument/references', { ...doc, position: positionOf(text, 'build', 1), context: { includeDeclaration: true } });
  assert.equal(references.length, 3);
});

test('rename a stage follows --from= and mount from=', async () => {
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...doc, position: positionOf(text, 'build', 1), newName: 'compile' });
  const edits = edit.changes?.[uri] ?? [];
  assert.equal(edits.length, 3);
  assert.ok(edits.every((e) => e.newText === 'compile'));
});

test('an invalid new name comes back as an error with the localized message', async () => {
  await assert.rejects(
    client.request('textDocument/rename', { ...doc, position: positionOf(text, 'build', 1), newName: '9lives' }),
    (error: Error & { code?: number }) => error.code === -32803 && /不是有效的构建阶段名称/.test(error.message),
  );
  // A base image is not a symbol of the file: nothing to rename, no error either.
  assert.equal(await client.request('textDocument/prepareRename', { ...doc, position: positionOf(text, 'alpine', 1) }), null);
  const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { ...doc, position: positionOf(text, 'from=build', 6) });
  assert.equal(prepared.placeholder, 'build');
});

test('outline, folding, links and semantic tokens', async () => {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
  assert.deepEqual(symbols.map((s) => s.name), ['ARG GO_VERSION', 'build', 'stage 1']);
  const folding = await client.request<FoldingRange[]>('textDocument/foldingRange', doc);
  assert.ok(folding.some((r) => r.startLine === 5 && r.endLine === 6));
  const links = await client.request<DocumentLink[]>('textDocument/documentLink', doc);
  assert.deepEqual(links.map((l) => l.target), ['https://hub.docker.com/_/golang', 'https://hub.docker.com/_/alpine']);
  const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', doc);
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
});

test('formatting upper-cases keywords and indents continuation lines', async () => {
  const edits = await client.request<TextEdit[]>('textDocument/formatting', { ...doc, options: { tabSize: 4, insertSpaces: true } });
  const newTexts = edits.map((e) => e.newText);
  assert.ok(newTexts.includes('FROM alpine:3.20'));
  assert.ok(newTexts.includes('RUN apk add \\'));
  assert.ok(newTexts.includes('    curl'));
});

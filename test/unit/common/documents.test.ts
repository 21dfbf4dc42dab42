import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParsedDocumentCache } from '../../../server/src/lsp/documents';

test('a document is parsed once per version', () => {
  const cache = new ParsedDocumentCache();
  const v1 = TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, 'FROM alpine:3.20\n');
  const first = cache.get(v1);
  assert.equal(first?.kind, 'dockerfile');
  assert.equal(cache.get(v1), first, 'same version → same parse');
  const v2 = TextDocument.update(v1, [{ text: 'FROM alpine:3.21\n' }], 2);
  const second = cache.get(v2);
  assert.notEqual(second, first);
  assert.equal(cache.get(v2), second);
});

test('YAML documents go to the Kubernetes engine; unknown languages to none', () => {
  const cache = new ParsedDocumentCache();
  assert.equal(cache.get(TextDocument.create('file:///w/app.yaml', 'yaml', 1, 'kind: Pod\n'))?.kind, 'yaml');
  assert.equal(cache.get(TextDocument.create('file:///w/notes.txt', 'plaintext', 1, 'hi')), undefined);
});

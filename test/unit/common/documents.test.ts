import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { incrementalParseCounts } from '../../../server/src/compose/incrementalParse';
import type { ManifestFile } from '../../../server/src/kubernetes/model';
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

test('closing a document lets its engine forget the tree it kept for the next version', () => {
  const cache = new ParsedDocumentCache();
  const first = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
  const second = (name: string) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
  const v1 = TextDocument.create('file:///w/app.yaml', 'yaml', 1, first + second('b'));
  const kept = (cache.get(v1)?.model as ManifestFile).documents[0].yaml;
  const v2 = TextDocument.update(v1, [{ text: first + second('c') }], 2);
  assert.equal((cache.get(v2)?.model as ManifestFile).documents[0].yaml, kept, 'open: an unchanged document is reused');
  cache.delete(v2.uri);
  const reopened = TextDocument.create(v1.uri, 'yaml', 1, first + second('c'));
  assert.notEqual((cache.get(reopened)?.model as ManifestFile).documents[0].yaml, kept, 'closed: nothing is kept from before');

  const compose = TextDocument.create('file:///w/compose.yaml', 'dockercompose', 1, 'services:\n  web:\n    image: nginx\n  db:\n    image: postgres\n');
  cache.get(compose);
  const edited = TextDocument.update(compose, [{ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } }, text: 'httpd' }], 2);
  const spliced = incrementalParseCounts.spliced;
  cache.get(edited);
  assert.equal(incrementalParseCounts.spliced, spliced + 1, 'open: an edit in one service re-parses that service');
  cache.delete(edited.uri);
  const full = incrementalParseCounts.full;
  cache.get(TextDocument.create(compose.uri, 'dockercompose', 1, edited.getText()));
  assert.equal(incrementalParseCounts.full, full + 1, 'closed: the reopened file is parsed whole');
});

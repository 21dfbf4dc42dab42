import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { DocumentChangeLog } from '../../../server/src/lsp/changeLog';

const uri = 'file:///work/Dockerfile';

/** Applies changes as the server's document store does, logging them first. */
function edit(log: DocumentChangeLog, document: TextDocument, changes: TextDocumentContentChangeEvent[]): TextDocument {
  log.record(document, changes);
  return TextDocument.update(document, changes, document.version + 1);
}

const range = (line: number, character: number, endLine = line, endCharacter = character) => ({ start: { line, character }, end: { line: endLine, character: endCharacter } });

test('a line inserted above moves a position down; one typed before it on its line moves it right', () => {
  const log = new DocumentChangeLog();
  let document = TextDocument.create(uri, 'dockerfile', 1, 'FROM alpine:3.20\nRUN apt-get install curl\n');
  document = edit(log, document, [{ range: range(0, 0), text: '# comment\n' }]);
  assert.deepEqual(log.map(uri, 1, { line: 1, character: 4 }), { line: 2, character: 4 });
  document = edit(log, document, [{ range: range(2, 0), text: 'ab' }]);
  assert.deepEqual(log.map(uri, 1, { line: 1, character: 4 }), { line: 2, character: 6 });
  assert.deepEqual(log.map(uri, 2, { line: 2, character: 4 }), { line: 2, character: 6 }, 'from any logged version');
  // Positions before a change do not move.
  assert.deepEqual(log.map(uri, 1, { line: 0, character: 2 }), { line: 1, character: 2 });
});

test('deleting lines above moves a position up; replacing the text around it loses it', () => {
  const log = new DocumentChangeLog();
  let document = TextDocument.create(uri, 'dockerfile', 1, 'a\nb\nc\nRUN x\n');
  document = edit(log, document, [{ range: range(0, 0, 2, 0), text: '' }]);
  assert.deepEqual(log.map(uri, 1, { line: 3, character: 1 }), { line: 1, character: 1 });
  document = edit(log, document, [{ range: range(1, 0, 1, 5), text: 'CMD y' }]);
  assert.equal(log.map(uri, 1, { line: 3, character: 1 }), undefined);
});

test('several changes in one batch apply in order', () => {
  const log = new DocumentChangeLog();
  const document = TextDocument.create(uri, 'dockerfile', 1, 'x\ny\n');
  edit(log, document, [{ range: range(0, 0), text: '1\n' }, { range: range(0, 0), text: '2\n' }]);
  assert.deepEqual(log.map(uri, 1, { line: 1, character: 0 }), { line: 3, character: 0 });
});

test('a whole-text change keeps positions in the unchanged head and tail lines', () => {
  const log = new DocumentChangeLog();
  const document = TextDocument.create(uri, 'dockerfile', 1, 'head\nold\ntail\n');
  edit(log, document, [{ text: 'head\nnew\nnewer\ntail\n' }]);
  assert.deepEqual(log.map(uri, 1, { line: 0, character: 2 }), { line: 0, character: 2 });
  assert.deepEqual(log.map(uri, 1, { line: 2, character: 2 }), { line: 3, character: 2 });
  assert.equal(log.map(uri, 1, { line: 1, character: 0 }), undefined);
});

test('versions the log never saw, and forgotten documents, map to nothing', () => {
  const log = new DocumentChangeLog();
  const document = TextDocument.create(uri, 'dockerfile', 5, 'x\n');
  edit(log, document, [{ range: range(0, 0), text: 'y' }]);
  assert.equal(log.map(uri, 3, { line: 0, character: 0 }), undefined);
  log.forget(uri);
  assert.equal(log.map(uri, 5, { line: 0, character: 0 }), undefined);
});

test('the log keeps the most recent 5,000 steps: older versions stop mapping, recent ones still map', () => {
  const log = new DocumentChangeLog();
  let document = TextDocument.create(uri, 'dockerfile', 1, 'FROM alpine:3.20\nRUN true\n');
  for (let i = 0; i < 6000; i++) document = edit(log, document, [{ range: range(0, 0), text: i % 2 === 0 ? ' ' : '' }, ...(i % 2 === 0 ? [] : [{ range: range(0, 0, 0, 1), text: '' }])]);
  // 6,000 changes, 9,000 steps (every second change has two): the first versions are gone.
  assert.equal(log.map(uri, 1, { line: 1, character: 0 }), undefined);
  // The last thousand changes are still there; an even number of them leaves the text as it was.
  assert.deepEqual(log.map(uri, document.version - 1000, { line: 1, character: 2 }), { line: 1, character: 2 });
  assert.deepEqual(log.map(uri, document.version - 2, { line: 0, character: 5 }), { line: 0, character: 5 });
  assert.deepEqual(log.map(uri, document.version - 1, { line: 0, character: 5 }), { line: 0, character: 4 });
});

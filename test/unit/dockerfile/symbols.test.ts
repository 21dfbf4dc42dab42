import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { dockerfileService as service } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

const ctx = contextFor();

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function assertWellFormed(symbols: DocumentSymbol[]): void {
  for (const symbol of symbols) {
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`);
    for (const child of symbol.children ?? []) assert.ok(contains(symbol.range, child.range), `${child.name} inside ${symbol.name}`);
    assertWellFormed(symbol.children ?? []);
  }
}

test('global ARGs sit at the top level, stages are containers with their instructions', () => {
  const text = 'ARG BASE=alpine\nFROM ${BASE} AS build\nENV A=1 B=2\nRUN make\nFROM scratch\nCOPY --from=build /a /a\n';
  const symbols = service.symbols!(dockerfile(text), ctx);
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [
    ['ARG BASE', 'alpine', SymbolKind.Variable],
    ['build', '${BASE}', SymbolKind.Class],
    ['stage 1', 'scratch', SymbolKind.Class],
  ]);
  const build = symbols[1];
  assert.deepEqual(build.children?.map((c) => c.name), ['ENV A, B', 'RUN']);
  assert.deepEqual(build.children?.[0].children?.map((c) => [c.name, c.detail]), [['A', '1'], ['B', '2']]);
  assert.equal(build.children?.[1].detail, 'make');
  assert.deepEqual(build.range, { start: { line: 1, character: 0 }, end: { line: 3, character: 8 } });
  assert.deepEqual(build.selectionRange, { start: { line: 1, character: 16 }, end: { line: 1, character: 21 } });
  assertWellFormed(symbols);
});

test('long instructions get a short one-line detail', () => {
  const text = `FROM alpine\nRUN ${'x'.repeat(200)}\n`;
  const run = service.symbols!(dockerfile(text), ctx)[0].children![0];
  assert.ok(run.detail!.length <= 60);
  assert.ok(run.detail!.endsWith('…'));
});

test('lower-case, backtick escape, heredocs, empty and broken files', () => {
  assert.deepEqual(service.symbols!(dockerfile(''), ctx), []);
  const text = '# escape=`\nfrom alpine as a\nrun <<EOF\necho hi\nEOF\nenv X=1 `\n  Y=2\nARG\nFROM\n';
  const symbols = service.symbols!(dockerfile(text), ctx);
  assert.deepEqual(symbols.map((s) => s.name), ['a', 'stage 1']);
  assert.deepEqual(symbols[0].children?.map((c) => c.name), ['RUN', 'ENV X, Y', 'ARG']);
  assert.equal(symbols[0].children?.[0].range.end.line, 4, 'the RUN covers its heredoc');
  assertWellFormed(symbols);
});

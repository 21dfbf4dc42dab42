import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { applySafeFixes } from '../../server/src/cli/fix';

function edit(line: number, from: number, to: number, newText: string): TextEdit {
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

function finding(ruleId: string, edits: TextEdit[], safe = true): Diagnostic {
  return { range: edits[0].range, message: ruleId, code: ruleId, data: { ruleId, fixes: [{ title: ruleId, safe, edits }] } };
}

const doc = (text: string) => TextDocument.create('file:///x/Dockerfile', 'dockerfile', 1, text);

describe('applySafeFixes', () => {
  it('applies non-overlapping safe fixes in one pass and counts them per rule', () => {
    const { text, applied } = applySafeFixes(doc('RUN a\nRUN b\n'), [finding('one', [edit(0, 5, 5, ' x')]), finding('two', [edit(1, 4, 5, 'c')]), finding('one', [edit(1, 0, 3, 'run')])]);
    assert.equal(text, 'RUN a x\nrun c\n');
    assert.deepEqual([...applied], [['one', 2], ['two', 1]]);
  });

  it('never applies overlapping edits together: the first in document order wins', () => {
    const { text, applied } = applySafeFixes(doc('abcdef'), [finding('late', [edit(0, 2, 5, 'X')]), finding('early', [edit(0, 1, 3, 'Y')])]);
    assert.equal(text, 'aYdef');
    assert.deepEqual([...applied.keys()], ['early']);
  });

  it('treats two insertions at one point, or an insertion touching a replacement, as a conflict', () => {
    assert.equal(applySafeFixes(doc('ab'), [finding('a', [edit(0, 1, 1, '1')]), finding('b', [edit(0, 1, 1, '2')])]).text, 'a1b');
    assert.equal(applySafeFixes(doc('abc'), [finding('a', [edit(0, 1, 2, 'B')]), finding('b', [edit(0, 2, 2, '!')])]).text, 'aBc');
    // Adjacent replacements do not overlap.
    assert.equal(applySafeFixes(doc('abc'), [finding('a', [edit(0, 0, 1, 'A')]), finding('b', [edit(0, 1, 2, 'B')])]).text, 'ABc');
  });

  it('skips unsafe fixes, fixes with self-overlapping edits, and edits that change nothing', () => {
    const diagnostics = [
      finding('unsafe', [edit(0, 0, 1, 'Z')], false),
      finding('broken', [edit(0, 1, 3, 'x'), edit(0, 2, 4, 'y')]),
      finding('noop', [edit(0, 4, 5, 'e')]),
      { range: edit(0, 0, 0, '').range, message: 'no data' } as Diagnostic,
    ];
    const { text, applied } = applySafeFixes(doc('abcde'), diagnostics);
    assert.equal(text, 'abcde');
    assert.equal(applied.size, 0);
  });

  it('applies every edit of a multi-edit fix, across lines', () => {
    const { text } = applySafeFixes(doc('one\ntwo\nthree\n'), [finding('multi', [edit(2, 0, 5, '3'), edit(0, 0, 3, '1')])]);
    assert.equal(text, '1\ntwo\n3\n');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { applySafeFixes, editsBetween, fixUntilSettled } from '../../../server/src/common/safeFixes';

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

describe('fixes computed for another text', () => {
  const stamped = (diagnostic: Diagnostic, version: number): Diagnostic => ({ ...diagnostic, data: { ...(diagnostic.data as object), version } });

  it('applySafeFixes never applies a fix stamped with another version of the document', () => {
    const document = TextDocument.create('file:///x/Dockerfile', 'dockerfile', 2, '# new first line\nRUN apt-get install curl\n');
    // Computed for version 1, where RUN was line 0: applied here it would land in the comment.
    const old = stamped(finding('apt', [edit(0, 19, 19, ' -y')]), 1);
    assert.equal(applySafeFixes(document, [old]).text, document.getText());
    assert.equal(applySafeFixes(document, [stamped(finding('apt', [edit(1, 19, 19, ' -y')]), 2)]).text, '# new first line\nRUN apt-get install -y curl\n');
  });

  it('fixUntilSettled fixes each pass on the text that pass checked, until nothing is left', () => {
    // A toy rule: the first lower-case "x" becomes "X", one per pass (each fix depends on the last).
    const lint = (text: string, version: number) => {
      const document = TextDocument.create('file:///x/a.txt', 'plaintext', version, text);
      const at = text.indexOf('x');
      const diagnostics = at < 0 ? [] : [stamped(finding('upper', [{ range: { start: document.positionAt(at), end: document.positionAt(at + 1) }, newText: 'X' }]), version)];
      return { document, diagnostics };
    };
    const checked: string[] = [];
    const { final, applied } = fixUntilSettled(lint('x x\nx', 1), (text, version) => {
      checked.push(text);
      return lint(text, version);
    });
    assert.equal(final.document.getText(), 'X X\nX');
    assert.deepEqual(checked, ['X x\nx', 'X X\nx', 'X X\nX']);
    assert.deepEqual([...applied], [['upper', 3]]);
  });

  it('fixUntilSettled refuses a re-lint of another text, and skips diagnostics left over from an older pass', () => {
    const start = { document: doc('a'), diagnostics: [finding('one', [edit(0, 0, 1, 'b')])] };
    assert.throws(() => fixUntilSettled(start, () => ({ document: doc('stale'), diagnostics: [] })), /another text/);
    // A buggy re-lint that hands back the first pass's diagnostics (stamped version 1) for version 2's text.
    const leftover = stamped(finding('one', [edit(0, 0, 1, 'c')]), 1);
    const { final } = fixUntilSettled({ document: doc('a'), diagnostics: [stamped(finding('one', [edit(0, 0, 1, 'b')]), 1)] },
      (text, version) => ({ document: TextDocument.create('file:///x/Dockerfile', 'dockerfile', version, text), diagnostics: [leftover] }));
    assert.equal(final.document.getText(), 'b');
  });
});

describe('editsBetween', () => {
  const roundTrip = (before: string, after: string) => {
    const document = TextDocument.create('file:///x/a', 'plaintext', 1, before);
    const edits = editsBetween(document, after);
    assert.equal(TextDocument.applyEdits(document, edits), after);
    return edits;
  };

  it('turns the old text into the new one with edits limited to what changed', () => {
    const before = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const after = before.replace('line 3\n', 'line 3 -y\n').replace('line 40\n', 'inserted\nline 40\n');
    assert.deepEqual(roundTrip(before, after), [
      { range: { start: { line: 3, character: 6 }, end: { line: 3, character: 6 } }, newText: ' -y' },
      { range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, newText: 'inserted\n' },
    ]);
  });

  it('handles edits at the ends, deletions, no final newline and no change', () => {
    assert.deepEqual(roundTrip('same', 'same'), []);
    roundTrip('a\nb\nc', 'x\na\nc');
    roundTrip('a\nb\nc\n', 'a\nb\nc\nd');
    roundTrip('', 'new\n');
    roundTrip('gone\n', '');
    roundTrip('r1\r\nr2\r\n', 'r1\r\nr2 changed\r\n');
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileParser, type Instruction, type Onbuild } from 'dockerfile-ast';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionCursor } from '../../../server/src/dockerfile/argumentScanner';
import { portedRawArguments, referenceRawArguments } from '../../../server/src/dockerfile/parserCache';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';

/** Every instruction of a text, ONBUILD triggers included, as plain values and ranges from both scans. */
function compareScans(text: string): { checked: number; mismatch?: string } {
  let checked = 0;
  const instructions: Instruction[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    instructions.push(instruction);
    if (instruction.getKeyword() === 'ONBUILD') {
      const trigger = (instruction as Onbuild).getTriggerInstruction();
      if (trigger) instructions.push(trigger);
    }
  }
  for (const instruction of instructions) {
    // The parse routes its own document's lookups through the cursor; compare against the genuine lookup.
    delete (instruction as unknown as { document: { positionAt?: unknown } }).document.positionAt;
    const plain = (args: { getValue(): string; getRange(): unknown }[] | undefined) => args?.map((a) => [a.getValue(), a.getRange()]);
    const expected = plain(referenceRawArguments(instruction));
    const actual = plain(portedRawArguments(instruction));
    checked++;
    try {
      assert.deepEqual(actual, expected);
    } catch {
      return { checked, mismatch: `${JSON.stringify(instruction.toString())}\n ported:    ${JSON.stringify(actual)}\n reference: ${JSON.stringify(expected)}` };
    }
  }
  return { checked };
}

test('the position cursor answers like positionAt for every offset, in any order', () => {
  for (const text of ['', 'a', 'ab\ncd\r\nef\rgh\n', '\n\n\r\n', 'x\r\n\r\ny', 'last line without break']) {
    const document = TextDocument.create('file:///t', 'dockerfile', 1, text);
    const cursor = new PositionCursor(document);
    const offsets = [...Array(text.length + 3).keys()].map((o) => o - 1);
    for (const offset of [...offsets, ...offsets.reverse(), 2, 0, 7, 1]) {
      assert.deepEqual(cursor.positionAt(offset), document.positionAt(offset), `${JSON.stringify(text)} @ ${offset}`);
    }
  }
});

test('the ported argument scan matches dockerfile-ast on hand-picked edge cases', () => {
  const cases = [
    'FROM alpine AS base\nRUN echo a  b\t\tc\n',
    'RUN echo a \\\n  b \\\n# a comment inside the continuation\n  c\n',
    'RUN echo a\\ b \\  \n  c\\$HOME \\\r\n  d\r\n',
    'RUN a\\\n\\\n b',
    'RUN echo \\',
    'RUN echo a\\',
    'RUN \\ \t\n x',
    'RUN a \\ b',
    'RUN a\\  \\\n  \\  x',
    '# escape=`\nFROM windows\nRUN dir `\n  c:\\ `$x `\n  y`',
    'ONBUILD RUN echo a \\\n  b',
    'ENV a=b\\ c d=e\\\n f',
    'RUN ["echo", "a b"]\nCMD [ "x" ]',
    'COPY <<EOF /x\nhello \\\nEOF\n',
    'RUN \u00e9t\u00e9 \ud83d\ude00 x\\\u00e9',
    'RUN a \\\r\n\r\n b\r\n',
  ];
  for (const text of cases) {
    const result = compareScans(text);
    assert.equal(result.mismatch, undefined, result.mismatch);
    assert.ok(result.checked > 0);
  }
});

test('the ported argument scan matches dockerfile-ast on generated text', () => {
  const piece = fc.constantFrom('RUN ', 'ENV ', 'ONBUILD RUN ', 'a', 'bc', ' ', '  ', '\t', '\\', '`', '\n', '\r\n', '\r', '#', '# c\n', '$', '"', '=', 'x=y', '\\\n', '\\ \n', '`\n');
  const body = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  const text = fc.tuple(fc.constantFrom('', '# escape=`\n', '# escape=\\\n'), body).map(([directive, rest]) => `${directive}RUN ${rest}`);
  fc.assert(
    fc.property(text, (input) => {
      const result = compareScans(input);
      assert.equal(result.mismatch, undefined, result.mismatch);
    }),
    { numRuns: 3000, seed: 20261127 },
  );
});

test('the ported argument scan matches dockerfile-ast on every corpus Dockerfile', (t) => {
  if (!corpusAvailable) return t.skip(corpusMissingMessage);
  let instructions = 0;
  for (const entry of corpusEntries().filter((e) => e.kind === 'dockerfile')) {
    const result = compareScans(readCorpusFile(entry));
    assert.equal(result.mismatch, undefined, `${entry.path}: ${result.mismatch}`);
    instructions += result.checked;
  }
  assert.ok(instructions > 5_000, `only ${instructions} instructions compared`);
});

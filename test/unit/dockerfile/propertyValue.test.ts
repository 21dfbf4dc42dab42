import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileParser, type Arg, type Env, type Label } from 'dockerfile-ast';
import fc from 'fast-check';
import { fastPropertyValue, originalPropertyValue } from '../../../server/src/dockerfile/propertyValue';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';

function same(text: string, escape: string): void {
  assert.equal(fastPropertyValue(text, escape), originalPropertyValue(text, escape), `${JSON.stringify(text)} with escape ${JSON.stringify(escape)}`);
}

test('property values: the fast path agrees with dockerfile-ast on edge cases', () => {
  const cases = ['', ' ', '\t', 'a', ' a', '  #x', '#x', 'a#b', '"', "'", '""', "''", '"a"', "'a'", '"a', 'a"', '" a b "', "'a b'", 'a b', 'x=y', '"a"b', "'a", 'a\\b', 'a\\\nb', 'a\nb', 'a\r\nb', '"a\\"b"', '`a`'];
  for (const text of cases) for (const escape of ['\\', '`']) same(text, escape);
});

test('property values: the fast path agrees with dockerfile-ast on generated text', () => {
  const text = fc.array(fc.constantFrom('a', 'b', ' ', '\t', '"', "'", '#', '=', '$', '\\', '`', '\n', '\r\n', 'é', '{', '}'), { maxLength: 16 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, fc.constantFrom('\\', '`'), (value, escape) => same(value, escape)),
    { numRuns: 20000, seed: 20261127 },
  );
});

test('property values: the fast path agrees with dockerfile-ast on every ENV, ARG and LABEL of the corpus', (t) => {
  if (!corpusAvailable) return t.skip(corpusMissingMessage);
  let compared = 0;
  for (const entry of corpusEntries().filter((e) => e.kind === 'dockerfile')) {
    const source = readCorpusFile(entry);
    const dockerfile = DockerfileParser.parse(source);
    const escape = dockerfile.getEscapeCharacter();
    const lines = source.split(/\r\n|\r|\n/);
    const textOf = (range: { start: { line: number; character: number }; end: { line: number; character: number } }): string => {
      if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
      // Multi-line: rebuild with the file's own line breaks is not needed; both functions see the same text.
      return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
    };
    for (const instruction of dockerfile.getInstructions()) {
      if (!['ENV', 'ARG', 'LABEL'].includes(instruction.getKeyword())) continue;
      for (const property of (instruction as Env | Arg | Label).getProperties()) {
        same(textOf(property.getNameRange()), escape);
        const valueRange = property.getValueRange();
        if (valueRange) same(textOf(valueRange), escape);
        compared++;
      }
    }
  }
  assert.ok(compared > 2000, `only ${compared} properties compared`);
});

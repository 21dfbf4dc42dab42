import assert from 'node:assert/strict';
import { test } from 'node:test';
import { semanticTokenLegend } from '../../../server/src/common/service';
import { collectTokens, encode, type Token } from '../../../server/src/dockerfile/tokens';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { dockerfile } from '../helpers';
import { seededRandom } from '../seededRandom';

/**
 * The semantic tokens' encoder was rewritten to make less garbage (strings carved with per-line lists
 * only where strings are, the answer allocated at its final size). These tests hold it to the
 * encoder it replaced, kept here as written: same numbers for every corpus Dockerfile, for the same
 * files after seeded random edits, and for random token lists full of overlaps and strings with holes.
 */

const stringType = semanticTokenLegend.tokenTypes.indexOf('string');

/** The previous encoder, unchanged: the reference answer. */
function referenceEncode(all: Token[]): number[] {
  const carveStrings = (tokens: Token[]): Token[] => {
    const solid = tokens.filter((t) => t.type !== stringType);
    const byLine = new Map<number, Token[]>();
    for (const token of solid) {
      const list = byLine.get(token.line);
      if (list) list.push(token);
      else byLine.set(token.line, [token]);
    }
    const result = [...solid];
    for (const string of tokens) {
      if (string.type !== stringType) continue;
      let start = string.character;
      const end = string.character + string.length;
      const holes = (byLine.get(string.line) ?? []).filter((t) => t.character < end && t.character + t.length > start).sort((a, b) => a.character - b.character);
      for (const hole of holes) {
        if (hole.character > start) result.push({ ...string, character: start, length: hole.character - start });
        start = Math.max(start, hole.character + hole.length);
      }
      if (end > start) result.push({ ...string, character: start, length: end - start });
    }
    return result;
  };
  const tokens = carveStrings(all);
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  let lastEndLine = -1;
  let lastEnd = 0;
  for (const token of tokens) {
    if (token.line === lastEndLine && token.character < lastEnd) continue;
    data.push(token.line - previousLine, token.line === previousLine ? token.character - previousChar : token.character, token.length, token.type, token.modifiers);
    previousLine = token.line;
    previousChar = token.character;
    lastEndLine = token.line;
    lastEnd = token.character + token.length;
  }
  return data;
}

/** Edits that make and break strings, variables and continuations. */
const insertions = ['"', "'", '$', '${A}', ' "x $B y" ', '\\\n', '\n', ' AS s2', '=', ' --from=s2 ', '# c\n'];

function edited(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const removed = next() < 0.3 ? Math.floor(next() * 12) : 0;
  return text.slice(0, at) + insertions[Math.floor(next() * insertions.length)] + text.slice(at + removed);
}

const corpusFiles = corpusAvailable
  ? corpusEntries().filter((e) => (e.area === 'dockerfile' || e.area === 'parser-test') && !e.path.endsWith('.bad'))
  : [];

test('corpus Dockerfiles, as they are and after random edits: the same numbers as the previous encoder', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const next = seededRandom(19);
  let compared = 0;
  let nonEmpty = 0;
  for (const entry of corpusFiles) {
    let text = readCorpusFile(entry);
    for (let round = 0; round < 3; round++) {
      const tokens = collectTokens(dockerfile(text));
      const expected = referenceEncode(tokens);
      assert.deepEqual(encode(tokens), expected, `${entry.path}, round ${round}`);
      compared++;
      if (expected.length > 0) nonEmpty++;
      text = edited(text, next);
    }
  }
  assert.ok(compared > 300, `compared ${compared} versions`);
  assert.ok(nonEmpty > compared / 2, 'most versions have tokens');
});

test('random token lists with overlaps and strings with holes: the same numbers as the previous encoder', () => {
  const next = seededRandom(7);
  const int = (below: number) => Math.floor(next() * below);
  let carved = 0;
  for (let list = 0; list < 2000; list++) {
    const tokens: Token[] = [];
    const count = int(40);
    for (let i = 0; i < count; i++) {
      tokens.push({ line: int(6), character: int(30), length: 1 + int(12), type: next() < 0.35 ? stringType : int(semanticTokenLegend.tokenTypes.length), modifiers: int(8) });
    }
    const expected = referenceEncode(tokens);
    assert.deepEqual(encode(tokens), expected, JSON.stringify(tokens));
    if (tokens.some((s) => s.type === stringType && tokens.some((t) => t.type !== stringType && t.line === s.line && t.character > s.character && t.character < s.character + s.length))) carved++;
  }
  assert.ok(carved > 500, `strings with holes in ${carved} lists`);
});

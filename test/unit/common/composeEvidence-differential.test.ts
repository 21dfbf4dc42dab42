import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { composeClaims, composeEvidence, composeImageUses } from '../../../server/src/common/imageEvidence';
import { composeFilesUnder, corpusAvailable, corpusEntries, corpusMissingMessage, corpusRoot, readCorpusFile } from '../../corpus/corpus';

/**
 * `composeEvidence` reads a Compose file's build claims and `image:` places from one parse; the
 * image graph's feed used to call `composeClaims` and `composeImageUses`, a parse each. The answers
 * must be theirs, on real files and on files broken by random edits (errors, several documents,
 * duplicate keys, aliases), which take the readers' quieter paths.
 */

function expected(uri: string, text: string) {
  return { claims: composeClaims(uri, text), uses: composeImageUses(text) };
}

/** A small deterministic generator, so a failure names an edit that can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const fragments = ['\n---\n', ':', ' ', '\n', '  ', '- ', '{', ']', '&a ', '*a', 'image: x\n', '\n  web:\n    image: dup\n    image: dup2\n', 'services:\n', '"', '#', '\t'];

function edited(text: string, next: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const removed = next() < 0.5 ? Math.floor(next() * 12) : 0;
    const inserted = fragments[Math.floor(next() * fragments.length)];
    result = result.slice(0, at) + inserted + result.slice(at + removed);
  }
  return result;
}

test('composeEvidence answers as composeClaims + composeImageUses on hand-written cases', () => {
  const uri = 'file:///w/compose.yaml';
  const cases = [
    '',
    'services:\n  a:\n    build: ./a\n    image: acme/a\n  b:\n    image: redis\n',
    'services:\n  a:\n    image: one\n---\nservices:\n  b:\n    build: .\n    image: two\n',
    'services:\n  a:\n    image: one\n    image: two\n    build: .\n',
    'x: &a [*a]\nservices: {a: {image: "q", build: {context: ./c, dockerfile: D}}}\n',
    'not: [compose',
    '---\n---\nservices:\n  a:\n    image: late\n',
  ];
  for (const text of cases) assert.deepEqual(composeEvidence(uri, text), expected(uri, text), JSON.stringify(text));
  // The cases hold claims and places, so the comparison is not of empty lists only.
  assert.ok(composeEvidence(uri, cases[1]).claims.length === 1 && composeEvidence(uri, cases[1]).uses.length === 2);
});

test('composeEvidence answers as composeClaims + composeImageUses over the corpus, as is and after random edits', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const files = [
    ...composeFilesUnder(`${corpusRoot}/compose`).map((path) => ({ path, text: readFileSync(path, 'utf8') })),
    // Manifests are YAML streams too (several documents, anchors): the readers must agree on them.
    ...corpusEntries().filter((entry) => entry.kind === 'yaml').slice(0, 150).map((entry) => ({ path: entry.absolutePath, text: readCorpusFile(entry) })),
  ];
  assert.ok(files.length > 50, `corpus files: ${files.length}`);
  let withClaims = 0;
  let withUses = 0;
  for (const [i, file] of files.entries()) {
    const uri = pathToFileURL(file.path).href;
    const actual = composeEvidence(uri, file.text);
    assert.deepEqual(actual, expected(uri, file.text), file.path);
    if (actual.claims.length) withClaims++;
    if (actual.uses.length) withUses++;
    const next = random(i + 1);
    for (let round = 0; round < 6; round++) {
      const text = edited(file.text, next);
      assert.deepEqual(composeEvidence(uri, text), expected(uri, text), `${file.path}, edit ${round} (seed ${i + 1})`);
    }
  }
  assert.ok(withClaims >= 2 && withUses > 20, `files with claims ${withClaims}, with image places ${withUses}`);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeDockerfile } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { diagnoseDockerfileWith } from '../../../server/src/dockerfile/diagnostics';
import { forgetParsedTrees, incrementalParseCounts, incrementalParseTuning } from '../../../server/src/dockerfile/incrementalParse';
import { parseDockerfile, parseDockerfileVersion } from '../../../server/src/dockerfile/model';
import { dockerfileShell, stageOutlines } from '../../../server/src/dockerfile/shell';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';
import { applied, editSite, fromScratch, type Edit } from './randomEdits';

/**
 * The versions of an open Dockerfile as the language server checks them, with the shipped tuning:
 * each version parsed through parseDockerfileVersion (the tree of the previous version reused,
 * now from 2 K characters on rather than 16 K, so most hand-written Dockerfiles take that path)
 * and checked with the kept findings of unchanged stages. Differential test: after every seeded
 * random edit of a corpus Dockerfile, the diagnostics equal a parse and check from scratch of the
 * same text, element for element.
 */

const insertedLines = [
  'FROM alpine:3.20 AS extra', 'FROM extra', 'COPY --from=extra / /', 'COPY --FROM=extra /. /', 'COPY --from=0 / /rootfs/', 'COPY / /',
  'FROM "alpine:3.20"', "FROM 'Alpine:3'", 'FROM Alpine:3', 'RUN apt-get install curl \\', '    wget', 'USER root', 'USER app',
  'ARG VERSION', 'ENV A=1 B=$A', 'WORKDIR $UNSET', '# hadolint ignore=DL3008', '# check=skip=all', '',
];
const insertedCharacters = ['\\', '\n', ' ', '#', 'a', '$', '"', "'", '/', '-', '='];

function randomEdit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, lineEnd } = editSite(text, next);
  const kind = next();
  if (kind < 0.35) return { start: at, end: at, text: pick(insertedCharacters) };
  if (kind < 0.55) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 3)), text: '' };
  if (kind < 0.8) return { start: lineStart, end: lineStart, text: `${pick(insertedLines)}\n` };
  if (kind < 0.9) return { start: lineStart, end: lineEnd, text: '' };
  return { start: lineStart, end: lineStart, text: text.slice(lineStart, lineEnd) };
}

/** One open document edited `edits` times; every version checked as the server checks it. */
function session(name: string, text: string, seed: number, edits: number, ctx: FeatureContext, edit = randomEdit): void {
  const next = random(seed);
  let document = TextDocument.create(`file:///edited-versions/${seed}/Dockerfile`, 'dockerfile', 1, text);
  for (let step = 0; step <= edits; step++) {
    if (step > 0) document = applied(document, edit(document.getText(), next));
    const served = diagnoseDockerfileWith(parseDockerfileVersion(document), ctx);
    assert.deepStrictEqual(served, fromScratch(document.getText(), ctx), `${name}, seed ${seed}, after ${step} edits: the served diagnostics differ from a check from scratch\n--- text ---\n${document.getText()}`);
  }
}

const strict = contextFor('en', { settings: { profile: 'strict' } });
const recommendedZh = contextFor('zh-cn');

test('the shipped tuning parses texts of 2 K characters and more incrementally', () => {
  assert.equal(incrementalParseTuning.minLength, 2 * 1024);
});

test('the bench\'s 300-line Dockerfile, typed in as the bench types: served diagnostics equal a check from scratch, and the tree is reused', () => {
  const text = largeDockerfile(300);
  assert.ok(text.length >= incrementalParseTuning.minLength && text.length < 16 * 1024, `${text.length} characters`);
  const middle = text.split('\n').length >> 1;
  let typed = 0;
  // A space typed at the start of the middle line, then deleted (bench/edits.ts).
  const benchEdit = (current: string): Edit => {
    let start = 0;
    for (let line = 0; line < middle; line++) start = current.indexOf('\n', start) + 1;
    return typed++ % 2 === 0 ? { start, end: start, text: ' ' } : { start, end: start + 1, text: '' };
  };
  const before = incrementalParseCounts.incremental;
  session('bench 300-line Dockerfile', text, 1, 12, strict, benchEdit);
  session('bench 300-line Dockerfile, random edits', text, 2, 30, recommendedZh);
  assert.ok(incrementalParseCounts.incremental - before >= 30, `only ${incrementalParseCounts.incremental - before} parses reused a tree`);
  forgetParsedTrees();
});

test('corpus Dockerfiles: served diagnostics of edited versions equal a check from scratch', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const files = corpusEntries().filter((entry) => entry.kind === 'dockerfile').map((entry) => ({ name: entry.path, text: readCorpusFile(entry) }))
    .filter(({ text }) => text.length >= incrementalParseTuning.minLength);
  assert.ok(files.length > 50, `only ${files.length} corpus Dockerfiles of 2 K characters or more`);
  const before = incrementalParseCounts.incremental;
  files.forEach(({ name, text }, index) => session(name, text, 3000 + index, 6, index % 2 === 0 ? strict : recommendedZh));
  assert.ok(incrementalParseCounts.incremental - before > files.length, 'edited versions reused the previous tree');
  forgetParsedTrees();
});

test('rules that now skip work early still find root copies and quoted or mis-cased images', () => {
  const codes = (text: string) => fromScratch(text, strict).map((d) => `${d.code}@${d.range.start.line}`);
  const text = 'FROM alpine:3.20 AS build\nRUN make\nFROM "alpine:3.20"\nCOPY --FROM=build / /\nCOPY --chmod=0644 / /\nFROM Alpine:3\n';
  const found = codes(text);
  assert.ok(found.includes('copy-entire-filesystem@3'), found.join(' '));
  assert.ok(!found.some((code) => code.startsWith('copy-entire-filesystem@4')), found.join(' '));
  assert.ok(found.includes('invalid-image-reference@5'), found.join(' '));
  assert.ok(!found.includes('invalid-image-reference@2'), found.join(' '));
  // Destinations that spell the root with quotes, escapes, a JSON escape or a continuation line.
  const roots = ['"/" "/"', "/ '/.'", '/ \\//', '["/", "\\u002f"]', '/ \\\n/', '/ //'];
  const spelled = codes(`FROM alpine:3.20 AS build\nRUN make\nFROM scratch\n${roots.map((dest) => `COPY --from=build ${dest}\n`).join('')}COPY --from=build / /app/\nCOPY --from=build / "/a"\n`);
  const copied = spelled.filter((code) => code.startsWith('copy-entire-filesystem@'));
  assert.deepEqual(copied, ['copy-entire-filesystem@3', 'copy-entire-filesystem@4', 'copy-entire-filesystem@5', 'copy-entire-filesystem@6', 'copy-entire-filesystem@7', 'copy-entire-filesystem@9']);
});

test('stage outlines (what the final-user checks read) equal the stages of the shell analysis over the corpus', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const texts = [...corpusEntries().filter((entry) => entry.kind === 'dockerfile').map(readCorpusFile), largeDockerfile(300),
    'FROM a AS B\nFROM b AS c\nFROM C\nFROM 1\nFROM c AS a\nFROM a\n', 'USER x\n', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS w\nFROM w\nUSER app\n'];
  let stages = 0;
  for (const text of texts) {
    const model = parseDockerfile(TextDocument.create('file:///outline/Dockerfile', 'dockerfile', 1, text));
    const instructions = model.ast.getInstructions();
    const expected = dockerfileShell(model).stages.map((stage) => ({ fromIndex: instructions.indexOf(stage.from), image: stage.image, base: stage.base }));
    assert.deepStrictEqual(stageOutlines(model), expected, text.slice(0, 300));
    stages += expected.length;
  }
  assert.ok(stages > 1000, `only ${stages} stages compared`);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeDockerfile } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { diagnoseDockerfileWith } from '../../../server/src/dockerfile/diagnostics';
import { incrementalParseCounts } from '../../../server/src/dockerfile/incrementalParse';
import { parseDockerfileVersion } from '../../../server/src/dockerfile/model';
import { stageFindingsCounts } from '../../../server/src/dockerfile/stageFindings';
import { corpusAvailable, corpusEntries, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom } from '../seededRandom';
import { applied, editSite, fromScratch, type Edit } from './randomEdits';
import { withTuning } from './treeSnapshot';

/**
 * stageFindings.ts keeps each FROM's stage words (base, names) under the FROM's memoised argument
 * list, which the incremental parse shares between versions while the FROM's text stays where it
 * was. Differential test of the two together, as the server runs them: each version parsed
 * incrementally (parseDockerfileVersion) and checked with reuse, then compared with a full parse
 * checked from scratch. The edits rename stages, change what a FROM builds on (by name, case,
 * index), add and remove `AS`, and type elsewhere so that most FROMs keep their shared arguments.
 */

/** Text typed into a line: FROM words change while the other lines stay put. */
const typed = [' AS', ' as renamed', ' AS S0', 'x', 'X', ' ', '0', '1', '-', ' \\', '\t', 'stage1', 'Stage2', ' AS stage1'];
/** Whole lines put in or replaced: stage starts that build on others, by name, case and index. */
const lines = [
  'FROM stage1 AS late', 'FROM STAGE2', 'from stage0 as Again', 'FROM 0', 'FROM scratch AS stage3', 'FROM stage1 AS',
  'FROM alpine AS first AS second', 'FROM --platform=$BUILDPLATFORM stage2 AS plat', 'FROM ${BASE} AS fromarg', 'COPY --from=stage1 /a /b',
  'RUN echo hi', '# a comment', '',
];

function edit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, lineEndAt, lineEnd } = editSite(text, next);
  const end = lineEndAt < 0 ? text.length : lineEndAt;
  const kind = next();
  if (kind < 0.45) {
    // Mostly at the end of FROM lines, where the words are.
    const fromLine = /^\s*from\s/i.test(text.slice(lineStart, end));
    return { start: fromLine ? end : Math.min(Math.max(at, lineStart), end), end: fromLine ? end : Math.min(Math.max(at, lineStart), end), text: pick(typed) };
  }
  if (kind < 0.6) return { start: Math.max(lineStart, end - 1 - Math.floor(next() * 6)), end, text: '' };
  if (kind < 0.8) return { start: lineStart, end: lineStart, text: `${pick(lines)}\n` };
  if (kind < 0.9) return { start: lineStart, end: lineEnd, text: '' };
  return { start: lineStart, end: lineEnd, text: `${pick(lines)}\n` };
}

function session(name: string, text: string, seed: number, edits: number, ctx: FeatureContext): void {
  const next = seededRandom(seed);
  let document = TextDocument.create(`file:///stage-words/${seed}/${name}`, 'dockerfile', 1, text);
  for (let step = 0; step <= edits; step++) {
    if (step > 0) document = applied(document, edit(document.getText(), next));
    const incremental = diagnoseDockerfileWith(parseDockerfileVersion(document), ctx);
    const expected = fromScratch(document.getText(), ctx);
    assert.deepStrictEqual(incremental, expected, `${name}, seed ${seed}, after ${step} edits: diagnostics differ from a check from scratch\n--- text ---\n${document.getText()}`);
  }
}

/** Stages that build on each other by name, so that stage words decide what each piece's inputs are. */
function chainedStages(count: number): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE=alpine', ''];
  for (let s = 0; s < count; s++) {
    const base = s === 0 ? 'debian:12' : s % 3 === 0 ? `STAGE${s - 1}` : s % 3 === 1 ? `stage${s - 1}` : String(s - 2);
    out.push(`FROM ${base} AS stage${s}`, `RUN apt-get update && apt-get install -y curl-${s}`, `COPY --from=stage${Math.max(0, s - 1)} /a /b`, 'USER root', '');
  }
  return out.join('\n');
}

const strict = contextFor('en', { settings: { profile: 'strict' } });

test('stage words kept under shared FROM arguments: same diagnostics as a check from scratch', () => {
  withTuning({ minLength: 0 }, () => {
    const incremental = incrementalParseCounts.incremental;
    const checkedAlone = stageFindingsCounts.checkedAlone;
    for (let seed = 1; seed <= 5; seed++) session('chained', chainedStages(10 + seed * 2), seed, 50, strict);
    session('bench', largeDockerfile(300), 7, 40, contextFor('en'));
    assert.ok(incrementalParseCounts.incremental - incremental > 200, 'the versions were parsed incrementally');
    assert.ok(stageFindingsCounts.checkedAlone - checkedAlone > 50, 'stages were checked alone, with the others reused');
  });
});

test('corpus Dockerfiles with several stages, edited', { skip: !corpusAvailable }, () => {
  const multiStage = corpusEntries().filter((entry) => entry.kind === 'dockerfile').map((entry) => ({ name: entry.path, text: readCorpusFile(entry) }))
    .filter(({ text }) => (text.match(/^\s*from\s/gim) ?? []).length >= 3).slice(0, 8);
  assert.ok(multiStage.length > 0);
  withTuning({ minLength: 0 }, () => {
    multiStage.forEach(({ name, text }, index) => session(name, text, 100 + index, 25, strict));
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeDockerfile } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { diagnoseDockerfileWith } from '../../../server/src/dockerfile/diagnostics';
import { forgetParsedTrees } from '../../../server/src/dockerfile/incrementalParse';
import { parseDockerfile, parseDockerfileVersion, type DockerfileModel } from '../../../server/src/dockerfile/model';
import { factsOf } from '../../../server/src/dockerfile/rules/facts';
import { stageFindingsCounts } from '../../../server/src/dockerfile/stageFindings';
import { suppressionsOf } from '../../../server/src/dockerfile/suppression';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';
import { applied, editSite, fromScratch, type Edit } from './randomEdits';

/**
 * The per-stage analyses of the night round (issue #19): `undefined-variable` and
 * `empty-continuation-line` are kept per stage like the other stage-scoped rules (their messages,
 * which name lines, written again when the stage moves), and suppression comments are read from
 * the comment lines only. Differential tests: edits aimed at what a broken reuse would get wrong
 * (a stage renamed, its base changed, ARG/ENV added or removed where later stages use them, ignore
 * and check comments added or removed, lines inserted or deleted so every later stage moves),
 * served as the server serves them (incremental parse, kept stage findings) and compared with a
 * check from scratch; and the suppressions read from the comment lines compared with a reading of
 * every line.
 */

const strict = contextFor('en', { settings: { profile: 'strict' } });
const recommendedZh = contextFor('zh-cn');

/** Lines that declare or use what later stages read, and comments that switch rules off. */
const insertedLines = [
  'ARG LATE_NAME', 'ARG LATE_NAME=1', 'ENV LATE_NAME=2', 'ENV PATH=/opt/bin:$PATH', 'WORKDIR /$LATE_NAME', 'COPY $LATE_NAME /x',
  'LABEL version=$VERSION', 'ENV HOME_DIR=$HOME_DIRR', 'ARG VERSION', 'ENV VERSION=1.0', 'USER $APP_USER', 'ARG APP_USER=app',
  '# hadolint ignore=DL3008,DL3018', '# hadolint ignore=undefined-variable', '# stevedore-ignore undefined-variable', '# stevedore-ignore',
  '# check=skip=UndefinedVar', '# check=skip=all', '# hadolint stage ignore=DL3006', '# hadolint global ignore=DL3059', '# stevedore-ignore-file stage-name-casing',
  'FROM alpine:3.20 AS late', 'FROM scratch AS empty', '', '', '# a remark', 'RUN apt-get install \\\n\n    curl', 'RUN a \\',
];

/** One seeded edit of the kinds a broken reuse of per-stage results would get wrong. */
function targetedEdit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, lineEnd } = editSite(text, next);
  const kind = next();
  const froms = [...text.matchAll(/^[ \t]*from[ \t]+(\S+)(?:[ \t]+as[ \t]+(\S+))?[ \t]*$/gim)];
  if (kind < 0.15 && froms.length > 0) {
    // Rename a stage (or name an unnamed one): later stages built on it or copying from it change meaning.
    const from = pick(froms);
    const newName = pick(['builder', 'base', 'Renamed', 'late', 'empty', 'stage1', 'stage2']);
    const start = from.index!;
    const line = from[2] ? from[0].replace(/(\s+as\s+)\S+\s*$/i, `$1${newName}`) : `${from[0]} AS ${newName}`;
    return { start, end: start + from[0].length, text: line };
  }
  if (kind < 0.3 && froms.length > 0) {
    // Change a FROM's base: to another stage of the file, scratch, an image, or a variable.
    const from = pick(froms);
    const baseAt = from.index! + from[0].indexOf(from[1], from[0].search(/from/i) + 4);
    const named = froms.filter((f) => f[2]).map((f) => f[2]);
    const base = pick([...named, 'scratch', 'debian:12', '${BASE}', 'late']);
    return { start: baseAt, end: baseAt + from[1].length, text: base };
  }
  if (kind < 0.55) return { start: lineStart, end: lineStart, text: `${pick(insertedLines)}\n` };
  if (kind < 0.7) {
    // Remove a declaration or a comment line: what later instructions or stages relied on.
    const declarations = [...text.matchAll(/^[ \t]*(?:arg|env|#)[^\n]*\n/gim)];
    if (declarations.length > 0) {
      const line = pick(declarations);
      return { start: line.index!, end: line.index! + line[0].length, text: '' };
    }
  }
  if (kind < 0.85) {
    // Lines inserted or deleted near the top: every later stage moves, unchanged.
    const firstFrom = froms[0];
    const lineAfter = firstFrom ? firstFrom.index! + firstFrom[0].length + 1 : 0;
    if (next() < 0.5 || lineAfter >= text.length) return { start: Math.min(lineAfter, text.length), end: Math.min(lineAfter, text.length), text: pick(['\n', '\n\n\n', 'RUN true\n', '# moved\n']) };
    const end = text.indexOf('\n', lineAfter);
    return { start: lineAfter, end: end < 0 ? text.length : end + 1, text: '' };
  }
  if (kind < 0.93) return { start: lineStart, end: lineEnd, text: '' };
  return { start: at, end: at, text: pick(['$', '\n', ' ', '#', 'A']) };
}

/** One open document edited `edits` times, every version checked as the server checks it. */
function session(name: string, text: string, seed: number, edits: number, ctx: FeatureContext): void {
  const next = random(seed);
  let document = TextDocument.create(`file:///per-stage/${seed}/Dockerfile`, 'dockerfile', 1, text);
  for (let step = 0; step <= edits; step++) {
    if (step > 0) document = applied(document, targetedEdit(document.getText(), next));
    const served = diagnoseDockerfileWith(parseDockerfileVersion(document), ctx);
    assert.deepStrictEqual(served, fromScratch(document.getText(), ctx), `${name}, seed ${seed}, after ${step} edits: the served diagnostics differ from a check from scratch\n--- text ---\n${document.getText()}`);
  }
}

const multiStage = corpusAvailable
  ? corpusEntries().filter((entry) => entry.kind === 'dockerfile').map((entry) => ({ name: entry.path, text: readCorpusFile(entry) }))
    .filter(({ text }) => (text.match(/^\s*from\s/gim) ?? []).length >= 3)
  : [];

const lateDeclaration = [
  '# syntax=docker/dockerfile:1', 'ARG VERSION=1', 'FROM alpine:3.20 AS one', 'RUN true', 'FROM scratch AS two', 'COPY --from=one /a /a',
  'FROM two AS three', 'WORKDIR /$LATE', 'ARG LATE=x', 'FROM alpine:3.20 AS four', 'RUN true', '',
].join('\n');

const usedBeforeMessages = (model: DockerfileModel, ctx: FeatureContext) =>
  diagnoseDockerfileWith(model, ctx).filter((d) => d.code === 'undefined-variable').map((d) => `${d.range.start.line}: ${d.message}`);

test('a kept "used before its ARG on line N" finding names the line the ARG is on after the stage moved', () => {
  let document = TextDocument.create('file:///per-stage/late/Dockerfile', 'dockerfile', 1, lateDeclaration);
  assert.deepEqual(usedBeforeMessages(parseDockerfileVersion(document), strict), ['7: LATE is used before its ARG on line 9; here it expands to an empty string.']);
  const reusedBefore = stageFindingsCounts.reused;
  // Three lines into the first stage: the third stage is unchanged, its findings reused 3 lines lower.
  document = TextDocument.update(document, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'RUN a\nRUN b\nRUN c\n' }], 2);
  assert.deepEqual(usedBeforeMessages(parseDockerfileVersion(document), strict), ['10: LATE is used before its ARG on line 12; here it expands to an empty string.']);
  assert.ok(stageFindingsCounts.reused > reusedBefore, 'the unchanged stages were reused');
  // And up again, in Chinese.
  document = TextDocument.update(document, [{ range: { start: { line: 3, character: 0 }, end: { line: 5, character: 0 } }, text: '' }], 3);
  const served = diagnoseDockerfileWith(parseDockerfileVersion(document), recommendedZh);
  assert.deepStrictEqual(served, fromScratch(document.getText(), recommendedZh));
  assert.ok(served.some((d) => d.code === 'undefined-variable' && String(d.message).includes('第 10 行')), served.map((d) => d.message).join('\n'));
  forgetParsedTrees();
});

test('the bench Dockerfile: targeted edits served equal a check from scratch', () => {
  const reusedBefore = stageFindingsCounts.reused;
  const text = largeDockerfile(300);
  session('bench Dockerfile', text, 11, 30, strict);
  session('bench Dockerfile', text, 12, 30, recommendedZh);
  session('late declaration', lateDeclaration, 13, 30, strict);
  assert.ok(stageFindingsCounts.reused > reusedBefore, 'unchanged stages were reused');
  forgetParsedTrees();
});

test('corpus Dockerfiles of three stages and more: targeted edits served equal a check from scratch', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  assert.ok(multiStage.length > 30, `only ${multiStage.length} corpus Dockerfiles with three stages or more`);
  multiStage.forEach(({ name, text }, index) => session(name, text, 7000 + index, 10, index % 2 === 0 ? strict : recommendedZh));
  forgetParsedTrees();
});

// ---------------------------------------------------------------------------------------------
// Suppressions read from the comment lines, against a reading of every line and every instruction
// (the reading before this round).

function referenceCommentLines(model: DockerfileModel): number[] {
  const facts = factsOf(model);
  const lines: number[] = [];
  for (let line = 0; line < facts.lineCount; line++) if (facts.commentText(line) !== undefined) lines.push(line);
  return lines;
}

const stevedoreLine = /^#\s*stevedore-ignore(?!-)(?:\s+(.*))?$/i;
const hadolintLine = /^#\s*hadolint\s+ignore\s*=\s*(.*)$/i;

/** Per instruction start line, the ignore comments above it, walked up from every instruction. */
function referenceIgnoreLines(model: DockerfileModel): { ours: number[]; theirs: number[]; inline: number[] } {
  const facts = factsOf(model);
  const ours = new Set<number>();
  const theirs = new Set<number>();
  for (const instruction of facts.instructions) {
    const start = instruction.getRange().start.line;
    for (let line = start - 1; line >= 0; line--) {
      const text = facts.commentText(line);
      if (text === undefined) break;
      if (stevedoreLine.test(text)) ours.add(start);
      else if (hadolintLine.test(text)) theirs.add(start);
    }
  }
  const inline = referenceCommentLines(model).filter((line) => hadolintLine.test(facts.commentText(line)!));
  return { ours: [...ours].sort((a, b) => a - b), theirs: [...theirs].sort((a, b) => a - b), inline };
}

const keysOf = (map: Map<number, unknown>) => [...map.keys()].sort((a, b) => a - b);

test('suppressions read from the comment lines equal a reading of every line', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const texts = [
    ...corpusEntries().filter((entry) => entry.kind === 'dockerfile').map(readCorpusFile), largeDockerfile(300), lateDeclaration,
    '\uFEFF# hadolint ignore=DL3008\n  # stevedore-ignore\r\n\t#x\nFROM a\nRUN b \\\n# hadolint ignore=DL1\n  c\n# stevedore-ignore x\n\n# hadolint ignore=y\nRUN d\n#',
  ];
  let compared = 0;
  let withPragmas = 0;
  texts.forEach((original, index) => {
    const next = random(9000 + index);
    let text = original;
    for (let step = 0; step < 4; step++) {
      const model = parseDockerfile(TextDocument.create('file:///per-stage/suppressions/Dockerfile', 'dockerfile', 1, text));
      const facts = factsOf(model);
      assert.deepEqual(facts.commentLines, referenceCommentLines(model), text.slice(0, 300));
      const expected = referenceIgnoreLines(model);
      const suppressions = suppressionsOf(model);
      assert.deepEqual({ ours: keysOf(suppressions.byInstructionLine), theirs: keysOf(suppressions.hadolint.byInstructionLine), inline: suppressions.hadolint.inlinePragmaLines }, expected, text.slice(0, 300));
      if (expected.ours.length + expected.theirs.length > 0) withPragmas++;
      compared++;
      const { pick, lineStart } = editSite(text, next);
      text = text.slice(0, lineStart) + pick(insertedLines.filter((line) => line.startsWith('#') || line === '')) + '\n' + text.slice(lineStart);
    }
  });
  assert.ok(compared > 1000 && withPragmas > 500, `${compared} versions compared, ${withPragmas} with ignore comments`);
});

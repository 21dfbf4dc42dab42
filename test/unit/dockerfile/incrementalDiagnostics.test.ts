import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeDockerfile } from '../../../bench/inputs';
import type { Finding } from '../../../server/src/common/rules';
import type { FeatureContext } from '../../../server/src/common/service';
import { diagnoseDockerfileWith, dockerfileRuleConfig } from '../../../server/src/dockerfile/diagnostics';
import { parseDockerfile, type DockerfileModel } from '../../../server/src/dockerfile/model';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { fileWideRules, stageFindingsCounts, stageFindingsTuning } from '../../../server/src/dockerfile/stageFindings';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';
import { applied, editSite, fromScratch, type Edit } from './randomEdits';

/**
 * Dockerfile checks reuse the findings of instruction- and stage-scoped rules for the stages an
 * edit did not change (stageFindings.ts). Differential test: random edits (characters, lines,
 * new and removed stages, continuations, directives, here-documents) to corpus Dockerfiles and to
 * the bench's generated file; after every edit the diagnostics of the edited document must equal a
 * check from scratch, element for element. The scopes the rules declare must hold (no rule is found
 * breaking its scope at run time) and instruction-scoped rules must judge an instruction from its
 * own text and the text before the first FROM.
 */

/** Lines an edit may insert: stage starts and references, continuations, directives, here-documents, pragmas. */
const insertedLines = [
  'FROM alpine:3.20 AS extra', 'FROM builder', 'FROM extra AS child', 'from debian AS Mixed', 'FROM scratch', 'FROM ${BASE}',
  'COPY --from=0 /app /app', 'COPY --from=builder / /', 'RUN --mount=type=cache,target=/root/.cache,from=extra pip install flask',
  'RUN apt-get update && apt-get install -y curl', 'RUN apt-get install curl \\', '    wget \\', '', '# escape=`', '# syntax=docker/dockerfile:1',
  '# check=skip=all', '# check=error=true', '# hadolint ignore=DL3008', '# stevedore-ignore', '# hadolint stage ignore=DL3018',
  'ARG BASE=alpine', 'ARG VERSION', 'ENV PATH=/opt/bin:$PATH', 'ENV DEBIAN_FRONTEND=noninteractive', 'RUN <<EOF', 'echo hi', 'EOF',
  'COPY <<EOT /etc/conf', 'EOT', 'CMD ["serve"]', 'CMD serve', 'ENTRYPOINT run.sh', 'USER root', 'USER 1000', 'WORKDIR app',
  'SHELL ["powershell", "-Command"]', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'LABEL maintainer="x" org.opencontainers.image.url=nope',
  'EXPOSE 80:80/TCP', 'HEALTHCHECK NONE', 'ONBUILD RUN pip install x', 'MAINTAINER me', 'RUN curl http://x | sh', 'ADD app.tar.gz /',
  'RUN cd /tmp && sudo make', 'RUN echo $UNDEFINED_NAME', 'WORKDIR /$LATER_NAME\nENV LATER_NAME=1', 'CMD a\nCMD b', 'ARG LATER_NAME', 'COPY --from=1 /a /a', 'STOPSIGNAL SIGFOO', 'RUN ["bad json', 'COPY a b c', 'FROM --platform=$BUILDPLATFORM golang AS build',
];
const insertedCharacters = ['\\', '\n', ' ', '#', 'a', 'R', '$', '{', '<', '"', '`', '=', '-', '\t', 'F'];

function randomEdit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, lineEnd } = editSite(text, next);
  const kind = next();
  if (kind < 0.15) {
    // A line break after the first FROM line: every later stage moves down unchanged, so its kept
    // findings are reused at new lines (a finding that names a line number would go stale).
    const from = /^[ \t]*from\b.*$/im.exec(text);
    if (from) return { start: from.index + from[0].length, end: from.index + from[0].length, text: next() < 0.5 ? '\n' : '\n# moved' };
  }
  if (kind < 0.3) return { start: at, end: at, text: pick(insertedCharacters) };
  if (kind < 0.5) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 3)), text: '' };
  if (kind < 0.75) return { start: lineStart, end: lineStart, text: `${pick(insertedLines)}\n` };
  if (kind < 0.9) return { start: lineStart, end: lineEnd, text: '' };
  return { start: lineStart, end: lineStart, text: text.slice(lineStart, lineEnd) };
}

/** Edits one document `edits` times; after each, the incremental check must equal a check from scratch. */
function session(name: string, text: string, seed: number, edits: number, ctx: FeatureContext): void {
  const next = random(seed);
  let document = TextDocument.create(`file:///incremental/${seed}/Dockerfile`, 'dockerfile', 1, text);
  for (let step = 0; step <= edits; step++) {
    if (step > 0) document = applied(document, randomEdit(document.getText(), next));
    const incremental = diagnoseDockerfileWith(parseDockerfile(document), ctx);
    const expected = fromScratch(document.getText(), ctx);
    assert.deepStrictEqual(incremental, expected, `${name}, seed ${seed}, after ${step} edits: incremental diagnostics differ from a check from scratch\n--- text ---\n${document.getText()}`);
  }
}

const strict = contextFor('en', { settings: { profile: 'strict' } });
const recommendedZh = contextFor('zh-cn');

const multiStage = corpusAvailable
  ? corpusEntries().filter((entry) => entry.kind === 'dockerfile').map((entry) => ({ name: entry.path, text: readCorpusFile(entry) }))
    .filter(({ text }) => (text.match(/^\s*from\s/gim) ?? []).length >= 3)
  : [];

function withTuning(minStages: number, maxStagesCheckedAlone: number, run: () => void): void {
  const saved = { ...stageFindingsTuning };
  Object.assign(stageFindingsTuning, { minStages, maxStagesCheckedAlone });
  try {
    run();
  } finally {
    Object.assign(stageFindingsTuning, saved);
  }
}

function assertNoRuleLeftItsScope(): void {
  const broke = dockerfileRules.rules.filter((rule) => fileWideRules.has(rule)).map((rule) => rule.meta.id);
  assert.deepEqual(broke, [], 'these rules declare an instruction or stage scope but were seen depending on more (order of findings, ranges past their stage, a crash)');
}

test('every Dockerfile rule declares its scope', () => {
  const undeclared = dockerfileRules.rules.filter((rule) => !rule.meta.scope).map((rule) => rule.meta.id);
  assert.deepEqual(undeclared, []);
  // Reuse only pays when most rules can be reused; a rule moved to `file` should be a decision.
  const reusable = dockerfileRules.rules.filter((rule) => rule.meta.scope !== 'file').length;
  assert.ok(reusable > dockerfileRules.rules.length / 2, `only ${reusable} of ${dockerfileRules.rules.length} rules are reusable`);
});

test('the generated bench Dockerfile: random edits, incremental diagnostics equal a check from scratch', () => {
  const before = { ...stageFindingsCounts };
  const text = largeDockerfile(400);
  for (const [seed, ctx] of [[1, strict], [2, recommendedZh]] as const) session('bench Dockerfile', text, seed, 25, ctx);
  withTuning(2, 0, () => session('bench Dockerfile (whole-file runs cut by stage)', text, 3, 10, strict));
  assert.ok(stageFindingsCounts.reused > before.reused, 'unchanged stages were reused');
  assert.ok(stageFindingsCounts.checkedAlone > before.checkedAlone, 'edited stages were checked alone');
  assert.ok(stageFindingsCounts.wholeFile > before.wholeFile, 'first checks ran the rules over the whole file');
  assertNoRuleLeftItsScope();
});

test('corpus Dockerfiles: random edits, incremental diagnostics equal a check from scratch', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  assert.ok(multiStage.length > 30, `only ${multiStage.length} corpus Dockerfiles with three stages or more`);
  const before = stageFindingsCounts.reused;
  multiStage.forEach(({ name, text }, index) => {
    session(name, text, 1000 + index, 12, index % 2 === 0 ? strict : recommendedZh);
    // Two-stage files, and checks that cut whole-file runs by stage.
    if (index % 5 === 0) withTuning(2, 1, () => session(name, text, 5000 + index, 8, strict));
  });
  assert.ok(stageFindingsCounts.reused > before, 'unchanged stages were reused');
  assertNoRuleLeftItsScope();
});

/** The rule's findings on lines first..last (relative to first), as a check from scratch gives them. */
function findingsOn(model: DockerfileModel, ctx: FeatureContext, rule: (typeof dockerfileRules.rules)[number], first: number, last: number): Finding[] {
  const found: Finding[] = [];
  const config = dockerfileRuleConfig(model, ctx);
  try {
    rule.check({ model, ctx, config }, (finding) => found.push(finding));
  } catch {
    return [];
  }
  const shift = (range: Finding['range']) => ({ start: { ...range.start, line: range.start.line - first }, end: { ...range.end, line: range.end.line - first } });
  return found.filter((f) => f.range.start.line >= first && f.range.start.line <= last)
    .map((f) => ({ ...f, range: shift(f.range), fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: shift(edit.range) })) })) }));
}

test('instruction-scoped rules judge an instruction from its own text and the text before the first FROM', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const rules = dockerfileRules.rules.filter((rule) => rule.meta.scope === 'instruction');
  const files = [...multiStage.slice(0, 80), { name: 'bench Dockerfile', text: largeDockerfile(200) }];
  let compared = 0;
  for (const { name, text } of files) {
    const model = parseDockerfile(TextDocument.create('file:///whole/Dockerfile', 'dockerfile', 1, text));
    const instructions = model.ast.getInstructions();
    const firstFrom = instructions.find((instruction) => instruction.getKeyword() === 'FROM');
    if (!firstFrom) continue;
    const lines = text.split('\n');
    const headerLines = firstFrom.getRange().start.line;
    const header = lines.slice(0, headerLines).join('\n') + (headerLines > 0 ? '\n' : '');
    for (const instruction of instructions) {
      const { start, end } = instruction.getRange();
      if (start.line < headerLines) continue;
      const alone = parseDockerfile(TextDocument.create('file:///alone/Dockerfile', 'dockerfile', 1, header + lines.slice(start.line, end.line + 1).join('\n') + '\n'));
      for (const rule of rules) {
        const whole = findingsOn(model, strict, rule, start.line, end.line);
        const own = findingsOn(alone, strict, rule, headerLines, headerLines + end.line - start.line);
        assert.deepStrictEqual(own, whole, `${rule.meta.id} on ${name} line ${start.line + 1}: the instruction alone is judged differently`);
        compared++;
      }
    }
  }
  assert.ok(compared > 10_000, `only ${compared} comparisons`);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Instruction } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeDockerfile } from '../../../bench/inputs';
import { incrementalParseCounts } from '../../../server/src/dockerfile/incrementalParse';
import { parseDockerfile, parseDockerfileVersion, type DockerfileModel } from '../../../server/src/dockerfile/model';
import { factsOf, writtenReferenceCounts } from '../../../server/src/dockerfile/rules/facts';
import { fromWordsCounts, semanticsOf, wordReuse, type Stage } from '../../../server/src/dockerfile/semantic';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { seededRandom } from '../seededRandom';
import { applied, editSite, type Edit } from './randomEdits';
import { withTuning } from './treeSnapshot';

/**
 * The per-version facts and semantics (rules/facts.ts, semantic.ts) keep what a COPY's `--from`,
 * a RUN's mount `from=` and a FROM's words say under the flags and arguments that the incremental
 * parse shares between versions while an instruction stays where it was. Differential test: each
 * version parsed incrementally, as the server parses it, after the previous version's facts were
 * read, and its stages, stage references and declarations compared with those of a full parse of
 * the same text with nothing kept (`wordReuse` off). The edits rename stages, change bases and `--from` values (quoted too), switch
 * the escape character, and type elsewhere so that most instructions keep their shared parts.
 */

const typed = [' AS', ' as renamed', ' AS S0', 'x', 'X', ' ', '0', '1', '"', "'", '`', '-', ' \\', '\t', 'stage1', 'Stage2'];
const lines = [
  'FROM stage1 AS late', 'FROM STAGE2', 'from stage0 as Again', 'FROM 0', 'FROM scratch AS stage3', 'FROM stage1 AS',
  'COPY --from=stage1 /a /b', 'COPY --from="stage2" --link /a /b', "COPY --chown=1 --from='Stage1' /a /b", 'copy --from=0 /a /b',
  'RUN --mount=type=cache,from=stage1,target=/c make', 'RUN --mount=from=late --mount=type=bind,from="stage0" true',
  'ARG BASE=alpine', 'ENV NAME=value', 'RUN echo hi', '# a comment', '', '# escape=`', 'COPY --from=stage1 \\\n  /a /b',
];

function edit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, lineEndAt, lineEnd } = editSite(text, next);
  const end = lineEndAt < 0 ? text.length : lineEndAt;
  const kind = next();
  if (kind < 0.05) {
    // The escape directive on the first line: every instruction's words may read differently.
    return text.startsWith('# escape=') ? { start: 0, end: text.indexOf('\n') + 1, text: '' } : { start: 0, end: 0, text: '# escape=`\n' };
  }
  if (kind < 0.45) {
    // Mostly in FROM, COPY and RUN lines, where the words read here are.
    const line = text.slice(lineStart, end);
    const inWords = /^\s*(from|copy|run)\s/i.test(line);
    const where = inWords && next() < 0.5 ? end : Math.min(Math.max(at, lineStart), end);
    return { start: where, end: where, text: pick(typed) };
  }
  if (kind < 0.6) return { start: Math.max(lineStart, end - 1 - Math.floor(next() * 6)), end, text: '' };
  if (kind < 0.8) return { start: lineStart, end: lineStart, text: `${pick(lines)}\n` };
  if (kind < 0.9) return { start: lineStart, end: lineEnd, text: '' };
  return { start: lineStart, end: lineEnd, text: `${pick(lines)}\n` };
}

/** What the facts and semantics say, with instructions and stages named by their position. */
function described(model: DockerfileModel): unknown {
  const instructions = model.ast.getInstructions();
  const position = new Map<Instruction, number>(instructions.map((instruction, index) => [instruction, index]));
  const at = (instruction: Instruction) => position.get(instruction) ?? `foreign ${instruction.getKeyword()}`;
  const stageIndex = (stage: Stage | undefined) => stage?.index;
  const semantics = semanticsOf(model);
  const facts = factsOf(model);
  return {
    stages: semantics.stages.map((stage) => ({
      index: stage.index, name: stage.name, nameRange: stage.nameRange, from: at(stage.from), baseImage: stage.baseImage,
      baseImageRange: stage.baseImageRange, baseStage: stageIndex(stage.baseStage), instructions: stage.instructions.map(at), range: stage.range,
    })),
    declarations: semantics.declarations.map((d) => ({ ...d, instruction: at(d.instruction), stage: stageIndex(d.stage), inherits: d.inherits?.nameRange })),
    semanticStageReferences: semantics.stageReferences.map((r) => ({ ...r, instruction: at(r.instruction), target: stageIndex(r.target) })),
    factStageReferences: facts.stageReferences.map((r) => ({ ...r, instruction: at(r.instruction), target: stageIndex(r.target) })),
    escapeChar: semantics.escapeChar,
  };
}

function session(name: string, text: string, seed: number, edits: number): void {
  const next = seededRandom(seed);
  let document = TextDocument.create(`file:///facts-reuse/${seed}/${name}`, 'dockerfile', 1, text);
  for (let step = 0; step <= edits; step++) {
    if (step > 0) document = applied(document, edit(document.getText(), next));
    const incremental = described(parseDockerfileVersion(document));
    const expected = withoutWordReuse(() => described(parseDockerfile(TextDocument.create('file:///scratch/Dockerfile', 'dockerfile', 1, document.getText()))));
    assert.deepStrictEqual(incremental, expected, `${name}, seed ${seed}, after ${step} edits: facts differ from a full parse\n--- text ---\n${document.getText()}`);
  }
}

/** Everything read from every instruction, nothing kept or found: the reference answer. */
function withoutWordReuse<T>(run: () => T): T {
  wordReuse.enabled = false;
  try {
    return run();
  } finally {
    wordReuse.enabled = true;
  }
}

function chainedStages(count: number): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE=alpine', ''];
  for (let s = 0; s < count; s++) {
    const base = s === 0 ? 'debian:12' : s % 3 === 0 ? `STAGE${s - 1}` : s % 3 === 1 ? `stage${s - 1}` : String(s - 2);
    out.push(`FROM ${base} AS stage${s}`, 'ARG BASE', `RUN --mount=type=cache,from=stage${Math.max(0, s - 2)},target=/c apt-get install -y curl-${s}`,
      `COPY --from=${s % 2 === 0 ? `"stage${Math.max(0, s - 1)}"` : `stage${Math.max(0, s - 1)}`} --link /a /b`, 'USER root', '');
  }
  return out.join('\n');
}

test('stage references and FROM words kept under shared flags and arguments: same facts as a full parse', () => {
  withTuning({ minLength: 0 }, () => {
    const incremental = incrementalParseCounts.incremental;
    const flagsReused = writtenReferenceCounts.reused;
    const fromsReused = fromWordsCounts.reused;
    for (let seed = 1; seed <= 6; seed++) session('chained', chainedStages(8 + seed * 2), seed, 60);
    session('bench', largeDockerfile(1000), 7, 40);
    assert.ok(incrementalParseCounts.incremental - incremental > 250, 'the versions were parsed incrementally');
    assert.ok(writtenReferenceCounts.reused - flagsReused > 1000, 'flags were found again under their shared arrays');
    assert.ok(fromWordsCounts.reused - fromsReused > 1000, 'FROM words were found again under their shared arguments');
  });
});

test('corpus Dockerfiles, edited: same facts as a full parse', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const dockerfiles = corpusEntries().filter((entry) => entry.kind === 'dockerfile').map((entry) => ({ name: entry.path, text: readCorpusFile(entry) }))
    .filter(({ text }) => /^\s*from\s/im.test(text)).slice(0, 16);
  assert.ok(dockerfiles.length > 0);
  withTuning({ minLength: 0 }, () => {
    dockerfiles.forEach(({ name, text }, index) => session(name, text, 200 + index, 20));
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeDockerfile } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { diagnoseDockerfileWith } from '../../../server/src/dockerfile/diagnostics';
import { dockerfileFolding } from '../../../server/src/dockerfile/folding';
import { forgetParsedTrees, incrementalParseCounts } from '../../../server/src/dockerfile/incrementalParse';
import { parseDockerfile, parseDockerfileVersion } from '../../../server/src/dockerfile/model';
import { dockerfileSymbols } from '../../../server/src/dockerfile/symbols';
import { dockerfileSemanticTokens } from '../../../server/src/dockerfile/tokens';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';
import { editSite, type Edit } from './randomEdits';
import { parseAndCompare, snapshot, withTuning, type ParsedVersion } from './treeSnapshot';

/**
 * Differential test of incrementalParse.ts: random edits (typing, line breaks, continuations,
 * here-documents, comments, directives, CR LF, a byte order mark) to corpus Dockerfiles and to the
 * bench's 5,000-line file. After every edit the tree built from the previous one must equal a full
 * parse of the same text in everything dockerfile-ast answers (instructions, arguments, flags,
 * properties, JSON strings, here-documents, variables and how they resolve, comments, directives,
 * stages), the features over it must answer the same, and the previous tree must be unchanged.
 */

/** Lines an edit may insert. */
const insertedLines = [
  'FROM alpine:3.20 AS extra', 'FROM extra AS child', 'FROM ${BASE}', 'RUN apt-get install curl \\', '    wget \\', '  && make', '',
  '# escape=`', '# syntax=docker/dockerfile:1', '# a comment', 'ARG BASE=alpine', 'ARG VERSION', 'ENV PATH=/opt/bin:$PATH A=b',
  'RUN <<EOF', 'echo hi', 'EOF', 'COPY <<-EOT /etc/conf', '\tEOT', 'RUN <<A <<B', 'A', 'B', 'CMD ["serve", "--port", "80"]', 'CMD ["bad',
  'ONBUILD RUN pip install x', 'WORKDIR app', 'WORKDIR /srv/$VERSION', 'LABEL a=b \\', '  c="d e"', 'RUN echo `x` \\', 'COPY --from=extra --chown=1:1 a b',
  'RUN --mount=type=cache,target=/root/.cache pip install flask', 'HEALTHCHECK --interval=5s CMD ["true"]', 'RUN a \\ ', '\\', '#', '   # indented comment',
];
const insertedCharacters = ['\\', '\n', '\r\n', '\r', ' ', '#', 'a', '$', '{', '<', '"', '`', '=', '\t', '[', 'F', '\\\n', '\ufeff'];

function randomEdit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, lineEndAt, lineEnd } = editSite(text, next);
  const kind = next();
  if (kind < 0.35) return { start: at, end: at, text: pick(insertedCharacters) };
  if (kind < 0.5) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 3)), text: '' };
  if (kind < 0.7) return { start: lineStart, end: lineStart, text: `${pick(insertedLines)}\n` };
  if (kind < 0.8) return { start: lineStart, end: lineEnd, text: '' };
  if (kind < 0.85) return { start: lineStart, end: Math.min(text.length, lineEnd + Math.floor(next() * 200)), text: '' };
  if (kind < 0.9) return { start: lineStart, end: lineStart, text: text.slice(lineStart, lineEnd) };
  if (kind < 0.93) return { start: 0, end: 0, text: pick(['# escape=`\n', '\ufeff', '# syntax=x\n', '\n']) };
  if (kind < 0.96) return { start: at, end: at, text: '' }; // the same text again
  // Typing at the end of a line, where continuations start.
  const end = lineEndAt < 0 ? text.length : lineEndAt;
  return { start: end, end, text: pick([' \\', '\\', ' x', '`']) };
}

const strict = contextFor('en', { settings: { profile: 'strict' } });
const recommendedZh = contextFor('zh-cn');

/** Features over the model, compared with the same over a full parse. */
function features(text: string, parse: (document: TextDocument) => ReturnType<typeof parseDockerfile>, ctx: FeatureContext, uri: string): unknown {
  const model = parse(TextDocument.create(uri, 'dockerfile', 1, text));
  return {
    diagnostics: diagnoseDockerfileWith(model, ctx, undefined, true),
    symbols: dockerfileSymbols(model, ctx),
    tokens: dockerfileSemanticTokens(model, ctx),
    folding: dockerfileFolding(model, ctx),
  };
}

/**
 * Edits one text `edits` times; after each edit the incremental tree must equal a full parse. Every
 * `featuresEvery` edits the features must agree too (they also fill the memos a later copy carries).
 */
function session(name: string, text: string, seed: number, edits: number, ctx: FeatureContext, featuresEvery: number, resolving = true): void {
  const next = random(seed);
  const uri = `file:///incremental-parse/${seed}/Dockerfile`;
  let current = text;
  let previous: ParsedVersion | undefined;
  for (let step = 0; step <= edits; step++) {
    if (step > 0) {
      const edit = randomEdit(current, next);
      current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    }
    const where = `${name}, seed ${seed}, after ${step} edits`;
    previous = parseAndCompare(uri, current, where, previous, resolving);
    const { ast } = previous;
    if (step % featuresEvery === 0) {
      const incremental = features(current, (document) => ({ document, ast }), ctx, uri);
      assert.deepStrictEqual(incremental, features(current, parseDockerfile, ctx, 'file:///scratch/Dockerfile'), `${where}: features differ over the incremental tree\n--- text ---\n${current}`);
    }
  }
}

test('the bench\'s 5,000-line Dockerfile: after random edits the incremental tree equals a full parse', () => {
  const before = { ...incrementalParseCounts };
  const text = largeDockerfile(5000);
  session('bench Dockerfile', text, 1, 16, strict, 8, false);
  withTuning({ maxRetainedTexts: 0 }, () => session('bench Dockerfile, nothing shared', largeDockerfile(800), 2, 12, recommendedZh, 6));
  const incremental = incrementalParseCounts.incremental - before.incremental;
  // Each session's first two parses are full (a text parsed once keeps no tree).
  assert.ok(incremental >= 20, `only ${incremental} of 28 edits reused the previous tree`);
  // Most constructs of a big file are copied, not parsed again.
  const reused = incrementalParseCounts.reusedConstructs - before.reusedConstructs;
  assert.ok(reused > incremental * 500, `only ${reused} constructs reused over ${incremental} parses`);
});

test('the model of a document version comes from the previous version\'s tree', () => {
  const before = { ...incrementalParseCounts };
  const text = largeDockerfile(2000);
  const uri = 'file:///incremental-parse/versions/Dockerfile';
  let document = TextDocument.create(uri, 'dockerfile', 1, text);
  parseDockerfileVersion(document);
  const line = 1000;
  const typed = (version: number) => TextDocument.update(document, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }], version);
  document = typed(2);
  const second = parseDockerfileVersion(document);
  // A text parsed once keeps no tree; from the second parse on, the document counts as edited.
  assert.equal(incrementalParseCounts.incremental - before.incremental, 0);
  document = typed(3);
  const third = parseDockerfileVersion(document);
  assert.equal(incrementalParseCounts.incremental - before.incremental, 1);
  assert.notEqual(third.ast, second.ast);
  assert.equal(JSON.stringify(snapshot(third.ast)), JSON.stringify(snapshot(DockerfileParser.parse(document.getText()))));
  // A one-off parse of a long text (the CLI, a check from scratch) keeps nothing: its next parse is in full.
  parseDockerfileVersion(TextDocument.create('file:///once/Dockerfile', 'dockerfile', 1, text));
  // Small texts are parsed in full and not kept.
  parseDockerfileVersion(TextDocument.create('file:///small/Dockerfile', 'dockerfile', 1, 'FROM a\n'));
  parseDockerfileVersion(TextDocument.create('file:///small/Dockerfile', 'dockerfile', 2, 'FROM b\n'));
  assert.equal(incrementalParseCounts.incremental - before.incremental, 1);
  forgetParsedTrees();
});

test('corpus Dockerfiles: after random edits the incremental tree equals a full parse', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const files = corpusEntries().filter((entry) => entry.kind === 'dockerfile').map((entry) => ({ name: entry.path, text: readCorpusFile(entry) }));
  assert.ok(files.length > 300, `only ${files.length} corpus Dockerfiles`);
  const before = { ...incrementalParseCounts };
  withTuning({ minLength: 0 }, () => {
    files.forEach(({ name, text }, index) => {
      session(name, text, 100 + index, 8, index % 2 === 0 ? strict : recommendedZh, 4);
      // Arguments moved onto the new text every time (no sharing), on a quarter of the files.
      if (index % 4 === 0) withTuning({ minLength: 0, maxRetainedTexts: 0 }, () => session(name, text, 9000 + index, 6, strict, 3));
    });
  });
  const incremental = incrementalParseCounts.incremental - before.incremental;
  const full = incrementalParseCounts.full - before.full;
  // Full parses: each session's first two, and edits at the directives or the first lines.
  assert.ok(incremental > full * 1.5, `${incremental} incremental parses, ${full} full ones`);
});

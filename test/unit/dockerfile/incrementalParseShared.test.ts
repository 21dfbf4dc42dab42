import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeDockerfile } from '../../../bench/inputs';
import { incrementalParseCounts, parseDockerfileText } from '../../../server/src/dockerfile/incrementalParse';
import '../../../server/src/dockerfile/model';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { seededRandom as random } from '../seededRandom';
import { editSite, type Edit } from './randomEdits';
import { parseAndCompare, snapshot, withTuning, type ParsedVersion } from './treeSnapshot';

/**
 * Differential test of what incrementalParse.ts shares between versions (night round of issue #19):
 * an instruction or comment whose lines did not move is a shallow copy of the previous one, whose
 * arguments, flags, JSON strings and ENV/ARG/LABEL properties stay the objects of the version that
 * made them, possibly several versions back; the new document's line starts come from the previous
 * document's. The edits here are the ones that stress that: typing inside a line at many places in
 * a row (shared parts pile up from several versions until they are placed on the new text again),
 * then line breaks, joined and split continuation lines, here-documents, properties and escape
 * directives that move or re-parse what was shared; CR LF files. After every edit the tree must
 * equal a full parse, the parse's line starts those of the text, and the previous tree must not
 * have changed.
 */

/** Characters typed inside a line: the lines below keep their place and are shared. */
const typedInLine = [' ', 'x', '$', '{', '}', '"', "'", '`', '=', '-', '--mount=type=cache,target=/c ', '\\', '#', '[', ']', '<<', '\t', ',', '$A'];
/** Lines that make, move or re-parse what is shared. */
const insertedLines = [
  'ENV A=1 B="two words" \\\n    C=$A', 'ARG V=1', 'ARG V', 'LABEL x=y z="w"', 'RUN <<EOF\necho shared\nEOF', 'COPY <<-EOT /etc/x\n\tEOT',
  'RUN --mount=type=secret,id=a cat /run/secrets/a \\\n  && echo done', 'FROM alpine AS moved', 'CMD ["a", "b"]', '# moved comment', '',
  'HEALTHCHECK --interval=5s CMD ["true"]', 'ONBUILD ENV X=y',
];

function sharingEdit(text: string, next: () => number, lineBreak: string): Edit {
  const { pick, at, lineStart, lineEndAt, lineEnd } = editSite(text, next);
  const end = lineEndAt < 0 ? text.length : lineEndAt;
  const inLine = Math.min(Math.max(at, lineStart), end);
  const kind = next();
  // Typing and deleting inside one line (most edits: sharing piles up over versions).
  if (kind < 0.4) return { start: inLine, end: inLine, text: pick(typedInLine) };
  if (kind < 0.5) return { start: inLine, end: Math.min(end, inLine + 1 + Math.floor(next() * 4)), text: '' };
  // A line break typed, or one removed: what follows moves by a line.
  if (kind < 0.58) return { start: inLine, end: inLine, text: pick([lineBreak, `\\${lineBreak}`, ` \\${lineBreak}    `]) };
  if (kind < 0.66) return { start: end, end: Math.min(text.length, lineEnd), text: pick(['', ' ']) };
  // A continuation started or ended at the end of a line (the next line joins the instruction or leaves it).
  if (kind < 0.72) return { start: end, end, text: pick([' \\', '\\', ' && echo more \\']) };
  if (kind < 0.76 && text.slice(Math.max(lineStart, end - 1), end) === '\\') return { start: end - 1, end, text: '' };
  if (kind < 0.88) return { start: lineStart, end: lineStart, text: `${pick(insertedLines).replace(/\n/g, lineBreak)}${lineBreak}` };
  if (kind < 0.92) return { start: lineStart, end: lineEnd, text: '' };
  // The escape directive toggled at the top: everything parses again with the other escape character.
  if (kind < 0.95) return text.startsWith('# escape=`') ? { start: 0, end: text.indexOf('\n') + 1, text: '' } : { start: 0, end: 0, text: `# escape=\`${lineBreak}` };
  return { start: lineStart, end: lineStart, text: text.slice(lineStart, lineEnd) };
}

const parseDocument = (ast: Dockerfile) => (ast as unknown as { document: TextDocument }).document;
const lineStarts = (document: TextDocument) => (document as unknown as { getLineOffsets(): number[] }).getLineOffsets();

/** Edits a text `edits` times; every version's tree must equal a full parse. */
function session(name: string, text: string, seed: number, edits: number, resolving = true): void {
  const next = random(seed);
  const uri = `file:///incremental-shared/${seed}/Dockerfile`;
  const lineBreak = text.includes('\r\n') ? '\r\n' : '\n';
  let current = text;
  let previous: ParsedVersion | undefined;
  for (let step = 0; step <= edits; step++) {
    if (step > 0) {
      const edit = sharingEdit(current, next, lineBreak);
      current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    }
    const where = `${name}, seed ${seed}, after ${step} edits`;
    previous = parseAndCompare(uri, current, where, previous, resolving);
    assert.deepEqual(lineStarts(parseDocument(previous.ast)), lineStarts(TextDocument.create('file:///x', 'dockerfile', 1, current)), `${where}: line starts differ`);
  }
}

test('properties shared from an earlier version are moved when lines are added above them', () => {
  const stage = (i: number) => `FROM alpine AS s${i}\nENV A${i}=1 B="two words"\nARG V${i}=x\nLABEL k${i}=v\nRUN echo $A${i}\n`;
  const text = Array.from({ length: 60 }, (_, i) => stage(i)).join('');
  const uri = 'file:///incremental-shared/properties/Dockerfile';
  const versions = [
    text,
    text.replace('RUN echo $A2', 'RUN  echo $A2'), // typed in a line: everything else shared
    text.replace('RUN echo $A2', 'RUN  echo $A2').replace('RUN echo $A40', 'RUN echo $A40 x'), // elsewhere: shared parts now from two versions back
    text.replace('RUN echo $A2', 'RUN  echo $A2').replace('RUN echo $A40', 'RUN echo $A40 x').replace('FROM alpine AS s10\n', 'FROM alpine AS s10\n\n\n'), // lines added: the properties below move
    text.replace('RUN echo $A40', 'RUN echo $A40 x').replace('FROM alpine AS s10\n', 'FROM alpine AS s10\n\n\n').replace('ENV A50=1', 'ENV A50=1\r\n'),
  ];
  const before = { ...incrementalParseCounts };
  withTuning({}, () => {
    for (const [index, version] of versions.entries()) {
      const ast = parseDockerfileText(uri, version);
      assert.equal(JSON.stringify(snapshot(ast)), JSON.stringify(snapshot(DockerfileParser.parse(version))), `version ${index}`);
    }
  });
  // The first parse of a URI is full (and the second: a text parsed once keeps no tree); every later one reuses the tree.
  assert.equal(incrementalParseCounts.incremental - before.incremental, versions.length - 2);
});

test('the bench\'s edit of its 5,000-line Dockerfile keeps reusing the tree, sharing what did not move', () => {
  const text = largeDockerfile(5000);
  const line = text.split('\n').length >> 1;
  const lineStart = text.split('\n').slice(0, line).join('\n').length + 1;
  const uri = 'file:///incremental-shared/bench/Dockerfile';
  const before = { ...incrementalParseCounts };
  let settled = { ...incrementalParseCounts };
  withTuning({}, () => {
    for (let i = 0; i < 14; i++) {
      const version = i % 2 === 1 ? `${text.slice(0, lineStart)} ${text.slice(lineStart)}` : text;
      const ast = parseDockerfileText(uri, version);
      if (i % 4 === 3) assert.equal(JSON.stringify(snapshot(ast, false)), JSON.stringify(snapshot(DockerfileParser.parse(version), false)), `edit ${i}`);
      // Arguments scanned after a parse read the text of the version that scanned them: once those
      // are placed on one text again, typing in one place keeps two texts (see maxRetainedTexts).
      if (i === 5) settled = { ...incrementalParseCounts };
    }
  });
  assert.equal(incrementalParseCounts.incremental - before.incremental, 12);
  assert.equal(incrementalParseCounts.movedOntoOwnText - settled.movedOntoOwnText, 0, 'typing in one place placed shared parts on the new text again');
});

test('corpus Dockerfiles (LF and CR LF): edits that share, move and re-parse give the full parse\'s tree', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const files = corpusEntries().filter((entry) => entry.kind === 'dockerfile').map((entry) => ({ name: entry.path, text: readCorpusFile(entry) }));
  assert.ok(files.length > 300, `only ${files.length} corpus Dockerfiles`);
  const before = { ...incrementalParseCounts };
  withTuning({ minLength: 0 }, () => {
    files.forEach(({ name, text }, index) => {
      if (index % 3 !== 0) return;
      const crlf = index % 2 === 0;
      session(`${name}${crlf ? ' (CR LF)' : ''}`, crlf ? text.replace(/\r?\n/g, '\r\n') : text, 20_000 + index, 10);
      // Few texts kept: shared parts are placed on the new text every other edit.
      if (index % 4 === 0) withTuning({ minLength: 0, maxRetainedTexts: 2 }, () => session(name, text, 30_000 + index, 8));
    });
  });
  const incremental = incrementalParseCounts.incremental - before.incremental;
  const full = incrementalParseCounts.full - before.full;
  assert.ok(incremental > full * 1.5, `${incremental} incremental parses, ${full} full ones`);
  assert.ok(incrementalParseCounts.movedOntoOwnText - before.movedOntoOwnText > 100, 'shared parts were seldom placed on the new text');
});

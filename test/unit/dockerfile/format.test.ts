import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-languageserver-types';
import { formatDockerfile, formatDockerfileOnType, formatDockerfileRange } from '../../../server/src/dockerfile/format';
import { contextFor, dockerfile } from '../helpers';

// The feature functions directly: these tests need nothing else from the service.
const service = { format: formatDockerfile, formatRange: formatDockerfileRange, formatOnType: formatDockerfileOnType };
const spaces: FormattingOptions = { tabSize: 4, insertSpaces: true };

function format(text: string, options = spaces, settings?: unknown): string {
  const edits = service.format!(dockerfile(text), options, contextFor('en', { settings }));
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

function assertStable(text: string, options = spaces, settings?: unknown): string {
  const once = format(text, options, settings);
  assert.equal(format(once, options, settings), once, 'formatting twice changes nothing more');
  return once;
}

test('keywords upper-cased at column 0, one space after the keyword, trailing whitespace trimmed', () => {
  assert.equal(assertStable('  from alpine:3.20 as build  \nrun    echo hi\t\nCopy . /app\n'), 'FROM alpine:3.20 AS build\nRUN echo hi\nCOPY . /app\n');
  assert.equal(assertStable('from --platform=$BUILDPLATFORM golang as as\n'), 'FROM --platform=$BUILDPLATFORM golang AS as\n');
});

test('keyword case is kept when upper-casing is off', () => {
  assert.equal(assertStable('from alpine as a\n  run  echo\n', spaces, { format: { uppercaseKeywords: false } }), 'from alpine as a\nrun echo\n');
});

test('continuation lines get the configured indent, nesting kept relative', () => {
  const text = [
    'RUN set -eux; \\',
    '  if [ -n "$X" ]; then \\',
    '      echo yes; \\',
    '  fi',
  ].join('\n');
  assert.equal(assertStable(text), [
    'RUN set -eux; \\',
    '    if [ -n "$X" ]; then \\',
    '        echo yes; \\',
    '    fi',
  ].join('\n'));
  assert.equal(assertStable(text, spaces, { format: { continuationIndent: 2 } }).split('\n')[2], '      echo yes; \\');
  assert.equal(assertStable(text, { tabSize: 4, insertSpaces: false }).split('\n')[1], '\tif [ -n "$X" ]; then \\');
});

test('whitespace after the escape char is trimmed; comment lines inside a RUN are indented too', () => {
  const text = 'RUN apt-get update && \\   \n# why\n        apt-get install -y curl\n';
  assert.equal(assertStable(text), 'RUN apt-get update && \\\n    # why\n    apt-get install -y curl\n');
});

test('continuation lines inside a quoted string keep their leading spaces', () => {
  const text = 'RUN echo "first \\\n   second" && \\\n  echo done\nLABEL description="one \\\n      two"\n';
  assert.equal(assertStable(text), 'RUN echo "first \\\n   second" && \\\n    echo done\nLABEL description="one \\\n      two"\n');
});

test('a continuation glued to the previous word is left alone', () => {
  const text = 'RUN echo hel\\\nlo && \\\n  true\n';
  assert.equal(assertStable(text), 'RUN echo hel\\\nlo && \\\n    true\n');
});

test('JSON arrays over several lines are indented, strings untouched', () => {
  const text = 'CMD ["node", \\\n"server.js",   \\\n        "--port", "80"]\n';
  assert.equal(assertStable(text), 'CMD ["node", \\\n    "server.js",   \\\n    "--port", "80"]\n');
});

test('heredoc bodies and delimiters are byte-identical', () => {
  const text = 'from alpine\nrun <<EOF   \n   indented  \n\n\n\tTabbed\nEOF\ncopy <<-"CONF" /etc/app.conf\n\tkey = value  \n\tCONF\nrun cat <<A <<B\n a \nA\n b \nB\n';
  const out = assertStable(text);
  assert.equal(out, 'FROM alpine\nRUN <<EOF\n   indented  \n\n\n\tTabbed\nEOF\nCOPY <<-"CONF" /etc/app.conf\n\tkey = value  \n\tCONF\nRUN cat <<A <<B\n a \nA\n b \nB\n');
});

test('backtick escape directive: backtick continuations, backslashes are ordinary characters', () => {
  const text = '# escape=`\nfrom mcr.microsoft.com/windows/servercore:ltsc2022\nrun powershell -Command `\n  $ErrorActionPreference = \'Stop\'; `\n      New-Item -Path C:\\app\\ -ItemType Directory\n';
  assert.equal(assertStable(text), '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    $ErrorActionPreference = \'Stop\'; `\n        New-Item -Path C:\\app\\ -ItemType Directory\n');
});

test('blank lines collapse to one, trailing blank lines go, a leading blank line stays (it disables directives)', () => {
  assert.equal(assertStable('\n\n# escape=`\nFROM a\n\n\n\nRUN b\n  \n\n'), '\n# escape=`\nFROM a\n\nRUN b\n');
});

test('directives and comments: comments to column 0, directives only trimmed at the end', () => {
  assert.equal(assertStable('# syntax=docker/dockerfile:1  \n   # note\nFROM a\n'), '# syntax=docker/dockerfile:1\n# note\nFROM a\n');
});

test('ONBUILD trigger keywords are upper-cased too', () => {
  assert.equal(assertStable('FROM a\nonbuild   run make\n'), 'FROM a\nONBUILD RUN make\n');
});

test('CRLF files keep their line breaks', () => {
  assert.equal(assertStable('from a  \r\nrun b \\\r\n c\r\n'), 'FROM a\r\nRUN b \\\r\n    c\r\n');
});

test('empty, whitespace-only and incomplete files', () => {
  assert.equal(assertStable(''), '');
  assert.equal(assertStable('   \n\n\n'), '');
  assert.equal(assertStable('run'), 'RUN');
  assert.equal(assertStable('RUN \\'), 'RUN \\');
  assert.equal(assertStable('FROM a\nRUN echo "unterminated   \n'), 'FROM a\nRUN echo "unterminated   \n');
});

test('range formatting only touches lines in the range', () => {
  const text = 'from a\nrun  b\nrun  c\n';
  const model = dockerfile(text);
  const edits = service.formatRange!(model, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, spaces, contextFor());
  assert.equal(TextDocument.applyEdits(model.document, edits), 'from a\nRUN b\nrun  c\n');
});

test('on-type: Enter after the escape char indents the new continuation line', () => {
  const ctx = contextFor();
  const first = dockerfile('FROM a\nRUN apt-get update && \\\n\n');
  assert.deepEqual(service.formatOnType!(first, { line: 2, character: 0 }, '\n', spaces, ctx), [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '    ' },
  ]);
  // The next continuation follows the line above, keeping the user's nesting.
  const nested = dockerfile('RUN if true; then \\\n        echo a; \\\n  \n');
  assert.deepEqual(service.formatOnType!(nested, { line: 2, character: 2 }, '\n', spaces, ctx), [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, newText: '        ' },
  ]);
  const backtick = dockerfile('# escape=`\nFROM a\nRUN a `\n\n');
  assert.equal(service.formatOnType!(backtick, { line: 3, character: 0 }, '\n', spaces, ctx)[0]?.newText, '    ');
  // Not after a finished line, not inside a heredoc, not inside a string.
  assert.deepEqual(service.formatOnType!(dockerfile('FROM a\nRUN b\n\n'), { line: 2, character: 0 }, '\n', spaces, ctx), []);
  assert.deepEqual(service.formatOnType!(dockerfile('RUN <<EOF\necho \\\n\nEOF\n'), { line: 2, character: 0 }, '\n', spaces, ctx), []);
  assert.deepEqual(service.formatOnType!(dockerfile('RUN echo "a \\\n\n'), { line: 1, character: 0 }, '\n', spaces, ctx), []);
  assert.deepEqual(service.formatOnType!(dockerfile(''), { line: 0, character: 0 }, '\n', spaces, ctx), []);
  assert.deepEqual(service.formatOnType!(dockerfile('WORKDIR /my \\\n\n'), { line: 1, character: 0 }, '\n', spaces, ctx), []);
});

test('the editor\'s insertFinalNewline preference is honoured', () => {
  const withNewline = { ...spaces, insertFinalNewline: true };
  assert.equal(assertStable('from a\nrun  b', withNewline), 'FROM a\nRUN b\n');
  assert.equal(assertStable('from a\r\nrun b  ', withNewline), 'FROM a\r\nRUN b\r\n');
  assert.equal(assertStable('FROM a', spaces), 'FROM a');
});

test('verbatim instructions (WORKDIR, USER, legacy ENV) keep their continuation lines as written', () => {
  const text = 'ENV MSG hello \\\n  world\nWORKDIR /my \\\n  dir\nENV A=1 \\\n  B=2\nLABEL a=b \\\n      c=d\n';
  assert.equal(assertStable(text), 'ENV MSG hello \\\n  world\nWORKDIR /my \\\n  dir\nENV A=1 \\\n    B=2\nLABEL a=b \\\n    c=d\n');
});

test('a line holding only the escape char is kept, and the line after it stays glued when it was', () => {
  const text = 'RUN echo hel\\\n\\\nlo \\\n \\\n  done\n';
  assert.equal(assertStable(text), 'RUN echo hel\\\n\\\nlo \\\n \\\n    done\n');
});

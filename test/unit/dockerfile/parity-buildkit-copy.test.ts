import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unquoteWord } from '../../../server/src/dockerfile/buildkitWords';
import { applyEdits, codesOf, diagnose, fixesOf, messageOf, withCode } from './rules-helpers';

/**
 * COPY/ADD operands read as BuildKit reads them (quotes and escapes per word), the whole-context
 * CopyIgnoredFile case, the SecretsUsedInArgOrEnv allow-words and NoEmptyContinuation's place.
 */

test('BuildKit word processing: quotes go, escapes follow the file escape character', () => {
  assert.deepEqual(unquoteWord('"/opt/"'), { value: '/opt/', complete: true });
  assert.deepEqual(unquoteWord("'it is'"), { value: 'it is', complete: true });
  assert.deepEqual(unquoteWord('pre"mid"post'), { value: 'premidpost', complete: true });
  // Outside quotes the escape character makes the next one literal and disappears.
  assert.deepEqual(unquoteWord('a\\ b'), { value: 'a b', complete: true });
  // Inside double quotes it only escapes ", $ and itself; before anything else it stays.
  assert.deepEqual(unquoteWord('"C:\\dir\\x"'), { value: 'C:\\dir\\x', complete: true });
  assert.deepEqual(unquoteWord('"say \\"hi\\" \\\\ \\$HOME"'), { value: 'say "hi" \\ $HOME', complete: true });
  // Single quotes keep everything.
  assert.deepEqual(unquoteWord("'a\\\"b'"), { value: 'a\\"b', complete: true });
  // With `# escape=`` the backtick escapes and the backslash is an ordinary character.
  assert.deepEqual(unquoteWord('"C:\\app`"x"', '`'), { value: 'C:\\app"x', complete: true });
  assert.deepEqual(unquoteWord('C:\\app', '`'), { value: 'C:\\app', complete: true });
  assert.equal(unquoteWord('"open').complete, false);
  assert.equal(unquoteWord("'open").complete, false);
});

test('a quoted directory destination counts as a directory (copy-multiple-sources-destination)', () => {
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nCOPY a.sh b.sh "/opt/"\n')), []);
  assert.deepEqual(codesOf(diagnose("FROM alpine:3.20\nCOPY a.sh b.sh '/opt/'\n")), []);
  const text = 'FROM alpine:3.20\nCOPY a.sh b.sh "/opt"\n';
  const [found] = withCode(diagnose(text), 'copy-multiple-sources-destination');
  assert.ok(found, 'two sources into "/opt" (no slash) still need a directory');
  assert.match(messageOf(found), /\/opt\//);
  // The fix puts the slash inside the quotes.
  assert.equal(applyEdits(text, fixesOf(found)[0].edits), 'FROM alpine:3.20\nCOPY a.sh b.sh "/opt/"\n');
});

test('JSON-form COPY with several sources is judged on its destination too', () => {
  assert.deepEqual(withCode(diagnose('FROM alpine:3.20\nCOPY ["a.sh", "b.sh", "/opt"]\n'), 'copy-multiple-sources-destination').length, 1);
  assert.deepEqual(withCode(diagnose('FROM alpine:3.20\nCOPY ["a.sh", "b.sh", "/opt/"]\n'), 'copy-multiple-sources-destination').length, 0);
});

test('a quoted absolute destination is absolute (copy-relative-without-workdir)', () => {
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nCOPY app.sh "/usr/local/bin/"\n')), []);
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nCOPY app.sh "bin/"\n')), ['copy-relative-without-workdir']);
});

test('add-instead-of-copy reads quoted archive names and JSON form', () => {
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nADD "file.tgz" /usr/src/\n')), []);
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nADD "https://example.org/x.tgz" /usr/src/\n')), []);
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nADD "notes.zip" /usr/src/\n')), ['add-instead-of-copy']);
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nADD ["notes.txt", "/usr/src/"]\n')), ['add-instead-of-copy']);
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nADD ["rootfs.tar.xz", "/"]\n')), []);
});

test('copy-entire-filesystem sees quoted "/" sources and a quoted --from', () => {
  const base = 'FROM alpine:3.20 AS build\nRUN make\nFROM alpine:3.20\n';
  assert.deepEqual(withCode(diagnose(`${base}COPY --from=build "/" "/"\n`), 'copy-entire-filesystem').length, 1);
  assert.deepEqual(withCode(diagnose(`${base}COPY --from=build '/' /\n`), 'copy-entire-filesystem').length, 1);
  assert.deepEqual(withCode(diagnose(`${base}COPY --from=build "/app/bin" /usr/local/bin/\n`), 'copy-entire-filesystem').length, 0);
});

test('the file escape character decides what a quoted Windows path means', () => {
  // With the backtick escape, `"C:\app\"` keeps its backslashes and ends with one: a directory.
  const windows = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.ps1 b.ps1 "C:\\app\\"\n';
  assert.deepEqual(withCode(diagnose(windows), 'copy-multiple-sources-destination'), []);
  const noSlash = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.ps1 b.ps1 "C:\\app"\n';
  assert.equal(withCode(diagnose(noSlash), 'copy-multiple-sources-destination').length, 1);
});

test('copy-ignored-file reads quoted sources', () => {
  const files = { '/work/app/.dockerignore': 'secrets.env\n' };
  assert.equal(withCode(diagnose('FROM alpine:3.20\nCOPY "secrets.env" /app/\n', { files }), 'copy-ignored-file').length, 1);
  assert.equal(withCode(diagnose('FROM alpine:3.20\nCOPY "config.env" /app/\n', { files }), 'copy-ignored-file').length, 0);
});

test('copy-ignored-file: the whole context is excluded only by *, ** or **/* without exceptions', () => {
  const copies = 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nCOPY ./ x/\nCOPY / y/\n';
  for (const pattern of ['*', '**', '**/*', '/*']) {
    const found = withCode(diagnose(copies, { files: { '/work/app/.dockerignore': `# everything\n${pattern}\n` } }), 'copy-ignored-file');
    assert.deepEqual(found.map((d) => d.range.start.line), [2, 3, 4], `pattern ${pattern}`);
  }
  for (const ignore of ['*\n!src\n', '.*\n', 'node_modules\n', '*.log\n', 'src/**\n']) {
    assert.deepEqual(withCode(diagnose(copies, { files: { '/work/app/.dockerignore': ignore } }), 'copy-ignored-file'), [], JSON.stringify(ignore));
  }
  // A stage's files are not the build context.
  assert.deepEqual(withCode(diagnose('FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a . /x/\n', { files: { '/work/app/.dockerignore': '*\n' } }), 'copy-ignored-file'), []);
});

test('secrets-in-arg-or-env: public, file and version as a whole word mean no secret', () => {
  const clean = ['ARG SECRET_PASSPHRASE_FILE', 'ENV password_file=bar', 'ARG AUTH_MODULE_VERSION', 'ENV secret_File=baz', 'ARG public_token', 'ENV PUBLIC_KEY=abc'];
  for (const line of clean) assert.deepEqual(withCode(diagnose(`FROM alpine:3.20\n${line}\n`), 'secrets-in-arg-or-env'), [], line);
  // Only a whole word counts: FILES, PROFILE, VERSIONED are other words.
  const flagged = ['ARG SECRET_PASSPHRASE', 'ENV DB_PASSWORD=x', 'ARG TOKEN_FILES', 'ARG PROFILE_TOKEN', 'ENV VERSIONED_API_KEY=x', 'ENV git_key='];
  for (const line of flagged) assert.equal(withCode(diagnose(`FROM alpine:3.20\n${line}\n`), 'secrets-in-arg-or-env').length, 1, line);
});

test('empty-continuation-line: once per instruction, on its last line; the fix removes every blank line', () => {
  const text = 'FROM alpine:3.20\nRUN echo a \\\n\n\n  b\nCOPY a.txt \\\n/tmp/\n';
  const found = withCode(diagnose(text), 'empty-continuation-line');
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 4);
  assert.match(messageOf(found[0]), /3, 4/);
  assert.equal(applyEdits(text, fixesOf(found[0])[0].edits), 'FROM alpine:3.20\nRUN echo a \\\n  b\nCOPY a.txt \\\n/tmp/\n');
  assert.deepEqual(withCode(diagnose('FROM alpine:3.20\nRUN echo a \\\n  b\n'), 'empty-continuation-line'), []);
});

test('copy-entire-filesystem: into the root only; a stage this file does not define counts, an image does not', () => {
  assert.equal(withCode(diagnose('COPY --from=build / /\n'), 'copy-entire-filesystem').length, 1);
  assert.equal(withCode(diagnose('COPY --from=build "/" "/"\n'), 'copy-entire-filesystem').length, 1);
  assert.deepEqual(withCode(diagnose('COPY --from=build / /rootfs/\n'), 'copy-entire-filesystem'), []);
  assert.deepEqual(withCode(diagnose('COPY --from=build /app /\n'), 'copy-entire-filesystem'), []);
  assert.deepEqual(withCode(diagnose('FROM alpine:3.20\nCOPY --from=busybox:1.36 / /\n'), 'copy-entire-filesystem'), []);
});

test('copy-relative-without-workdir: a Windows drive is absolute even after BuildKit removed its backslash', () => {
  assert.deepEqual(withCode(diagnose('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY run.ps1 c:\\tools\\run.ps1\n'), 'copy-relative-without-workdir'), []);
  assert.equal(withCode(diagnose('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY run.ps1 tools\\run.ps1\n'), 'copy-relative-without-workdir').length, 1);
});

test('a quoted --from names the stage without its quotes', () => {
  const base = 'FROM alpine:3.20 AS build\nRUN make\nFROM alpine:3.20\n';
  assert.deepEqual(withCode(diagnose(`${base}COPY --from="build" /app/bin /usr/local/bin/\n`), 'copy-from-unknown-stage'), []);
  assert.equal(withCode(diagnose(`${base}COPY --from="biuld" /app/bin /usr/local/bin/\n`), 'copy-from-unknown-stage').length, 1);
});

test('copy-entire-filesystem: inside a stage an undefined --from name is an image', () => {
  assert.deepEqual(withCode(diagnose('FROM alpine:3.20\nCOPY --from=busybox / /\n'), 'copy-entire-filesystem'), []);
});

test('a quoted COPY path with a space is an error: BuildKit splits at the space before reading quotes', () => {
  const found = withCode(diagnose('FROM alpine:3.20\nCOPY "my file.txt" /app/\n'), 'instruction-arguments');
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.character, 5);
  assert.match(messageOf(found[0]), /JSON form/);
  // The other COPY rules stay quiet on words BuildKit cannot read.
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\nCOPY a "b c" d\n')), ['instruction-arguments']);
  for (const line of ['COPY ["my file.txt", "/app/"]', 'COPY "my-file.txt" /app/', "COPY 'a' /app/"]) {
    assert.deepEqual(withCode(diagnose(`FROM alpine:3.20\n${line}\n`), 'instruction-arguments'), [], line);
  }
});

test('copy-archive-then-extract knows a Windows archive path by the name as written', () => {
  // A fragment, as in a Windows build's include file (where the RUN is read with a POSIX shell).
  const text = 'COPY build\\out\\app.tar.gz /tmp/\nRUN tar -xf /tmp/app.tar.gz\n';
  assert.equal(withCode(diagnose(text), 'copy-archive-then-extract').length, 1);
  assert.deepEqual(withCode(diagnose('COPY build\\out\\app.tar.gz /tmp/\nRUN tar -xf /tmp/other.tar.gz\n'), 'copy-archive-then-extract'), []);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, codesOf, diagnose, fixesOf, messageOf, withCode } from './rules-helpers';

/** The unknown-instruction finding of a Dockerfile, which must be the only one on its line. */
function unknownOn(text: string, line: number, lang: 'en' | 'zh-cn' = 'en') {
  const diagnostics = diagnose(text, { lang });
  const onLine = diagnostics.filter((d) => d.range.start.line === line);
  assert.deepEqual(codesOf(onLine), ['unknown-instruction'], JSON.stringify(diagnostics.map((d) => [d.code, messageOf(d)])));
  return onLine[0];
}

test('a shell command without RUN: one error, and the fix inserts RUN', () => {
  const text = 'FROM alpine:3.20\nnpm run lint\n';
  const finding = unknownOn(text, 1);
  assert.equal(messageOf(finding), '‘npm’ is not a Dockerfile instruction; to run it as a command, start the line with RUN.');
  const [insert, ...others] = fixesOf(finding);
  assert.deepEqual(others, []);
  assert.equal(insert.title, 'Insert RUN');
  assert.equal(insert.safe, true);
  assert.equal(applyEdits(text, insert.edits), 'FROM alpine:3.20\nRUN npm run lint\n');
});

test('before the first FROM, and with flags, it is still one error', () => {
  unknownOn('npm run build\nFROM alpine:3.20\n', 0);
  unknownOn('FROM alpine:3.20\ngit clone --depth=1 https://example.com/app.git /src\n', 1);
});

test('the same in Chinese', () => {
  const finding = unknownOn('FROM alpine:3.20\nnpm run lint\n', 1, 'zh-cn');
  assert.equal(messageOf(finding), '「npm」不是 Dockerfile 指令；如需作为命令执行，请在行首加上 RUN。');
  assert.equal(fixesOf(finding)[0].title, '插入 RUN');
});

test('programs and paths get Insert RUN even when their name is close to an instruction', () => {
  for (const [line, fixed] of [
    ['apt-get install -y curl', 'RUN apt-get install -y curl'],
    ['./configure --prefix=/usr', 'RUN ./configure --prefix=/usr'],
    ['cd /app', 'RUN cd /app'], // one edit from CMD
    ['chmod +x run.sh', 'RUN chmod +x run.sh'], // two edits from CMD
    ['export PATH=/opt/bin:$PATH', 'RUN export PATH=/opt/bin:$PATH'], // two edits from EXPOSE
  ]) {
    const text = `FROM alpine:3.20\n${line}\n`;
    const fixes = fixesOf(unknownOn(text, 1));
    assert.deepEqual(fixes.map((f) => f.title), ['Insert RUN'], line);
    assert.equal(applyEdits(text, fixes[0].edits), `FROM alpine:3.20\n${fixed}\n`);
  }
});

test('a misspelt instruction keeps its did-you-mean fix and gets no Insert RUN', () => {
  for (const [written, meant] of [['RUNN', 'RUN'], ['COPPY', 'COPY'], ['FRM', 'FROM'], ['workdri', 'workdir']]) {
    const text = `FROM alpine:3.20\n${written} x\n`;
    const finding = unknownOn(text, 1);
    assert.match(messageOf(finding), new RegExp(`did you mean ${meant}\\?`));
    assert.deepEqual(fixesOf(finding).map((f) => f.title), [`Change to ${meant}`]);
  }
});

test('a word close to no instruction is taken for a command, but the fix waits for review', () => {
  const text = 'FROM alpine:3.20\nfrobnicate --all\n';
  const [insert] = fixesOf(unknownOn(text, 1));
  assert.equal(insert.title, 'Insert RUN');
  assert.equal(insert.safe, false);
  assert.equal(applyEdits(text, insert.edits), 'FROM alpine:3.20\nRUN frobnicate --all\n');
});

test('after a line that ends in && the lost piece may be a missing backslash: Insert RUN is offered, not applied unasked', () => {
  const [insert] = fixesOf(unknownOn('FROM alpine:3.20\nRUN apt-get update &&\napt-get install -y curl\n', 2));
  assert.equal(insert.title, 'Insert RUN');
  assert.equal(insert.safe, false);
});

test('in a lower-case file the inserted keyword is lower case too', () => {
  const text = 'from alpine:3.20\nworkdir /app\nnpm ci\n';
  const [insert] = fixesOf(unknownOn(text, 2));
  assert.equal(insert.title, 'Insert run');
  assert.equal(applyEdits(text, insert.edits), 'from alpine:3.20\nworkdir /app\nrun npm ci\n');
});

test('an assignment is no command: reported without a fix', () => {
  const finding = unknownOn('FROM alpine:3.20\nNODE_ENV=production\n', 1);
  assert.equal(messageOf(finding), 'Unknown instruction: NODE_ENV=production');
  assert.deepEqual(fixesOf(finding), []);
});

test('the casing rule never looks at unknown instructions, nor counts them', () => {
  // Three lower-case commands used to outvote FROM and RUN and flag both.
  const diagnostics = diagnose('FROM alpine:3.20\nnpm ci\nyarn build\ncurl -fsSL example.com\nRUN true\n');
  assert.deepEqual(withCode(diagnostics, 'consistent-instruction-casing'), []);
  assert.equal(withCode(diagnostics, 'unknown-instruction').length, 3);
  // A real instruction in the odd case is still reported.
  const casing = withCode(diagnose('FROM alpine:3.20\nnpm ci\nrun true\n'), 'consistent-instruction-casing');
  assert.deepEqual(casing.map((d) => [d.range.start.line, messageOf(d)]), [[2, 'Write RUN in upper case like the other instructions.']]);
});

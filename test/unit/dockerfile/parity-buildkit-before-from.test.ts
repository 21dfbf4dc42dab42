import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codesOf, diagnose, withCode } from './rules-helpers';

/**
 * Instructions before the first FROM (fragments, ONBUILD-heavy base files): reported as misplaced,
 * and still checked by every instruction rule, as hadolint checks them.
 */

const lines = (found: ReturnType<typeof diagnose>, code: string) => withCode(found, code).map((d) => d.range.start.line);

test('a fragment without FROM is reported once and its instructions are still checked', () => {
  const found = diagnose('RUN sudo apt-get install curl\nWORKDIR app\nMAINTAINER me\n');
  assert.ok(codesOf(found).includes('missing-from'));
  for (const code of ['no-sudo', 'apt-get-missing-yes', 'relative-workdir', 'maintainer-deprecated']) assert.ok(codesOf(found).includes(code), code);
});

test('shell rules read the RUNs before FROM', () => {
  const found = diagnose('RUN cd /tmp && curl -s https://example.org/install.sh | sh\nFROM debian:12\n');
  assert.deepEqual(lines(found, 'instruction-before-from'), [0]);
  assert.deepEqual(lines(found, 'cd-instead-of-workdir'), [0]);
  assert.deepEqual(lines(found, 'pipe-without-pipefail'), [0]);
  // A clean RUN there is only misplaced.
  assert.deepEqual(codesOf(diagnose('RUN echo ready\nFROM debian:12\n')), ['instruction-before-from']);
});

test('stage-scoped rules treat the instructions before FROM as a group of their own', () => {
  const twoCmds = diagnose('CMD ["a"]\nCMD ["b"]\nFROM alpine:3.20\nCMD ["c"]\n');
  assert.deepEqual(lines(twoCmds, 'multiple-cmd'), [0], 'the later stage has one CMD and is not reported');
  // A WORKDIR before FROM does not make the stage's relative WORKDIR safe, nor the reverse.
  const workdirs = diagnose('WORKDIR /srv\nFROM alpine:3.20\nWORKDIR app\n');
  assert.deepEqual(lines(workdirs, 'relative-workdir'), [2]);
  assert.deepEqual(lines(diagnose('WORKDIR /srv\nWORKDIR app\nFROM alpine:3.20\n'), 'relative-workdir'), []);
  const copies = diagnose('COPY a.txt app/\nFROM alpine:3.20\nWORKDIR /app\nCOPY b.txt data/\n');
  assert.deepEqual(lines(copies, 'copy-relative-without-workdir'), [0]);
});

test('variables and stage references before FROM', () => {
  const typo = diagnose('ARG APP_DIR=/app\nCOPY . $APP_DIRR\nFROM scratch\n');
  assert.deepEqual(lines(typo, 'undefined-variable'), [1]);
  // Outside any stage the environment is unknown: a name that is no typo is left alone.
  assert.deepEqual(withCode(diagnose('COPY . $TARGET_DIR\nFROM scratch\n'), 'undefined-variable'), []);
  const later = diagnose('COPY --from=app /a /b/\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx/\nFROM alpine:3.20 AS app\n');
  assert.deepEqual(lines(later, 'copy-from-unknown-stage'), [0]);
});

test('undefined-variable: a name the stage declares only later is used too early, whatever the base image', () => {
  const early = diagnose('FROM alpine:3.20\nCOPY $foo /x/\nARG foo=bar\nCOPY $foo /y/\n');
  assert.deepEqual(lines(early, 'undefined-variable'), [1]);
  // An unknown name in a stage on an external image may come from the image: left alone.
  assert.deepEqual(withCode(diagnose('FROM alpine:3.20\nCOPY $JAVA_HOME /x/\n'), 'undefined-variable'), []);
});

test('copy-from-unknown-stage in a fragment: no stage precedes, so a stage name or index names nothing', () => {
  assert.equal(withCode(diagnose('COPY --from=builder bin/app /usr/local/bin/\n'), 'copy-from-unknown-stage').length, 1);
  assert.equal(withCode(diagnose('COPY --from=0 bin/app /usr/local/bin/\n'), 'copy-from-unknown-stage').length, 1);
  assert.deepEqual(withCode(diagnose('COPY --from=golang:1.23 /usr/local/go /usr/local/go\n'), 'copy-from-unknown-stage'), []);
});

test('a fragment without FROM: its last USER is the image user for the user rules', () => {
  assert.deepEqual(lines(diagnose('USER app\n'), 'user-non-numeric'), [0]);
  assert.deepEqual(lines(diagnose('USER root\n'), 'last-user-root'), [0]);
  assert.deepEqual(lines(diagnose('USER 10001\n'), 'user-non-numeric'), []);
  // With a stage, the stage's user decides; the fragment's USER before FROM is not the image's.
  assert.deepEqual(lines(diagnose('USER app\nFROM alpine:3.20\nUSER 10001\n'), 'user-non-numeric'), []);
});

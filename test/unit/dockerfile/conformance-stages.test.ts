import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose, withCode } from './rules-helpers';

/**
 * Our own conformance cases for the hadolint and BuildKit checks about stages, images and
 * instruction forms (the rules no shell- or COPY-specific suite covers): each behaviour the peers'
 * suites pin down, with a case that must report and one that must not, in our own words.
 */

/** The 1-based lines where a rule reports. */
const linesOf = (code: string, text: string, settings: unknown = {}) => withCode(diagnose(text, { settings }), code).map((d) => d.range.start.line + 1);
const quiet = (code: string, text: string) => assert.deepEqual(linesOf(code, text), [], `${code} should stay quiet on:\n${text}`);

test('relative-workdir (DL3000, WorkdirRelativePath): relative paths only, quotes removed, variables and Windows roots allowed', () => {
  assert.deepEqual(linesOf('relative-workdir', 'FROM alpine:3.20\nWORKDIR srv/app\n'), [2]);
  assert.deepEqual(linesOf('relative-workdir', "FROM alpine:3.20\nWORKDIR 'srv/app'\n"), [2]);
  assert.deepEqual(linesOf('relative-workdir', 'FROM alpine:3.20\nWORKDIR "srv/app"\n'), [2]);
  for (const path of ['/srv/app', "'/srv/app'", '"/srv/app"', '$APP_HOME', '"${APP_HOME}"', 'C:\\\\app', '"D:\\\\work"', 'c:/app', '"E:/"']) {
    quiet('relative-workdir', `FROM alpine:3.20\nWORKDIR ${path}\n`);
  }
  // Relative after an absolute WORKDIR in this stage or in the stage it builds on: BuildKit knows where it is.
  quiet('relative-workdir', 'FROM alpine:3.20\nWORKDIR /srv\nWORKDIR app\n');
  quiet('relative-workdir', 'FROM alpine:3.20 AS base\nWORKDIR /srv\nFROM base\nWORKDIR app\n');
});

test('image-untagged (DL3006): an image without tag or digest; stages, variables and scratch are not images to pin', () => {
  assert.deepEqual(linesOf('image-untagged', 'FROM ubuntu\n'), [1]);
  assert.deepEqual(linesOf('image-untagged', 'FROM ubuntu AS toolchain\n'), [1]);
  assert.deepEqual(linesOf('image-untagged', 'FROM rust:1.80 AS build\nFROM node AS web\nFROM alpine:3.20\n'), [2]);
  for (const from of ['ubuntu:24.04', 'ubuntu@sha256:0123456789abcdef', 'registry.example:5000/team/app:2', '${BASE_IMAGE}', 'scratch']) quiet('image-untagged', `FROM ${from}\n`);
  quiet('image-untagged', 'FROM rust:1.80 AS build\nFROM build AS test\nFROM alpine:3.20\n');
});

test('image-latest-tag (DL3007): an explicit :latest, unless a digest pins it anyway', () => {
  assert.deepEqual(linesOf('image-latest-tag', 'FROM ubuntu:latest\n'), [1]);
  assert.deepEqual(linesOf('image-latest-tag', 'FROM ubuntu:latest AS base\n'), [1]);
  quiet('image-latest-tag', 'FROM ubuntu:24.04\n');
  quiet('image-latest-tag', 'FROM ubuntu:24.04 AS base\n');
  quiet('image-latest-tag', `FROM registry.example/ubuntu@sha256:${'ab'.repeat(32)}\n`);
  quiet('image-latest-tag', `FROM registry.example/ubuntu:latest@sha256:${'ab'.repeat(32)}\n`);
});

test('invalid-expose-port (DL3011): ports and range ends above 65535; variables are not judged', () => {
  assert.deepEqual(linesOf('invalid-expose-port', 'FROM alpine:3.20\nEXPOSE 70000\n'), [2]);
  assert.deepEqual(linesOf('invalid-expose-port', 'FROM alpine:3.20\nEXPOSE 30000-70000/udp\n'), [2]);
  for (const port of ['65535', '8080/tcp', '30000-40000/udp', '${PORT}', '30000-${LAST_PORT}']) quiet('invalid-expose-port', `FROM alpine:3.20\nEXPOSE ${port}\n`);
});

test('MultipleInstructionsDisallowed (DL3012, DL4003, DL4004): a second one in the same stage; the earlier one is reported', () => {
  assert.deepEqual(linesOf('multiple-healthcheck', 'FROM alpine:3.20\nHEALTHCHECK CMD true\nHEALTHCHECK CMD false\n'), [2]);
  assert.deepEqual(linesOf('multiple-cmd', 'FROM alpine:3.20\nCMD ["a"]\nRUN true\nCMD ["b"]\n'), [2]);
  assert.deepEqual(linesOf('multiple-entrypoint', 'FROM alpine:3.20\nENTRYPOINT ["a"]\nCOPY <<EOF /x\ntext\nEOF\nENTRYPOINT ["b"]\n'), [2]);
  // One per stage is fine, also when a stage builds on another that set its own.
  for (const [code, keyword] of [['multiple-cmd', 'CMD'], ['multiple-entrypoint', 'ENTRYPOINT'], ['multiple-healthcheck', 'HEALTHCHECK CMD']]) {
    quiet(code, `FROM alpine:3.20\n${keyword} ["a"]\n`);
    quiet(code, `FROM alpine:3.20 AS base\n${keyword} ["a"]\nFROM base\n${keyword} ["b"]\n`);
    quiet(code, `FROM alpine:3.20\n${keyword} ["a"]\nFROM debian:12\n${keyword} ["b"]\n`);
  }
});

test('duplicate-stage-name (DL3024, DuplicateStageName) and reserved-stage-name (DL3063, ReservedStageName)', () => {
  assert.deepEqual(linesOf('duplicate-stage-name', 'FROM node:22 AS app\nFROM alpine:3.20 AS app\n'), [2]);
  assert.deepEqual(linesOf('duplicate-stage-name', 'FROM node:22 AS app\nFROM alpine:3.20 AS APP\n'), [2], 'names compare case-insensitively');
  quiet('duplicate-stage-name', 'FROM node:22 AS build\nFROM alpine:3.20 AS app\n');
  assert.deepEqual(linesOf('reserved-stage-name', 'FROM alpine:3.20 AS scratch\n'), [1]);
  assert.deepEqual(linesOf('reserved-stage-name', 'FROM alpine:3.20 AS context\n'), [1]);
  quiet('reserved-stage-name', 'FROM alpine:3.20 AS contexts\n');
  quiet('reserved-stage-name', 'FROM scratch AS base\n');
});

test('json-args-recommended (DL3025, JSONArgsRecommended): shell-form CMD and ENTRYPOINT, unless SHELL says the shell is wanted', () => {
  assert.deepEqual(linesOf('json-args-recommended', 'FROM alpine:3.20\nCMD serve --port 80\n'), [2]);
  assert.deepEqual(linesOf('json-args-recommended', 'FROM alpine:3.20\nENTRYPOINT serve --port 80\n'), [2]);
  quiet('json-args-recommended', 'FROM alpine:3.20\nCMD ["serve", "--port", "80"]\nENTRYPOINT [ "tini", "--" ]\n');
  // A JSON array broken over lines is still JSON.
  quiet('json-args-recommended', 'FROM alpine:3.20\nCMD [ "/bin/sh", "-c", \\\n  "serve && \\\n   wait" \\\n  ]\n');
  // A SHELL in the stage or in the stage it builds on makes the shell form a choice.
  quiet('json-args-recommended', 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nCMD serve\n');
  quiet('json-args-recommended', 'FROM alpine:3.20 AS base\nSHELL ["/bin/ash", "-c"]\nFROM base\nENTRYPOINT serve\n');
  // HEALTHCHECK CMD runs no main process that should receive signals (BuildKit's reading).
  quiet('json-args-recommended', 'FROM alpine:3.20\nHEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1\n');
});

test('env-self-reference (DL3044): a variable used in the ENV that defines it, not one defined earlier or inherited', () => {
  assert.deepEqual(linesOf('env-self-reference', 'FROM alpine:3.20\nENV ROOT=/srv DATA=${ROOT}/data\n'), [2]);
  assert.deepEqual(linesOf('env-self-reference', 'FROM alpine:3.20\nENV ROOT=/srv DATA=$ROOT/data\n'), [2]);
  assert.deepEqual(linesOf('env-self-reference', 'FROM alpine:3.20\nENV ROOT=/srv DATA="$ROOT"\n'), [2]);
  assert.deepEqual(linesOf('env-self-reference', 'FROM alpine:3.20\nENV PATH=/a:$PATH PATH=/b:$PATH\n'), [2], 'the second PATH sees the old value');
  quiet('env-self-reference', 'FROM alpine:3.20\nENV ROOT=/srv\nENV DATA=${ROOT}/data\n');
  quiet('env-self-reference', 'FROM alpine:3.20\nENV ROOT=/srv DATA=${ROOTS}/data OTHER=$ROOTLESS\n');
  quiet('env-self-reference', 'FROM alpine:3.20\nENV ROOT=/srv DATA=ROOT/x\n');
  quiet('env-self-reference', 'FROM alpine:3.20\nENV PATH=/opt/bin:${PATH}\n');
  quiet('env-self-reference', 'FROM alpine:3.20\nARG ROOT\nENV ROOT=${ROOT}\n');
});

test('redundant-target-platform (DL3065, RedundantTargetPlatform): only $TARGETPLATFORM is the default', () => {
  assert.deepEqual(linesOf('redundant-target-platform', 'FROM --platform=$TARGETPLATFORM alpine:3.20\n'), [1]);
  assert.deepEqual(linesOf('redundant-target-platform', 'FROM --platform=${TARGETPLATFORM} alpine:3.20\n'), [1]);
  for (const value of ['$BUILDPLATFORM', '$OTHER', 'linux/arm64']) quiet('redundant-target-platform', `FROM --platform=${value} alpine:3.20\n`);
  quiet('redundant-target-platform', 'FROM alpine:3.20\n');
});

test('maintainer-deprecated (DL4000, MaintainerDeprecated): MAINTAINER in any case; the label is the way', () => {
  assert.deepEqual(linesOf('maintainer-deprecated', 'FROM alpine:3.20\nMAINTAINER Ops Team <ops@example.org>\n'), [2]);
  assert.deepEqual(linesOf('maintainer-deprecated', 'FROM alpine:3.20\nmaintainer ops@example.org\n'), [2]);
  quiet('maintainer-deprecated', 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="ops@example.org"\n');
});

test('FromAsCasing and StageNameCasing: AS follows the FROM keyword; stage names are lower case', () => {
  assert.deepEqual(linesOf('from-as-casing', 'FROM alpine:3.20 as base\n'), [1]);
  assert.deepEqual(linesOf('from-as-casing', 'from alpine:3.20 AS base\n'), [1]);
  quiet('from-as-casing', 'FROM alpine:3.20 AS base\nfrom alpine:3.20 as other\n');
  assert.deepEqual(linesOf('stage-name-casing', 'FROM alpine:3.20 AS Builder\n'), [1]);
  quiet('stage-name-casing', 'FROM alpine:3.20 AS builder-2\n');
});

test('ConsistentInstructionCasing: a keyword in mixed case, or against the file majority', () => {
  assert.deepEqual(linesOf('consistent-instruction-casing', 'From alpine:3.20 AS one\nFROM alpine:3.20 AS two\n'), [1]);
  assert.deepEqual(linesOf('consistent-instruction-casing', 'FROM alpine:3.20\nrun true\nRUN false\n'), [2]);
  assert.deepEqual(linesOf('consistent-instruction-casing', 'from alpine:3.20\nRUN true\nrun false\n'), [2]);
  assert.deepEqual(linesOf('consistent-instruction-casing', 'from alpine:3.20\nRUN a\nRUN b\nRUN c\n'), [1]);
  quiet('consistent-instruction-casing', 'FROM alpine:3.20\nRUN true\n');
  quiet('consistent-instruction-casing', 'from alpine:3.20\nrun true\n');
});

test('ExposeProtoCasing and ExposeInvalidFormat: lower-case protocols, no addresses or host ports', () => {
  assert.deepEqual(linesOf('expose-protocol-casing', 'FROM alpine:3.20\nEXPOSE 53/UDP 80/tcp 443/Tcp\n'), [2, 2]);
  quiet('expose-protocol-casing', 'FROM alpine:3.20\nEXPOSE 53/udp 80\n');
  assert.deepEqual(linesOf('expose-host-mapping', 'FROM alpine:3.20\nEXPOSE 0.0.0.0:80:80 8080:80 [::1]:9090:9090 443\n'), [2, 2, 2]);
  quiet('expose-host-mapping', 'FROM alpine:3.20\nEXPOSE 80 443/tcp 30000-30010\n');
});

test('UndefinedArgInFrom and InvalidDefaultArgInFrom: FROM sees only global ARGs, and their defaults must make an image', () => {
  assert.deepEqual(linesOf('undefined-arg-in-from', 'FROM alpine:${ALPINE_VERSION}\n'), [1]);
  assert.deepEqual(linesOf('undefined-arg-in-from', 'ARG VERSION=3.20\nFROM alpine:${VERSON}\n'), [2]);
  quiet('undefined-arg-in-from', 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n');
  quiet('undefined-arg-in-from', 'FROM --platform=$BUILDPLATFORM alpine:3.20\n');
  assert.deepEqual(linesOf('invalid-default-arg-in-from', 'ARG IMAGE\nFROM $IMAGE\n'), [2]);
  assert.deepEqual(linesOf('invalid-default-arg-in-from', 'ARG TAG\nFROM alpine:$TAG\n'), [2]);
  quiet('invalid-default-arg-in-from', 'ARG TAG=3.20\nFROM alpine:$TAG\n');
  quiet('invalid-default-arg-in-from', 'ARG VARIANT=""\nFROM alpine:3.20${VARIANT}\n');
});

test('UndefinedVar: a stage sees the ARGs and ENVs declared before the use, its base stage\'s ENVs, and predefined ARGs', () => {
  assert.deepEqual(linesOf('undefined-variable', 'FROM scratch\nCOPY $SRC /app\n'), [2]);
  assert.deepEqual(linesOf('undefined-variable', 'FROM scratch\nARG SOURCE_DIR=src\nCOPY $SOURCE_DIRS /app\n'), [3], 'a likely typo');
  quiet('undefined-variable', 'FROM scratch\nARG SRC=src\nCOPY $SRC /app\n');
  quiet('undefined-variable', 'FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n');
  quiet('undefined-variable', 'FROM scratch\nCOPY ${SRC:-src} /app\n');
  quiet('undefined-variable', 'FROM alpine:3.20\nRUN echo $HOME\n');
});

test('LegacyKeyValueFormat: ENV and LABEL with a space instead of =', () => {
  assert.deepEqual(linesOf('legacy-key-value-format', 'FROM scratch\nENV MODE production\nLABEL team core\n'), [2, 3]);
  quiet('legacy-key-value-format', 'FROM scratch\nENV MODE=production\nLABEL team=core\n');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHadolintConfig } from '../../../server/src/config/hadolint';
import { parseCheckOptions } from '../../../server/src/dockerfile/suppression';
import { codesOf, diagnose, messageOf, withCode } from './rules-helpers';

/**
 * Where `# check=` directives apply (the top of the file, or the comments above one instruction),
 * hadolint's three pragma scopes and `disable-ignore-pragma` (DL1001), and BuildKit's experimental
 * InvalidDefinitionDescription.
 */

const lines = (found: ReturnType<typeof diagnose>, code: string) => withCode(found, code).map((d) => d.range.start.line);

test('a # check=skip comment above an instruction covers that instruction only', () => {
  assert.deepEqual(codesOf(diagnose('FROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\n')), []);
  const two = diagnose('FROM scratch\n# check=skip=MaintainerDeprecated\nMAINTAINER me@example.org\nMAINTAINER you@example.org\n');
  assert.deepEqual(lines(two, 'maintainer-deprecated'), [3]);
  // skip=all above one instruction: every BuildKit check of that instruction, and only of it.
  const all = diagnose('FROM alpine:3.20\n# check=skip=all\nENV alternate_password=bar\nENV db_password=bar\n');
  assert.deepEqual(lines(all, 'secrets-in-arg-or-env'), [3]);
});

test('only the text before the first space of a check comment counts', () => {
  const text = 'FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv // the value is public\nENV password=bar\nENV token=x\n';
  assert.deepEqual(lines(diagnose(text), 'secrets-in-arg-or-env'), [3]);
});

test('the comments above an instruction run past blank lines and restart at an empty #', () => {
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv\n\nENV password=bar\n')), []);
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv\n#\nENV password=bar\n')), ['secrets-in-arg-or-env']);
  // The comments belong to the next instruction only, not to the one after it.
  assert.deepEqual(lines(diagnose('FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv\nWORKDIR /app\nENV password=bar\n'), 'secrets-in-arg-or-env'), [3]);
});

test('checks BuildKit runs over the whole file ignore a check comment above one instruction', () => {
  assert.deepEqual(codesOf(diagnose('FROM alpine:3.20\n# check=skip=ConsistentInstructionCasing\nrun echo hi\n')), ['consistent-instruction-casing']);
  assert.deepEqual(codesOf(diagnose('# check=skip=ConsistentInstructionCasing\nFROM alpine:3.20\nrun echo hi\n')), []);
});

test('top-of-file check directives: only in the leading run of directives', () => {
  const body = 'FROM alpine:3.20\nMAINTAINER me@example.org\n';
  assert.deepEqual(codesOf(diagnose(`# check=skip=MaintainerDeprecated\n${body}`)), []);
  assert.deepEqual(codesOf(diagnose(`# syntax=docker/dockerfile:1\n#check=skip=MaintainerDeprecated\n${body}`)), []);
  assert.deepEqual(codesOf(diagnose(`#!/usr/bin/env -S docker build -f\n# check=skip=MaintainerDeprecated\n${body}`)), []);
  // A blank first line, an ordinary comment or an unknown directive ends the directives; the
  // comment then belongs to FROM alone, so the MAINTAINER below is reported.
  for (const before of ['\n', '# a remark\n', '# foo=bar\n']) {
    assert.deepEqual(codesOf(diagnose(`${before}# check=skip=MaintainerDeprecated\n${body}`)), ['maintainer-deprecated'], JSON.stringify(before));
  }
  // Not a directive any more, but still the comment above FROM: FromAsCasing is skipped there.
  assert.deepEqual(codesOf(diagnose('\n# check=skip=FromAsCasing\nFROM alpine:3.20 as build\n')), []);
  assert.deepEqual(codesOf(diagnose('\n# check=skip=FromAsCasing\nFROM alpine:3.20\nFROM alpine:3.20 as build\n')), ['from-as-casing']);
});

test('check options are parsed like BuildKit: bad options drop the comment', () => {
  assert.deepEqual(parseCheckOptions('skip=A,B;error=true'), { skipAll: false, skip: new Set(['a', 'b']), experimentalAll: false, experimental: new Set(), error: true });
  assert.equal(parseCheckOptions('experimental=all')?.experimentalAll, true);
  assert.equal(parseCheckOptions('skip=all // why')?.skipAll, true);
  assert.equal(parseCheckOptions('error=maybe'), undefined);
  assert.equal(parseCheckOptions('sikp=A'), undefined);
  assert.equal(parseCheckOptions('skip'), undefined);
  // A dropped comment skips nothing.
  assert.deepEqual(codesOf(diagnose('FROM scratch\n# check=skip=MaintainerDeprecated;loud=1\nMAINTAINER me\n')), ['maintainer-deprecated']);
});

test('# check=error=true counts only at the top', () => {
  const top = diagnose('# check=error=true\nFROM scratch\nMAINTAINER me\n');
  assert.equal(withCode(top, 'maintainer-deprecated')[0].severity, 1);
  const local = diagnose('FROM scratch\n# check=error=true\nMAINTAINER me\n');
  assert.equal(withCode(local, 'maintainer-deprecated')[0].severity, 2);
});

test('# hadolint stage ignore= covers the rest of its stage only', () => {
  const first = '# hadolint stage ignore=DL3011\nFROM ubuntu:24.04\nEXPOSE 80000\nFROM ubuntu:24.04\nEXPOSE 80000\n';
  assert.deepEqual(lines(diagnose(first), 'invalid-expose-port'), [4]);
  const second = 'FROM ubuntu:24.04\nEXPOSE 80000\n# hadolint stage ignore=DL3011\nFROM ubuntu:24.04\nEXPOSE 80000\n';
  assert.deepEqual(lines(diagnose(second), 'invalid-expose-port'), [1]);
  const several = '# hadolint stage ignore=DL3011,DL4000\nFROM ubuntu:24.04\nMAINTAINER me\nEXPOSE 80000\n';
  assert.deepEqual(codesOf(diagnose(several)), []);
});

test('disable-ignore-pragma makes every hadolint pragma inert, ours keep working', () => {
  const text = '# hadolint global ignore=DL4000\nFROM ubuntu:24.04\n# hadolint ignore=DL3011\nEXPOSE 80000\nMAINTAINER me\n# stevedore-ignore invalid-expose-port\nEXPOSE 70000\n';
  assert.deepEqual(codesOf(diagnose(text)), []);
  const files = { '/work/app/.hadolint.yaml': 'disable-ignore-pragma: true\n' };
  const found = diagnose(text, { files });
  assert.deepEqual(lines(found, 'invalid-expose-port'), [3]);
  assert.deepEqual(lines(found, 'maintainer-deprecated'), [4]);
  const stage = diagnose('# hadolint stage ignore=DL3011\nFROM ubuntu:24.04\nEXPOSE 80000\n', { files });
  assert.deepEqual(lines(stage, 'invalid-expose-port'), [2]);
  assert.equal(parseHadolintConfig('disable-ignore-pragma: true').disableIgnorePragma, true);
  assert.equal(parseHadolintConfig('ignored: [DL3000]').disableIgnorePragma, false);
});

test('inline-ignore-pragma (DL1001): off by default, reports each hadolint ignore= comment when on', () => {
  const text = 'FROM ubuntu:24.04\n# hadolint ignore=DL3011\nEXPOSE 80000\n# hadolint global ignore=DL4000\n';
  assert.deepEqual(withCode(diagnose(text), 'inline-ignore-pragma'), []);
  const on = diagnose(text, { files: { '/work/app/.hadolint.yaml': 'override:\n  info: [DL1001]\n' } });
  assert.deepEqual(lines(on, 'inline-ignore-pragma'), [1]);
  assert.deepEqual(withCode(on, 'invalid-expose-port'), [], 'the pragma still works');
  const inert = diagnose(text, { files: { '/work/app/.hadolint.yaml': 'disable-ignore-pragma: true\noverride:\n  info: [DL1001]\n' } });
  assert.match(messageOf(withCode(inert, 'inline-ignore-pragma')[0]), /disable-ignore-pragma/);
  assert.deepEqual(lines(inert, 'invalid-expose-port'), [2]);
  assert.deepEqual(withCode(diagnose('FROM ubuntu:24.04\n# stevedore-ignore invalid-expose-port\nEXPOSE 80000\n', { settings: { profile: 'strict' } }), 'inline-ignore-pragma'), []);
});

test('invalid-definition-description: experimental, on only when the file asks for it', () => {
  const body = '# bar the bar\nARG foo=bar\n# BasE the base image\nFROM scratch AS base\n# an unrelated remark\nARG version=latest\n# some remark\nARG foo=baz bar=qux\n';
  assert.deepEqual(withCode(diagnose(body), 'invalid-definition-description'), []);
  const on = diagnose(`# check=experimental=InvalidDefinitionDescription\n${body}`);
  assert.deepEqual(lines(on, 'invalid-definition-description'), [2, 4, 6, 8]);
  assert.match(messageOf(withCode(on, 'invalid-definition-description')[0]), /# foo <description>/);
  // skip=all does not turn an experimental check off; all turns every experimental check on.
  assert.equal(withCode(diagnose(`# check=skip=all;experimental=all\n${body}`), 'invalid-definition-description').length, 4);
  // A comment above the instruction can opt in for that instruction.
  const local = diagnose('FROM scratch\n# check=experimental=InvalidDefinitionDescription\nARG version=1\nFROM scratch AS app\n');
  assert.deepEqual(lines(local, 'invalid-definition-description'), [2]);
});

test('invalid-definition-description: good descriptions and separated comments are clean', () => {
  const good = [
    '# check=experimental=InvalidDefinitionDescription',
    '# foo the foo value',
    'ARG foo=bar',
    '',
    '# base the shared base image',
    'FROM scratch AS base',
    '# baz one of three',
    'ARG foo=baz bar=qux baz=quux',
    '# a remark, not a description',
    '#',
    'ARG bit=bat',
    'ARG plain=1',
    '# a remark above COPY is no description',
    'COPY Dockerfile /',
    '# a remark above a stage without a name',
    'FROM scratch',
  ].join('\n');
  assert.deepEqual(withCode(diagnose(good), 'invalid-definition-description'), []);
});

test('invalid-definition-description: a blank line separates a remark from the instruction', () => {
  const text = '# check=experimental=InvalidDefinitionDescription\n# a remark\n\nFROM scratch AS base\n# another remark\n\nARG VERSION=1\n# a third remark\nARG LEVEL=1\n';
  assert.deepEqual(lines(diagnose(text), 'invalid-definition-description'), [8]);
});

test('directive rules read only the directives BuildKit reads: an unknown # name=value ends them', () => {
  assert.deepEqual(codesOf(diagnose('# foo=bar\n# escape=x\n# escape=y\nFROM alpine:3.20\n')), []);
  assert.deepEqual(codesOf(diagnose('# escape=x\nFROM alpine:3.20\n')), ['invalid-escape-directive']);
  assert.deepEqual(codesOf(diagnose('# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20\n')), ['duplicate-directive']);
});

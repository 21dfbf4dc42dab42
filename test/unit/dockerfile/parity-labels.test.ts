import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHadolintConfig } from '../../../server/src/config/hadolint';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { isEmail, isGitHash, isRfc3339, isSemver, isSpdxExpression, isUri } from '../../../server/src/dockerfile/rules/labels';
import { diagnose, messageOf, withCode } from './rules-helpers';

/**
 * Image labels: the key format (label-key-format, DL3048) and hadolint's label schema read from
 * .hadolint.yaml (`label-schema`, `strict-labels`: DL3049–DL3056, DL3058).
 */

const schemaFile = (yaml: string) => ({ '/work/app/.hadolint.yaml': yaml });
const strict = { profile: 'strict' };

/** The lines (1-based) where a rule reports, for a Dockerfile linted with a given .hadolint.yaml. */
function linesOf(code: string, text: string, yaml?: string, settings: unknown = strict): number[] {
  return withCode(diagnose(text, { settings, files: yaml === undefined ? {} : schemaFile(yaml) }), code).map((d) => d.range.start.line + 1);
}

test('.hadolint.yaml: label-schema types (an empty one is text), strict-labels, and a wrong type is a problem', () => {
  const config = parseHadolintConfig('label-schema:\n  org.example.owner: email\n  org.example.note:\n  org.example.url: URL\nstrict-labels: true\n');
  assert.deepEqual(config.labelSchema, { 'org.example.owner': 'email', 'org.example.note': 'text', 'org.example.url': 'url' });
  assert.equal(config.strictLabels, true);
  assert.deepEqual(config.problems, []);
  const wrong = parseHadolintConfig('label-schema:\n  a: number\n');
  assert.deepEqual(wrong.labelSchema, {});
  assert.match(wrong.problems[0], /label-schema\.a/);
  assert.match(parseHadolintConfig('label-schema: [a, b]\n').problems[0], /mapping/);
  assert.equal(parseHadolintConfig('ignored: [DL3008]\n').strictLabels, false);
});

test('label-key-format: reverse-DNS lower-case keys pass; capitals, reserved namespaces, bad ends and doubled separators do not', () => {
  const bad = [
    ['LABEL Maintainer=someone', /lower case/],
    ['LABEL com.docker.compose.project=x', /reserved/],
    ['LABEL io.docker.thing=x', /reserved/],
    ['LABEL org.dockerproject.thing=x', /reserved/],
    ['LABEL 2fast=x', /starts/],
    ['LABEL _private=x', /starts/],
    ['LABEL org.example.=x', /ends/],
    ['LABEL org..example=x', /doubled/],
    ['LABEL org.exa--mple=x', /doubled/],
    ['LABEL org.example:team=x', /not allowed/],
  ] as const;
  for (const [line, reason] of bad) {
    const found = withCode(diagnose(`FROM alpine:3.20\n${line}\n`, { settings: strict }), 'label-key-format');
    assert.equal(found.length, 1, line);
    assert.match(messageOf(found[0]), reason, line);
  }
  const good = [
    'LABEL org.opencontainers.image.version=1.0.0',
    'LABEL team=payments',
    'LABEL "org.example.quoted"="x y"',
    'LABEL org.example/path_part=1',
    'LABEL release2=yes',
    'LABEL ${NAMESPACE}.team=x',
    'ONBUILD LABEL Triggered=later',
  ];
  for (const line of good) assert.deepEqual(linesOf('label-key-format', `FROM alpine:3.20\n${line}\n`), [], line);
  // One finding per bad key, on the key.
  const text = 'FROM alpine:3.20\nLABEL Good.no=1 fine=2 ALSO=3\n';
  const found = withCode(diagnose(text, { settings: strict }), 'label-key-format');
  assert.deepEqual(found.map((d) => [d.range.start.character, d.range.end.character]), [[6, 13], [23, 27]]);
  // On by default, as in hadolint.
  assert.deepEqual(linesOf('label-key-format', 'FROM alpine:3.20\nLABEL Bad=1\n', undefined, {}), [2]);
});

const sourceSchema = 'label-schema:\n  org.opencontainers.image.source: url\n';

test('required-label-missing: a shipped image without a schema label is reported at its FROM, once per label', () => {
  assert.deepEqual(linesOf('required-label-missing', 'FROM alpine:3.20\nRUN true\n', sourceSchema), [1]);
  assert.deepEqual(linesOf('required-label-missing', 'FROM alpine:3.20\nLABEL other=1\n', sourceSchema), [1]);
  assert.deepEqual(linesOf('required-label-missing', 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://example.org/x\n', sourceSchema), []);
  // Two required labels, neither set: two findings on the one FROM.
  assert.deepEqual(linesOf('required-label-missing', 'FROM alpine:3.20\n', `${sourceSchema}  org.opencontainers.image.version: semver\n`), [1, 1]);
  // No schema, no requirement.
  assert.deepEqual(linesOf('required-label-missing', 'FROM alpine:3.20\n', ''), []);
  assert.deepEqual(linesOf('required-label-missing', 'FROM alpine:3.20\n'), []);
  const found = withCode(diagnose('FROM alpine:3.20\n', { files: schemaFile(sourceSchema) }), 'required-label-missing')[0];
  assert.match(messageOf(found), /org\.opencontainers\.image\.source/);
});

test('required-label-missing: labels are inherited through FROM <stage>; only shipped images are reported', () => {
  const lines = (text: string) => linesOf('required-label-missing', text, 'label-schema:\n  team: text\n');
  // Inherited from the stage it builds on.
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nLABEL team=core\nFROM base\nRUN true\n'), []);
  // Two unrelated final images: each needs the label.
  assert.deepEqual(lines('FROM alpine:3.20\nFROM debian:12\n'), [1, 2]);
  assert.deepEqual(lines('FROM alpine:3.20\nLABEL team=core\nFROM debian:12\n'), [3]);
  // A stage files are copied from is a helper, however it is referred to.
  assert.deepEqual(lines('FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20\nLABEL team=core\nCOPY --from=build /out /out\n'), []);
  assert.deepEqual(lines('FROM golang:1.22\nRUN go build\nFROM alpine:3.20\nLABEL team=core\nCOPY --from=0 /out /out\n'), []);
  assert.deepEqual(lines('FROM golang:1.22 AS tools\nFROM alpine:3.20\nLABEL team=core\nRUN --mount=type=bind,from=tools,target=/t cp /t/x /x\n'), []);
  // …but not when nothing uses it.
  assert.deepEqual(lines('FROM golang:1.22 AS build\nFROM alpine:3.20\nLABEL team=core\n'), [1]);
  // A stage built on and labelled by a later one is a helper, whether or not that later stage is named.
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nFROM base\nLABEL team=core\n'), []);
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nFROM base AS final\nLABEL team=core\n'), []);
  // A child that sets nothing: the image it ships is reported, not its base again.
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nFROM base\n'), [2]);
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nFROM base AS build\nFROM alpine:3.20\nLABEL team=core\nCOPY --from=build /x /x\n'), [], 'a base of a helper is a helper');
  // Two images on one base, only one labelled: the other is reported, the base is spared.
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nFROM base AS api\nLABEL team=core\nFROM base AS worker\n'), [4]);
});

test('label-not-in-schema: with strict-labels only schema labels may be set; without it any label may', () => {
  const strictSchema = 'label-schema:\n  team: text\nstrict-labels: true\n';
  assert.deepEqual(linesOf('label-not-in-schema', 'FROM alpine:3.20\nLABEL team=core\n', strictSchema), []);
  const found = withCode(diagnose('FROM alpine:3.20\nLABEL team=core extra=1 more=2\n', { files: schemaFile(strictSchema) }), 'label-not-in-schema');
  assert.deepEqual(found.map((d) => d.range.start.character), [16, 24], 'one finding per label outside the schema, on its key');
  assert.match(messageOf(found[0]), /extra/);
  // Strict labels without a schema: every label is outside it.
  assert.deepEqual(linesOf('label-not-in-schema', 'FROM alpine:3.20\nLABEL team=core\n', 'strict-labels: true\n'), [2]);
  // Not strict: extra labels are fine.
  assert.deepEqual(linesOf('label-not-in-schema', 'FROM alpine:3.20\nLABEL extra=1\n', 'label-schema:\n  team: text\n'), []);
});

test('label-empty: a schema label with an empty value is reported; other empty labels are not', () => {
  const schema = 'label-schema:\n  team: text\n';
  assert.deepEqual(linesOf('label-empty', 'FROM alpine:3.20\nLABEL team=""\n', schema), [2]);
  assert.deepEqual(linesOf('label-empty', "FROM alpine:3.20\nLABEL team=''\n", schema), [2]);
  assert.deepEqual(linesOf('label-empty', 'FROM alpine:3.20\nLABEL team=core\n', schema), []);
  assert.deepEqual(linesOf('label-empty', 'FROM alpine:3.20\nLABEL other=""\n', schema), []);
  assert.deepEqual(linesOf('label-empty', 'FROM alpine:3.20\nLABEL team=""\n'), [], 'no schema, no rule');
});

test('value forms: URL, RFC 3339 time, SPDX license, git hash, semantic version, e-mail', () => {
  const accepts = (check: (v: string) => boolean, values: string[]) => { for (const v of values) assert.equal(check(v), true, `accepts ${v}`); };
  const rejects = (check: (v: string) => boolean, values: string[]) => { for (const v of values) assert.equal(check(v), false, `rejects ${v}`); };
  accepts(isUri, ['https://github.com/org/repo', 'http://localhost:8080/a?b=c#d', 'mailto:team@example.org', 'urn:isbn:0451450523', 'https://example.org/%7Euser']);
  rejects(isUri, ['github.com/org/repo', 'just words', '/relative/path', 'https://exa mple.org', '://missing-scheme', 'https://example.org/%zz']);
  accepts(isRfc3339, ['2024-05-01T12:30:00Z', '2024-05-01t12:30:00z', '2024-02-29T23:59:60.123456789+01:00', '1999-12-31T00:00:00-08:00']);
  rejects(isRfc3339, ['2024-05-01', '2024-05-01 12:30:00Z', '2024-05-01T12:30:00', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-05-01T24:00:00Z', 'yesterday']);
  accepts(isSpdxExpression, ['MIT', 'Apache-2.0', 'apache-2.0', 'GPL-3.0-or-later', 'GPL-2.0+', 'Apache-2.0 OR MIT', '(MIT AND BSD-3-Clause) OR Apache-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', 'LicenseRef-Internal', 'GPL-2.0']);
  rejects(isSpdxExpression, ['', 'Proprietary', 'MIT OR', 'MIT AND (Apache-2.0', 'MIT Apache-2.0', 'BSD']);
  accepts(isGitHash, ['1a2b3c4', '1a2b3c4d5e6f', '0123456789abcdef0123456789abcdef01234567', 'a'.repeat(64)]);
  rejects(isGitHash, ['1a2b3c', '1A2B3C4', 'g123456', '0123456789abcdef0123456789abcdef012345678', 'main']);
  accepts(isSemver, ['0.1.0', '1.4.2', '2.0.0-rc.1', '1.0.0-alpha+001', '10.20.30+build.5']);
  rejects(isSemver, ['1.4', 'v1.4.2', '01.4.2', '1.4.2-', '1.4.2-01', 'latest', '1.4.2.7']);
  accepts(isEmail, ['team@example.org', 'first.last+tag@sub.example.co.uk', '"odd name"@example.org', 'root@[192.0.2.1]']);
  rejects(isEmail, ['Team <team@example.org>', 'team.example.org', 'team@', '@example.org', 'a..b@example.org', 'team@-example.org']);
});

const typedSchema = [
  'label-schema:',
  '  org.opencontainers.image.source: url',
  '  org.opencontainers.image.created: rfc3339',
  '  org.opencontainers.image.licenses: spdx',
  '  org.opencontainers.image.revision: hash',
  '  org.opencontainers.image.version: semver',
  '  org.opencontainers.image.authors: email',
  '  org.opencontainers.image.title: text',
  '',
].join('\n');

const forms = [
  ['label-url-invalid', 'org.opencontainers.image.source', 'https://example.org/app', 'example.org/app'],
  ['label-time-invalid', 'org.opencontainers.image.created', '2024-05-01T12:30:00Z', '1 May 2024'],
  ['label-license-invalid', 'org.opencontainers.image.licenses', 'Apache-2.0 OR MIT', 'all rights reserved'],
  ['label-git-hash-invalid', 'org.opencontainers.image.revision', '9fceb02', 'HEAD'],
  ['label-semver-invalid', 'org.opencontainers.image.version', '3.1.4', 'v3'],
  ['label-email-invalid', 'org.opencontainers.image.authors', 'ops@example.org', 'the ops team'],
] as const;

test('each typed schema label is checked by its own rule (DL3052–DL3056, DL3058), at the value', () => {
  for (const [code, key, valid, invalid] of forms) {
    const good = `FROM alpine:3.20\nLABEL ${key}="${valid}"\n`;
    const bad = `FROM alpine:3.20\nLABEL ${key}="${invalid}"\n`;
    assert.deepEqual(linesOf(code, good, typedSchema), [], `${code} accepts ${valid}`);
    const found = withCode(diagnose(bad, { files: schemaFile(typedSchema) }), code);
    assert.equal(found.length, 1, `${code} rejects ${invalid}`);
    assert.equal(found[0].range.start.character, `LABEL ${key}=`.length, 'on the value');
    assert.ok(messageOf(found[0]).includes(invalid), 'the message quotes the value');
    // The same key without a schema, or typed text, is never judged.
    assert.deepEqual(linesOf(code, bad), [], `${code} needs a schema`);
    assert.deepEqual(linesOf(code, bad, `label-schema:\n  ${key}: text\n`), [], `${code} leaves text labels alone`);
    // Only its own type: other rules stay quiet on this label.
    for (const [other] of forms) if (other !== code) assert.deepEqual(linesOf(other, bad, typedSchema), [], `${other} on ${key}`);
  }
});

test('value forms are not judged on values that use a variable or are empty (label-empty covers those)', () => {
  const text = 'FROM alpine:3.20\nARG VERSION\nLABEL org.opencontainers.image.version="${VERSION}" org.opencontainers.image.revision=$REV org.opencontainers.image.source=""\n';
  for (const [code] of forms) assert.deepEqual(linesOf(code, text, typedSchema), [], code);
  assert.deepEqual(linesOf('label-empty', text, typedSchema), [3]);
});

test('the hadolint codes address the label rules and DL3029 the fixed-platform rule', () => {
  const expected: Record<string, string> = {
    DL3029: 'from-platform-flag-const', DL3048: 'label-key-format', DL3049: 'required-label-missing', DL3050: 'label-not-in-schema',
    DL3051: 'label-empty', DL3052: 'label-url-invalid', DL3053: 'label-time-invalid', DL3054: 'label-license-invalid',
    DL3055: 'label-git-hash-invalid', DL3056: 'label-semver-invalid', DL3058: 'label-email-invalid',
  };
  for (const [code, id] of Object.entries(expected)) assert.equal(dockerfileRules.find(code)?.meta.id, id, code);
  // `ignored: [DL3052]` in .hadolint.yaml switches the URL check off, and nothing else.
  const text = 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=nowhere org.opencontainers.image.version=next\n';
  const codes = (yaml: string) => diagnose(text, { files: schemaFile(yaml) }).map((d) => String(d.code)).filter((c) => c.startsWith('label-'));
  assert.deepEqual(codes(typedSchema).sort(), ['label-semver-invalid', 'label-url-invalid']);
  assert.deepEqual(codes(`${typedSchema}ignored: [DL3052]\n`), ['label-semver-invalid']);
  // The inline hadolint pragma names the code too.
  const pragma = 'FROM alpine:3.20\n# hadolint ignore=DL3056\nLABEL org.opencontainers.image.version=next\n';
  assert.deepEqual(linesOf('label-semver-invalid', pragma, typedSchema), []);
});

test('DL3029 as BuildKit reads it: fixed platforms are reported, build arguments and platform-named stages are not', () => {
  const lines = (text: string) => linesOf('from-platform-flag-const', text);
  assert.deepEqual(lines('FROM --platform=linux/arm64 alpine:3.20\n'), [1]);
  assert.deepEqual(lines('FROM --platform=linux debian:12\n'), [1]);
  for (const value of ['$BUILDPLATFORM', '${BUILDPLATFORM}', '"$TARGETPLATFORM"', '${BUILDPLATFORM:-linux/amd64}', '$DEPLOY_PLATFORM']) {
    assert.deepEqual(lines(`FROM --platform=${value} debian:12\n`), [], value);
  }
  assert.deepEqual(lines('FROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n'), []);
  assert.deepEqual(lines('FROM debian:12\n'), []);
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { ruleCases } from './rules-cases';
import { applyEdits, diagnose as diagnoseAnyProfile, fixesOf, messageOf, withCode, type DiagnoseOptions } from './rules-helpers';

const diagnose = (text: string, options?: DiagnoseOptions) => diagnoseAnyProfile(text, strictOptions(options));

/** The rules with a bad/good example in rules-cases.ts (the syntax and semantics rules, mostly). */
const ids = dockerfileRules.rules.map((rule) => rule.meta.id).filter((id) => ruleCases[id]);

/** Each rule's own cases: under the strict profile, so the rules it alone turns on are measured too. */
const strictOptions = (options: DiagnoseOptions = {}): DiagnoseOptions => ({ ...options, settings: { profile: 'strict', ...(options.settings as object | undefined) } });

test('every Dockerfile rule has test cases: an example in rules-cases.ts or tests in a topic file (rules-<topic>.test.ts, parity-*.test.ts)', () => {
  const topicTests = readdirSync(__dirname)
    .filter((name) => /^(rules|parity)-.*\.test\.ts$/.test(name) && name !== 'rules-examples.test.ts')
    .map((name) => readFileSync(join(__dirname, name), 'utf8'))
    .join('\n');
  const untested = dockerfileRules.rules.map((rule) => rule.meta.id).filter((id) => !ruleCases[id] && !topicTests.includes(`'${id}'`));
  assert.deepEqual(untested, []);
});

test('every example in rules-cases.ts names a registered rule', () => {
  assert.deepEqual(Object.keys(ruleCases).filter((id) => !dockerfileRules.find(id)), []);
});

for (const id of ids) {
  const example = ruleCases[id];
  if (!example) continue;
  describe(`rule ${id}`, () => {
    test('reports the bad example', () => {
      const found = withCode(diagnose(example.bad, example.options), id);
      assert.ok(found.length > 0, `expected ${id} on:\n${example.bad}`);
      for (const diagnostic of found) {
        assert.equal(diagnostic.source, 'stevedore');
        assert.equal(diagnostic.code, id);
        assert.ok(messageOf(diagnostic).length > 0 && messageOf(diagnostic).length < 200, messageOf(diagnostic));
      }
    });
    test('stays quiet on the good example', () => {
      const options = id === 'hadolint-config-problem' ? { files: { '/work/app/.hadolint.yaml': 'ignored: [DL3008]\n' } } : example.options;
      assert.deepEqual(withCode(diagnose(example.good, options), id).map((d) => messageOf(d)), []);
    });
    test('has a Chinese message', () => {
      const found = withCode(diagnose(example.bad, { ...example.options, lang: 'zh-cn' }), id);
      assert.match(messageOf(found[0]), /[\u4e00-\u9fff]/);
    });
    if (example.fixed !== undefined) {
      test('quick fix removes the finding', () => {
        const [diagnostic] = withCode(diagnose(example.bad, example.options), id);
        const [fix] = fixesOf(diagnostic);
        assert.ok(fix, `no quick fix for ${id}`);
        const after = applyEdits(example.bad, fix.edits);
        assert.equal(after, example.fixed);
        assert.deepEqual(withCode(diagnose(after, example.options), id), []);
      });
    }
  });
}

test('earlier CMDs are tagged unnecessary and MAINTAINER deprecated', () => {
  const found = diagnose('FROM alpine\nMAINTAINER me\nCMD ["a"]\nCMD ["b"]\n');
  assert.deepEqual(withCode(found, 'multiple-cmd')[0].tags, [DiagnosticTag.Unnecessary]);
  assert.deepEqual(withCode(found, 'maintainer-deprecated')[0].tags, [DiagnosticTag.Deprecated]);
});

test('a valid multi-stage Dockerfile has no errors', () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    'ARG GO_VERSION=1.22',
    'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build',
    'WORKDIR /src',
    'RUN --mount=type=cache,target=/root/.cache/go-build \\',
    '    --mount=type=bind,target=. \\',
    '    go build -o /out/app ./cmd/app',
    'FROM gcr.io/distroless/static:nonroot',
    'COPY --from=build --chmod=755 /out/app /app',
    'EXPOSE 8080/tcp',
    'HEALTHCHECK --interval=30s --timeout=3s CMD ["/app", "health"]',
    'USER nonroot:nonroot',
    'ENTRYPOINT ["/app"]',
  ].join('\n');
  const partA = new Set(ids);
  const found = diagnose(text).filter((d) => d.severity === DiagnosticSeverity.Error || partA.has(String(d.code)));
  assert.deepEqual(found.map((d) => `${d.code}: ${messageOf(d)}`), []);
});

test('flag values: durations, booleans, chmod, network', () => {
  const text = 'FROM alpine\nHEALTHCHECK --interval=5x --timeout=0.1ns CMD true\nCOPY --link=maybe --chmod=999 a /b\nRUN --network=bridge true\n';
  const messages = withCode(diagnose(text), 'invalid-flag-value').map((d) => messageOf(d));
  assert.equal(messages.length, 5, messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('Unknown unit "x"')));
  assert.ok(messages.some((m) => m.includes('at least 1ms')));
  assert.ok(messages.some((m) => m.includes('true or false')));
});

test('mount options: unknown key, wrong type key, missing target', () => {
  const messages = withCode(diagnose('FROM alpine\nRUN --mount=type=tmpfs,sharing=locked,foo=1 --mount=type=cache true\n'), 'invalid-mount').map((d) => messageOf(d));
  assert.equal(messages.length, 4, messages.join('\n'));
});

test('undefined variables: global ARG must be re-declared in the stage', () => {
  const found = withCode(diagnose('ARG VERSION=1\nFROM alpine\nLABEL version=$VERSION\n'), 'undefined-variable');
  assert.equal(found.length, 1);
  assert.match(messageOf(found[0]), /global ARG/);
  assert.deepEqual(withCode(diagnose('ARG VERSION=1\nFROM alpine\nARG VERSION\nLABEL version=$VERSION\n'), 'undefined-variable'), []);
});

test('undefined variables: RUN is left to the shell, predefined args are defined', () => {
  assert.deepEqual(withCode(diagnose('FROM scratch\nRUN echo $NOPE\nCOPY . /$TARGETARCH/\n'), 'undefined-variable'), []);
});

test('syntax errors are errors, style findings are warnings', () => {
  const found = diagnose('FROM alpine as build\nCOPY --bogus a /b\n');
  assert.equal(withCode(found, 'unknown-flag')[0].severity, DiagnosticSeverity.Error);
  assert.equal(withCode(found, 'from-as-casing')[0].severity, DiagnosticSeverity.Warning);
});

test('COPY --from a later stage is reported', () => {
  const found = withCode(diagnose('FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n'), 'copy-from-unknown-stage');
  assert.match(messageOf(found[0]), /defined after/);
});

test('RUN --mount from= is checked like COPY --from', () => {
  assert.equal(withCode(diagnose('FROM alpine AS app\nRUN --mount=from=app,target=/x true\n'), 'copy-from-own-stage').length, 1);
});

test('the buildkit negative parser cases are flagged', () => {
  assert.ok(diagnose('').some((d) => d.severity === DiagnosticSeverity.Error));
  assert.ok(diagnose('FROM busybox\n\nENV PATH\n').some((d) => d.severity === DiagnosticSeverity.Error));
  assert.ok(diagnose('CMD [ "echo", [ "nested json" ] ]\n').some((d) => d.severity === DiagnosticSeverity.Error));
});

test('flags on instructions that take none are reported', () => {
  const found = withCode(diagnose('FROM alpine\nENV --mode=x A=1\nWORKDIR --parents /a\n'), 'unknown-flag');
  assert.deepEqual(found.map((d) => d.range.start.line), [1, 2]);
  assert.match(messageOf(found[0]), /ENV takes no flags/);
});

test('unknown-flag suggests the closest flag and the fix replaces only the name', () => {
  const [diagnostic] = withCode(diagnose('FROM alpine\nHEALTHCHECK --intreval=5s CMD true\n'), 'unknown-flag');
  assert.match(messageOf(diagnostic), /did you mean --interval/);
});

test('quotes around FROM values are removed before checking', () => {
  const text = 'ARG TAG=3.20\nFROM alpine:"${TAG}" AS a\nFROM "alpine:3.20"\n';
  assert.deepEqual(diagnose(text).filter((d) => ['invalid-default-arg-in-from', 'invalid-image-reference'].includes(String(d.code))), []);
});

test('unterminated quotes in ENV, LABEL and ARG are syntax errors', () => {
  const found = withCode(diagnose('FROM alpine:3.20\nENV A="x y\nLABEL b=it\'s\nARG C="ok" D=\'fine\'\nENV E=don\\\'t\n'), 'instruction-arguments');
  assert.deepEqual(found.map((d) => d.range.start.line), [1, 2]);
  assert.match(messageOf(found[0]), /double quote/);
});

test('--from naming an image must be a valid reference', () => {
  const found = withCode(diagnose('FROM alpine:3.20\nCOPY --from=Nginx:1.27 /a /b\nCOPY --from=nginx:1.27 /a /b\n'), 'invalid-image-reference');
  assert.deepEqual(found.map((d) => d.range.start.line), [1]);
});

test('ONBUILD triggers must be instructions', () => {
  const found = withCode(diagnose('FROM alpine:3.20\nONBUILD RUNN make\nONBUILD FROM x\nONBUILD COPY . /app\n'), 'onbuild-trigger');
  assert.deepEqual(found.map((d) => d.range.start.line), [1, 2]);
});

test('a misspelt mount option is fixed to the closest one', () => {
  const text = 'FROM alpine:3.20\nRUN --mount=type=cache,traget=/root/.cache true\n';
  const [diagnostic] = withCode(diagnose(text), 'invalid-mount');
  const after = applyEdits(text, fixesOf(diagnostic)[0].edits);
  assert.equal(after, 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache true\n');
  assert.deepEqual(withCode(diagnose(after), 'invalid-mount'), []);
});

test('FROM naming a stage defined later is reported', () => {
  const found = withCode(diagnose('FROM builder AS app\nRUN true\nFROM alpine:3.20 AS builder\n'), 'copy-from-unknown-stage');
  assert.equal(found.length, 1);
  assert.match(messageOf(found[0]), /defined after this FROM/);
});

test('the ENV key=value fix is not offered when escapes would change the value', () => {
  const [diagnostic] = withCode(diagnose('FROM alpine:3.20\nENV A x\\ y\n'), 'legacy-key-value-format');
  assert.deepEqual(fixesOf(diagnostic), []);
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
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

test('syntax errors are errors, style findings are warnings', () => {
  const found = diagnose('FROM alpine as build\nCOPY --bogus a /b\n');
  assert.equal(withCode(found, 'unknown-flag')[0].severity, DiagnosticSeverity.Error);
  assert.equal(withCode(found, 'from-as-casing')[0].severity, DiagnosticSeverity.Warning);
});

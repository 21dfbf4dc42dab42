import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { quickFixesFromDiagnostics } from '../../../server/src/common/codeActions';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';
import { applyEdits, codesOf, diagnose, withCode } from './rules-helpers';

const uri = 'file:///work/app/Dockerfile';

function actionsFor(text: string, code: string): CodeAction[] {
  const diagnostics = withCode(diagnose(text), code);
  const model = dockerfile(text, uri);
  return dockerfileService.codeActions!(model, diagnostics[0].range, diagnostics, contextFor());
}

function edits(action: CodeAction): TextEdit[] {
  return action.edit?.changes?.[uri] ?? [];
}

test('"ignore on this line" writes a comment above the instruction that silences it', () => {
  const text = 'FROM alpine:3.20\n  CMD node app.js\n';
  const action = actionsFor(text, 'json-args-recommended').find((a) => a.title === 'Ignore json-args-recommended on this line (DL3025, JSONArgsRecommended)')!;
  const after = applyEdits(text, edits(action));
  assert.equal(after, 'FROM alpine:3.20\n  # stevedore-ignore json-args-recommended\n  CMD node app.js\n');
  assert.deepEqual(withCode(diagnose(after), 'json-args-recommended'), []);
});

test('"ignore on this line" extends an existing ignore comment', () => {
  const text = 'FROM alpine:3.20\n# stevedore-ignore expose-host-mapping\nEXPOSE 80/TCP 127.0.0.1:81:81\n';
  const action = actionsFor(text, 'expose-protocol-casing').find((a) => a.title.includes('on this line'))!;
  const after = applyEdits(text, edits(action));
  assert.match(after, /# stevedore-ignore expose-host-mapping,expose-protocol-casing\n/);
  assert.deepEqual(codesOf(diagnose(after)), []);
});

test('"ignore in this file" goes below the parser directives', () => {
  const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine:3.20 as build\n';
  const action = actionsFor(text, 'from-as-casing').find((a) => a.title.includes('in this file'))!;
  const after = applyEdits(text, edits(action));
  assert.equal(after, '# syntax=docker/dockerfile:1\n# escape=\\\n# stevedore-ignore-file from-as-casing\nFROM alpine:3.20 as build\n');
  assert.deepEqual(diagnose(after), []);
});

test('ignore titles name the rule by its id, its peer names in parentheses, in the docs language', () => {
  const text = 'FROM alpine:3.20 as build\n';
  const diagnostics = withCode(diagnose(text, { lang: 'zh-cn' }), 'from-as-casing');
  const actions = dockerfileService.codeActions!(dockerfile(text, uri), diagnostics[0].range, diagnostics, contextFor('zh-cn'));
  assert.deepEqual(actions.map((a) => a.title), ['在此行忽略 from-as-casing（FromAsCasing）', '在此文件中忽略 from-as-casing（FromAsCasing）']);
  const english = dockerfileService.codeActions!(dockerfile('FROM ubuntu\n', uri), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, withCode(diagnose('FROM ubuntu\n'), 'image-untagged'), contextFor());
  assert.deepEqual(english.map((a) => a.title), ['Ignore image-untagged on this line (DL3006)', 'Ignore image-untagged in this file (DL3006)']);
});

test('rule fixes travel on the diagnostic and apply through the generic path', () => {
  const text = 'FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\nENV A 1\n';
  const diagnostics = diagnose(text);
  const actions = quickFixesFromDiagnostics(uri, diagnostics);
  assert.ok(actions.length >= 2);
  let after = text;
  for (const code of ['maintainer-deprecated', 'legacy-key-value-format']) {
    const action = quickFixesFromDiagnostics(uri, withCode(diagnose(after), code))[0];
    after = applyEdits(after, edits(action));
  }
  assert.equal(after, 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\nENV A=1\n');
  assert.deepEqual(diagnose(after), []);
});

test('the stage rename fix renames every reference', () => {
  const text = 'FROM alpine:3.20 AS Base\nFROM Base AS App\nCOPY --from=Base /a /b\nRUN --mount=from=Base,target=/m true\n';
  let after = text;
  for (let i = 0; i < 3; i++) {
    const [diagnostic] = withCode(diagnose(after), 'stage-name-casing');
    if (!diagnostic) break;
    after = applyEdits(after, edits(quickFixesFromDiagnostics(uri, [diagnostic])[0]));
  }
  assert.equal(after, 'FROM alpine:3.20 AS base\nFROM base AS app\nCOPY --from=base /a /b\nRUN --mount=from=base,target=/m true\n');
});

test('safe fixes are preferred', () => {
  const [action] = quickFixesFromDiagnostics(uri, withCode(diagnose('FROM alpine:3.20\nEXPOSE 80/UDP\n'), 'expose-protocol-casing'));
  assert.equal(action.isPreferred, true);
});

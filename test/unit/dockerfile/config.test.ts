import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CachedFiles } from '../../../server/src/config/cachedFiles';
import { parseHadolintConfig } from '../../../server/src/config/hadolint';
import { ProjectConfig } from '../../../server/src/config/projectConfig';
import { isBuildkitCheckName, ruleConfigFrom } from '../../../server/src/config/ruleConfig';
import { multipleCmd } from '../../../server/src/dockerfile/rules/instructions';
import { codesOf, diagnose, memoryFiles, withCode } from './rules-helpers';

const text = 'FROM alpine:3.20 as build\nCMD node app.js\nEXPOSE 80/TCP\n';

test('parses every .hadolint.yaml key Stevedore honours', () => {
  const config = parseHadolintConfig([
    'ignored: [DL3025, DL3008]',
    'override:',
    '  error: [FromAsCasing]',
    '  style:',
    '    - DL4003',
    'trustedRegistries:',
    '  - docker.io',
    '  - my.registry:5000',
    'failure-threshold: warning',
    'no-fail: true',
  ].join('\n'));
  assert.deepEqual(config.ignored, ['DL3025', 'DL3008']);
  assert.deepEqual(config.override.error, ['FromAsCasing']);
  assert.deepEqual(config.override.style, ['DL4003']);
  assert.deepEqual(config.trustedRegistries, ['docker.io', 'my.registry:5000']);
  assert.equal(config.failureThreshold, 'warning');
  assert.equal(config.noFail, true);
  assert.deepEqual(config.problems, []);
});

test('a broken config is reported as a problem, never thrown', () => {
  assert.equal(parseHadolintConfig('ignored: [').problems.length, 1);
  assert.equal(parseHadolintConfig('- a\n- b').problems.length, 1);
  assert.deepEqual(parseHadolintConfig('ignored: 3\nfailure-threshold: loud').problems.length, 2);
  assert.deepEqual(parseHadolintConfig('').ignored, []);
});

/** The nearest `.hadolint.yaml` as the fronts find it. */
function findHadolintConfig(filePath: string, files: ReturnType<typeof memoryFiles>, roots: string[] = []) {
  return new ProjectConfig(new CachedFiles((path) => files.readText(path)), { roots }).hadolintFor(filePath);
}

test('the nearest config wins, searching up to the repository root', () => {
  const files = memoryFiles({
    '/repo/.git/HEAD': 'ref: refs/heads/main',
    '/repo/.hadolint.yaml': 'ignored: [DL3000]',
    '/repo/services/.hadolint.yml': 'ignored: [DL3001]',
    '/.hadolint.yaml': 'ignored: [DL9999]',
  });
  assert.equal(findHadolintConfig('/repo/services/api/Dockerfile', files)?.path, '/repo/services/.hadolint.yml');
  assert.equal(findHadolintConfig('/repo/web/Dockerfile', files)?.path, '/repo/.hadolint.yaml');
  assert.equal(findHadolintConfig('/elsewhere/Dockerfile', files)?.path, '/.hadolint.yaml');
  const outside = memoryFiles({ '/repo/.git/HEAD': 'x', '/.hadolint.yaml': 'ignored: [DL1]' });
  assert.equal(findHadolintConfig('/repo/a/Dockerfile', outside), undefined);
  // A workspace folder bounds the search too.
  assert.equal(findHadolintConfig('/elsewhere/app/Dockerfile', files, ['/elsewhere']), undefined);
});

test('hadolint ignored and override apply through aliases', () => {
  const files = { '/work/app/.hadolint.yaml': 'ignored: [DL3025]\noverride:\n  error: [ExposeProtoCasing]\n  info: [FromAsCasing]\n' };
  const found = diagnose(text, { files });
  assert.deepEqual(codesOf(found).sort(), ['expose-protocol-casing', 'from-as-casing']);
  assert.equal(withCode(found, 'expose-protocol-casing')[0].severity, DiagnosticSeverity.Error);
  assert.equal(withCode(found, 'from-as-casing')[0].severity, DiagnosticSeverity.Information);
});

test('the stevedore.dockerfile.rules setting wins over .hadolint.yaml', () => {
  const files = { '/work/app/.hadolint.yaml': 'ignored: [DL3025]\n' };
  const found = diagnose(text, { files, settings: { dockerfile: { rules: { 'json-args-recommended': 'hint', ExposeProtoCasing: 'off' } } } });
  assert.deepEqual(codesOf(found).sort(), ['from-as-casing', 'json-args-recommended']);
  assert.equal(withCode(found, 'json-args-recommended')[0].severity, DiagnosticSeverity.Hint);
});

test('an id or alias setting beats a group setting', () => {
  const config = ruleConfigFrom({ settingsTable: { MultipleInstructionsDisallowed: 'off', DL4003: 'error' } });
  assert.equal(config.severityOf(multipleCmd.meta), 'error');
  const groupOnly = ruleConfigFrom({ settingsTable: { multipleinstructionsdisallowed: 'info' } });
  assert.equal(groupOnly.severityOf(multipleCmd.meta), 'info');
});

test('trustedRegistries is exposed for the registry rule', () => {
  const found = findHadolintConfig('/w/Dockerfile', memoryFiles({ '/w/.hadolint.yaml': 'trustedRegistries: [docker.io]' }));
  const config = ruleConfigFrom({ settingsTable: {}, hadolint: found?.config }, found);
  assert.deepEqual(config.trustedRegistries, ['docker.io']);
  assert.equal(config.hadolint?.path, '/w/.hadolint.yaml');
});

test('BuildKit names are told apart from hadolint codes', () => {
  assert.ok(isBuildkitCheckName('FromAsCasing'));
  assert.ok(isBuildkitCheckName('JSONArgsRecommended'));
  assert.ok(!isBuildkitCheckName('DL3008'));
  assert.ok(!isBuildkitCheckName('SC2086'));
});

test('a broken .hadolint.yaml is reported once, on the first line', () => {
  const found = withCode(diagnose('FROM alpine:3.20\n', { files: { '/work/app/.hadolint.yaml': 'override: [DL3008]\n' } }), 'hadolint-config-problem');
  assert.equal(found.length, 1);
  assert.equal(found[0].range.start.line, 0);
  assert.match(String(found[0].message), /\/work\/app\/\.hadolint\.yaml: "override" should be a mapping/);
});

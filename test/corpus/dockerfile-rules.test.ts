import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { diagnoseDockerfileWith } from '../../server/src/dockerfile/diagnostics';
import { dockerfileRules } from '../../server/src/dockerfile/rules';
import { assertMatchesSnapshot } from '../snapshot';
import { contextFor, dockerfile } from '../unit/helpers';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile, type CorpusEntry } from './corpus';
import { filesWhereProfilesDisagree, findingsSnapshot } from './findings';

/**
 * All Dockerfile rules over the shared corpus:
 * - no rule throws on any file, parser test cases included;
 * - the real-world files (area `dockerfile`) get no error-severity finding;
 * - the deliberately broken ones (buildah `*.bad`, BuildKit `negative__*`) get at least one;
 * - every finding (file, line, column, rule) matches the reviewed snapshot, with the number per
 *   rule as a summary, so a change that floods users, drops findings or moves them shows up in
 *   review. `UPDATE_SNAPSHOTS=1` rewrites the snapshot; a missing snapshot fails.
 * The rules run under the strict profile: every rule is measured, and the snapshot does not move
 * when a rule changes profile (test/unit/common/profiles.test.ts pins which rules are strict-only).
 */
const snapshotPath = join(__dirname, 'dockerfile-rules.snapshot.json');
const everyRule = { profile: 'strict' };

/** Templates that are not Dockerfiles (docker-library renders them with jq first). */
const isTemplate = (entry: CorpusEntry) => entry.path.endsWith('Dockerfile.oracle');
const isDeliberatelyBroken = (entry: CorpusEntry) => entry.path.endsWith('.bad') || entry.path.includes('/negative__');

/** Broken files whose fault no static check can see, with the reason. */
const undetectable: Record<string, string> = {
  'dockerfile/containers__buildah/tests__bud__copy-globs__Containerfile.bad': 'COPY *foo fails only because no file in the build context matches; Stevedore cannot list the context',
};

interface Result {
  entry: CorpusEntry;
  diagnostics: Diagnostic[];
  /** The same file under the default (recommended) profile. */
  recommended: Diagnostic[];
  crashes: string[];
}

function run(): Result[] {
  return corpusEntries()
    .filter((entry) => entry.kind === 'dockerfile' && !isTemplate(entry))
    .map((entry) => {
      const crashes: string[] = [];
      const model = dockerfile(readCorpusFile(entry), `file://${entry.absolutePath}`);
      // No workspace files: a stray .hadolint.yaml above the corpus must not change the counts.
      const diagnostics = diagnoseDockerfileWith(model, contextFor('en', { filePath: entry.absolutePath, settings: everyRule }), (id, error) => crashes.push(`${id}: ${String(error)}`));
      const recommended = diagnoseDockerfileWith(model, contextFor('en', { filePath: entry.absolutePath }));
      return { entry, diagnostics, recommended, crashes };
    });
}

const results = corpusAvailable ? run() : [];
const describeDiagnostic = (r: Result, d: Diagnostic) => `${r.entry.path}:${d.range.start.line + 1} ${d.code}: ${typeof d.message === 'string' ? d.message : d.message.value}`;

test('every corpus Dockerfile and parser case is diagnosed without a rule crashing', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  assert.ok(results.length > 600, `only ${results.length} Dockerfiles found`);
  assert.ok(results.some((r) => r.entry.area === 'parser-test'));
  assert.deepEqual(results.flatMap((r) => r.crashes.map((c) => `${r.entry.path}: ${c}`)), []);
});

test('real-world Dockerfiles get no error-severity diagnostics', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const errors = results
    .filter((r) => r.entry.area === 'dockerfile' && !isDeliberatelyBroken(r.entry))
    .flatMap((r) => r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => describeDiagnostic(r, d)));
  assert.deepEqual(errors, []);
});

test('deliberately broken Dockerfiles are flagged with an error', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const broken = results.filter((r) => isDeliberatelyBroken(r.entry));
  assert.ok(broken.length >= 6, `only ${broken.length} broken files found`);
  const missed = broken
    .filter((r) => !undetectable[r.entry.path])
    .filter((r) => !r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error))
    .map((r) => r.entry.path);
  assert.deepEqual(missed, []);
});

test('the default profile reports the same findings, less those of the strict-only rules', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const strictOnly = new Set(dockerfileRules.rules.filter((rule) => rule.meta.profile === 'strict').map((rule) => rule.meta.id));
  assert.deepEqual(filesWhereProfilesDisagree(results, strictOnly), []);
  assert.ok(results.some((r) => r.recommended.length < r.diagnostics.length), 'the strict-only rules find something in the corpus');
});

test('findings per file and line match the reviewed snapshot (UPDATE_SNAPSHOTS=1 to rewrite)', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  assertMatchesSnapshot(snapshotPath, findingsSnapshot(results.map((r) => ({ path: r.entry.path, diagnostics: r.diagnostics }))));
});

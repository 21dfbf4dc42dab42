import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { normalizeSettings } from '../../server/src/common/settings';
import { diagnoseComposeWith } from '../../server/src/compose/diagnostics';
import { parseCompose } from '../../server/src/compose/model';
import { CachedFiles } from '../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../server/src/config/projectConfig';
import { assertMatchesSnapshot } from '../snapshot';
import { composeFilesUnder, corpusRoot } from './corpus';
import { findingsSnapshot } from './findings';

/**
 * Every Compose rule over docker/awesome-compose, kept in its original layout (compose files beside
 * their Dockerfiles, `.env` and secret files), read from disk through the same loader the command
 * line uses, so overrides, `.env`, build contexts and env files are real:
 * - no rule throws, and no finding is an error (awesome-compose's samples all start);
 * - every finding (file, line, column, rule) matches the reviewed snapshot. `UPDATE_SNAPSHOTS=1`
 *   rewrites it; review the difference first.
 * Run under the strict profile so the snapshot does not move when a rule changes profile.
 */
const snapshotPath = join(__dirname, 'compose-rules.snapshot.json');
const awesomeRoot = join(corpusRoot, 'compose', 'docker__awesome-compose');
const available = existsSync(awesomeRoot);
const skip = available ? false : `awesome-compose not found at ${awesomeRoot}: Compose corpus test skipped`;

interface Result {
  path: string;
  diagnostics: Diagnostic[];
  crashes: string[];
}

function run(): Result[] {
  const project = new ProjectConfig(new CachedFiles(), { roots: [awesomeRoot] });
  return composeFilesUnder(awesomeRoot).map((absolute) => {
    const path = relative(corpusRoot, absolute).replace(/\\/g, '/');
    const settings = project.settingsFor(absolute, normalizeSettings({ profile: 'strict' }));
    const ctx = { lang: 'en' as const, settings, filePath: absolute, project: project.factsFor(absolute, settings, 'compose') };
    const model = parseCompose(TextDocument.create(`file://${absolute}`, 'dockercompose', 1, readFileSync(absolute, 'utf8')));
    const crashes: string[] = [];
    const diagnostics = diagnoseComposeWith(model, ctx, (id, error) => crashes.push(`${id}: ${String(error)}`));
    return { path, diagnostics, crashes };
  });
}

const results = available ? run() : [];

test('every awesome-compose file is checked without a rule crashing', { skip }, () => {
  assert.ok(results.length >= 35, `only ${results.length} compose files found`);
  assert.deepEqual(results.flatMap((r) => r.crashes.map((c) => `${r.path}: ${c}`)), []);
});

test('no error-severity finding on awesome-compose (every sample starts as written)', { skip }, () => {
  const errors = results.flatMap((r) => r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${r.path}:${d.range.start.line + 1} ${String(d.code)}: ${String(d.message)}`));
  assert.deepEqual(errors, []);
});

test('every finding matches the reviewed snapshot', { skip }, () => {
  assertMatchesSnapshot(snapshotPath, findingsSnapshot(results.map((r) => ({ path: r.path, diagnostics: r.diagnostics }))));
});

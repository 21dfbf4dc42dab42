/**
 * Differential test of buildPathsOf's memo (compose/rules/referencesKit.ts): five rules ask for
 * every service's build context and Dockerfile on each check, and the answer is kept per merged
 * service and reference view. After random edits of corpus files (checked as the server checks
 * them: incremental parse, then diagnostics, with the corpus's real build contexts, Dockerfiles and
 * `.env` files), every kept answer must equal a fresh reading, and the findings must equal those of
 * a check of a fresh parse (nothing kept is reused there).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { largeCompose } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { normalizeSettings } from '../../../server/src/common/settings';
import { CachedFiles } from '../../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../../server/src/config/projectConfig';
import { buildPathsOf, readBuildPaths, referenceView } from '../../../server/src/compose/rules/referencesKit';
import { composeFilesUnder, corpusRoot } from '../../corpus/corpus';
import { replayMemoSession } from './memoReplay';

const awesomeRoot = join(corpusRoot, 'compose', 'docker__awesome-compose');

/** Characters and snippets that change what a service builds, and some that change nothing. */
const alphabet = [' ', '\n', ':', '-', '"', '$', 'a', '.', '/', '{', '}', '\n    build: .\n', '\n    build:\n      context: ./x\n', 'dockerfile: D\n', '${CTX}'];

/** Replays `edits` versions of a file; returns how many services' paths were compared. */
function replay(name: string, path: string, original: string, ctx: FeatureContext, seed: number, edits: number): number {
  return replayMemoSession(original, { ...ctx, filePath: path }, { name, seed, edits, alphabet }, (model, where) => {
    // The view the check used (kept per model) and each service's kept answer.
    const view = referenceView({ model, ctx });
    let compared = 0;
    for (const [service, entry] of view.services?.entries ?? []) {
      if (!entry.value) continue;
      assert.deepStrictEqual(buildPathsOf(view, entry.value), readBuildPaths(view, entry.value), `${where}: kept build paths of ${service} differ from a fresh reading`);
      compared++;
    }
    return compared;
  });
}

test('buildPathsOf memo: kept answers equal fresh readings and findings equal a fresh check (bench file, random edits)', () => {
  const path = '/memo/bench/compose.yaml';
  const ctx: FeatureContext = { lang: 'en', settings: normalizeSettings({ profile: 'strict' }), filePath: path, project: { customSchemaFiles: [] } };
  assert.ok(replay('bench', path, largeCompose(150), ctx, 11, 60) > 60);
});

test('buildPathsOf memo: the same over docker/awesome-compose with its build contexts and Dockerfiles', { skip: existsSync(awesomeRoot) ? false : `corpus not found at ${awesomeRoot}` }, () => {
  const files = composeFilesUnder(awesomeRoot);
  assert.ok(files.length > 10, `only ${files.length} Compose files in the corpus`);
  const project = new ProjectConfig(new CachedFiles(), { roots: [awesomeRoot] });
  const settings = normalizeSettings({ profile: 'strict' });
  let compared = 0;
  files.forEach((file, index) => {
    const ctx: FeatureContext = { lang: 'en', settings, filePath: file, project: project.factsFor(file, settings, 'compose') };
    compared += replay(`awesome-${index}`, file, readFileSync(file, 'utf8'), ctx, index + 1, 12);
  });
  assert.ok(compared >= files.length * 12, `only ${compared} services compared`);
});

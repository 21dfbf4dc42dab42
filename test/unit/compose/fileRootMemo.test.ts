/**
 * Differential test of fileRoot's memo (compose/merge.ts): a Compose check converts the current
 * file's tree once and uses it for the project's merge and for the file's names. After random edits
 * of corpus files (checked the way the server checks them: incremental parse, then diagnostics), the
 * tree kept for the checked file must equal a fresh conversion of it, and the findings must equal
 * those of a check of a fresh parse (fresh sources, so nothing kept is reused).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { largeCompose } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { normalizeSettings } from '../../../server/src/common/settings';
import { convertFileRoot, fileRoot } from '../../../server/src/compose/merge';
import { composeProjectOf } from '../../../server/src/compose/project';
import { composeFilesUnder, corpusRoot } from '../../corpus/corpus';
import { replayMemoSession } from './memoReplay';

const awesomeRoot = join(corpusRoot, 'compose', 'docker__awesome-compose');

/** Characters that change a YAML reading, and some that do not. */
const alphabet = [' ', '\n', ':', '-', '#', '&', '*', '"', '{', '}', '[', ']', '$', 'a', 'x', '<<: *a\n', ' &a', '!reset ', '!override '];

/** Replays `edits` versions of a file; returns how many versions were compared. */
function replay(name: string, original: string, seed: number, edits: number): number {
  const path = `/memo/${name}/compose.yaml`;
  const ctx: FeatureContext = { lang: 'en', settings: normalizeSettings({ profile: 'strict' }), filePath: path, project: { customSchemaFiles: [] } };
  return replayMemoSession(original, { ...ctx, filePath: path }, { name, seed, edits, alphabet }, (model, where) => {
    // The project the check used (cached per model) and the tree it kept for the checked file.
    const current = composeProjectOf(model, ctx.filePath, ctx.project?.files).current;
    assert.deepStrictEqual(fileRoot(current), convertFileRoot(current), `${where}: the kept tree differs from a fresh conversion`);
    return 1;
  });
}

test('fileRoot memo: kept trees equal fresh conversions and findings equal a fresh check (bench file, random edits)', () => {
  assert.equal(replay('bench', largeCompose(150), 7, 60), 60);
});

test('fileRoot memo: the same over docker/awesome-compose with random edits', { skip: existsSync(awesomeRoot) ? false : `corpus not found at ${awesomeRoot}` }, () => {
  const files = composeFilesUnder(awesomeRoot);
  assert.ok(files.length > 10, `only ${files.length} Compose files in the corpus`);
  let compared = 0;
  files.forEach((file, index) => {
    compared += replay(`awesome-${index}`, readFileSync(file, 'utf8'), index + 1, 12);
  });
  assert.ok(compared >= files.length * 12);
});

/**
 * The session both memo differential tests replay (buildPathsMemo, fileRootMemo): random edits of a
 * Compose file, each version checked as the server checks it (incremental parse, then diagnostics),
 * the test's own look at what was kept, then the findings against a check of a fresh parse (fresh
 * sources, so nothing kept is reused there).
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../../../server/src/common/service';
import { diagnoseCompose } from '../../../server/src/compose/diagnostics';
import { parseComposeIncremental } from '../../../server/src/compose/incrementalParse';
import type { ComposeModel } from '../../../server/src/compose/model';
import { parseCompose } from '../../../server/src/compose/model';
import { seededRandom } from '../seededRandom';

/** One character or snippet from `alphabet` inserted at a random place, or 1–3 characters deleted. */
function randomEdit(text: string, next: () => number, alphabet: readonly string[]): string {
  const at = Math.floor(next() * (text.length + 1));
  if (next() < 0.35) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 3)));
  return text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(at);
}

/**
 * Replays `edits` versions of `original` at `ctx.filePath` (one in five goes back to the original);
 * `inspect` checks each version's kept state and answers how many things it compared. Answers the
 * total compared.
 */
export function replayMemoSession(
  original: string,
  ctx: FeatureContext & { filePath: string },
  run: { name: string; seed: number; edits: number; alphabet: readonly string[] },
  inspect: (model: ComposeModel, where: string) => number,
): number {
  const next = seededRandom(run.seed);
  const path = ctx.filePath;
  const uri = `file://${path}`;
  let text = original;
  let compared = 0;
  for (let version = 1; version <= run.edits; version++) {
    text = next() < 0.2 ? original : randomEdit(text, next, run.alphabet);
    const document = TextDocument.create(uri, 'dockercompose', version, text);
    const model = parseComposeIncremental(document);
    const findings = diagnoseCompose(model, ctx);
    const where = `${run.name}, seed ${run.seed}, version ${version}`;
    compared += inspect(model, where);
    const fresh = parseCompose(TextDocument.create(`file:///fresh/${run.seed}/${version}${path}`, 'dockercompose', 1, text));
    assert.deepStrictEqual(findings, diagnoseCompose({ ...fresh, document }, ctx), `${where}: findings differ from a check of a fresh parse`);
  }
  return compared;
}

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { contextFor } from '../unit/helpers';
import type { DockerfileModel } from '../../server/src/dockerfile/model';
import { referenceRawArguments } from '../../server/src/dockerfile/parserCache';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from './corpus';
import { exerciseAllFeatures, samplePositions } from './exercise';

/**
 * Every corpus file through every feature of its language at many positions: no exception, no
 * request over the hang threshold. Real files from public projects are the inputs users have.
 */
test('every corpus file survives every feature', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const entries = corpusEntries();
  assert.ok(entries.length > 1000, `expected the whole corpus, found ${entries.length} files`);
  // Strict: every rule runs, also those the default profile leaves out.
  const ctx = contextFor('en', { settings: { profile: 'strict' } });
  const zh = contextFor('zh-cn', { settings: { profile: 'strict' } });
  const slow: string[] = [];
  let checked = 0;
  for (const entry of entries) {
    const text = readCorpusFile(entry);
    const uri = pathToFileURL(entry.absolutePath).href;
    // Alternate the docs language so both catalogs are exercised.
    const afterAll = entry.kind === 'dockerfile' ? (model: unknown) => assertArgumentsIntact(model as DockerfileModel, entry.path) : undefined;
    const calls = exerciseAllFeatures(entry.kind, uri, text, checked % 2 ? zh : ctx, samplePositions(text), afterAll);
    slow.push(...calls.map((c) => `${entry.path} ${c.feature}${c.position ? ` ${c.position.line}:${c.position.character}` : ''} ${c.ms.toFixed(0)} ms`));
    checked++;
  }
  assert.deepEqual(slow, [], 'requests over the hang threshold');
  assert.equal(checked, entries.length);
});

/**
 * Instructions hand out one shared arguments array (dockerfile/parserCache.ts): after every feature
 * has run, each must still hold what a fresh scan gives, so no feature changed one in place.
 */
function assertArgumentsIntact(model: DockerfileModel, path: string): void {
  const plain = (args: { getValue(): string; getRange(): unknown }[]) => args.map((a) => [a.getValue(), a.getRange()]);
  for (const instruction of model.ast.getInstructions()) {
    const shared = (instruction as unknown as { getRawArguments(): { getValue(): string; getRange(): unknown }[] }).getRawArguments();
    assert.deepEqual(plain(shared), plain(referenceRawArguments(instruction)), `${path}: arguments of ${instruction.getKeyword()} at line ${instruction.getRange().start.line + 1} were changed`);
    const flags = (instruction as unknown as { getFlags?: () => unknown[] }).getFlags?.().length ?? 0;
    assert.deepEqual(plain(instruction.getArguments()), plain(referenceRawArguments(instruction).slice(flags)), `${path}: ${instruction.getKeyword()} at line ${instruction.getRange().start.line + 1}`);
  }
}

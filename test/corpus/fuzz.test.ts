import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { LanguageKind } from '../../server/src/common/fileKinds';
import { contextFor } from '../unit/helpers';
import { corpusAvailable, corpusEntries, readCorpusFile } from './corpus';
import { exerciseAllFeatures, samplePositions } from './exercise';

/**
 * Property: no input makes a feature throw or hang. Inputs are corpus files mutated at random
 * (characters inserted, deleted, lines duplicated or cut) and random text built from the tokens
 * that matter to our parsers. A fixed seed keeps CI reproducible; STEVEDORE_FUZZ_SEED and
 * STEVEDORE_FUZZ_RUNS explore further.
 */
const seed = Number(process.env.STEVEDORE_FUZZ_SEED ?? 20261127);
const numRuns = Number(process.env.STEVEDORE_FUZZ_RUNS ?? 150);
/** Strict: every rule runs, also those the default profile leaves out. */
const ctx = contextFor('en', { settings: { profile: 'strict' } });

const dockerTokens = ['FROM', 'RUN', 'COPY', 'ADD', 'ARG', 'ENV', 'ONBUILD', 'HEALTHCHECK', 'CMD', 'AS', '--from=', '--mount=type=cache,target=/x', '--platform=', '${', '}', '$', '\\', '`', '\n', ' ', '"', "'", '[', ']', ',', '<<EOF', 'EOF', '# escape=`', '# syntax=', '=', ':', '-', 'a', '0', '\t', '\r\n', '\u00e9', '\ud83d\ude00'];
const yamlTokens = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', 'spec:', '  ', '- ', ': ', '---', '\n', '{', '}', '[', ']', ',', '&a', '*a', '<<', '"', "'", '|', '>', '#', 'containers:', 'image: nginx', 'selector:', 'matchLabels:', '\t', '?', '!!str', '{{ .Values.x }}', '\u00e9', '\ud83d\ude00'];

function tokenText(tokens: string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 })), { maxLength: 120 }).map((parts) => parts.join(''));
}

type Mutation = { at: number; remove: number; insert: string };

function applyMutations(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    out = out.slice(0, at) + m.insert + out.slice(at + m.remove);
  }
  return out;
}

const mutation = (tokens: string[]): fc.Arbitrary<Mutation> => fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...tokens), fc.string({ maxLength: 8 })),
});

function check(kind: LanguageKind, text: string): void {
  const slow = exerciseAllFeatures(kind, kind === 'dockerfile' ? 'file:///fuzz/Dockerfile' : 'file:///fuzz/app.yaml', text, ctx, samplePositions(text, 6));
  assert.deepEqual(slow, []);
}

test('random Dockerfile-like text never breaks a feature', () => {
  fc.assert(fc.property(tokenText(dockerTokens), (text) => check('dockerfile', text)), { seed, numRuns });
});

test('random YAML-like text never breaks a feature', () => {
  fc.assert(fc.property(tokenText(yamlTokens), (text) => check('yaml', text)), { seed, numRuns });
});

test('mutated corpus files never break a feature', { skip: corpusAvailable ? false : 'shared corpus not found: mutation fuzzing skipped' }, () => {
  const entries = corpusEntries();
  const files = entries.filter((_, i) => i % 7 === 0).map((e) => ({ kind: e.kind, text: readCorpusFile(e) }));
  fc.assert(fc.property(fc.nat({ max: files.length - 1 }), fc.array(mutation([...dockerTokens, ...yamlTokens]), { minLength: 1, maxLength: 6 }), (index, mutations) => {
    const file = files[index];
    check(file.kind, applyMutations(file.text, mutations));
  }), { seed, numRuns: numRuns * 2 });
});

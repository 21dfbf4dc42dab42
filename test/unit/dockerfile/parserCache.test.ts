import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DockerfileParser, type Argument, type Heredoc, type Instruction, type Onbuild, type PropertyInstruction, type Run } from 'dockerfile-ast';
import { Instruction as InstructionClass } from 'dockerfile-ast/lib/instruction';
import { ModifiableInstruction } from 'dockerfile-ast/lib/modifiableInstruction';
import { Property } from 'dockerfile-ast/lib/property';
import {
  installArgumentsCache,
  libraryInternals,
  missingParserInternals,
  uninstallArgumentsCache,
  verifiedDockerfileAstVersion,
  type ParserInternals,
} from '../../../server/src/dockerfile/parserCache';
import { canReplacePropertyValue, installFastPropertyValue, originalPropertyValue, uninstallFastPropertyValue } from '../../../server/src/dockerfile/propertyValue';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { dockerfile } from '../helpers';

test('arguments are computed once and shared', () => {
  const model = dockerfile('FROM alpine:3.20 AS base\nRUN --mount=type=cache,target=/x \\\n    echo a b\n');
  const run = model.ast.getInstructions()[1] as Run;
  assert.deepEqual(run.getFlags().map((f) => [f.getName(), f.getValue()]), [['mount', 'type=cache,target=/x']]);
  const first = run.getArguments();
  assert.deepEqual(first.map((a) => a.getValue()), ['echo', 'a', 'b']);
  assert.equal(run.getArguments(), first, 'the same array on every call');
  assert.equal(run.getArguments().length, 3);
  assert.deepEqual(run.getArguments().map((a) => a.getRange().start), [{ line: 2, character: 4 }, { line: 2, character: 9 }, { line: 2, character: 11 }]);
  assert.deepEqual((run as unknown as { getRawArguments(): { getValue(): string }[] }).getRawArguments().map((a) => a.getValue()), ['--mount=type=cache,target=/x', 'echo', 'a', 'b'], 'raw arguments keep the flags');
  assert.equal(model.ast.getInstructions()[0].getArguments().map((a) => a.getValue()).join(' '), 'alpine:3.20 AS base');
});

test('flags collected before or after the arguments give the same answers', () => {
  const text = 'FROM --platform=linux/amd64 alpine AS a\nCOPY --from=a --chown=1:1 /x /y\nHEALTHCHECK --interval=5s CMD true\n';
  const flagsFirst = dockerfile(text).ast.getInstructions();
  const argumentsFirst = dockerfile(text).ast.getInstructions();
  const describe = (flags: string[][], args: string[]) => ({ flags, args });
  for (let i = 0; i < flagsFirst.length; i++) {
    const a = flagsFirst[i] as Run;
    const flagsA = a.getFlags().map((f) => [f.getName(), f.getValue() ?? '']);
    const viaFlags = describe(flagsA, a.getArguments().map((x) => x.getValue()));
    const b = argumentsFirst[i] as Run;
    const argsB = b.getArguments().map((x) => x.getValue());
    const viaArguments = describe(b.getFlags().map((f) => [f.getName(), f.getValue() ?? '']), argsB);
    assert.deepEqual(viaArguments, viaFlags);
  }
  const copy = flagsFirst[1] as Run;
  assert.deepEqual(copy.getArguments().map((x) => x.getValue()), ['/x', '/y']);
  assert.deepEqual(copy.getFlags().map((f) => f.getName()), ['from', 'chown']);
});

test('the installed dockerfile-ast is the version the parser patches were verified against', () => {
  const installed = (JSON.parse(readFileSync(require.resolve('dockerfile-ast/package.json'), 'utf8')) as { version: string }).version;
  assert.equal(
    installed,
    verifiedDockerfileAstVersion,
    `dockerfile-ast ${installed} is installed, but the parser patches (server/src/dockerfile/parserCache.ts, argumentScanner.ts, ` +
      `propertyValue.ts) reach into its private lib/* modules and were verified against ${verifiedDockerfileAstVersion}. ` +
      'Re-run the corpus differential on the new version (node --import tsx --test test/unit/dockerfile/parserCache.test.ts ' +
      'test/unit/dockerfile/argumentScanner.test.ts test/unit/dockerfile/propertyValue.test.ts test/corpus/robustness.test.ts ' +
      'test/corpus/dockerfile-rules.test.ts, with the shared corpus present); when it passes, set verifiedDockerfileAstVersion ' +
      'in parserCache.ts and the exact pin in package.json to the new version.',
  );
});

/** A copy of the probe instruction with some of its fields changed (undefined: removed). */
function probeWith(internals: ParserInternals, changes: Record<string, unknown>): unknown {
  const probe = internals.probe as object;
  return Object.assign(Object.create(Object.getPrototypeOf(probe) as object) as object, probe, changes);
}

test('the parser patches find everything they need in this dockerfile-ast', () => {
  assert.deepEqual(missingParserInternals(libraryInternals()), []);
  assert.equal(canReplacePropertyValue(originalPropertyValue), true);
});

test('the parser patches refuse a library missing a method, a field or the behaviour they rely on', () => {
  const refused = (internals: ParserInternals, expected: RegExp) => {
    const missing = missingParserInternals(internals);
    assert.ok(missing.some((m) => expected.test(m)), `expected ${expected} among ${JSON.stringify(missing)}`);
  };
  refused({ ...libraryInternals(), getRawArguments: undefined }, /getRawArguments/);
  refused({ ...libraryInternals(), getFlags: 'not a function' }, /getFlags/);
  refused({ ...libraryInternals(), probe: undefined }, /parsed instruction/);
  const internals = libraryInternals();
  refused({ ...internals, probe: probeWith(internals, { escapeChar: undefined }) }, /escapeChar/);
  refused({ ...internals, probe: probeWith(internals, { document: { getText: () => '' } }) }, /document/);
  refused({ ...internals, probe: probeWith(internals, { getTextContent: undefined }) }, /getTextContent/);
  // Flags collected but kept somewhere other than the `flags` field the patches read.
  refused({ ...libraryInternals(), getFlags: () => [{}] }, /flags/);
  // A library whose own scan no longer splits arguments the way the port does.
  refused({ ...libraryInternals(), getRawArguments: () => [] }, /ported scan/);
  assert.equal(canReplacePropertyValue(undefined), false);
  assert.equal(canReplacePropertyValue((value: string) => value), false, 'a getValue that no longer strips quotes');
});

/** Everything the features read from a parse: instructions, arguments, flags, properties, heredocs, with ranges. */
function describeParse(text: string): unknown[] {
  const instructions: Instruction[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    instructions.push(instruction);
    const trigger = instruction.getKeyword() === 'ONBUILD' ? (instruction as Onbuild).getTriggerInstruction() : null;
    if (trigger) instructions.push(trigger);
  }
  const plain = (args: { getValue(): string | null; getRange(): unknown }[]) => args.map((a) => [a.getValue(), a.getRange()]);
  return instructions.map((instruction) => {
    const described: Record<string, unknown> = {
      keyword: instruction.getKeyword(),
      text: instruction.toString(),
      range: instruction.getRange(),
      arguments: plain(instruction.getArguments()),
      argumentsRanges: instruction.getArgumentsRanges(),
      raw: plain((instruction as unknown as { getRawArguments(): Argument[] }).getRawArguments()),
      variables: instruction.getVariables().map((v) => [v.getName(), v.getRange()]),
    };
    const flagged = instruction as unknown as Partial<Run>;
    if (typeof flagged.getFlags === 'function') described.flags = flagged.getFlags().map((f) => [f.getName(), f.getValue(), f.getRange(), f.getNameRange(), f.getValueRange()]);
    if (typeof flagged.getHeredocs === 'function') described.heredocs = flagged.getHeredocs().map((h: Heredoc) => [h.getName(), h.getStartRange(), h.getNameRange(), h.getContentRange(), h.getDelimiterRange()]);
    const properties = instruction as Partial<PropertyInstruction>;
    const describeProperty = (p: Property) => [p.getName(), p.getValue(), p.getUnescapedValue(), p.getRange(), p.getNameRange(), p.getValueRange()];
    if (typeof properties.getProperties === 'function') described.properties = properties.getProperties().map(describeProperty);
    return described;
  });
}

/** The same parse with dockerfile-ast's own methods: the patches taken out, then put back. */
function withoutPatches<T>(run: () => T): T {
  uninstallArgumentsCache();
  uninstallFastPropertyValue();
  try {
    return run();
  } finally {
    assert.deepEqual(installArgumentsCache(), []);
    assert.equal(installFastPropertyValue(), true);
  }
}

const sample = [
  '# syntax=docker/dockerfile:1',
  'ARG BASE=alpine:3.20',
  'FROM --platform=$BUILDPLATFORM ${BASE} AS build',
  'ENV A=1 B="two words" C=a\\ b \\',
  '    D=\'single\'',
  'LABEL org.example.name="x" \\',
  '# a comment inside the continuation',
  '      other=y',
  'RUN --mount=type=cache,target=/root/.cache \\',
  '    --network=none apt-get update && \\',
  '    apt-get install -y curl',
  'COPY --from=build --chown=1:1 /a /b',
  'RUN <<EOF',
  'echo hi',
  'EOF',
  'ONBUILD RUN echo $A',
  'HEALTHCHECK --interval=5s CMD ["true"]',
  'CMD ["sh", "-c", "echo a b"]',
  '',
].join('\n');
const escapedSample = '# escape=`\nFROM windows\nRUN dir `\n  c:\\ `$x\nENV P="a`"b"\n';

test('with the patches refused, dockerfile-ast is left alone and parses exactly as with them', () => {
  const patched = describeParse(sample);
  const escaped = describeParse(escapedSample);
  const instructionMethods = InstructionClass.prototype as unknown as Record<string, unknown>;
  const flaggedMethods = ModifiableInstruction.prototype as unknown as Record<string, unknown>;
  const current = () => ({
    getRawArguments: instructionMethods.getRawArguments,
    getKeyword: instructionMethods.getKeyword,
    getFlags: flaggedMethods.getFlags,
    getArguments: flaggedMethods.getArguments,
    getValue: (Property as unknown as { getValue: unknown }).getValue,
  });
  const { getRawArguments, getKeyword, getFlags, getArguments } = libraryInternals();
  const library = { getRawArguments, getKeyword, getFlags, getArguments, getValue: originalPropertyValue };
  for (const [name, method] of Object.entries(current())) assert.notEqual(method, library[name as keyof typeof library], `${name} is patched to begin with`);
  withoutPatches(() => {
    const missing = installArgumentsCache({ ...libraryInternals(), getRawArguments: undefined });
    assert.deepEqual(missing, ['Instruction method getRawArguments']);
    assert.deepEqual(current(), library, "dockerfile-ast's own methods, none replaced");
    assert.deepEqual(describeParse(sample), patched);
    assert.deepEqual(describeParse(escapedSample), escaped);
  });
});

test('the patches parse every corpus Dockerfile exactly as dockerfile-ast does', (t) => {
  if (!corpusAvailable) return t.skip(corpusMissingMessage);
  const texts = corpusEntries().filter((e) => e.kind === 'dockerfile').map(readCorpusFile);
  const patched = texts.map(describeParse);
  const plain = withoutPatches(() => texts.map(describeParse));
  for (let i = 0; i < texts.length; i++) assert.deepEqual(patched[i], plain[i]);
  assert.ok(texts.length > 500, `expected the corpus Dockerfiles, found ${texts.length}`);
});

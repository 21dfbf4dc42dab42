import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Run } from 'dockerfile-ast';
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

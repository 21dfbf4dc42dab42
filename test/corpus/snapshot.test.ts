import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { assertMatchesSnapshot, serializeSnapshot } from '../snapshot';
import { findingsSnapshot } from './findings';

/** The snapshot helper the corpus tests rely on; runs without the corpus. */
const folder = mkdtempSync(join(tmpdir(), 'stevedore-snapshot-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const at = (line: number, character: number, code: string): Diagnostic => ({
  range: { start: { line, character }, end: { line, character: character + 1 } },
  code,
  message: code,
});

describe('assertMatchesSnapshot', () => {
  it('fails on a missing snapshot, says how to create it, and writes nothing', () => {
    const path = join(folder, 'missing.snapshot.json');
    assert.throws(() => assertMatchesSnapshot(path, { a: 1 }, false), (error: Error) => {
      assert.match(error.message, /^snapshot .*missing\.snapshot\.json is missing; run with UPDATE_SNAPSHOTS=1 to create it, then review it$/);
      return true;
    });
    assert.equal(existsSync(path), false);
  });

  it('writes the snapshot only when asked to update, then matches it', () => {
    const path = join(folder, 'written.snapshot.json');
    assertMatchesSnapshot(path, { b: [1, 2], a: 'x' }, true);
    assert.equal(readFileSync(path, 'utf8'), '{\n  "b": [\n    1,\n    2\n  ],\n  "a": "x"\n}\n');
    assertMatchesSnapshot(path, { a: 'x', b: [1, 2], dropped: undefined }, false);
  });

  it('lists each difference by path: added, removed and changed values', () => {
    const path = join(folder, 'differs.snapshot.json');
    writeFileSync(path, serializeSnapshot({ counts: { rule: 2, gone: 1 }, findings: { 'a/Dockerfile': ['1:1 rule', '12:4 rule'] } }));
    const now = { counts: { rule: 2, added: 1 }, findings: { 'a/Dockerfile': ['1:1 rule', '13:4 rule'], 'b/Dockerfile': ['2:1 added'] } };
    assert.throws(() => assertMatchesSnapshot(path, now, false), (error: Error) => {
      assert.equal(error.message.split('\n').slice(1).join('\n'), [
        '$.counts.added: + 1',
        '$.counts.gone: - 1',
        '$.findings["a/Dockerfile"]: - "12:4 rule"',
        '$.findings["a/Dockerfile"]: + "13:4 rule"',
        '$.findings["b/Dockerfile"]: + ["2:1 added"]',
      ].join('\n'));
      assert.match(error.message, /^result differs from snapshot .*differs\.snapshot\.json .*UPDATE_SNAPSHOTS=1/);
      return true;
    });
  });

  it('fails when only the order of a list changed', () => {
    const path = join(folder, 'order.snapshot.json');
    writeFileSync(path, serializeSnapshot({ list: ['a', 'b'], n: 1 }));
    assert.throws(() => assertMatchesSnapshot(path, { list: ['b', 'a'], n: 1 }, false), /\$\.list: the same items in another order/);
    assert.throws(() => assertMatchesSnapshot(path, { list: ['a', 'b'], n: 2 }, false), /\$\.n: 1 → 2/);
  });
});

describe('findingsSnapshot', () => {
  it('records 1-based line:column rule per file, sorted by position, and counts per rule', () => {
    const snapshot = findingsSnapshot([
      { path: 'z/Dockerfile', diagnostics: [at(11, 3, 'b-rule'), at(1, 0, 'b-rule'), at(11, 3, 'a-rule'), at(9, 10, 'b-rule')] },
      { path: 'clean/Dockerfile', diagnostics: [] },
      { path: 'a/Dockerfile', diagnostics: [at(0, 0, 'b-rule')] },
    ]);
    assert.deepEqual(snapshot, {
      counts: { 'a-rule': 1, 'b-rule': 4 },
      findings: {
        'a/Dockerfile': ['1:1 b-rule'],
        'z/Dockerfile': ['2:1 b-rule', '10:11 b-rule', '12:4 a-rule', '12:4 b-rule'],
      },
    });
    assert.deepEqual(Object.keys(snapshot.findings), ['a/Dockerfile', 'z/Dockerfile'], 'files in path order, clean ones left out');
    assert.deepEqual(Object.keys(snapshot.counts), ['a-rule', 'b-rule']);
  });
});

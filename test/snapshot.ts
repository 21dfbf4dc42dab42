import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/**
 * Reviewed JSON snapshots. A test compares what it computed with the committed file; only
 * `UPDATE_SNAPSHOTS=1` writes it. A missing file fails the test instead of being written, so a
 * deleted or never-committed snapshot cannot make a run pass without anyone reviewing it.
 */

const repoRoot = resolve(__dirname, '..');
const updateRequested = () => process.env.UPDATE_SNAPSHOTS === '1';

/** Two-space JSON with a final newline: one array item per line, so a review diff shows each change. */
export function serializeSnapshot(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Asserts that `actual` equals the snapshot at `snapshotPath` (compared as JSON values), or rewrites
 * the file when `update` (UPDATE_SNAPSHOTS=1 by default). A mismatch lists each difference, e.g.
 * `$.findings["a/Dockerfile"]: - "12:4 rule"`, rather than a positional diff of the whole value.
 */
export function assertMatchesSnapshot(snapshotPath: string, actual: unknown, update = updateRequested()): void {
  const name = relative(repoRoot, snapshotPath);
  const text = serializeSnapshot(actual);
  if (update) {
    if (!existsSync(snapshotPath) || readFileSync(snapshotPath, 'utf8') !== text) writeFileSync(snapshotPath, text);
    return;
  }
  if (!existsSync(snapshotPath)) assert.fail(`snapshot ${name} is missing; run with UPDATE_SNAPSHOTS=1 to create it, then review it`);
  const found: string[] = [];
  // Round-trip `actual` so values JSON drops (undefined properties) compare as the file has them.
  collectDifferences(JSON.parse(readFileSync(snapshotPath, 'utf8')), JSON.parse(text), '$', found);
  if (found.length === 0) return;
  const shown = found.length > maxDifferencesShown ? [...found.slice(0, maxDifferencesShown), `… and ${found.length - maxDifferencesShown} more`] : found;
  assert.fail(`result differs from snapshot ${name} (- snapshot, + now; if intended, run with UPDATE_SNAPSHOTS=1 and review the diff):\n${shown.join('\n')}`);
}

const maxDifferencesShown = 40;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isRecord = (value: Json): value is { [key: string]: Json } => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: Json) => value === null || typeof value !== 'object';

function brief(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

function childPath(at: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${at}.${key}` : `${at}[${JSON.stringify(key)}]`;
}

/** Items of `from` not matched one-for-one in `other`. */
function unmatched(from: Json[], other: Json[]): Json[] {
  const left = new Map<string, number>();
  for (const item of other) left.set(JSON.stringify(item), (left.get(JSON.stringify(item)) ?? 0) + 1);
  return from.filter((item) => {
    const n = left.get(JSON.stringify(item)) ?? 0;
    left.set(JSON.stringify(item), n - 1);
    return n <= 0;
  });
}

/**
 * Records how `actual` differs from `expected`: keys added or removed, scalars changed, and for
 * lists of scalars (the snapshots' findings) the items removed and added, wherever they sit.
 */
function collectDifferences(expected: Json, actual: Json, at: string, out: string[]): void {
  if (isDeepStrictEqual(expected, actual)) return;
  if (isRecord(expected) && isRecord(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(byCodeUnits);
    for (const key of keys) {
      const where = childPath(at, key);
      if (!(key in actual)) out.push(`${where}: - ${brief(expected[key])}`);
      else if (!(key in expected)) out.push(`${where}: + ${brief(actual[key])}`);
      else collectDifferences(expected[key], actual[key], where, out);
    }
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.every(isScalar) && actual.every(isScalar)) {
    const removed = unmatched(expected, actual);
    const added = unmatched(actual, expected);
    for (const item of removed) out.push(`${at}: - ${brief(item)}`);
    for (const item of added) out.push(`${at}: + ${brief(item)}`);
    if (removed.length === 0 && added.length === 0) out.push(`${at}: the same items in another order`);
    return;
  }
  out.push(`${at}: ${brief(expected)} → ${brief(actual)}`);
}

/** Plain code-unit order: the same on every machine and locale, unlike localeCompare. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An object with its keys in code-unit order, so the snapshot text does not depend on insertion order. */
export function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodeUnits(a, b)));
}

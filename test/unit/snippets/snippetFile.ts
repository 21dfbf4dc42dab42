// Loading a VS Code snippet file and the checks every snippet file must pass.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tabStops } from '../../../server/src/common/snippetSyntax';

export interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

export const repoRoot = resolve(__dirname, '..', '..', '..');

export function loadSnippets(relativePath: string): [string, SnippetEntry][] {
  const parsed = JSON.parse(readFileSync(resolve(repoRoot, relativePath), 'utf8')) as Record<string, SnippetEntry>;
  return Object.entries(parsed);
}

export function prefixesOf(entry: SnippetEntry): string[] {
  return Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix];
}

/** "English text / 中文说明": both halves present, each in its own script. */
export function assertBilingual(name: string, description: string): void {
  const parts = description.split(' / ');
  assert.ok(parts.length >= 2, `${name}: description should read "English / 中文": ${description}`);
  const english = parts.slice(0, -1).join(' / ');
  const chinese = parts[parts.length - 1]!;
  assert.match(english, /[A-Za-z]{3,}/, `${name}: English half`);
  assert.doesNotMatch(english, /[\u4e00-\u9fff]/, `${name}: the English half has Chinese in it`);
  assert.ok((chinese.match(/[\u4e00-\u9fff]/g) ?? []).length >= 2, `${name}: the Chinese half "${chinese}" has no Chinese`);
}

/** Tab stops 1..n with no gap, each with a default somewhere, and at most one $0. */
export function assertTabStopsInOrder(name: string, body: string | string[]): void {
  const stops = tabStops(body);
  const numbered = stops.filter((s) => s.index > 0);
  numbered.forEach((stop, i) => {
    assert.equal(stop.index, i + 1, `${name}: tab stops should be 1..${numbered.length} without gaps (found ${numbered.map((s) => s.index).join(',')})`);
    assert.ok(stop.hasDefault, `${name}: tab stop ${stop.index} has no default, so the snippet would insert an empty value`);
  });
  const final = stops.find((s) => s.index === 0);
  assert.ok(!final || final.occurrences === 1, `${name}: $0 appears more than once`);
}

/** Every prefix is a lower-case word people type, and no two snippets share a prefix. */
export function assertPrefixes(entries: [string, SnippetEntry][], allowUpperCase: string[] = []): void {
  const seen = new Map<string, string>();
  for (const [name, entry] of entries) {
    const prefixes = prefixesOf(entry);
    assert.ok(prefixes.length > 0, `${name}: no prefix`);
    for (const prefix of prefixes) {
      if (!allowUpperCase.includes(prefix)) assert.match(prefix, /^[a-z0-9][a-z0-9-]*$/, `${name}: prefix "${prefix}"`);
      assert.ok(!seen.has(prefix), `prefix "${prefix}" is used by both ${seen.get(prefix)} and ${name}`);
      seen.set(prefix, name);
    }
  }
}

/**
 * The localized literals taken out of the bundles (scripts/localized-text.mjs,
 * server/src/common/lazyLocalized.ts): which literals move, that a built bundle reads the same text
 * as the sources in both languages, and that the strings leave the script for its data folder.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractLocalized, moduleKeyOf } from '../../../scripts/localized-text.mjs';
import { bundledAndSourceProbe, sourceRoot } from './dataFileList';

test('module-level { en, zh } literals become text(i); those in functions, and other shapes, stay', () => {
  const code = [
    "export const docs = { en: 'One', zh: '一' };",
    'export const table = [',
    "  { en: 'Two', zh: `二` },",
    '  {',
    "    zh: '三', en: 'Three'",
    '  },',
    '];',
    "export function later(name) { return { en: 'Four', zh: '四' }; }",
    "export const arrow = () => ({ en: 'Five', zh: '五' });",
    "export class Holder { field = { en: 'Six', zh: '六' }; }",
    "export const withName = (name) => ({ en: `Hello ${name}`, zh: '你好' });",
    "export const three = { en: 'Seven', zh: '七', id: 7 };",
    "export const computed = { ['en']: 'Eight', zh: '八' };",
    "export const substituted = { en: `Nine ${1}`, zh: '九' };",
  ].join('\n');
  const result = extractLocalized(code, 'dockerfile/example');
  assert.ok(result);
  assert.deepEqual(result.en, ['One', 'Two', 'Three']);
  assert.deepEqual(result.zh, ['一', '二', '三']);
  // Line numbers are kept: the header goes on the first line, a literal's line breaks stay.
  assert.equal(result.code.split('\n').length, code.split('\n').length);
  assert.match(result.code, /export const docs = __stevedoreText\(0\);/);
  assert.match(result.code, /^\s+__stevedoreText\(2\)$/m);
  for (const kept of ["'Four'", "'Five'", "'Six'", '`Hello ${name}`', "'Seven'", "'Eight'", '`Nine ${1}`']) assert.ok(result.code.includes(kept), kept);
  // The module reads its own files beside the bundle: the engine's sources import no file reader.
  assert.match(result.code, /localizedTable as __stevedoreTextTable.*__stevedoreTextTable\(\(language\) => require\("node:fs"\)\.readFileSync\(.*"data", "text", "dockerfile", "example\." \+ language \+ "\.json"\)/);
  assert.equal(extractLocalized("export const plain = { en: 'x' };\nfunction f() { return { en: 'a', zh: 'b' }; }", 'x'), undefined);
});

test('module keys are paths under server/src without the extension', () => {
  assert.equal(moduleKeyOf(join(sourceRoot, 'dockerfile', 'docs', 'instructions.ts')), 'dockerfile/docs/instructions');
});

/** Prints, as JSON, what the probe reads of some tables: built as a bundle, and run here from the sources. */
const probeSource = (instructions: string, enumDocs: string, rules: string) => `
import { instructionDocs } from ${JSON.stringify(instructions)};
import { enumDocs } from ${JSON.stringify(enumDocs)};
import { dockerfileRules } from ${JSON.stringify(rules)};
export function probe(): string {
  const doc = Object.values(instructionDocs)[0] as { summary: { en: string; zh: string } };
  // The first rule with long docs (named by position: the rule pages list the tests that name a rule).
  const meta = dockerfileRules.rules.find((rule) => rule.meta.docs.en.length > 200)!.meta;
  return JSON.stringify({
    summary: doc.summary,
    spread: { ...doc.summary },
    keys: Object.keys(doc.summary),
    english: doc.summary.en,
    chinese: doc.summary.zh,
    title: [meta.title.en, meta.title.zh],
    docs: meta.docs,
    enumDocs: JSON.parse(JSON.stringify(enumDocs)),
    clone: structuredClone(meta.title),
  });
}
`;

test('a bundle reads its localized text from data/text and answers as the sources do', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-localized-'));
  try {
    const instructions = join(sourceRoot, 'dockerfile', 'docs', 'instructions.ts');
    const enumDocs = join(sourceRoot, 'kubernetes', 'schema', 'enumDocs.ts');
    const rules = join(sourceRoot, 'dockerfile', 'rules', 'index.ts');
    const { bundled, fromSources, out, script } = await bundledAndSourceProbe(folder, probeSource(instructions, enumDocs, rules));
    const expected = JSON.parse(fromSources);
    assert.deepEqual(JSON.parse(bundled), expected);
    assert.ok(expected.chinese.length > 0 && expected.docs.en.length > 100);

    // The strings are in the data files, not in the script; the files are ASCII (one byte a character once read).
    assert.ok(!script.includes(JSON.stringify(expected.english).slice(1, -1)), 'an instruction summary is still in the script');
    assert.ok(!script.includes(JSON.stringify(expected.docs.en).slice(1, 40)), "a rule's docs are still in the script");
    const written = readdirSync(join(out, 'data', 'text'), { recursive: true }).map(String).map((name) => name.split('\\').join('/'));
    assert.ok(written.includes('dockerfile/docs/instructions.en.json') && written.includes('dockerfile/docs/instructions.zh.json'), written.join(', '));
    for (const name of written.filter((name) => name.endsWith('.json'))) {
      const text = readFileSync(join(out, 'data', 'text', ...name.split('/')), 'utf8');
      assert.doesNotMatch(text, /[^\x00-\x7f]/, name);
      assert.ok(Array.isArray(JSON.parse(text)), name);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

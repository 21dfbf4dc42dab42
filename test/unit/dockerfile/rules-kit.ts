import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../../server/src/common/rules';
import { pick } from '../../../server/src/common/localized';
import { plainMessage } from '../../../server/src/common/plainText';
import type { EffectiveRuleConfig } from '../../../server/src/config/ruleConfig';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { contextFor, dockerfile } from '../helpers';
import { markdownLeftIn } from '../plainCheck';

/** Helpers for the topic rule tests (rules-<topic>.test.ts, parity-*.test.ts): run one rule, apply its fixes, re-check. */

export function findings(ruleId: string, text: string, config?: Partial<EffectiveRuleConfig>): Finding[] {
  const rule = dockerfileRules.find(ruleId);
  assert.ok(rule, `rule ${ruleId} is registered`);
  assert.equal(rule.meta.id, ruleId);
  const found: Finding[] = [];
  rule.check({ model: dockerfile(text), ctx: contextFor(), config: config as EffectiveRuleConfig | undefined }, (f) => found.push(f));
  return found;
}

/** The text a finding's range covers. */
export function covered(text: string, finding: Finding): string {
  const doc = TextDocument.create('file:///t', 'dockerfile', 1, text);
  return doc.getText(finding.range);
}

export function assertReports(ruleId: string, text: string, count = 1): Finding[] {
  const found = findings(ruleId, text);
  assert.equal(found.length, count, `${ruleId} on:\n${text}\nfound: ${found.map((f) => pick(f.message, 'en')).join(' | ')}`);
  for (const f of found) {
    assert.ok(f.message.en.length > 0 && f.message.zh.length > 0);
    assert.match(f.message.zh, /[\u4e00-\u9fff]/, 'the Chinese message is written in Chinese');
    for (const lang of ['en', 'zh-cn'] as const) {
      const shown = plainMessage(pick(f.message, lang), lang);
      assert.ok(!markdownLeftIn(shown), `the ${lang} message reads as plain text: ${shown}`);
    }
  }
  return found;
}

export function assertClean(ruleId: string, text: string): void {
  assertReports(ruleId, text, 0);
}

/** Applies the first fix of the only finding, checks the result, and that the rule is satisfied. */
export function assertFix(ruleId: string, text: string, expected: string, safe?: boolean): void {
  const [finding] = assertReports(ruleId, text, 1);
  assert.ok(finding.fixes?.length, `${ruleId} offers a fix`);
  const fix = finding.fixes[0];
  if (safe !== undefined) assert.equal(fix.safe ?? false, safe);
  const fixed = TextDocument.applyEdits(TextDocument.create('file:///t', 'dockerfile', 1, text), fix.edits);
  assert.equal(fixed, expected);
  assertClean(ruleId, fixed);
}

export function assertNoFix(ruleId: string, text: string): void {
  const [finding] = assertReports(ruleId, text, 1);
  assert.equal(finding.fixes, undefined);
}

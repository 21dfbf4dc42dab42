import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { configuredSeverity, RuleRegistry, type Rule } from '../../../server/src/common/rules';
import { quickFixesFromDiagnostics } from '../../../server/src/common/codeActions';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
const sample: Rule<string> = {
  meta: { id: 'sample-rule', aliases: ['DL9999', 'SampleCheck'], severity: 'warning', category: 'style', profile: 'recommended', title: { en: 'Sample', zh: '示例' }, docs: { en: 'docs', zh: '文档' }, tag: 'deprecated' },
  check(subject, report) {
    if (subject.includes('bad')) report({ range, message: { en: 'bad thing', zh: '不好的东西' }, fixes: [{ title: { en: 'Fix it', zh: '修复' }, edits: [{ range, newText: 'good' }], safe: true }] });
  },
};
const broken: Rule<string> = { meta: { ...sample.meta, id: 'broken', aliases: [] }, check() { throw new Error('boom'); } };

test('findings become LSP diagnostics with code, source, link, tag and fixes', () => {
  const registry = new RuleRegistry([sample]);
  const [d] = registry.run('bad', 'zh-cn', (rule) => rule.meta.severity);
  assert.equal(d.code, 'sample-rule');
  assert.equal(d.source, 'stevedore');
  assert.equal(d.message, '不好的东西');
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.deepEqual(d.tags, [DiagnosticTag.Deprecated]);
  assert.equal(d.codeDescription, undefined, 'the fronts link the rule page (server/src/ruleDocLinks.ts): only they know where it is installed');
  const [action] = quickFixesFromDiagnostics('file:///x', [d]);
  assert.equal(action.title, '修复');
  assert.equal(action.isPreferred, true);
  assert.deepEqual(action.edit?.changes?.['file:///x'], [{ range, newText: 'good' }]);
});

test('rules are found by id or alias, in any case; configured severities use either', () => {
  const registry = new RuleRegistry([sample]);
  assert.equal(registry.find('dl9999'), sample);
  assert.equal(registry.find('SAMPLECHECK'), sample);
  assert.equal(registry.find('nope'), undefined);
  assert.equal(configuredSeverity(sample.meta, { dl9999: 'off' }), 'off');
  assert.equal(configuredSeverity(sample.meta, {}), 'warning');
  assert.deepEqual(registry.run('bad', 'en', () => 'off'), []);
});

test('a crashing rule is reported and does not stop the others', () => {
  const registry = new RuleRegistry([broken, sample]);
  const failures: string[] = [];
  const diagnostics = registry.run('bad', 'en', (r) => r.meta.severity, (rule) => failures.push(rule.meta.id));
  assert.deepEqual(failures, ['broken']);
  assert.equal(diagnostics.length, 1);
});

test('a name registered twice is a programming error', () => {
  assert.throws(() => new RuleRegistry([sample, { ...sample, meta: { ...sample.meta, id: 'other' } }]), /registered twice/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import {
  fixAllKind, kindRequested, matchingDiagnostic, mergeCodeActions, quickFixesFromDiagnostics, stampVersion, versionOf, withVersionedEdits,
} from '../../../server/src/common/codeActions';

const uri = 'file:///work/app.yaml';
const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character: character + 3 } });
const insert = (line: number, newText: string): TextEdit => ({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText });

function finding(code: string, line: number, fixes: { title: string; edits: TextEdit[] }[], message = `${code} here`): Diagnostic {
  return { range: at(line, 10), message, code, source: 'stevedore', data: { ruleId: code, fixes: fixes.map((f) => ({ ...f, safe: false })) } };
}

const hardened = { title: 'Add a hardened securityContext', edits: [insert(18, 'securityContext: {}\n')] };

test('the same fix offered by several rules is one action listing every diagnostic it fixes', () => {
  const diagnostics = ['run-as-root-allowed', 'root-filesystem-writable', 'net-raw-not-dropped'].map((code) => finding(code, 17, [hardened]));
  const actions = mergeCodeActions(quickFixesFromDiagnostics(uri, diagnostics));
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, 'Add a hardened securityContext');
  assert.deepEqual(actions[0].diagnostics, diagnostics);
  assert.equal(actions[0].isPreferred, true);
});

test('different edits stay separate actions, in the order they came', () => {
  const other = { title: 'Add resources', edits: [insert(18, 'resources: {}\n')] };
  const actions = mergeCodeActions(quickFixesFromDiagnostics(uri, [finding('a', 17, [hardened]), finding('b', 17, [other]), finding('c', 17, [hardened])]));
  assert.deepEqual(actions.map((a) => [a.title, a.diagnostics?.map((d) => d.code)]), [['Add a hardened securityContext', ['a', 'c']], ['Add resources', ['b']]]);
});

test('edits listed in another order are the same edit', () => {
  const two = [insert(1, 'x\n'), insert(5, 'y\n')];
  const actions = mergeCodeActions(quickFixesFromDiagnostics(uri, [finding('a', 1, [{ title: 'one', edits: two }]), finding('b', 1, [{ title: 'two', edits: [...two].reverse() }])]));
  assert.equal(actions.length, 1);
});

test('each diagnostic has at most one preferred fix: its first; a merged fix is preferred only if it was first for all', () => {
  const first = { title: 'First', edits: [insert(1, 'first\n')] };
  const second = { title: 'Second', edits: [insert(1, 'second\n')] };
  const a = finding('a', 1, [first, second]);
  const b = finding('b', 1, [second]);
  const actions = mergeCodeActions(quickFixesFromDiagnostics(uri, [a, b]));
  const preferredFor = (d: Diagnostic) => actions.filter((action) => action.isPreferred && action.diagnostics?.includes(d)).map((action) => action.title);
  assert.deepEqual(preferredFor(a), ['First']);
  // "Second" fixes b first but is a's second choice: preferring it would give a two preferred fixes.
  assert.deepEqual(preferredFor(b), []);
  assert.equal('isPreferred' in actions.find((action) => action.title === 'Second')!, false);
});

test('kind filters: a parent kind asks for its children, no filter asks for everything', () => {
  assert.equal(fixAllKind, 'source.fixAll.stevedore');
  assert.ok(kindRequested(undefined, 'quickfix'));
  assert.ok(kindRequested(['source'], fixAllKind));
  assert.ok(kindRequested(['source.fixAll'], fixAllKind));
  assert.ok(kindRequested([fixAllKind], fixAllKind));
  assert.ok(!kindRequested(['quickfix'], fixAllKind));
  assert.ok(!kindRequested(['source.fixAll.eslint'], fixAllKind));
  assert.ok(!kindRequested(['source.fix'], fixAllKind), 'a prefix must end at a dot');
});

test('stamped diagnostics carry their version in data, fixes or not, and are copies', () => {
  const withFix = finding('a', 1, [hardened]);
  const plain: Diagnostic = { range: at(2), message: 'm', code: 'b', source: 'stevedore' };
  const [x, y] = stampVersion([withFix, plain], 7);
  assert.equal(versionOf(x), 7);
  assert.equal(versionOf(y), 7);
  assert.deepEqual((x.data as { fixes: unknown[] }).fixes, (withFix.data as { fixes: unknown[] }).fixes);
  assert.equal(versionOf(withFix), undefined, 'the original is left alone');
});

test('an old diagnostic matches the same rule and message nearest to where it moved', () => {
  const old = finding('apt-get-missing-yes', 1, []);
  const current = [finding('apt-get-missing-yes', 2, [], 'another message'), finding('apt-get-missing-yes', 5, []), finding('apt-get-missing-yes', 2, []), finding('other', 2, [], 'apt-get-missing-yes here')];
  assert.equal(matchingDiagnostic(old, current, { line: 2, character: 10 }), current[2]);
  assert.equal(matchingDiagnostic(old, current, { line: 5, character: 0 }), current[1]);
  assert.equal(matchingDiagnostic(old, [current[0], current[3]], { line: 2, character: 10 }), undefined);
});

test('versioned edits name the document version', () => {
  const action: CodeAction = { title: 't', edit: { changes: { [uri]: [insert(0, 'x')] } } };
  assert.deepEqual(withVersionedEdits([action], uri, 4)[0].edit, { documentChanges: [{ textDocument: { uri, version: 4 }, edits: [insert(0, 'x')] }] });
});

test('a match can be kept to the line it is looked for on', () => {
  const old = finding('apt-get-missing-yes', 1, []);
  const further = finding('apt-get-missing-yes', 3, []);
  assert.equal(matchingDiagnostic(old, [further], { line: 1, character: 10 }, 0), undefined);
  assert.equal(matchingDiagnostic(old, [further], { line: 1, character: 10 }), further);
});

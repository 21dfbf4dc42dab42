import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { visit } from 'yaml';
import { largeManifest } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { runToEnd } from '../../../server/src/kubernetes/diagnostics';
import { checkByDocument, documentFindingsCounts } from '../../../server/src/kubernetes/documentFindings';
import { incrementalParseCounts } from '../../../server/src/kubernetes/incrementalParse';
import { parseManifestFile, type ManifestFile } from '../../../server/src/kubernetes/model';
import { objectsOf } from '../../../server/src/kubernetes/objects';
import { byObjects, type KubeRule } from '../../../server/src/kubernetes/rules/context';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { nodeRange } from '../../../server/src/kubernetes/yamlNodes';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom } from '../seededRandom';
import { documentBounds, manifestEditSite, type Edit } from './manifestEdits';

/**
 * Differential test of the language server's path through a large manifest: after every seeded
 * random edit, the incremental parse (later documents moved lazily), the workspace index fed with
 * that parse, and the diagnostics (findings of unchanged documents reused, cross-document checks
 * reused while the workspace answers the same) must equal a check from scratch: a whole-file parse
 * under a URI of its own, in an index of its own. The counters show that the fast path was taken.
 */


const typed = [' ', 'x', '\n', ': ', '  ', '-', '#', '{', '"', '---\n', '\t', 'replicas: 3\n', 'app-7'];

/** Typing at the start of a line (the bench's edit), inside lines, deleting, pasting documents, renaming. */
function randomEdit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, docs, doc } = manifestEditSite(text, next);
  switch (Math.floor(next() * 8)) {
    case 0:
    case 1:
      return { start: lineStart, end: lineStart, text: pick(typed) };
    case 2:
      return { start: at, end: at, text: pick(typed) };
    case 3:
      return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 4)), text: '' };
    case 4: {
      const newline = text.indexOf('\n', at);
      return { start: lineStart, end: newline < 0 ? text.length : newline + 1, text: '' };
    }
    case 5: {
      let copied = text.slice(docs[doc]!, docs[doc + 1]!);
      if (!copied.endsWith('\n')) copied += '\n';
      if (!copied.startsWith('---')) copied = `---\n${copied}`;
      return { start: docs[doc + 1]!, end: docs[doc + 1]!, text: docs[doc + 1] === text.length ? copied : copied.slice(4) + '---\n' };
    }
    case 6: {
      // A name other documents refer to (selectors, HPA targets, config maps) changes.
      const names = [...text.slice(docs[doc]!, docs[doc + 1]!).matchAll(/\bapp-\d+\b/g)];
      if (names.length === 0) return { start: at, end: at, text: 'x' };
      const name = pick(names);
      const start = docs[doc]! + name.index;
      return { start, end: start + name[0].length, text: `${name[0]}9` };
    }
    default:
      return { start: docs[doc]!, end: docs[doc + 1]!, text: '' };
  }
}

/** What features read from a parse: documents, every node's range and the text there, errors and warnings. */
function describe(file: ManifestFile, text = file.document.getText()): unknown {
  const at = (range: readonly number[]) => [...range, text.slice(range[0], range[range.length - 1])];
  return file.documents.map((d) => {
    const nodes: unknown[] = [];
    visit(d.yaml, { Node(_key, node) { nodes.push(node.range ? at(node.range) : null); } });
    return {
      index: d.index, kind: d.kind, apiVersion: d.apiVersion, isKubernetes: d.isKubernetes, start: d.start, end: d.end, range: at(d.yaml.range), nodes,
      errors: d.yaml.errors.map((e) => [e.code, e.message, ...at(e.pos)]),
      warnings: d.yaml.warnings.map((e) => [e.code, e.message, ...at(e.pos)]),
    };
  });
}

/** The index's summaries of one file, without the URI (the scratch check has a URI of its own). */
const summaries = (index: WorkspaceIndex, uri: string) => index.objectsIn(uri).map(({ uri: _uri, ...summary }) => summary);

let scratch = 0;

/** A check from scratch: whole-file parse, fresh URI, fresh index holding only this file. */
function fromScratch(text: string, name: string, ctx: FeatureContext): { model: ManifestFile; diagnostics: Diagnostic[]; index: WorkspaceIndex; uri: string } {
  const uri = `file:///scratch/full-${++scratch}/${name}`;
  const model = parseManifestFile(TextDocument.create(uri, 'yaml', 1, text));
  const index = new WorkspaceIndex();
  index.updateFile(uri, model);
  return { model, diagnostics: kubernetesService.diagnose!(model, { ...ctx, workspace: index }), index, uri };
}

/**
 * The server's order: parse the new version, give it to the workspace index, check it. Compared
 * with a check from scratch after every step; every model handed out stays true to its own text.
 */
function checkEdits(name: string, text: string, seed: number, steps: number, ctx: FeatureContext, edits?: (step: number, text: string) => Edit, serverPath?: { moved: number; built: number }): void {
  const next = seededRandom(seed);
  const index = new WorkspaceIndex();
  const uri = `file:///edited/${seed}/${name}`;
  let document = TextDocument.create(uri, 'yaml', 1, text);
  const held: { model: ManifestFile; text: string }[] = [];
  for (let step = 0; step <= steps; step++) {
    if (step > 0) {
      const current = document.getText();
      const edit = edits ? edits(step, current) : randomEdit(current, next);
      const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
      document = TextDocument.update(document, [{ range, text: edit.text }], document.version + 1);
    }
    const counted = { ...incrementalParseCounts };
    const model = kubernetesService.parse(document);
    index.updateFile(uri, model);
    const diagnostics = kubernetesService.diagnose!(model, { ...ctx, workspace: index });
    // What the server's path did (the comparisons below read every document, building them all).
    if (serverPath && step > 0) {
      serverPath.moved += incrementalParseCounts.moved - counted.moved;
      serverPath.built += incrementalParseCounts.built - counted.built;
    }
    const label = `${name} (seed ${seed}), step ${step}`;
    const expected = fromScratch(document.getText(), name, ctx);
    assert.deepEqual(diagnostics, expected.diagnostics, `${label}: diagnostics`);
    assert.deepEqual(summaries(index, uri), summaries(expected.index, expected.uri), `${label}: workspace summaries`);
    assert.deepEqual(describe(model), describe(expected.model), `${label}: parse`);
    if (step % 4 === 1) held.push({ model, text: document.getText() });
  }
  // Models handed out earlier, read only now (their moved documents built on first read), still describe
  // their own text (the server's TextDocument changes in place: the text is the one kept at the time).
  for (const { model, text: own } of held) {
    assert.deepEqual(describe(model, own), describe(parseManifestFile(TextDocument.create('file:///scratch/held.yaml', 'yaml', 1, own))), `${name}: a held model`);
  }
}

const ctx: FeatureContext = contextFor('en', { settings: { profile: 'strict' } });

test('the bench\'s edit (a space typed and deleted at the start of a middle line) of a large manifest: same results, unchanged documents not rebuilt', () => {
  const text = largeManifest(240);
  const line = Math.floor(text.split('\n').length / 2);
  const lineStart = text.split('\n').slice(0, line).join('\n').length + 1;
  const before = { ...documentFindingsCounts };
  const serverPath = { moved: 0, built: 0 };
  checkEdits('bench.yaml', text, 1, 6, ctx, (step) => (step % 2 === 1 ? { start: lineStart, end: lineStart, text: ' ' } : { start: lineStart, end: lineStart + 1, text: '' }), serverPath);
  // Cross-document checks (a Service's selector, an HPA's target) were reused for documents whose questions got the same answers.
  assert.ok(documentFindingsCounts.reusedAfterQueries - before.reusedAfterQueries > 200 * 6, `reused after queries: ${documentFindingsCounts.reusedAfterQueries - before.reusedAfterQueries}`);
  // Documents after the edit moved by one character: they were not copied node by node during the checks.
  assert.ok(serverPath.moved > 100 * 6, `moved: ${serverPath.moved}`);
  // Only those whose questions to the workspace got new answers (the Service and HPA of the edited Deployment) were read.
  assert.ok(serverPath.built <= 3 * 6, `built ${serverPath.built} of ${serverPath.moved} moved documents`);
});

test('random edits of a large generated manifest: incremental parse, index and diagnostics equal a check from scratch', () => {
  const before = { ...documentFindingsCounts };
  checkEdits('large.yaml', largeManifest(80), 19, 30, ctx);
  checkEdits('large-zh.yaml', largeManifest(40), 20, 15, contextFor('zh-cn'));
  assert.ok(documentFindingsCounts.reused > before.reused);
  assert.ok(documentFindingsCounts.reusedAfterQueries > before.reusedAfterQueries);
});

test('random edits of the corpus\'s multi-document manifests: same results as a check from scratch', { skip: corpusAvailable ? false : corpusMissingMessage }, () => {
  const next = seededRandom(1919);
  const multi = corpusEntries()
    .filter((entry) => entry.area === 'k8s')
    .map((entry) => ({ name: entry.path.split('/').pop()!, text: readCorpusFile(entry) }))
    .filter(({ text }) => documentBounds(text).length > 4 && text.length < 200_000)
    .filter(() => next() < 0.5)
    .slice(0, 25);
  assert.ok(multi.length > 5, `${multi.length} multi-document corpus manifests`);
  let seed = 500;
  for (const { name, text } of multi) checkEdits(name, text, seed++, 8, ctx);
});

/**
 * The rules' checks of one document share a watched subject. A check that reads past its document
 * (here through objectsOf, whose cache is keyed by the file object) must not leave a cache behind
 * that lets the next rule see the whole file unnoticed: that rule's findings would be kept while
 * they depend on other documents.
 */
test('a check that read past its document does not hide the next rule\'s reads past it', () => {
  const meta = (id: string): KubeRule['meta'] => ({ id, aliases: [], severity: 'warning', category: 'semantics', profile: 'recommended', title: { en: id, zh: id }, docs: { en: id, zh: id } });
  // Each counts the file's objects while checking the first document only (a read past it there, and nowhere else).
  const counting = (id: string): KubeRule => byObjects({
    meta: meta(id),
    checkObjects(objects, subject, report) {
      for (const object of objects) {
        if (object.doc.index !== 0) continue;
        const total = objectsOf(subject.file).length;
        report({ range: nodeRange(subject.file, object.root), message: { en: `${id}: ${total} objects`, zh: `${id}：${total}` } });
      }
    },
  });
  const first = counting('test-reads-file-first');
  const second = counting('test-reads-file-second');
  const run = (file: ManifestFile): string[] => {
    const messages: string[] = [];
    for (const rule of [first, second]) runToEnd(checkByDocument(rule, { file, ctx }, (finding) => messages.push(`${finding.range.start.line} ${finding.message.en}`)));
    return messages;
  };
  const doc = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
  let document = TextDocument.create('file:///edited/shared-subject.yaml', 'yaml', 1, [doc('a'), doc('b')].join('---\n'));
  const wholeFile = (text: string) => {
    const file = parseManifestFile(TextDocument.create(`file:///scratch/shared-${++scratch}.yaml`, 'yaml', 1, text));
    const messages: string[] = [];
    for (const rule of [first, second]) rule.check({ file, ctx }, (finding) => messages.push(`${finding.range.start.line} ${finding.message.en}`));
    return messages;
  };
  assert.deepEqual(run(kubernetesService.parse(document)), wholeFile(document.getText()));
  // A third document: both rules' findings in the first two documents change.
  document = TextDocument.update(document, [{ range: { start: document.positionAt(document.getText().length), end: document.positionAt(document.getText().length) }, text: `---\n${doc('c')}` }], 2);
  const after = run(kubernetesService.parse(document));
  assert.deepEqual(after, wholeFile(document.getText()));
  assert.ok(after.includes('0 test-reads-file-second: 3 objects'), after.join('\n'));
});

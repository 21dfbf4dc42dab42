import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { largeManifest } from '../../../bench/inputs';
import { parseManifestFile, type ManifestFile } from '../../../server/src/kubernetes/model';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { snippetCompletions } from '../../../server/src/kubernetes/snippets';
import { corpusAvailable, corpusEntries, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom } from '../seededRandom';
import { manifestEditSite, type Edit } from './manifestEdits';

/**
 * Differential test of completion on an edited manifest. Completion reads the cursor's line and its
 * neighbours instead of splitting the whole text per request, and keeps per parsed version what
 * every request would otherwise work out again (the documents that are not Kubernetes objects, the
 * labels and images of the file, the analysed lines). After each seeded random edit, on the
 * incremental parse the server holds, completion must answer what it answers on a parse from
 * scratch, and the snippet placement must be the one worked out from the split lines as before.
 */

const separator = /^(?:---|\.\.\.)(?:\s|$)/;
const meaningful = (line: string) => line.trim() !== '' && !/^\s*#/.test(line) && !/^%/.test(line);

/** Where a whole-manifest snippet goes, worked out over `split(/\r?\n/)` of the whole text (the former way). */
function placementFromSplit(file: ManifestFile, position: Position): 'document' | 'append' | undefined {
  const lines = file.document.getText().split(/\r?\n/);
  const line = lines[position.line];
  if (line === undefined) return undefined;
  const before = line.slice(0, position.character);
  if (!/^[A-Za-z0-9-]*$/.test(before) || line.slice(position.character).trim() !== '' || separator.test(line)) return undefined;
  let above = false;
  for (let i = position.line - 1; i >= 0 && !separator.test(lines[i]!); i--) if (meaningful(lines[i]!)) { above = true; break; }
  let below = false;
  for (let i = position.line + 1; i < lines.length && !separator.test(lines[i]!); i++) if (meaningful(lines[i]!)) { below = true; break; }
  const othersAreKubernetes = file.documents.every((doc) => {
    if (doc.apiVersion !== undefined || doc.kind !== undefined) return true;
    const contents = doc.yaml.contents;
    if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) return true;
    if (isScalar(contents) && contents.range) {
      return file.document.positionAt(contents.range[0]).line === position.line && file.document.positionAt(contents.range[1]).line === position.line;
    }
    return false;
  });
  if (!othersAreKubernetes) return undefined;
  if (!above && !below) return 'document';
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) if (meaningful(lines[i]!)) { last = i; break; }
  if (above && !below && file.isKubernetes && position.line >= last) return 'append';
  return undefined;
}

const typed = ['\n', 'depl', 'x', ': ', '  ', '- ', '# note\n', '---\n', '\r\n', '\r', 'name: a\n', 'kind: Service\n', 'image: ', '  labels:\n    '];

function randomEdit(text: string, next: () => number): Edit {
  const { pick, at, lineStart, docs, doc } = manifestEditSite(text, next);
  switch (Math.floor(next() * 6)) {
    case 0:
    case 1:
      return { start: lineStart, end: lineStart, text: pick(typed) };
    case 2:
      return { start: at, end: at, text: pick(typed) };
    case 3:
      return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 6)), text: '' };
    case 4:
      return { start: text.length, end: text.length, text: pick(['\n', 'de', '---\n', 'x: 1\n']) };
    default:
      return { start: docs[doc]!, end: docs[doc + 1]!, text: '' };
  }
}

/** Line starts, line ends, the column after a `: `, and a few random columns. */
function positionsIn(document: TextDocument, next: () => number): Position[] {
  const out: Position[] = [];
  const text = document.getText();
  for (let line = 0; line < document.lineCount; line++) {
    const start = document.offsetAt({ line, character: 0 });
    const end = line + 1 < document.lineCount ? document.offsetAt({ line: line + 1, character: 0 }) : text.length;
    const lineText = text.slice(start, end).replace(/\r?\n$|\r$/, '');
    out.push({ line, character: 0 }, { line, character: lineText.length });
    const colon = lineText.indexOf(': ');
    if (colon >= 0) out.push({ line, character: colon + 2 });
    if (next() < 0.3) out.push({ line, character: Math.floor(next() * (lineText.length + 1)) });
  }
  return out;
}

const ctx = contextFor('en');

function checkEdits(name: string, text: string, seed: number, steps: number): number {
  const next = seededRandom(seed);
  let document = TextDocument.create(`file:///edited/${seed}/${name}`, 'yaml', 1, text);
  let compared = 0;
  for (let step = 0; step <= steps; step++) {
    if (step > 0) {
      const edit = randomEdit(document.getText(), next);
      document = TextDocument.update(document, [{ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text }], document.version + 1);
    }
    const model = kubernetesService.parse(document);
    const scratch = parseManifestFile(TextDocument.create(`file:///scratch/${seed}/${step}/${name}`, 'yaml', 1, document.getText()));
    for (const position of positionsIn(document, next)) {
      const label = `${name} (seed ${seed}) step ${step} at ${position.line}:${position.character}`;
      // Twice on the held model (the second answer comes from its kept per-version facts), once on the scratch parse.
      const first = kubernetesService.complete!(model, position, ctx);
      const again = kubernetesService.complete!(model, position, ctx);
      assert.deepEqual(again, first, `${label}: repeated request`);
      assert.deepEqual(first, kubernetesService.complete!(scratch, position, ctx), `${label}: incremental parse vs scratch`);
      const snippets = snippetCompletions(model, position, ctx);
      const expected = placementFromSplit(scratch, position);
      assert.equal(snippets.length > 0, expected !== undefined, `${label}: snippets offered`);
      if (expected) assert.equal(snippets[0]!.sortText!.startsWith('~'), expected === 'append', `${label}: placement`);
      compared++;
    }
  }
  return compared;
}

const small = [
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\n',
  'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: s\r\n---\r\n\r\n',
  // A CR standing alone breaks a line for the editor, not for a split on \r?\n: line numbers differ below it.
  '# head\rnote\napiVersion: v1\nkind: Pod\n---\n\n\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a\rb"\n---\n\n\n',
  'name: ci\non: push\n---\n\n',
  '# only a comment\n\n',
  '',
];

test('completion on edited small manifests (CRLF, lone CR, non-Kubernetes YAML) equals a scratch parse and the split-line placement', () => {
  let compared = 0;
  small.forEach((text, i) => { for (const seed of [1, 2, 3]) compared += checkEdits(`small-${i}.yaml`, text, seed * 100 + i, 25); });
  assert.ok(compared > 1000, `${compared} positions compared`);
});

test('completion on edited corpus manifests equals a scratch parse and the split-line placement', { skip: !corpusAvailable && 'shared corpus not found' }, () => {
  const entries = corpusEntries().filter((e) => e.kind === 'yaml' && e.area === 'k8s');
  assert.ok(entries.length > 20);
  const next = seededRandom(19);
  let compared = 0;
  for (let i = 0; i < 12; i++) {
    const entry = entries[Math.floor(next() * entries.length)]!;
    const text = readCorpusFile(entry);
    if (text.length > 20_000) continue;
    compared += checkEdits(entry.path, text, 1900 + i, 6);
  }
  assert.ok(compared > 500, `${compared} positions compared`);
});

test('a large generated manifest: the positions of the bench, after edits, answer as a scratch parse', () => {
  const text = largeManifest(40);
  assert.ok(checkEdits('large.yaml', text, 77, 4) > 2000);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { packWalkResults, transferablesOf, unpackWalkResult } from '../../../server/src/lsp/walkResultsWire';
import { walkResultOf, type WalkResult } from '../../../server/src/lsp/walkSummaries';
import { seededRandom } from '../seededRandom';
import { yamlAndJsonFilesUnder } from '../../corpus/corpus';

/**
 * The index worker's answers cross to the main thread packed (server/src/lsp/walkResultsWire.ts):
 * byte arrays, each file's summary unpacked when the walk adds it, its URIs put back from the
 * walk's own string. What comes out must be exactly what a posted object was (a structured clone:
 * `undefined` fields kept), over corpus manifests and seeded edits of them, in chunks of any size.
 */

const corpus = resolve(__dirname, '../../../../shared/corpus');

/** A seeded edit of a manifest: a line dropped, doubled, re-indented, or a character typed into it. */
function edited(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const choice = random();
  if (choice < 0.25) lines.splice(at, 1);
  else if (choice < 0.5) lines.splice(at, 0, lines[at] ?? '');
  else if (choice < 0.75) lines[at] = ` ${lines[at] ?? ''}`;
  else {
    const line = lines[at] ?? '';
    const column = Math.floor(random() * (line.length + 1));
    lines[at] = `${line.slice(0, column)}${'x:-{["'[Math.floor(random() * 7)]}${line.slice(column)}`;
  }
  return lines.join('\n');
}

interface Case { path: string; uri: string; text: string | undefined }

function cases(): Case[] {
  const files = yamlAndJsonFilesUnder(corpus);
  assert.ok(files.length > 300, `the corpus has manifests (${files.length} under ${corpus})`);
  const random = seededRandom(19);
  const all: Case[] = [];
  for (const path of files) {
    const uri = pathToFileURL(path).toString();
    const text = readFileSync(path, 'utf8');
    all.push({ path, uri, text });
    // Every third file once more, edited (a different URI: the walk sends each file once).
    if (all.length % 3 === 0) all.push({ path, uri: `${uri}.edited.yaml`, text: edited(text, random) });
  }
  // Files the worker could not read: no text at all.
  all.push({ path: join(corpus, 'no-such-file.yaml'), uri: pathToFileURL(join(corpus, 'no-such-file.yaml')).toString(), text: undefined });
  return all;
}

test('packed results, sent across and unpacked file by file, are the results a posted object gives', () => {
  const all = cases();
  const random = seededRandom(7);
  const states = new Map<string, number>();
  let start = 0;
  while (start < all.length) {
    const size = 1 + Math.floor(random() * 90);
    const chunk = all.slice(start, start + size);
    start += size;
    const results: WalkResult[] = chunk.map((file) => walkResultOf({ path: file.path, uri: file.uri }, file.text));
    const posted = structuredClone(results);
    const packed = packWalkResults(results);
    // Packing leaves the worker's results as they were (their URIs are blanked only while packing).
    assert.deepEqual(results, posted);
    const received = structuredClone(packed, { transfer: transferablesOf(packed) });
    assert.equal(packed.bytes.byteLength, 0, 'the buffers were transferred, not copied');
    chunk.forEach((_, k) => {
      // Unpacked out of order too: each file's summary stands alone in the buffer.
      const j = chunk.length - 1 - k;
      const unpacked = unpackWalkResult(received, j, chunk[j].uri);
      assert.deepEqual(unpacked, posted[j], chunk[j].uri);
      const state = unpacked.state === 'parsed' && unpacked.summary ? 'summary' : unpacked.state;
      states.set(state, (states.get(state) ?? 0) + 1);
    });
  }
  // Every kind of answer went through: summaries, parsed files with nothing to keep, skipped, unread.
  assert.ok((states.get('summary') ?? 0) > 300, JSON.stringify([...states]));
  for (const state of ['parsed', 'skipped', 'unread']) assert.ok((states.get(state) ?? 0) > 0, `${state}: ${JSON.stringify([...states])}`);
});

test('an index fed unpacked summaries answers as one fed the posted ones', () => {
  const all = cases();
  const limits = { maxFiles: 100_000, maxObjectsPerFile: 500 };
  const viaPosted = new WorkspaceIndex(limits);
  const viaPacked = new WorkspaceIndex(limits);
  for (let start = 0; start < all.length; start += 64) {
    const chunk = all.slice(start, start + 64);
    const results = chunk.map((file) => walkResultOf({ path: file.path, uri: file.uri }, file.text));
    const posted = structuredClone(results);
    const packed = packWalkResults(results);
    chunk.forEach((file, k) => {
      const before = posted[k];
      const after = unpackWalkResult(packed, k, file.uri);
      if (before.state === 'parsed' && before.summary) viaPosted.addSummarisedFile(file.uri, before.summary.objects, before.summary.crds, before.summary.uses);
      if (after.state === 'parsed' && after.summary) viaPacked.addSummarisedFile(file.uri, after.summary.objects, after.summary.crds, after.summary.uses);
    });
  }
  const uris = viaPosted.fileUris();
  assert.ok(uris.length > 300, `most files are indexed (${uris.length})`);
  assert.deepEqual(viaPacked.fileUris(), uris);
  assert.deepEqual(uris.map((uri) => viaPacked.objectsIn(uri)), uris.map((uri) => viaPosted.objectsIn(uri)));
  for (const kind of ['Deployment', 'Service', 'ConfigMap', 'Secret', 'StatefulSet', 'Ingress']) assert.deepEqual(viaPacked.ofKind(kind), viaPosted.ofKind(kind), kind);
  assert.deepEqual(viaPacked.customResourceDefinitions(), viaPosted.customResourceDefinitions());
  assert.deepEqual(viaPacked.knownImages(), viaPosted.knownImages());
});

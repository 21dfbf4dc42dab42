import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { visit } from 'yaml';
import { parseManifestIncremental, splitDocuments } from '../../../server/src/kubernetes/incrementalParse';
import { parseManifestFile, type ManifestFile } from '../../../server/src/kubernetes/model';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { contextFor } from '../helpers';
import { goodManifest } from './k8sTestKit';

/** What features read from a parse: documents, kinds, offsets of every node and error. */
function shape(file: ManifestFile): unknown {
  return file.documents.map((d) => {
    const ranges: string[] = [];
    visit(d.yaml, { Node(_key, node) { ranges.push(String(node.range)); } });
    return { index: d.index, kind: d.kind, apiVersion: d.apiVersion, start: d.start, end: d.end, errors: d.yaml.errors.map((e) => [e.code, ...e.pos]), ranges };
  });
}

const big = `# leading comment\n${Array.from({ length: 12 }, (_, i) => goodManifest.replaceAll('web', `web${i}`)).join('---\n')}---\nkind: broken: [\n`;

test('splitting keeps leading comments with the first document', () => {
  assert.deepEqual(splitDocuments('# c\n---\na: 1\n---\nb: 2\n').map((p) => p.start), [0, 13]);
  assert.deepEqual(splitDocuments('a: 1\n--- # x\nb: 2\n---\n').map((p) => p.start), [0, 5, 18]);
});

test('an incremental parse matches a whole-file parse, before and after edits', () => {
  const uri = 'file:///inc/a.yaml';
  let text = big;
  assert.deepEqual(shape(parseManifestIncremental(TextDocument.create(uri, 'yaml', 1, text))), shape(parseManifestFile(TextDocument.create(uri, 'yaml', 1, text))));
  const edits: [string, string][] = [['replicas: 1', 'replicas: 12345'], ['name: web3\n', 'name: web3-renamed\n'], ['app: web7', 'app: [oops'], ['app: [oops', 'app: web7'], ['---\n', '']];
  let version = 2;
  for (const [from, to] of edits) {
    text = text.replace(from, to);
    const incremental = parseManifestIncremental(TextDocument.create(uri, 'yaml', version, text));
    assert.deepEqual(shape(incremental), shape(parseManifestFile(TextDocument.create(uri, 'yaml', version, text))), `after replacing ${from}`);
    version++;
  }
});

test('the service parses incrementally and diagnostics stay right after edits', () => {
  const uri = 'file:///inc/b.yaml';
  const first = kubernetesService.parse(TextDocument.create(uri, 'yaml', 1, goodManifest));
  assert.deepEqual(kubernetesService.diagnose!(first, contextFor()), []);
  const edited = goodManifest.replace('\nspec:\n  selector:\n    app: web', '\n\n\nspec:\n  selector:\n    app: none');
  const second = kubernetesService.parse(TextDocument.create(uri, 'yaml', 2, edited));
  const found = kubernetesService.diagnose!(second, contextFor()).find((d) => d.code === 'service-selects-nothing');
  // The Service's `selector:` moved down two lines: the range follows.
  assert.equal(found?.range.start.line, edited.split('\n').lastIndexOf('  selector:'));
});

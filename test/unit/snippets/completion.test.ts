// Kubernetes snippets are offered by the server only where a new manifest can start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsertTextFormat, type CompletionItem, type Position, type TextEdit } from 'vscode-languageserver-types';
import { snippetCompletions } from '../../../server/src/kubernetes/snippets';
import { contextFor, manifest } from '../helpers';
import { loadSnippets } from './snippetFile';

const snippetCount = loadSnippets('snippets/kubernetes.json').length;

/** Completions at the `|` in `text`. */
function at(textWithCursor: string, lang: 'en' | 'zh-cn' = 'en'): { items: CompletionItem[]; text: string; position: Position } {
  const offset = textWithCursor.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const lines = text.slice(0, offset).split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return { items: snippetCompletions(manifest(text), position, contextFor(lang)), text, position };
}

function item(items: CompletionItem[], name: string): CompletionItem {
  const found = items.find((i) => i.labelDetails?.description === name);
  assert.ok(found, `no item for ${name} among ${items.map((i) => i.labelDetails?.description).join(', ')}`);
  return found;
}

describe('kubernetes snippet completions: where they are offered', () => {
  it('in an empty file, one snippet item per snippet', () => {
    const { items } = at('|');
    assert.equal(items.length, snippetCount);
    assert.ok(items.every((i) => i.insertTextFormat === InsertTextFormat.Snippet));
  });

  it('in a file with only comments, and while typing a prefix', () => {
    assert.equal(at('# my manifests\n\ndepl|').items.length, snippetCount);
  });

  it('in an empty document after ---, and between two documents', () => {
    const deployment = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
    assert.equal(at(`${deployment}---\n|`).items.length, snippetCount);
    assert.equal(at(`${deployment}---\n\n|\n\n---\n${deployment}`).items.length, snippetCount);
  });

  it('not inside a mapping, not indented, not after other text on the line', () => {
    assert.deepEqual(at('apiVersion: v1\nkind: Service\nspec:\n  |').items, []);
    assert.deepEqual(at('apiVersion: v1\nkind: Service\nspec:\n  sel|').items, []);
    assert.deepEqual(at('kind: |').items, []);
    assert.deepEqual(at('|\napiVersion: v1\nkind: ConfigMap').items, []);
    assert.deepEqual(at('dep|loyment: x').items, []);
    assert.deepEqual(at('--|-').items, []);
  });

  it('at the end of a Kubernetes file the item also inserts the --- separator', () => {
    const { items } = at('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nsvc|');
    const service = item(items, 'Service (ClusterIP)');
    assert.ok((service.textEdit as TextEdit).newText.startsWith('---\napiVersion: v1\nkind: Service\n'));
    assert.ok(service.sortText!.startsWith('~'), 'after the field completions');
  });

  it('not at the end of a YAML file that is not Kubernetes (compose, CI)', () => {
    assert.deepEqual(at('services:\n  web:\n    image: nginx:1.27.3\n|').items, []);
  });

  it('not after --- in a file whose documents are not Kubernetes objects (a workflow, Helm values)', () => {
    const workflow = 'name: ci\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
    assert.deepEqual(at(`${workflow}---\n|`).items, []);
    assert.deepEqual(at(`${workflow}---\ndeploy|`).items, []);
    assert.deepEqual(at(`---\ndeploy|\n---\n${workflow}`).items, [], 'a workflow below the cursor counts too');
    assert.deepEqual(at('replicaCount: 2\nimage:\n  repository: nginx\n---\n|').items, [], 'Helm values with content');
    assert.deepEqual(at('- one\n- two\n---\n|').items, [], 'a document that is a list');
  });

  it('after --- when every other document is a Kubernetes object, or one being written', () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
    assert.equal(at(`${configMap}---\ndeploy|`).items.length, snippetCount);
    assert.equal(at(`${configMap}---\nkind: Service\n---\n|`).items.length, snippetCount, 'a document with only kind so far');
    assert.equal(at('# just a comment\n---\n|').items.length, snippetCount, 'comments are not content');
    assert.equal(at(`${configMap}---\n|\n---\nname: ci\non: push\n`).items.length, 0, 'one non-Kubernetes document is enough to stay quiet');
  });
});

describe('kubernetes snippet completions: the items', () => {
  it('replace the typed word with the snippet body', () => {
    const { items } = at('---\ndeploy|');
    const deployment = item(items, 'Deployment');
    const edit = deployment.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
    assert.ok(edit.newText.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${1:my-app}'));
  });

  it('label and filter text are the prefix that matches what was typed', () => {
    const typedSvc = item(at('svc|').items, 'Service (ClusterIP)');
    assert.equal(typedSvc.label, 'svc');
    assert.equal(typedSvc.filterText, 'svc');
    assert.equal(item(at('k8s-dep|').items, 'Deployment').label, 'k8s-deployment');
    assert.equal(item(at('|').items, 'DaemonSet').label, 'daemonset');
  });

  it('describe themselves in the user\'s language and preview the expanded text', () => {
    const en = item(at('|').items, 'Deployment with Service');
    const zh = item(at('|', 'zh-cn').items, 'Deployment with Service');
    assert.equal(en.detail, 'Deployment with Service');
    assert.equal(zh.detail, '带 Service 的 Deployment');
    const preview = (en.documentation as { value: string }).value;
    assert.match(preview, /^```yaml\napiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  name: my-app\n/);
    assert.doesNotMatch(preview, /\$\{?\d/, 'no snippet syntax left in the preview');
  });
});

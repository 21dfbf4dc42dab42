import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { composeImageUses } from '../../../server/src/common/imageEvidence';
import { imageGraphOf } from '../../../server/src/common/imageGraph';
import { dockerfileReferences } from '../../../server/src/dockerfile/navigation';
import { contextFor, dockerfile } from '../helpers';
import { diagnose } from '../kubernetes/k8sTestKit';
import { composeFor, deployment, workspaceOf } from '../kubernetes/imageEdgesKit';

/**
 * The image graph's `image:` places (manifests' containers through the workspace index, Compose
 * services through the feed): references from a Dockerfile to what runs its image, and tags
 * compared across Kubernetes and Compose files.
 */

const dockerfileText = 'FROM golang:1.22 AS build\nRUN go build\n\nFROM alpine:3.20\nCOPY --from=build /app /app\n';

test('Compose image: values with their ranges; variables and services without image skipped by the graph', () => {
  const text = 'services:\n  web:\n    build: ./web\n    image: acme/web:1.0\n  db:\n    image: "postgres:16"\n  worker:\n    build: ./w\n';
  assert.deepEqual(composeImageUses(text), [
    { image: 'acme/web:1.0', range: { start: { line: 3, character: 11 }, end: { line: 3, character: 23 } } },
    { image: 'postgres:16', range: { start: { line: 5, character: 11 }, end: { line: 5, character: 24 } } },
  ]);
  assert.deepEqual(composeImageUses('not: [compose'), []);
});

test('references on the final FROM line (or the first line) list the image: places the graph links to the Dockerfile', () => {
  const files = {
    'web/Dockerfile': dockerfileText,
    'compose.yaml': composeFor(),
    'app.yaml': deployment(),
    'other.yaml': deployment({ image: 'acme/other:1.0' }),
  };
  const workspace = workspaceOf(files);
  const ctx = { ...contextFor('en'), workspace };
  const model = dockerfile(dockerfileText, 'file:///w/web/Dockerfile');
  const appLine = files['app.yaml'].split('\n').findIndex((line) => line.includes('image:'));
  const expected = [
    { uri: 'file:///w/compose.yaml', range: { start: { line: 3, character: 11 }, end: { line: 3, character: 23 } } },
    { uri: 'file:///w/app.yaml', range: { start: { line: appLine, character: 17 }, end: { line: appLine, character: 29 } } },
  ];
  const sort = (list: { uri: string }[]) => [...list].sort((a, b) => a.uri.localeCompare(b.uri));
  assert.deepEqual(sort(dockerfileReferences(model, { line: 3, character: 8 }, true, ctx)), sort(expected));
  assert.equal(dockerfileReferences(model, { line: 0, character: 2 }, false, ctx).filter((l) => l.uri !== model.document.uri).length, 2, 'first line too');
  assert.deepEqual(dockerfileReferences(model, { line: 4, character: 2 }, true, ctx), [], 'another line: nothing of the graph');
  // A stage name on the first line keeps its own references, with the runners after them.
  const onStage = dockerfileReferences(model, { line: 0, character: 22 }, true, ctx);
  assert.deepEqual(onStage.filter((l) => l.uri === model.document.uri).map((l) => l.range.start.line), [0, 4]);
  // Without a stated link (a folder-name guess only) nothing is listed.
  const guess = workspaceOf({ 'web/Dockerfile': dockerfileText, 'app.yaml': deployment() });
  assert.deepEqual(dockerfileReferences(model, { line: 3, character: 8 }, true, { ...contextFor('en'), workspace: guess }), []);
});

test('the graph forgets a manifest\'s image: places when it is removed or no longer names the image', () => {
  const files = { 'web/Dockerfile': dockerfileText, 'compose.yaml': composeFor(), 'app.yaml': deployment() };
  const workspace = workspaceOf(files);
  const graph = imageGraphOf(workspace)!;
  assert.equal(graph.usesOf('file:///w/web/Dockerfile').length, 2);
  workspace.updateText('file:///w/app.yaml', deployment({ image: 'nginx:1.27' }));
  assert.deepEqual(graph.usesOf('file:///w/web/Dockerfile').map((l) => l.uri), ['file:///w/compose.yaml']);
  workspace.updateText('file:///w/app.yaml', deployment());
  workspace.remove('file:///w/app.yaml');
  assert.deepEqual(graph.usesOf('file:///w/web/Dockerfile').map((l) => l.uri), ['file:///w/compose.yaml']);
  // A Compose file is no manifest: the index dropping it leaves the places the feed gave.
  workspace.remove('file:///w/compose.yaml');
  assert.equal(graph.usesOf('file:///w/web/Dockerfile').length, 1);
});

const tagFindings = (files: Record<string, string>): Diagnostic[] =>
  diagnose(files['app.yaml'], { workspace: workspaceOf(files), uri: 'file:///w/app.yaml' }).filter((d) => d.code === 'image-tag-differs-in-workspace');

test('image-tag-differs-in-workspace counts Compose image: values too', () => {
  const skaffold = 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: acme/web\n      context: web\n';
  const base = { 'web/Dockerfile': dockerfileText, 'skaffold.yaml': skaffold, 'app.yaml': deployment() };
  const found = tagFindings({ ...base, 'compose.yaml': 'services:\n  web:\n    image: acme/web:2.0\n' });
  assert.equal(found.length, 1);
  assert.match(String(found[0].message), /Compose files.*‘2\.0’.*not ‘1\.0’/);
  assert.deepEqual(tagFindings({ ...base, 'compose.yaml': 'services:\n  web:\n    image: acme/web:1.0\n' }), [], 'the same tag');
  assert.deepEqual(tagFindings({ ...base, 'compose.yaml': 'services:\n  web:\n    image: acme/api:2.0\n' }), [], 'another image');
});

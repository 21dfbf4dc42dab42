import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImageGraph } from '../../../server/src/common/imageGraph';
import { imageFactsOf } from '../../../server/src/dockerfile/imageFacts';
import { dockerfile } from '../helpers';

const factsAt = (uri: string) => imageFactsOf(dockerfile('FROM alpine\nUSER 1000\n', uri))!;

test('the folder-name guess follows Dockerfiles as they come and go (the by-folder table is rebuilt)', () => {
  const graph = new ImageGraph();
  const first = 'file:///w/services/api/Dockerfile';
  const second = 'file:///w/legacy/API/Dockerfile';
  assert.equal(graph.edgeFor('registry.example.com/team/api:1'), undefined, 'no Dockerfile yet');
  graph.setDockerfile(first, factsAt(first));
  assert.equal(graph.edgeFor('registry.example.com/team/api:1')?.dockerfileUri, first);
  // A second folder of the same name (case aside) makes the guess ambiguous: no edge.
  graph.setDockerfile(second, factsAt(second));
  assert.equal(graph.edgeFor('registry.example.com/team/api:1'), undefined);
  // Re-setting an existing Dockerfile keeps both in the table.
  graph.setDockerfile(first, factsAt(first));
  assert.equal(graph.edgeFor('api'), undefined);
  assert.equal(graph.remove(first), true);
  assert.equal(graph.edgeFor('api')?.dockerfileUri, second, 'removed: the other one is the guess');
  assert.equal(graph.setDockerfile(second, undefined), true, 'a Dockerfile without a stage leaves the graph');
  assert.equal(graph.edgeFor('api'), undefined);
  graph.setDockerfile(first, factsAt(first));
  graph.removeUnder('file:///w/services');
  assert.equal(graph.edgeFor('api'), undefined, 'a deleted folder takes its Dockerfile out of the guess');
});

test('Dockerfiles set lazily answer as if set with their facts; the read runs only when a question needs it', () => {
  const api = 'file:///w/api/Dockerfile';
  const empty = 'file:///w/worker/Dockerfile';
  const other = 'file:///w/web/Dockerfile';
  const reads: string[] = [];
  const lazily = (uri: string, facts: () => ReturnType<typeof factsAt> | undefined) => () => { reads.push(uri); return facts(); };
  const eager = new ImageGraph();
  eager.setDockerfile(api, factsAt(api));
  eager.setDockerfile(other, factsAt(other));
  const lazy = new ImageGraph();
  lazy.setDockerfileLazily(api, lazily(api, () => factsAt(api)));
  lazy.setDockerfileLazily(empty, lazily(empty, () => undefined));
  lazy.setDockerfileLazily(other, lazily(other, () => { throw new Error('unreadable'); }));
  assert.deepEqual(reads, [], 'nothing read yet');
  assert.deepEqual(lazy.edgeFor('acme/api:1'), eager.edgeFor('acme/api:1'));
  assert.deepEqual(reads, [api], 'only the Dockerfile the question needed');
  assert.equal(lazy.edgeFor('acme/worker'), undefined, 'no stage: not in the graph');
  assert.equal(lazy.isKnownDockerfile(other), false, 'a failed read leaves it out');
  assert.equal(lazy.dockerfileCount, 1);
  // The cap counts only Dockerfiles with facts: entries without any make room when it is reached.
  const capped = new ImageGraph(2);
  capped.setDockerfileLazily(empty, () => undefined);
  capped.setDockerfileLazily(api, () => factsAt(api));
  capped.setDockerfileLazily(other, () => factsAt(other));
  assert.equal(capped.dockerfileCount, 2);
  assert.ok(capped.isKnownDockerfile(other));
});

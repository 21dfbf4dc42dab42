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

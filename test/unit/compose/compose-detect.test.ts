import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { looksLikeCompose } from '../../../server/src/common/composeShape';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { contextFor, manifest } from '../helpers';

// A YAML file that is a Compose file under another name (a Swarm stack.yml): the language status
// says so and offers to switch the document to dockercompose (client/src/languageStatus.ts).

const stack = 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: 2\n  api:\n    build: ./api\n';

describe('Compose-shaped YAML', () => {
  it('is recognised from services with an image or a build', () => {
    assert.equal(looksLikeCompose(parseDocument(stack)), true);
    assert.equal(looksLikeCompose(parseDocument('services:\n  api:\n    build:\n      context: .\n')), true);
  });

  it('is not: services without image or build, a list of services, other YAML, a manifest with a services field', () => {
    assert.equal(looksLikeCompose(parseDocument('services:\n  web:\n    ports: [80]\n')), false);
    assert.equal(looksLikeCompose(parseDocument('services:\n  - image: nginx\n')), false);
    assert.equal(looksLikeCompose(parseDocument('name: ci\non: push\njobs: {}\n')), false);
    assert.equal(looksLikeCompose(parseDocument('apiVersion: example.io/v1\nkind: App\nservices:\n  web:\n    image: nginx\n')), false);
  });

  it('gets a summary that says it looks like Compose and suggests the dockercompose language, in English and Chinese', () => {
    assert.deepEqual(kubernetesService.summary!(manifest(stack), contextFor('en')), {
      language: 'other',
      text: 'YAML · looks like a Compose file',
      detail: 'Its services have an image or a build. Treat it as a Compose file to get Compose checks, hover and completion.',
      suggestedLanguage: 'dockercompose',
    });
    assert.equal(kubernetesService.summary!(manifest(stack), contextFor('zh-cn')).text, 'YAML · 看起来是 Compose 文件');
  });

  it('other YAML keeps the plain summary, with no suggestion', () => {
    const summary = kubernetesService.summary!(manifest('name: ci\non: push\njobs: {}\n'), contextFor('en'));
    assert.equal(summary.text, 'YAML · no Kubernetes object');
    assert.equal(summary.suggestedLanguage, undefined);
  });
});

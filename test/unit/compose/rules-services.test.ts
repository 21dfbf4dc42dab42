import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksLikeCredential } from '../../../server/src/compose/rules/secrets';
import { mutableTag } from '../../../server/src/compose/rules/services';
import { contextFor, findings } from './composeKit';

const messages = (text: string, rule: string, lang: 'en' | 'zh-cn' = 'en') => findings(text, rule, contextFor(lang)).map((d) => String(d.message));

describe('compose-image-tag-mutable', () => {
  it('reports an image without a tag or with latest', () => {
    assert.match(messages('services:\n  web:\n    image: nginx\n', 'compose-image-tag-mutable')[0]!, /has no tag/);
    assert.match(messages('services:\n  web:\n    image: nginx:latest\n', 'compose-image-tag-mutable')[0]!, /‘latest’/);
    assert.match(messages('services:\n  web:\n    image: localhost:5000/app\n', 'compose-image-tag-mutable', 'zh-cn')[0]!, /没有标签/);
  });

  it('leaves pinned images, digests, built images and variables alone', () => {
    for (const image of ['nginx:1.27', 'registry:5000/team/app:2.0', 'nginx@sha256:0123abcd', '${IMAGE}', 'app:${TAG:-1.0}']) {
      assert.deepEqual(findings(`services:\n  web:\n    image: "${image}"\n`, 'compose-image-tag-mutable'), [], image);
    }
    assert.deepEqual(findings('services:\n  web:\n    build: .\n    image: shop/web\n', 'compose-image-tag-mutable'), []);
    assert.equal(mutableTag('localhost:5000/app'), 'none');
  });
});

describe('compose-secret-in-environment', () => {
  it('reports credentials written in plain text, map and list forms', () => {
    const text = 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: hunter2\n  api:\n    image: api:1\n    environment:\n      - API_KEY=abc123def\n      - authToken=xyz\n';
    assert.equal(findings(text, 'compose-secret-in-environment').length, 3);
    assert.match(messages(text, 'compose-secret-in-environment')[0]!, /‘POSTGRES_PASSWORD’ of ‘db’ looks like a credential/);
  });

  it('leaves files, variables, users, flags and empty values alone', () => {
    const text = 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_USER: app\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      TOKEN_TTL: 3600\n      SECRET:\n      - PASSWORD\n';
    assert.deepEqual(findings(text, 'compose-secret-in-environment'), []);
    assert.ok(looksLikeCredential('DB_PASSWORD') && looksLikeCredential('apiKey') && looksLikeCredential('CLIENT_SECRET'));
    assert.ok(!looksLikeCredential('PASSWORD_FILE') && !looksLikeCredential('DB_USER') && !looksLikeCredential('CACHE_KEY'));
  });
});

describe('compose-container-name-scaled', () => {
  it('reports container_name with more than one replica', () => {
    assert.equal(findings('services:\n  web:\n    image: a:1\n    container_name: web\n    deploy:\n      replicas: 3\n', 'compose-container-name-scaled').length, 1);
    assert.match(messages('services:\n  web:\n    image: a:1\n    container_name: web\n    scale: 2\n', 'compose-container-name-scaled')[0]!, /asks for 2 replicas/);
  });

  it('stays quiet with one replica or no container_name', () => {
    assert.deepEqual(findings('services:\n  web:\n    image: a:1\n    container_name: web\n    deploy:\n      replicas: 1\n', 'compose-container-name-scaled'), []);
    assert.deepEqual(findings('services:\n  web:\n    image: a:1\n    deploy:\n      replicas: 3\n', 'compose-container-name-scaled'), []);
  });
});

describe('compose-host-port-conflict', () => {
  it('reports a host port published by two services, or twice by one', () => {
    const text = 'services:\n  a:\n    image: a:1\n    ports: ["8080:80"]\n  b:\n    image: b:1\n    ports:\n      - target: 81\n        published: 8080\n';
    assert.match(messages(text, 'compose-host-port-conflict')[0]!, /Host port 8080\/tcp is already published by ‘a’/);
    assert.equal(findings('services:\n  a:\n    image: a:1\n    ports: ["8000-8002:80-82", "8001:90"]\n', 'compose-host-port-conflict').length, 1);
  });

  it('tells protocols, addresses and exclusive profiles apart', () => {
    const text = 'services:\n  a:\n    image: a:1\n    ports: ["53:53/udp", "127.0.0.1:8080:80"]\n  b:\n    image: b:1\n    ports: ["53:53", "127.0.0.2:8080:80", "80"]\n  c:\n    image: c:1\n    profiles: [dev]\n    ports: ["9000:9000"]\n  d:\n    image: d:1\n    profiles: [prod]\n    ports: ["9000:9000"]\n';
    assert.deepEqual(findings(text, 'compose-host-port-conflict'), []);
  });
});

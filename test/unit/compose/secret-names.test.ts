import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialName, credentialValue } from '../../../server/src/common/secretNames';
import { looksLikeCredential } from '../../../server/src/compose/rules/secrets';
import { credentialName as kubernetesCredentialName } from '../../../server/src/kubernetes/rules/podSettings';
import { findings } from './composeKit';

// One credential heuristic for both languages (common/secretNames.ts): Compose adopts the one tuned on Kubernetes repositories.

const names = ['DB_PASSWORD', 'dbPass', 'API_KEY', 'authToken', 'MAX_INPUT_TOKENS', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'TOKEN_FILE', 'SECRET_VERSION', 'CACHE_KEY', 'DB_USER'];

describe('the shared credential heuristic', () => {
  it('answers the same in both languages', () => {
    for (const name of names) {
      assert.equal(looksLikeCredential(name), credentialName(name), name);
      assert.equal(kubernetesCredentialName(name), credentialName(name), name);
    }
    assert.deepEqual(names.filter(credentialName), ['DB_PASSWORD', 'dbPass', 'API_KEY', 'authToken']);
  });

  it('leaves settings alone as values', () => {
    assert.deepEqual(['true', '3', '/run/secrets/db', 'latest', '', 's3cr3t-value'].map(credentialValue), [false, false, false, false, false, true]);
  });

  it('makes compose-secret-in-environment report a short PASS name and skip a variable, a version and a path', () => {
    const text = 'services:\n  db:\n    image: postgres:17\n    environment:\n      DB_PASS: hunter2\n      DB_PASSWORD: ${DB_PASSWORD}\n      SECRET_VERSION: "7"\n      API_KEY: /run/secrets/api_key\n';
    const list = 'services:\n  db:\n    image: postgres:17\n    environment:\n      - DB_PASS=hunter2\n      - DB_PASSWORD=${DB_PASSWORD}\n      - SECRET_VERSION=latest\n';
    assert.deepEqual(findings(text, 'compose-secret-in-environment').map((d) => d.range.start.line), [4]);
    assert.deepEqual(findings(list, 'compose-secret-in-environment').map((d) => d.range.start.line), [4]);
  });
});

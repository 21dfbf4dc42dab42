import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  composeDependsOnCycle, composeDependsOnInactiveProfile, composeDependsOnSelf, composeUndeclaredConfig, composeUndeclaredNetwork,
  composeUndeclaredSecret, composeUndeclaredService, composeUndeclaredVolume,
} from '../../../server/src/compose/rules/references';
import { applyFix, covered, run } from './rulesKit';

test('undeclared network: reported on the name, with did-you-mean; default and declared ones are fine', () => {
  const text = 'services:\n  web:\n    image: nginx\n    networks: [frontend, backend, default]\nnetworks:\n  front-end: {}\n  backend:\n';
  const found = run(composeUndeclaredNetwork, text);
  assert.deepEqual(covered(text, found), ['frontend']);
  assert.match(found[0].message, /frontend.*front-end/);
  assert.equal(found[0].severity, 1);
  assert.deepEqual(run(composeUndeclaredNetwork, 'services:\n  web:\n    networks:\n      backend:\n        aliases: [x]\nnetworks:\n  backend:\n'), []);
});

test('undeclared network fix: added under the existing section, or a new section at the end', () => {
  const withSection = 'services:\n  web:\n    networks: [back]\nnetworks:\n  front: {}\nvolumes:\n  data:\n';
  const fixed = applyFix(withSection, run(composeUndeclaredNetwork, withSection)[0]);
  assert.equal(fixed, 'services:\n  web:\n    networks: [back]\nnetworks:\n  front: {}\n  back: {}\nvolumes:\n  data:\n');
  assert.deepEqual(run(composeUndeclaredNetwork, fixed), []);
  const without = 'services:\n  web:\n    networks: [back]';
  const added = applyFix(without, run(composeUndeclaredNetwork, without)[0]);
  assert.equal(added, 'services:\n  web:\n    networks: [back]\nnetworks:\n  back: {}\n');
  assert.deepEqual(run(composeUndeclaredNetwork, added), []);
});

test('undeclared volume: named volumes only, short and long syntax', () => {
  const text = 'services:\n  db:\n    volumes:\n      - data:/var/lib/postgresql/data\n      - ./init:/docker-entrypoint-initdb.d\n      - type: volume\n        source: logs\n        target: /logs\n      - type: bind\n        source: ./x\n        target: /x\n      - /tmp:/tmp\n';
  assert.deepEqual(covered(text, run(composeUndeclaredVolume, text)), ['data', 'logs']);
  const fixed = applyFix(text, run(composeUndeclaredVolume, text)[0]);
  assert.match(fixed, /\nvolumes:\n {2}data: \{\}\n$/);
  assert.deepEqual(run(composeUndeclaredVolume, `${text}volumes:\n  data:\n  logs:\n`), []);
});

test('undeclared configs and secrets, service and build secrets; no fix (they need a source)', () => {
  const text = 'services:\n  app:\n    build:\n      context: .\n      secrets: [npmrc]\n    configs: [app_config]\n    secrets:\n      - source: token\n        target: t\nsecrets:\n  npmrc:\n    file: ./npmrc\n';
  const secrets = run(composeUndeclaredSecret, text);
  assert.deepEqual(covered(text, secrets), ['token']);
  assert.equal(secrets[0].data, undefined);
  assert.deepEqual(covered(text, run(composeUndeclaredConfig, text)), ['app_config']);
});

test('declarations in the override file or an included file count (merged before checking)', () => {
  const base = 'include: [./shared/compose.yaml]\nservices:\n  web:\n    networks: [front, shared]\n    depends_on: [db, cache]\n';
  const files = {
    '/p/compose.override.yaml': 'networks:\n  front: {}\nservices:\n  db:\n    image: postgres\n',
    '/p/shared/compose.yaml': 'services:\n  cache:\n    image: redis\nnetworks:\n  shared: {}\n',
  };
  assert.deepEqual(run(composeUndeclaredNetwork, base, files), []);
  assert.deepEqual(run(composeUndeclaredService, base, files), []);
  const alone = base.replace('include: [./shared/compose.yaml]\n', '');
  assert.deepEqual(covered(alone, run(composeUndeclaredNetwork, alone)), ['front', 'shared'], 'alone, the file misses them');
  assert.deepEqual(run(composeUndeclaredNetwork, base), [], 'an include that cannot be read: nothing is known to be missing');
  // Checking the override: the reference sits in the base, so nothing is reported in the override.
  const override = 'services:\n  web:\n    networks: [extra]\n';
  assert.deepEqual(covered(override, run(composeUndeclaredNetwork, override, { '/p/compose.yaml': 'services:\n  web:\n    networks: [nope]\nnetworks:\n  extra:\n' }, '/p/compose.override.yaml')), []);
});

test('undeclared service in depends_on, links, extends, network_mode, volumes_from; required: false is allowed', () => {
  const text = [
    'services:',
    '  web:',
    '    depends_on:',
    '      dbb: {condition: service_started}',
    '      optional: {condition: service_started, required: false}',
    '    links: [cache:redis]',
    '    extends: {service: bse}',
    '    network_mode: service:vpn',
    '    volumes_from: [logs, container:abc]',
    '  db:',
    '    image: postgres',
    '  base:',
    '    image: x',
  ].join('\n');
  const found = run(composeUndeclaredService, text);
  assert.deepEqual(covered(text, found), ['dbb', 'cache', 'bse', 'vpn', 'logs']);
  assert.match(found[0].message, /Did you mean ‘db’/);
  assert.deepEqual(run(composeUndeclaredService, 'services:\n  web:\n    depends_on: [db]\n    extends:\n      file: other.yaml\n      service: anything\n  db:\n    image: x\n'), []);
});

test('depends_on itself and cycles', () => {
  const self = 'services:\n  web:\n    depends_on: [web]\n';
  assert.deepEqual(covered(self, run(composeDependsOnSelf, self)), ['web']);
  const cycle = 'services:\n  a:\n    depends_on: [b]\n  b:\n    depends_on:\n      c:\n        condition: service_started\n  c:\n    depends_on: [a]\n  d:\n    depends_on: [a]\n';
  const found = run(composeDependsOnCycle, cycle);
  assert.equal(found.length, 3, 'each edge of the cycle, not the edge into it');
  assert.match(found[0].message, /‘a’ → ‘b’ → ‘c’ → ‘a’/);
  assert.deepEqual(run(composeDependsOnCycle, 'services:\n  a:\n    depends_on: [b]\n  b:\n    image: x\n'), []);
});

test('a cycle closed by the override file is found in both files', () => {
  const base = 'services:\n  a:\n    depends_on: [b]\n  b:\n    image: x\n';
  const override = 'services:\n  b:\n    depends_on: [a]\n';
  assert.equal(run(composeDependsOnCycle, base, { '/p/compose.override.yaml': override }).length, 1);
  assert.equal(run(composeDependsOnCycle, override, { '/p/compose.yaml': base }, '/p/compose.override.yaml').length, 1);
});

test('profiles: a dependency that may be switched off', () => {
  const text = 'services:\n  web:\n    depends_on: [db, tools]\n  db:\n    profiles: [db]\n  tools:\n    image: x\n  debug:\n    profiles: [debug]\n    depends_on: [db]\n  test:\n    profiles: [db]\n    depends_on: [db]\n';
  const found = run(composeDependsOnInactiveProfile, text);
  assert.equal(found.length, 2);
  assert.match(found[0].message, /always runs/);
  assert.match(found[1].message, /‘debug’/);
  assert.deepEqual(run(composeDependsOnInactiveProfile, 'services:\n  web:\n    depends_on:\n      db:\n        condition: service_started\n        required: false\n  db:\n    profiles: [db]\n'), []);
});

test('messages in Chinese', () => {
  const text = 'services:\n  web:\n    networks: [x]\n';
  assert.match(run(composeUndeclaredNetwork, text, {}, '/p/compose.yaml', 'zh-cn')[0].message, /没有在顶层/);
});

test('variables are not names: ${NET} is not reported', () => {
  assert.deepEqual(run(composeUndeclaredNetwork, 'services:\n  web:\n    networks: ["${NET}"]\n'), []);
  assert.deepEqual(run(composeUndeclaredService, 'services:\n  web:\n    depends_on: ["${DEP:-db}"]\n'), []);
});

test('every cross-reference rule has an id, a title and docs in both languages', async () => {
  const modules = [
    await import('../../../server/src/compose/rules/references'),
    await import('../../../server/src/compose/rules/referencesFiles'),
    await import('../../../server/src/compose/rules/referencesVariables'),
  ];
  const rules = modules.flatMap((m) => Object.values(m) as unknown[]).filter((value): value is { meta: import('../../../server/src/common/rules').RuleMeta } => typeof value === 'object' && value !== null && 'meta' in value);
  assert.equal(rules.length, 16);
  for (const { meta } of rules) {
    assert.match(meta.id, /^compose-[a-z-]+$/);
    for (const text of [meta.title, meta.docs]) {
      assert.ok(text.en.length > 10 && text.zh.length > 4, meta.id);
      assert.match(text.zh, /[\u4e00-\u9fff]/, `${meta.id}: Chinese text`);
      assert.notEqual(text.en, text.zh);
    }
  }
});

test('an include that cannot be read (remote, missing, unset variable) makes no name "undeclared"', () => {
  for (const include of ['git@github.com:org/shared.git', './missing.yaml', '${SHARED}/compose.yaml', 'oci://registry/app:1']) {
    const text = `include:\n  - ${include}\nservices:\n  web:\n    networks: [shared]\n    depends_on: [cache]\n`;
    assert.deepEqual(run(composeUndeclaredNetwork, text), [], include);
    assert.deepEqual(run(composeUndeclaredService, text), [], include);
  }
  const readable = 'include:\n  - ./shared.yaml\nservices:\n  web:\n    networks: [shared]\n    depends_on: [cache]\n';
  assert.equal(run(composeUndeclaredService, readable, { '/p/shared.yaml': 'services:\n  other:\n    image: x\n' }).length, 1, 'a readable include is known in full');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  composeBuildContextMissing, composeBuildTargetUnknown, composeDockerfileMissing, composeEnvFileMissing, composeHealthyWithoutHealthcheck,
} from '../../../server/src/compose/rules/referencesFiles';
import { dockerfileStages, stageHealthcheck } from '../../../server/src/compose/rules/referencesKit';
import { covered, run } from './rulesKit';

const dockerfile = 'FROM node:20 AS build\nRUN npm ci\n\nFROM nginx:alpine AS runtime\nCOPY --from=build /app /usr/share/nginx/html\n';

test('build context: a missing folder, a file; present folders, URLs and variables without value are fine', () => {
  const text = 'services:\n  a:\n    build: ./missing\n  b:\n    build:\n      context: ./app/Dockerfile\n  c:\n    build: ./app\n  d:\n    build: https://github.com/x/y.git\n  e:\n    build: ${CTX}\n  f:\n    build: ${APP_DIR:-./app}\n';
  const found = run(composeBuildContextMissing, text, { '/p/app/Dockerfile': dockerfile });
  assert.deepEqual(covered(text, found), ['./missing', './app/Dockerfile']);
  assert.match(found[1].message, /is a file/);
});

test('build context: a variable set in .env is resolved', () => {
  const text = 'services:\n  a:\n    build: ${CTX}\n';
  assert.deepEqual(covered(text, run(composeBuildContextMissing, text, { '/p/.env': 'CTX=./nothing\n' })), ['${CTX}']);
  assert.deepEqual(run(composeBuildContextMissing, text, { '/p/.env': 'CTX=./app\n', '/p/app/Dockerfile': dockerfile }), []);
});

test('Dockerfile: relative to the context, default name, inline Dockerfiles skipped', () => {
  const text = 'services:\n  a:\n    build:\n      context: ./app\n      dockerfile: Dockerfile.dev\n  b:\n    build: ./web\n  c:\n    build:\n      context: ./app\n      dockerfile: ../docker/app.Dockerfile\n  d:\n    build:\n      context: ./web\n      dockerfile_inline: FROM alpine\n';
  const files = { '/p/app/Dockerfile': dockerfile, '/p/web/index.html': '', '/p/docker/app.Dockerfile': dockerfile };
  assert.deepEqual(covered(text, run(composeDockerfileMissing, text, files)), ['Dockerfile.dev', './web']);
});

test('build.target must be a stage of the Dockerfile', () => {
  const text = 'services:\n  a:\n    build:\n      context: ./app\n      target: runtme\n  b:\n    build:\n      context: ./app\n      target: Build\n';
  const found = run(composeBuildTargetUnknown, text, { '/p/app/Dockerfile': dockerfile });
  assert.deepEqual(covered(text, found), ['runtme']);
  assert.match(found[0].message, /Did you mean ‘runtime’/);
  assert.deepEqual(run(composeBuildTargetUnknown, text, {}), [], 'no Dockerfile to read, nothing said');
});

test('a target set in the override is checked against the base file\'s Dockerfile', () => {
  const override = 'services:\n  web:\n    build:\n      target: dev\n';
  const found = run(composeBuildTargetUnknown, override, { '/p/compose.yaml': 'services:\n  web:\n    build: ./app\n', '/p/app/Dockerfile': dockerfile }, '/p/compose.override.yaml');
  assert.deepEqual(covered(override, found), ['dev']);
});

test('Dockerfile stages and healthchecks from the text', () => {
  const stages = dockerfileStages('# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM golang AS Build\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/\nFROM build AS final\nFROM alpine\nHEALTHCHECK NONE\n');
  assert.deepEqual(stages.map((s) => [s.name, s.base, s.healthcheck]), [['build', 'golang', 'check'], ['final', 'build', undefined], [undefined, 'alpine', 'none']]);
  assert.equal(stageHealthcheck(stages, 1), 'check', 'inherited from the stage it starts from');
  assert.equal(stageHealthcheck(stages, 2), 'none');
});

test('service_healthy on a service without healthcheck', () => {
  const text = [
    'services:',
    '  web:',
    '    depends_on:',
    '      db: {condition: service_healthy}',
    '      cache: {condition: service_healthy}',
    '      api: {condition: service_healthy}',
    '      worker: {condition: service_healthy}',
    '      checked: {condition: service_healthy}',
    '      started: {condition: service_started}',
    '  db:',
    '    image: postgres:16',
    '  cache:',
    '    image: redis',
    '    healthcheck:',
    '      test: [CMD, redis-cli, ping]',
    '  api:',
    '    build: ./api',
    '  worker:',
    '    build: ./worker',
    '  checked:',
    '    extends: cache',
    '  started:',
    '    image: x',
  ].join('\n');
  const files = {
    '/p/api/Dockerfile': 'FROM node:20\nCMD ["node", "server.js"]\n',
    '/p/worker/Dockerfile': 'FROM node:20\nHEALTHCHECK CMD node check.js\n',
  };
  const found = run(composeHealthyWithoutHealthcheck, text, files);
  assert.deepEqual(covered(text, found), ['db', 'api']);
  assert.match(found[0].message, /unless the image ‘postgres:16’ defines one/);
  assert.match(found[1].message, /nor its Dockerfile/);
  const disabled = 'services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: x\n    healthcheck:\n      disable: true\n';
  assert.match(run(composeHealthyWithoutHealthcheck, disabled)[0].message, /switches its healthcheck off/);
  const unknownBase = 'services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    build: ./db\n';
  assert.deepEqual(run(composeHealthyWithoutHealthcheck, unknownBase, { '/p/db/Dockerfile': 'FROM mycompany/postgres-with-health\n' }), [], 'another image may bring a HEALTHCHECK');
  assert.deepEqual(run(composeHealthyWithoutHealthcheck, unknownBase, {}), [], 'a Dockerfile we cannot read says nothing');
});

test('env_file: missing files, long form with required: false, files in place', () => {
  const text = 'services:\n  a:\n    env_file: ./missing.env\n  b:\n    env_file:\n      - ./app.env\n      - path: ./optional.env\n        required: false\n      - path: ./needed.env\n  c:\n    env_file: [ "${ENV_FILE:-./app.env}" ]\n';
  const found = run(composeEnvFileMissing, text, { '/p/app.env': 'A=1\n' });
  assert.deepEqual(covered(text, found), ['./missing.env', './needed.env']);
});

test('nothing is said without a reader (a file outside any workspace folder)', async () => {
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const { parseCompose } = await import('../../../server/src/compose/model');
  const { normalizeSettings } = await import('../../../server/src/common/settings');
  const model = parseCompose(TextDocument.create('file:///p/compose.yaml', 'dockercompose', 1, 'services:\n  a:\n    build: ./missing\n    env_file: x.env\n'));
  const out: unknown[] = [];
  const ctx = { lang: 'en' as const, settings: normalizeSettings(undefined), filePath: '/p/compose.yaml', project: { customSchemaFiles: [] } };
  for (const rule of [composeBuildContextMissing, composeEnvFileMissing, composeDockerfileMissing]) rule.check({ model, ctx }, (f) => out.push(f));
  assert.deepEqual(out, []);
});

test('extends with a file: the file must exist and define the service', async () => {
  const { composeExtendsFileMissing } = await import('../../../server/src/compose/rules/referencesFiles');
  const text = 'services:\n  a:\n    extends:\n      file: ./common.yaml\n      service: bse\n  b:\n    extends:\n      file: ./gone.yaml\n      service: base\n  c:\n    extends:\n      file: ./common.yaml\n      service: base\n';
  const found = run(composeExtendsFileMissing, text, { '/p/common.yaml': 'services:\n  base:\n    image: x\n' });
  assert.deepEqual(covered(text, found), ['bse', './gone.yaml']);
  assert.match(found[0].message, /Did you mean ‘base’/);
});

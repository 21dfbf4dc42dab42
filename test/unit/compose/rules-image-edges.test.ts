import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logicalLines, readDockerfileText, stageChainOf } from '../../../server/src/compose/dockerfileText';
import { composeBuildArgUnused, composePortVsExpose, isPredefinedBuildArg } from '../../../server/src/compose/rules/imageEdges';
import { covered, run } from './rulesKit';

const dockerfile = [
  'ARG NODE_VERSION=20',
  'FROM node:${NODE_VERSION} AS build',
  'ARG API_URL="http://x y"',
  'RUN <<EOF',
  'ARG NOT_AN_ARG',
  'EXPOSE 9999',
  'EOF',
  'FROM nginx:alpine AS runtime',
  'ARG VERSION \\',
  '    COMMIT=dev',
  'EXPOSE 80 \\',
  '  443/tcp',
  '',
].join('\n');

test('Dockerfile text: global and stage ARGs, EXPOSE per stage, heredoc bodies and continuations', () => {
  const read = readDockerfileText(dockerfile);
  assert.deepEqual(read.globalArgs, ['NODE_VERSION']);
  assert.deepEqual(read.stages.map((s) => [s.name, s.args, s.expose]), [['build', ['API_URL'], []], ['runtime', ['VERSION', 'COMMIT'], ['80', '443/tcp']]]);
  assert.equal(logicalLines('RUN <<-EOT\n\tFROM x\n\tEOT\nFROM y\n').at(-1), 'FROM y');
  const chain = stageChainOf(readDockerfileText('FROM alpine AS base\nEXPOSE 1\nFROM base AS dev\nFROM node\nFROM dev\n').stages, 3);
  assert.deepEqual(chain.map((s) => s.base), ['alpine', 'base', 'dev'], 'FROM <stage> followed back, other stages skipped');
});

test('predefined build args are not reported', () => {
  for (const name of ['HTTP_PROXY', 'https_proxy', 'no_proxy', 'TARGETPLATFORM', 'BUILDARCH', 'SOURCE_DATE_EPOCH', 'BUILDKIT_INLINE_CACHE']) assert.ok(isPredefinedBuildArg(name), name);
  assert.ok(!isPredefinedBuildArg('targetplatform') && !isPredefinedBuildArg('VERSION'));
});

test('compose-build-arg-unused: keys with no ARG, map and list forms; declared, global and predefined args pass', () => {
  const text = [
    'services:',
    '  web:',
    '    build:',
    '      context: ./app',
    '      args:',
    '        NODE_VERSION: "22"',
    '        API_URL: http://api',
    '        VERSOIN: "1.2"',
    '        HTTP_PROXY: http://proxy',
    '        NOT_AN_ARG: x',
    '  worker:',
    '    build:',
    '      context: ./app',
    '      args:',
    '        - COMMIT=abc',
    '        - BUILD_DATE',
    '        - TARGETARCH=arm64',
    '',
  ].join('\n');
  const found = run(composeBuildArgUnused, text, { '/p/app/Dockerfile': dockerfile });
  assert.deepEqual(covered(text, found), ['VERSOIN', 'NOT_AN_ARG', 'BUILD_DATE']);
  assert.equal(found[0].severity, 2, 'warning');
  assert.match(found[0].message, /declares no ‘ARG VERSOIN’/);
  assert.match(run(composeBuildArgUnused, text, { '/p/app/Dockerfile': dockerfile }, '/p/compose.yaml', 'zh-cn')[0].message, /没有声明/);
});

test('compose-build-arg-unused: nothing said without the Dockerfile, for inline Dockerfiles, or when every arg is declared', () => {
  const text = 'services:\n  web:\n    build:\n      context: ./app\n      args:\n        VERSION: "1"\n        UNKNOWN: "2"\n';
  assert.deepEqual(run(composeBuildArgUnused, text, {}), []);
  assert.deepEqual(run(composeBuildArgUnused, 'services:\n  web:\n    build:\n      context: ./app\n      dockerfile_inline: FROM alpine\n      args:\n        X: "1"\n', { '/p/app/Dockerfile': dockerfile }), []);
  assert.deepEqual(run(composeBuildArgUnused, 'services:\n  web:\n    build:\n      context: ./app\n      args:\n        VERSION: "1"\n        COMMIT: abc\n', { '/p/app/Dockerfile': dockerfile }), []);
  assert.deepEqual(run(composeBuildArgUnused, 'services:\n  web:\n    image: nginx\n', {}), []);
});

test('compose-build-arg-unused: an arg set in the override is reported there, against the base file\'s Dockerfile', () => {
  const override = 'services:\n  web:\n    build:\n      args:\n        TYPO: "1"\n';
  const files = { '/p/compose.yaml': 'services:\n  web:\n    build:\n      context: ./app\n      args:\n        ALSO_TYPO: "1"\n', '/p/app/Dockerfile': dockerfile };
  assert.deepEqual(covered(override, run(composeBuildArgUnused, override, files, '/p/compose.override.yaml')), ['TYPO']);
});

test('compose-port-vs-expose: container ports the Dockerfile does not expose, and exposed ports the service does not name', () => {
  const text = [
    'services:',
    '  web:',
    '    build: ./app',
    '    ports:',
    '      - "8080:80"',
    '      - "127.0.0.1:9000:9000"',
    '      - target: 443',
    '        published: 8443',
    '',
  ].join('\n');
  const found = run(composePortVsExpose, text, { '/p/app/Dockerfile': dockerfile });
  assert.deepEqual(covered(text, found), ['"127.0.0.1:9000:9000"']);
  assert.equal(found[0].severity, 3, 'information');
  const fewer = 'services:\n  web:\n    build: ./app\n    expose:\n      - "80"\n';
  const reverse = run(composePortVsExpose, fewer, { '/p/app/Dockerfile': dockerfile });
  assert.deepEqual(covered(fewer, reverse), ['expose']);
  assert.match(reverse[0].message, /exposes 443\/tcp/);
});

test('compose-port-vs-expose: quiet when they agree, with no ports listed, a variable EXPOSE, a udp/tcp mix-up aside, or another target', () => {
  const files = { '/p/app/Dockerfile': dockerfile };
  assert.deepEqual(run(composePortVsExpose, 'services:\n  web:\n    build: ./app\n    ports:\n      - "8080:80"\n      - 443\n', files), []);
  assert.deepEqual(run(composePortVsExpose, 'services:\n  web:\n    build: ./app\n', files), [], 'a service reached inside its network names no ports');
  assert.deepEqual(run(composePortVsExpose, 'services:\n  web:\n    build: ./api\n    ports: ["3000:3000"]\n', { '/p/api/Dockerfile': 'FROM node\nARG PORT\nEXPOSE $PORT\n' }), []);
  assert.deepEqual(run(composePortVsExpose, 'services:\n  web:\n    build: ./api\n    ports: ["3000:3000"]\n', { '/p/api/Dockerfile': 'FROM node\nCMD ["node"]\n' }), [], 'no EXPOSE: nothing to compare');
  // build.target picks the stage; it inherits EXPOSE from the stage it starts from.
  const staged = 'FROM node AS base\nEXPOSE 3000\nFROM base AS dev\nEXPOSE 9229\nFROM nginx AS prod\nEXPOSE 80\n';
  assert.deepEqual(run(composePortVsExpose, 'services:\n  web:\n    build:\n      context: ./api\n      target: dev\n    ports: ["3000:3000", "9229:9229"]\n', { '/p/api/Dockerfile': staged }), []);
  const udp = 'services:\n  dns:\n    build: ./dns\n    ports: ["53:53/udp"]\n';
  assert.deepEqual(covered(udp, run(composePortVsExpose, udp, { '/p/dns/Dockerfile': 'FROM alpine\nEXPOSE 53/tcp\n' })), ['"53:53/udp"', 'ports']);
});

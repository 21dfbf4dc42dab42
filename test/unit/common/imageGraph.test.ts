import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeClaims, kustomizeRenames, skaffoldClaims, tiltClaims, evidenceKindOf } from '../../../server/src/common/imageEvidence';
import { imageName, sameImage, ImageGraph } from '../../../server/src/common/imageGraph';
import { userIsNumeric, userIsRoot } from '../../../server/src/common/imageFacts';
import { createdUsersOf, imageFactsOf } from '../../../server/src/dockerfile/imageFacts';
import { dockerfile } from '../helpers';

test('image facts of the final stage, following FROM <stage> back to its base', () => {
  const facts = imageFactsOf(dockerfile([
    'ARG VERSION=20',
    'FROM node:${VERSION} AS base',
    'ENV NODE_ENV=production PORT=3000 HOME_DIR=$HOME',
    'EXPOSE 3000',
    'USER node',
    'FROM golang:1.22 AS build',
    'RUN adduser -D -u 10001 builder',
    'USER builder',
    'FROM base AS final',
    'EXPOSE 9000-9001/udp',
    'VOLUME /data ["/cache"]',
    'HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost:3000/healthz"]',
    'ENTRYPOINT ["node"]',
    'CMD server.js',
    'ARG BUILD_ID',
  ].join('\n')))!;
  assert.equal(facts.baseImage, 'node:${VERSION}');
  assert.equal(facts.user, 'node', 'the build stage\'s USER does not leak into the final one');
  assert.deepEqual(facts.createdUsers, { builder: 10001 });
  assert.deepEqual(facts.exposed, [{ port: 3000, protocol: 'tcp' }, { port: 9000, protocol: 'udp' }, { port: 9001, protocol: 'udp' }]);
  assert.deepEqual(facts.env, { NODE_ENV: 'production', PORT: '3000' });
  assert.deepEqual(facts.volumes, ['/data']);
  assert.deepEqual(facts.healthcheck?.http, { path: '/healthz', port: 3000 });
  assert.deepEqual(facts.entrypoint, { form: 'exec', words: ['node'] });
  assert.deepEqual(facts.cmd, { form: 'shell', words: ['server.js'] });
  assert.deepEqual(facts.args, ['VERSION', 'BUILD_ID']);
  assert.equal(facts.fromRange.start.line, 8);
});

test('no USER, scratch, HEALTHCHECK NONE, ENTRYPOINT resets an inherited CMD', () => {
  const facts = imageFactsOf(dockerfile('FROM alpine AS a\nCMD ["sh"]\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK NONE\nENTRYPOINT run\n'))!;
  assert.equal(facts.user, undefined);
  assert.equal(facts.healthcheck, undefined);
  assert.equal(facts.healthcheckDisabled, true);
  assert.equal(facts.cmd, undefined);
  assert.equal(facts.entrypoint?.form, 'shell');
  assert.equal(imageFactsOf(dockerfile('FROM scratch\nCOPY app /\n'))!.baseImage, undefined);
  assert.equal(imageFactsOf(dockerfile('# nothing\n')), undefined);
});

test('users created with a UID: useradd, adduser (BusyBox, Debian), --uid=', () => {
  assert.deepEqual(createdUsersOf('groupadd -g 1000 app && useradd -r -u 1000 -g app -s /sbin/nologin app'), { app: 1000 });
  assert.deepEqual(createdUsersOf('addgroup -S web && adduser -S -D -H -u 101 -h /var/cache -s /sbin/nologin -G web -g web web'), { web: 101 });
  assert.deepEqual(createdUsersOf('adduser --disabled-password --gecos "" --uid=2000 deploy'), { deploy: 2000 });
  assert.deepEqual(createdUsersOf('useradd app'), {}, 'no UID given: unknown');
});

test('USER values: root, 0, none are root; only numbers are verifiable', () => {
  assert.ok(userIsRoot(undefined) && userIsRoot('root') && userIsRoot('0:0') && !userIsRoot('node'));
  assert.ok(userIsNumeric('1000') && userIsNumeric('1000:1000') && !userIsNumeric('node'));
});

test('image names compare by repository, Docker Hub spellings as one, tags only when both pin one', () => {
  assert.deepEqual(imageName('docker.io/library/nginx:1.27'), { repository: 'nginx', tag: '1.27', digest: undefined });
  assert.ok(sameImage('nginx', 'index.docker.io/library/nginx:1.27'));
  assert.ok(sameImage('acme/web', 'docker.io/acme/web:2'));
  assert.ok(sameImage('localhost:5000/web:1', 'localhost:5000/web'));
  assert.ok(!sameImage('acme/web:1', 'acme/web:2'));
  assert.ok(!sameImage('ghcr.io/acme/web', 'acme/web'), 'another registry is another image');
  assert.equal(imageName('${IMAGE}'), undefined);
});

test('evidence readers: Compose, skaffold (with profiles), Tilt, kustomize', () => {
  assert.equal(evidenceKindOf('file:///w/docker-compose.yml'), 'compose');
  assert.equal(evidenceKindOf('file:///w/skaffold.yaml'), 'skaffold');
  assert.equal(evidenceKindOf('file:///w/Tiltfile'), 'tilt');
  assert.equal(evidenceKindOf('file:///w/kustomization.yaml'), 'kustomize');
  assert.equal(evidenceKindOf('file:///w/app.yaml'), undefined);
  const compose = composeClaims('file:///w/compose.yaml', 'services:\n  a:\n    build:\n      context: ./svc\n      dockerfile: prod.Dockerfile\n    image: acme/a\n  b:\n    image: redis\n  c:\n    build: https://github.com/x/y.git\n    image: acme/c\n');
  assert.deepEqual(compose.map((c) => [c.image, c.dockerfileUri]), [['acme/a', 'file:///w/svc/prod.Dockerfile']]);
  const skaffold = skaffoldClaims('file:///w/skaffold.yaml', 'build:\n  artifacts:\n    - image: a\n    - image: b\n      context: b\n      buildpacks: {}\nprofiles:\n  - name: p\n    build:\n      artifacts:\n        - image: c\n          context: c\n          docker:\n            dockerfile: Dev.Dockerfile\n');
  assert.deepEqual(skaffold.map((c) => [c.image, c.dockerfileUri]), [['a', 'file:///w/Dockerfile'], ['c', 'file:///w/c/Dev.Dockerfile']]);
  const tilt = tiltClaims('file:///w/Tiltfile', "# docker_build('old', '.')\ndocker_build('api', './api')\ndocker_build(\"web\", \"web\", dockerfile=\"docker/web.Dockerfile\", live_update=[])\n");
  assert.deepEqual(tilt.map((c) => [c.image, c.dockerfileUri]), [['api', 'file:///w/api/Dockerfile'], ['web', 'file:///w/docker/web.Dockerfile']]);
  const renames = kustomizeRenames('file:///w/kustomization.yaml', 'images:\n  - name: api\n    newName: ghcr.io/acme/api\n  - name: web\n    newTag: "2"\n');
  assert.deepEqual(renames.map((r) => [r.name, r.newName]), [['api', 'ghcr.io/acme/api']]);
});

test('the graph: edges need the Dockerfile, strongest evidence first; version moves only on meaning', () => {
  const graph = new ImageGraph();
  const facts = imageFactsOf(dockerfile('FROM alpine\nUSER 1000\n', 'file:///w/api/Dockerfile'))!;
  assert.equal(graph.setEvidence('file:///w/Tiltfile', tiltClaims('file:///w/Tiltfile', "docker_build('api', 'api')"), []), true);
  assert.equal(graph.edgeFor('api:1'), undefined, 'no Dockerfile facts yet');
  graph.setDockerfile('file:///w/api/Dockerfile', facts);
  const edge = graph.edgeFor('api:1')!;
  assert.equal(edge.strength, 'strong');
  assert.equal(edge.evidence[0].kind, 'tilt');
  const version = graph.version;
  const moved = imageFactsOf(dockerfile('\nFROM alpine\nUSER 1000\n', 'file:///w/api/Dockerfile'))!;
  assert.equal(graph.setDockerfile('file:///w/api/Dockerfile', moved), false, 'a moved line is no change of meaning');
  assert.equal(graph.version, version);
  assert.equal(graph.remove('file:///w/Tiltfile'), true);
  assert.equal(graph.edgeFor('api:1')?.evidence[0].kind, 'folder-name', 'only the folder-name guess is left');
  assert.equal(graph.edgeFor('api:1')?.strength, 'weak');
  assert.equal(graph.removeUnder('file:///w/api', (uri) => uri.endsWith('/keep')), true, 'a deleted folder takes its Dockerfiles');
  assert.equal(graph.edgeFor('api:1'), undefined);
});

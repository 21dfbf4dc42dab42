import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseComposeSource } from '../../../server/src/compose/merge';
import { declaredNames, namedVolumeOf, namesInFile, siteAt } from '../../../server/src/compose/references';

const text = `services:
  web:
    build:
      context: .
      secrets: [npmrc]
      additional_contexts:
        base: service:base
    depends_on:
      db:
        condition: service_healthy
      cache:
        required: false
    links: ["db:database"]
    extends: { service: base }
    network_mode: "service:proxy"
    volumes_from: [logs:ro, container:other]
    networks: [front]
    volumes:
      - data:/var/lib/data
      - ./src:/src
      - type: volume
        source: cache
        target: /cache
      - type: bind
        source: ./x
        target: /x
    configs: [app_config]
    secrets:
      - source: token
        target: /run/secrets/t
  api:
    networks:
      back:
        aliases: [api]
    depends_on: [\${DEP}]
networks:
  front: {}
volumes:
  data:
secrets:
  token:
    file: ./token.txt
`;

test('references are found with the exact range of the name', () => {
  const source = parseComposeSource('/p/compose.yaml', text, '/p');
  const names = namesInFile(source);
  const found = names.references.map((ref) => `${ref.kind}:${ref.name}:${text.slice(ref.start, ref.end)}`);
  assert.deepEqual(found, [
    'depends_on:db:db', 'depends_on:cache:cache', 'links:db:db', 'extends:base:base', 'network_mode:proxy:proxy',
    'volumes_from:logs:logs', 'additional_contexts:base:base', 'service-networks:front:front',
    'service-volumes:data:data', 'service-volumes:cache:cache', 'service-configs:app_config:app_config',
    'service-secrets:token:token', 'build-secrets:npmrc:npmrc', 'service-networks:back:back',
  ]);
  assert.equal(names.references.find((ref) => ref.name === 'cache' && ref.kind === 'depends_on')?.optional, true);
  const link = names.references.find((ref) => ref.kind === 'links')!;
  assert.equal(text.slice(link.start - 1, link.end + 1), '"db:', 'the name inside the quoted value');
});

test('declarations per section with their key ranges; variables are not names', () => {
  const names = namesInFile(parseComposeSource('/p/compose.yaml', text, '/p'));
  assert.deepEqual(names.declarations.map((d) => `${d.section}:${d.name}`), ['services:web', 'services:api', 'networks:front', 'volumes:data', 'secrets:token']);
  assert.ok(!names.references.some((ref) => ref.name.includes('$')));
  const byName = declaredNames([names]);
  assert.equal(byName.get('volumes')?.get('data')?.[0].source.path, '/p/compose.yaml');
  const front = names.declarations.find((d) => d.name === 'front')!;
  assert.equal(siteAt(names, front.start + 1), front);
  const db = names.references.find((ref) => ref.name === 'db')!;
  assert.equal(siteAt(names, db.end), db);
});

test('named volumes in the short syntax, paths are not', () => {
  assert.equal(namedVolumeOf('data:/x'), 'data');
  assert.equal(namedVolumeOf('./data:/x'), undefined);
  assert.equal(namedVolumeOf('/abs:/x'), undefined);
  assert.equal(namedVolumeOf('~/x:/x'), undefined);
  assert.equal(namedVolumeOf('C:\\x:/x'), undefined);
  assert.equal(namedVolumeOf('/only-target'), undefined);
});

test('a shared << block is attributed where it is written', () => {
  const shared = 'x-common: &common\n  networks: [front]\nservices:\n  a:\n    <<: *common\n  b:\n    <<: *common\nnetworks:\n  front:\n';
  const names = namesInFile(parseComposeSource('/p/compose.yaml', shared, '/p'));
  const refs = names.references.filter((ref) => ref.name === 'front');
  assert.deepEqual(refs.map((ref) => ref.service), ['a', 'b']);
  assert.ok(refs.every((ref) => shared.slice(ref.start, ref.end) === 'front' && ref.start === refs[0].start));
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { audienceNotes, entryDocs, extensionDoc, keyDocs, valueTables } from '../../../server/src/compose/docs';
import { allNodeIds, docIdOf, documentedKeyIds, lookupPath, schemaNode } from '../../../server/src/compose/schema';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const schemaFile = path.join(repoRoot, 'server/src/compose/schema/compose-schema.json');
const specFile = path.resolve(repoRoot, '..', 'shared', 'reference', 'compose', 'compose-spec.json');
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('the Compose schema', () => {
  it('is what scripts/gen-compose-schema.mjs generates from the Compose Specification', { skip: existsSync(specFile) ? false : `no ${specFile}` }, async () => {
    const { generateSchemaText } = await import(pathToFileURL(path.join(repoRoot, 'scripts/gen-compose-schema.mjs')).href);
    assert.equal(generateSchemaText(specFile), readFileSync(schemaFile, 'utf8'), 'run node scripts/gen-compose-schema.mjs');
  });

  it('has every key of the spec, with its forms merged', () => {
    const build = schemaNode('service.build')!;
    assert.deepEqual(build.types, ['object', 'string'], 'build: path or build: {context…}');
    assert.ok(build.props?.context && build.props.target);
    assert.equal(schemaNode('service.healthcheck')!.use, 'healthcheck');
    assert.ok(schemaNode('service.healthcheck')!.props?.test, 'a key that uses a shared definition has its keys');
    assert.equal(schemaNode('compose.version')!.deprecated, true);
    assert.equal(schemaNode('service.depends_on.*.condition')!.enum?.includes('service_healthy'), true);
    assert.equal(schemaNode('healthcheck.interval')!.format, 'duration');
    assert.equal(schemaNode('service.mem_limit')!.format, 'bytes');
    assert.ok(schemaNode('service')!.closed && schemaNode('service')!.extensions);
  });

  it('follows a path through shared definitions, entries, items and extension fields', () => {
    assert.equal(lookupPath(['services', 'web', 'healthcheck', 'test']).id, 'healthcheck.test');
    assert.deepEqual(lookupPath(['services', 'web']), { id: 'compose.services.*', entry: true });
    assert.equal(lookupPath(['services', 'web', 'ports', 0, 'published']).id, 'service.ports[].published');
    assert.equal(lookupPath(['services', 'web', 'deploy', 'placement', 'constraints']).id, 'deploy.placement.constraints');
    assert.equal(lookupPath(['x-common', 'anything']).free, true);
    assert.equal(lookupPath(['services', 'web', 'x-note']).free, true);
    assert.equal(docIdOf(['services', 'web', 'image']), 'service.image');
    assert.equal(docIdOf(['services', 'web']), undefined, 'a service name is an entry, documented apart');
  });
});

describe('the Compose docs', () => {
  it('document every key of the schema in English and Chinese', () => {
    const missing = documentedKeyIds().filter((id) => !keyDocs[id]?.en?.trim() || !keyDocs[id]?.zh?.trim() || !hasChinese(keyDocs[id]!.zh));
    assert.deepEqual(missing, []);
  });

  it('document no key the schema lacks', () => {
    const known = new Set(documentedKeyIds());
    assert.deepEqual(Object.keys(keyDocs).filter((id) => !known.has(id)), []);
  });

  it('say which tool reads the Swarm-only and the Compose-only keys', () => {
    for (const id of ['deploy.placement', 'deploy.update_config', 'deploy.rollback_config', 'deploy.mode', 'deploy.endpoint_mode']) assert.equal(keyDocs[id]?.audience, 'swarm-only', id);
    for (const id of ['service.build', 'service.depends_on', 'service.container_name', 'service.links', 'service.network_mode', 'service.restart']) assert.equal(keyDocs[id]?.audience, 'compose-only', id);
    assert.match(audienceNotes['swarm-only'].en, /docker compose up.*ignores.*docker stack deploy/);
    assert.match(audienceNotes['compose-only'].zh, /docker stack deploy/);
  });

  it('explain the named entries and extension fields in both languages', () => {
    for (const section of ['services', 'networks', 'volumes', 'configs', 'secrets']) assert.ok(hasChinese(entryDocs[section]!.zh) && entryDocs[section]!.en, section);
    assert.ok(hasChinese(extensionDoc.zh) && /x-/.test(extensionDoc.en));
  });

  it('value tables belong to schema nodes and agree with the schema\'s enums', () => {
    const ids = new Set(allNodeIds());
    for (const [id, table] of Object.entries(valueTables)) {
      assert.ok(ids.has(id), `${id} is no schema node`);
      for (const value of table.values) assert.ok(value.en && hasChinese(value.zh), `${id}: ${value.value}`);
      const enumValues = schemaNode(id)?.enum;
      if (enumValues) assert.deepEqual([...enumValues].map(String).sort(), table.values.map((v) => v.value).sort(), id);
    }
  });
});

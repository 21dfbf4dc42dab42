import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { completeCompose } from '../../../server/src/compose/completion';
import { compose, contextFor, withCursor } from './composeKit';

function complete(marked: string, lang: 'en' | 'zh-cn' = 'en'): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return completeCompose(compose(text), position, contextFor(lang))?.items ?? [];
}
const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

const base = 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:17\n  cache:\n    image: redis:7\nnetworks:\n  front: {}\n  back: {}\nvolumes:\n  data: {}\nsecrets:\n  db_password:\n    file: ./db_password.txt\n';

describe('Compose completion: keys', () => {
  it('offers the top-level keys, common ones first, without those already written', () => {
    const items = complete('services: {}\n|');
    assert.deepEqual(sorted(items).slice(0, 4), ['networks', 'volumes', 'secrets', 'configs']);
    assert.ok(!labels(items).includes('services'));
    assert.ok(labels(items).includes('version'), 'deprecated keys are listed, last');
  });

  it('offers service keys with image and build first, and their docs', () => {
    const items = complete('services:\n  web:\n    |\n');
    assert.deepEqual(sorted(items).slice(0, 3), ['image', 'build', 'ports']);
    assert.match(String((items.find((item) => item.label === 'depends_on')!.documentation as { value: string }).value), /Not for Swarm/);
    assert.equal(newText(items.find((item) => item.label === 'ports')), 'ports:\n      - $0');
    assert.equal(newText(items.find((item) => item.label === 'image')), 'image: ');
  });

  it('offers keys while the key is being typed, with no colon yet', () => {
    const items = complete('services:\n  web:\n    image: nginx\n    heal|');
    assert.ok(labels(items).includes('healthcheck'));
    assert.ok(!labels(items).includes('image'), 'image is written already');
  });

  it('puts required keys first in a long-form entry', () => {
    const items = complete('services:\n  web:\n    develop:\n      watch:\n        - |\n');
    assert.deepEqual(sorted(items).slice(0, 2), ['action', 'path']);
  });

  it('offers the keys of a shared definition (healthcheck, deploy)', () => {
    assert.deepEqual(sorted(complete('services:\n  web:\n    healthcheck:\n      |\n')).slice(0, 3), ['test', 'interval', 'timeout']);
    assert.ok(labels(complete('services:\n  web:\n    deploy:\n      |\n')).includes('placement'));
  });
});

describe('Compose completion: values', () => {
  it('offers restart policies with their meanings', () => {
    const items = complete('services:\n  web:\n    restart: |\n');
    assert.deepEqual(labels(items), ['no', 'always', 'on-failure', 'unless-stopped']);
    assert.match(String(items[0]!.detail), /Never restart/);
    assert.match(String(complete('services:\n  web:\n    restart: |\n', 'zh-cn')[0]!.detail), /从不重启/);
  });

  it('offers depends_on conditions, pull policies and network modes with service names', () => {
    assert.deepEqual(labels(complete(`${base.replace('  db:\n', '  db:\n    depends_on:\n      web:\n        condition: |\n')}`)), ['service_started', 'service_healthy', 'service_completed_successfully']);
    assert.ok(labels(complete('services:\n  web:\n    pull_policy: |\n')).includes('missing'));
    const modes = labels(complete(base.replace('    image: postgres:17\n', '    image: postgres:17\n    network_mode: |\n')));
    assert.ok(modes.includes('host') && modes.includes('service:web') && !modes.includes('service:db'));
  });

  it('offers booleans for boolean keys', () => {
    assert.deepEqual(labels(complete('services:\n  web:\n    read_only: |\n')), ['true', 'false']);
  });
});

describe('Compose completion: names declared in the file', () => {
  it('completes a service name in depends_on (list form), not the service itself nor one already listed', () => {
    const text = base.replace('    image: postgres:17\n', '    image: postgres:17\n    depends_on:\n      - web\n      - |\n');
    assert.deepEqual(labels(complete(text)), ['cache']);
  });

  it('completes a service name in depends_on (map form) and in extends', () => {
    const text = base.replace('    image: redis:7\n', '    image: redis:7\n    depends_on:\n      |\n');
    assert.deepEqual(labels(complete(text)), ['web', 'db']);
    assert.equal(newText(complete(text)[0]), 'web:');
    const extendsText = base.replace('    image: redis:7\n', '    image: redis:7\n    extends:\n      service: |\n');
    assert.deepEqual(labels(complete(extendsText)), ['web', 'db']);
  });

  it('completes links, networks, volumes and secrets of a service from the top-level declarations', () => {
    assert.deepEqual(labels(complete(base.replace('    image: redis:7\n', '    image: redis:7\n    links:\n      - |\n'))), ['web', 'db']);
    assert.deepEqual(labels(complete(base.replace('    image: redis:7\n', '    image: redis:7\n    networks:\n      - |\n'))), ['front', 'back']);
    assert.deepEqual(labels(complete(base.replace('    image: redis:7\n', '    image: redis:7\n    networks:\n      |\n'))), ['front', 'back']);
    const volumes = complete(base.replace('    image: redis:7\n', '    image: redis:7\n    volumes:\n      - |\n'));
    assert.deepEqual(labels(volumes), ['data']);
    assert.equal(newText(volumes[0]), 'data:');
    assert.deepEqual(labels(complete(base.replace('    image: redis:7\n', '    image: redis:7\n    secrets:\n      - |\n'))), ['db_password']);
  });

  it('completes while the rest of the file is broken', () => {
    const text = 'services:\n  web:\n    image: nginx\n    depends_on:\n      - |\n  db:\n    image: "postgres\n';
    assert.deepEqual(labels(complete(text)), ['db']);
  });
});

describe('Compose snippets', () => {
  it('offers whole services where a service can start, and a first service in an empty file', () => {
    const items = complete('services:\n  |\n');
    assert.deepEqual(items.filter((item) => item.kind === 15).map((item) => item.label), ['service', 'web + database', 'stack service']);
    const web = items.find((item) => item.label === 'web + database')!;
    assert.match(newText(web)!, /condition: service_healthy/);
    assert.match(newText(web)!, /\n  \$\{5:db\}:\n {4}image/);
    assert.match(newText(items.find((item) => item.label === 'stack service'))!, /update_config/);
    assert.deepEqual(complete('|').filter((item) => item.kind === 15).map((item) => item.label), ['services: service', 'services: web + database', 'services: stack service']);
    assert.equal(complete('services:\n  web:\n    |\n').filter((item) => item.kind === 15).length, 0);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import { hoverCompose } from '../../../server/src/compose/hover';
import { compose, contextFor, withCursor } from './composeKit';

function hoverAt(marked: string, lang: 'en' | 'zh-cn' = 'en'): string | undefined {
  const { text, position } = withCursor(marked);
  const hover: Hover | null = hoverCompose(compose(text), position, contextFor(lang));
  return hover ? (hover.contents as { value: string }).value : undefined;
}

const app = `services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
    depends_on:
      db:
        condition: service_healthy
    restart: unless-stopped
  db:
    image: postgres:17
    healthcheck:
      test: ["CMD-SHELL", "pg_isready"]
    deploy:
      placement:
        constraints: [node.role == manager]
x-common: &common
  restart: always
`;

const at = (needle: string, offset = 1) => {
  const index = app.indexOf(needle);
  assert.ok(index >= 0, needle);
  return `${app.slice(0, index + offset)}|${app.slice(index + offset)}`;
};

describe('Compose hover', () => {
  it('lists the values of a key in Markdown that renders (bold closes right after the colon)', () => {
    for (const lang of ['en', 'zh-cn'] as const) {
      const text = hoverAt(at('condition: service_healthy', 3), lang)!;
      assert.match(text, lang === 'en' ? /\*\*Values:\*\* `service_started`/ : /\*\*可选值：\*\* `service_started`/);
      assert.doesNotMatch(text, /\*\*[^*\n]*\s\*\*/, 'a bold span ending in a space is shown with its asterisks');
    }
  });
  it('explains a service key in English and Chinese', () => {
    const en = hoverAt(at('image: nginx'))!;
    assert.match(en, /^\*\*image\*\*/);
    assert.match(en, /Pin a tag or a digest/);
    assert.match(en, /`services\.web\.image`/);
    const zh = hoverAt(at('image: nginx'), 'zh-cn')!;
    assert.match(zh, /容器运行的镜像/);
  });

  it('shows a service at a glance on its name: image, ports, dependencies', () => {
    const text = hoverAt(at('web:'))!;
    assert.match(text, /\*\*web\*\* — service/);
    assert.match(text, /Image: `nginx:1\.27`/);
    assert.match(text, /Ports: `8080:80`/);
    assert.match(text, /Depends on: `db` \(service_healthy\)/);
    const zh = hoverAt(at('web:'), 'zh-cn')!;
    assert.match(zh, /镜像：`nginx:1\.27`/);
  });

  it('shows the referenced service on a depends_on entry', () => {
    const text = hoverAt(at('db:\n        condition'))!;
    assert.match(text, /\*\*db\*\* — service/);
    assert.match(text, /Has a healthcheck/);
  });

  it('says which tool reads Swarm-only and Compose-only keys', () => {
    assert.match(hoverAt(at('placement:'))!, /Swarm only.*docker compose up.*ignores/);
    assert.match(hoverAt(at('placement:'), 'zh-cn')!, /仅 Swarm/);
    assert.match(hoverAt(at('restart: unless'))!, /docker stack deploy.*ignores/);
    assert.match(hoverAt(at('depends_on:'))!, /Not for Swarm/);
  });

  it('explains enum values and nested keys of shared definitions', () => {
    assert.match(hoverAt(at('service_healthy', 3))!, /healthcheck passes/);
    assert.match(hoverAt(at('unless-stopped', 2))!, /Like `always`/);
    assert.match(hoverAt(at('test: ["CMD'))!, /CMD-SHELL/);
    assert.match(hoverAt(at('constraints:'))!, /node\.role == manager/);
  });

  it('explains extension fields, the key of a value, and stays quiet on unknown keys', () => {
    assert.match(hoverAt(at('x-common'))!, /extension field/);
    assert.equal(hoverAt('services:\n  web:\n    imagee|: x\n'), undefined);
    assert.match(hoverAt(at('nginx:1.27', 2))!, /^\*\*image\*\*/);
  });

  it('works on YAML being typed', () => {
    assert.match(hoverAt('services:\n  web:\n    heal|thcheck:\n      test: [\n')!, /healthy/);
  });
});

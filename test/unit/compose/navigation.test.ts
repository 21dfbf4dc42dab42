import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../../../server/src/common/service';
import { normalizeSettings } from '../../../server/src/common/settings';
import { parseCompose } from '../../../server/src/compose/model';
import {
  composeDefinition, composeLinks, composePrepareRename, composeReferences, composeRename, fileUriOf, variableHover,
} from '../../../server/src/compose/navigation';
import { memoryFiles } from './memoryFiles';

const base = `services:
  web:
    build:
      context: ./web
      dockerfile: Dockerfile.dev
    depends_on: [db]
    links: ["db:database"]
    networks: [front]
    env_file: ./web.env
    image: "app:\${TAG:-dev}"
    environment:
      URL: postgres://\${DB_HOST}/x
  db:
    image: postgres
    network_mode: service:web
networks:
  front: {}
secrets:
  token:
    file: ./token.txt
`;
const override = 'services:\n  db:\n    volumes_from: [web]\n  worker:\n    extends: web\n';
const files = {
  '/p/compose.yaml': base,
  '/p/compose.override.yaml': override,
  '/p/web/Dockerfile.dev': 'FROM node\n',
  '/p/web.env': 'DB_HOST=from-env-file\n',
  '/p/token.txt': 'x',
  '/p/.env': '# vars\nTAG=1.2\n',
};

function setup(lang: 'en' | 'zh-cn' = 'en') {
  const document = TextDocument.create('file:///p/compose.yaml', 'dockercompose', 1, base);
  const model = parseCompose(document);
  const ctx: FeatureContext = { lang, settings: normalizeSettings(undefined), filePath: '/p/compose.yaml', project: { customSchemaFiles: [], files: memoryFiles(files) } };
  const at = (needle: string, nth = 0, shift = 1) => {
    let index = -1;
    for (let i = 0; i <= nth; i++) index = base.indexOf(needle, index + 1);
    assert.ok(index >= 0, needle);
    return document.positionAt(index + shift);
  };
  return { model, ctx, at, document };
}

test('definition of a service from depends_on, links and network_mode', () => {
  const { model, ctx, at } = setup();
  // db is declared in both files (the override adds to it): both declarations answer.
  for (const position of [at('[db]', 0, 1), at('"db:', 0, 2)]) {
    const found = composeDefinition(model, position, ctx);
    assert.deepEqual(found?.map((l) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`), ['file:///p/compose.yaml:12:2', 'file:///p/compose.override.yaml:1:2']);
  }
  assert.deepEqual(composeDefinition(model, at('service:web', 0, 9), ctx)?.map((l) => `${l.uri}:${l.range.start.line}`), ['file:///p/compose.yaml:1']);
});

test('references across the base and the override file', () => {
  const { model, ctx, at } = setup();
  const refs = composeReferences(model, at('  web:', 0, 3), true, ctx);
  const byFile = refs.map((l) => `${l.uri.replace('file:///p/', '')}:${l.range.start.line}`);
  assert.deepEqual(byFile, ['compose.yaml:1', 'compose.yaml:14', 'compose.override.yaml:2', 'compose.override.yaml:4']);
  assert.equal(composeReferences(model, at('  web:', 0, 3), false, ctx).length, 3);
});

test('rename a service: declaration, depends_on, links (alias kept), service: modes, extends, volumes_from, in every file', () => {
  const { model, ctx, at } = setup();
  assert.deepEqual(composePrepareRename(model, at('[db]', 0, 1), ctx), { range: { start: { line: 5, character: 17 }, end: { line: 5, character: 19 } }, placeholder: 'db' });
  const edit = composeRename(model, at('[db]', 0, 1), 'database-server', ctx)!;
  const current = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, base), edit.changes!['file:///p/compose.yaml']);
  assert.match(current, /depends_on: \[database-server\]/);
  assert.match(current, /links: \["database-server:database"\]/);
  assert.match(current, /\n {2}database-server:\n {4}image: postgres/);
  const other = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, override), edit.changes!['file:///p/compose.override.yaml']);
  assert.equal(other, 'services:\n  database-server:\n    volumes_from: [web]\n  worker:\n    extends: web\n');
  const web = composeRename(model, at('service:web', 0, 9), 'frontend', ctx)!;
  const renamed = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, override), web.changes!['file:///p/compose.override.yaml']);
  assert.equal(renamed, 'services:\n  db:\n    volumes_from: [frontend]\n  worker:\n    extends: frontend\n');
  assert.equal(composeRename(model, at('[db]', 0, 1), 'bad name', ctx), null, 'Compose would refuse the name');
});

test('rename a network and a secret', () => {
  const { model, ctx, at } = setup();
  const edit = composeRename(model, at('[front]', 0, 1), 'public', ctx)!;
  const text = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, base), edit.changes!['file:///p/compose.yaml']);
  assert.match(text, /networks: \[public\]/);
  assert.match(text, /networks:\n {2}public: \{\}/);
  assert.equal(composePrepareRename(model, at('image: postgres', 0, 8), ctx), null, 'not a name');
});

test('links to the Dockerfile, env file and secret file; definition on build.dockerfile opens the Dockerfile', () => {
  const { model, ctx, at } = setup();
  const links = composeLinks(model, ctx);
  assert.deepEqual(links.map((l) => l.target), ['file:///p/web/Dockerfile.dev', 'file:///p/web.env', 'file:///p/token.txt']);
  assert.equal(links[0].tooltip, 'Open the Dockerfile');
  const definition = composeDefinition(model, at('Dockerfile.dev', 0, 2), ctx);
  assert.deepEqual(definition?.map((l) => l.uri), ['file:///p/web/Dockerfile.dev']);
});

test('build context without dockerfile links to the Dockerfile inside it', () => {
  const text = 'services:\n  api:\n    build: ./api\n  gone:\n    build: ./missing\n';
  const model = parseCompose(TextDocument.create('file:///p/compose.yaml', 'dockercompose', 1, text));
  const ctx: FeatureContext = { lang: 'zh-cn', settings: normalizeSettings(undefined), filePath: '/p/compose.yaml', project: { customSchemaFiles: [], files: memoryFiles({ '/p/api/Dockerfile': 'FROM x\n' }) } };
  const links = composeLinks(model, ctx);
  assert.deepEqual(links.map((l) => [l.target, l.tooltip]), [['file:///p/api/Dockerfile', '打开 Dockerfile']]);
});

test('hover on a variable: .env value, default, env_file value, unset', () => {
  const { model, ctx, at } = setup();
  const tag = variableHover(model, at('${TAG', 0, 3), ctx);
  const tagText = (tag?.contents as { value: string }).value;
  assert.match(tagText, /\*\*TAG\*\*/);
  assert.match(tagText, /Value from `.env`: `1.2`/);
  assert.doesNotMatch(tagText, /default applies/);
  const host = (variableHover(model, at('${DB_HOST', 0, 3), ctx)?.contents as { value: string }).value;
  assert.match(host, /Not set in `.env` and no default/);
  assert.match(host, /`env_file` `.\/web.env` sets it to `from-env-file`/);
  assert.equal(variableHover(model, at('postgres://', 0, 2), ctx), null);
  const zh = setup('zh-cn');
  assert.match((variableHover(zh.model, zh.at('${TAG', 0, 3), zh.ctx)?.contents as { value: string }).value, /来自 `.env` 的值/);
});

test('definition on a variable opens its .env line', () => {
  const { model, ctx, at } = setup();
  const found = composeDefinition(model, at('${TAG', 0, 3), ctx);
  assert.deepEqual(found, [{ uri: 'file:///p/.env', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } } }]);
});

test('file URIs for POSIX and Windows paths', () => {
  assert.equal(fileUriOf('/a b/c#d.yaml'), 'file:///a%20b/c%23d.yaml');
  assert.equal(fileUriOf('C:\\work\\compose.yaml'), 'file:///c%3A/work/compose.yaml');
});

test('definition on extends.service with a file opens that file at the service', () => {
  const text = 'services:\n  api:\n    extends:\n      file: ../common/services.yaml\n      service: base\n';
  const model = parseCompose(TextDocument.create('file:///p/compose.yaml', 'dockercompose', 1, text));
  const ctx: FeatureContext = { lang: 'en', settings: normalizeSettings(undefined), filePath: '/p/compose.yaml', project: { customSchemaFiles: [], files: memoryFiles({ '/common/services.yaml': 'services:\n  other:\n    image: a\n  base:\n    image: b\n' }) } };
  const found = composeDefinition(model, TextDocument.create('x', 'yaml', 1, text).positionAt(text.indexOf('base') + 1), ctx);
  assert.deepEqual(found, [{ uri: 'file:///common/services.yaml', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } } }]);
});

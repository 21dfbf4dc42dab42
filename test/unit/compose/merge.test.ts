import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addIncluded, at, mergeSources, parseComposeSource, textOf, type Merged, type MergedMap } from '../../../server/src/compose/merge';
import { loadComposeProject, resolvePath } from '../../../server/src/compose/project';
import { memoryFiles } from './memoryFiles';

const source = (path: string, text: string) => parseComposeSource(path, text, '/p');

/** A merged tree as plain data (what Compose's loader would print), to compare with expectations. */
function plain(node: Merged | undefined): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries([...node.entries].map(([key, entry]) => [key, entry.value ? plain(entry.value) : null]));
}

const merge = (...texts: string[]) => mergeSources(texts.map((text, i) => source(`/p/f${i}.yaml`, text))) as MergedMap;

test('maps merge, sequences append, scalars are replaced (the spec\'s merge chapter)', () => {
  const merged = merge('services:\n  foo:\n    key1: value1\n    key2: value2\n    dns: [1.1.1.1]\n', 'services:\n  foo:\n    key2: VALUE\n    key3: value3\n    dns: [8.8.8.8]\n');
  assert.deepEqual(plain(at(merged, 'services', 'foo')), { key1: 'value1', key2: 'VALUE', key3: 'value3', dns: ['1.1.1.1', '8.8.8.8'] });
});

test('command, entrypoint and healthcheck.test are replaced whole', () => {
  const merged = merge(
    'services:\n  foo:\n    command: [echo, foo]\n    entrypoint: [a]\n    healthcheck:\n      test: [CMD, a]\n      interval: 5s\n',
    'services:\n  foo:\n    command: [echo, bar]\n    entrypoint: [b]\n    healthcheck:\n      test: [CMD, b]\n',
  );
  assert.deepEqual(plain(at(merged, 'services', 'foo')), { command: ['echo', 'bar'], entrypoint: ['b'], healthcheck: { test: ['CMD', 'b'], interval: '5s' } });
});

test('unique resources: one mount per target, the override wins', () => {
  const merged = merge(
    'services:\n  foo:\n    volumes: [foo:/work, ./a:/a]\n    secrets: [token]\n',
    'services:\n  foo:\n    volumes: [bar:/work]\n    secrets: [{source: other, target: /run/secrets/token}, {source: x, target: token}]\n',
  );
  assert.deepEqual(plain(at(merged, 'services', 'foo', 'volumes')), ['bar:/work', './a:/a']);
  // compose-go keys a short entry by /run/secrets/<name> and a long one by its target as written.
  assert.deepEqual(plain(at(merged, 'services', 'foo', 'secrets')), [{ source: 'other', target: '/run/secrets/token' }, { source: 'x', target: 'token' }]);
});

test('build as a path, depends_on and networks as lists, merged with their long forms', () => {
  const merged = merge(
    'services:\n  web:\n    build: ./app\n    depends_on: [db]\n    networks: [front]\n',
    'services:\n  web:\n    build:\n      target: dev\n    depends_on:\n      cache:\n        condition: service_started\n    networks:\n      back: {}\n',
  );
  const web = at(merged, 'services', 'web');
  assert.deepEqual(plain(at(web, 'build')), { context: './app', target: 'dev' });
  assert.deepEqual(Object.keys(plain(at(web, 'depends_on')) as object), ['db', 'cache']);
  assert.deepEqual(Object.keys(plain(at(web, 'networks')) as object), ['front', 'back']);
});

test('!reset removes, !override replaces without merging', () => {
  const merged = merge(
    'services:\n  app:\n    image: myapp\n    ports: ["8080:80"]\n    environment:\n      FOO: BAR\n',
    'services:\n  app:\n    image: myapp\n    ports: !reset []\n    environment: !override\n      OTHER: x\n',
  );
  assert.deepEqual(plain(at(merged, 'services', 'app')), { image: 'myapp', environment: { OTHER: 'x' } });
});

test('anchors, aliases and << merge keys are followed', () => {
  const merged = merge('x-base: &base\n  image: base\n  restart: always\nservices:\n  a:\n    <<: *base\n    image: mine\n  b: *base\n');
  assert.deepEqual(plain(at(merged, 'services', 'a')), { image: 'mine', restart: 'always' });
  assert.deepEqual(plain(at(merged, 'services', 'b')), { image: 'base', restart: 'always' });
});

test('merged nodes remember the file and node that wrote them', () => {
  const merged = merge('services:\n  web:\n    image: a\n', 'services:\n  web:\n    image: b\n  db:\n    image: pg\n');
  const image = at(merged, 'services', 'web', 'image');
  assert.equal(image?.source.path, '/p/f1.yaml');
  assert.equal(textOf(image), 'b');
  const services = at(merged, 'services') as MergedMap;
  assert.equal(services.entries.get('web')?.keySource.path, '/p/f1.yaml');
});

test('included resources are added; names the application declares keep their own definition', () => {
  const root = merge('services:\n  web:\n    image: mine\n');
  const included = merge('services:\n  web:\n    image: theirs\n  db:\n    image: pg\nnetworks:\n  shared: {}\n');
  const combined = addIncluded(root, included);
  assert.deepEqual(plain(at(combined, 'services')), { web: { image: 'mine' }, db: { image: 'pg' } });
  assert.deepEqual(plain(at(combined, 'networks')), { shared: {} });
});

test('resolvePath folds . and .. in either separator style', () => {
  assert.equal(resolvePath('/p/app', './web/../api'), '/p/app/api');
  assert.equal(resolvePath('/p/app', '../x'), '/p/x');
  assert.equal(resolvePath('/p', '/abs/y'), '/abs/y');
  assert.equal(resolvePath('C:\\p', '..\\..\\q'), 'C:\\q');
  assert.equal(resolvePath('/p', '.'), '/p');
});

test('the default override beside compose.yaml is merged, and a named override sits on the base', () => {
  const files = memoryFiles({
    '/p/compose.yaml': 'services:\n  web:\n    image: a\n',
    '/p/compose.override.yaml': 'services:\n  web:\n    ports: ["80:80"]\n  debug:\n    image: busybox\n',
    '/p/compose.prod.yaml': 'services:\n  web:\n    image: prod\n',
  });
  const base = loadComposeProject(parseComposeSource('/p/compose.yaml', files.readText('/p/compose.yaml')!, '/p'), files);
  assert.deepEqual(base.layers.map((s) => s.path), ['/p/compose.yaml', '/p/compose.override.yaml']);
  assert.deepEqual(Object.keys(plain(at(base.root, 'services')) as object), ['web', 'debug']);
  const prod = loadComposeProject(parseComposeSource('/p/compose.prod.yaml', files.readText('/p/compose.prod.yaml')!, '/p'), files);
  assert.deepEqual(prod.layers.map((s) => s.path), ['/p/compose.yaml', '/p/compose.prod.yaml']);
  assert.equal(textOf(at(prod.root, 'services', 'web', 'image')), 'prod');
  const other = loadComposeProject(parseComposeSource('/p/stack.yaml', 'services: {}\n', '/p'), files);
  assert.deepEqual(other.layers.map((s) => s.path), ['/p/stack.yaml']);
});

test('include: short and long forms, their own folders and .env, recursion bounded, cycles ignored', () => {
  const files = memoryFiles({
    '/p/compose.yaml': 'include:\n  - ../shared/compose.yaml\n  - path: ./sub/${SUB:-db}.yaml\n    project_directory: ./sub\nservices:\n  web:\n    image: a\n',
    '/shared/compose.yaml': 'include: [../p/compose.yaml]\nservices:\n  cache:\n    image: redis\n',
    '/p/sub/db.yaml': 'services:\n  db:\n    build: ./db\n',
    '/p/.env': 'SUB=db\n',
  });
  const project = loadComposeProject(parseComposeSource('/p/compose.yaml', files.readText('/p/compose.yaml')!, '/p'), files);
  assert.deepEqual(Object.keys(plain(at(project.root, 'services')) as object), ['web', 'cache', 'db']);
  assert.equal(project.env?.file.values.get('SUB'), 'db');
  const db = at(project.root, 'services', 'db', 'build');
  assert.equal(db?.source.projectDir, '/p/sub', 'relative paths of an included file resolve in its own folder');
  assert.equal(project.sourceOf('/shared/compose.yaml')?.path, '/shared/compose.yaml');
});

test('without a reader a file stands alone', () => {
  const project = loadComposeProject(parseComposeSource('/p/compose.yaml', 'include: [x.yaml]\nservices: {a: {image: x}}\n', '/p'), undefined);
  assert.deepEqual(project.layers.length, 1);
  assert.deepEqual(project.included, []);
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/common/service';
import { completeCompose } from '../../../server/src/compose/completion';
import { compose, contextFor, withCursor } from './composeKit';
import { memoryFiles } from './memoryFiles';

/** `build.target` values from the service's Dockerfile, `image:` values from the file and the workspace. */

const dockerfile = '# syntax=docker/dockerfile:1\nFROM node:22 AS deps\nRUN npm ci\n\nFROM deps AS Build\nRUN npm run build\n\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n\nFROM \\\n  busybox AS debug\n';

function withFiles(files: Record<string, string>, workspace?: unknown, lang: 'en' | 'zh-cn' = 'en'): FeatureContext {
  return { ...contextFor(lang), project: { customSchemaFiles: [], files: memoryFiles(files) }, workspace };
}

function complete(marked: string, ctx: FeatureContext): CompletionItem[] {
  const { text, position } = withCursor(marked);
  return completeCompose(compose(text), position, ctx)?.items ?? [];
}
const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const newText = (item: CompletionItem | undefined) => (item?.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined);

describe('Compose completion: build.target', () => {
  const files = { '/work/app/Dockerfile': dockerfile, '/work/app/api/Dockerfile.dev': 'FROM golang:1.23 AS builder\nFROM scratch AS runtime\n' };

  it('offers the named stages of the Dockerfile in the build context, in file order', () => {
    const items = complete('services:\n  web:\n    build:\n      context: .\n      target: |\n', withFiles(files));
    assert.deepEqual(labels(items), ['deps', 'build', 'debug']);
    assert.equal(items[1]!.detail, 'stage 2 · FROM deps');
    assert.equal(newText(items[0]), 'deps');
  });

  it('reads build.dockerfile under the context, and describes stages in Chinese', () => {
    const items = complete('services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.dev\n      target: |\n', withFiles(files, undefined, 'zh-cn'));
    assert.deepEqual(labels(items), ['builder', 'runtime']);
    assert.equal(items[0]!.detail, '第 1 个阶段 · FROM golang:1.23');
  });

  it('defaults the context to the Compose file folder, and works while the value is typed on incomplete YAML', () => {
    assert.deepEqual(labels(complete('services:\n  web:\n    build:\n      target: de|', withFiles(files))), ['deps', 'build', 'debug']);
    assert.deepEqual(labels(complete('services:\n  web:\n    build:\n      target: |\n    ports:\n      - "80\n', withFiles(files))), ['deps', 'build', 'debug']);
  });

  it('reads dockerfile_inline without asking the reader', () => {
    const reader = memoryFiles({});
    const ctx: FeatureContext = { ...contextFor(), project: { customSchemaFiles: [], files: reader } };
    const items = complete('services:\n  web:\n    build:\n      dockerfile_inline: "FROM alpine AS base\\nFROM base AS final"\n      target: |\n', ctx);
    assert.deepEqual(labels(items), ['base', 'final']);
    assert.deepEqual(reader.reads, []);
  });

  it('offers nothing for a missing Dockerfile, a remote context, a variable path, or no reader', () => {
    assert.deepEqual(complete('services:\n  web:\n    build:\n      context: ./nothing\n      target: |\n', withFiles(files)), []);
    const remote = memoryFiles(files);
    assert.deepEqual(complete('services:\n  web:\n    build:\n      context: https://github.com/docker/example.git\n      target: |\n', { ...contextFor(), project: { customSchemaFiles: [], files: remote } }), []);
    assert.deepEqual(remote.reads, [], 'a remote context is never read');
    assert.deepEqual(complete('services:\n  web:\n    build:\n      context: ${APP_DIR}\n      target: |\n', withFiles(files)), []);
    assert.deepEqual(complete('services:\n  web:\n    build:\n      target: |\n', contextFor()), []);
  });
});

describe('Compose completion: image', () => {
  const workspace = { knownImages: () => ['golang:1.23', 'postgres:17'] };

  it('offers the images of the other services, then those the workspace knows', () => {
    const items = complete('services:\n  db:\n    image: postgres:17\n  cache:\n    image: redis:7\n  web:\n    image: |\n', withFiles({}, workspace));
    assert.deepEqual(labels(items), ['postgres:17', 'redis:7', 'golang:1.23']);
    assert.equal(items[0]!.detail, 'image in this file');
    assert.equal(items[2]!.detail, 'image in the workspace');
  });

  it('leaves out the value being typed, and works on YAML that does not parse yet', () => {
    const items = complete('services:\n  web:\n    image: gol|\n  db:\n    image: [\n', withFiles({}, workspace));
    assert.deepEqual(labels(items), ['golang:1.23', 'postgres:17']);
  });

  it('uses the workspace index objects when it has no image catalog, and survives a broken one', () => {
    const index = { version: 1, all: () => [{ images: ['busybox:1.36'] }] };
    assert.deepEqual(labels(complete('services:\n  web:\n    image: |\n', withFiles({}, index))), ['busybox:1.36']);
    const broken = { knownImages: () => { throw new Error('index gone'); } };
    assert.deepEqual(labels(complete('services:\n  db:\n    image: redis:7\n  web:\n    image: |\n', withFiles({}, broken))), ['redis:7']);
  });

  it('offers no image outside a service image value', () => {
    assert.ok(!labels(complete('services:\n  web:\n    restart: |\n', withFiles({}, workspace))).includes('golang:1.23'));
  });
});

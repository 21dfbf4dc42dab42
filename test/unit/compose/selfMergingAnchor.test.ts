import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeSettings } from '../../../server/src/common/settings';
import { diagnoseCompose } from '../../../server/src/compose/diagnostics';
import { at, fileRoot, parseComposeSource } from '../../../server/src/compose/merge';
import { parseCompose } from '../../../server/src/compose/model';

/**
 * An alias inside the node its anchor names (`x: &a {svc: {<<: *a}}`) is not followed into that
 * node again. Found by the incremental differential test: deleting the `services:` line of a file
 * whose services merge an anchored `x-logging` block puts the services inside that block, and each
 * service then merged the block holding all of them, again at every level (the server ran out of memory).
 */

test('a merge of the block that holds it does not copy the block into itself', () => {
  const source = parseComposeSource('/p/compose.yaml', 'x-base: &base\n  restart: always\n  web:\n    <<: *base\n    image: nginx\n', '/p');
  const web = at(fileRoot(source), 'x-base', 'web');
  assert.equal(web?.kind, 'map');
  // The alias names the block `web` is in: nothing of it comes in (no `web` inside `web`, no `restart`).
  assert.deepEqual(web?.kind === 'map' ? [...web.entries.keys()] : [], ['image']);
});

test('a merge of a sibling block still brings its keys in', () => {
  const source = parseComposeSource('/p/compose.yaml', 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx\n', '/p');
  const web = at(fileRoot(source), 'services', 'web');
  assert.deepEqual(web?.kind === 'map' ? [...web.entries.keys()].sort() : [], ['image', 'restart']);
});

test('a file whose services sit inside the anchored block they merge is checked in a moment', () => {
  const services = Array.from({ length: 12 }, (_, i) => `  svc${i}:\n    <<: *logging\n    image: app:${i}\n`).join('');
  const text = `name: shop\nx-logging: &logging\n  logging:\n    driver: json-file\n${services}`;
  const model = parseCompose(TextDocument.create('file:///p/compose.yaml', 'dockercompose', 1, text));
  const started = Date.now();
  const diagnostics = diagnoseCompose(model, { lang: 'en', settings: normalizeSettings({ profile: 'strict' }), filePath: '/p/compose.yaml', project: { customSchemaFiles: [] } });
  assert.ok(Array.isArray(diagnostics));
  assert.ok(Date.now() - started < 5000, `checking took ${Date.now() - started} ms`);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { WorkspaceIndexer } from '../../../server/src/lsp/workspaceIndexer';

// The language server's indexer reads an edited Compose file for the image graph once typing
// pauses, not on every keystroke (that read parses the whole file again); opening reads it at once.

const composeUri = 'file:///w/compose.yaml';
const dockerfileUri = 'file:///w/web/Dockerfile';
const composeText = (image: string) => `services:\n  web:\n    build: ./web\n    image: ${image}\n`;
/** Whether the graph knows a Compose file builds `image` (a folder-name guess does not count). */
const builtByCompose = (subject: WorkspaceIndexer, image: string) => subject.graph.edgeFor(image)?.evidence.some((evidence) => evidence.kind === 'compose') ?? false;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function indexer(revalidated: string[][] = []) {
  const made = new WorkspaceIndexer({ modelOf: (document) => parseManifestFile(document), revalidate: (uris) => revalidated.push(uris), log: () => {}, debounceMs: 1, graphFeedDelayMs: 60 });
  made.documentChanged(TextDocument.create(dockerfileUri, 'dockerfile', 1, 'FROM alpine\nUSER 1000\n'));
  return made;
}

test('an opened Compose file feeds the image graph at once; an edit feeds it after a pause, with the latest text', async () => {
  const subject = indexer();
  try {
    const document = TextDocument.create(composeUri, 'dockercompose', 1, composeText('acme/web:1.0'));
    subject.documentChanged(document);
    (subject as unknown as { open: Set<string> }).open.add(composeUri);
    assert.ok(builtByCompose(subject, 'acme/web:1.0'));

    TextDocument.update(document, [{ text: composeText('acme/web:2.0') }], 2);
    subject.documentChanged(document, true);
    await sleep(20);
    TextDocument.update(document, [{ text: composeText('acme/web:3.0') }], 3);
    subject.documentChanged(document, true);
    await sleep(20);
    assert.ok(!builtByCompose(subject, 'acme/web:3.0'), 'not read while typing goes on');
    assert.ok(builtByCompose(subject, 'acme/web:1.0'));
    await sleep(120);
    assert.ok(builtByCompose(subject, 'acme/web:3.0'), 'read after the pause');
    assert.equal(subject.graph.edgeFor('acme/web:3.0')?.dockerfileUri, dockerfileUri);
    assert.ok(!builtByCompose(subject, 'acme/web:1.0'), 'the old claim is gone');
  } finally {
    subject.dispose();
  }
});

test('an edited Compose file closed before the pause is not read from its editor text', async () => {
  const subject = indexer();
  try {
    const document = TextDocument.create(composeUri, 'dockercompose', 1, composeText('acme/web:1.0'));
    subject.documentChanged(document);
    (subject as unknown as { open: Set<string> }).open.add(composeUri);
    TextDocument.update(document, [{ text: composeText('acme/web:9.9') }], 2);
    subject.documentChanged(document, true);
    (subject as unknown as { open: Set<string> }).open.delete(composeUri);
    await sleep(120);
    assert.ok(!builtByCompose(subject, 'acme/web:9.9'));
    assert.ok(builtByCompose(subject, 'acme/web:1.0'));
  } finally {
    subject.dispose();
  }
});

// Code actions over stdio: fixes for the text as it is now (never for the one a diagnostic came
// from), one action per distinct edit, and "fix all" as the source.fixAll.stevedore kind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, InitializeResult, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { StdioClient } from './client';

const original = 'FROM alpine:3.20\nRUN apt-get install curl\n';
const withComment = `# a comment above\n${original}`;

/** The edits of an action for `uri`, whether sent as `changes` or as versioned `documentChanges`. */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit?.changes) return edit.changes[uri] ?? [];
  return (edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : []));
}

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

function codeActions(client: StdioClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

/** The "Add -y" fix the server offers for `diagnostic`, applied to `text`. */
async function applyAddYes(client: StdioClient, uri: string, diagnostic: Diagnostic, text: string): Promise<string> {
  const actions = await codeActions(client, uri, [diagnostic]);
  const fix = actions.find((a) => a.title === 'Add -y');
  assert.ok(fix, `no "Add -y" among ${JSON.stringify(actions.map((a) => a.title))}`);
  return apply(text, editsOf(fix.edit, uri));
}

const missingYes = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'apt-get-missing-yes');

for (const trigger of ['onSave', 'onType'] as const) {
  test(`${trigger}: a fix requested with a diagnostic from before an edit above it lands on the line it fixes`, async () => {
    const { client } = await StdioClient.start({ settings: { diagnostics: { trigger } } });
    const uri = `file:///tmp/stevedore-protocol/stale-${trigger}/Dockerfile`;
    try {
      await client.open(uri, 'dockerfile', original);
      const stale = missingYes(await client.waitForDiagnostics(uri, (p) => p.version === 1));
      assert.ok(stale);
      // Typed, as an editor sends it: a line inserted at the top. The request follows at once, with
      // the diagnostic the editor still shows (onSave: nothing new is published until a save).
      await client.changeIncremental(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment above\n' }]);
      assert.equal(await applyAddYes(client, uri, stale, withComment), '# a comment above\nFROM alpine:3.20\nRUN apt-get install -y curl\n');
      // The "ignore" comment goes above the RUN line too, not above FROM.
      const actions = await codeActions(client, uri, [stale]);
      const ignore = actions.find((a) => a.title.startsWith('Ignore apt-get-missing-yes on this line'));
      assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(apply(withComment, editsOf(ignore.edit, uri)), '# a comment above\nFROM alpine:3.20\n# stevedore-ignore apt-get-missing-yes\nRUN apt-get install curl\n');
    } finally {
      await client.stop();
    }
  });
}

test('a whole-text change (no range) still maps the old diagnostic by the unchanged lines around the edit', async () => {
  const { client } = await StdioClient.start({ settings: { diagnostics: { trigger: 'onSave' } } });
  const uri = 'file:///tmp/stevedore-protocol/stale-full/Dockerfile';
  try {
    await client.open(uri, 'dockerfile', original);
    const stale = missingYes(await client.waitForDiagnostics(uri))!;
    await client.change(uri, withComment);
    assert.equal(await applyAddYes(client, uri, stale, withComment), '# a comment above\nFROM alpine:3.20\nRUN apt-get install -y curl\n');
  } finally {
    await client.stop();
  }
});

test('a stale diagnostic whose finding is gone offers nothing, and several findings of one rule each get their own fix', async () => {
  const { client } = await StdioClient.start({ settings: { diagnostics: { trigger: 'onSave' } } });
  const uri = 'file:///tmp/stevedore-protocol/stale-gone/Dockerfile';
  const two = 'FROM debian:12\nRUN apt-get install curl\nRUN apt-get install git\n';
  try {
    await client.open(uri, 'dockerfile', two);
    const [first, second] = (await client.waitForDiagnostics(uri)).filter((d) => d.code === 'apt-get-missing-yes');
    assert.ok(first && second);
    // The user fixes the first RUN by hand and adds a line above the second.
    const edited = 'FROM debian:12\nRUN apt-get install -y curl\n# git too\nRUN apt-get install git\n';
    await client.change(uri, edited);
    const forFirst = await codeActions(client, uri, [first]);
    assert.deepEqual(forFirst, [], `the fixed finding still offers ${JSON.stringify(forFirst.map((a) => a.title))}`);
    assert.equal(await applyAddYes(client, uri, second, edited), 'FROM debian:12\nRUN apt-get install -y curl\n# git too\nRUN apt-get install -y git\n');
  } finally {
    await client.stop();
  }
});

test('a client that takes versioned edits gets documentChanges naming the current version', async () => {
  const { client } = await StdioClient.start({ settings: { diagnostics: { trigger: 'onSave' } }, versionedEdits: true });
  const uri = 'file:///tmp/stevedore-protocol/versioned/Dockerfile';
  try {
    await client.open(uri, 'dockerfile', original);
    const stale = missingYes(await client.waitForDiagnostics(uri))!;
    const version = await client.changeIncremental(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment above\n' }]);
    const fix = (await codeActions(client, uri, [stale])).find((a) => a.title === 'Add -y');
    assert.equal(fix?.edit?.changes, undefined);
    const [change] = fix?.edit?.documentChanges ?? [];
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(change.textDocument, { uri, version });
    assert.equal(apply(withComment, change.edits as TextEdit[]), '# a comment above\nFROM alpine:3.20\nRUN apt-get install -y curl\n');
  } finally {
    await client.stop();
  }
});

test('fix all: advertised as source.fixAll.stevedore, applies every safe fix of the current text, only when asked for', async () => {
  const { client, init } = await StdioClient.start({ settings: { diagnostics: { trigger: 'onSave' } } });
  const provider = (init as InitializeResult).capabilities.codeActionProvider;
  assert.ok(typeof provider === 'object' && provider.codeActionKinds?.includes('source.fixAll.stevedore'), JSON.stringify(provider));
  const uri = 'file:///tmp/stevedore-protocol/fix-all/Dockerfile';
  const text = 'FROM debian:12 as base\nRUN apt-get install curl\nRUN apt-get install git\n';
  try {
    await client.open(uri, 'dockerfile', text);
    const diagnostics = await client.waitForDiagnostics(uri);
    // Edited since the last check (onSave): fix-all works on the text as it is now.
    const now = `# edited\n${text}`;
    await client.change(uri, now);
    for (const only of [['source.fixAll.stevedore'], ['source.fixAll'], ['source']]) {
      const actions = await codeActions(client, uri, [], only);
      assert.equal(actions.length, 1, `${only}: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(actions[0].kind, 'source.fixAll.stevedore');
      assert.equal(apply(now, editsOf(actions[0].edit, uri)), '# edited\nFROM debian:12 AS base\nRUN apt-get install -y curl\nRUN apt-get install -y git\n');
    }
    // The light bulb (no filter, or quick fixes only) never pays for a whole-file fix.
    assert.ok(!(await codeActions(client, uri, diagnostics)).some((a) => a.kind === 'source.fixAll.stevedore'));
    assert.ok(!(await codeActions(client, uri, diagnostics, ['quickfix'])).some((a) => a.kind === 'source.fixAll.stevedore'));
    // And a source.fixAll request gets no quick fixes.
    assert.ok((await codeActions(client, uri, diagnostics, ['source.fixAll'])).every((a) => a.kind === 'source.fixAll.stevedore'));
  } finally {
    await client.stop();
  }
});

test('a Kubernetes container: one action per distinct edit, no repeated titles, each rule ignored once by its id', async () => {
  const { client } = await StdioClient.start({ settings: { profile: 'strict' } });
  const uri = 'file:///tmp/stevedore-protocol/container-menu/deployment.yaml';
  const manifest = [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels:', '    app: web', 'spec:', '  replicas: 2',
    '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:',
    '      containers:', '        - name: web', '          image: nginx:1.27', '          ports:', '            - containerPort: 80', '',
  ].join('\n');
  try {
    await client.open(uri, 'yaml', manifest);
    const all = await client.waitForDiagnostics(uri);
    const onName = all.filter((d) => d.range.start.line === 17);
    const securityFindings = onName.filter((d) => ['run-as-root-allowed', 'root-filesystem-writable', 'net-raw-not-dropped'].includes(String(d.code)));
    assert.equal(securityFindings.length, 3, JSON.stringify(all.map((d) => d.code)));
    const actions = await codeActions(client, uri, onName);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.filter((t, i) => titles.indexOf(t) !== i), [], `repeated titles in ${JSON.stringify(titles)}`);
    const hardened = actions.filter((a) => a.title === 'Add a hardened securityContext');
    assert.equal(hardened.length, 1);
    assert.deepEqual(hardened[0].diagnostics?.map((d) => d.code).sort(), securityFindings.map((d) => d.code).sort());
    assert.equal(hardened[0].isPreferred, true);
    // Each finding's rule is named once among the ignore actions, by its id (kube-linter's name in parentheses).
    const ignores = titles.filter((t) => t.startsWith('Ignore '));
    assert.deepEqual(ignores.map((t) => t.split(' ')[1]).sort(), onName.map((d) => String(d.code)).sort());
    assert.ok(ignores.includes('Ignore run-as-root-allowed for this object (run-as-non-root)'), JSON.stringify(ignores));
    // At most one preferred action per diagnostic.
    for (const diagnostic of onName) {
      const preferred = actions.filter((a) => a.isPreferred && a.diagnostics?.some((d) => d.code === diagnostic.code));
      assert.ok(preferred.length <= 1, `${diagnostic.code}: ${JSON.stringify(preferred.map((a) => a.title))}`);
    }
  } finally {
    await client.stop();
  }
});

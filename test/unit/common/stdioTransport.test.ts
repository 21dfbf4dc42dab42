import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { test } from 'node:test';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-jsonrpc/node';
import { consoleToClientLog, frameOf, SingleWriteMessageWriter } from '../../../server/src/lsp/stdioTransport';

const messages: Message[] = [
  { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///w/Dockerfile', version: 3, diagnostics: [] } } as Message,
  // Characters beyond ASCII: Content-Length counts bytes, not characters.
  { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '基础镜像 — `FROM` ✓ 🐳' } } } as Message,
  { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'a\r\nb "quoted" \\ back' } } as Message,
  // A lone surrogate (half of an emoji cut by an edit): JSON.stringify escapes it, the count stays right.
  { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'cut \ud83d here' } } as Message,
];

/** Every write a writer makes to its stream, as separate buffers. */
function recordingStream(): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, writes };
}

test('a message goes out as the same bytes as vscode-jsonrpc\'s stream writer sends, in one write instead of two', async () => {
  for (const message of messages) {
    const library = recordingStream();
    await new StreamMessageWriter(library.stream).write(message);
    const ours = recordingStream();
    await new SingleWriteMessageWriter(ours.stream).write(message);
    assert.equal(library.writes.length, 2, 'the library writes the header, then the body');
    assert.equal(ours.writes.length, 1);
    assert.deepEqual(ours.writes[0], Buffer.concat(library.writes));
    assert.deepEqual(Buffer.from(frameOf(message), 'utf8'), Buffer.concat(library.writes));
  }
});

test('messages written one after another are read back whole and in order by the client\'s reader', async () => {
  const pipe = new PassThrough();
  const writer = new SingleWriteMessageWriter(pipe);
  const received: Message[] = [];
  const reader = new StreamMessageReader(pipe);
  const all = new Promise<void>((resolve) => reader.listen((message) => {
    received.push(message);
    if (received.length === messages.length * 2) resolve();
  }));
  // Not awaited one by one: a burst of messages, as a check publishing while replies go out.
  await Promise.all([...messages, ...messages].map((message) => writer.write(message)));
  await all;
  assert.deepEqual(received, [...messages, ...messages]);
  reader.dispose();
});

test('a failed write rejects and is reported with its message, as the library\'s writer does', async () => {
  const failing = new Writable({ write(_chunk, _encoding, done) { done(new Error('EPIPE')); } });
  failing.on('error', () => undefined);
  const writer = new SingleWriteMessageWriter(failing);
  const reported: unknown[] = [];
  writer.onError(([error, message, count]) => reported.push([error.message, message, count]));
  await assert.rejects(writer.write(messages[0]), /EPIPE/);
  assert.deepEqual(reported.find((entry) => Array.isArray(entry) && entry[1] !== undefined), ['EPIPE', messages[0], 1]);
});

test('console output goes to the client\'s log, one message per call, never to stdout', () => {
  const logged: string[] = [];
  const errors: string[] = [];
  const console = consoleToClientLog({ log: (message) => logged.push(message), error: (message) => errors.push(message) });
  console.log('indexed %d files', 3);
  console.info({ a: 1 });
  console.warn('careful');
  console.error(new Error('boom').message);
  assert.deepEqual(logged, ['indexed 3 files', '{ a: 1 }']);
  assert.deepEqual(errors, ['careful', 'boom']);
});

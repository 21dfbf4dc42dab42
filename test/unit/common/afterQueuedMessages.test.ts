import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createMessageConnection, NotificationType, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { afterQueuedMessages } from '../../../server/src/lsp/afterQueuedMessages';

const change = new NotificationType<{ version: number }>('test/change');

/**
 * A real vscode-jsonrpc connection (the server's) receiving `count` notifications in one read,
 * each scheduling a check with `schedule` (cancelling the one pending): which versions the checks saw.
 */
async function checksAfterBurst(count: number, schedule: (run: () => void) => { cancel(): void }): Promise<number[]> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createMessageConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  let version = 0;
  const checked: number[] = [];
  let pending: { cancel(): void } | undefined;
  server.onNotification(change, (params) => {
    version = params.version;
    pending?.cancel();
    pending = schedule(() => checked.push(version));
  });
  server.listen();
  // The whole burst arrives in one chunk, as changes typed quickly do.
  const frames = Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: change.method, params: { version: i + 1 } });
    return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  });
  toServer.write(frames.join(''));
  // Until the last version was checked (each check cancels the one pending, so none comes after it):
  // a fixed wait was too short on a loaded machine.
  for (const deadline = Date.now() + 5000; checked.at(-1) !== count && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  server.dispose();
  return checked;
}

test('changes received together are checked once, after the last of them', async () => {
  assert.deepEqual(await checksAfterBurst(5, afterQueuedMessages), [5]);
});

test('one turn of the loop is not enough: the connection handles one queued message per turn', async () => {
  // Why afterQueuedMessages waits two turns: with one, each change of the burst gets its own check.
  const oneTurn = (run: () => void) => {
    const immediate = setImmediate(run);
    return { cancel: () => clearImmediate(immediate) };
  };
  assert.deepEqual(await checksAfterBurst(3, oneTurn), [1, 2, 3]);
});

test('a single change is checked without waiting for a timer', async () => {
  let ran = false;
  afterQueuedMessages(() => { ran = true; });
  // Done within the same two turns of the loop; a zero-delay timer (Node makes it 1 ms) usually is not.
  await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
  assert.equal(ran, true);
});

test('a cancelled check never runs, in either turn', async () => {
  let runs = 0;
  afterQueuedMessages(() => runs++).cancel();
  const later = afterQueuedMessages(() => runs++);
  setImmediate(() => later.cancel());
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(runs, 0);
});

/**
 * Runs `run` once the messages the connection has already received are handled, and no later.
 *
 * vscode-jsonrpc handles one queued message per event-loop turn (each in a `setImmediate`, which
 * queues the next one after the handler returns). A check scheduled with two hops of `setImmediate`
 * therefore runs after the next queued message, whose handler cancels and reschedules it when it is
 * another change of the same document: a burst of changes read together is checked once, as with a
 * zero-delay timer. Unlike that timer (which Node rounds up to 1 ms, and then waits for the next
 * turn of the loop to expire), nothing here waits: the loop does not block while immediates are
 * pending. On a 300-line Dockerfile the timer was about a fifth of edit → diagnostics.
 */
export function afterQueuedMessages(run: () => void): { cancel(): void } {
  let second: NodeJS.Immediate | undefined;
  const first = setImmediate(() => {
    second = setImmediate(run);
  });
  return {
    cancel: () => {
      clearImmediate(first);
      if (second) clearImmediate(second);
    },
  };
}

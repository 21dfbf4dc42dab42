/**
 * How long a check runs before the server reads its other messages. A hover or a completion that
 * arrives during the check of a 50,000-line manifest waits for the slice under way, not the check.
 */
export const checkSliceMs = 8;

export type SlicedRun<T> =
  | { finished: true; value: T }
  | { finished: false; reason: string; slices: number; elapsedMs: number };

/**
 * Runs a check given in steps (LanguageService.diagnoseSteps) a slice at a time: after `sliceMs` of
 * work it gives the event loop a turn (setImmediate: the messages that came in are handled first),
 * then asks `dropReason` whether the check is still wanted. A reason (a newer version of the
 * document, a newer check of it) ends the run there: the steps are closed, nothing is returned.
 * A check that fits in one slice never yields. What the steps throw is thrown.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, dropReason: () => string | undefined, sliceMs = checkSliceMs): Promise<SlicedRun<T>> {
  const started = performance.now();
  let sliceStarted = started;
  let slices = 1;
  for (;;) {
    const step = steps.next();
    if (step.done) return { finished: true, value: step.value };
    if (performance.now() - sliceStarted < sliceMs) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    slices++;
    const reason = dropReason();
    if (reason !== undefined) {
      steps.return(undefined as T);
      return { finished: false, reason, slices, elapsedMs: performance.now() - started };
    }
    sliceStarted = performance.now();
  }
}

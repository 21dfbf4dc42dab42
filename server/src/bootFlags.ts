/**
 * The V8 flags boot.ts sets at start-up (a module of their own so tests can ask for them without
 * starting a server).
 */

/**
 * A language server re-checks on every keystroke: each check of a large file makes a few MB of
 * short-lived objects, and V8's defaults size the heap for throughput, not for a process that stays
 * open all day beside the editor. boot.ts sets these flags before the bundle is compiled:
 * - `--heap-growing-percent=20`: the old generation grows by 20% of the live heap between full
 *   collections instead of several times it (major collections are incremental and mostly
 *   concurrent, so checks barely notice).
 * - `--semi-space-growth-factor=1`: the young generation stays at its initial 1 MB semi-spaces
 *   instead of doubling up to 16 MB each (32 MB committed) after a few busy checks. That young
 *   generation was the largest single item of the server's peak memory. Set at run time because
 *   the bin has no way to pass `--max-semi-space-size` at start; a launcher that does pass it
 *   (or NODE_OPTIONS) keeps its own choice.
 * What each costs and saves is measured in docs/performance.md.
 */
export function gcFlags(execArgv: readonly string[], nodeOptions = ''): string[] {
  const flags = ['--heap-growing-percent=20'];
  const sizedYoungGeneration = [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => /^--max[-_]semi[-_]space[-_]size(=|$)/.test(arg));
  if (!sizedYoungGeneration) flags.push('--semi-space-growth-factor=1');
  return flags;
}

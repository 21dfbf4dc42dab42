/**
 * Environment changes for the language server's process, merged over the editor's own environment
 * by vscode-languageclient (a key set to `undefined` is left out of the child's environment).
 *
 * `NODE_EXTRA_CA_CERTS` makes Node read and parse a certificate bundle at every process start
 * (40–50 ms of CPU on a typical distribution bundle, a quarter of the server's start-up). The
 * server never opens a network connection, so it never needs those certificates.
 *
 * `MALLOC_ARENA_MAX=1`: glibc gives each thread that allocates its own malloc arena, and V8's
 * helper threads (optimizing compiles, garbage collection) each keep freed memory in theirs. One
 * arena for the whole process lowered the server's peak over the bench session by 3–7 MB and its
 * idle RSS by 1.5–2 MB, with no more CPU per edit (docs/performance.md, "malloc arenas"). Only glibc
 * reads it (elsewhere it does nothing), and only at process start, which is why the client sets it
 * and the server cannot. A value already in the editor's environment is kept.
 */
export const serverEnvironment: Readonly<Record<string, string | undefined>> = {
  NODE_EXTRA_CA_CERTS: undefined,
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '1',
};

/**
 * The `yaml` package's parser reads `process.env.LOG_TOKENS` once per token (its debug switch), and
 * Node answers each read of `process.env` by asking the C library's `getenv`: on a 1.2 MB manifest
 * that was 150,000 reads, about a twentieth of the instructions of opening it (callgrind). During a
 * parse, which runs to its end without giving the event loop a turn, `process.env` is a plain copy
 * of itself: every variable reads the same, so the parse does exactly what it did, and the real
 * object is back before anything else can run.
 */
/** From this text length a parse reads the environment more than copying it costs (~0.1 ms for a copy). */
export const plainEnvironmentFrom = 16 * 1024;

/** Runs `parse` of a text of `textLength` characters, under a plain copy of `process.env` when that pays. */
export function parseWithPlainEnvironment<T>(textLength: number, parse: () => T): T {
  return textLength >= plainEnvironmentFrom ? withPlainEnvironment(parse) : parse();
}

export function withPlainEnvironment<T>(parse: () => T): T {
  const real = process.env;
  // A worker thread's or an embedder's process may not let its `env` be replaced: parse as is then.
  let swapped = false;
  try {
    process.env = { ...real };
    swapped = process.env !== real;
  } catch {
    swapped = false;
  }
  try {
    return parse();
  } finally {
    if (swapped) process.env = real;
  }
}

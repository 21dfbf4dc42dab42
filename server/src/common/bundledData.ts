/**
 * A data file's `require` (the schemas, the CRD catalog, the Chinese field docs): in a bundle it is
 * the file's text, read from the data folder beside it (scripts/bundle-options.mjs), and the sources
 * (tests) get the parsed module. Either way, the parsed value.
 */
export function bundledData<T>(required: unknown): T {
  return (typeof required === 'string' ? JSON.parse(required) : required) as T;
}

/**
 * A value made on first use and kept: how the language server loads its engine scripts and the
 * config loaders' YAML parser only when something first needs them (services.ts, yamlOnDemand.ts).
 * `loaded()` lets the tests of the lazy loading ask without loading.
 */
export interface LoadedOnce<T> {
  get(): T;
  loaded(): boolean;
}

export function loadOnce<T>(load: () => T): LoadedOnce<T> {
  let value: { made: T } | undefined;
  return {
    get: () => (value ??= { made: load() }).made,
    loaded: () => value !== undefined,
  };
}

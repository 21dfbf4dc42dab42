import type { DockerfileModel } from './model';

/**
 * Wraps work several features share so it runs once per parsed model: the first to ask
 * computes it, the others read the same (read-only) result. The cache is weak: it goes with the model.
 */
export function perModel<T>(compute: (model: DockerfileModel) => T): (model: DockerfileModel) => T {
  const cache = new WeakMap<DockerfileModel, { value: T }>();
  return (model) => {
    let entry = cache.get(model);
    if (!entry) {
      entry = { value: compute(model) };
      cache.set(model, entry);
    }
    return entry.value;
  };
}

import type { DockerfileModel } from '../model';

/**
 * Wraps work several rules share so it runs once per parsed model: the first rule to ask
 * computes it, the others read the same (read-only) result.
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

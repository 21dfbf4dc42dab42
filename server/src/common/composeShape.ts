import { isMap, isScalar, type Document } from 'yaml';

/**
 * Whether parsed YAML has the shape of a Compose file: a top-level `services:` mapping with at
 * least one service that names an `image` or a `build`. Used for YAML files not recognised as
 * Compose by name (a Swarm `stack.yml`, `app.yaml`), so the editor can offer to treat them as one.
 * No `apiVersion`/`kind`: a Kubernetes manifest with a `services` field is no Compose file.
 */
export function looksLikeCompose(yaml: Document.Parsed | Document): boolean {
  const root = yaml.contents;
  if (!isMap(root) || root.has('apiVersion') || root.has('kind')) return false;
  const services = root.get('services', true);
  if (!isMap(services)) return false;
  return services.items.some((pair) => isScalar(pair.key) && isMap(pair.value) && (pair.value.has('image') || pair.value.has('build')));
}

import { isJsonName, mightBeKubernetesJson } from '../common/fileKinds';

/**
 * Cheap pre-check before parsing: a manifest names both an apiVersion and a kind. JSON must name
 * them as keys, so package.json and lock files are never parsed. Shared by the main-thread walk and
 * the index worker (indexWorker.ts), so both skip the same files.
 */
export function mightBeKubernetes(path: string, text: string): boolean {
  return isJsonName(path) ? mightBeKubernetesJson(text) : text.includes('apiVersion') && text.includes('kind');
}

/**
 * The YAML parser for the config loaders (`.stevedore.yaml`, `.hadolint.yaml`, `.kube-linter.yaml`),
 * loaded on first use through services.ts so that a start without such a file never reads it.
 */
export { parse } from 'yaml';

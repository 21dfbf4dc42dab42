import type * as YamlEngine from './engines/yaml';
import { loadOnce } from './loadOnce';

/**
 * The `yaml` package's `parse` for the config loaders (`.stevedore.yaml`, `.hadolint.yaml`,
 * kube-linter's config), the package loaded on the first call: a workspace without those files
 * never loads it, and the language server's start-up script holds no YAML parser. Its own module
 * (not services.ts) because the config loaders' types are part of the engine's context, and
 * services.ts reads that context's types: importing services.ts from here would close a cycle.
 * The language server's build turns the `require` below into a require of `server-yaml.js`
 * (scripts/server-bundles.mjs).
 */
const yaml = loadOnce(() => require('./engines/yaml') as typeof YamlEngine);

export const parseYaml: typeof YamlEngine.parse = ((...args: Parameters<typeof YamlEngine.parse>) => yaml.get().parse(...args)) as typeof YamlEngine.parse;

/** Whether the parser is loaded already (tests of the lazy loading). */
export function yamlLoaded(): boolean {
  return yaml.loaded();
}

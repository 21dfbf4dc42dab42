import type { LanguageKind } from './common/fileKinds';
import type { RuleRegistry } from './common/rules';
import type { LanguageService } from './common/service';
import type * as WorkspaceEngine from './engines/workspace';
import { loadOnce, type LoadedOnce } from './loadOnce';
import { yamlLoaded } from './yamlOnDemand';

/**
 * The engine's languages. Every front (LSP, CLI, tests) goes through this table.
 *
 * Each language's engine (its service, rules, docs tables and schemas: most of the server's code)
 * is loaded on first use: the language server starts without any of them and reads, compiles and
 * runs a language's code only when a document of that language needs it. The language server's
 * build turns each `require('./engines/…')` below into a bundle of its own (scripts/build.mjs); the
 * CLI's bundle and the tests load the same modules the ordinary way.
 */
interface Engine {
  service: LanguageService<unknown>;
  rules: RuleRegistry<never>;
}

/** The engines' folders, by the name the settings and `.stevedore.yaml` use for them. */
export type EngineName = 'dockerfile' | 'kubernetes' | 'compose';

// Literal `require` calls, one per engine: the build finds them by these exact paths.
const engines: Record<EngineName, LoadedOnce<Engine>> = {
  dockerfile: loadOnce(() => require('./engines/dockerfile') as Engine),
  kubernetes: loadOnce(() => require('./engines/kubernetes') as Engine),
  compose: loadOnce(() => require('./engines/compose') as Engine),
};

/** A language's engine, loaded (once) on first use. */
export function engine(name: EngineName): Engine {
  return engines[name].get();
}

/** Whether a language's engine is loaded already (tests of the lazy loading). */
export function engineLoaded(name: EngineName): boolean {
  return engines[name].loaded();
}

/**
 * The rest of what the language server needs only after `initialize`, loaded the same way (one
 * script in its build): the workspace index with the image graph and their parsers, which the
 * indexer first needs when a document opens or its walk starts. (The YAML parser the config loaders
 * read `.stevedore.yaml` and friends with is loaded the same way, from yamlOnDemand.ts.)
 */
const workspace = loadOnce(() => require('./engines/workspace') as typeof WorkspaceEngine);

/** The workspace index, the image graph and the parsers they read files with (loaded on first use). */
export function workspaceEngine(): typeof WorkspaceEngine {
  return workspace.get();
}

/** Whether the workspace engine or the config loaders' YAML parser (yamlOnDemand.ts) is loaded already (tests of the lazy loading). */
export function helperLoaded(name: 'workspace' | 'yaml'): boolean {
  return name === 'yaml' ? yamlLoaded() : workspace.loaded();
}

const engineOfKind: Record<LanguageKind, EngineName> = { dockerfile: 'dockerfile', yaml: 'kubernetes', compose: 'compose' };

/** Each document kind's language service, its engine loaded when first asked for. */
export const languageServices: Readonly<Record<LanguageKind, LanguageService<unknown>>> = Object.defineProperties({} as Record<LanguageKind, LanguageService<unknown>>, Object.fromEntries(
  (Object.keys(engineOfKind) as LanguageKind[]).map((kind) => [kind, { enumerable: true, get: () => engine(engineOfKind[kind]).service }]),
));

type Feature = Exclude<keyof LanguageService<unknown>, 'parse' | 'forget'>;

/**
 * The features each language implements, so the language server can announce its capabilities at
 * `initialize` without loading any engine. test/unit/build/serverScripts.test.ts checks this table
 * against the services themselves: a feature added to a service must be added here.
 */
export const languageFeatures: Readonly<Record<LanguageKind, readonly Feature[]>> = {
  dockerfile: ['hover', 'complete', 'signatureHelp', 'diagnose', 'codeActions', 'symbols', 'folding', 'definition', 'references', 'highlights', 'prepareRename', 'rename', 'links', 'semanticTokens', 'format', 'formatRange', 'formatOnType', 'summary'],
  yaml: ['hover', 'complete', 'diagnose', 'diagnoseSteps', 'codeActions', 'definition', 'references', 'summary'],
  compose: ['hover', 'complete', 'diagnose', 'codeActions', 'symbols', 'format', 'definition', 'references', 'prepareRename', 'rename', 'links', 'summary'],
};

/** Whether any language implements a feature (the server's capabilities). */
export function anyLanguageHas(feature: Feature): boolean {
  return Object.values(languageFeatures).some((features) => features.includes(feature));
}

/** The service of the first language implementing a feature (its engine loaded), if any does. */
export function firstServiceWith(feature: Feature): LanguageService<unknown> | undefined {
  const kind = (Object.keys(languageFeatures) as LanguageKind[]).find((k) => languageFeatures[k].includes(feature));
  return kind ? languageServices[kind] : undefined;
}

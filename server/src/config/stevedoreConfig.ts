import { parseYaml } from '../yamlOnDemand';
import { defaultSettings, normalizeKubernetesVersion, normalizeSettings, podSecuritySettings, ruleProfiles, type StevedoreSettings } from '../common/settings';
import { engine } from '../services';

/**
 * `.stevedore.yaml` / `.stevedore.yml`: the editor settings' shape (`profile`, `docs.language`,
 * `dockerfile.rules`, `kubernetes.rules`, `kubernetes.customSchemas`, …), either at the top level
 * or under a `stevedore:` key; dotted keys copied from settings.json (`stevedore.dockerfile.rules`)
 * work too. Read by every front through ProjectConfig.
 */

export const stevedoreConfigNames = ['.stevedore.yaml', '.stevedore.yml'];

export interface StevedoreConfig {
  path: string;
  settings: StevedoreSettings;
  /** What the file said about the docs language, before defaults (`auto` when silent). */
  language: StevedoreSettings['docs']['language'];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{"stevedore.dockerfile.rules": {...}}` → `{dockerfile: {rules: {...}}}`, merged with nested keys. */
function expandDottedKeys(raw: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    const parts = key.replace(/^stevedore\./, '').split('.');
    let target = out;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(target[part])) target[part] = {};
      target = target[part] as Json;
    }
    const last = parts[parts.length - 1];
    target[last] = isObject(value) && isObject(target[last]) ? { ...(target[last] as Json), ...value } : value;
  }
  return out;
}

/** Each language's rules, to tell a misspelt rule name in `<language>.rules` (the engine loads on first use: services.ts). */
const registries = { dockerfile: () => engine('dockerfile').rules, kubernetes: () => engine('kubernetes').rules, compose: () => engine('compose').rules } as const;

const severityWords = new Set(['off', 'hint', 'info', 'warning', 'error']);
const knownSections = new Set(['profile', 'docs', 'diagnostics', 'dockerfile', 'kubernetes', 'compose', 'format', 'trace', ...kubernetesVersionKeys()]);

/** kube-linter's spelling and ours for the target Kubernetes release, besides `kubernetes.version`. */
function kubernetesVersionKeys(): string[] {
  return ['kubernetesVersion', 'kubernetes-version'];
}

/** Parses our config file's text; returns the settings plus problems (bad YAML, bad values) and notices. */
export function parseStevedoreConfig(text: string, path: string): { config?: StevedoreConfig; problems: string[]; notices: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    return { problems: [`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`], notices: [] };
  }
  if (raw === null || raw === undefined) raw = {};
  if (!isObject(raw)) return { problems: ['the top level should be a mapping'], notices: [] };
  const section = isObject(raw.stevedore) ? raw.stevedore : raw;
  const expanded = expandDottedKeys(section);
  const problems: string[] = [];
  const notices: string[] = [];
  for (const key of Object.keys(expanded)) {
    if (!knownSections.has(key)) problems.push(`unknown key "${key}" (expected ${[...knownSections].join(', ')})`);
  }
  for (const language of ['dockerfile', 'kubernetes', 'compose'] as const) {
    const rules = isObject(expanded[language]) ? (expanded[language] as Json).rules : undefined;
    if (rules === undefined) continue;
    if (!isObject(rules)) {
      problems.push(`"${language}.rules" should be a mapping of rule id to severity`);
      continue;
    }
    for (const [id, severity] of Object.entries(rules)) {
      if (typeof severity !== 'string' || !severityWords.has(severity)) problems.push(`"${language}.rules.${id}" should be one of ${[...severityWords].join(', ')}`);
      // A misspelt rule name silently does nothing: say so, without failing the run.
      if (registries[language]().matching(id).length === 0) notices.push(`"${language}.rules" names no known rule "${id}"`);
    }
  }
  if (expanded.profile !== undefined && !(ruleProfiles as readonly unknown[]).includes(expanded.profile)) problems.push(`"profile" should be ${ruleProfiles.join(' or ')}`);
  const docs = isObject(expanded.docs) ? expanded.docs : {};
  if (docs.language !== undefined && !['auto', 'en', 'zh-cn'].includes(String(docs.language))) problems.push('"docs.language" should be auto, en or zh-cn');
  // The target release: `kubernetesVersion`, `kubernetes-version` or `kubernetes.version`; YAML reads `1.30` as a number.
  const kubernetes = isObject(expanded.kubernetes) ? expanded.kubernetes : {};
  const versionValue = expanded.kubernetesVersion ?? expanded['kubernetes-version'] ?? kubernetes.version;
  if (versionValue !== undefined) {
    const version = normalizeKubernetesVersion(versionValue);
    if (!version) problems.push('"kubernetesVersion" should be a Kubernetes release from 1.28 to 1.36, such as "1.32"');
    expanded.kubernetes = { ...kubernetes, version: version ?? defaultSettings.kubernetes.version };
  }
  if (kubernetes.podSecurity !== undefined && !(podSecuritySettings as readonly unknown[]).includes(kubernetes.podSecurity)) problems.push(`"kubernetes.podSecurity" should be ${podSecuritySettings.join(', ')}`);
  const settings = normalizeSettings(expanded);
  return { config: { path, settings, language: settings.docs.language }, problems, notices };
}

/**
 * The editor's settings on top of the project's `.stevedore.yaml`. The editor always sends every
 * setting, defaults included, so a value left at its default must not hide what the project file
 * says: scalars from the editor win only when they differ from the default; rule tables merge, the
 * editor's entries winning; custom schema lists add up. `diagnostics.*` belongs to the editor.
 * The command line has no editor layer, so the same project files give the same answers there.
 */
export function overlayEditorSettings(project: StevedoreSettings, editor: StevedoreSettings): StevedoreSettings {
  const pickScalar = <T>(projectValue: T, editorValue: T, defaultValue: T): T => (editorValue !== defaultValue ? editorValue : projectValue);
  return {
    profile: pickScalar(project.profile, editor.profile, defaultSettings.profile),
    docs: { language: pickScalar(project.docs.language, editor.docs.language, defaultSettings.docs.language) },
    diagnostics: editor.diagnostics,
    dockerfile: { rules: { ...project.dockerfile.rules, ...editor.dockerfile.rules } },
    kubernetes: {
      rules: { ...project.kubernetes.rules, ...editor.kubernetes.rules },
      customSchemas: [...project.kubernetes.customSchemas, ...editor.kubernetes.customSchemas],
      crdCatalog: pickScalar(project.kubernetes.crdCatalog, editor.kubernetes.crdCatalog, defaultSettings.kubernetes.crdCatalog),
      version: pickScalar(project.kubernetes.version, editor.kubernetes.version, defaultSettings.kubernetes.version),
      podSecurity: pickScalar(project.kubernetes.podSecurity, editor.kubernetes.podSecurity, defaultSettings.kubernetes.podSecurity),
    },
    compose: {
      rules: { ...project.compose.rules, ...editor.compose.rules },
      files: [...project.compose.files, ...editor.compose.files],
    },
    format: {
      uppercaseKeywords: pickScalar(project.format.uppercaseKeywords, editor.format.uppercaseKeywords, defaultSettings.format.uppercaseKeywords),
      continuationIndent: pickScalar(project.format.continuationIndent, editor.format.continuationIndent, defaultSettings.format.continuationIndent),
    },
    images: { ...project.images, ...editor.images },
  };
}

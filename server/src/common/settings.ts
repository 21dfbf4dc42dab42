import type { DocsLanguage } from './localized';

export type SeverityName = 'off' | 'hint' | 'info' | 'warning' | 'error';

/**
 * Which rules run before any per-rule setting: `recommended` (the default) runs the rules for
 * problems that break or endanger a deployment; `strict` adds completeness and hardening advice.
 * Each rule names the profile it belongs to in its metadata (`RuleMeta.profile`).
 */
export const ruleProfiles = ['recommended', 'strict'] as const;
export type RuleProfile = (typeof ruleProfiles)[number];

/** `stevedore.kubernetes.podSecurity`: no Pod Security Standards check, or the level checked. */
export const podSecuritySettings = ['off', 'baseline', 'restricted'] as const;
export type PodSecuritySetting = (typeof podSecuritySettings)[number];

/** The user's `stevedore.*` settings, with every field filled in. */
export interface StevedoreSettings {
  profile: RuleProfile;
  docs: { language: 'auto' | DocsLanguage };
  diagnostics: { trigger: 'onType' | 'onSave'; enable: boolean };
  dockerfile: { rules: Record<string, SeverityName> };
  /**
   * `crdCatalog`: the built-in schemas of popular custom resources (kubernetes/schema/catalog.ts);
   * `version`: the Kubernetes release the manifests target (`1.28`…`1.36`), for removed and
   * deprecated APIs. `podSecurity`: the Pod Security Standards level pods are checked against
   * (kubernetes/podSecurityLevels.ts; a Namespace's `pod-security.kubernetes.io/enforce` label wins).
   */
  kubernetes: { rules: Record<string, SeverityName>; customSchemas: string[]; crdCatalog: boolean; version: string; podSecurity: PodSecuritySetting };
  /** Compose files: rule severities, and globs naming more files to read as Compose (`stack.yml`). */
  compose: { rules: Record<string, SeverityName>; files: string[] };
  format: { uppercaseKeywords: boolean; continuationIndent: number };
  /** `stevedore.images`: image name → the Dockerfile that builds it (common/imageGraph.ts). */
  images: Record<string, string>;
}

export const defaultSettings: StevedoreSettings = {
  profile: 'recommended',
  docs: { language: 'auto' },
  diagnostics: { trigger: 'onType', enable: true },
  dockerfile: { rules: {} },
  kubernetes: { rules: {}, customSchemas: [], crdCatalog: true, version: '1.36', podSecurity: 'off' },
  compose: { rules: {}, files: [] },
  format: { uppercaseKeywords: true, continuationIndent: 4 },
  images: {},
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges whatever the editor sent (possibly partial, possibly wrong types) over the defaults.
 * Settings come from users' JSON files: a wrong type must fall back, never throw.
 */
export function normalizeSettings(raw: unknown): StevedoreSettings {
  const merged = structuredClone(defaultSettings) as unknown as Json;
  if (isObject(raw)) mergeInto(merged, raw);
  const s = merged as unknown as StevedoreSettings;
  if (!ruleProfiles.includes(s.profile)) s.profile = 'recommended';
  if (!['auto', 'en', 'zh-cn'].includes(s.docs.language)) s.docs.language = 'auto';
  if (!['onType', 'onSave'].includes(s.diagnostics.trigger)) s.diagnostics.trigger = 'onType';
  if (!Array.isArray(s.kubernetes.customSchemas)) s.kubernetes.customSchemas = [];
  s.kubernetes.version = normalizeKubernetesVersion(s.kubernetes.version) ?? defaultSettings.kubernetes.version;
  if (!podSecuritySettings.includes(s.kubernetes.podSecurity)) s.kubernetes.podSecurity = 'off';
  if (!Array.isArray(s.compose.files)) s.compose.files = [];
  s.compose.files = s.compose.files.filter((glob) => typeof glob === 'string');
  if (!isObject(s.images)) s.images = {};
  s.images = Object.fromEntries(Object.entries(s.images).filter(([, path]) => typeof path === 'string'));
  return s;
}

/** Oldest and newest Kubernetes release a manifest may target (`stevedore.kubernetes.version`). */
export const kubernetesVersions = { oldest: 28, newest: 36 } as const;

/**
 * `1.30`, `v1.30`, `1.30.2` → `1.30`; undefined outside 1.28–1.36. A number is what YAML made of an
 * unquoted `1.30` (1.3): in the accepted range it can only mean 1.30.
 */
export function normalizeKubernetesVersion(value: unknown): string | undefined {
  let minor = NaN;
  if (typeof value === 'number') {
    minor = Math.round((value - 1) * 100);
  } else if (typeof value === 'string') {
    const m = /^v?1\.(\d+)(?:\.\d+)?$/.exec(value.trim());
    if (m) minor = Number(m[1]);
  }
  return minor >= kubernetesVersions.oldest && minor <= kubernetesVersions.newest ? `1.${minor}` : undefined;
}

function mergeInto(target: Json, source: Json): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) {
      // Rule tables are open-ended maps: take every entry the user wrote.
      mergeInto(current, value);
    } else if (current === undefined || typeof current === typeof value || (isObject(current) && isObject(value))) {
      if (current === undefined || Array.isArray(current) === Array.isArray(value)) target[key] = value;
    }
  }
}

import type { DocsLanguage } from './localized';

export type SeverityName = 'off' | 'hint' | 'info' | 'warning' | 'error';

/**
 * Which rules run before any per-rule setting: `recommended` (the default) runs the rules for
 * problems that break or endanger a deployment; `strict` adds completeness and hardening advice.
 * Each rule names the profile it belongs to in its metadata (`RuleMeta.profile`).
 */
export const ruleProfiles = ['recommended', 'strict'] as const;
export type RuleProfile = (typeof ruleProfiles)[number];

/** The user's `stevedore.*` settings, with every field filled in. */
export interface StevedoreSettings {
  profile: RuleProfile;
  docs: { language: 'auto' | DocsLanguage };
  diagnostics: { trigger: 'onType' | 'onSave'; enable: boolean };
  dockerfile: { rules: Record<string, SeverityName> };
  kubernetes: { rules: Record<string, SeverityName>; customSchemas: string[] };
  format: { uppercaseKeywords: boolean; continuationIndent: number };
}

export const defaultSettings: StevedoreSettings = {
  profile: 'recommended',
  docs: { language: 'auto' },
  diagnostics: { trigger: 'onType', enable: true },
  dockerfile: { rules: {} },
  kubernetes: { rules: {}, customSchemas: [] },
  format: { uppercaseKeywords: true, continuationIndent: 4 },
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
  return s;
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

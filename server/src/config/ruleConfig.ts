import { profileSeverity, type RuleMeta } from '../common/rules';
import type { RuleProfile, SeverityName } from '../common/settings';
import { fromHadolintSeverity, type FoundHadolintConfig, type HadolintConfig } from './hadolint';

/**
 * One answer to "how severe is this rule here?", shared by the language server and the CLI.
 * Layers, lowest first: the rule's default under the profile (`strict` rules are off under
 * `recommended`) → `.hadolint.yaml` (`override`, then `ignored`) →
 * the file's `# check=error=true` (BuildKit checks become errors) → the user's
 * `stevedore.<language>.rules` setting. Suppression comments are applied later, per finding.
 */
export interface EffectiveRuleConfig {
  severityOf(meta: RuleMeta): SeverityName;
  /** From `.hadolint.yaml` `trustedRegistries`; empty = every registry is allowed. */
  trustedRegistries: string[];
  /** The config file in effect, for messages and the CLI. */
  hadolint?: FoundHadolintConfig;
}

export interface RuleConfigInput {
  /** `stevedore.profile`; `recommended` when absent. */
  profile?: RuleProfile;
  settingsTable: Record<string, SeverityName>;
  hadolint?: HadolintConfig;
  /** `# check=error=true`: BuildKit-check findings fail the build, so they are errors. */
  buildkitChecksAreErrors?: boolean;
}

/** BuildKit check names are CamelCase words (`FromAsCasing`, `JSONArgsRecommended`); hadolint's are `DL3008`. */
export function isBuildkitCheckName(name: string): boolean {
  return /^[A-Z][A-Za-z]*[a-z][A-Za-z]*$/.test(name);
}

export function isBuildkitCheck(meta: RuleMeta): boolean {
  return [...meta.aliases, ...(meta.groups ?? [])].some(isBuildkitCheckName);
}

function hadolintTable(config: HadolintConfig): Record<string, SeverityName> {
  const table: Record<string, SeverityName> = {};
  for (const level of ['style', 'info', 'warning', 'error'] as const) {
    for (const name of config.override[level]) table[name] = fromHadolintSeverity(level);
  }
  // `ignored` wins over `override`, as in hadolint.
  for (const name of config.ignored) table[name] = 'off';
  return table;
}

/** A severity table keyed by lower-cased name, so a lookup per rule is a few map reads. */
function lowerCased(table: Record<string, SeverityName>): Map<string, SeverityName> {
  const map = new Map<string, SeverityName>();
  for (const [key, value] of Object.entries(table)) map.set(key.toLowerCase(), value);
  return map;
}

/** An entry for the id or an alias wins over one for a group, as in configuredSeverity. */
function lookup(meta: RuleMeta, table: Map<string, SeverityName>, fallback: SeverityName): SeverityName {
  if (table.size === 0) return fallback;
  for (const name of [meta.id, ...meta.aliases]) {
    const value = table.get(name.toLowerCase());
    if (value) return value;
  }
  for (const name of meta.groups ?? []) {
    const value = table.get(name.toLowerCase());
    if (value) return value;
  }
  return fallback;
}

export function ruleConfigFrom(input: RuleConfigInput, found?: FoundHadolintConfig): EffectiveRuleConfig {
  // Build the tables once per run, not per rule.
  const hadolint = lowerCased(input.hadolint ? hadolintTable(input.hadolint) : {});
  const settings = lowerCased(input.settingsTable);
  return {
    severityOf(meta) {
      let severity = lookup(meta, hadolint, profileSeverity(meta, input.profile ?? 'recommended'));
      if (input.buildkitChecksAreErrors && severity !== 'off' && isBuildkitCheck(meta)) severity = 'error';
      return lookup(meta, settings, severity);
    },
    trustedRegistries: input.hadolint?.trustedRegistries ?? [],
    hadolint: found,
  };
}

import { configuredSeverity, type RuleMeta } from '../common/rules';
import type { SeverityName } from '../common/settings';
import type { WorkspaceFiles } from '../common/service';
import { findHadolintConfig, fromHadolintSeverity, type FoundHadolintConfig, type HadolintConfig } from './hadolint';

/**
 * One answer to "how severe is this rule here?", shared by the language server and the CLI.
 * Layers, lowest first: the rule's default → `.hadolint.yaml` (`override`, then `ignored`) →
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

export function ruleConfigFrom(input: RuleConfigInput, found?: FoundHadolintConfig): EffectiveRuleConfig {
  // Build the hadolint table once, not per rule.
  const hadolint = input.hadolint ? hadolintTable(input.hadolint) : undefined;
  return {
    severityOf(meta) {
      let severity: SeverityName = meta.severity;
      if (hadolint) severity = configuredSeverity(meta, hadolint, severity);
      if (input.buildkitChecksAreErrors && severity !== 'off' && isBuildkitCheck(meta)) severity = 'error';
      return configuredSeverity(meta, input.settingsTable, severity);
    },
    trustedRegistries: input.hadolint?.trustedRegistries ?? [],
    hadolint: found,
  };
}

/** Reads the nearest `.hadolint.yaml` for a file and combines it with the settings table. */
export function resolveRuleConfig(options: {
  filePath?: string;
  files: WorkspaceFiles;
  settingsTable: Record<string, SeverityName>;
  buildkitChecksAreErrors?: boolean;
}): EffectiveRuleConfig {
  const found = findHadolintConfig(options.filePath, options.files);
  return ruleConfigFrom({ settingsTable: options.settingsTable, hadolint: found?.config, buildkitChecksAreErrors: options.buildkitChecksAreErrors }, found);
}

import { parse as parseYaml } from 'yaml';
import type { SeverityName } from '../common/settings';

/** hadolint's severity words, as written in `.hadolint.yaml` and `failure-threshold`. */
export type HadolintSeverity = 'error' | 'warning' | 'info' | 'style' | 'ignore' | 'none';

/** The parts of a hadolint config file Stevedore honours (documented in docs/rules/README.md). */
export interface HadolintConfig {
  /** Rule codes (or our ids) switched off. */
  ignored: string[];
  /** Severity overrides by hadolint level; `style` becomes our `hint`. */
  override: { error: string[]; warning: string[]; info: string[]; style: string[] };
  /** Registries `FROM` may pull from (DL3026); empty means "any". */
  trustedRegistries: string[];
  /** Kept for the CLI: the lowest severity that fails a run. */
  failureThreshold?: HadolintSeverity;
  /** Kept for the CLI: never exit non-zero. */
  noFail: boolean;
  /** `disable-ignore-pragma`: `# hadolint ignore=`, `stage ignore=` and `global ignore=` comments have no effect. */
  disableIgnorePragma?: boolean;
  /** Problems reading the file, so the user learns why it had no effect. */
  problems: string[];
}

export const emptyHadolintConfig: HadolintConfig = {
  ignored: [], override: { error: [], warning: [], info: [], style: [] }, trustedRegistries: [], noFail: false, problems: [],
};

const severityWords: readonly HadolintSeverity[] = ['error', 'warning', 'info', 'style', 'ignore', 'none'];

/** Maps a hadolint level to ours. */
export function fromHadolintSeverity(level: HadolintSeverity): SeverityName {
  switch (level) {
    case 'style': return 'hint';
    case 'ignore': case 'none': return 'off';
    default: return level;
  }
}

function stringList(value: unknown, key: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
  problems.push(`"${key}" should be a list`);
  return [];
}

/** Reads `.hadolint.yaml` text; a broken file yields an empty config plus a problem, never a throw. */
export function parseHadolintConfig(text: string): HadolintConfig {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    return { ...structuredClone(emptyHadolintConfig), problems: [`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  if (raw === null || raw === undefined) return structuredClone(emptyHadolintConfig);
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ...structuredClone(emptyHadolintConfig), problems: ['the top level should be a mapping'] };
  const doc = raw as Record<string, unknown>;
  const overrideRaw = doc.override;
  const override = { error: [] as string[], warning: [] as string[], info: [] as string[], style: [] as string[] };
  if (overrideRaw && typeof overrideRaw === 'object' && !Array.isArray(overrideRaw)) {
    for (const level of ['error', 'warning', 'info', 'style'] as const) {
      override[level] = stringList((overrideRaw as Record<string, unknown>)[level], `override.${level}`, problems);
    }
  } else if (overrideRaw !== undefined && overrideRaw !== null) {
    problems.push('"override" should be a mapping of error/warning/info/style lists');
  }
  const threshold = doc['failure-threshold'];
  let failureThreshold: HadolintSeverity | undefined;
  if (typeof threshold === 'string' && (severityWords as readonly string[]).includes(threshold.toLowerCase())) failureThreshold = threshold.toLowerCase() as HadolintSeverity;
  else if (threshold !== undefined) problems.push('"failure-threshold" should be one of error, warning, info, style, ignore, none');
  return {
    ignored: stringList(doc.ignored, 'ignored', problems),
    override,
    trustedRegistries: stringList(doc.trustedRegistries, 'trustedRegistries', problems),
    failureThreshold,
    noFail: doc['no-fail'] === true,
    disableIgnorePragma: doc['disable-ignore-pragma'] === true,
    problems,
  };
}

export const hadolintConfigNames = ['.hadolint.yaml', '.hadolint.yml'];

export interface FoundHadolintConfig {
  path: string;
  config: HadolintConfig;
}

import { parseYaml } from '../yamlOnDemand';
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
  /** `label-schema`: the labels every image must set, and the form of each one's value (DL3049–DL3058). */
  labelSchema?: Record<string, HadolintLabelType>;
  /** `strict-labels`: no label outside `label-schema` may be set (DL3050). */
  strictLabels?: boolean;
  /** Problems reading the file, so the user learns why it had no effect. */
  problems: string[];
}

/** The value forms of `label-schema`, in hadolint's words. */
export const hadolintLabelTypes = ['text', 'url', 'rfc3339', 'semver', 'hash', 'spdx', 'email'] as const;
export type HadolintLabelType = (typeof hadolintLabelTypes)[number];

/** `label-schema: {name: type}`; an empty type means `text`, as in hadolint; unknown types are problems. */
function labelSchema(value: unknown, problems: string[]): Record<string, HadolintLabelType> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('"label-schema" should be a mapping of label names to text, url, rfc3339, semver, hash, spdx or email');
    return undefined;
  }
  const schema: Record<string, HadolintLabelType> = {};
  for (const [name, type] of Object.entries(value as Record<string, unknown>)) {
    const word = type === null || type === '' ? 'text' : typeof type === 'string' ? type.toLowerCase() : undefined;
    if (word && (hadolintLabelTypes as readonly string[]).includes(word)) schema[name] = word as HadolintLabelType;
    else problems.push(`"label-schema.${name}" should be one of ${hadolintLabelTypes.join(', ')}`);
  }
  return schema;
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
    labelSchema: labelSchema(doc['label-schema'], problems),
    strictLabels: doc['strict-labels'] === true,
    problems,
  };
}

export const hadolintConfigNames = ['.hadolint.yaml', '.hadolint.yml'];

export interface FoundHadolintConfig {
  path: string;
  config: HadolintConfig;
}

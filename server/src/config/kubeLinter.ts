import { parseYaml as parse } from '../yamlOnDemand';
import { globSource } from '../common/globs';
import { directoryOf, isAtOrBelow, withoutTrailingSeparator } from '../common/paths';
import { parseCustomChecks, type KubeLinterCustomCheck } from './kubeLinterCustomChecks';

/**
 * `.kube-linter.yaml`: which checks run. We honour the `checks` section the way kube-linter does —
 * defaults unless `doNotAutoAddDefaults`, everything with `addAllBuiltIn`, plus `include`, minus
 * `exclude` (exclude wins) — and `ignorePaths`. `customChecks` run when we implement their template.
 */
export interface KubeLinterConfig {
  /** Absolute path of the config file. */
  path: string;
  addAllBuiltIn: boolean;
  doNotAutoAddDefaults: boolean;
  include: string[];
  exclude: string[];
  ignorePaths: string[];
  /** `customChecks` (kubeLinterCustomChecks.ts): kube-linter templates with the user's parameters. */
  customChecks?: KubeLinterCustomCheck[];
}

export const kubeLinterConfigNames = ['.kube-linter.yaml', '.kube-linter.yml'];

const parsedCache = new Map<string, KubeLinterConfig | undefined>();

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean) : [];
}

/** Parses the config text; a broken file counts as no config (never throws). */
export function parseKubeLinterConfig(text: string, path: string): KubeLinterConfig | undefined {
  const key = `${path}\u0000${text}`;
  if (parsedCache.has(key)) return parsedCache.get(key);
  let config: KubeLinterConfig | undefined;
  try {
    const raw = parse(text, { maxAliasCount: 50 }) as unknown;
    const root = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const checks = typeof root.checks === 'object' && root.checks !== null ? (root.checks as Record<string, unknown>) : {};
    config = {
      path,
      addAllBuiltIn: checks.addAllBuiltIn === true,
      doNotAutoAddDefaults: checks.doNotAutoAddDefaults === true,
      include: stringList(checks.include),
      exclude: stringList(checks.exclude),
      ignorePaths: stringList(checks.ignorePaths).concat(stringList(root.ignorePaths)),
      customChecks: parseCustomChecks(root.customChecks),
    };
  } catch {
    config = undefined;
  }
  if (parsedCache.size > 64) parsedCache.clear();
  parsedCache.set(key, config);
  return config;
}

/** A kube-linter glob (`**`, `*`, `?`) matching a path or its tail after a `/`. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`(^|/)${globSource(glob, 'optional')}$`);
}

/** `ignorePaths` patterns are relative to the config's directory (or absolute). */
export function isIgnoredByConfig(config: KubeLinterConfig, filePath: string | undefined): boolean {
  if (!filePath || config.ignorePaths.length === 0) return false;
  const file = filePath.replace(/\\/g, '/');
  const base = directoryOf(config.path.replace(/\\/g, '/'));
  const relative = isAtOrBelow(file, base) && file !== base ? file.slice(withoutTrailingSeparator(base).length + 1) : file;
  return config.ignorePaths.some((glob) => {
    try {
      return globToRegExp(glob.replace(/^\.\//, '')).test(relative) || globToRegExp(glob).test(file);
    } catch {
      return false;
    }
  });
}

/**
 * Whether kube-linter would run a check under this config. `names` are the rule's id and aliases;
 * `kubeLinterCheck` says whether the rule corresponds to a kube-linter check at all (others are
 * only affected when included or excluded by name), `enabledByDefault` whether kube-linter runs it
 * without configuration.
 */
export function kubeLinterDecision(config: KubeLinterConfig, names: readonly string[], kubeLinterCheck: boolean, enabledByDefault: boolean): 'excluded' | 'included' | 'default' | 'not-enabled' {
  const lower = names.map((n) => n.toLowerCase());
  const has = (list: string[]) => list.some((entry) => lower.includes(entry.toLowerCase()));
  if (has(config.exclude)) return 'excluded';
  if (has(config.include)) return 'included';
  if (!kubeLinterCheck) return 'default';
  if (config.addAllBuiltIn) return 'default';
  if (enabledByDefault && !config.doNotAutoAddDefaults) return 'default';
  return 'not-enabled';
}

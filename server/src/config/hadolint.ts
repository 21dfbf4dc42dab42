import { parse as parseYaml } from 'yaml';
import type { SeverityName } from '../common/settings';
import type { WorkspaceFiles } from '../common/service';

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
    problems,
  };
}

export const hadolintConfigNames = ['.hadolint.yaml', '.hadolint.yml'];

/** Upward search stops at a repository root or after this many directories. */
const maxDirectoryDepth = 32;

function parentOf(dir: string): string | undefined {
  const trimmed = dir.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  const parent = trimmed.slice(0, cut);
  // "/a" → "/" and "C:\a" → "C:\"; the root itself has no parent.
  if (parent === '' ) return trimmed === '' ? undefined : '/';
  if (/^[A-Za-z]:$/.test(parent)) return `${parent}\\`;
  return parent;
}

export function directoryOf(filePath: string): string {
  return parentOf(filePath) ?? filePath;
}

export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/** The directories from the file's own up to the workspace (repository) root or `stopAt`. */
export function directoriesUpward(filePath: string, files: WorkspaceFiles, stopAt?: string): string[] {
  const dirs: string[] = [];
  let dir: string | undefined = directoryOf(filePath);
  while (dir && dirs.length < maxDirectoryDepth) {
    dirs.push(dir);
    if (stopAt && dir === stopAt) break;
    // A checkout's root has `.git` (a directory with HEAD, or a file in worktrees).
    if (files.readText(joinPath(joinPath(dir, '.git'), 'HEAD')) !== undefined || files.readText(joinPath(dir, '.git')) !== undefined) break;
    const parent = parentOf(dir);
    if (!parent || parent === dir) break;
    dir = parent;
  }
  return dirs;
}

export interface FoundHadolintConfig {
  path: string;
  config: HadolintConfig;
}

/** The nearest `.hadolint.yaml` / `.hadolint.yml` from the Dockerfile's directory upward. */
export function findHadolintConfig(filePath: string | undefined, files: WorkspaceFiles): FoundHadolintConfig | undefined {
  if (!filePath) return undefined;
  for (const dir of directoriesUpward(filePath, files)) {
    for (const name of hadolintConfigNames) {
      const path = joinPath(dir, name);
      const text = files.readText(path);
      if (text !== undefined) return { path, config: parseHadolintConfig(text) };
    }
  }
  return undefined;
}

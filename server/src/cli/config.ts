import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { WorkspaceFiles } from '../common/service';
import { normalizeSettings, type StevedoreSettings } from '../common/settings';
import { findHadolintConfig, type FoundHadolintConfig } from '../config/hadolint';
import { kubeLinterConfigNames } from '../config/kubeLinter';
import { dockerfileRules } from '../dockerfile/rules';
import { kubernetesRules } from '../kubernetes/rules';
import { diskWorkspaceFiles } from '../lsp/workspaceFiles';

/**
 * Config files for the command line, each read once per run:
 * - `.stevedore.yaml` / `.stevedore.yml` (ours): the editor settings' shape (`docs.language`,
 *   `dockerfile.rules`, `kubernetes.rules`, `kubernetes.customSchemas`, …), either at the top level
 *   or under a `stevedore:` key; dotted keys copied from settings.json (`stevedore.dockerfile.rules`)
 *   work too. The nearest one from a file's folder upward wins (up to the repository root);
 * - `.hadolint.yaml` and `.kube-linter.yaml`, read by the engine itself through `files` below.
 * Broken files are collected as problems: the run still lints, then exits with 2.
 */

export const stevedoreConfigNames = ['.stevedore.yaml', '.stevedore.yml'];

export interface StevedoreConfig {
  path: string;
  settings: StevedoreSettings;
  /** What the file said about the docs language, before defaults (`auto` when silent). */
  language: StevedoreSettings['docs']['language'];
}

export interface ConfigProblem {
  path: string;
  message: string;
}

/** Reads every file at most once per run (config files, `.dockerignore`, `.git/HEAD` probes). */
export class CachedWorkspaceFiles implements WorkspaceFiles {
  private readonly texts = new Map<string, string | undefined>();

  constructor(private readonly disk: WorkspaceFiles = diskWorkspaceFiles) {}

  readText(absolutePath: string): string | undefined {
    if (this.texts.has(absolutePath)) return this.texts.get(absolutePath);
    const text = this.disk.readText(absolutePath);
    this.texts.set(absolutePath, text);
    return text;
  }

  /** Forget a file we just wrote (`--fix`). */
  invalidate(absolutePath: string): void {
    this.texts.delete(absolutePath);
  }
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

const severityWords = new Set(['off', 'hint', 'info', 'warning', 'error']);
const knownSections = new Set(['docs', 'diagnostics', 'dockerfile', 'kubernetes', 'format', 'trace']);

/** Parses our config file's text; returns the settings plus problems (bad YAML, bad values). */
export function parseStevedoreConfig(text: string, path: string): { config?: StevedoreConfig; problems: string[]; notices?: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    return { problems: [`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  if (raw === null || raw === undefined) raw = {};
  if (!isObject(raw)) return { problems: ['the top level should be a mapping'] };
  const section = isObject(raw.stevedore) ? raw.stevedore : raw;
  const expanded = expandDottedKeys(section);
  const problems: string[] = [];
  const notices: string[] = [];
  for (const key of Object.keys(expanded)) {
    if (!knownSections.has(key)) problems.push(`unknown key "${key}" (expected ${[...knownSections].join(', ')})`);
  }
  for (const language of ['dockerfile', 'kubernetes'] as const) {
    const rules = isObject(expanded[language]) ? (expanded[language] as Json).rules : undefined;
    if (rules === undefined) continue;
    if (!isObject(rules)) {
      problems.push(`"${language}.rules" should be a mapping of rule id to severity`);
      continue;
    }
    for (const [id, severity] of Object.entries(rules)) {
      if (typeof severity !== 'string' || !severityWords.has(severity)) problems.push(`"${language}.rules.${id}" should be one of ${[...severityWords].join(', ')}`);
      // A misspelt rule name silently does nothing: say so, without failing the run.
      if ((language === 'dockerfile' ? dockerfileRules : kubernetesRules).matching(id).length === 0) notices.push(`"${language}.rules" names no known rule "${id}"`);
    }
  }
  const docs = isObject(expanded.docs) ? expanded.docs : {};
  if (docs.language !== undefined && !['auto', 'en', 'zh-cn'].includes(String(docs.language))) problems.push('"docs.language" should be auto, en or zh-cn');
  const settings = normalizeSettings(expanded);
  return { config: { path, settings, language: settings.docs.language }, problems, notices };
}

/**
 * The first answer `probe` gives from `dir` upward (stopping after a folder where `stopAfter` says
 * so, or at the file system root). Every folder passed on the way is cached with the answer, so
 * siblings and children of visited folders cost one map lookup.
 */
function nearestUpward<T>(cache: Map<string, T | null>, dir: string, probe: (folder: string) => T | undefined, stopAfter: (folder: string) => boolean): T | undefined {
  const passed: string[] = [];
  let answer: T | null = null;
  let current = dir;
  for (let depth = 0; depth < 64; depth++) {
    const cached = cache.get(current);
    if (cached !== undefined) {
      answer = cached;
      break;
    }
    passed.push(current);
    const found = probe(current);
    if (found !== undefined) {
      answer = found;
      break;
    }
    const parent = dirname(current);
    if (parent === current || stopAfter(current)) break;
    current = parent;
  }
  for (const folder of passed) cache.set(folder, answer);
  return answer ?? undefined;
}

/**
 * Answers "which configuration applies to this file?" with one cache per folder, so a tree of
 * thousands of files reads each config file once and probes each folder once.
 */
export class ConfigResolver {
  private readonly ours = new Map<string, StevedoreConfig | null>();
  private readonly repoRoots = new Map<string, string | null>();
  private readonly hadolint = new Map<string, FoundHadolintConfig | null>();
  private readonly kubeLinterChecked = new Set<string>();
  private readonly reported = new Set<string>();
  readonly problems: ConfigProblem[] = [];
  /** Not errors, but worth a line: rule names that match nothing. */
  readonly notices: ConfigProblem[] = [];
  readonly defaults = normalizeSettings(undefined);

  constructor(readonly files: CachedWorkspaceFiles) {}

  private problem(path: string, message: string): void {
    const key = `${path}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ path, message });
  }

  /** Whether `dir` is a repository root (holds `.git`). */
  private isRepoRoot(dir: string): boolean {
    return this.files.readText(join(dir, '.git', 'HEAD')) !== undefined || this.files.readText(join(dir, '.git')) !== undefined;
  }

  /** The repository root at or above `dir`, if any (cached per folder). */
  repoRootOf(dir: string): string | undefined {
    return nearestUpward(this.repoRoots, dir, (folder) => (this.isRepoRoot(folder) ? folder : undefined), () => false);
  }

  /** The nearest `.stevedore.yaml` from `dir` upward to the repository root (or the file system root). */
  stevedoreConfigFor(dir: string): StevedoreConfig | undefined {
    return nearestUpward(this.ours, dir, (folder) => this.readOurs(folder), (folder) => this.isRepoRoot(folder));
  }

  private readOurs(dir: string): StevedoreConfig | undefined {
    for (const name of stevedoreConfigNames) {
      const path = join(dir, name);
      const text = this.files.readText(path);
      if (text === undefined) continue;
      const { config, problems, notices } = parseStevedoreConfig(text, path);
      for (const message of problems) this.problem(path, message);
      for (const message of notices ?? []) this.notices.push({ path, message });
      return config ?? { path, settings: this.defaults, language: 'auto' };
    }
    return undefined;
  }

  settingsFor(filePath: string): StevedoreSettings {
    return this.stevedoreConfigFor(dirname(filePath))?.settings ?? this.defaults;
  }

  /** The `.hadolint.yaml` that applies to a Dockerfile (as the engine finds it), with its problems reported. */
  hadolintFor(filePath: string): FoundHadolintConfig | undefined {
    const dir = dirname(filePath);
    let found = this.hadolint.get(dir);
    if (found === undefined) {
      found = findHadolintConfig(filePath, this.files) ?? null;
      this.hadolint.set(dir, found);
      if (found) for (const message of found.config.problems) this.problem(found.path, message);
    }
    return found ?? undefined;
  }

  /**
   * The engine treats a broken `.kube-linter.yaml` as absent; the command line must say so. Checks
   * the nearest one from the file's folder up to `stopAt` (the same search the engine makes).
   */
  checkKubeLinterConfig(filePath: string, stopAt: string | undefined): void {
    let dir = dirname(filePath);
    for (let depth = 0; depth < 40; depth++) {
      if (this.kubeLinterChecked.has(dir)) return;
      this.kubeLinterChecked.add(dir);
      for (const name of kubeLinterConfigNames) {
        const path = join(dir, name);
        const text = this.files.readText(path);
        if (text === undefined) continue;
        try {
          const raw = parseYaml(text, { maxAliasCount: 50 }) as unknown;
          if (raw !== null && raw !== undefined && !isObject(raw)) this.problem(path, 'the top level should be a mapping');
          else if (isObject(raw) && raw.checks !== undefined && raw.checks !== null && !isObject(raw.checks)) this.problem(path, '"checks" should be a mapping');
        } catch (error) {
          this.problem(path, `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
        return;
      }
      const parent = dirname(dir);
      if (parent === dir || (stopAt !== undefined && dir === stopAt)) return;
      dir = parent;
    }
  }
}

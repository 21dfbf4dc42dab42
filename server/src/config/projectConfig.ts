import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseYaml } from '../yamlOnDemand';
import { isAtOrBelow, withoutTrailingSeparator } from '../common/paths';
import type { LanguageKind } from '../common/fileKinds';
import type { ProjectFacts, ProjectFile, ProjectFileReader } from '../common/service';
import { normalizeSettings, type StevedoreSettings } from '../common/settings';
import type { CachedFiles } from './cachedFiles';
import { hadolintConfigNames, parseHadolintConfig, type FoundHadolintConfig } from './hadolint';
import { kubeLinterConfigNames, parseKubeLinterConfig, type KubeLinterConfig } from './kubeLinter';
import { isRepositoryRoot, nearestUpward, RepositoryRoots } from './upward';
import { overlayEditorSettings, parseStevedoreConfig, stevedoreConfigNames, type StevedoreConfig } from './stevedoreConfig';

/**
 * "Which configuration applies to this file?" — one answer for the language server, the command
 * line and the tests. Sources, nearest folder first: `.stevedore.yaml`, `.hadolint.yaml`,
 * `.kube-linter.yaml`, and a Dockerfile's `.dockerignore`; the editor's settings go on top
 * (see overlayEditorSettings). Each search goes from the file's folder upward and stops after a
 * workspace folder or a repository root (a folder holding `.git`), whichever comes first, so no
 * check walks to `/`. Files are read through CachedFiles and every answer is cached per folder:
 * after the first check, a check reads nothing from disk. The front calls `invalidate` when the
 * editor reports that a file changed.
 */

export interface ConfigProblem {
  path: string;
  message: string;
}

export interface ProjectConfigOptions {
  /** Workspace folders (absolute): searches stop there, and the editor's relative paths resolve against them. */
  roots?: readonly string[];
}

/** Custom schema files named in settings: a generous cap on how many are read. */
const maxCustomSchemaFiles = 200;

export class ProjectConfig {
  readonly defaults = normalizeSettings(undefined);
  /** Broken config files, each reported once (the CLI prints them and exits 2; the server logs them). */
  readonly problems: ConfigProblem[] = [];
  /** Not errors, but worth a line: rule names that match nothing. */
  readonly notices: ConfigProblem[] = [];
  private roots: string[] = [];
  private readonly reported = new Set<string>();
  private readonly repoRoots: RepositoryRoots;
  private readonly boundaries = new Map<string, boolean>();
  private readonly ours = new Map<string, StevedoreConfig | null>();
  private readonly hadolint = new Map<string, FoundHadolintConfig | null>();
  private readonly kubeLinter = new Map<string, KubeLinterConfig | null>();
  private layered = new WeakMap<StevedoreSettings, Map<string, StevedoreSettings>>();
  private readonly facts = new Map<string, ProjectFacts>();

  constructor(readonly files: CachedFiles, options: ProjectConfigOptions = {}) {
    this.repoRoots = new RepositoryRoots(files);
    this.setRoots(options.roots ?? []);
  }

  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((root) => withoutTrailingSeparator(resolve(root)));
    this.forgetAnswers();
  }

  /**
   * The editor says a file changed (or appeared, or went). Returns whether any answer may depend
   * on it; then every cached answer is dropped (config files change rarely, answers are cheap).
   */
  invalidate(absolutePath: string): boolean {
    const mattered = this.files.invalidate(absolutePath) || /(^|[\\/])\.git([\\/]|$)/.test(absolutePath);
    if (mattered) this.forgetAnswers();
    return mattered;
  }

  private forgetAnswers(): void {
    this.repoRoots.clear();
    this.boundaries.clear();
    this.ours.clear();
    this.hadolint.clear();
    this.kubeLinter.clear();
    this.facts.clear();
    this.layered = new WeakMap();
  }

  private problem(path: string, message: string): void {
    const key = `${path}\u0000${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ path, message });
  }

  /** A search ends after this folder: a workspace folder or a repository root. */
  private isBoundary(dir: string): boolean {
    let answer = this.boundaries.get(dir);
    if (answer === undefined) {
      answer = this.roots.includes(withoutTrailingSeparator(dir)) || isRepositoryRoot(this.files, dir);
      this.boundaries.set(dir, answer);
    }
    return answer;
  }

  /** The repository root at or above `dir`, if any. */
  repoRootOf(dir: string): string | undefined {
    return this.repoRoots.of(resolve(dir));
  }

  /** The innermost workspace folder holding the path. */
  workspaceRootOf(path: string): string | undefined {
    const absolute = resolve(path);
    let best: string | undefined;
    for (const root of this.roots) {
      if (isAtOrBelow(absolute, root) && (!best || root.length > best.length)) best = root;
    }
    return best;
  }

  /** The nearest `.stevedore.yaml`/`.stevedore.yml` from `dir` upward. */
  stevedoreConfigFor(dir: string): StevedoreConfig | undefined {
    return nearestUpward(this.ours, resolve(dir), (folder) => this.readOurs(folder), (folder) => this.isBoundary(folder));
  }

  private readOurs(dir: string): StevedoreConfig | undefined {
    for (const name of stevedoreConfigNames) {
      const path = join(dir, name);
      const text = this.files.readText(path);
      if (text === undefined) continue;
      const { config, problems, notices } = parseStevedoreConfig(text, path);
      for (const message of problems) this.problem(path, message);
      for (const message of notices) this.notices.push({ path, message });
      if (!config) return { path, settings: this.defaults, language: 'auto' };
      // Paths in the file are relative to the file's own folder.
      config.settings.kubernetes.customSchemas = config.settings.kubernetes.customSchemas.map((entry) => resolve(dir, entry));
      return config;
    }
    return undefined;
  }

  /**
   * The settings for a file: its project's `.stevedore.yaml`, with the editor's settings on top when
   * there is an editor. Relative custom schema paths from the editor resolve against the workspace
   * folder holding the file.
   */
  settingsFor(filePath: string | undefined, editor?: StevedoreSettings): StevedoreSettings {
    const dir = filePath ? dirname(resolve(filePath)) : undefined;
    const project = dir ? this.stevedoreConfigFor(dir)?.settings ?? this.defaults : this.defaults;
    if (!editor) return project;
    let perDir = this.layered.get(editor);
    if (!perDir) {
      perDir = new Map();
      this.layered.set(editor, perDir);
    }
    const key = dir ?? '';
    let settings = perDir.get(key);
    if (!settings) {
      const base = (filePath && this.workspaceRootOf(filePath)) ?? this.roots[0] ?? dir;
      const schemas = editor.kubernetes.customSchemas
        .filter((entry) => typeof entry === 'string' && entry.trim() !== '')
        .flatMap((entry) => (isAbsolute(entry) ? [entry] : base ? [resolve(base, entry)] : []));
      settings = overlayEditorSettings(project, { ...editor, kubernetes: { ...editor.kubernetes, customSchemas: schemas } });
      perDir.set(key, settings);
    }
    return settings;
  }

  /** The `.hadolint.yaml` that applies to a Dockerfile, its problems reported. */
  hadolintFor(filePath: string): FoundHadolintConfig | undefined {
    return nearestUpward(this.hadolint, dirname(resolve(filePath)), (folder) => {
      for (const name of hadolintConfigNames) {
        const path = join(folder, name);
        const text = this.files.readText(path);
        if (text === undefined) continue;
        const found = { path, config: parseHadolintConfig(text) };
        for (const message of found.config.problems) this.problem(path, message);
        return found;
      }
      return undefined;
    }, (folder) => this.isBoundary(folder));
  }

  /** The nearest `.kube-linter.yaml`; a broken one counts as absent (as kube-linter's own run would fail) and is reported. */
  kubeLinterFor(filePath: string): KubeLinterConfig | undefined {
    return nearestUpward(this.kubeLinter, dirname(resolve(filePath)), (folder) => {
      for (const name of kubeLinterConfigNames) {
        const path = join(folder, name);
        const text = this.files.readText(path);
        if (text === undefined) continue;
        this.checkKubeLinterText(path, text);
        return parseKubeLinterConfig(text, path) ?? null;
      }
      return undefined;
    }, (folder) => this.isBoundary(folder));
  }

  private checkKubeLinterText(path: string, text: string): void {
    try {
      const raw = parseYaml(text, { maxAliasCount: 50 }) as unknown;
      if (raw !== null && raw !== undefined && !isObject(raw)) this.problem(path, 'the top level should be a mapping');
      else if (isObject(raw) && raw.checks !== undefined && raw.checks !== null && !isObject(raw.checks)) this.problem(path, '"checks" should be a mapping');
    } catch (error) {
      this.problem(path, `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  /** `<Dockerfile>.dockerignore` beside the file wins over the context's `.dockerignore`, as in BuildKit. */
  dockerignoreFor(filePath: string): ProjectFile | undefined {
    const absolute = resolve(filePath);
    for (const path of [`${absolute}.dockerignore`, join(dirname(absolute), '.dockerignore')]) {
      const text = this.files.readText(path);
      if (text !== undefined) return { path, text };
    }
    return undefined;
  }

  /**
   * Read-only access for a Compose file to the files around it (overrides, includes, `.env`, build
   * contexts, Dockerfiles): only below its workspace folder or repository root (its own folder when
   * it has neither), small files only, through the cache that file events invalidate.
   */
  /**
   * The editor's unsaved text of an open file, when the front has one (the language server): a
   * Compose file sees the override being edited next to it, not the copy on disk.
   */
  openText?: (absolutePath: string) => string | undefined;

  projectReaderFor(filePath: string): ProjectFileReader {
    const absolute = resolve(filePath);
    const dir = dirname(absolute);
    const bounds = [this.workspaceRootOf(absolute), this.repoRootOf(dir)].filter((root): root is string => root !== undefined);
    if (bounds.length === 0) bounds.push(dir);
    const inside = (path: string): string | undefined => {
      const resolved = resolve(path);
      return bounds.some((root) => isAtOrBelow(resolved, root)) ? resolved : undefined;
    };
    return {
      readText: (path) => {
        const resolved = inside(path);
        return resolved === undefined ? undefined : this.openText?.(resolved) ?? this.files.readText(resolved);
      },
      kindOf: (path) => {
        const resolved = inside(path);
        if (resolved === undefined) return undefined;
        return this.openText?.(resolved) !== undefined ? 'file' : this.files.kindOf(resolved);
      },
    };
  }

  /** Everything the engine needs from the project's files for one document (cached). */
  factsFor(filePath: string | undefined, settings: StevedoreSettings, kind: LanguageKind | undefined): ProjectFacts {
    const schemas = settings.kubernetes.customSchemas;
    const key = `${kind ?? ''}\u0000${filePath ?? ''}\u0000${schemas.join('\u0000')}`;
    let facts = this.facts.get(key);
    if (facts) return facts;
    const customSchemaFiles: ProjectFile[] = [];
    // Each language reads its own config files (undefined: a document whose kind is not known yet, all of them).
    const dockerfileFacts = kind === 'dockerfile' || kind === undefined;
    const manifestFacts = kind === 'yaml' || kind === undefined;
    if (manifestFacts) {
      const base = filePath ? dirname(resolve(filePath)) : undefined;
      for (const entry of schemas.slice(0, maxCustomSchemaFiles)) {
        const path = isAbsolute(entry) ? entry : base ? resolve(base, entry) : undefined;
        const text = path === undefined ? undefined : this.files.readText(path);
        if (path !== undefined && text !== undefined) customSchemaFiles.push({ path, text });
      }
    }
    facts = {
      hadolint: filePath && dockerfileFacts ? this.hadolintFor(filePath) : undefined,
      kubeLinter: filePath && manifestFacts ? this.kubeLinterFor(filePath) : undefined,
      dockerignore: filePath && dockerfileFacts ? this.dockerignoreFor(filePath) : undefined,
      customSchemaFiles,
      // Dockerfiles ask too: whether their build context holds a file (npm-install-instead-of-ci's lockfile).
      files: filePath && (kind === 'compose' || dockerfileFacts) ? this.projectReaderFor(filePath) : undefined,
    };
    if (this.facts.size > 10_000) this.facts.clear();
    this.facts.set(key, facts);
    return facts;
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

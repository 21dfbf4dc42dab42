import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isAtOrBelow } from '../common/paths';
import type { WorkspaceFiles } from '../common/service';
import { RepositoryRoots } from './upward';

/**
 * Which files on disk are part of the project: one rule for the command line's walk and the
 * language server's workspace index, so `stevedore lint .` and the editor see the same files.
 *
 *  - Git-ignored files are not part of the project: `.gitignore` files at every level (patterns
 *    relative to their own folder, deeper files overriding shallower ones, `!` re-including) and
 *    `.git/info/exclude`, with git's semantics through the `ignore` package — including that a
 *    file inside an excluded folder cannot be re-included.
 *  - Dependency and VCS folders are never walked, git or not.
 *  - Files above `maxProjectFileBytes` are generated or data, not something people write by hand.
 *
 * Ignore files are read through the injected reader (cached by the fronts) and kept parsed until
 * `invalidate` says one changed, so the filter answers synchronously in the CLI's walk and in the
 * server's asynchronous one alike.
 */

/** One size cap for every front: bigger files are skipped (the CLI says so with a notice). */
export const maxProjectFileBytes = 1024 * 1024;

/** Folders that hold dependencies, VCS data or tool caches, never the user's own files. */
export const alwaysSkippedFolders: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'vendor',
  '.git', '.hg', '.svn',
  '.venv', 'venv', '__pycache__',
  '.terraform', '.vscode-test', '.idea', '.cache',
]);

export interface ProjectFileFilterOptions {
  /** Reads `.gitignore`, `.git/info/exclude` and the `.git` probes that find the repository root. */
  files: WorkspaceFiles;
  /** Honour git's ignore files (default true); the always-skipped folders stay skipped either way. */
  gitignore?: boolean;
  /** The folders being walked (workspace folders, folders named on the command line). */
  roots?: readonly string[];
}

/** `ignore` wants paths relative to the rules' folder, with `/` separators. */
function posixRelative(from: string, to: string): string {
  const path = relative(from, to);
  return sep === '/' ? path : path.split(sep).join('/');
}

/** A folder name used inside a pattern must match itself only. */
function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]!#]/g, '\\$&');
}

/**
 * Restates one line of the ignore file in folder `prefix` (relative to the rules' base, `/`
 * separated, '' for the base itself) as a pattern relative to the base. gitignore(5): a pattern
 * with a slash at its start or middle is anchored to its file's folder; one without matches at any
 * depth below it.
 */
function rebaseLine(line: string, prefix: string): string | undefined {
  if (line === '' || line.startsWith('#')) return undefined;
  if (prefix === '') return line;
  let pattern = line;
  let negation = '';
  if (pattern.startsWith('!')) {
    negation = '!';
    pattern = pattern.slice(1);
  }
  // What is left once unescaped trailing spaces and a directory-only slash are gone decides anchoring.
  const body = pattern.replace(/(?<!\\) +$/, '').replace(/\/$/, '');
  if (body === '' || body === '/') return undefined;
  const anchored = body.includes('/');
  const relativePattern = pattern.startsWith('/') ? pattern.slice(1) : pattern;
  return `${negation}${escapeGlob(prefix)}/${anchored ? '' : '**/'}${relativePattern}`;
}

function newMatcher(): Ignore {
  // Git compares names case-sensitively unless core.ignorecase is set (macOS and Windows clones).
  return ignore({ ignorecase: false });
}

export class ProjectFileFilter {
  private readonly files: WorkspaceFiles;
  private readonly gitignore: boolean;
  private roots: string[] = [];
  /** Lines of each ignore file read (null: none there), until invalidated. */
  private readonly ignoreLines = new Map<string, string[] | null>();
  /** Per `base \0 folder`: the rules that apply to the folder's entries (shared with the parent when it adds none). */
  private readonly chains = new Map<string, Ignore | null>();
  private readonly repoRoots: RepositoryRoots;
  private readonly bases = new Map<string, string>();

  constructor(options: ProjectFileFilterOptions) {
    this.files = options.files;
    this.repoRoots = new RepositoryRoots(options.files);
    this.gitignore = options.gitignore !== false;
    this.setRoots(options.roots ?? []);
  }

  setRoots(roots: readonly string[]): void {
    // Outermost first: a root inside another walked root is part of the outer walk.
    this.roots = roots.map((root) => resolve(root)).sort((a, b) => a.length - b.length);
    this.bases.clear();
  }

  /**
   * The walk's question: whether an entry of a folder that is part of the project is excluded.
   * Folders are excluded by name (dependencies, VCS) or by git; files by git.
   */
  skipsEntry(absolutePath: string, isDirectory: boolean): boolean {
    if (isDirectory && alwaysSkippedFolders.has(basename(absolutePath))) return true;
    if (!this.gitignore) return false;
    const folder = dirname(absolutePath);
    const base = this.baseOf(folder);
    return this.ignoredBelow(base, absolutePath, isDirectory);
  }

  /**
   * The file watcher's question: whether a path (file or folder) is outside the project, itself or
   * through one of its folders, as a walk from the enclosing root would have found it.
   */
  isExcluded(absolutePath: string, isDirectory: boolean): boolean {
    const root = this.roots.find((candidate) => isAtOrBelow(absolutePath, candidate));
    if (absolutePath === root) return false;
    const top = root ?? this.repoRootOf(dirname(absolutePath));
    if (top) {
      const below = posixRelative(top, absolutePath).split('/');
      const folders = isDirectory ? below : below.slice(0, -1);
      if (folders.some((name) => alwaysSkippedFolders.has(name))) return true;
    }
    if (!this.gitignore) return false;
    const base = this.baseOf(dirname(absolutePath));
    return this.ignoredBelow(base, absolutePath, isDirectory);
  }

  /**
   * An ignore file (or a folder holding some, or git's own data) changed: forget what was read from
   * it. Returns whether any answer may change.
   */
  invalidate(absolutePath: string): boolean {
    if (basename(absolutePath) === '.git' || absolutePath.includes(`${sep}.git${sep}`)) {
      // A repository appeared or went, or .git/info/exclude changed: start over (rare).
      const known = this.ignoreLines.size > 0 || this.repoRoots.size > 0;
      this.ignoreLines.clear();
      this.chains.clear();
      this.repoRoots.clear();
      this.bases.clear();
      return known;
    }
    let dropped = false;
    for (const path of this.ignoreLines.keys()) {
      if (isAtOrBelow(path, absolutePath)) {
        this.ignoreLines.delete(path);
        dropped = true;
      }
    }
    if (!dropped) return false;
    const affected = basename(absolutePath) === '.gitignore' ? dirname(absolutePath) : absolutePath;
    for (const key of this.chains.keys()) {
      if (isAtOrBelow(key.slice(key.indexOf('\0') + 1), affected)) this.chains.delete(key);
    }
    this.bases.clear();
    return true;
  }

  /** Whether `path`, or one of its folders below `base`, is git-ignored. */
  private ignoredBelow(base: string, path: string, isDirectory: boolean): boolean {
    if (!isAtOrBelow(path, base) || path === base) return false;
    const rules = this.chainOf(dirname(path), base);
    if (!rules) return false;
    const relativePath = posixRelative(base, path);
    // `ignore` tests each parent folder first: a file in an excluded folder stays excluded.
    return rules.ignores(isDirectory ? `${relativePath}/` : relativePath);
  }

  /**
   * Where the patterns of a folder's ignore files are anchored: the repository root, as in git.
   * Outside a repository, the walked root (so `.gitignore` files still count in an unpacked
   * tarball). A walked root that git ignores (a workspace opened on a git-ignored folder, or
   * `stevedore lint gen/`) counts from itself: naming a folder means wanting it checked.
   */
  private baseOf(folder: string): string {
    const cached = this.bases.get(folder);
    if (cached !== undefined) return cached;
    const repo = this.repoRootOf(folder);
    const roots = this.roots.filter((candidate) => isAtOrBelow(folder, candidate));
    let base: string;
    if (repo) {
      const ignoredRoot = roots.find((root) => root !== repo && isAtOrBelow(root, repo) && this.ignoredBelow(repo, root, true));
      base = ignoredRoot ?? repo;
    } else {
      base = roots[0] ?? folder;
    }
    this.bases.set(folder, base);
    return base;
  }

  /** The rules for entries of `folder`: the parent's, then the folder's own `.gitignore`. */
  private chainOf(folder: string, base: string): Ignore | null {
    const key = `${base}\0${folder}`;
    const cached = this.chains.get(key);
    if (cached !== undefined) return cached;
    let inherited: Ignore | null;
    if (folder === base) {
      inherited = this.repoRootOf(base) === base ? this.matcherOf(join(base, '.git', 'info', 'exclude'), '') : null;
    } else {
      inherited = isAtOrBelow(folder, base) ? this.chainOf(dirname(folder), base) : null;
    }
    const own = this.rebasedLines(join(folder, '.gitignore'), posixRelative(base, folder));
    let chain = inherited;
    if (own.length > 0) {
      // Adding a matcher shares its compiled rules; later rules win, so deeper files override.
      chain = newMatcher();
      if (inherited) chain.add(inherited);
      chain.add(own);
    }
    this.chains.set(key, chain);
    return chain;
  }

  private matcherOf(path: string, prefix: string): Ignore | null {
    const lines = this.rebasedLines(path, prefix);
    return lines.length > 0 ? newMatcher().add(lines) : null;
  }

  private rebasedLines(path: string, prefix: string): string[] {
    let lines = this.ignoreLines.get(path);
    if (lines === undefined) {
      const text = this.files.readText(path);
      lines = text === undefined ? null : text.replace(/^\uFEFF/, '').split(/\r?\n/);
      this.ignoreLines.set(path, lines);
    }
    if (!lines) return [];
    const rebased: string[] = [];
    for (const line of lines) {
      const pattern = rebaseLine(line, prefix);
      if (pattern !== undefined) rebased.push(pattern);
    }
    return rebased;
  }

  /** The nearest folder at or above `folder` holding `.git` (a folder, or a file in worktrees and submodules). */
  repoRootOf(folder: string): string | undefined {
    return this.repoRoots.of(folder);
  }
}

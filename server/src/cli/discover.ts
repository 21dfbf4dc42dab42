import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDockerfileName, isYamlName, type LanguageKind } from '../common/fileKinds';
import { isIgnored, parseIgnoreFile, type IgnoreStack } from './gitignore';

/** Folders that never hold the user's own Dockerfiles or manifests (VCS data, dependencies). */
const skippedDirectories = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FoundFile {
  /** As shown to the user: the path given on the command line joined with the walked names. */
  path: string;
  /** Absolute path, used for config lookups and de-duplication. */
  absolute: string;
  /** Undefined for a file named explicitly whose name says nothing: its text decides. */
  kind?: LanguageKind;
}

export interface DiscoverOptions {
  /** Relative paths resolve against this folder (default: the process's). */
  cwd?: string;
  /** Honour `.gitignore` files and `.git/info/exclude` (default true). */
  gitignore?: boolean;
  onUnreadable(path: string, reason: string): void;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file in worktrees). */
export function gitRootOf(dir: string): string | undefined {
  let current = resolve(dir);
  for (let depth = 0; depth < 64; depth++) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

function readIgnoreFile(stack: IgnoreStack | undefined, directory: string, path: string): IgnoreStack | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return stack;
  }
  const file = parseIgnoreFile(directory, text);
  return file.patterns.length ? { file, parent: stack } : stack;
}

/**
 * The ignore files that apply inside `dir` before walking it: the repository's
 * `.git/info/exclude`, then every `.gitignore` from the repository root down to `dir`'s parent.
 * `dir`'s own `.gitignore` is read by the walk itself.
 */
function ignoreStackAbove(dir: string): IgnoreStack | undefined {
  const root = gitRootOf(dir);
  if (!root) return undefined;
  let stack = readIgnoreFile(undefined, root, join(root, '.git', 'info', 'exclude'));
  const chain: string[] = [];
  for (let current = dir; current !== root && chain.length < 64; current = dirname(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    chain.unshift(parent);
  }
  for (const folder of chain) stack = readIgnoreFile(stack, folder, join(folder, '.gitignore'));
  return stack;
}

/** Linter config files are YAML but never manifests: not worth a line in the report. */
const configFileNames = new Set(['.hadolint.yaml', '.hadolint.yml', '.kube-linter.yaml', '.kube-linter.yml', '.stevedore.yaml', '.stevedore.yml']);

function kindOfName(name: string): LanguageKind | undefined {
  if (isDockerfileName(name)) return 'dockerfile';
  if (configFileNames.has(name)) return undefined;
  if (isYamlName(name)) return 'yaml';
  return undefined;
}

/**
 * Finds Dockerfiles (every name the extension knows) and YAML files under the given paths, in a
 * stable order, each once. A file named explicitly is always taken, whatever its name or ignore
 * rules; folders are walked skipping VCS and dependency folders, symlinked folders (no cycles)
 * and whatever `.gitignore` files exclude.
 */
export function discoverFiles(paths: string[], options: DiscoverOptions): FoundFile[] {
  const useGitignore = options.gitignore !== false;
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  const take = (path: string, absolute: string, kind: LanguageKind | undefined): void => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    found.push({ path, absolute, kind });
  };

  const walk = (shown: string, absolute: string, inherited: IgnoreStack | undefined): void => {
    const stack = useGitignore ? readIgnoreFile(inherited, absolute, join(absolute, '.gitignore')) : undefined;
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      options.onUnreadable(shown, errorCode(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childShown = join(shown, entry.name);
      const childAbsolute = join(absolute, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders (they can loop).
        try {
          const stats = statSync(childAbsolute);
          isFile = stats.isFile();
          isDirectory = false;
        } catch {
          continue;
        }
      }
      if (isDirectory) {
        if (skippedDirectories.has(entry.name)) continue;
        if (stack && isIgnored(stack, childAbsolute, true)) continue;
        walk(childShown, childAbsolute, stack);
      } else if (isFile) {
        const kind = kindOfName(entry.name);
        if (!kind) continue;
        if (stack && isIgnored(stack, childAbsolute, false)) continue;
        take(childShown, childAbsolute, kind);
      }
    }
  };

  for (const path of paths) {
    const absolute = resolve(options.cwd ?? '.', path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      options.onUnreadable(path, errorCode(error));
      continue;
    }
    if (stats.isDirectory()) walk(path, absolute, useGitignore ? ignoreStackAbove(absolute) : undefined);
    else if (stats.isFile()) take(path, absolute, kindOfName(path));
    else options.onUnreadable(path, 'not a file or folder');
  }
  return found;
}

import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { isComposeName, isDockerfileName, isJsonName, isYamlName, type LanguageKind } from '../common/fileKinds';
import { evidenceKindOf } from '../common/imageEvidence';
import type { WorkspaceFiles } from '../common/service';
import { CachedFiles } from '../config/cachedFiles';
import type { FolderListings } from '../config/folderListings';
import { ProjectFileFilter } from '../config/projectFiles';

/**
 * What a name says about a file: a Dockerfile, a Compose file (`compose.yaml`, `docker-compose.prod.yml`…),
 * YAML (a manifest if its text says so), or JSON
 * (checked only when its text names `apiVersion` and `kind`), or a Tiltfile (`evidence`: not linted, only read
 * into the image graph for the manifests' checks).
 */
export type FoundKind = LanguageKind | 'json' | 'evidence';

export interface FoundFile {
  /** As shown to the user: the path given on the command line joined with the walked names. */
  path: string;
  /** Absolute path, used for config lookups and de-duplication. */
  absolute: string;
  /** Undefined for a file named explicitly whose name is none of ours (skipped with a notice). */
  kind?: FoundKind;
  /** Named on the command line rather than found in a folder: always checked, or told why not. */
  explicit: boolean;
}

export interface DiscoverOptions {
  /** Relative paths resolve against this folder (default: the process's). */
  cwd?: string;
  /** Honour `.gitignore` files and `.git/info/exclude` (default true). */
  gitignore?: boolean;
  /** Reads the ignore files (default: a reader of its own, each file read once). */
  files?: WorkspaceFiles;
  /** Told the names of every folder the walk lists, so config searches there need not list it again. */
  listings?: FolderListings;
  onUnreadable(path: string, reason: string): void;
  /** Called with the count of files found so far, after each one (the command line starts its workers early). */
  onFound?(count: number): void;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Linter config files are YAML but never manifests: not worth a line in the report. */
const configFileNames = new Set(['.hadolint.yaml', '.hadolint.yml', '.kube-linter.yaml', '.kube-linter.yml', '.stevedore.yaml', '.stevedore.yml']);

function kindOfName(name: string): FoundKind | undefined {
  if (isDockerfileName(name)) return 'dockerfile';
  if (isYamlName(name) && isComposeName(name)) return 'compose';
  if (isYamlName(name)) return 'yaml';
  if (isJsonName(name)) return 'json';
  if (evidenceKindOf(name) === 'tilt') return 'evidence';
  return undefined;
}

/**
 * Finds Dockerfiles (every name the extension knows), Compose files, YAML and JSON files under the given paths,
 * in a stable order, each once. A file named explicitly is always taken, whatever its name or
 * ignore rules; folders are walked skipping what is not part of the project (ProjectFileFilter:
 * git-ignored files, dependency and VCS folders) and symlinked folders (no cycles).
 */
export function discoverFiles(paths: string[], options: DiscoverOptions): FoundFile[] {
  const found: FoundFile[] = [];
  const seen = new Set<string>();
  const take = (file: FoundFile): void => {
    if (seen.has(file.absolute)) return;
    seen.add(file.absolute);
    found.push(file);
    options.onFound?.(found.length);
  };

  const named: { path: string; absolute: string; stats: Stats }[] = [];
  for (const path of paths) {
    const absolute = resolve(options.cwd ?? '.', path);
    try {
      named.push({ path, absolute, stats: statSync(absolute) });
    } catch (error) {
      options.onUnreadable(path, errorCode(error));
    }
  }
  const filter = new ProjectFileFilter({
    files: options.files ?? new CachedFiles(),
    gitignore: options.gitignore,
    roots: named.filter((entry) => entry.stats.isDirectory()).map((entry) => entry.absolute),
  });

  const walk = (shown: string, absolute: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      options.onUnreadable(shown, errorCode(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    options.listings?.remember(absolute, entries.map((entry) => entry.name));
    for (const entry of entries) {
      const childShown = join(shown, entry.name);
      const childAbsolute = join(absolute, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders (they can loop).
        try {
          isFile = statSync(childAbsolute).isFile();
          isDirectory = false;
        } catch {
          continue;
        }
      }
      if (isDirectory) {
        if (!filter.skipsEntry(childAbsolute, true)) walk(childShown, childAbsolute);
      } else if (isFile) {
        const kind = kindOfName(entry.name);
        if (!kind || configFileNames.has(entry.name)) continue;
        if (filter.skipsEntry(childAbsolute, false)) continue;
        take({ path: childShown, absolute: childAbsolute, kind, explicit: false });
      }
    }
  };

  for (const { path, absolute, stats } of named) {
    if (stats.isDirectory()) walk(path, absolute);
    else if (stats.isFile()) take({ path, absolute, kind: kindOfName(path), explicit: true });
    else options.onUnreadable(path, 'not a file or folder');
  }
  return found;
}

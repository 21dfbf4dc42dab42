import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDockerfileName, isYamlName, type LanguageKind } from '../common/fileKinds';

/** Folders that never hold the user's own Dockerfiles or manifests. */
const skippedDirectories = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out']);

export interface FoundFile {
  path: string;
  kind: LanguageKind;
}

/**
 * Finds Dockerfiles (every name the extension knows) and YAML files under the given paths. A path
 * named explicitly is always taken, whatever its name; folders are walked in a stable order.
 */
export function discoverFiles(paths: string[], onUnreadable: (path: string, reason: string) => void): FoundFile[] {
  const found: FoundFile[] = [];
  const visit = (path: string, explicit: boolean): void => {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      onUnreadable(path, (error as NodeJS.ErrnoException).code ?? String(error));
      return;
    }
    if (stats.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (error) {
        onUnreadable(path, (error as NodeJS.ErrnoException).code ?? String(error));
        return;
      }
      for (const name of names) {
        if (skippedDirectories.has(name)) continue;
        visit(join(path, name), false);
      }
      return;
    }
    if (!stats.isFile()) return;
    if (isDockerfileName(path)) found.push({ path, kind: 'dockerfile' });
    else if (isYamlName(path)) found.push({ path, kind: 'yaml' });
    else if (explicit) found.push({ path, kind: 'dockerfile' });
  };
  for (const path of paths) visit(path, true);
  return found;
}

import { dirname, join } from 'node:path';
import type { WorkspaceFiles } from '../common/service';

/** How far up a search may go when no boundary is found (deep trees, odd mounts). */
const maxDepth = 128;

/**
 * The first answer `probe` gives from `dir` upward, stopping after a folder where `stopAfter` says
 * so (or at the file system root). Every folder passed is cached with the answer, so siblings and
 * children of visited folders cost one map lookup. A probe answering `null` means "found, empty".
 */
export function nearestUpward<T>(cache: Map<string, T | null>, dir: string, probe: (folder: string) => T | null | undefined, stopAfter: (folder: string) => boolean): T | undefined {
  const passed: string[] = [];
  let answer: T | null = null;
  let current = dir;
  for (let depth = 0; depth < maxDepth; depth++) {
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

/** A repository's root holds `.git`: a folder with HEAD, or a file (worktrees, submodules). */
export function isRepositoryRoot(files: WorkspaceFiles, dir: string): boolean {
  return files.readText(join(dir, '.git', 'HEAD')) !== undefined || files.readText(join(dir, '.git')) !== undefined;
}

/** "Which repository is this folder in?", answered once per folder until `clear`. */
export class RepositoryRoots {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly files: WorkspaceFiles) {}

  /** The nearest folder at or above `dir` that is a repository root. */
  of(dir: string): string | undefined {
    return nearestUpward(this.cache, dir, (folder) => (isRepositoryRoot(this.files, folder) ? folder : undefined), () => false);
  }

  get size(): number {
    return this.cache.size;
  }

  clear(): void {
    this.cache.clear();
  }
}

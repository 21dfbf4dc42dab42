import { readFileSync, statSync } from 'node:fs';
import type { WorkspaceFiles } from '../common/service';

/** Config, ignore and schema files are small; anything bigger is not one of them. */
export const maxConfigFileBytes = 1024 * 1024;

/** One stat and one read; undefined when the path is missing, not a file, too big or unreadable. */
export function readSmallTextFile(absolutePath: string): string | undefined {
  try {
    const stats = statSync(absolutePath);
    if (!stats.isFile() || stats.size > maxConfigFileBytes) return undefined;
    return readFileSync(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
}

interface Entry {
  text: string | undefined;
  readAt: number;
}

/**
 * The fronts' file reader: every path (present or missing) is read at most once until the front
 * says it changed. The language server invalidates from the editor's file-watcher events; a client
 * that cannot watch gets entries that expire (`maxAgeMs`), so an edited `.hadolint.yaml` still
 * takes effect. The command line keeps everything for the run, except files `--fix` rewrites.
 */
export class CachedFiles implements WorkspaceFiles {
  private readonly entries = new Map<string, Entry>();
  /** Disk reads made so far (the bench and tests check that checks stop reading). */
  reads = 0;

  constructor(
    private readonly read: (absolutePath: string) => string | undefined = readSmallTextFile,
    public maxAgeMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  readText(absolutePath: string): string | undefined {
    const entry = this.entries.get(absolutePath);
    if (entry && (this.maxAgeMs === Number.POSITIVE_INFINITY || this.now() - entry.readAt < this.maxAgeMs)) return entry.text;
    this.reads++;
    const text = this.read(absolutePath);
    this.entries.set(absolutePath, { text, readAt: this.now() });
    return text;
  }

  /** Whether this path was asked for (so a change to it can change an answer). */
  has(absolutePath: string): boolean {
    return this.entries.has(absolutePath);
  }

  /** Forgets a path and, when it is a folder, everything below it (a deleted folder sends one event). */
  invalidate(absolutePath: string): boolean {
    let dropped = this.entries.delete(absolutePath);
    const prefix = absolutePath.endsWith('/') || absolutePath.endsWith('\\') ? absolutePath : `${absolutePath}/`;
    for (const key of this.entries.keys()) {
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
  }
}

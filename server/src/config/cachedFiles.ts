import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { WorkspaceFiles } from '../common/service';
import { FolderListings, type FolderSnapshot } from './folderListings';

/** Config, ignore and schema files are small; anything bigger is not one of them. */
export const maxConfigFileBytes = 1024 * 1024;

/** One stat and one read; undefined when the path is missing, not a file, too big or unreadable. */
export function readSmallTextFile(absolutePath: string): string | undefined {
  try {
    // Most paths asked about are absent: no exception for those (each costs more than the stat).
    const stats = statSync(absolutePath, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size > maxConfigFileBytes) return undefined;
    return readFileSync(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
}

export type PathKind = 'file' | 'directory' | 'missing';

/** One stat: a file, a folder, or nothing readable there. */
export function statPathKind(absolutePath: string): PathKind {
  try {
    const stats = statSync(absolutePath, { throwIfNoEntry: false });
    return stats?.isFile() ? 'file' : stats?.isDirectory() ? 'directory' : 'missing';
  } catch {
    return 'missing';
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
  private readonly kinds = new Map<string, { kind: PathKind; readAt: number }>();
  /** Disk reads made so far (the bench and tests check that checks stop reading). */
  reads = 0;

  constructor(
    private readonly read: (absolutePath: string) => string | undefined = readSmallTextFile,
    public maxAgeMs = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
    /** Tests with an in-memory reader pass their own; by default a custom reader answers files only. */
    private readonly stat: (absolutePath: string) => PathKind = read === readSmallTextFile ? statPathKind : (path) => (read(path) === undefined ? 'missing' : 'file'),
    /** Folder listings that answer "absent" without a system call (the command line: `forRun`). */
    readonly listings?: FolderListings,
  ) {}

  /**
   * For one command-line run over files that do not change meanwhile: each folder is listed once
   * (folderListings.ts), or not at all when `folders` (another thread's listings) has it.
   */
  static forRun(folders?: FolderSnapshot): CachedFiles {
    return new CachedFiles(readSmallTextFile, Number.POSITIVE_INFINITY, Date.now, statPathKind, new FolderListings((folder) => readdirSync(folder), folders));
  }

  /** Whether a path is a file, a folder or absent (Compose build contexts, env files), cached like texts. */
  kindOf(absolutePath: string): PathKind {
    const entry = this.kinds.get(absolutePath);
    if (entry && (this.maxAgeMs === Number.POSITIVE_INFINITY || this.now() - entry.readAt < this.maxAgeMs)) return entry.kind;
    this.reads++;
    const kind = this.listings?.mayExist(absolutePath) === false ? 'missing' : this.stat(absolutePath);
    this.kinds.set(absolutePath, { kind, readAt: this.now() });
    return kind;
  }

  readText(absolutePath: string): string | undefined {
    const entry = this.entries.get(absolutePath);
    if (entry && (this.maxAgeMs === Number.POSITIVE_INFINITY || this.now() - entry.readAt < this.maxAgeMs)) return entry.text;
    this.reads++;
    const text = this.listings?.mayExist(absolutePath) === false ? undefined : this.read(absolutePath);
    this.entries.set(absolutePath, { text, readAt: this.now() });
    return text;
  }

  /** Whether this path was asked for (so a change to it can change an answer). */
  has(absolutePath: string): boolean {
    return this.entries.has(absolutePath) || this.kinds.has(absolutePath);
  }

  /** Forgets a path and, when it is a folder, everything below it (a deleted folder sends one event). */
  invalidate(absolutePath: string): boolean {
    this.listings?.forget(absolutePath);
    let dropped = this.entries.delete(absolutePath);
    if (this.kinds.delete(absolutePath)) dropped = true;
    const prefix = absolutePath.endsWith('/') || absolutePath.endsWith('\\') ? absolutePath : `${absolutePath}/`;
    for (const map of [this.entries, this.kinds] as Map<string, unknown>[]) {
      for (const key of map.keys()) {
        if (key.startsWith(prefix)) {
          map.delete(key);
          dropped = true;
        }
      }
    }
    // A file created in a folder that was missing: the folder exists now.
    for (const [key, entry] of this.kinds) {
      if (entry.kind === 'missing' && (prefix.startsWith(`${key}/`) || prefix.startsWith(`${key}\\`))) {
        this.kinds.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  clear(): void {
    this.listings?.clear();
    this.entries.clear();
    this.kinds.clear();
  }
}

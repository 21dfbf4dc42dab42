import { basename, dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFiles } from '../common/service';

const hasGit = 1;
const hasIgnoreFile = 2;

/**
 * The project-file filter (config/projectFiles.ts) asks of every folder the workspace walk enters
 * whether it is a repository root (`.git/HEAD`, `.git`) and what its `.gitignore` says: three reads
 * of files that are almost never there, synchronous, about 0.5 s of the server's main thread over a
 * 10,000-file workspace. The walk has just listed the folder, so it knows: this reader answers
 * "not there" for those names in a folder whose listing lacks them, and reads everything else
 * through `files`. Names are compared without case (a case-insensitive disk would find `.GITIGNORE`
 * too), so a doubt always goes to the disk. Listings are only trusted while the walk that made them
 * runs (`clear`), and a watched `.gitignore` change drops its folder's (`forget`).
 */
export class ListedFolders implements WorkspaceFiles {
  private readonly listed = new Map<string, number>();

  constructor(private readonly files: WorkspaceFiles) {}

  /** A folder's entry names, as the walk just read them (the folder's path normalised, as `WalkFolder.path` is). */
  note(folder: string, names: Iterable<string>): void {
    let found = 0;
    for (const name of names) {
      if (name.length === 4 && name.toLowerCase() === '.git') found |= hasGit;
      else if (name.length === 10 && name.toLowerCase() === '.gitignore') found |= hasIgnoreFile;
    }
    this.listed.set(folder, found);
  }

  forget(folder: string): void {
    this.listed.delete(folder);
  }

  clear(): void {
    this.listed.clear();
  }

  readText(absolutePath: string): string | undefined {
    return this.knownMissing(absolutePath) ? undefined : this.files.readText(absolutePath);
  }

  /** Whether the listing of the folder that would hold this `.gitignore` / `.git` / `.git/…` path lacks it. */
  private knownMissing(path: string): boolean {
    const name = basename(path);
    const parent = dirname(path);
    let folder: string;
    let needs: number;
    if (name === '.gitignore') [folder, needs] = [parent, hasIgnoreFile];
    else if (name === '.git') [folder, needs] = [parent, hasGit];
    else if (basename(parent) === '.git') [folder, needs] = [dirname(parent), hasGit];
    else if (basename(parent) === 'info' && basename(dirname(parent)) === '.git') [folder, needs] = [dirname(dirname(parent)), hasGit];
    else return false;
    const found = this.listed.get(folder);
    return found !== undefined && (found & needs) === 0;
  }
}

/** Entry names the walk may join and turn into a URI by hand: nothing a path or a URL would escape or normalise. */
const plainName = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * A folder of the walk, once per folder: its path and `file:` URI, from which each entry's path and URI
 * are made by appending the name, as `join` and `pathToFileURL` would make them (the walk made both for
 * each of 10,000 files, a large share of the garbage its main thread collected). Names with anything
 * but letters, digits, `.`, `_` and `-` go through `join` and `pathToFileURL` as before.
 */
export class WalkFolder {
  /** The folder's path, normalised (no trailing separator but at the file system's root). */
  readonly path: string;
  private readonly prefix: string;
  private readonly uriPrefix: string;

  constructor(path: string) {
    // The walk's own folders come from pathOf and are normal already; a workspace root may end in a separator.
    const needsNormalising = path.endsWith(sep) || path.includes(`${sep}.`) || path.includes(`${sep}${sep}`) || (sep === '\\' && path.includes('/'));
    this.path = needsNormalising ? join(path, '.') : path;
    this.prefix = this.path.endsWith(sep) ? this.path : `${this.path}${sep}`;
    const uri = pathToFileURL(this.path).toString();
    this.uriPrefix = uri.endsWith('/') ? uri : `${uri}/`;
  }

  pathOf(name: string): string {
    return plainName.test(name) ? `${this.prefix}${name}` : join(this.path, name);
  }

  /** The URI of an entry whose path `pathOf` gave. */
  uriOf(name: string, path: string): string {
    return plainName.test(name) ? `${this.uriPrefix}${name}` : pathToFileURL(path).toString();
  }
}

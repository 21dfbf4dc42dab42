import { basename, dirname } from 'node:path';

/** Listings as plain data, for another thread of the same run. */
export type FolderSnapshot = [folder: string, names: string[]][];

/**
 * Which names each folder holds, each folder listed once: the command line's config searches probe
 * a dozen names per folder (`.stevedore.yaml`, `.hadolint.yml`, `.git/HEAD`, `.gitignore`…) that
 * are nearly always absent, and a failed `stat` costs a system call and an exception each (over a
 * 10,000-file tree that was seconds of CPU). With the folder's listing, an absent name costs a set
 * lookup; a name that is there is still read from disk as before, so answers do not change.
 *
 * Only for a run over files that do not change meanwhile (the command line: a new instance per run;
 * `--fix` rewrites files but creates none, and `forget` drops what it may have changed). The
 * language server keeps asking the disk: its files change under it.
 *
 * The folders are read by the function given (cachedFiles.ts, the one module here that reads the disk).
 *
 * A name that is not in the listing exactly but matches one when case and Unicode normalisation are
 * ignored is left to the disk, so case-insensitive file systems (macOS, Windows) answer as before.
 */
export class FolderListings {
  /** Folder → its names, and the same names folded; `absent` for a folder that is not there. */
  private readonly listings = new Map<string, Listing | typeof absent>();
  /** Folders listed so far (tests check a run lists each folder once). */
  listed = 0;

  /** `list` reads a folder's names (throwing as `readdirSync` does); `snapshot` holds listings made by another instance of the same run. */
  constructor(private readonly list: (folder: string) => string[], snapshot: FolderSnapshot = []) {
    for (const [folder, names] of snapshot) this.remember(folder, names);
  }

  /** The folders listed so far, as plain data (for another thread's instance). */
  snapshot(): FolderSnapshot {
    const out: FolderSnapshot = [];
    for (const [folder, listing] of this.listings) if (listing !== absent) out.push([folder, [...listing.names]]);
    return out;
  }

  /** Records a folder's names read elsewhere (the command line's walk lists every folder it enters). */
  remember(folder: string, names: readonly string[]): void {
    this.listings.set(folder, listingOf(names));
  }

  /** False when `absolutePath` is surely absent (its folder's listing lacks it); true when only the disk can tell. */
  mayExist(absolutePath: string): boolean {
    const name = basename(absolutePath);
    // The root (or a path ending in a separator) names no entry of a folder.
    if (name === '' || absolutePath.endsWith('/') || absolutePath.endsWith('\\')) return true;
    const listing = this.listingOf(dirname(absolutePath));
    if (listing === undefined) return true;
    if (listing === absent) return false;
    return holds(listing, name);
  }

  /** A file changed, appeared or went: its folder is listed again when next asked about. */
  forget(absolutePath: string): void {
    this.listings.delete(absolutePath);
    this.listings.delete(dirname(absolutePath));
    for (const folder of this.listings.keys()) {
      if (folder.startsWith(`${absolutePath}/`) || folder.startsWith(`${absolutePath}\\`)) this.listings.delete(folder);
    }
  }

  clear(): void {
    this.listings.clear();
  }

  private listingOf(folder: string): Listing | typeof absent | undefined {
    const known = this.listings.get(folder);
    if (known !== undefined) return known;
    // A folder missing from its parent's listing is not there: `.git/HEAD` in a folder without `.git` costs nothing.
    const parent = dirname(folder);
    const parentListing = parent === folder ? undefined : this.listings.get(parent);
    if (parentListing !== undefined && parentListing !== absent && !holds(parentListing, basename(folder))) {
      this.listings.set(folder, absent);
      return absent;
    }
    if (parentListing === absent) {
      this.listings.set(folder, absent);
      return absent;
    }
    let listing: Listing | typeof absent;
    try {
      listing = listingOf(this.list(folder));
      this.listed++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Not there, or a file: nothing below it. Anything else (a folder we may not list): ask the disk per name.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
      listing = absent;
    }
    this.listings.set(folder, listing);
    return listing;
  }
}

interface Listing {
  names: Set<string>;
  folded: Set<string>;
}

const absent = Symbol('absent');

/** Whether a listing has the name, exactly or up to case and Unicode form (then the disk decides). */
function holds(listing: Listing, name: string): boolean {
  return listing.names.has(name) || listing.folded.has(fold(name));
}

function listingOf(names: readonly string[]): Listing {
  const exact = new Set(names);
  // Most folders' names are folded already (lower case, ASCII): one set serves both lookups.
  return { names: exact, folded: names.every((name) => fold(name) === name) ? exact : new Set(names.map(fold)) };
}

/** A name as a case-insensitive, normalisation-insensitive file system compares it. */
function fold(name: string): string {
  // eslint-disable-next-line no-control-regex
  return (/[^\u0000-\u007f]/.test(name) ? name.normalize('NFC') : name).toLowerCase();
}

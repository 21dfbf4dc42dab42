import { promises as fs } from 'node:fs';

/**
 * A workspace file's text as the workspace walk reads it, on the main thread and in the index
 * worker alike (undefined: unreadable, not a file, or bigger than `maxBytes`). A module of its own so
 * the server's start-up script can import it without the worker's parsers.
 */
export async function readSmallFile(path: string, maxBytes: number): Promise<string | undefined> {
  try {
    const stats = await fs.stat(path);
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    return await fs.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

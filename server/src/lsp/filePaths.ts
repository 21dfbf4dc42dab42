import { fileURLToPath } from 'node:url';

/** How many URIs' paths are kept; past that the memo starts again (watched-file events can name many files). */
const maxRemembered = 1000;

/**
 * A `file:` URI's path on disk (undefined for other schemes and malformed URIs), remembered per
 * URI. Each keystroke asks for the edited document's path several times (which engine reads it,
 * its settings, its project files), and fileURLToPath parses the whole URL each time: about as
 * much time as the rest of the change's bookkeeping together (issue #19).
 */
export class FilePaths {
  private readonly known = new Map<string, string | undefined>();

  of(uri: string): string | undefined {
    if (this.known.has(uri)) return this.known.get(uri);
    const path = pathOf(uri);
    if (this.known.size >= maxRemembered) this.known.clear();
    this.known.set(uri, path);
    return path;
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

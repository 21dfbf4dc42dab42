/**
 * File paths and URIs as plain strings. The engine does not use node:path: it runs on whatever
 * platform the front runs on and sees paths from all of them (`/home/a/Dockerfile`,
 * `C:\src\Dockerfile`, `file:///a/app.yaml`), so every helper here accepts both `/` and `\`.
 * Fronts that touch the disk may use node:path; the engine uses these.
 */

const separators = /[\\/]/;

function lastSeparator(path: string): number {
  return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
}

/** A root keeps its separator: `/`, `C:\`, `C:/`, `\\`, `file:///`. */
function isRoot(path: string): boolean {
  return /^(?:[\\/]+|[A-Za-z]:[\\/]|[a-z][a-z0-9+.-]*:\/\/\/?)$/i.test(path);
}

/** `/a/b/` → `/a/b`; roots stay as they are (`/`, `C:\`). */
export function withoutTrailingSeparator(path: string): string {
  let end = path.length;
  while (end > 0 && separators.test(path[end - 1]) && !isRoot(path.slice(0, end))) end--;
  return path.slice(0, end);
}

/** The last segment: `/a/b.yaml` → `b.yaml`, `C:\src\Dockerfile` → `Dockerfile`, `/a/b/` → `b`. */
export function baseName(path: string): string {
  const trimmed = withoutTrailingSeparator(path);
  if (isRoot(trimmed)) return '';
  return trimmed.slice(lastSeparator(trimmed) + 1);
}

/**
 * The folder holding `path`: `/a/b.yaml` → `/a`, `/a` → `/`, `C:\a` → `C:\`,
 * `file:///a/b.yaml` → `file:///a`. A bare name has no folder (`''`); a root is its own folder.
 */
export function directoryOf(path: string): string {
  const trimmed = withoutTrailingSeparator(path);
  if (isRoot(trimmed)) return trimmed;
  const cut = lastSeparator(trimmed);
  if (cut < 0) return '';
  const parent = trimmed.slice(0, cut);
  const withSeparator = trimmed.slice(0, cut + 1);
  return parent === '' || isRoot(withSeparator) ? withSeparator : parent;
}

/** `dir` + `name` with one separator, in the style of `dir` (`\` only for paths written with `\`). */
export function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  if (separators.test(dir[dir.length - 1])) return `${dir}${name}`;
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir}${separator}${name}`;
}

/** `path` is `folder` or inside it (`/a/bc` is not inside `/a/b`); either separator counts. */
export function isAtOrBelow(path: string, folder: string): boolean {
  const base = withoutTrailingSeparator(folder);
  if (path === base || withoutTrailingSeparator(path) === base) return true;
  const prefix = separators.test(base[base.length - 1] ?? '') ? base : undefined;
  if (prefix !== undefined) return path.startsWith(prefix);
  return path.startsWith(base) && separators.test(path[base.length] ?? '');
}

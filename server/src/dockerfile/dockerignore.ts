/**
 * A `.dockerignore` matcher with the semantics of Docker's pattern matcher: patterns are relative
 * to the context root, `*` and `?` stay inside one path segment, `**` spans any number of
 * directories, `[…]` classes work, `!pattern` re-includes, the last matching pattern wins, and a
 * pattern that matches a directory excludes everything below it.
 */
export interface IgnorePattern {
  text: string;
  exclusion: boolean;
  regex: RegExp;
}

/** Generous, but keeps a hostile file from costing more than a few milliseconds. */
const maxPatterns = 2000;

/** Collapses `.`/`..` segments and duplicate slashes, like filepath.Clean, and drops a leading `/`. */
export function cleanPath(path: string): string {
  const out: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

function patternToRegex(pattern: string): RegExp {
  let source = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` may match no directory at all; a trailing `**` matches everything below.
        if (pattern[i + 1] === '/') {
          i++;
          source += '(?:[^/]*/)*';
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        source += '\\[';
      } else {
        let body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (body.startsWith('^') || body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) {
      i++;
      source += pattern[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else {
      source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  // A match on a directory covers its contents.
  source += '(?:/.*)?$';
  return new RegExp(source);
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (patterns.length >= maxPatterns) break;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    const body = cleanPath((exclusion ? line.slice(1) : line).trim());
    if (body === '') continue;
    try {
      patterns.push({ text: line, exclusion, regex: patternToRegex(body) });
    } catch {
      // A pattern we cannot translate is skipped rather than guessed.
    }
  }
  return patterns;
}

/** The pattern that decides a path's fate, when the path is ignored; undefined when it is kept. */
export function ignoredBy(patterns: readonly IgnorePattern[], path: string): IgnorePattern | undefined {
  const clean = cleanPath(path);
  if (clean === '') return undefined;
  let decided: IgnorePattern | undefined;
  for (const pattern of patterns) {
    if (pattern.regex.test(clean)) decided = pattern.exclusion ? undefined : pattern;
  }
  return decided;
}

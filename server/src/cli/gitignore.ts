/**
 * A `.gitignore` matcher written from git's documented rules (gitignore(5)), so `stevedore lint .`
 * skips what `git status` skips:
 *   - blank lines and `#` comments are ignored; `\#` and `\!` escape a leading `#` or `!`;
 *     trailing spaces are dropped unless escaped with a backslash;
 *   - `!pattern` re-includes what an earlier pattern excluded (last match wins);
 *   - `dir/` matches directories only;
 *   - a slash at the start or in the middle anchors the pattern to the file's folder, otherwise it
 *     matches a name at any depth below it;
 *   - `**` (leading `**​/`, trailing `/**`, inner `/**​/`), `*`, `?` and `[a-z]` / `[!a-z]` classes;
 *     none of them match `/` except `**`;
 *   - a deeper `.gitignore` overrides the ones above it.
 * Patterns compile to anchored regular expressions without nested quantifiers, so matching a path
 * is linear in practice and never backtracks catastrophically.
 */

export interface IgnorePattern {
  regex: RegExp;
  negated: boolean;
  directoryOnly: boolean;
  /** The line as written, for debugging and tests. */
  source: string;
}

/** The patterns of one ignore file and the folder they are relative to (absolute, `/` separators). */
export interface IgnoreFile {
  directory: string;
  patterns: IgnorePattern[];
}

/** Ignore files that apply at some folder, deepest last; shared between siblings (a persistent list). */
export interface IgnoreStack {
  file: IgnoreFile;
  parent?: IgnoreStack;
}

const regexSpecials = /[.+^${}()|\\]/;

/** Translates a bracket expression starting at `glob[start] === '['`; undefined when it never closes. */
function bracket(glob: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  // A `]` right after the opening (or after the negation) is a literal member.
  if (glob[i] === ']') {
    body += '\\]';
    i++;
  }
  for (; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === ']') {
      if (!body) return undefined;
      // Classes never match a slash, as in fnmatch with FNM_PATHNAME.
      return { source: negate ? `[^/${body}]` : `(?!/)[${body}]`, end: i };
    }
    if (ch === '\\' && i + 1 < glob.length) {
      const next = glob[++i];
      body += /[A-Za-z0-9]/.test(next) ? next : `\\${next}`;
    } else if (ch === '[' && glob[i + 1] === ':') {
      // POSIX classes such as [:digit:]: map the common ones, treat the rest literally.
      const close = glob.indexOf(':]', i + 2);
      const name = close > 0 ? glob.slice(i + 2, close) : '';
      const posix: Record<string, string> = { alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~' };
      if (close > 0 && posix[name]) {
        body += posix[name];
        i = close + 1;
      } else {
        body += '\\[';
      }
    } else if (ch === '-' || /[A-Za-z0-9]/.test(ch)) {
      body += ch;
    } else {
      body += `\\${ch}`;
    }
  }
  return undefined;
}

/** Glob (already stripped of `!`, the anchoring slash and a trailing `/`) → regex source. */
function globToSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      let j = i;
      while (glob[j] === '*') j++;
      const atEnd = j === glob.length;
      if (atStart && glob[j] === '/') {
        // `**/` : zero or more whole folders.
        out += '(?:[^/]*/)*';
        i = j;
        continue;
      }
      if (atStart && atEnd && i > 0) {
        // `/**` at the end: everything inside (at least one more segment).
        out += '.+';
        i = j - 1;
        continue;
      }
      if (atStart && atEnd) {
        out += '.*';
        i = j - 1;
        continue;
      }
      // Any other run of stars is a plain `*`.
      out += '[^/]*';
      i = j - 1;
    } else if (ch === '*') {
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const cls = bracket(glob, i);
      if (cls) {
        out += cls.source;
        i = cls.end;
      } else {
        out += '\\[';
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      const next = glob[++i];
      out += regexSpecials.test(next) || '*?[]/'.includes(next) ? `\\${next}` : next;
    } else {
      out += regexSpecials.test(ch) || ch === ']' ? `\\${ch}` : ch;
    }
  }
  return out;
}

/** Compiles one line of an ignore file; undefined for blanks, comments and lines that match nothing. */
export function compileIgnoreLine(rawLine: string): IgnorePattern | undefined {
  let line = rawLine.replace(/\r$/, '');
  if (line === '' || line.startsWith('#')) return undefined;
  // Trailing spaces go unless escaped ("foo\ " keeps one space).
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  line = line.slice(0, end);
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  let directoryOnly = false;
  if (line.endsWith('/') && !line.endsWith('\\/')) {
    directoryOnly = true;
    line = line.replace(/\/+$/, '');
  }
  if (line === '') return undefined;
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  if (line === '') return undefined;
  const body = globToSource(line);
  const source = anchored ? `^${body}$` : `^(?:[^/]*/)*${body}$`;
  try {
    return { regex: new RegExp(source, 's'), negated, directoryOnly, source: rawLine };
  } catch {
    return undefined;
  }
}

export function parseIgnoreFile(directory: string, text: string): IgnoreFile {
  const patterns: IgnorePattern[] = [];
  for (const line of text.split('\n')) {
    const pattern = compileIgnoreLine(line);
    if (pattern) patterns.push(pattern);
  }
  return { directory: directory.replace(/\\/g, '/').replace(/\/+$/, '') || '/', patterns };
}

/**
 * The verdict of one ignore file for a path below its folder: true (ignored), false (re-included
 * by `!`) or undefined (no pattern matches).
 */
export function matchIgnoreFile(file: IgnoreFile, relativePath: string, isDirectory: boolean): boolean | undefined {
  for (let i = file.patterns.length - 1; i >= 0; i--) {
    const pattern = file.patterns[i];
    if (pattern.directoryOnly && !isDirectory) continue;
    if (pattern.regex.test(relativePath)) return !pattern.negated;
  }
  return undefined;
}

/** Whether the stack ignores an absolute path (`/` separators). Deeper files decide first. */
export function isIgnored(stack: IgnoreStack | undefined, absolutePath: string, isDirectory: boolean): boolean {
  const path = absolutePath.replace(/\\/g, '/');
  for (let node = stack; node; node = node.parent) {
    const dir = node.file.directory;
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    if (!path.startsWith(prefix)) continue;
    const verdict = matchIgnoreFile(node.file, path.slice(prefix.length), isDirectory);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

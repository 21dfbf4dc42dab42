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
 * Matching uses the two-pointer wildcard algorithm (backtracking only to the last star), per
 * segment for `*` and per path for `**`: O(length × pattern) at worst, never exponential, whatever
 * the pattern (regular expressions of several `*` can backtrack polynomially on long names).
 */

/** One unit of a segment glob: a literal character, `?`, `*` or a bracket class. */
type Token = { type: 'char'; ch: string } | { type: 'any' } | { type: 'star' } | { type: 'class'; regex: RegExp };

/** A pattern segment: a glob for one name, or `**` (any number of whole segments). */
type Segment = Token[] | 'globstar';

export interface IgnorePattern {
  /** Anchored patterns match the whole relative path; others match the entry's name. */
  anchored: boolean;
  segments: Segment[];
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

/** Splits one segment's glob into tokens; `[` without a closing `]` is a literal. */
function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      // Runs of stars inside a segment are one star.
      if (tokens[tokens.length - 1]?.type !== 'star') tokens.push({ type: 'star' });
    } else if (ch === '?') {
      tokens.push({ type: 'any' });
    } else if (ch === '[') {
      const cls = bracket(glob, i);
      if (cls) {
        tokens.push({ type: 'class', regex: new RegExp(`^${cls.source}$`, 's') });
        i = cls.end;
      } else {
        tokens.push({ type: 'char', ch });
      }
    } else if (ch === '\\' && i + 1 < glob.length) {
      tokens.push({ type: 'char', ch: glob[++i] });
    } else {
      tokens.push({ type: 'char', ch });
    }
  }
  return tokens;
}

function unitMatches(token: Token, ch: string): boolean {
  switch (token.type) {
    case 'char': return token.ch === ch;
    case 'any': return true;
    case 'class': return token.regex.test(ch);
    default: return false;
  }
}

/**
 * The classic wildcard walk: advance both sides on a unit match; on a mismatch go back to just
 * after the last star and let it swallow one more unit. Linear in practice, quadratic at worst.
 */
function wildcard<P, S>(pattern: readonly P[], subject: readonly S[] | string, isStar: (p: P) => boolean, matches: (p: P, s: S) => boolean): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < subject.length) {
    const unit = subject[i] as S;
    if (p < pattern.length && !isStar(pattern[p]) && matches(pattern[p], unit)) {
      p++;
      i++;
    } else if (p < pattern.length && isStar(pattern[p])) {
      starP = p++;
      starI = i;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}

function matchName(tokens: Token[], name: string): boolean {
  return wildcard<Token, string>(tokens, name, (t) => t.type === 'star', unitMatches);
}

function matchSegments(segments: Segment[], parts: string[]): boolean {
  return wildcard<Segment, string>(segments, parts, (s) => s === 'globstar', (s, part) => s !== 'globstar' && matchName(s, part));
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
  const segments: Segment[] = line.split('/').map((part) => (part === '**' && anchored ? 'globstar' : tokenize(part)));
  // `dir/**` matches what is inside the folder, not the folder itself: one name, then anything.
  if (segments.length > 1 && segments[segments.length - 1] === 'globstar') segments.splice(segments.length - 1, 0, [{ type: 'star' }]);
  return { anchored, segments, negated, directoryOnly, source: rawLine };
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
    const hit = pattern.anchored
      ? matchSegments(pattern.segments, relativePath.split('/'))
      : matchName(pattern.segments[0] as Token[], relativePath.slice(relativePath.lastIndexOf('/') + 1));
    if (hit) return !pattern.negated;
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

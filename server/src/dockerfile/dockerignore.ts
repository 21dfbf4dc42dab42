/**
 * A `.dockerignore` matcher with the semantics of Docker's pattern matcher: patterns are relative
 * to the context root, `*` and `?` stay inside one path segment, `**` spans any number of
 * directories, `[…]` classes work, `!pattern` re-includes, the last matching pattern wins, and a
 * pattern that matches a directory excludes everything below it.
 */
export interface IgnorePattern {
  text: string;
  exclusion: boolean;
  tokens: Token[];
}

/**
 * A pattern compiled to tokens and matched by simulating the automaton (a set of positions per
 * character): linear in the path length whatever the pattern, so no user pattern can make the
 * matcher backtrack exponentially.
 */
type Token =
  | { kind: 'char'; ch: string }
  | { kind: 'any' } // ?
  | { kind: 'star' } // * inside one segment
  | { kind: 'globstar' } // trailing **: any characters, slashes included
  | { kind: 'globdir' } // **/: nothing, or any characters ending with a slash
  | { kind: 'class'; negated: boolean; ranges: [string, string][] };

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

function compile(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      let run = 1;
      while (pattern[i + 1] === '*') { i++; run++; }
      if (run >= 2 && pattern[i + 1] === '/') {
        i++;
        tokens.push({ kind: 'globdir' });
      } else if (run >= 2) {
        tokens.push({ kind: 'globstar' });
      } else if (tokens[tokens.length - 1]?.kind !== 'star') {
        tokens.push({ kind: 'star' });
      }
    } else if (ch === '?') {
      tokens.push({ kind: 'any' });
    } else if (ch === '[' && pattern.indexOf(']', i + 2) > 0) {
      const end = pattern.indexOf(']', i + 2);
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith('^') || body.startsWith('!');
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        const from = body[j] === '\\' && j + 1 < body.length ? body[++j] : body[j];
        if (body[j + 1] === '-' && j + 2 < body.length) {
          ranges.push([from, body[j + 2]]);
          j += 2;
        } else {
          ranges.push([from, from]);
        }
      }
      tokens.push({ kind: 'class', negated, ranges });
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      tokens.push({ kind: 'char', ch: pattern[++i] });
    } else {
      tokens.push({ kind: 'char', ch });
    }
  }
  return tokens;
}

/** Adds the positions reachable without consuming a character (after `*` and `**`). */
function closure(tokens: readonly Token[], states: Set<number>): Set<number> {
  const ordered = [...states].sort((a, b) => a - b);
  for (const state of ordered) {
    for (let i = state; i < tokens.length && (tokens[i].kind === 'star' || tokens[i].kind === 'globstar' || tokens[i].kind === 'globdir'); i++) states.add(i + 1);
  }
  return states;
}

function step(tokens: readonly Token[], states: Set<number>, ch: string): Set<number> {
  const next = new Set<number>();
  for (const state of states) {
    const token = tokens[state];
    if (!token) continue;
    switch (token.kind) {
      case 'char': if (token.ch === ch) next.add(state + 1); break;
      case 'any': if (ch !== '/') next.add(state + 1); break;
      case 'star': if (ch !== '/') next.add(state); break;
      case 'globstar': next.add(state); break;
      case 'globdir': next.add(state); if (ch === '/') next.add(state + 1); break;
      case 'class': {
        if (ch === '/') break;
        const inside = token.ranges.some(([from, to]) => ch >= from && ch <= to);
        if (inside !== token.negated) next.add(state + 1);
        break;
      }
    }
  }
  return closure(tokens, next);
}

/** Does the pattern match the path, or a directory above it (which excludes everything inside)? */
function matches(tokens: readonly Token[], path: string): boolean {
  let states = closure(tokens, new Set([0]));
  for (const ch of path) {
    if (ch === '/' && states.has(tokens.length)) return true;
    states = step(tokens, states, ch);
    if (states.size === 0) return false;
  }
  return states.has(tokens.length);
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
    patterns.push({ text: line, exclusion, tokens: compile(body) });
  }
  return patterns;
}

/** The pattern that decides a path's fate, when the path is ignored; undefined when it is kept. */
export function ignoredBy(patterns: readonly IgnorePattern[], path: string): IgnorePattern | undefined {
  const clean = cleanPath(path);
  if (clean === '') return undefined;
  let decided: IgnorePattern | undefined;
  for (const pattern of patterns) {
    if (matches(pattern.tokens, clean)) decided = pattern.exclusion ? undefined : pattern;
  }
  return decided;
}

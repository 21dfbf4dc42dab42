/**
 * Reads the Dockerfile cases out of hadolint's rule specs (`test/Hadolint/Rule/*Spec.hs`) at run
 * time, from a local mirror: the text is never copied into this repository (hadolint is GPL).
 *
 * The specs call a handful of helpers from hadolint's `test/Helpers.hs`:
 * - `ruleCatches CODE text` — at least one CODE finding;
 * - `ruleCatchesNot CODE text` — none;
 * - `onBuildRuleCatches CODE text` — with every RUN wrapped in `ONBUILD`, exactly one finding;
 * - `onBuildRuleCatchesNot CODE text` — with every RUN wrapped in `ONBUILD`, none;
 * - `assertChecks text (failsWith N CODE)` / `assertOnBuildChecks …` — exactly N findings.
 * The text is a Haskell expression: string literals (with gaps), `Text.unlines [..]`, `<>`, and
 * names bound by an enclosing `let`. `let ?config = def { … }` sets the rule configuration
 * (trusted registries, label schema, strict labels) for the rest of the `it` block, or for the
 * whole file when written before the first `it`.
 */

export type LabelType = 'text' | 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email';

export interface HadolintCaseConfig {
  allowedRegistries?: string[];
  labelSchema?: Record<string, LabelType>;
  strictLabels?: boolean;
}

export interface HadolintCase {
  file: string;
  /** 1-based line of the call in the spec. */
  line: number;
  code: string;
  /** `onBuild` variants wrap each RUN in ONBUILD before linting. */
  onBuild: boolean;
  /** true: the code must fire; false: it must not. */
  positive: boolean;
  /** When the helper demands an exact number of findings. */
  exactly?: number;
  text: string;
  config: HadolintCaseConfig;
}

type Token =
  | { kind: 'string'; value: string; line: number; col: number }
  | { kind: 'ident'; value: string; line: number; col: number }
  | { kind: 'number'; value: string; line: number; col: number }
  | { kind: 'op'; value: string; line: number; col: number };

const simpleEscapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Haskell's lexemes, enough for the specs: comments dropped, string escapes and gaps resolved. */
export function tokenizeHaskell(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = () => ({ line, col: i - lineStart });
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') { i++; line++; lineStart = i; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (source.startsWith('--', i) && !/[!#$%&*+./<=>?@\\^|~:]/.test(source[i + 2] ?? '')) {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (source.startsWith('{-', i)) {
      let depth = 0;
      while (i < source.length) {
        if (source.startsWith('{-', i)) { depth++; i += 2; continue; }
        if (source.startsWith('-}', i)) { depth--; i += 2; if (depth === 0) break; continue; }
        if (source[i] === '\n') { line++; lineStart = i + 1; }
        i++;
      }
      continue;
    }
    if (c === '"') {
      const start = at();
      i++;
      let value = '';
      while (i < source.length && source[i] !== '"') {
        const ch = source[i];
        if (ch !== '\\') { value += ch; i++; continue; }
        const next = source[i + 1];
        if (next === undefined) break;
        if (/\s/.test(next)) {
          // A string gap: backslash, white space (newlines too), backslash.
          i++;
          while (i < source.length && source[i] !== '\\') {
            if (source[i] === '\n') { line++; lineStart = i + 1; }
            i++;
          }
          i++;
          continue;
        }
        if (next === '&') { i += 2; continue; }
        if (/[0-9]/.test(next)) {
          const m = /^[0-9]+/.exec(source.slice(i + 1))!;
          value += String.fromCodePoint(Number(m[0]));
          i += 1 + m[0].length;
          continue;
        }
        if (next === 'x') {
          const m = /^[0-9a-fA-F]+/.exec(source.slice(i + 2))!;
          value += String.fromCodePoint(parseInt(m[0], 16));
          i += 2 + m[0].length;
          continue;
        }
        value += simpleEscapes[next] ?? next;
        i += 2;
      }
      i++;
      tokens.push({ kind: 'string', value, ...start });
      continue;
    }
    if (/[A-Za-z_?]/.test(c)) {
      const start = at();
      const m = /^\??[A-Za-z_][A-Za-z0-9_']*(\.[A-Za-z_][A-Za-z0-9_']*)*/.exec(source.slice(i));
      if (m) {
        tokens.push({ kind: 'ident', value: m[0], ...start });
        i += m[0].length;
        continue;
      }
    }
    if (/[0-9]/.test(c)) {
      const start = at();
      const m = /^[0-9]+/.exec(source.slice(i))!;
      tokens.push({ kind: 'number', value: m[0], ...start });
      i += m[0].length;
      continue;
    }
    const start = at();
    const op = /^(<>|[!#$%&*+./<=>?@\\^|~:-]+|[()[\]{},;`])/.exec(source.slice(i));
    const value = op ? op[0] : c;
    tokens.push({ kind: 'op', value, ...start });
    i += value.length;
  }
  return tokens;
}

type Value = string | string[];

class Cursor {
  constructor(readonly tokens: Token[], public pos: number) {}
  peek(offset = 0): Token | undefined { return this.tokens[this.pos + offset]; }
  isOp(value: string, offset = 0): boolean { const t = this.peek(offset); return t?.kind === 'op' && t.value === value; }
  isIdent(value: string, offset = 0): boolean { const t = this.peek(offset); return t?.kind === 'ident' && t.value === value; }
}

/** The value of a name: the closest binding `name = …` written before `before`. */
function lookupBinding(tokens: Token[], name: string, before: number): Value | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === 'ident' && t.value === name && tokens[i + 1]?.kind === 'op' && tokens[i + 1].value === '=') {
      const previous = tokens[i - 1];
      const startsBinding = !previous || previous.line !== t.line || (previous.kind === 'ident' && (previous.value === 'let' || previous.value === 'where'));
      if (!startsBinding) continue;
      return parseExpression(new Cursor(tokens, i + 2), i);
    }
  }
  return undefined;
}

const unlines = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

function parseTerm(c: Cursor, scopeEnd: number): Value | undefined {
  const t = c.peek();
  if (!t) return undefined;
  if (t.kind === 'string') { c.pos++; return t.value; }
  if (t.kind === 'op' && t.value === '(') {
    c.pos++;
    const inner = parseExpression(c, scopeEnd);
    if (!c.isOp(')')) return undefined;
    c.pos++;
    return inner;
  }
  if (t.kind === 'op' && t.value === '[') {
    c.pos++;
    const items: string[] = [];
    while (!c.isOp(']')) {
      const item = parseExpression(c, scopeEnd);
      if (typeof item !== 'string') return undefined;
      items.push(item);
      if (c.isOp(',')) c.pos++;
      else if (!c.isOp(']')) return undefined;
    }
    c.pos++;
    return items;
  }
  if (t.kind === 'ident' && (t.value === 'Text.unlines' || t.value === 'unlines' || t.value === 'T.unlines')) {
    c.pos++;
    const argument = c.isOp('$') ? (c.pos++, parseExpression(c, scopeEnd)) : parseTerm(c, scopeEnd);
    return Array.isArray(argument) ? unlines(argument) : undefined;
  }
  if (t.kind === 'ident' && /^[a-z_][A-Za-z0-9_']*$/.test(t.value)) {
    c.pos++;
    return lookupBinding(c.tokens, t.value, Math.min(c.pos - 1, scopeEnd));
  }
  return undefined;
}

function parseExpression(c: Cursor, scopeEnd: number): Value | undefined {
  let value = parseTerm(c, scopeEnd);
  while (value !== undefined && c.isOp('<>')) {
    c.pos++;
    const right = parseTerm(c, scopeEnd);
    if (typeof value !== 'string' || typeof right !== 'string') return undefined;
    value = value + right;
  }
  return value;
}

const labelTypes: Record<string, LabelType> = { RawText: 'text', Url: 'url', Rfc3339: 'rfc3339', Spdx: 'spdx', GitHash: 'hash', SemVer: 'semver', Email: 'email' };

/** `def` or `def { field = value, … }`, from the token after `?config =`. */
function parseConfig(c: Cursor): HadolintCaseConfig {
  const config: HadolintCaseConfig = {};
  if (!c.isIdent('def')) return config;
  c.pos++;
  if (!c.isOp('{')) return config;
  c.pos++;
  while (c.peek() && !c.isOp('}')) {
    const field = c.peek();
    if (field?.kind === 'ident' && c.isOp('=', 1)) {
      c.pos += 2;
      if (field.value === 'allowedRegistries') {
        const value = parseTerm(c, c.pos);
        if (Array.isArray(value)) config.allowedRegistries = value;
      } else if (field.value === 'strictLabels') {
        config.strictLabels = c.isIdent('True');
        c.pos++;
      } else if (field.value === 'labelSchema') {
        // Map.fromList [("name", Rule.Type), …]
        const schema: Record<string, LabelType> = {};
        let depth = 0;
        let pendingKey: string | undefined;
        while (c.peek()) {
          const t = c.peek()!;
          if (t.kind === 'op' && (t.value === '[' || t.value === '(')) depth++;
          if (t.kind === 'op' && (t.value === ']' || t.value === ')')) { depth--; if (depth === 0) { c.pos++; break; } }
          if (t.kind === 'string') pendingKey = t.value;
          if (t.kind === 'ident' && pendingKey !== undefined) {
            const type = labelTypes[t.value.split('.').pop()!];
            if (type) { schema[pendingKey] = type; pendingKey = undefined; }
          }
          c.pos++;
        }
        config.labelSchema = schema;
      }
    } else {
      c.pos++;
    }
    if (c.isOp(',')) c.pos++;
  }
  return config;
}

const catchHelpers: Record<string, { positive: boolean; onBuild: boolean; exactly?: number }> = {
  ruleCatches: { positive: true, onBuild: false },
  ruleCatchesNot: { positive: false, onBuild: false },
  onBuildRuleCatches: { positive: true, onBuild: true, exactly: 1 },
  onBuildRuleCatchesNot: { positive: false, onBuild: true },
};

/** Every case of one spec file; calls whose text cannot be evaluated are returned in `unread`. */
export function extractHadolintCases(file: string, source: string): { cases: HadolintCase[]; unread: { file: string; line: number }[] } {
  const tokens = tokenizeHaskell(source);
  const cases: HadolintCase[] = [];
  const unread: { file: string; line: number }[] = [];
  let fileConfig: HadolintCaseConfig = {};
  let config: HadolintCaseConfig = {};
  let seenIt = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'ident') continue;
    if (t.value === 'it') { seenIt = true; config = fileConfig; continue; }
    if (t.value === '?config' && tokens[i + 1]?.kind === 'op' && tokens[i + 1].value === '=') {
      const parsed = parseConfig(new Cursor(tokens, i + 2));
      if (seenIt) config = parsed;
      else fileConfig = config = parsed;
      continue;
    }
    const helper = catchHelpers[t.value];
    if (helper) {
      const c = new Cursor(tokens, i + 1);
      // The code is a literal or a name bound by `let rule = "DL…"`.
      const code = parseTerm(c, i);
      if (c.isOp('$')) c.pos++;
      const text = parseExpression(c, i);
      if (typeof text !== 'string' || typeof code !== 'string' || !/^DL\d{4}$/.test(code)) { unread.push({ file, line: t.line }); continue; }
      cases.push({ file, line: t.line, code, ...helper, text, config });
      continue;
    }
    if (t.value === 'assertChecks' || t.value === 'assertOnBuildChecks') {
      const c = new Cursor(tokens, i + 1);
      const text = parseExpression(c, i);
      // (failsWith N "CODE"); shellcheck assertions (failsShellcheck, passesShellcheck) are not DL rules.
      if (!c.isOp('(') || !c.isIdent('failsWith', 1)) continue;
      const count = c.peek(2);
      const code = c.peek(3);
      if (count?.kind !== 'number' || code?.kind !== 'string') continue;
      if (typeof text !== 'string' || !/^DL\d{4}$/.test(code.value)) { unread.push({ file, line: t.line }); continue; }
      const exactly = Number(count.value);
      cases.push({ file, line: t.line, code: code.value, onBuild: t.value === 'assertOnBuildChecks', positive: exactly > 0, exactly, text, config });
    }
  }
  return { cases, unread };
}

/**
 * hadolint's ONBUILD variant, done on the text: every RUN instruction becomes `ONBUILD RUN`
 * (hadolint wraps the parsed instruction, so continuation lines and heredoc bodies stay as
 * they are).
 */
export function wrapRunInOnbuild(text: string): string {
  const lines = text.split('\n');
  let continued = false;
  let heredocEnds: { word: string; dash: boolean }[] = [];
  return lines.map((line) => {
    if (heredocEnds.length > 0) {
      const end = heredocEnds[0];
      if ((end.dash ? line.replace(/^\t+/, '') : line) === end.word) heredocEnds.shift();
      return line;
    }
    const isComment = /^\s*#/.test(line);
    const startsInstruction = !continued && !isComment && line.trim() !== '';
    let out = line;
    if (startsInstruction && /^\s*run(\s|$)/i.test(line)) out = line.replace(/^(\s*)/, '$1ONBUILD ');
    if (!isComment) {
      if (startsInstruction || continued) {
        for (const m of line.matchAll(/<<(-?)(["']?)([A-Za-z0-9_]+)\2/g)) heredocEnds.push({ word: m[3], dash: m[1] === '-' });
      }
      continued = /\\\s*$/.test(line);
    }
    if (line.trim() === '' && continued) continued = true;
    return out;
  }).join('\n');
}

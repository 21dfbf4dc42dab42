/**
 * Reads the lint cases out of BuildKit's `frontend/dockerfile/dockerfile_check_test.go` at run
 * time, from a local mirror (nothing of it is copied into this repository).
 *
 * Each `checkLinterWarnings(t, sb, &lintTestParams{…})` call is a case: the Dockerfile, an
 * optional `.dockerignore`, and the complete list of warnings BuildKit expects (rule name and
 * 1-based line); any other warning is a failure there. The values are Go expressions over a few
 * local variables, so this is a small evaluator: string literals, `[]byte(…)`,
 * `fmt.Sprintf`/`fmt.Appendf` with `%s`/`%q`/`%d`, `integration.UnixOrWindows(unix, windows)`
 * (the Unix side), `+`, composite literals, and local closures such as a warning-making helper.
 * Whatever it cannot evaluate (values built from a live registry) makes the case `unread`.
 */

export interface BuildkitExpectedWarning {
  rule: string;
  line: number;
  /**
   * BuildKit compares lines in its progress-stream view (`Warnings`) only; a case's
   * `UnmarshalWarnings` (the all-stages view) are compared by rule and message, so their lines
   * are not evidence (some are copied from a neighbouring case).
   */
  lineChecked: boolean;
}

export interface BuildkitCase {
  /** The Go test function and the call's line in the file. */
  test: string;
  line: number;
  dockerfile: string;
  dockerignore?: string;
  warnings: BuildkitExpectedWarning[];
  /** The line BuildKit's build fails on (`BuildErrLocation`), when the case expects an error. */
  buildErrorLine?: number;
  /** Set when the case depends on something a file-only linter cannot see (frontend options). */
  unsupported?: string;
}

type Token = { kind: 'string' | 'ident' | 'number' | 'op'; value: string; line: number };

/** Go's lexemes: comments dropped, interpreted and raw strings resolved. */
export function tokenizeGo(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (source.startsWith('//', i)) { while (i < source.length && source[i] !== '\n') i++; continue; }
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      line += (source.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop;
      continue;
    }
    if (c === '`') {
      const end = source.indexOf('`', i + 1);
      const value = source.slice(i + 1, end < 0 ? source.length : end).replace(/\r/g, '');
      tokens.push({ kind: 'string', value, line });
      line += (value.match(/\n/g) ?? []).length;
      i = end < 0 ? source.length : end + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < source.length && source[i] !== c && source[i] !== '\n') {
        if (source[i] === '\\') {
          const next = source[i + 1];
          if (next === 'x') { value += String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16)); i += 4; continue; }
          if (next === 'u') { value += String.fromCodePoint(parseInt(source.slice(i + 2, i + 6), 16)); i += 6; continue; }
          value += escapes[next] ?? next;
          i += 2;
          continue;
        }
        value += source[i++];
      }
      i++;
      tokens.push({ kind: 'string', value, line });
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(source.slice(i, i + 200));
    if (ident) { tokens.push({ kind: 'ident', value: ident[0], line }); i += ident[0].length; continue; }
    const number = /^[0-9][0-9a-fA-Fx_.]*/.exec(source.slice(i, i + 40));
    if (number) { tokens.push({ kind: 'number', value: number[0], line }); i += number[0].length; continue; }
    const op = /^(:=|==|!=|<=|>=|&&|\|\||\+\+|--|\+=|\.\.\.|[-+*/%&|^<>=!:;,.(){}[\]])/.exec(source.slice(i, i + 3));
    const value = op ? op[0] : c;
    tokens.push({ kind: 'op', value, line });
    i += value.length;
  }
  return tokens;
}

/** What an expression evaluates to; `unknown` spreads through every operation. */
type GoValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'list'; items: GoValue[] }
  | { kind: 'struct'; fields: Map<string, GoValue> }
  | { kind: 'func'; params: string[]; bodyStart: number; bodyEnd: number }
  | { kind: 'nil' }
  | { kind: 'unknown' };

const unknown: GoValue = { kind: 'unknown' };

class ParseError extends Error {}

class Evaluator {
  private pos = 0;
  constructor(private readonly tokens: Token[], private readonly scopes: Map<string, GoValue>[]) {}

  at(pos: number): this { this.pos = pos; return this; }
  get position(): number { return this.pos; }

  private peek(offset = 0): Token | undefined { return this.tokens[this.pos + offset]; }
  private isOp(value: string, offset = 0): boolean { const t = this.peek(offset); return t?.kind === 'op' && t.value === value; }
  private expectOp(value: string): void {
    if (!this.isOp(value)) throw new ParseError(`expected ${value} at line ${this.peek()?.line}`);
    this.pos++;
  }

  private lookup(name: string): GoValue {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const value = this.scopes[i].get(name);
      if (value) return value;
    }
    return unknown;
  }

  expression(): GoValue {
    let left = this.unary();
    while (this.isOp('+')) {
      this.pos++;
      const right = this.unary();
      left = left.kind === 'string' && right.kind === 'string' ? { kind: 'string', value: left.value + right.value }
        : left.kind === 'number' && right.kind === 'number' ? { kind: 'number', value: left.value + right.value } : unknown;
    }
    return left;
  }

  private unary(): GoValue {
    if (this.isOp('&')) { this.pos++; return this.unary(); }
    return this.postfix(this.primary());
  }

  private postfix(value: GoValue): GoValue {
    // Index expressions and method calls on values are not needed: they make the value unknown.
    while (this.isOp('[') || this.isOp('.')) {
      if (this.isOp('[')) { this.skipBalanced('[', ']'); value = unknown; } else throw new ParseError('selector on a value');
    }
    return value;
  }

  private skipBalanced(open: string, close: string): void {
    let depth = 0;
    do {
      const t = this.peek();
      if (!t) throw new ParseError('unbalanced');
      if (t.kind === 'op' && t.value === open) depth++;
      if (t.kind === 'op' && t.value === close) depth--;
      this.pos++;
    } while (depth > 0);
  }

  /** A type written before a composite literal: `[]T`, `map[K]V`, `T`, `pkg.T`. */
  private typeThenLiteral(): GoValue {
    while (this.isOp('[')) { this.skipBalanced('[', ']'); }
    if (this.peek()?.value === 'map') { this.pos++; this.skipBalanced('[', ']'); }
    const t = this.peek();
    if (t?.kind === 'ident') this.pos++;
    if (!this.isOp('{')) {
      // []byte(x) and other conversions.
      if (this.isOp('(')) { const [argument] = this.arguments(); return argument ?? unknown; }
      throw new ParseError('expected a composite literal');
    }
    return this.compositeLiteral();
  }

  private compositeLiteral(): GoValue {
    this.expectOp('{');
    const fields = new Map<string, GoValue>();
    const items: GoValue[] = [];
    while (!this.isOp('}')) {
      if (this.peek()?.kind === 'ident' && this.isOp(':', 1)) {
        const key = this.peek()!.value;
        this.pos += 2;
        fields.set(key, this.elementValue());
      } else if (this.peek()?.kind === 'string' && this.isOp(':', 1)) {
        const key = this.peek()!.value;
        this.pos += 2;
        fields.set(key, this.elementValue());
      } else {
        items.push(this.elementValue());
      }
      if (this.isOp(',')) this.pos++;
      else if (!this.isOp('}')) throw new ParseError(`expected , or } at line ${this.peek()?.line}`);
    }
    this.pos++;
    return fields.size > 0 || items.length === 0 ? { kind: 'struct', fields } : { kind: 'list', items };
  }

  /** An element may elide its type: `{RuleName: …}` inside `[]expectedLintWarning{…}`. */
  private elementValue(): GoValue {
    if (this.isOp('{')) {
      const value = this.compositeLiteral();
      return value;
    }
    return this.expression();
  }

  private arguments(): GoValue[] {
    this.expectOp('(');
    const values: GoValue[] = [];
    while (!this.isOp(')')) {
      values.push(this.expression());
      if (this.isOp(',')) this.pos++;
      else if (!this.isOp(')')) throw new ParseError(`expected , or ) at line ${this.peek()?.line}`);
    }
    this.pos++;
    return values;
  }

  private primary(): GoValue {
    const t = this.peek();
    if (!t) throw new ParseError('end of input');
    if (t.kind === 'string') { this.pos++; return { kind: 'string', value: t.value }; }
    if (t.kind === 'number') { this.pos++; return { kind: 'number', value: Number(t.value) }; }
    if (t.kind === 'op' && t.value === '(') { this.pos++; const inner = this.expression(); this.expectOp(')'); return inner; }
    if (t.kind === 'op' && t.value === '[') return this.typeThenLiteral();
    if (t.kind !== 'ident') throw new ParseError(`unexpected ${t.value} at line ${t.line}`);
    if (t.value === 'map') return this.typeThenLiteral();
    if (t.value === 'nil') { this.pos++; return { kind: 'nil' }; }
    if (t.value === 'func') return this.closure();
    this.pos++;
    if (this.isOp('(')) return this.call(t.value, this.arguments());
    if (this.isOp('{') && this.looksLikeLiteral()) {
      return this.compositeLiteral();
    }
    return this.lookup(t.value);
  }

  /** `name{` is a composite literal when what follows is `}` or `Field:`. */
  private looksLikeLiteral(): boolean {
    return this.isOp('}', 1) || (this.peek(1)?.kind === 'ident' && this.isOp(':', 2));
  }

  private closure(): GoValue {
    this.pos++; // func
    this.expectOp('(');
    const params: string[] = [];
    while (!this.isOp(')')) {
      const name = this.peek();
      if (name?.kind === 'ident') params.push(name.value);
      // skip the parameter's type
      while (!this.isOp(',') && !this.isOp(')')) this.pos++;
      if (this.isOp(',')) this.pos++;
    }
    this.pos++;
    while (!this.isOp('{')) this.pos++; // result type
    const bodyStart = this.pos;
    this.skipBalanced('{', '}');
    return { kind: 'func', params, bodyStart, bodyEnd: this.pos };
  }

  private call(name: string, args: GoValue[]): GoValue {
    switch (name) {
      case 'integration.UnixOrWindows': return args[0] ?? unknown;
      case 'fmt.Sprintf': return format(args[0], args.slice(1));
      case 'fmt.Appendf': return format(args[1], args.slice(2));
      case 'regexp.MustCompile': return unknown;
    }
    const callee = this.lookup(name);
    if (callee.kind !== 'func') return unknown;
    // Run `return <expr>` of the closure's body with its parameters bound.
    const scope = new Map<string, GoValue>(callee.params.map((param, i) => [param, args[i] ?? unknown]));
    for (let i = callee.bodyStart; i < callee.bodyEnd; i++) {
      if (this.tokens[i].kind === 'ident' && this.tokens[i].value === 'return') {
        return new Evaluator(this.tokens, [...this.scopes, scope]).at(i + 1).expression();
      }
    }
    return unknown;
  }
}

function format(template: GoValue | undefined, args: GoValue[]): GoValue {
  if (template?.kind !== 'string') return unknown;
  let index = 0;
  let failed = false;
  const value = template.value.replace(/%([sqd%])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    const argument = args[index++];
    if (!argument || (argument.kind !== 'string' && argument.kind !== 'number')) { failed = true; return ''; }
    return verb === 'q' ? JSON.stringify(String(argument.value)) : String(argument.value);
  });
  return failed ? unknown : { kind: 'string', value };
}

/** The check names of BuildKit's linter (`Name: "…"` in frontend/dockerfile/linter/ruleset.go). */
export function buildkitRuleNames(rulesetSource: string): string[] {
  return [...rulesetSource.matchAll(/\bName:\s*"([A-Za-z]+)"/g)].map((m) => m[1]);
}

/** Every case of the file; calls whose Dockerfile cannot be evaluated are returned in `unread`. */
export function extractBuildkitCases(source: string): { cases: BuildkitCase[]; unread: { test: string; line: number }[] } {
  const tokens = tokenizeGo(source);
  const cases: BuildkitCase[] = [];
  const unread: { test: string; line: number }[] = [];
  let test = '';
  let scope = new Map<string, GoValue>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'ident' && t.value === 'func' && tokens[i + 1]?.kind === 'ident' && tokens[i + 2]?.value === '(') {
      test = tokens[i + 1].value;
      scope = new Map();
      continue;
    }
    if (t.kind === 'ident' && tokens[i + 1]?.kind === 'op' && (tokens[i + 1].value === ':=' || tokens[i + 1].value === '=')) {
      try {
        const evaluator = new Evaluator(tokens, [scope]).at(i + 2);
        scope.set(t.value, evaluator.expression());
        // Evaluate nothing twice, but do look inside closures for calls: skip only plain values.
        const next = scope.get(t.value)!;
        if (next.kind !== 'func') i = evaluator.position - 1;
      } catch {
        scope.set(t.value, unknown);
      }
      continue;
    }
    if (t.kind === 'ident' && t.value === 'checkLinterWarnings' && tokens[i + 1]?.value === '(' && test !== '' && test !== 'checkLinterWarnings') {
      // checkLinterWarnings(t, sb, &lintTestParams{…})
      let params: GoValue;
      try {
        let j = i + 2;
        let commas = 0;
        while (commas < 2 && j < tokens.length) { if (tokens[j].value === ',') commas++; j++; }
        params = new Evaluator(tokens, [scope]).at(j).expression();
      } catch {
        unread.push({ test, line: t.line });
        continue;
      }
      const fields = params.kind === 'struct' ? params.fields : new Map<string, GoValue>();
      const dockerfile = fields.get('Dockerfile');
      if (dockerfile?.kind !== 'string') { unread.push({ test, line: t.line }); continue; }
      const ignore = fields.get('DockerIgnore');
      // The all-targets view (UnmarshalWarnings) is what a linter of the whole file sees.
      const lineChecked = !fields.has('UnmarshalWarnings');
      const list = fields.get('UnmarshalWarnings') ?? fields.get('Warnings');
      const warnings: BuildkitExpectedWarning[] = [];
      let readable = true;
      for (const item of list?.kind === 'list' ? list.items : []) {
        const rule = item.kind === 'struct' ? item.fields.get('RuleName') : undefined;
        const line = item.kind === 'struct' ? item.fields.get('Line') : undefined;
        if (rule?.kind === 'string' && line?.kind === 'number') warnings.push({ rule: rule.value, line: line.value, lineChecked });
        else readable = false;
      }
      if (!readable || (list && list.kind !== 'list' && list.kind !== 'struct')) { unread.push({ test, line: t.line }); continue; }
      const attrs = fields.get('FrontendAttrs');
      const unsupported = attrs?.kind === 'struct' && attrs.fields.has('build-arg:BUILDKIT_DOCKERFILE_CHECK')
        ? 'the check configuration comes from a build argument (BUILDKIT_DOCKERFILE_CHECK), which a file linter does not see' : undefined;
      const errorLine = fields.get('BuildErrLocation');
      cases.push({
        test, line: t.line, dockerfile: dockerfile.value,
        dockerignore: ignore?.kind === 'string' ? ignore.value : undefined,
        warnings, ...(errorLine?.kind === 'number' ? { buildErrorLine: errorLine.value } : {}), ...(unsupported ? { unsupported } : {}),
      });
    }
  }
  return { cases, unread };
}

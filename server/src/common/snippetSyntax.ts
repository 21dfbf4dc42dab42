// A small expander for VS Code's snippet syntax: the text a snippet inserts when the user accepts every
// default. The server shows it as the preview of snippet completions; the tests use it to check that
// every snippet expands to a clean file. Supported: `$1`, `${1}`, `${1:default}` (defaults may nest other
// placeholders), `${1|a,b|}` (first choice unless told otherwise), linked occurrences of one tab stop,
// `$0`, variables (`$TM_FILENAME_BASE`, `${NAME:default}`), and the escapes `\$`, `\}`, `\\`
// (plus `\,` and `\|` inside choices). Transforms (`${1/re/fmt/}`) are rejected: no snippet uses them.

type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
  | { type: 'variable'; name: string; children?: SnippetNode[] };

export interface ExpandOptions {
  /** Tab stop → index of the choice to take (default 0). */
  choices?: Record<number, number>;
  /** Tab stop → the text the user typed instead of the default. */
  values?: Record<number, string>;
  /** Values of snippet variables; unknown variables without a default are an error. */
  variables?: Record<string, string>;
}

/** Stand-ins for editor variables when there is no editor to ask. */
export const defaultVariables: Record<string, string> = {
  TM_FILENAME: 'my-app.yaml',
  TM_FILENAME_BASE: 'my-app',
  TM_DIRECTORY: '/work/project',
  TM_FILEPATH: '/work/project/my-app.yaml',
  RELATIVE_FILEPATH: 'my-app.yaml',
  WORKSPACE_NAME: 'project',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  CLIPBOARD: '',
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '01',
  UUID: '00000000-0000-4000-8000-000000000000',
};

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    const nodes = this.sequence(false);
    if (this.pos < this.src.length) throw new Error(`unexpected "${this.src[this.pos]}" at ${this.pos}`);
    return nodes;
  }

  /** Text and placeholders up to the end, or (inside a placeholder) up to its unescaped `}`. */
  private sequence(inPlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => { if (text) nodes.push({ type: 'text', value: text }); text = ''; };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\' && this.pos + 1 < this.src.length && '$}\\'.includes(this.src[this.pos + 1]!)) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === '}' && inPlaceholder) {
        break;
      } else if (ch === '$') {
        const node = this.dollar();
        if (node) { flush(); nodes.push(node); } else { text += '$'; this.pos++; }
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  /** A construct starting at `$`, or undefined when the `$` is literal text. */
  private dollar(): SnippetNode | undefined {
    const rest = this.src.slice(this.pos);
    const simpleTab = /^\$(\d+)/.exec(rest);
    if (simpleTab) { this.pos += simpleTab[0].length; return { type: 'tabstop', index: Number(simpleTab[1]) }; }
    const simpleVar = /^\$([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (simpleVar) { this.pos += simpleVar[0].length; return { type: 'variable', name: simpleVar[1]! }; }
    const open = /^\$\{(\d+|[_a-zA-Z][_a-zA-Z0-9]*)([}:|/])/.exec(rest);
    if (!open) return undefined;
    const id = open[1]!;
    const kind = open[2]!;
    this.pos += open[0].length;
    const isTab = /^\d+$/.test(id);
    if (kind === '}') return isTab ? { type: 'tabstop', index: Number(id) } : { type: 'variable', name: id };
    if (kind === '/') throw new Error(`transforms are not supported (\${${id}/…})`);
    if (kind === '|') {
      if (!isTab) throw new Error(`choices need a tab stop, not ${id}`);
      return { type: 'tabstop', index: Number(id), choices: this.choices() };
    }
    const children = this.sequence(true);
    if (this.src[this.pos] !== '}') throw new Error(`unclosed \${${id}:…`);
    this.pos++;
    return isTab ? { type: 'tabstop', index: Number(id), children } : { type: 'variable', name: id, children };
  }

  /** `a,b,c|}` after `${1|`. */
  private choices(): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos]!;
      if (ch === '\\' && this.pos + 1 < this.src.length && ',|\\$}'.includes(this.src[this.pos + 1]!)) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        this.pos++;
      } else if (ch === '|' && this.src[this.pos + 1] === '}') {
        options.push(current);
        this.pos += 2;
        return options;
      } else {
        current += ch;
        this.pos++;
      }
    }
    throw new Error('unclosed choice');
  }
}

export function parseSnippet(body: string | string[]): SnippetNode[] {
  return new Parser(Array.isArray(body) ? body.join('\n') : body).parse();
}

export interface TabStopInfo {
  index: number;
  occurrences: number;
  /** Whether some occurrence gives a default (placeholder text or choices). */
  hasDefault: boolean;
  choices?: string[];
}

/** Every tab stop of a snippet, in index order. */
export function tabStops(body: string | string[]): TabStopInfo[] {
  const found = new Map<number, TabStopInfo>();
  const visit = (nodes: SnippetNode[]) => {
    for (const node of nodes) {
      if (node.type === 'tabstop') {
        const info = found.get(node.index) ?? { index: node.index, occurrences: 0, hasDefault: false };
        info.occurrences++;
        if (node.children !== undefined || node.choices) info.hasDefault = true;
        if (node.choices && !info.choices) info.choices = node.choices;
        found.set(node.index, info);
      }
      if (node.type !== 'text' && node.children) visit(node.children);
    }
  };
  visit(parseSnippet(body));
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** The text inserted when the user accepts every default (or the given values and choices). */
export function expandSnippet(body: string | string[], options: ExpandOptions = {}): string {
  const nodes = parseSnippet(body);
  const variables = { ...defaultVariables, ...options.variables };
  // Like VS Code, the first occurrence that carries a default (placeholder or choice) defines the value
  // of every linked occurrence of that tab stop.
  const definitions = new Map<number, SnippetNode & { type: 'tabstop' }>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.type === 'tabstop' && (node.children !== undefined || node.choices) && !definitions.has(node.index)) definitions.set(node.index, node);
      if (node.type !== 'text' && node.children) collect(node.children);
    }
  };
  collect(nodes);

  const resolving = new Set<number>();
  const cache = new Map<number, string>();
  const valueOf = (index: number): string => {
    const given = options.values?.[index];
    if (given !== undefined) return given;
    const cached = cache.get(index);
    if (cached !== undefined) return cached;
    if (resolving.has(index)) throw new Error(`tab stop ${index} refers to itself`);
    resolving.add(index);
    const definition = definitions.get(index);
    let value = '';
    if (definition?.choices) {
      const pick = options.choices?.[index] ?? 0;
      const choice = definition.choices[pick];
      if (choice === undefined) throw new Error(`tab stop ${index} has no choice #${pick}`);
      value = choice;
    } else if (definition?.children) {
      value = render(definition.children);
    }
    resolving.delete(index);
    cache.set(index, value);
    return value;
  };
  const render = (list: SnippetNode[]): string => list.map((node) => {
    if (node.type === 'text') return node.value;
    if (node.type === 'tabstop') return valueOf(node.index);
    const known = variables[node.name];
    // As in VS Code, an empty variable (no selection, empty clipboard) falls back to its default.
    if (known !== undefined && (known !== '' || !node.children)) return known;
    if (node.children) return render(node.children);
    throw new Error(`unknown snippet variable $${node.name}`);
  }).join('');
  return render(nodes);
}

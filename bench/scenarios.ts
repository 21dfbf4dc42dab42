import type { Position } from 'vscode-languageserver-types';

/**
 * The requests `npm run bench` measures: one row each. Feature work adds its requests here
 * (positions where the feature does real work, and the budget it must hold).
 */
export interface RequestScenario {
  name: string;
  file: 'dockerfile' | 'manifest' | 'compose';
  method: string;
  positions(text: string): Position[];
  params(uri: string, position: Position): unknown;
  budget: { p50?: number; p95?: number };
}

const atPosition = (uri: string, position: Position): unknown => ({ textDocument: { uri }, position });
const wholeDocument = (uri: string): unknown => ({ textDocument: { uri } });
const formatting = (uri: string): unknown => ({ textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
const references = (uri: string, position: Position): unknown => ({ textDocument: { uri }, position, context: { includeDeclaration: true } });
const rename = (uri: string, position: Position): unknown => ({ textDocument: { uri }, position, newName: 'renamed' });
/**
 * Whole-document requests are timed 50 times each. The foundation's 5 ms budget is for hover and
 * completion; a whole-document answer on 1,000 lines is held to the edit → diagnostics budget.
 */
const fiftyTimes = (): Position[] => Array.from({ length: 50 }, () => ({ line: 0, character: 0 }));

/** Every occurrence of a regex's match start (plus `offset` characters), at most `limit`. */
export function positionsOf(text: string, pattern: RegExp, offset = 0, limit = 400): Position[] {
  const out: Position[] = [];
  const lines = text.split('\n');
  for (let line = 0; line < lines.length && out.length < limit; line++) {
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    for (const m of lines[line].matchAll(re)) {
      out.push({ line, character: (m.index ?? 0) + offset });
      if (out.length >= limit) break;
    }
  }
  return out;
}

export const requestScenarios: RequestScenario[] = [
  { name: 'hover on Dockerfile instructions', file: 'dockerfile', method: 'textDocument/hover', positions: (t) => positionsOf(t, /^[A-Z]+ /, 1), params: atPosition, budget: { p95: 5 } },
  { name: 'hover on Dockerfile variables', file: 'dockerfile', method: 'textDocument/hover', positions: (t) => positionsOf(t, /\$\{?[A-Z_]+/, 2), params: atPosition, budget: { p95: 5 } },
  { name: 'hover on Dockerfile flags', file: 'dockerfile', method: 'textDocument/hover', positions: (t) => positionsOf(t, /--[a-z]+/, 3), params: atPosition, budget: { p95: 5 } },
  { name: 'completion at Dockerfile line starts', file: 'dockerfile', method: 'textDocument/completion', positions: (t) => positionsOf(t, /^$/, 0, 200), params: atPosition, budget: { p95: 5 } },
  { name: 'completion in Dockerfile flags', file: 'dockerfile', method: 'textDocument/completion', positions: (t) => positionsOf(t, /--[a-z]+/, 2), params: atPosition, budget: { p95: 5 } },
  { name: 'signature help in Dockerfile instructions', file: 'dockerfile', method: 'textDocument/signatureHelp', positions: (t) => positionsOf(t, /^(RUN|COPY|FROM|HEALTHCHECK) \S/, 6), params: atPosition, budget: { p95: 5 } },
  { name: 'definition of Dockerfile stages and variables', file: 'dockerfile', method: 'textDocument/definition', positions: (t) => [...positionsOf(t, /--from=/, 8, 200), ...positionsOf(t, /\$\{?[A-Z_]+/, 2, 200)], params: atPosition, budget: { p95: 5 } },
  { name: 'references of Dockerfile stages', file: 'dockerfile', method: 'textDocument/references', positions: (t) => positionsOf(t, / AS stage/, 5, 100), params: references, budget: { p95: 5 } },
  { name: 'rename of a Dockerfile variable', file: 'dockerfile', method: 'textDocument/rename', positions: (t) => positionsOf(t, /\$\{BASE_VERSION/, 3, 100), params: rename, budget: { p95: 5 } },
  { name: 'document symbols, 1,000-line Dockerfile', file: 'dockerfile', method: 'textDocument/documentSymbol', positions: fiftyTimes, params: wholeDocument, budget: { p95: 20 } },
  { name: 'folding ranges, 1,000-line Dockerfile', file: 'dockerfile', method: 'textDocument/foldingRange', positions: fiftyTimes, params: wholeDocument, budget: { p95: 20 } },
  { name: 'document links, 1,000-line Dockerfile', file: 'dockerfile', method: 'textDocument/documentLink', positions: fiftyTimes, params: wholeDocument, budget: { p95: 20 } },
  { name: 'semantic tokens, 1,000-line Dockerfile', file: 'dockerfile', method: 'textDocument/semanticTokens/full', positions: fiftyTimes, params: wholeDocument, budget: { p95: 20 } },
  { name: 'formatting, 1,000-line Dockerfile', file: 'dockerfile', method: 'textDocument/formatting', positions: fiftyTimes, params: formatting, budget: { p95: 20 } },
  { name: 'hover on manifest keys', file: 'manifest', method: 'textDocument/hover', positions: (t) => positionsOf(t, /^\s*[a-zA-Z]+:/, 0).map((p) => ({ line: p.line, character: p.character + (/^\s*/.exec(t.split('\n')[p.line])?.[0].length ?? 0) + 1 })), params: atPosition, budget: { p95: 5 } },
  { name: 'hover on manifest kinds', file: 'manifest', method: 'textDocument/hover', positions: (t) => positionsOf(t, /^kind: /, 7), params: atPosition, budget: { p95: 5 } },
  { name: 'completion in manifest values and keys', file: 'manifest', method: 'textDocument/completion', positions: (t) => positionsOf(t, /: /, 2), params: atPosition, budget: { p95: 5 } },
  { name: 'hover on Compose keys', file: 'compose', method: 'textDocument/hover', positions: (t) => positionsOf(t, /^ +[a-z_]+:/, 0).map((p) => ({ line: p.line, character: (/^ */.exec(t.split('\n')[p.line])?.[0].length ?? 0) + 1 })), params: atPosition, budget: { p95: 5 } },
  { name: 'hover on Compose service names (image, ports, dependencies)', file: 'compose', method: 'textDocument/hover', positions: (t) => positionsOf(t, /^ {2}svc\d+:/, 3), params: atPosition, budget: { p95: 5 } },
  { name: 'completion in Compose values, keys and depends_on', file: 'compose', method: 'textDocument/completion', positions: (t) => [...positionsOf(t, /restart: /, 9, 100), ...positionsOf(t, /condition: /, 11, 100), ...positionsOf(t, /^ {6}svc\d+:/, 7, 100), ...positionsOf(t, /^ {4}image:/, 5, 100)], params: atPosition, budget: { p95: 5 } },
];

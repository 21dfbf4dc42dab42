import type { Position } from 'vscode-languageserver-types';

/**
 * The requests `npm run bench` measures: one row each. Feature work adds its requests here
 * (positions where the feature does real work, and the budget it must hold).
 */
export interface RequestScenario {
  name: string;
  file: 'dockerfile' | 'manifest';
  method: string;
  positions(text: string): Position[];
  params(uri: string, position: Position): unknown;
  budget: { p50?: number; p95?: number };
}

const atPosition = (uri: string, position: Position): unknown => ({ textDocument: { uri }, position });

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
  { name: 'hover on manifest keys', file: 'manifest', method: 'textDocument/hover', positions: (t) => positionsOf(t, /^\s*[a-zA-Z]+:/, 0).map((p) => ({ line: p.line, character: p.character + (/^\s*/.exec(t.split('\n')[p.line])?.[0].length ?? 0) + 1 })), params: atPosition, budget: { p95: 5 } },
  { name: 'hover on manifest kinds', file: 'manifest', method: 'textDocument/hover', positions: (t) => positionsOf(t, /^kind: /, 7), params: atPosition, budget: { p95: 5 } },
  { name: 'completion in manifest values and keys', file: 'manifest', method: 'textDocument/completion', positions: (t) => positionsOf(t, /: /, 2), params: atPosition, budget: { p95: 5 } },
];

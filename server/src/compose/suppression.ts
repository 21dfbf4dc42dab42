import type { Diagnostic } from 'vscode-languageserver-types';
import type { ComposeModel } from './model';

/**
 * Comments that silence findings, checked after the rules ran:
 * - `# stevedore-ignore <id>[, <id>…]` on the line before the offending key (or at the end of that
 *   line); without ids every rule is silenced there;
 * - `# stevedore-ignore-file <id>…` anywhere for the whole file (`-document` is read the same:
 *   a Compose file is one document, and Kubernetes users write that spelling).
 * Anything after `--` is a free-text reason. Names compare case-insensitively.
 */

type NameSet = Set<string>;

interface Suppressions {
  lines: Map<number, NameSet>;
  file: NameSet;
}

const commentPattern = /#\s*stevedore-ignore(-file|-document)?\b([^\n#]*)/g;

function parseNames(text: string): NameSet {
  const names = text.split('--')[0]!.split(/[\s,]+/).map((name) => name.trim().toLowerCase()).filter(Boolean);
  return new Set(names.length === 0 ? ['all'] : names);
}

const cache = new WeakMap<ComposeModel, Suppressions>();

export function suppressionsOf(model: ComposeModel): Suppressions {
  const cached = cache.get(model);
  if (cached) return cached;
  const found: Suppressions = { lines: new Map(), file: new Set() };
  const text = model.text;
  if (text.includes('stevedore-ignore')) {
    commentPattern.lastIndex = 0;
    for (let match = commentPattern.exec(text); match; match = commentPattern.exec(text)) {
      const names = parseNames(match[2] ?? '');
      if (match[1]) {
        for (const name of names) found.file.add(name);
        continue;
      }
      const line = model.document.positionAt(match.index).line;
      const before = text.slice(text.lastIndexOf('\n', match.index - 1) + 1, match.index);
      // A comment alone on its line covers the next line with content; a trailing one covers its own line.
      const target = before.trim() === '' ? nextContentLine(model, line) : line;
      const current = found.lines.get(target);
      if (current) for (const name of names) current.add(name);
      else found.lines.set(target, names);
    }
  }
  cache.set(model, found);
  return found;
}

function nextContentLine(model: ComposeModel, line: number): number {
  for (let next = line + 1; next < Math.min(model.document.lineCount, line + 50); next++) {
    const content = model.document.getText({ start: { line: next, character: 0 }, end: { line: next + 1, character: 0 } }).trim();
    if (content !== '' && !content.startsWith('#')) return next;
  }
  return line + 1;
}

/** Drops the diagnostics the user silenced. `namesOf` gives a rule's id and aliases by code. */
export function applySuppressions(model: ComposeModel, diagnostics: Diagnostic[], namesOf: (code: string) => readonly string[]): Diagnostic[] {
  const { lines, file } = suppressionsOf(model);
  if (lines.size === 0 && file.size === 0) return diagnostics;
  const hits = (set: NameSet | undefined, names: readonly string[]) => !!set && (set.has('all') || names.some((name) => set.has(name.toLowerCase())));
  return diagnostics.filter((diagnostic) => {
    const names = namesOf(String(diagnostic.code ?? ''));
    return !hits(file, names) && !hits(lines.get(diagnostic.range.start.line), names);
  });
}

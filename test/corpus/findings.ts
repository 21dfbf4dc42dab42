import type { Diagnostic } from 'vscode-languageserver-types';
import { byCodeUnits, sortedByKey } from '../snapshot';

/**
 * The reviewed record of what the rules report over the corpus: the number of findings per rule
 * (the summary a reviewer reads first) and every finding as `line:column rule-id` (1-based, as the
 * command line prints them) per corpus file, so a finding that moves or changes rule shows up in
 * the diff. Files without findings are left out; everything is sorted, so the text is stable.
 */
export interface FindingsSnapshot {
  counts: Record<string, number>;
  findings: Record<string, string[]>;
}

export interface FileFindings {
  /** Corpus path, e.g. `dockerfile/moby__buildkit/…`. */
  path: string;
  diagnostics: readonly Diagnostic[];
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || byCodeUnits(String(a.code), String(b.code));
}

export function findingsSnapshot(files: readonly FileFindings[]): FindingsSnapshot {
  const counts: Record<string, number> = {};
  const findings: Record<string, string[]> = {};
  for (const { path, diagnostics } of files) {
    for (const d of diagnostics) counts[String(d.code)] = (counts[String(d.code)] ?? 0) + 1;
    if (diagnostics.length === 0) continue;
    findings[path] = [...diagnostics].sort(byPosition).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);
  }
  return { counts: sortedByKey(counts), findings: sortedByKey(findings) };
}

/** One corpus file checked under both profiles. */
export interface ProfileFindings {
  entry: { path: string };
  /** Under the strict profile (every rule). */
  diagnostics: readonly Diagnostic[];
  /** Under the default (recommended) profile. */
  recommended: readonly Diagnostic[];
}

/**
 * The files where the default profile does not report exactly the strict findings less those of
 * the strict-only rules (same positions, same rules, same order): the profile must only filter.
 */
export function filesWhereProfilesDisagree(results: readonly ProfileFindings[], strictOnly: ReadonlySet<string>): string[] {
  const line = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`;
  return results
    .filter((r) => JSON.stringify(r.recommended.map(line)) !== JSON.stringify(r.diagnostics.filter((d) => !strictOnly.has(String(d.code))).map(line)))
    .map((r) => r.entry.path);
}

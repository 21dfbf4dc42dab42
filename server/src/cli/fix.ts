import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticFixData } from '../common/rules';

/** Rule id → how many of its fixes were applied. */
export type FixSummary = Map<string, number>;

interface Span {
  start: number;
  end: number;
  newText: string;
}

/** The safe fix a diagnostic carries, if any (the first one marked safe). */
export function safeFixOf(diagnostic: Diagnostic): { ruleId: string; edits: TextEdit[] } | undefined {
  const data = diagnostic.data as DiagnosticFixData | undefined;
  if (!data || !Array.isArray(data.fixes)) return undefined;
  const fix = data.fixes.find((f) => f.safe === true && Array.isArray(f.edits) && f.edits.length > 0);
  return fix ? { ruleId: data.ruleId ?? String(diagnostic.code ?? ''), edits: fix.edits } : undefined;
}

/**
 * Two edits conflict when their ranges share text, or when one is an insertion at a point the
 * other touches (their order would be a guess). Adjacent replacements are fine.
 */
function conflicts(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies, in one pass, every safe fix that does not overlap a fix taken before it (in document
 * order). Fixes left out because of an overlap get their turn after the caller re-lints.
 */
export function applySafeFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): { text: string; applied: FixSummary } {
  const text = document.getText();
  const candidates: { ruleId: string; spans: Span[] }[] = [];
  for (const diagnostic of diagnostics) {
    const fix = safeFixOf(diagnostic);
    if (!fix) continue;
    const spans = fix.edits
      .map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText }))
      .sort((x, y) => x.start - y.start || x.end - y.end);
    // A fix whose own edits overlap is malformed: never apply it.
    if (spans.some((span, i) => span.end < span.start || (i > 0 && conflicts(spans[i - 1], span)))) continue;
    candidates.push({ ruleId: fix.ruleId, spans });
  }
  candidates.sort((x, y) => x.spans[0].start - y.spans[0].start);
  const taken: Span[] = [];
  const applied: FixSummary = new Map();
  for (const candidate of candidates) {
    if (candidate.spans.some((span) => taken.some((other) => conflicts(span, other)))) continue;
    // An edit that changes nothing is not a fix (and would loop forever).
    if (candidate.spans.every((span) => text.slice(span.start, span.end) === span.newText)) continue;
    taken.push(...candidate.spans);
    applied.set(candidate.ruleId, (applied.get(candidate.ruleId) ?? 0) + 1);
  }
  if (!taken.length) return { text, applied };
  taken.sort((x, y) => x.start - y.start);
  let out = '';
  let cursor = 0;
  for (const span of taken) {
    out += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  out += text.slice(cursor);
  return { text: out, applied };
}

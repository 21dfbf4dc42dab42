import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticFixData } from './rules';

/**
 * Applying every safe fix of a file at once: `stevedore lint --fix` and the editor's "fix all"
 * (`source.fixAll.stevedore`, `editor.codeActionsOnSave`) share this, so both change a file alike.
 */

/** Rule id → how many of its fixes were applied. */
export type FixSummary = Map<string, number>;

/** Fixes that enable other fixes settle within a few passes; the cap stops a rule pair that undo each other. */
export const maxFixPasses = 10;

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
 * Chooses, for one pass, every safe fix that does not overlap a fix taken before it (in document
 * order), and applies them. Fixes left out because of an overlap get their turn after the caller
 * re-lints. A diagnostic stamped with another version of the document than `document` was computed
 * for another text: its edits would land in the wrong place, so it is never applied.
 */
export function applySafeFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): { text: string; applied: FixSummary } {
  const text = document.getText();
  const candidates: { ruleId: string; spans: Span[] }[] = [];
  for (const diagnostic of diagnostics) {
    const stamped = (diagnostic.data as DiagnosticFixData | undefined)?.version;
    if (stamped !== undefined && stamped !== document.version) continue;
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

/** A text and the diagnostics computed on exactly that text. */
export interface LintedText {
  document: TextDocument;
  diagnostics: Diagnostic[];
}

/**
 * Applies safe fixes pass after pass until none is left (or `maxPasses`). Each pass edits only the
 * text its diagnostics were computed on: after applying, `relint` must check the new text (given
 * with the next version number), and a linted text that is not the one just written stops the loop
 * rather than letting old edits land on a new text.
 */
export function fixUntilSettled(start: LintedText, relint: (text: string, version: number) => LintedText, maxPasses = maxFixPasses): { final: LintedText; applied: FixSummary } {
  let current = start;
  const applied: FixSummary = new Map();
  for (let pass = 0; pass < maxPasses; pass++) {
    const result = applySafeFixes(current.document, current.diagnostics);
    if (result.text === current.document.getText()) break;
    for (const [rule, count] of result.applied) applied.set(rule, (applied.get(rule) ?? 0) + count);
    const next = relint(result.text, current.document.version + 1);
    if (next.document.getText() !== result.text) throw new Error('fix passes: the re-lint checked another text than the one just fixed');
    current = next;
  }
  return { final: current, applied };
}

/** Above this many line pairs the changed middle of a file is replaced whole instead of diffed. */
const maxDiffCells = 4_000_000;

/**
 * The edits that turn `document`'s text into `after`, small and in place: unchanged lines are left
 * alone (so the editor keeps the cursor, folds and markers there) and each changed block is trimmed
 * to the characters that differ.
 */
export function editsBetween(document: TextDocument, after: string): TextEdit[] {
  const before = document.getText();
  if (before === after) return [];
  const a = linesOf(before);
  const b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  const hunks = oldMiddle.length * newMiddle.length > maxDiffCells
    ? [{ oldFrom: 0, oldTo: oldMiddle.length, newFrom: 0, newTo: newMiddle.length }]
    : diffLines(oldMiddle, newMiddle);
  const oldStarts = lineOffsets(a);
  const newStarts = lineOffsets(b);
  const edits: TextEdit[] = [];
  for (const hunk of hunks) {
    let from = oldStarts[head + hunk.oldFrom];
    let to = oldStarts[head + hunk.oldTo];
    let newFrom = newStarts[head + hunk.newFrom];
    let newTo = newStarts[head + hunk.newTo];
    while (from < to && newFrom < newTo && before[from] === after[newFrom]) { from++; newFrom++; }
    while (from < to && newFrom < newTo && before[to - 1] === after[newTo - 1]) { to--; newTo--; }
    edits.push({ range: { start: document.positionAt(from), end: document.positionAt(to) }, newText: after.slice(newFrom, newTo) });
  }
  return edits;
}

/** Lines with their line breaks, so joining them gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Offset of each line's start, plus the text's length at the end. */
function lineOffsets(lines: readonly string[]): number[] {
  const starts = [0];
  for (const line of lines) starts.push(starts[starts.length - 1] + line.length);
  return starts;
}

/** The changed blocks between two line lists (longest common subsequence; lists are the small changed middle). */
function diffLines(a: readonly string[], b: readonly string[]): { oldFrom: number; oldTo: number; newFrom: number; newTo: number }[] {
  const width = b.length + 1;
  // common[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? common[(i + 1) * width + j + 1] + 1 : Math.max(common[(i + 1) * width + j], common[i * width + j + 1]);
    }
  }
  const hunks: { oldFrom: number; oldTo: number; newFrom: number; newTo: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { i++; j++; continue; }
    const hunk = { oldFrom: i, oldTo: i, newFrom: j, newTo: j };
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j >= b.length || (i < a.length && common[(i + 1) * width + j] >= common[i * width + j + 1])) i++;
      else j++;
    }
    hunk.oldTo = i;
    hunk.newTo = j;
    hunks.push(hunk);
  }
  return hunks;
}

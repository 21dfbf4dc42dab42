import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver-types';
import { pick, type DocsLanguage } from './localized';
import type { DiagnosticFixData } from './rules';

/**
 * "Fix every safe problem in this file": what `editor.codeActionsOnSave` and the
 * `stevedore.fixAll` command ask for. A sub-kind of `source.fixAll`, so a user can pick ours.
 */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.stevedore`;

/**
 * Quick fixes travel on the diagnostic (`data`), computed when the rule ran: a code action
 * request only turns them into edits for this document. A rule lists its best fix first, so the
 * first fix of each diagnostic is the preferred one (the editor's "auto fix" applies it).
 */
export function quickFixesFromDiagnostics(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data as DiagnosticFixData | undefined;
    if (!data || !Array.isArray(data.fixes)) continue;
    data.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [uri]: fix.edits } },
      });
    });
  }
  return actions;
}

/** The same edit, whatever the order its text edits are listed in. */
function editKey(action: CodeAction): string {
  const order = (x: TextEdit, y: TextEdit) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character
    || x.range.end.line - y.range.end.line || x.range.end.character - y.range.end.character || (x.newText < y.newText ? -1 : x.newText > y.newText ? 1 : 0);
  const changes = Object.entries(action.edit?.changes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([uri, edits]) => [uri, [...edits].sort(order)]);
  return JSON.stringify([action.kind ?? '', changes, action.edit?.documentChanges ?? null, action.command ?? null]);
}

/**
 * One action per distinct edit: several rules often offer the same fix for one spot (three
 * security findings, one hardened securityContext). The merged action keeps the first title and
 * lists every diagnostic it fixes; it is preferred only when it was the preferred fix of each of
 * them, so no diagnostic ends up with two preferred fixes.
 */
export function mergeCodeActions(actions: readonly CodeAction[]): CodeAction[] {
  const merged = new Map<string, CodeAction>();
  for (const action of actions) {
    const key = editKey(action);
    const first = merged.get(key);
    if (!first) {
      merged.set(key, { ...action, diagnostics: action.diagnostics ? [...action.diagnostics] : undefined });
      continue;
    }
    for (const diagnostic of action.diagnostics ?? []) {
      if (!first.diagnostics?.includes(diagnostic)) (first.diagnostics ??= []).push(diagnostic);
    }
    if (!action.isPreferred) first.isPreferred = false;
  }
  return [...merged.values()].map(({ isPreferred, ...action }) => (isPreferred ? { ...action, isPreferred } : action));
}

/**
 * Whether a request's `only` filter asks for actions of `kind` (a filter names a kind or one of
 * its parents: `source` covers `source.fixAll.stevedore`). Without a filter every kind is wanted.
 */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/** The document version a diagnostic was computed for, when the front stamped it. */
export function versionOf(diagnostic: Diagnostic): number | undefined {
  const version = (diagnostic.data as Partial<DiagnosticFixData> | undefined)?.version;
  return typeof version === 'number' ? version : undefined;
}

/** Copies of the diagnostics stamped with the document version they were computed for. */
export function stampVersion(diagnostics: readonly Diagnostic[], version: number): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    const data = (diagnostic.data as DiagnosticFixData | undefined) ?? { ruleId: String(diagnostic.code ?? ''), fixes: [] };
    return { ...diagnostic, data: { ...data, version } };
  });
}

/**
 * The diagnostic of the current text that an older one (from an earlier version) stands for: the
 * same rule saying the same thing, nearest to where the old one lands in the current text (and no
 * more than `maxLines` lines away). Undefined when the finding is gone: its fixes no longer apply.
 */
export function matchingDiagnostic(old: Diagnostic, current: readonly Diagnostic[], near: Position, maxLines = Infinity): Diagnostic | undefined {
  let best: Diagnostic | undefined;
  let bestDistance = Infinity;
  for (const candidate of current) {
    if (candidate.code !== old.code || candidate.message !== old.message || candidate.source !== old.source) continue;
    const lines = Math.abs(candidate.range.start.line - near.line);
    if (lines > maxLines) continue;
    const distance = lines * 1e6 + (lines === 0 ? Math.abs(candidate.range.start.character - near.character) : 0);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The "fix all" action for edits computed on the current text of the document. */
export function fixAllAction(uri: string, edits: TextEdit[], fixed: number, lang: DocsLanguage): CodeAction {
  return {
    title: pick({ en: `Fix all safe problems (${fixed})`, zh: `修复所有可安全修复的问题（${fixed} 处）` }, lang),
    kind: fixAllKind,
    edit: { changes: { [uri]: edits } },
  };
}

/**
 * The same actions with their edits as versioned `documentChanges`, for clients that take them:
 * should the document change before the edit arrives, the editor refuses it instead of applying it
 * to a text it was not computed for.
 */
export function withVersionedEdits(actions: readonly CodeAction[], uri: string, version: number): CodeAction[] {
  return actions.map((action) => {
    const edits = action.edit?.changes?.[uri];
    if (!edits || Object.keys(action.edit!.changes!).length !== 1) return action;
    return { ...action, edit: { documentChanges: [{ textDocument: { uri, version }, edits }] } };
  });
}

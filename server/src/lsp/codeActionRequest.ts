import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionParams } from 'vscode-languageserver-protocol';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position } from 'vscode-languageserver-types';
import {
  fixAllAction, fixAllKind, kindRequested, matchingDiagnostic, mergeCodeActions, quickFixesFromDiagnostics, versionOf, withVersionedEdits,
} from '../common/codeActions';
import { editsBetween, fixUntilSettled } from '../common/safeFixes';
import type { FeatureContext } from '../common/service';
import type { ParsedDocument } from './documents';

/** What answering a code action request needs from the server around it. */
export interface CodeActionRequest {
  params: CodeActionParams;
  /** The document as it is now, and its parse. */
  document: TextDocument;
  parsed: ParsedDocument;
  ctx: FeatureContext;
  /** The findings of the current version (stamped with it), computed on demand. */
  currentDiagnostics(): Diagnostic[];
  /** Where a position of an older version is now (undefined when unknown). */
  mapPosition(fromVersion: number, position: Position): Position | undefined;
  /** The client takes versioned `documentChanges`. */
  versionedEdits: boolean;
}

/**
 * Quick fixes, ignore actions and "fix all", for the text as it is now. The diagnostics an editor
 * sends back may be older than the text (checks on save, or a request racing a change): a fix
 * computed then would land on the wrong line. Each one is replaced by the same finding in the
 * current text (same rule and message, nearest to where the edits since moved it); a finding that
 * is gone offers nothing.
 */
export function answerCodeActions(request: CodeActionRequest): CodeAction[] {
  const { params, document, parsed, ctx } = request;
  const uri = document.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (kindRequested(only, CodeActionKind.QuickFix)) {
    const current = new Map<Diagnostic, Diagnostic>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'stevedore') continue;
      const fresh = currentFinding(diagnostic, request);
      if (fresh) current.set(fresh, diagnostic);
    }
    const fresh = [...current.keys()];
    const quickFixes = mergeCodeActions([
      ...quickFixesFromDiagnostics(uri, fresh),
      ...(parsed.service.codeActions?.(parsed.model, params.range, fresh, ctx) ?? []),
    ]);
    // The editor knows the diagnostics it sent, not our re-computed twins.
    for (const action of quickFixes) action.diagnostics = action.diagnostics?.map((d) => current.get(d) ?? d);
    actions.push(...quickFixes);
  }
  // Only on request: a whole-file fix is too much work for every cursor move (the light bulb asks then).
  if (only?.some((kind) => kindRequested([kind], fixAllKind)) && ctx.settings.diagnostics.enable) {
    const fixAll = fixAllFor(request);
    if (fixAll) actions.push(fixAll);
  }
  return request.versionedEdits ? withVersionedEdits(actions, uri, document.version) : actions;
}

function currentFinding(diagnostic: Diagnostic, request: CodeActionRequest): Diagnostic | undefined {
  const version = versionOf(diagnostic);
  if (version === request.document.version) return diagnostic;
  const moved = version !== undefined ? request.mapPosition(version, diagnostic.range.start) : undefined;
  if (moved) return matchingDiagnostic(diagnostic, request.currentDiagnostics(), moved);
  // Unknown version, or its text was rewritten since: only the same finding still on its line will do
  // (a twin further down is another finding, not this one moved).
  return matchingDiagnostic(diagnostic, request.currentDiagnostics(), diagnostic.range.start, 0);
}

/** Every safe fix of the file, pass after pass on the current text, as small edits of it. */
function fixAllFor(request: CodeActionRequest): CodeAction | undefined {
  const { document, parsed, ctx } = request;
  const { final, applied } = fixUntilSettled({ document, diagnostics: request.currentDiagnostics() }, (text, version) => {
    const next = TextDocument.create(document.uri, document.languageId, version, text);
    return { document: next, diagnostics: parsed.service.diagnose?.(parsed.service.parse(next), ctx) ?? [] };
  });
  const edits = editsBetween(document, final.document.getText());
  if (!edits.length) return undefined;
  const fixed = [...applied.values()].reduce((sum, count) => sum + count, 0);
  return fixAllAction(document.uri, edits, fixed, ctx.lang);
}

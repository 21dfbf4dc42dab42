import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { isAbsolute, relative } from 'node:path';
import type { LanguageKind } from '../common/fileKinds';
import type { DocsLanguage } from '../common/localized';
import type { RuleMeta } from '../common/rules';
import { dockerfileRules } from '../dockerfile/rules';
import { composeRules } from '../compose/rules';
import { kubernetesRules } from '../kubernetes/rules';
import type { FixSummary } from '../common/safeFixes';

/** What every output format is built from. */
export interface FileReport {
  /** As shown to the user (relative to where they ran the command, or as given). */
  path: string;
  absolute: string;
  kind: LanguageKind;
  diagnostics: Diagnostic[];
  /** Lowest severity that fails the run for this file (0 = nothing fails it). */
  failAt: number;
  /** After `--fix`: rules whose fixes were applied, with counts. */
  fixed?: FixSummary;
}

export interface SkippedFile {
  path: string;
  reason: 'too-large' | 'binary' | 'unreadable';
  detail?: string;
}

export interface Report {
  files: FileReport[];
  skipped: SkippedFile[];
  lang: DocsLanguage;
  /**
   * The repository root (else the working directory): SARIF's `%SRCROOT%`, and what GitHub and
   * GitLab paths are relative to, since both place findings by repository path.
   */
  root: string;
  version: string;
}

export type SeverityWord = 'error' | 'warning' | 'info' | 'hint';

export const severityWords: Record<number, SeverityWord> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** `--severity-threshold` words → the lowest LSP severity that fails (0: never fails). */
export const thresholdValues: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4, none: 0 };

export function severityOf(diagnostic: Diagnostic): number {
  return diagnostic.severity ?? DiagnosticSeverity.Error;
}

export function severityWord(diagnostic: Diagnostic): SeverityWord {
  return severityWords[severityOf(diagnostic)] ?? 'error';
}

/** Whether a finding fails the run under its file's threshold. */
export function fails(diagnostic: Diagnostic, failAt: number): boolean {
  return failAt > 0 && severityOf(diagnostic) <= failAt;
}

/** Diagnostic messages are plain strings from our rules; LSP also allows markup. */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function ruleIdOf(diagnostic: Diagnostic): string {
  return String(diagnostic.code ?? 'unknown');
}

/** The registry entry behind a diagnostic, for descriptions and help links. */
export function ruleMetaOf(kind: LanguageKind, id: string): RuleMeta | undefined {
  return (kind === 'dockerfile' ? dockerfileRules : kind === 'compose' ? composeRules : kubernetesRules).find(id)?.meta;
}

/** Every rule we have, Dockerfile first, then Kubernetes, then Compose, each with the language it checks. */
export function allRules(): { kind: LanguageKind; meta: RuleMeta }[] {
  return [
    ...dockerfileRules.rules.map((rule) => ({ kind: 'dockerfile' as const, meta: rule.meta })),
    ...kubernetesRules.rules.map((rule) => ({ kind: 'yaml' as const, meta: rule.meta })),
    ...composeRules.rules.map((rule) => ({ kind: 'compose' as const, meta: rule.meta })),
  ];
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  hint: number;
  failing: number;
}

export function countFindings(files: readonly FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0, failing: 0 };
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      counts[severityWord(diagnostic)]++;
      if (fails(diagnostic, file.failAt)) counts.failing++;
    }
  }
  return counts;
}

/** The language name used in machine-readable output (`yaml` files we check are manifests). */
export function languageName(kind: LanguageKind): 'dockerfile' | 'kubernetes' | 'compose' {
  return kind === 'dockerfile' ? 'dockerfile' : kind === 'compose' ? 'compose' : 'kubernetes';
}

/** The file's path relative to the report's root with `/` separators, or undefined when outside it. */
export function rootRelativePath(file: FileReport, root: string): string | undefined {
  const rel = relative(root, file.absolute);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(/[\\/]/).join('/');
}

/** Where CI systems should place a file: relative to the root when inside it, else as shown. */
export function repositoryPath(file: FileReport, root: string): string {
  return rootRelativePath(file, root) ?? file.path.replace(/\\/g, '/');
}

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../../server/src/common/localized';
import type { DiagnosticFixData } from '../../../server/src/common/rules';
import type { WorkspaceFiles } from '../../../server/src/common/service';
import { diagnoseDockerfile } from '../../../server/src/dockerfile/diagnostics';
import { contextFor, dockerfile } from '../helpers';

export interface DiagnoseOptions {
  lang?: DocsLanguage;
  settings?: unknown;
  files?: Record<string, string>;
  filePath?: string;
}

export function memoryFiles(files: Record<string, string> = {}): WorkspaceFiles {
  return { readText: (path) => (Object.prototype.hasOwnProperty.call(files, path) ? files[path] : undefined) };
}

export function diagnose(text: string, options: DiagnoseOptions = {}): Diagnostic[] {
  const filePath = options.filePath ?? '/work/app/Dockerfile';
  return diagnoseDockerfile(dockerfile(text, `file://${filePath}`), contextFor(options.lang ?? 'en', { settings: options.settings, files: memoryFiles(options.files), filePath }));
}

/** `diagnose` under the strict profile, so the rules it alone turns on are measured too. */
export function diagnoseStrict(text: string, options: DiagnoseOptions = {}): Diagnostic[] {
  return diagnose(text, { ...options, settings: { profile: 'strict', ...(options.settings as object | undefined) } });
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

/** Applies LSP edits to text (edits must not overlap), like an editor would. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const document = TextDocument.create('file:///x', 'dockerfile', 1, text);
  return TextDocument.applyEdits(document, edits);
}

export function fixesOf(diagnostic: Diagnostic): DiagnosticFixData['fixes'] {
  return (diagnostic.data as DiagnosticFixData | undefined)?.fixes ?? [];
}

/** A diagnostic's message as plain text (LSP allows markup content too). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

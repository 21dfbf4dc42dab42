import { pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { pick, type DocsLanguage } from '../../common/localized';
import type { DiagnosticFixData, RuleMeta, RuleSeverity } from '../../common/rules';
import { installedRuleDocs, ruleHelpUri, type RuleDocsSource } from '../../ruleDocLinks';
import { allRules, type FileReport, languageName, messageOf, type Report, rootRelativePath, ruleIdOf, severityWord } from '../report';

/**
 * `--format sarif`: SARIF 2.1.0, as GitHub code scanning (github/codeql-action/upload-sarif) and
 * other tools read it. One run; the driver lists every rule of both registries with its docs,
 * help link (the rule's page on the web when package.json names the repository, else the copy
 * installed with Stevedore), default level and tags (category, language, peer-tool aliases and
 * groups). Paths are relative to `%SRCROOT%` (the repository root, else the working directory);
 * columns count UTF-16 code units, which the run declares.
 */

export const sarifSchemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = 'error' | 'warning' | 'note';

const levels: Record<RuleSeverity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** GitHub ranks security findings by this score (0–10). */
const securitySeverity: Record<RuleSeverity, string> = { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' };

/** `no-latest-tag` → `NoLatestTag`: SARIF's `name` is a readable identifier. */
function pascalCase(id: string): string {
  return id.split(/[-_.\s]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join('');
}

/** Markdown to plain text for `text` fields: drop emphasis and code marks, keep link labels. */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[a-z]*\n?/g, '')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/[`*_]{1,3}([^`*_\n]+)[`*_]{1,3}/g, '$1')
    .trim();
}

function firstParagraph(text: string): string {
  return text.split(/\n\s*\n/)[0].trim();
}

function ruleDescriptor(meta: RuleMeta, language: 'dockerfile' | 'kubernetes' | 'compose', lang: DocsLanguage, pages: RuleDocsSource): Record<string, unknown> {
  const docs = pick(meta.docs, lang);
  const title = pick(meta.title, lang);
  const properties: Record<string, unknown> = {
    tags: [...new Set([language, meta.category, ...meta.aliases, ...(meta.groups ?? [])])],
    category: meta.category,
  };
  if (meta.category === 'security') properties['security-severity'] = securitySeverity[meta.severity];
  if (meta.fixable) properties.fixable = true;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: title },
    fullDescription: { text: plainText(firstParagraph(docs)) || title, markdown: docs },
    help: { text: plainText(docs) || title, markdown: docs },
    helpUri: ruleHelpUri(pages, meta.id, lang),
    defaultConfiguration: { enabled: true, level: levels[meta.severity] },
    properties,
  };
}

/** 0-based LSP range → SARIF 1-based region (end column exclusive in both). */
export function regionOf(range: Range): Record<string, number> {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A path as a URI reference: relative to %SRCROOT% when below it, else an absolute file URI. */
function artifactLocation(file: FileReport, root: string): Record<string, string> {
  const rel = rootRelativePath(file, root);
  if (rel !== undefined) return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(file.absolute).href };
}

function fixesOf(diagnostic: Diagnostic, location: Record<string, string>): unknown[] | undefined {
  const data = diagnostic.data as DiagnosticFixData | undefined;
  if (!data?.fixes?.length) return undefined;
  return data.fixes.map((fix) => ({
    description: { text: fix.title },
    artifactChanges: [{
      artifactLocation: location,
      replacements: fix.edits.map((edit) => ({ deletedRegion: regionOf(edit.range), insertedContent: { text: edit.newText } })),
    }],
  }));
}

export function buildSarif(report: Report, docs: RuleDocsSource = installedRuleDocs()): Record<string, unknown> {
  const descriptors = allRules();
  const indexOf = new Map<string, number>();
  descriptors.forEach(({ kind, meta }, i) => indexOf.set(`${kind}\u0000${meta.id}`, i));
  const results: unknown[] = [];
  const artifacts: unknown[] = [];
  for (const file of report.files) {
    const location = artifactLocation(file, report.root);
    const artifactIndex = artifacts.length;
    artifacts.push({ location, sourceLanguage: file.kind });
    for (const d of file.diagnostics) {
      const ruleId = ruleIdOf(d);
      const ruleIndex = indexOf.get(`${file.kind}\u0000${ruleId}`);
      const result: Record<string, unknown> = {
        ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: levels[severityWord(d)],
        message: { text: messageOf(d) },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index: artifactIndex }, region: regionOf(d.range) } }],
      };
      const fixes = fixesOf(d, location);
      if (fixes) result.fixes = fixes;
      results.push(result);
    }
  }
  const srcRoot = pathToFileURL(report.root).href.replace(/\/?$/, '/');
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Stevedore',
          semanticVersion: report.version,
          version: report.version,
          ...(docs.repository ? { informationUri: docs.repository.home } : {}),
          rules: descriptors.map(({ kind, meta }) => ruleDescriptor(meta, languageName(kind), report.lang, docs)),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
      columnKind: 'utf16CodeUnits',
      artifacts,
      results,
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: report.skipped.map((s) => ({
          level: 'note',
          message: { text: `${s.path}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}` },
        })),
      }],
    }],
  };
}

export function formatSarif(report: Report): string {
  return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}

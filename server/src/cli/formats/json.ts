import type { DiagnosticFixData } from '../../common/rules';
import { installedRuleDocs, ruleHelpUri, type RuleDocsSource } from '../../ruleDocLinks';
import { countFindings, fails, languageName, messageOf, type Report, ruleIdOf, severityWord } from '../report';

/**
 * `--format json`: one object, stable and documented in the README (version 1). Positions are
 * 1-based lines and columns (columns count UTF-16 code units, like the editor); `endColumn` is
 * exclusive. `helpUri` is the rule's page: on the web when package.json names the repository, else
 * the copy installed with Stevedore (a `file:` URI); absent for a finding without a page.
 */
export function formatJson(report: Report, docs: RuleDocsSource = installedRuleDocs()): string {
  const counts = countFindings(report.files);
  const out = {
    version: 1,
    tool: { name: 'stevedore', version: report.version },
    files: report.files.map((file) => ({
      path: file.path.replace(/\\/g, '/'),
      language: languageName(file.kind),
      ...(file.fixed && file.fixed.size ? { fixed: Object.fromEntries(file.fixed) } : {}),
      diagnostics: file.diagnostics.map((d) => {
        const data = d.data as DiagnosticFixData | undefined;
        return {
          ruleId: ruleIdOf(d),
          severity: severityWord(d),
          message: messageOf(d),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          failing: fails(d, file.failAt),
          helpUri: ruleHelpUri(docs, ruleIdOf(d), report.lang),
          fixes: (data?.fixes ?? []).map((fix) => ({
            title: fix.title,
            safe: fix.safe,
            edits: fix.edits.map((edit) => ({
              line: edit.range.start.line + 1,
              column: edit.range.start.character + 1,
              endLine: edit.range.end.line + 1,
              endColumn: edit.range.end.character + 1,
              newText: edit.newText,
            })),
          })),
        };
      }),
    })),
    skipped: report.skipped.map((s) => ({ path: s.path.replace(/\\/g, '/'), reason: s.reason })),
    summary: { files: report.files.length, errors: counts.error, warnings: counts.warning, info: counts.info, hints: counts.hint, failing: counts.failing },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

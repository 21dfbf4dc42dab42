import { createHash } from 'node:crypto';
import { messageOf, type Report, ruleIdOf, ruleMetaOf, severityWord, repositoryPath } from '../report';

/**
 * `--format gitlab`: GitLab's Code Quality report (a JSON array; `artifacts:reports:codequality`),
 * shown in merge request widgets and diffs. Fingerprints must be stable across runs, so they hash
 * path, rule, message and the occurrence number of that triple — not the line, which moves.
 */
const severities = { error: 'major', warning: 'minor', info: 'info', hint: 'info' } as const;

const categories: Record<string, string> = {
  syntax: 'Bug Risk', semantics: 'Bug Risk', 'best-practice': 'Clarity', security: 'Security', style: 'Style',
};

export function formatGitlab(report: Report): string {
  const issues: unknown[] = [];
  for (const file of report.files) {
    const path = repositoryPath(file, report.root);
    const seen = new Map<string, number>();
    for (const d of file.diagnostics) {
      const id = ruleIdOf(d);
      const key = `${path}\u0000${id}\u0000${messageOf(d)}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const meta = ruleMetaOf(file.kind, id);
      const word = severityWord(d);
      issues.push({
        type: 'issue',
        check_name: id,
        description: messageOf(d),
        categories: [categories[meta?.category ?? ''] ?? 'Bug Risk'],
        severity: meta?.category === 'security' && word === 'error' ? 'critical' : severities[word],
        fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex'),
        location: {
          path,
          lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 },
        },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}

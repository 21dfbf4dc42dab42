import { messageOf, type Report, ruleIdOf, ruleMetaOf, severityWord, repositoryPath } from '../report';
import { pick } from '../../common/localized';

/**
 * `--format github`: workflow commands that GitHub Actions turns into annotations on the pull
 * request's diff. Escaping follows the runner: the message escapes `%`, CR and LF; property
 * values also escape `:` and `,` (they separate properties).
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const commands = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const path = repositoryPath(file, report.root);
    for (const d of file.diagnostics) {
      const id = ruleIdOf(d);
      const meta = ruleMetaOf(file.kind, id);
      const title = meta ? `${id}: ${pick(meta.title, report.lang)}` : id;
      const properties = [
        `file=${escapeProperty(path)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(title)}`,
      ];
      lines.push(`::${commands[severityWord(d)]} ${properties.join(',')}::${escapeData(messageOf(d))}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

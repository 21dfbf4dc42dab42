import { messageOf, type Report, ruleIdOf, severityWord } from '../report';

/** XML 1.0 cannot carry most control characters even escaped: they are dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch)
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const severities = { error: 'error', warning: 'warning', info: 'info', hint: 'info' } as const;

/** `--format checkstyle`: the XML many CI tools (Jenkins, reviewdog, SonarQube) import. */
export function formatCheckstyle(report: Report): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const file of report.files) {
    lines.push(`  <file name="${escapeXml(file.path.replace(/\\/g, '/'))}">`);
    for (const d of file.diagnostics) {
      const attributes = [
        `line="${d.range.start.line + 1}"`,
        `column="${d.range.start.character + 1}"`,
        `severity="${severities[severityWord(d)]}"`,
        `message="${escapeXml(messageOf(d))}"`,
        `source="${escapeXml(`stevedore.${ruleIdOf(d)}`)}"`,
      ];
      lines.push(`    <error ${attributes.join(' ')}/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
}

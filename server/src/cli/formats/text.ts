import { fileURLToPath } from 'node:url';
import { pick, type DocsLanguage } from '../../common/localized';
import { installedRuleDocs, ruleHelpUri, type RuleDocsSource } from '../../ruleDocLinks';
import { fixedLine, severityLabel, summaryLine } from '../messages';
import { countFindings, messageOf, type Report, ruleIdOf, type SeverityWord, severityWord } from '../report';

/** ANSI styles; `plain` when colour is off. */
export interface Palette {
  path(text: string): string;
  severity(word: SeverityWord, text: string): string;
  dim(text: string): string;
}

const ansi = (open: number, close: number) => (text: string): string => `\u001b[${open}m${text}\u001b[${close}m`;
const bold = ansi(1, 22);
const underline = ansi(4, 24);
const severityStyles: Record<SeverityWord, (text: string) => string> = {
  error: ansi(31, 39),
  warning: ansi(33, 39),
  info: ansi(36, 39),
  hint: ansi(90, 39),
};

export const colourPalette: Palette = {
  path: (text) => underline(bold(text)),
  severity: (word, text) => severityStyles[word](text),
  dim: ansi(90, 39),
};

export const plainPalette: Palette = { path: (t) => t, severity: (_w, t) => t, dim: (t) => t };

/**
 * Whether to colour: `--no-color` / `--color` first, then FORCE_COLOR (`0` or `false` = off),
 * then NO_COLOR (any non-empty value = off), then whether the stream is a terminal.
 */
export function wantsColour(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR) return false;
  return isTty;
}

/** Lines of messages may hold newlines; indent the rest under the first. */
function oneMessage(text: string): string {
  return text.replace(/\r?\n/g, '\n      ');
}

const rulePagesHeading = { en: 'Rule pages:', zh: '规则说明：' };

/**
 * One line per rule that reported, with where its page is: on the web when package.json names the
 * repository, else the file installed with Stevedore (a path, which terminals let you open).
 */
function rulePages(report: Report, palette: Palette, lang: DocsLanguage, docs: RuleDocsSource): string[] {
  const ids = [...new Set(report.files.flatMap((file) => file.diagnostics.map(ruleIdOf)))];
  const pages = ids.flatMap((id) => {
    const uri = ruleHelpUri(docs, id, lang);
    return uri ? [`  ${palette.dim(id)} ${uri.startsWith('file:') ? fileURLToPath(uri) : uri}`] : [];
  });
  return pages.length ? [pick(rulePagesHeading, lang), ...pages, ''] : [];
}

/**
 * Grouped by file: a header, then `path:line:col severity id message` lines; then where each
 * reported rule is documented, and a summary.
 */
export function formatText(report: Report, palette: Palette, threshold: string, lang: DocsLanguage = report.lang, docs: RuleDocsSource = installedRuleDocs()): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const fixed = file.fixed && file.fixed.size ? [...file.fixed.entries()] : undefined;
    if (!file.diagnostics.length && !fixed) continue;
    lines.push(palette.path(file.path));
    if (fixed) lines.push(`  ${palette.dim(fixedLine(file.path, fixed, lang))}`);
    for (const d of file.diagnostics) {
      const word = severityWord(d);
      const where = `${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`  ${where} ${palette.severity(word, severityLabel(word, lang))} ${palette.dim(ruleIdOf(d))} ${oneMessage(messageOf(d))}`);
    }
    lines.push('');
  }
  lines.push(...rulePages(report, palette, lang, docs));
  lines.push(summaryLine(report.files.length, countFindings(report.files), threshold, lang));
  return `${lines.join('\n')}\n`;
}

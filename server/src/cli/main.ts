import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { normalizeSettings } from '../common/settings';
import { resolveDocsLanguage } from '../i18n/locale';
import { discoverFiles } from './discover';
import { lintFile, type FileResult } from './lint';

/**
 * `stevedore lint [paths…]`: the editor's checks for CI. Exit codes: 0 nothing at or above the
 * threshold, 1 findings, 2 usage or internal error.
 */
const usage = `Usage: stevedore lint [paths…] [--severity-threshold error|warning|info|hint] [--lang en|zh-cn]

Checks Dockerfiles and Kubernetes manifests under the given paths (default: .).
Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage or internal error.`;

const severityNames: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const thresholds: Record<string, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

interface Options {
  paths: string[];
  threshold: DiagnosticSeverity;
  lang?: 'en' | 'zh-cn';
}

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'lint') return command === undefined || command === '--help' || command === '-h' ? '' : `unknown command "${command}"`;
  const options: Options = { paths: [], threshold: DiagnosticSeverity.Warning };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--severity-threshold') {
      const v = value();
      if (!v || !(v in thresholds)) return `--severity-threshold takes one of ${Object.keys(thresholds).join(', ')}`;
      options.threshold = thresholds[v];
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'en' && v !== 'zh-cn') return '--lang takes en or zh-cn';
      options.lang = v;
    } else if (flag === '--help' || flag === '-h') {
      return '';
    } else if (flag.startsWith('-') && flag !== '-') {
      return `unknown option "${flag}"`;
    } else {
      options.paths.push(arg);
    }
  }
  if (!options.paths.length) options.paths.push('.');
  return options;
}

function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (!result.diagnostics.length) continue;
    lines.push(result.path);
    for (const d of result.diagnostics) {
      lines.push(`  ${result.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityNames[d.severity ?? 1]} ${String(d.code ?? '')} ${d.message}`);
    }
  }
  return lines.join('\n');
}

export function main(argv: string[]): number {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    if (options) process.stderr.write(`stevedore: ${options}\n\n`);
    process.stderr.write(`${usage}\n`);
    return options ? 2 : 0;
  }
  const settings = normalizeSettings(undefined);
  const lang = options.lang ?? resolveDocsLanguage(settings, process.env.LANG?.split('.')[0]?.replace('_', '-'));
  let unreadable = 0;
  const files = discoverFiles(options.paths, (path, reason) => {
    unreadable++;
    process.stderr.write(`stevedore: cannot read ${path}: ${reason}\n`);
  });
  const results = files.map((file) => lintFile(file, settings, lang));
  const output = formatText(results);
  if (output) process.stdout.write(`${output}\n`);
  const counted = results.flatMap((r) => r.diagnostics);
  const atThreshold = counted.filter((d) => (d.severity ?? 1) <= options.threshold).length;
  const plural: Record<number, string> = { 1: 'errors', 2: 'warnings', 3: 'info', 4: 'hints' };
  const bySeverity = [1, 2, 3, 4].map((s) => `${counted.filter((d) => d.severity === s).length} ${plural[s]}`);
  process.stdout.write(`${files.length} files checked: ${bySeverity.join(', ')}\n`);
  if (unreadable) return 2;
  return atThreshold ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`stevedore: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 2;
}

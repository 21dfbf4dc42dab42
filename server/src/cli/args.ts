import type { DocsLanguage, Localized } from '../common/localized';
import { podSecuritySettings, ruleProfiles, type PodSecuritySetting, type RuleProfile } from '../common/settings';
import { docsLanguageOfLocale } from '../i18n/locale';
import { thresholdValues } from './report';

export const formats = ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab'] as const;
export type OutputFormat = (typeof formats)[number];

export interface LintOptions {
  paths: string[];
  format: OutputFormat;
  output?: string;
  /** Explicit `--severity-threshold` (LSP severity, 0 = none); else config files and the default decide. */
  threshold?: number;
  thresholdWord?: string;
  fix: boolean;
  stdinFilename?: string;
  lang?: DocsLanguage;
  quiet: boolean;
  colour?: boolean;
  gitignore: boolean;
  /** Lint big trees in worker threads (default); `--no-parallel` keeps one thread. */
  parallel?: boolean;
  /** `--profile`: which rules run, whatever `.stevedore.yaml` says (per-rule settings still apply). */
  profile?: RuleProfile;
  /** `--pod-security`: the Pod Security Standards level, whatever `.stevedore.yaml` says. */
  podSecurity?: PodSecuritySetting;
}

export type ParsedArgs =
  | { action: 'lint'; options: LintOptions }
  | { action: 'help' }
  | { action: 'version' }
  | { action: 'error'; message: Localized };

export const usageText: Record<DocsLanguage, string> = {
  en: `Usage: stevedore lint [paths…] [options]

Checks Dockerfiles and Kubernetes manifests with the same rules and config files as the editor.
Paths are files or folders (default: .); "-" reads standard input.

Options:
  -f, --format <name>            text (default), json, sarif, github, checkstyle or gitlab
  -o, --output <file>            write the report to a file instead of standard output
  --severity-threshold <level>   lowest severity that fails the run: error, warning (default),
                                 info, hint or none; overrides .hadolint.yaml failure-threshold
  --profile <name>               recommended (default) or strict (adds completeness advice:
                                 probes, resources, hardening…); overrides .stevedore.yaml profile
  --pod-security <level>         off, baseline or restricted: check pods against the Pod Security
                                 Standards; overrides .stevedore.yaml kubernetes.podSecurity
  --fix                          apply the safe quick fixes to the files (with "-": print the
                                 fixed text), then report what is left
  --stdin-filename <path>        name for "-": picks the language and where config files are found
  --lang <en|zh-cn>              message language (default: from LC_ALL / LC_MESSAGES / LANG)
  -q, --quiet                    report errors only
  --no-color, --color            turn colours off or on (default: on a terminal, honouring
                                 NO_COLOR and FORCE_COLOR)
  --no-gitignore                 also check files that .gitignore excludes
  --no-parallel                  use one thread (big trees are otherwise split over threads)
  -v, --version                  print the version
  -h, --help                     print this help

Config files, nearest to each file first: .stevedore.yaml (rule severities and other editor
settings), .hadolint.yaml (ignored, override, trustedRegistries, label-schema, strict-labels, failure-threshold, no-fail),
.kube-linter.yaml (checks include/exclude, ignorePaths).

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage, config or internal error.`,
  'zh-cn': `用法：stevedore lint [路径…] [选项]

使用与编辑器相同的规则和配置文件检查 Dockerfile 与 Kubernetes 清单。
路径可以是文件或文件夹（默认：.）；“-”表示从标准输入读取。

选项：
  -f, --format <名称>            text（默认）、json、sarif、github、checkstyle 或 gitlab
  -o, --output <文件>            将报告写入文件，而不是标准输出
  --severity-threshold <级别>    导致运行失败的最低严重级别：error、warning（默认）、info、
                                 hint 或 none；优先于 .hadolint.yaml 中的 failure-threshold
  --profile <名称>               recommended（默认）或 strict（另加完整性建议：探针、资源、
                                 加固等）；优先于 .stevedore.yaml 中的 profile
  --pod-security <级别>          off、baseline 或 restricted：按 Pod 安全标准检查 Pod；
                                 优先于 .stevedore.yaml 中的 kubernetes.podSecurity
  --fix                          将安全的快速修复应用到文件（配合“-”时输出修复后的文本），
                                 然后报告剩余的问题
  --stdin-filename <路径>        为“-”指定文件名：决定语言以及查找配置文件的位置
  --lang <en|zh-cn>              消息语言（默认取自 LC_ALL / LC_MESSAGES / LANG）
  -q, --quiet                    只报告错误
  --no-color, --color            关闭或开启颜色（默认：终端中开启，并遵循 NO_COLOR 与 FORCE_COLOR）
  --no-gitignore                 同时检查被 .gitignore 排除的文件
  --no-parallel                  只用一个线程（默认将大量文件分给多个线程检查）
  -v, --version                  显示版本
  -h, --help                     显示本帮助

配置文件（从每个文件所在目录向上查找，最近者优先）：.stevedore.yaml（规则级别及其他编辑器设置）、
.hadolint.yaml（ignored、override、trustedRegistries、label-schema、strict-labels、failure-threshold、no-fail）、
.kube-linter.yaml（checks 的 include/exclude、ignorePaths）。

退出码：0 表示没有达到阈值的问题，1 表示有问题，2 表示用法、配置或内部错误。`,
};

/** Options that take a value, by every spelling. */
const valueOptions = new Set(['--format', '-f', '--output', '-o', '--severity-threshold', '--stdin-filename', '--lang', '--profile', '--pod-security']);

function fail(en: string, zh: string): ParsedArgs {
  return { action: 'error', message: { en, zh } };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { action: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { action: 'version' };
  if (command !== 'lint') return fail(`unknown command "${command}" (try "stevedore lint .")`, `未知命令“${command}”（试试“stevedore lint .”）`);
  const options: LintOptions = { paths: [], format: 'text', fix: false, quiet: false, gitignore: true };
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      options.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (valueOptions.has(flag)) {
      value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') return fail(`${flag} needs a value`, `${flag} 需要一个值`);
    } else if (eq > 0) {
      return fail(`${flag} takes no value`, `${flag} 不接受值`);
    }
    switch (flag) {
      case '--format': case '-f':
        if (!(formats as readonly string[]).includes(value!)) return fail(`--format takes one of ${formats.join(', ')} (got "${value}")`, `--format 只能是 ${formats.join('、')} 之一（收到“${value}”）`);
        options.format = value as OutputFormat;
        break;
      case '--output': case '-o':
        options.output = value;
        break;
      case '--severity-threshold': {
        const word = value!.toLowerCase();
        if (!(word in thresholdValues)) return fail(`--severity-threshold takes one of ${Object.keys(thresholdValues).join(', ')} (got "${value}")`, `--severity-threshold 只能是 ${Object.keys(thresholdValues).join('、')} 之一（收到“${value}”）`);
        options.threshold = thresholdValues[word];
        options.thresholdWord = word;
        break;
      }
      case '--stdin-filename':
        options.stdinFilename = value;
        break;
      case '--profile': {
        const profile = value!.toLowerCase();
        if (!(ruleProfiles as readonly string[]).includes(profile)) return fail(`--profile takes ${ruleProfiles.join(' or ')} (got "${value}")`, `--profile 只能是 ${ruleProfiles.join(' 或 ')}（收到“${value}”）`);
        options.profile = profile as RuleProfile;
        break;
      }
      case '--pod-security': {
        const level = value!.toLowerCase();
        if (!(podSecuritySettings as readonly string[]).includes(level)) return fail(`--pod-security takes ${podSecuritySettings.join(', ')} (got "${value}")`, `--pod-security 只能是 ${podSecuritySettings.join('、')}（收到“${value}”）`);
        options.podSecurity = level as PodSecuritySetting;
        break;
      }
      case '--lang': {
        const lang = value!.toLowerCase().replace('_', '-');
        if (lang !== 'en' && lang !== 'zh-cn') return fail(`--lang takes en or zh-cn (got "${value}")`, `--lang 只能是 en 或 zh-cn（收到“${value}”）`);
        options.lang = lang;
        break;
      }
      case '--fix': options.fix = true; break;
      case '--quiet': case '-q': options.quiet = true; break;
      case '--no-color': case '--no-colour': options.colour = false; break;
      case '--color': case '--colour': options.colour = true; break;
      case '--no-gitignore': options.gitignore = false; break;
      case '--no-parallel': options.parallel = false; break;
      case '--help': case '-h': return { action: 'help' };
      case '--version': case '-v': return { action: 'version' };
      default:
        return fail(`unknown option "${arg}"`, `未知选项“${arg}”`);
    }
  }
  if (!options.paths.length) options.paths.push(options.stdinFilename !== undefined ? '-' : '.');
  if (options.paths.filter((p) => p === '-').length > 1) return fail('"-" (standard input) can be given once', '“-”（标准输入）只能出现一次');
  if (options.stdinFilename !== undefined && !options.paths.includes('-')) return fail('--stdin-filename needs "-" among the paths', '使用 --stdin-filename 时，路径中必须包含“-”');
  return { action: 'lint', options };
}

/** The locale's language: LC_ALL, then LC_MESSAGES, then LANG (POSIX order); zh_CN → zh-cn. */
export function localeLanguage(env: NodeJS.ProcessEnv): DocsLanguage {
  return docsLanguageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

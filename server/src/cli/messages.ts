import type { DocsLanguage } from '../common/localized';
import type { Counts, SeverityWord } from './report';

/** The command line's own words, in both languages (rule messages come from the rules). */

const severityNames: Record<SeverityWord, { en: string; zh: string }> = {
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  info: { en: 'info', zh: '信息' },
  hint: { en: 'hint', zh: '提示' },
};

export function severityLabel(word: SeverityWord, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? severityNames[word].zh : severityNames[word].en;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summaryLine(files: number, counts: Counts, threshold: string, lang: DocsLanguage): string {
  if (lang === 'zh-cn') {
    const found = `${counts.error} 个错误、${counts.warning} 个警告、${counts.info} 条信息、${counts.hint} 条提示`;
    const verdict = counts.failing ? `，其中 ${counts.failing} 个达到失败阈值（${threshold}）` : '';
    return `已检查 ${files} 个文件：${found}${verdict}`;
  }
  const found = [plural(counts.error, 'error', 'errors'), plural(counts.warning, 'warning', 'warnings'), `${counts.info} info`, plural(counts.hint, 'hint', 'hints')].join(', ');
  const verdict = counts.failing ? `; ${counts.failing} at or above the failure threshold (${threshold})` : '';
  return `${plural(files, 'file', 'files')} checked: ${found}${verdict}`;
}

export function fixedLine(path: string, rules: [string, number][], lang: DocsLanguage): string {
  const list = rules.map(([rule, count]) => (count > 1 ? `${rule} ×${count}` : rule)).join(', ');
  return lang === 'zh-cn' ? `已修复 ${path}：${list}` : `fixed ${path}: ${list}`;
}

export function skippedLine(path: string, reason: 'too-large' | 'binary' | 'unreadable', detail: string | undefined, lang: DocsLanguage): string {
  const zh = { 'too-large': '文件超过 1 MB，已跳过', binary: '二进制文件，已跳过', unreadable: `无法读取（${detail ?? ''}）` };
  const en = { 'too-large': 'skipped: larger than 1 MB', binary: 'skipped: binary file', unreadable: `cannot read (${detail ?? ''})` };
  return `stevedore: ${path}: ${lang === 'zh-cn' ? zh[reason] : en[reason]}`;
}

/** A file named on the command line that is neither a Dockerfile nor a manifest: said once, never linted. */
export function notOursLine(path: string, lang: DocsLanguage): string {
  return lang === 'zh-cn'
    ? `stevedore: ${path}：不是 Dockerfile 或 Kubernetes 清单（YAML/JSON），已跳过`
    : `stevedore: ${path}: skipped: not a Dockerfile or a Kubernetes manifest (YAML/JSON)`;
}

export function configProblemLine(path: string, message: string, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? `stevedore: 配置文件有误 ${path}：${message}` : `stevedore: bad config file ${path}: ${message}`;
}

export function configNoticeLine(path: string, message: string, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? `stevedore: 注意 ${path}：${message}` : `stevedore: note ${path}: ${message}`;
}

export function progressLine(done: number, total: number, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? `正在检查 ${done}/${total} 个文件…` : `checking ${done}/${total} files…`;
}

export function noFilesLine(lang: DocsLanguage): string {
  return lang === 'zh-cn' ? 'stevedore: 未找到 Dockerfile 或 Kubernetes 清单' : 'stevedore: no Dockerfiles or Kubernetes manifests found';
}

export function writeErrorLine(path: string, reason: string, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? `stevedore: 无法写入修复结果 ${path}（${reason}）` : `stevedore: cannot write the fixes to ${path} (${reason})`;
}

export function crashLine(path: string, reason: string, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? `stevedore: 检查 ${path} 时发生内部错误：${reason}` : `stevedore: internal error while checking ${path}: ${reason}`;
}

export function outputErrorLine(path: string, reason: string, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? `无法写入报告 ${path}（${reason}）` : `cannot write the report to ${path} (${reason})`;
}

import type { Localized } from '../../common/localized';
import { nodeRange, scalarAt } from '../yamlNodes';
import { perObject } from './context';

interface CronField {
  name: Localized;
  min: number;
  max: number;
  names?: string[];
}

const fields: CronField[] = [
  { name: { en: 'minute', zh: '分钟' }, min: 0, max: 59 },
  { name: { en: 'hour', zh: '小时' }, min: 0, max: 23 },
  { name: { en: 'day of month', zh: '日' }, min: 1, max: 31 },
  { name: { en: 'month', zh: '月' }, min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: { en: 'day of week', zh: '星期' }, min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const macros = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function fieldValue(text: string, field: CronField): number | undefined {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + field.min : undefined;
}

/** Validates a cron schedule the way the CronJob controller parses it. Returns the problem, if any. */
export function cronProblem(schedule: string): Localized | undefined {
  const text = schedule.trim();
  if (/^(CRON_)?TZ=/.test(text)) return { en: 'must not set a time zone with TZ= or CRON_TZ=; use the `timeZone` field', zh: '不能用 TZ= 或 CRON_TZ= 指定时区，请使用 `timeZone` 字段' };
  if (text.startsWith('@')) {
    if (macros.has(text)) return undefined;
    if (/^@every\s+(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
    return { en: `uses an unknown macro; use one of ${[...macros].join(', ')}`, zh: `使用了未知的宏，可用的有 ${[...macros].join('、')}` };
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) return { en: `has ${parts.length} fields; a schedule has 5 (minute hour day-of-month month day-of-week)`, zh: `有 ${parts.length} 个字段，计划应有 5 个（分 时 日 月 星期）` };
  for (let i = 0; i < 5; i++) {
    const field = fields[i];
    for (const item of parts[i].split(',')) {
      const problem = itemProblem(item, field);
      if (problem) return { en: `has an invalid ${field.name.en} field \`${parts[i]}\`: ${problem.en}`, zh: `的${field.name.zh}字段 \`${parts[i]}\` 无效：${problem.zh}` };
    }
  }
  return undefined;
}

/** robfig/cron v3 (the parser Kubernetes uses) reads `?` as `*` in every field, not only the day fields. */
function itemProblem(item: string, field: CronField): Localized | undefined {
  const [range, step, extra] = item.split('/');
  if (extra !== undefined) return { en: 'more than one "/"', zh: '包含多个 "/"' };
  if (step !== undefined && !/^\d{1,4}$/.test(step)) return { en: `step \`${step}\` is not a number`, zh: `步长 \`${step}\` 不是数字` };
  if (step !== undefined && Number(step) === 0) return { en: 'a step of 0', zh: '步长为 0' };
  if (range === '*' || range === '?') return undefined;
  const [from, to, more] = range.split('-');
  if (more !== undefined || from === '') return { en: `\`${range}\` is not a value or range`, zh: `\`${range}\` 不是有效的值或范围` };
  const low = fieldValue(from, field);
  const high = to === undefined ? low : fieldValue(to, field);
  if (low === undefined || high === undefined) return { en: `\`${range}\` is not a value`, zh: `\`${range}\` 不是有效的值` };
  if (low < field.min || high > field.max) return { en: `values run from ${field.min} to ${field.max}`, zh: `取值范围是 ${field.min} 到 ${field.max}` };
  if (low > high) return { en: `range \`${range}\` is backwards`, zh: `范围 \`${range}\` 的起止颠倒了` };
  return undefined;
}

export const cronScheduleInvalid = perObject({
  id: 'cron-schedule-invalid', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'Invalid CronJob schedule', zh: 'CronJob 调度计划无效' },
  docs: {
    en: 'A CronJob `schedule` has five fields — minute (0–59), hour (0–23), day of month (1–31), month (1–12 or JAN–DEC), day of week (0–6 or SUN–SAT) — each `*`, a value, a range `a-b`, a list `a,b`, optionally with a step `/n`; or a macro such as `@hourly` or `@daily`. The time zone goes in `timeZone`, not in the schedule.',
    zh: 'CronJob 的 `schedule` 有五个字段——分钟（0–59）、小时（0–23）、日（1–31）、月（1–12 或 JAN–DEC）、星期（0–6 或 SUN–SAT）——每个字段可以是 `*`、单个值、范围 `a-b`、列表 `a,b`，并可带步长 `/n`；也可以用 `@hourly`、`@daily` 等宏。时区应写在 `timeZone` 中，而不是计划里。',
  },
}, (object, { file }, report) => {
  if (object.kind !== 'CronJob' || !object.builtIn) return;
  const node = scalarAt(object.spec, 'schedule');
  if (!node || typeof node.value !== 'string' || /[${}]/.test(node.value)) return;
  const problem = cronProblem(node.value);
  if (problem) report({ range: nodeRange(file, node), message: { en: `The schedule \`${node.value}\` ${problem.en}.`, zh: `计划 \`${node.value}\` ${problem.zh}。` } });
});

const validZones = new Map<string, boolean>();
let canonicalZones: Set<string> | undefined;

export function isTimeZone(name: string): boolean {
  let valid = validZones.get(name);
  if (valid === undefined) {
    // The IANA database ships with Node's ICU: no file or network access. Kubernetes rejects
    // abbreviations such as `EST`, which ICU would accept. ICU's list of canonical zones answers
    // most names; only others (aliases such as `US/Eastern`, other spellings) need a
    // DateTimeFormat, whose first use maps ~8 MB of ICU data for the rest of the session.
    canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
    try {
      if (!canonicalZones.has(name)) new Intl.DateTimeFormat('en-US', { timeZone: name });
      valid = name === 'UTC' || name.includes('/') || name === 'GMT';
    } catch {
      valid = false;
    }
    if (validZones.size < 1000) validZones.set(name, valid);
  }
  return valid;
}

export const cronTimezoneInvalid = perObject({
  id: 'cron-timezone-invalid', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'Unknown CronJob time zone', zh: 'CronJob 时区无效' },
  docs: {
    en: '`timeZone` must be an IANA time zone name such as `Etc/UTC`, `Europe/Berlin` or `Asia/Shanghai`. Abbreviations like `CST` are ambiguous and rejected.',
    zh: '`timeZone` 必须是 IANA 时区名称，例如 `Etc/UTC`、`Europe/Berlin` 或 `Asia/Shanghai`。`CST` 之类的缩写含义不明确，会被拒绝。',
  },
}, (object, { file }, report) => {
  if (object.kind !== 'CronJob' || !object.builtIn) return;
  const node = scalarAt(object.spec, 'timeZone');
  if (!node || typeof node.value !== 'string' || isTimeZone(node.value)) return;
  report({ range: nodeRange(file, node), message: { en: `\`${node.value}\` is not an IANA time zone name.`, zh: `\`${node.value}\` 不是 IANA 时区名称。` } });
});

import type { Flag } from 'dockerfile-ast';
import { closest } from '../../common/didYouMean';
import type { Rule } from '../../common/rules';
import { isInstructionName } from '../docs/instructions';
import { mountOptionDocs, mountOptionsByType, isMountType, sharingValueDocs } from '../docs/mounts';
import { networkValueDocs, securityValueDocs } from '../docs/values';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf, flagsOf } from './facts';
import { booleanWords, instructionFlags, type FlagSpec } from './tables';

type Subject = DockerfileRuleSubject;

export { flagsOf };

/**
 * instructionFlags as Maps (own entries only, as the hasOwnProperty checks did): looked up for
 * every instruction and flag, where Map reads beat keyed reads of large record objects.
 */
const flagTables = new Map(Object.entries(instructionFlags).map(([keyword, table]) => [keyword, new Map(Object.entries(table))]));

function specOf(keyword: string, name: string): FlagSpec | undefined {
  return flagTables.get(keyword)?.get(name);
}

const hasVariable = (text: string) => text.includes('$');

export const unknownFlag: Rule<Subject> = {
  meta: {
    id: 'unknown-flag', scope: 'instruction', fixable: true,
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Unknown flag for the instruction', zh: '指令不支持的标志' },
    docs: {
      en: 'Each instruction accepts only its own flags (`--from` on COPY, `--mount` on RUN, `--interval` on HEALTHCHECK…). BuildKit stops the build at any other flag, so a typo here is a failed build.\n\nFix the spelling or remove the flag.',
      zh: '每条指令只接受自己的标志（COPY 的 `--from`、RUN 的 `--mount`、HEALTHCHECK 的 `--interval` 等）。遇到其他标志时 BuildKit 会直接终止构建，因此这里的拼写错误意味着构建失败。\n\n请修正拼写或删除该标志。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.instructions.forEach((instruction, index) => {
      const keyword = facts.keywords[index];
      // An unknown word has no flags to check: unknown-instruction reports the line once (often a lost RUN).
      if (keyword === 'ONBUILD' || !isInstructionName(keyword)) return;
      const flags = facts.flagsAt(index);
      if (flags.length === 0 && !flagTables.has(keyword)) {
        // dockerfile-ast reads flags only on some instructions; BuildKit parses them on all.
        const args = facts.lineArguments(instruction);
        for (let k = 0; k < args.length; k++) {
          const arg = args[k];
          const value = arg.getValue();
          if (!value.startsWith('--')) break; // the common case, without running the regex
          const match = /^--([A-Za-z][\w-]*)/.exec(value);
          if (!match) break;
          report({
            range: arg.getRange(),
            message: { en: `${keyword} takes no flags: remove --${match[1]}.`, zh: `${keyword} 不接受任何标志：请删除 --${match[1]}。` },
          });
        }
        return;
      }
      for (let k = 0; k < flags.length; k++) {
        const flag = flags[k];
        const name = flag.getName();
        if (specOf(keyword, name)) continue;
        const known = instructionFlags[keyword] ?? {};
        const suggestion = closest(name, Object.keys(known));
        report({
          range: flag.getRange(),
          message: Object.keys(known).length === 0
            ? { en: `${keyword} takes no flags: remove --${name}.`, zh: `${keyword} 不接受任何标志：请删除 --${name}。` }
            : suggestion
              ? { en: `Unknown flag --${name} for ${keyword}; did you mean --${suggestion}?`, zh: `${keyword} 没有 --${name} 标志；是否想写 --${suggestion}？` }
              : { en: `Unknown flag --${name} for ${keyword}. Valid flags: ${Object.keys(known).map((k) => `--${k}`).join(', ')}.`, zh: `${keyword} 没有 --${name} 标志。可用标志：${Object.keys(known).map((k) => `--${k}`).join('、')}。` },
          fixes: suggestion ? [fix({ en: `Change to --${suggestion}`, zh: `改为 --${suggestion}` }, [replace(flag.getNameRange(), suggestion)])] : undefined,
        });
      }
    });
  },
};

export const duplicateFlag: Rule<Subject> = {
  meta: {
    id: 'duplicate-flag', scope: 'instruction', fixable: true,
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Flag given twice', zh: '标志重复' },
    docs: {
      en: 'Apart from `--mount` and `--exclude`, a flag may appear only once per instruction; BuildKit rejects the second one.\n\nKeep the value you mean and delete the other.',
      zh: '除 `--mount` 和 `--exclude` 外，同一条指令中每个标志只能出现一次；BuildKit 会拒绝第二次出现的标志。\n\n保留需要的值，删除另一个。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.keywords.forEach((keyword, index) => {
      const flags = facts.flagsAt(index);
      if (flags.length < 2) return; // a duplicate needs two flags
      // Instructions carry a handful of flags: looking back beats a Set per instruction, which
      // only a long list (hostile input) still gets, to stay linear.
      const seen = flags.length > 16 ? new Set<string>() : undefined;
      for (let k = 0; k < flags.length; k++) {
        const flag = flags[k];
        const name = flag.getName();
        // Repeatability depends on the name alone, so an earlier flag of this name was counted too.
        if (specOf(keyword, name)?.repeatable) continue;
        if (seen ? seen.has(name) : nameBefore(flags, k, name)) {
          const range = flag.getRange();
          report({
            range,
            message: { en: `--${name} is given more than once; remove the duplicate.`, zh: `--${name} 出现了不止一次；请删除重复的标志。` },
            fixes: [fix({ en: `Remove this --${name}`, zh: `删除这个 --${name}` }, [replace({ start: { line: range.start.line, character: Math.max(0, range.start.character - 1) }, end: range.end }, '')])],
          });
        }
        seen?.add(name);
      }
    });
  },
};

function nameBefore(flags: readonly Flag[], index: number, name: string): boolean {
  for (let j = 0; j < index; j++) if (flags[j].getName() === name) return true;
  return false;
}

/** Go's time.ParseDuration, as BuildKit parses HEALTHCHECK durations. Returns ms or an error kind. */
/** Go's duration units in milliseconds. A plain object as always: `in` below also sees Object.prototype's names. */
const durationUnits: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
const dot = 46;
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Reads Go's duration syntax by index (one regex match and two substrings per part before). */
export function parseGoDuration(text: string): { ms: number } | { error: 'syntax' | 'unit'; unit?: string } {
  if (text === '0') return { ms: 0 };
  const sign = text.charCodeAt(0);
  let at = sign === 43 /* + */ || sign === 45 /* - */ ? 1 : 0;
  if (at >= text.length) return { error: 'syntax' };
  let total = 0;
  let guard = 0;
  while (at < text.length && guard++ < 64) {
    const numberEnd = durationNumberEnd(text, at);
    if (numberEnd === at) return { error: 'syntax' };
    let unitEnd = numberEnd;
    while (unitEnd < text.length && !isDigit(text.charCodeAt(unitEnd)) && text.charCodeAt(unitEnd) !== dot) unitEnd++;
    if (unitEnd === numberEnd) return { error: 'unit' };
    const unit = text.slice(numberEnd, unitEnd);
    if (!(unit in durationUnits)) return { error: 'unit', unit };
    total += Number(text.slice(at, numberEnd)) * durationUnits[unit];
    at = unitEnd;
  }
  return { ms: text.startsWith('-') ? -total : total };
}

/** End of the number `\d+\.?\d*` or `\.\d+` starting at `from`; `from` itself when there is none. */
function durationNumberEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === from) {
    if (text.charCodeAt(from) !== dot || !isDigit(text.charCodeAt(from + 1))) return from;
    i = from + 1;
  } else if (text.charCodeAt(i) === dot) {
    i++;
  } else {
    return i;
  }
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

type Problem = { en: string; zh: string };

function checkFlagValue(keyword: string, flag: Flag, spec: FlagSpec): Problem | undefined {
  const name = flag.getName();
  const value = flag.getValue();
  if (spec.kind === 'boolean') {
    if (value === null) return undefined;
    if (hasVariable(value) || booleanWords.has(value)) return undefined;
    return { en: `--${name} expects true or false, not "${value}".`, zh: `--${name} 的值应为 true 或 false，而不是 "${value}"。` };
  }
  if (value === null) return { en: `--${name} needs a value: write --${name}=<value>.`, zh: `--${name} 缺少值：请写成 --${name}=<值>。` };
  if (spec.kind === 'mount') return undefined; // invalid-mount checks the options
  if (value === '' ) return { en: `--${name} has an empty value.`, zh: `--${name} 的值为空。` };
  if (hasVariable(value)) return undefined;
  switch (spec.kind) {
    case 'duration': {
      const parsed = parseGoDuration(value);
      if ('error' in parsed) {
        return parsed.error === 'unit' && !parsed.unit
          ? { en: `--${name}=${value} is missing a unit: use e.g. 30s, 1m or 500ms.`, zh: `--${name}=${value} 缺少时间单位：例如 30s、1m 或 500ms。` }
          : parsed.error === 'unit'
            ? { en: `Unknown unit "${parsed.unit}" in --${name}=${value}; use ns, us, ms, s, m or h.`, zh: `--${name}=${value} 中的单位 "${parsed.unit}" 无效；可用 ns、us、ms、s、m、h。` }
            : { en: `--${name}=${value} is not a duration; use e.g. 30s or 1m30s.`, zh: `--${name}=${value} 不是有效的时长；例如 30s 或 1m30s。` };
      }
      if (parsed.ms < 0) return { en: `--${name} cannot be negative.`, zh: `--${name} 不能为负数。` };
      if (parsed.ms > 0 && parsed.ms < 1 && name !== 'start-period') return { en: `--${name} must be at least 1ms (or 0 for the default).`, zh: `--${name} 至少为 1ms（或为 0 表示默认值）。` };
      return undefined;
    }
    case 'integer':
      if (!/^-?\d+$/.test(value)) return { en: `--${name} expects a whole number, not "${value}".`, zh: `--${name} 的值应为整数，而不是 "${value}"。` };
      if (Number(value) < 0) return { en: `--${name} cannot be negative.`, zh: `--${name} 不能为负数。` };
      return undefined;
    case 'chmod':
      if (/^[0-7]{3,4}$/.test(value) || /^[ugoa]*[-+=][rwxXst]*(,[ugoa]*[-+=][rwxXst]*)*$/.test(value)) return undefined;
      return { en: `--chmod=${value} is not a file mode; use octal such as 755 or 0644.`, zh: `--chmod=${value} 不是有效的文件权限；请使用八进制，例如 755 或 0644。` };
    case 'network':
      if (networkValueDocs[value]) return undefined;
      return { en: `--network=${value} is not valid; use ${Object.keys(networkValueDocs).join(', ')}.`, zh: `--network=${value} 无效；可用值：${Object.keys(networkValueDocs).join('、')}。` };
    case 'security':
      if (securityValueDocs[value]) return undefined;
      return { en: `--security=${value} is not valid; use ${Object.keys(securityValueDocs).join(' or ')}.`, zh: `--security=${value} 无效；可用值：${Object.keys(securityValueDocs).join('、')}。` };
    case 'checksum':
      if (/^(sha256|sha384|sha512):[0-9a-fA-F]+$/.test(value) || /^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$/.test(value)) return undefined;
      return { en: `--checksum=${value} should be <algorithm>:<hex digest>, e.g. sha256:…, or a Git commit hash.`, zh: `--checksum=${value} 的格式应为 <算法>:<十六进制摘要>（例如 sha256:…），或 Git 提交哈希。` };
    default:
      return undefined;
  }
  void keyword;
}

export const invalidFlagValue: Rule<Subject> = {
  meta: {
    id: 'invalid-flag-value', scope: 'instruction',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Invalid flag value', zh: '标志值无效' },
    docs: {
      en: 'BuildKit validates flag values before building: HEALTHCHECK durations need a unit (`30s`, `1m`), `--retries` is a whole number, booleans such as `--link` take `true` or `false`, `--chmod` is an octal mode, `--network` is `default`, `none` or `host`, `--security` is `sandbox` or `insecure`, `--checksum` is `sha256:<digest>`. Flags other than booleans need `=value`.\n\nValues containing `$` variables are not checked.',
      zh: 'BuildKit 会在构建前校验标志值：HEALTHCHECK 的时长需要单位（`30s`、`1m`），`--retries` 为整数，`--link` 等布尔标志取 `true` 或 `false`，`--chmod` 为八进制权限，`--network` 为 `default`、`none` 或 `host`，`--security` 为 `sandbox` 或 `insecure`，`--checksum` 为 `sha256:<摘要>`。除布尔标志外，其他标志都必须写成 `=值`。\n\n包含 `$` 变量的值不做检查。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.keywords.forEach((keyword, index) => {
      const flags = facts.flagsAt(index);
      // An index loop: for…of allocates an iterator per instruction when this callback is not optimised.
      for (let k = 0; k < flags.length; k++) {
        const flag = flags[k];
        const spec = specOf(keyword, flag.getName());
        if (!spec) continue;
        const problem = checkFlagValue(keyword, flag, spec);
        if (problem) report({ range: flag.getValueRange() ?? flag.getRange(), message: problem });
      }
    });
  },
};

const mountBooleans = new Set(['rw', 'readwrite', 'ro', 'readonly', 'required']);
/** Podman/Buildah options (SELinux relabel, chown to the user namespace) that Containerfiles use. */
const podmanMountOptions = new Set(['z', 'Z', 'U', 'relabel']);

export const invalidMount: Rule<Subject> = {
  meta: {
    id: 'invalid-mount', scope: 'instruction', fixable: true,
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Invalid RUN --mount', zh: 'RUN --mount 无效' },
    docs: {
      en: '`RUN --mount` takes comma-separated `key=value` options. The type is `bind` (default), `cache`, `tmpfs`, `secret` or `ssh`; each type accepts its own keys (`sharing` only for caches, `size` only for tmpfs, `env` only for secrets…); bind, cache and tmpfs mounts need a `target`. BuildKit rejects anything else.',
      zh: '`RUN --mount` 接受逗号分隔的 `键=值` 选项。类型可以是 `bind`（默认）、`cache`、`tmpfs`、`secret` 或 `ssh`；每种类型只接受自己的键（`sharing` 只用于 cache，`size` 只用于 tmpfs，`env` 只用于 secret 等）；bind、cache 和 tmpfs 挂载必须指定 `target`。其他写法都会被 BuildKit 拒绝。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (const instruction of facts.instructionsWith('RUN')) {
      for (const flag of flagsOf(instruction)) {
        if (flag.getName() !== 'mount' || flag.getValue() === null || hasVariable(flag.getValue() ?? '')) continue;
        const options = flag.getOptions();
        const typeOption = options.find((o) => o.getName().toLowerCase() === 'type');
        const type = (typeOption?.getValue() ?? 'bind').toLowerCase();
        if (!isMountType(type)) {
          report({
            range: typeOption?.getValueRange() ?? flag.getRange(),
            message: { en: `Unknown mount type "${type}"; use bind, cache, tmpfs, secret or ssh.`, zh: `未知的挂载类型 "${type}"；可用 bind、cache、tmpfs、secret 或 ssh。` },
          });
          continue;
        }
        const allowed = mountOptionsByType[type];
        let hasTarget = false;
        for (const option of options) {
          if (podmanMountOptions.has(option.getName())) continue;
          const key = option.getName().toLowerCase();
          const value = option.getValue();
          const doc = mountOptionDocs[key];
          if (!doc) {
            const suggestion = closest(key, Object.keys(mountOptionDocs));
            report({
              range: option.getNameRange(),
              message: suggestion
                ? { en: `Unknown mount option "${key}"; did you mean "${suggestion}"?`, zh: `未知的挂载选项 "${key}"；是否想写 "${suggestion}"？` }
                : { en: `Unknown mount option "${key}".`, zh: `未知的挂载选项 "${key}"。` },
              fixes: suggestion ? [fix({ en: `Change to ${suggestion}`, zh: `改为 ${suggestion}` }, [replace(option.getNameRange(), suggestion)])] : undefined,
            });
            continue;
          }
          if (doc.name === 'target') hasTarget = true;
          if (!allowed.includes(doc.name) && !mountBooleans.has(key)) {
            report({
              range: option.getNameRange(),
              message: { en: `"${key}" does not apply to a ${type} mount.`, zh: `"${key}" 不适用于 ${type} 类型的挂载。` },
            });
            continue;
          }
          if (value === null) {
            if (!doc.flagLike) report({ range: option.getRange(), message: { en: `Mount option "${key}" needs a value: ${key}=<value>.`, zh: `挂载选项 "${key}" 缺少值：${key}=<值>。` } });
            continue;
          }
          if (hasVariable(value)) continue;
          const bad = mountValueProblem(doc.value, key, value);
          if (bad) report({ range: option.getValueRange() ?? option.getRange(), message: bad });
        }
        // A bind mount without target is accepted (BuildKit's own Dockerfile uses `--mount=from=…`).
        if (!hasTarget && (type === 'cache' || type === 'tmpfs')) {
          report({
            range: flag.getRange(),
            message: { en: `A ${type} mount needs target=<path>.`, zh: `${type} 挂载必须指定 target=<路径>。` },
          });
        }
      }
    }
  },
};

function mountValueProblem(kind: string, key: string, value: string): Problem | undefined {
  switch (kind) {
    case 'boolean':
      return booleanWords.has(value) ? undefined : { en: `"${key}" expects true or false, not "${value}".`, zh: `"${key}" 的值应为 true 或 false，而不是 "${value}"。` };
    case 'sharing':
      return sharingValueDocs[value] ? undefined : { en: `sharing=${value} is not valid; use shared, private or locked.`, zh: `sharing=${value} 无效；可用 shared、private 或 locked。` };
    case 'integer':
      return /^\d+$/.test(value) ? undefined : { en: `"${key}" expects a whole number, not "${value}".`, zh: `"${key}" 的值应为整数，而不是 "${value}"。` };
    case 'mode':
      return /^[0-7]{1,4}$/.test(value) ? undefined : { en: `mode=${value} is not an octal file mode (e.g. 0755).`, zh: `mode=${value} 不是八进制文件权限（例如 0755）。` };
    case 'size':
      return /^\d+(\.\d+)?\s*([kmgtp]i?b?|b)?$/i.test(value) ? undefined : { en: `size=${value} is not a size; use bytes or a unit such as 64m.`, zh: `size=${value} 不是有效的大小；请使用字节数或带单位的值，例如 64m。` };
    case 'path': case 'id': case 'stage': case 'envName':
      return value === '' ? { en: `"${key}" has an empty value.`, zh: `"${key}" 的值为空。` } : undefined;
    default:
      return undefined;
  }
}

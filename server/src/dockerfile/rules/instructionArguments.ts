import { Arg, Env, Label, type Argument, type Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { Rule } from '../../common/rules';
import { buildkitWords } from '../buildkitWords';
import { isInstructionName } from '../docs/instructions';
import type { DockerfileModel } from '../model';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf, type DockerfileFacts } from './facts';
import { signalNames } from './tables';

type Subject = DockerfileRuleSubject;

/**
 * The instruction's argument text as BuildKit sees it after flags: continuation lines joined,
 * comment lines inside the continuation dropped, heredoc bodies left out.
 */
export function argumentText(model: DockerfileModel, facts: DockerfileFacts, instruction: Instruction): { text: string; range: Range } | undefined {
  const args = facts.lineArguments(instruction);
  if (args.length === 0) return undefined;
  const range = { start: args[0].getRange().start, end: args[args.length - 1].getRange().end };
  const raw = model.document.getText(range);
  const escape = facts.semantics.escapeChar; // read once per model (dockerfile-ast works it out on every call)
  // One line (the usual case): the same result as the general path below, without splitting and joining.
  if (!raw.includes('\n')) {
    const trimmed = raw.trimEnd();
    return { text: trimmed.endsWith(escape) ? trimmed.slice(0, -1) : raw, range };
  }
  const text = raw
    .split(/\r?\n/)
    .filter((line, i) => i === 0 || !line.trimStart().startsWith('#'))
    .map((line) => (line.trimEnd().endsWith(escape) ? line.trimEnd().slice(0, -1) : line))
    .join('');
  return { text, range };
}

/** A JSON array of strings, as BuildKit's exec form requires; undefined when not valid. */
export function parseJsonArray(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Does an argument's value pass the test? (A loop with module-level tests: this runs for every ENV, LABEL and ARG.) */
function someValue(args: readonly Argument[], test: (value: string) => boolean): boolean {
  for (let k = 0; k < args.length; k++) if (test(args[k].getValue())) return true;
  return false;
}

const hasQuote = (value: string) => value.includes('"') || value.includes("'");
const startsWithEquals = (value: string) => value.startsWith('=');
const notPlainAssignment = (value: string) => !/^[^=\s"'$]+=/.test(value);

type Problem = { range: Range; en: string; zh: string };
/** The answer for the many instructions with nothing to report (read-only, shared). */
const noProblems: Problem[] = [];

/** ENV/LABEL/ARG values go through BuildKit's word processing, which fails on an unclosed quote. */
function unbalancedQuote(model: DockerfileModel, facts: DockerfileFacts, instruction: Instruction): { kind: 'single' | 'double'; range: Range } | undefined {
  const args = facts.lineArguments(instruction);
  if (!someValue(args, hasQuote)) return undefined;
  const found = argumentText(model, facts, instruction);
  if (!found) return undefined;
  const escape = facts.semantics.escapeChar; // read once per model (dockerfile-ast works it out on every call)
  let open: '"' | "'" | undefined;
  for (let i = 0; i < found.text.length; i++) {
    const ch = found.text[i];
    if (ch === escape && open !== "'") i++;
    else if (open === undefined && (ch === '"' || ch === "'")) open = ch;
    else if (ch === open) open = undefined;
  }
  return open ? { kind: open === '"' ? 'double' : 'single', range: found.range } : undefined;
}

function propertyProblems(instruction: Arg | Env | Label, keyword: string): Problem[] {
  const properties = instruction.getProperties();
  const problems: Problem[] = [];
  if (keyword === 'ARG') {
    for (const property of properties) {
      if (!property.getName()) problems.push({ range: property.getRange(), en: 'ARG names cannot be blank.', zh: 'ARG 名称不能为空。' });
    }
    return problems;
  }
  const withEquals = properties.filter((p) => p.getAssignmentOperator() === '=');
  if (withEquals.length > 0) {
    for (const property of properties) {
      if (!property.getName()) problems.push({ range: property.getRange(), en: `${keyword} names cannot be blank.`, zh: `${keyword} 名称不能为空。` });
      else if (property.getAssignmentOperator() !== '=') {
        problems.push({ range: property.getRange(), en: `Missing = in "${property.getName()}": write name=value.`, zh: `"${property.getName()}" 缺少 =：请写成 名称=值。` });
      }
    }
  } else if (properties.length === 1 && properties[0].getValue() === null) {
    problems.push({ range: properties[0].getRange(), en: `${keyword} ${properties[0].getName()} has no value: write ${properties[0].getName()}=<value>.`, zh: `${keyword} ${properties[0].getName()} 没有值：请写成 ${properties[0].getName()}=<值>。` });
  }
  return problems;
}

function argumentProblems(model: DockerfileModel, facts: DockerfileFacts, instruction: Instruction, keyword: string): Problem[] {
  const args = facts.lineArguments(instruction);
  if (args.length === 0) {
    // BuildKit accepts a bare RUN/CMD/ENTRYPOINT (an empty command); unknown words are reported elsewhere.
    if (!isInstructionName(keyword) || keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') return noProblems;
    return [{ range: instruction.getInstructionRange(), en: `${keyword} has no arguments.`, zh: `${keyword} 缺少参数。` }];
  }
  switch (keyword) {
    case 'FROM': {
      if (args.length === 2) return [{ range: args[1].getRange(), en: 'FROM takes an image, optionally followed by AS <name>.', zh: 'FROM 的格式为镜像名，后面可选 AS <名称>。' }];
      if (args.length >= 3 && args[1].getValue().toUpperCase() !== 'AS') return [{ range: args[1].getRange(), en: `Expected AS here, not "${args[1].getValue()}".`, zh: `这里应为 AS，而不是 "${args[1].getValue()}"。` }];
      if (args.length > 3) return [{ range: { start: args[3].getRange().start, end: args[args.length - 1].getRange().end }, en: 'FROM has extra arguments after the stage name.', zh: 'FROM 在阶段名之后有多余的参数。' }];
      return noProblems;
    }
    case 'HEALTHCHECK': {
      const type = args[0].getValue().toUpperCase();
      if (type === 'NONE') {
        return args.length > 1 ? [{ range: { start: args[1].getRange().start, end: args[args.length - 1].getRange().end }, en: 'HEALTHCHECK NONE takes no arguments.', zh: 'HEALTHCHECK NONE 不接受参数。' }] : noProblems;
      }
      if (type !== 'CMD') return [{ range: args[0].getRange(), en: `Unknown HEALTHCHECK type "${args[0].getValue()}"; use CMD or NONE.`, zh: `未知的 HEALTHCHECK 类型 "${args[0].getValue()}"；请使用 CMD 或 NONE。` }];
      return args.length < 2 ? [{ range: args[0].getRange(), en: 'HEALTHCHECK CMD needs a command.', zh: 'HEALTHCHECK CMD 后面缺少命令。' }] : noProblems;
    }
    case 'COPY': case 'ADD': {
      if (args.length < 2) return [{ range: instruction.getInstructionRange(), en: `${keyword} needs a source and a destination.`, zh: `${keyword} 需要源路径和目标路径。` }];
      if (args[0].getValue().startsWith('[') || !someValue(args, hasQuote)) return noProblems;
      // BuildKit splits shell-form COPY/ADD at every space before it removes quotes: "a b" is two broken words.
      const broken = buildkitWords(model, args, facts.semantics.escapeChar).find((word) => !word.complete);
      return broken
        ? [{ range: broken.range, en: `${keyword} splits its arguments at spaces before reading quotes, so this quote is never closed; for paths with spaces use the JSON form: ${keyword} ["my file", "/dest/"].`, zh: `${keyword} 会先按空格拆分参数、再处理引号，因此这个引号没有闭合；路径含空格时请使用 JSON 形式：${keyword} ["my file", "/dest/"]。` }]
        : noProblems;
    }
    case 'SHELL': {
      const text = argumentText(model, facts, instruction);
      const parsed = text ? parseJsonArray(text.text) : undefined;
      if (!parsed) return [{ range: text?.range ?? instruction.getInstructionRange(), en: 'SHELL must be a JSON array, e.g. ["/bin/bash", "-c"].', zh: 'SHELL 必须写成 JSON 数组，例如 ["/bin/bash", "-c"]。' }];
      return parsed.length === 0 ? [{ range: text!.range, en: 'SHELL needs at least the shell executable.', zh: 'SHELL 至少要指定 shell 可执行文件。' }] : noProblems;
    }
    case 'ENV': case 'LABEL': case 'ARG': {
      // Fast path: dockerfile-ast's property parsing is costly, and most lines are plain `k=v`.
      const quote = unbalancedQuote(model, facts, instruction);
      if (quote) return [{ range: quote.range, en: `Unterminated ${quote.kind} quote in ${keyword}; close it or escape it.`, zh: `${keyword} 中的${quote.kind === 'double' ? '双' : '单'}引号没有闭合；请补全或转义它。` }];
      const plain = keyword === 'ARG'
        ? !someValue(args, startsWithEquals)
        : !someValue(args, notPlainAssignment);
      return plain ? noProblems : propertyProblems(instruction as Arg | Env | Label, keyword);
    }
    default:
      return noProblems;
  }
}

export const instructionArguments: Rule<Subject> = {
  meta: {
    id: 'instruction-arguments', scope: 'instruction',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Missing or extra arguments', zh: '参数缺失或多余' },
    docs: {
      en: 'Each instruction has a fixed shape: `FROM <image> [AS <name>]`, `COPY <src>… <dest>`, `ENV <name>=<value>…`, `HEALTHCHECK CMD <command>` or `HEALTHCHECK NONE`, `SHELL ["exe", "arg"]`, and every instruction needs at least one argument. BuildKit refuses the file when the shape is wrong.\n\nShell-form `COPY`/`ADD` arguments are split at every space before quotes are read, so `COPY "my file" /app/` leaves a quote open and fails; paths with spaces need the JSON form `COPY ["my file", "/app/"]`.',
      zh: '每条指令都有固定的格式：`FROM <镜像> [AS <名称>]`、`COPY <源>… <目标>`、`ENV <名称>=<值>…`、`HEALTHCHECK CMD <命令>` 或 `HEALTHCHECK NONE`、`SHELL ["程序", "参数"]`，并且每条指令至少需要一个参数。格式不对时 BuildKit 会拒绝该文件。\n\nshell 形式的 `COPY`/`ADD` 参数会先在每个空格处拆分、再处理引号，因此 `COPY "my file" /app/` 会留下未闭合的引号而失败；路径含空格时需要使用 JSON 形式 `COPY ["my file", "/app/"]`。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.instructions.forEach((instruction, index) => {
      const problems = argumentProblems(model, facts, instruction, facts.keywords[index]);
      // An index loop: for…of allocates an iterator per instruction when this callback is not optimised.
      for (let k = 0; k < problems.length; k++) {
        const problem = problems[k];
        report({ range: problem.range, message: { en: problem.en, zh: problem.zh } });
      }
    });
  },
};

const jsonFormInstructions = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME', 'ADD', 'COPY']);

export const malformedJsonArray: Rule<Subject> = {
  meta: {
    id: 'malformed-json-array', scope: 'instruction', fixable: true,
    aliases: [],
    severity: 'warning',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Looks like JSON but is not', zh: '看似 JSON 实则不是' },
    docs: {
      en: 'The exec form must be a valid JSON array of strings with double quotes: `CMD ["node", "app.js"]`. Anything else that starts with `[` (single quotes, a missing bracket, a nested array) is silently treated as shell form, so the shell is asked to run a command literally named `[\'node\',`.\n\nWrite valid JSON with double quotes.',
      zh: 'exec 形式必须是使用双引号的合法 JSON 字符串数组：`CMD ["node", "app.js"]`。其他以 `[` 开头的写法（单引号、缺少括号、嵌套数组）都会被悄悄当作 shell 形式处理，于是 shell 会去执行一个名字就叫 `[\'node\',` 的命令。\n\n请写成使用双引号的合法 JSON。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.instructions.forEach((instruction, index) => {
      const keyword = facts.keywords[index];
      if (!jsonFormInstructions.has(keyword)) return;
      const first = facts.lineArguments(instruction)[0];
      if (!first || !first.getValue().startsWith('[')) return;
      const found = argumentText(model, facts, instruction);
      // Only text that tries to be JSON: `[` then a quote or `]` (PowerShell's `[Net.…]::` is not).
      if (!found || !/^\s*\[\s*(["'\]]|$)/.test(found.text) || parseJsonArray(found.text)) return;
      if (keyword === 'SHELL') return; // instruction-arguments reports it as an error
      const doubled = found.text.replace(/'/g, '"');
      if (found.text.includes("'") && parseJsonArray(doubled) && !found.text.includes('"')) {
        report({
          range: found.range,
          message: { en: 'JSON arrays need double quotes; with single quotes this runs as a shell command.', zh: 'JSON 数组必须使用双引号；使用单引号时会被当作 shell 命令执行。' },
          fixes: model.document.getText(found.range) === found.text
            ? [fix({ en: 'Use double quotes', zh: '改用双引号' }, [replace(found.range, doubled)])]
            : undefined,
        });
        return;
      }
      report({
        range: found.range,
        message: { en: 'Not a valid JSON array of strings, so it runs as a shell command; fix the JSON.', zh: '不是合法的 JSON 字符串数组，因此会被当作 shell 命令执行；请修正 JSON。' },
      });
    });
  },
};

export const invalidStopsignal: Rule<Subject> = {
  meta: {
    id: 'invalid-stopsignal', scope: 'instruction',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Unknown stop signal', zh: '未知的停止信号' },
    docs: {
      en: '`STOPSIGNAL` takes a signal name (`SIGTERM`, `SIGQUIT`, `SIGRTMIN+3`…, the `SIG` prefix is optional) or a positive signal number. An unknown name makes the container fail to stop as intended.',
      zh: '`STOPSIGNAL` 接受信号名称（`SIGTERM`、`SIGQUIT`、`SIGRTMIN+3` 等，`SIG` 前缀可省略）或正整数信号编号。未知的名称会让容器无法按预期停止。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (const instruction of facts.instructionsWith('STOPSIGNAL')) {
      const args = facts.lineArguments(instruction);
      if (args.length !== 1) continue;
      const value = args[0].getValue();
      if (value.includes('$')) continue;
      if (/^\d+$/.test(value) && Number(value) > 0) continue;
      const name = value.toUpperCase().replace(/^SIG/, '');
      if (signalNames.has(name) || /^RTMIN\+\d+$/.test(name) || /^RTMAX-\d+$/.test(name)) continue;
      report({ range: args[0].getRange(), message: { en: `Unknown signal "${value}"; use a name such as SIGTERM or a number.`, zh: `未知的信号 "${value}"；请使用 SIGTERM 这样的名称或信号编号。` } });
    }
  },
};

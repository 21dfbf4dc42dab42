import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { Rule, RuleMeta } from '../../common/rules';
import { isInstructionName } from '../docs/instructions';
import type { Stage } from '../semantic';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf, type DockerfileFacts } from './facts';
import { copyOperands } from './copyOperands';
import { argumentText } from './instructionArguments';

type Subject = DockerfileRuleSubject;

/**
 * The instructions with `keyword`, one list per stage that has any, stages in file order: read from
 * the keyword's own list instead of filtering every instruction of every stage. The instructions
 * before the first FROM (stage index -1) are a group of their own: fragments are checked too.
 */
function byStage(facts: DockerfileFacts, keyword: string): Instruction[][] {
  const groups: Instruction[][] = [];
  let current: number | undefined;
  for (const instruction of facts.instructionsWith(keyword)) {
    const stage = facts.stageIndexOf(instruction);
    if (stage !== current) {
      groups.push([]);
      current = stage;
    }
    groups[groups.length - 1].push(instruction);
  }
  return groups;
}

function lastOneWins(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', meta: RuleMeta): Rule<Subject> {
  return {
    meta,
    check({ model }, report) {
      const facts = factsOf(model);
      for (const found of byStage(facts, keyword)) {
        const last = found[found.length - 1];
        for (const instruction of found.slice(0, -1)) {
          const range = instruction.getRange();
          report({
            range,
            message: { en: `Only the last ${keyword} of a stage takes effect (line ${last.getRange().start.line + 1}); remove this one.`, zh: `一个阶段中只有最后一条 ${keyword} 生效（第 ${last.getRange().start.line + 1} 行）；请删除这一条。` },
            fixes: [fix({ en: `Remove this ${keyword}`, zh: `删除这条 ${keyword}` }, [replace({ start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, '')], false)],
          });
        }
      }
    },
  };
}

const multipleDocs = (keyword: string) => ({
  en: `A stage keeps only its last \`${keyword}\`; earlier ones are overwritten and do nothing, which usually means a leftover or a merge mistake.\n\nKeep one \`${keyword}\` per stage.`,
  zh: `一个阶段只保留最后一条 \`${keyword}\`；之前的会被覆盖而不起作用，这通常是遗留代码或合并失误。\n\n每个阶段只保留一条 \`${keyword}\`。`,
});

export const multipleCmd = lastOneWins('CMD', {
  id: 'multiple-cmd', scope: 'file', fixable: true, aliases: ['DL4003'], groups: ['MultipleInstructionsDisallowed'], severity: 'warning', category: 'semantics', profile: 'recommended', tag: 'unnecessary',
  title: { en: 'More than one CMD in a stage', zh: '一个阶段中有多条 CMD' }, docs: multipleDocs('CMD'),
});
export const multipleEntrypoint = lastOneWins('ENTRYPOINT', {
  id: 'multiple-entrypoint', scope: 'file', fixable: true, aliases: ['DL4004'], groups: ['MultipleInstructionsDisallowed'], severity: 'warning', category: 'semantics', profile: 'recommended', tag: 'unnecessary',
  title: { en: 'More than one ENTRYPOINT in a stage', zh: '一个阶段中有多条 ENTRYPOINT' }, docs: multipleDocs('ENTRYPOINT'),
});
export const multipleHealthcheck = lastOneWins('HEALTHCHECK', {
  id: 'multiple-healthcheck', scope: 'file', fixable: true, aliases: ['DL3012'], groups: ['MultipleInstructionsDisallowed'], severity: 'warning', category: 'semantics', profile: 'recommended', tag: 'unnecessary',
  title: { en: 'More than one HEALTHCHECK in a stage', zh: '一个阶段中有多条 HEALTHCHECK' }, docs: multipleDocs('HEALTHCHECK'),
});

export const copyMultipleSourcesDestination: Rule<Subject> = {
  meta: {
    id: 'copy-multiple-sources-destination', scope: 'instruction', fixable: true,
    aliases: ['DL3021'],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Several sources need a directory destination', zh: '多个源需要以目录作为目标' },
    docs: {
      en: 'With more than one source, `COPY` and `ADD` copy into a directory, and the destination must say so with a trailing `/` (`COPY a b /app/`); otherwise the build fails.',
      zh: '有多个源时，`COPY` 和 `ADD` 会复制到一个目录中，目标路径必须以 `/` 结尾来表明这一点（`COPY a b /app/`），否则构建会失败。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.instructions.forEach((instruction, index) => {
      const keyword = facts.keywords[index];
      if (keyword !== 'COPY' && keyword !== 'ADD') return;
      const operands = copyOperands(model, instruction);
      if (!operands) return;
      const count = operands.sources.length + 1;
      const destination = operands.dest.value;
      if (count <= 2 || destination.includes('$')) return;
      if (destination.endsWith('/') || destination.endsWith('\\')) return;
      report({
        range: operands.dest.range,
        message: { en: `With ${count - 1} sources the destination must end with "/": ${destination}/`, zh: `有 ${count - 1} 个源时，目标路径必须以 "/" 结尾：${destination}/` },
        fixes: operands.json ? undefined : [fix({ en: 'Add a trailing /', zh: '在末尾加上 /' }, [trailingSlashEdit(operands.dest.range, operands.dest.word?.raw ?? '')])],
      });
    });
  },
};

/** Adds `/` at the end of a destination word, inside its closing quote when it has one (`"/opt"` → `"/opt/"`). */
function trailingSlashEdit(range: Range, raw: string) {
  const last = raw[raw.length - 1];
  const insideQuote = (last === '"' || last === "'") && range.start.line === range.end.line && range.end.character > 0;
  const at = insideQuote ? { line: range.end.line, character: range.end.character - 1 } : range.end;
  return replace({ start: at, end: at }, '/');
}

function unquote(text: string): string {
  return text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0]) ? text.slice(1, -1) : text;
}

/**
 * Absolute on Linux (`/app`) or Windows (`C:\app`, `c:/app`, `\app`, `\\server\share`), or starts
 * with a variable. A drive letter alone counts: with the default escape character `C:\app` reaches
 * us as `C:app`.
 */
export function isAbsoluteOrVariable(path: string): boolean {
  return /^(\/|\\|[A-Za-z]:|\$)/.test(path);
}

export const relativeWorkdir: Rule<Subject> = {
  meta: {
    id: 'relative-workdir', scope: 'stage',
    aliases: ['DL3000', 'WorkdirRelativePath'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Relative WORKDIR', zh: 'WORKDIR 使用了相对路径' },
    docs: {
      en: 'A relative `WORKDIR` is resolved against the previous working directory, which comes from the base image when this stage never set an absolute one. When the base image changes its WORKDIR, your files move with it.\n\nUse an absolute path (`/app`, or `C:\\app` on Windows). Paths starting with a variable are not reported, and a relative WORKDIR after an absolute one in the same stage is fine.',
      zh: '相对路径的 `WORKDIR` 是相对于之前的工作目录解析的；如果本阶段从未设置过绝对路径，这个目录就来自基础镜像。一旦基础镜像更改了 WORKDIR，你的文件也会随之移动。\n\n请使用绝对路径（`/app`，Windows 上为 `C:\\app`）。以变量开头的路径不会报告；同一阶段中在绝对路径 WORKDIR 之后使用相对路径也没有问题。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    const hasAbsolute = new Map<Stage, boolean>();
    const workdirs = new Map<number, Instruction[]>();
    for (const group of byStage(facts, 'WORKDIR')) workdirs.set(facts.stageIndexOf(group[0]), group);
    // Index -1: the WORKDIRs before the first FROM, judged on their own.
    for (const stage of [undefined, ...facts.semantics.stages]) {
      let absolute = stage?.baseStage ? hasAbsolute.get(stage.baseStage) ?? false : false;
      for (const instruction of workdirs.get(stage?.index ?? -1) ?? []) {
        const args = facts.lineArguments(instruction);
        if (args.length === 0) continue;
        const path = unquote(args.map((a) => a.getValue()).join(' '));
        if (isAbsoluteOrVariable(path)) {
          absolute = true;
          continue;
        }
        if (absolute) continue;
        report({
          range: { start: args[0].getRange().start, end: args[args.length - 1].getRange().end },
          message: { en: `WORKDIR ${path} is relative to the base image's directory; use an absolute path.`, zh: `WORKDIR ${path} 是相对于基础镜像工作目录的路径；请使用绝对路径。` },
        });
      }
      if (stage) hasAbsolute.set(stage, absolute);
    }
  },
};

function quoteForLabel(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const maintainerDeprecated: Rule<Subject> = {
  meta: {
    id: 'maintainer-deprecated', scope: 'instruction', fixable: true,
    aliases: ['DL4000', 'MaintainerDeprecated'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    tag: 'deprecated',
    title: { en: 'MAINTAINER is deprecated', zh: 'MAINTAINER 已弃用' },
    docs: {
      en: '`MAINTAINER` is deprecated: tools read the author from the OCI label instead.\n\nUse `LABEL org.opencontainers.image.authors="Name <email>"` (the quick fix rewrites it).',
      zh: '`MAINTAINER` 已被弃用：工具改为从 OCI 标签读取作者信息。\n\n请使用 `LABEL org.opencontainers.image.authors="姓名 <邮箱>"`（快速修复会自动改写）。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (const instruction of facts.instructionsWith('MAINTAINER')) {
      const found = argumentText(model, facts, instruction);
      const author = unquote((found?.text ?? '').trim());
      report({
        range: instruction.getInstructionRange(),
        message: { en: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors.', zh: 'MAINTAINER 已弃用；请使用 LABEL org.opencontainers.image.authors。' },
        fixes: author
          ? [fix({ en: 'Replace with LABEL org.opencontainers.image.authors', zh: '替换为 LABEL org.opencontainers.image.authors' }, [replace(instruction.getRange(), `LABEL org.opencontainers.image.authors=${quoteForLabel(author)}`)])]
          : undefined,
      });
    }
  },
};

function stageHasShell(facts: DockerfileFacts, stage: Stage | undefined, before: Instruction): boolean {
  for (let current = stage, depth = 0; current && depth < 256; current = current.baseStage, depth++) {
    for (const instruction of current.instructions) {
      if (current === stage && instruction.getRange().start.line >= before.getRange().start.line) break;
      if (facts.keywordOf(instruction) === 'SHELL') return true;
    }
  }
  return false;
}

/** Words that can move to exec form unchanged: no quoting, expansion or shell operators. */
const plainWords = /^[A-Za-z0-9_./:=@%+,-]+(\s+[A-Za-z0-9_./:=@%+,-]+)*$/;

export const jsonArgsRecommended: Rule<Subject> = {
  meta: {
    id: 'json-args-recommended', scope: 'stage', fixable: true,
    aliases: ['DL3025', 'JSONArgsRecommended'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: { en: 'Use JSON (exec) form for CMD and ENTRYPOINT', zh: 'CMD 和 ENTRYPOINT 请使用 JSON（exec）形式' },
    differences: {
      en: 'Follows BuildKit. hadolint\'s DL3025 also reports a shell-form `HEALTHCHECK CMD`; Stevedore does not, because the health check is not the container\'s main process and stop signals do not concern it.',
      zh: '与 BuildKit 一致。hadolint 的 DL3025 还会报告 shell 形式的 `HEALTHCHECK CMD`；Stevedore 不报告，因为健康检查不是容器的主进程，停止信号与它无关。',
    },
    docs: {
      en: 'In shell form (`CMD node app.js`) the command runs as a child of `/bin/sh -c`: it is not PID 1, does not receive `SIGTERM` on `docker stop`, and is killed after the timeout. The exec form `CMD ["node", "app.js"]` runs it directly.\n\nIf you need shell features, make that explicit: `CMD ["sh", "-c", "…"]`. Not reported in stages that set their own `SHELL` (or build on a stage that does), as in BuildKit.',
      zh: '在 shell 形式（`CMD node app.js`）下，命令作为 `/bin/sh -c` 的子进程运行：它不是 PID 1，`docker stop` 时收不到 `SIGTERM`，超时后会被强制杀死。exec 形式 `CMD ["node", "app.js"]` 则直接运行该命令。\n\n如果确实需要 shell 功能，请显式写出：`CMD ["sh", "-c", "…"]`。与 BuildKit 一样，在设置了自己的 `SHELL`（或基于这样的阶段）的阶段中不报告。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.instructions.forEach((instruction, index) => {
      const keyword = facts.keywords[index];
      if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT') return;
      const found = argumentText(model, facts, instruction);
      if (!found || found.text.trimStart().startsWith('[')) return;
      if (stageHasShell(facts, facts.stageOf(instruction), instruction)) return;
      const text = found.text.trim();
      const canConvert = plainWords.test(text) && model.document.getText(found.range) === found.text;
      report({
        range: found.range,
        message: { en: `Use JSON form for ${keyword} so the process gets stop signals, e.g. ${keyword} ["…"].`, zh: `${keyword} 请使用 JSON 形式，让进程能收到停止信号，例如 ${keyword} ["…"]。` },
        fixes: canConvert
          ? [fix({ en: 'Convert to JSON form', zh: '转换为 JSON 形式' }, [replace(found.range, JSON.stringify(text.split(/\s+/)).replace(/","/g, '", "'))])]
          : undefined,
      });
    });
  },
};

const keywordUpper = 1;
const keywordLower = 2;
const skipped = 3;

export const legacyKeyValueFormat: Rule<Subject> = {
  meta: {
    id: 'legacy-key-value-format', scope: 'instruction', fixable: true,
    aliases: ['LegacyKeyValueFormat'],
    severity: 'warning',
    category: 'style',
    profile: 'recommended',
    title: { en: 'Legacy "ENV key value" form', zh: '旧式 "ENV key value" 写法' },
    docs: {
      en: '`ENV key value` (and `LABEL key value`) set one variable to everything after the first space, which is easy to misread and cannot set several at once. BuildKit recommends `ENV key=value`.\n\nThe quick fix rewrites it, adding quotes when the value has spaces.',
      zh: '`ENV key value`（以及 `LABEL key value`）会把第一个空格之后的全部内容赋给一个变量，容易误读，也无法一次设置多个变量。BuildKit 建议写成 `ENV key=value`。\n\n快速修复会自动改写，值中含空格时会加上引号。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.instructions.forEach((instruction, index) => {
      const keyword = facts.keywords[index];
      if (keyword !== 'ENV' && keyword !== 'LABEL') return;
      const properties = (instruction as unknown as { getProperties(): import('dockerfile-ast').Property[] }).getProperties();
      if (properties.length !== 1) return;
      const property = properties[0];
      const valueRange = property.getValueRange();
      if (property.getAssignmentOperator() !== null || property.getValue() === null || !valueRange) return;
      const raw = model.document.getText(valueRange);
      // Escapes would change meaning inside the quotes we add; leave those to the user.
      const simple = !raw.includes('\n') && !raw.includes(model.ast.getEscapeCharacter());
      const quoted = /^(["']).*\1$/.test(raw) || !/\s/.test(raw) ? raw : `"${raw.replace(/"/g, '\\"')}"`;
      report({
        range: property.getRange(),
        message: { en: `Use ${keyword} ${property.getName()}=<value> instead of the legacy space-separated form.`, zh: `请使用 ${keyword} ${property.getName()}=<值>，不要用旧式的空格分隔写法。` },
        fixes: simple
          ? [fix({ en: `Change to ${property.getName()}=…`, zh: `改为 ${property.getName()}=…` }, [replace({ start: property.getNameRange().end, end: valueRange.end }, `=${quoted}`)])]
          : undefined,
      });
    });
  },
};

export const consistentInstructionCasing: Rule<Subject> = {
  meta: {
    id: 'consistent-instruction-casing', scope: 'file', fixable: true,
    aliases: ['ConsistentInstructionCasing'],
    severity: 'warning',
    category: 'style',
    profile: 'recommended',
    title: { en: 'Instruction casing differs from the rest', zh: '指令大小写与其他指令不一致' },
    docs: {
      en: 'Instructions are case-insensitive, but a file should use one case, upper (the convention) or lower. Stevedore reports instructions that differ from the majority of the file, and any Mixed-case keyword.\n\nThe quick fix rewrites the keyword in the majority case.',
      zh: '指令不区分大小写，但同一个文件应统一使用一种写法：大写（惯例）或小写。Stevedore 会报告与文件中多数指令写法不同的指令，以及大小写混用的关键字。\n\n快速修复会按多数写法改写关键字。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    let upper = 0;
    let lower = 0;
    // Remember each keyword's case from the count so the second pass converts only the odd ones out.
    // One byte per instruction, sized up front: upperCase, lowerCase, skipped (0 for mixed case).
    const cases = new Uint8Array(facts.instructions.length);
    for (let i = 0; i < facts.instructions.length; i++) {
      // An unknown word is no instruction to case (unknown-instruction reports it, often a lost RUN).
      if (!isInstructionName(facts.keywords[i])) {
        cases[i] = skipped;
        continue;
      }
      const instruction = facts.instructions[i];
      const keyword = instruction.getInstruction();
      // getKeyword() is getInstruction().toUpperCase(), computed once per instruction.
      const upperCase = keyword === instruction.getKeyword();
      const lowerCase = !upperCase && keyword === keyword.toLowerCase();
      cases[i] = upperCase ? keywordUpper : lowerCase ? keywordLower : 0;
      if (upperCase) upper++;
      else if (lowerCase) lower++;
    }
    const wantUpper = upper >= lower;
    facts.instructions.forEach((instruction, index) => {
      if (cases[index] === skipped || cases[index] === (wantUpper ? keywordUpper : keywordLower)) return;
      const keyword = instruction.getInstruction();
      const wanted = wantUpper ? instruction.getKeyword() : keyword.toLowerCase();
      if (keyword === wanted) return;
      report({
        range: instruction.getInstructionRange(),
        message: { en: `Write ${wanted} in ${wantUpper ? 'upper' : 'lower'} case like the other instructions.`, zh: `请像其他指令一样用${wantUpper ? '大写' : '小写'}书写 ${wanted}。` },
        fixes: [fix({ en: `Change to ${wanted}`, zh: `改为 ${wanted}` }, [replace(instruction.getInstructionRange(), wanted)])],
      });
    });
  },
};

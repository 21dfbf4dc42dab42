import { codeSpan } from '../../common/plainText';
import type { Rule } from '../../common/rules';
import { withLinesInMessage } from '../findingLines';
import { forbiddenOnbuildTriggers, isInstructionName } from '../docs/instructions';
import type { DockerfileRuleSubject } from './context';
import { fix, replace, wholeLine } from './edits';
import { factsOf, rangeOf, type DirectiveLine } from './facts';

type Subject = DockerfileRuleSubject;

export const missingFrom: Rule<Subject> = {
  meta: {
    id: 'missing-from', scope: 'file',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'No FROM instruction', zh: '缺少 FROM 指令' },
    docs: {
      en: 'Every build starts from a base: a Dockerfile without any `FROM` (an empty file, or only comments and ARGs) cannot be built.\n\nAdd `FROM <image>` (or `FROM scratch` for an empty base).',
      zh: '每次构建都要从一个基础镜像开始：没有任何 `FROM` 的 Dockerfile（空文件，或只有注释和 ARG）无法构建。\n\n请添加 `FROM <镜像>`（空白基础可用 `FROM scratch`）。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    if (facts.semantics.stages.length > 0) return;
    const first = facts.instructions[0];
    report({
      range: first ? first.getInstructionRange() : rangeOf(0, 0, facts.lines[0]?.length ?? 0),
      message: facts.instructions.length === 0
        ? { en: 'The Dockerfile has no instructions; add FROM <image>.', zh: 'Dockerfile 中没有任何指令；请添加 FROM <镜像>。' }
        : { en: 'The Dockerfile has no FROM; add FROM <image> before the build steps.', zh: 'Dockerfile 中没有 FROM；请在构建步骤之前添加 FROM <镜像>。' },
    });
  },
};

export const instructionBeforeFrom: Rule<Subject> = {
  meta: {
    id: 'instruction-before-from', scope: 'file',
    aliases: ['DL3061'],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Instruction before the first FROM', zh: '第一个 FROM 之前出现了指令' },
    docs: {
      en: 'Only `ARG` (and comments or parser directives) may come before the first `FROM`; anything else has no stage to run in and BuildKit rejects the file.\n\nMove the instruction below `FROM`.',
      zh: '第一个 `FROM` 之前只能出现 `ARG`（以及注释和解析器指令）；其他指令没有所属阶段，BuildKit 会拒绝该文件。\n\n请把该指令移到 `FROM` 之后。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    // Every instruction from the first FROM on belongs to a stage: only the ones before it can qualify.
    for (let index = 0; index < facts.instructions.length; index++) {
      const keyword = facts.keywords[index];
      if (keyword === 'FROM') break;
      // Unknown words are unknown-instruction's to report, once per line.
      if (keyword === 'ARG' || !isInstructionName(keyword)) continue;
      report({
        range: facts.instructions[index].getInstructionRange(),
        message: { en: `${keyword} comes before the first FROM; only ARG may.`, zh: `${keyword} 出现在第一个 FROM 之前；这里只允许 ARG。` },
      });
    }
  },
};

export const emptyContinuationLine: Rule<Subject> = {
  meta: {
    // Judged from the instruction's own lines; declared `stage` rather than `instruction` because its
    // message names lines, which the instruction-alone comparison (incrementalDiagnostics) reads as they are.
    id: 'empty-continuation-line', scope: 'stage', fixable: true,
    aliases: ['NoEmptyContinuation'],
    severity: 'warning',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Empty continuation line', zh: '续行中有空行' },
    docs: {
      en: 'A blank line inside an instruction continued with `\\` is skipped today, but BuildKit warns that it will become an error, and it often hides a missing line. Reported once per instruction, on its last line (where BuildKit reports it), naming the blank lines.\n\nDelete the blank line (or end the instruction before it).',
      zh: '用 `\\` 续行的指令中夹着空行时，目前会被跳过，但 BuildKit 提示将来会把它视为错误，而且这往往意味着漏了一行。每条指令只报告一次，位置在指令的最后一行（与 BuildKit 相同），消息中列出空行的行号。\n\n请删除空行（或在空行之前结束这条指令）。',
    },
    tag: 'unnecessary',
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (let k = 0; k < facts.instructions.length; k++) {
      const instruction = facts.instructions[k];
      const range = instruction.getRange();
      if (range.end.line === range.start.line) continue;
      const heredocs = facts.heredocsOf(instruction);
      const lastLine = heredocs.length ? Math.min(range.end.line, ...heredocs.map((h) => h.getStartRange().start.line)) : range.end.line;
      let blank: number[] | undefined;
      for (let line = range.start.line + 1; line <= lastLine; line++) if (facts.isBlankLine(line)) (blank ??= []).push(line);
      if (!blank) continue;
      // Once per instruction, on its last line, as BuildKit reports it; the fix removes every blank line.
      // The message names the lines: written again when the stage's findings move (findingLines.ts).
      const blankLines = blank;
      report(withLinesInMessage({
        range: rangeOf(lastLine, 0, facts.lineText(lastLine)!.length),
        fixes: [fix(blank.length === 1 ? { en: 'Delete the empty line', zh: '删除空行' } : { en: 'Delete the empty lines', zh: '删除这些空行' }, blank.map((line) => replace(wholeLine(line), '')))],
      }, (shift) => {
        const lines = blankLines.map((line) => line + shift + 1).join(', ');
        return blankLines.length === 1
          ? { en: `Empty line inside this continued instruction (line ${lines}); delete it.`, zh: `这条续行指令中有空行（第 ${lines} 行）；请删除。` }
          : { en: `Empty lines inside this continued instruction (lines ${lines}); delete them.`, zh: `这条续行指令中有空行（第 ${lines} 行）；请删除。` };
      }));
    }
  },
};

export const unterminatedHeredoc: Rule<Subject> = {
  meta: {
    id: 'unterminated-heredoc', scope: 'instruction',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Heredoc without its closing delimiter', zh: 'Heredoc 缺少结束标记' },
    docs: {
      en: 'A heredoc (`<<EOF`) runs until a line holding only its delimiter. Without that line the heredoc swallows the rest of the file and the build fails.\n\nAdd the delimiter on a line of its own (with `<<-` it may be indented by tabs).',
      zh: 'Heredoc（`<<EOF`）一直延续到只包含其结束标记的那一行。缺少这一行时，heredoc 会吞掉文件的剩余部分，构建随之失败。\n\n请在单独一行写上结束标记（使用 `<<-` 时可以用制表符缩进）。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (let i = 0; i < facts.instructions.length; i++) {
      const instruction = facts.instructions[i];
      for (const heredoc of facts.heredocsOf(instruction)) {
        if (heredoc.getDelimiterRange() !== null) continue;
        const name = heredoc.getName();
        report({
          range: heredoc.getStartRange(),
          message: { en: `Heredoc ${name} is never closed; add a line with ${name}.`, zh: `Heredoc ${name} 没有结束；请添加一行 ${name}。` },
        });
      }
    }
  },
};

export const onbuildTrigger: Rule<Subject> = {
  meta: {
    id: 'onbuild-trigger', scope: 'instruction',
    aliases: ['DL3043'],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Forbidden ONBUILD trigger', zh: 'ONBUILD 触发器不被允许' },
    docs: {
      en: '`ONBUILD` records an instruction to run when another image builds `FROM` this one. The trigger must be an instruction, and `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are not allowed: BuildKit fails on them.\n\nUse a different trigger or move the instruction out of ONBUILD.',
      zh: '`ONBUILD` 记录一条指令，在其他镜像以本镜像为 `FROM` 构建时执行。触发的必须是有效指令，并且 `ONBUILD ONBUILD`、`ONBUILD FROM` 和 `ONBUILD MAINTAINER` 都不被允许，BuildKit 会因此失败。\n\n请换用其他触发指令，或把该指令移出 ONBUILD。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (const instruction of facts.instructionsWith('ONBUILD')) {
      const args = facts.lineArguments(instruction);
      if (args.length === 0) continue;
      const trigger = args[0].getValue().toUpperCase();
      if (!isInstructionName(trigger)) {
        report({ range: args[0].getRange(), message: { en: `ONBUILD trigger ${args[0].getValue()} is not an instruction.`, zh: `ONBUILD 的触发指令 ${args[0].getValue()} 不是有效的指令。` } });
        continue;
      }
      if (!(forbiddenOnbuildTriggers as readonly string[]).includes(trigger)) continue;
      report({
        range: args[0].getRange(),
        message: trigger === 'ONBUILD'
          ? { en: 'ONBUILD cannot be chained (ONBUILD ONBUILD).', zh: 'ONBUILD 不能嵌套使用（ONBUILD ONBUILD）。' }
          : { en: `${trigger} is not allowed as an ONBUILD trigger.`, zh: `${trigger} 不能作为 ONBUILD 的触发指令。` },
      });
    }
  },
};

/**
 * The directives BuildKit reads: the leading run stops at the first `# name=value` line whose name
 * is not syntax, escape or check (`# foo=bar` ends the directives; what follows is a comment).
 */
function knownDirectives(directives: readonly DirectiveLine[]): DirectiveLine[] {
  const known: DirectiveLine[] = [];
  for (const directive of directives) {
    if (directive.name !== 'syntax' && directive.name !== 'escape' && directive.name !== 'check') break;
    known.push(directive);
  }
  return known;
}

export const invalidEscapeDirective: Rule<Subject> = {
  meta: {
    id: 'invalid-escape-directive', scope: 'file', fixable: true,
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Invalid escape directive', zh: 'escape 解析器指令无效' },
    docs: {
      en: 'The `# escape=` parser directive accepts only a backslash (`\\`, the default) or a backtick (`` ` ``, common on Windows). Any other value makes BuildKit reject the file.',
      zh: '`# escape=` 解析器指令只接受反斜杠（`\\`，默认值）或反引号（`` ` ``，Windows 上常用）。其他值会让 BuildKit 拒绝该文件。',
    },
  },
  check({ model }, report) {
    for (const directive of knownDirectives(factsOf(model).directives)) {
      if (directive.name !== 'escape' || directive.value === '\\' || directive.value === '`') continue;
      const guess = directive.value.includes('`') ? '`' : '\\';
      report({
        range: directive.valueRange.start.character === directive.valueRange.end.character ? directive.range : directive.valueRange,
        // The two allowed characters include a backtick: quoted as code spans that can hold one.
        message: { en: `Invalid escape character ${codeSpan(directive.value)}; use ${codeSpan('\\')} or ${codeSpan('`')}.`, zh: `无效的转义字符 ${codeSpan(directive.value)}；只能使用 ${codeSpan('\\')} 或 ${codeSpan('`')}。` },
        fixes: [fix({ en: `Use ${guess} as the escape character`, zh: `改用 ${guess} 作为转义字符` }, [replace(directive.range, `# escape=${guess}`)])],
      });
    }
  },
};

export const duplicateDirective: Rule<Subject> = {
  meta: {
    id: 'duplicate-directive', scope: 'file', fixable: true,
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Parser directive given twice', zh: '解析器指令重复' },
    docs: {
      en: 'Each parser directive (`escape`, `syntax`, `check`) may appear once at the top of the file; BuildKit rejects a second one.\n\nDelete the duplicate line.',
      zh: '每个解析器指令（`escape`、`syntax`、`check`）只能在文件顶部出现一次；BuildKit 会拒绝第二次出现。\n\n请删除重复的那一行。',
    },
    tag: 'unnecessary',
  },
  check({ model }, report) {
    const seen = new Set<string>();
    for (const directive of knownDirectives(factsOf(model).directives)) {
      if (seen.has(directive.name)) {
        report({
          range: directive.range,
          message: { en: `Only one ${directive.name} directive is allowed; delete this one.`, zh: `${directive.name} 解析器指令只能出现一次；请删除这一行。` },
          fixes: [fix({ en: 'Delete the duplicate directive', zh: '删除重复的解析器指令' }, [replace(wholeLine(directive.line), '')])],
        });
      }
      seen.add(directive.name);
    }
  },
};

import type { Instruction } from 'dockerfile-ast';
import { closest } from '../../common/didYouMean';
import { codeSpan } from '../../common/plainText';
import type { Rule } from '../../common/rules';
import { instructionNames, isInstructionName } from '../docs/instructions';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf, type DockerfileFacts } from './facts';

/**
 * Programs that start a shell line in Dockerfiles: a line beginning with one of them forgot its
 * RUN rather than misspelt an instruction, even when the name is close to one (`cd` and CMD,
 * `chmod` and CMD, `export` and EXPOSE).
 */
const commonPrograms = new Set([
  // package managers and language tool chains
  'apt-get', 'apt', 'apt-key', 'dpkg', 'apk', 'yum', 'dnf', 'microdnf', 'rpm', 'zypper', 'pacman', 'emerge',
  'pip', 'pip3', 'pipx', 'python', 'python3', 'poetry', 'uv', 'conda', 'mamba', 'micromamba',
  'npm', 'npx', 'yarn', 'pnpm', 'node', 'corepack', 'bun', 'deno',
  'go', 'cargo', 'rustup', 'gem', 'bundle', 'ruby', 'composer', 'php', 'mvn', 'gradle', 'java', 'javac', 'dotnet',
  'make', 'cmake', 'gcc', 'cc', 'configure',
  // downloads, archives, version control
  'curl', 'wget', 'tar', 'unzip', 'gzip', 'gunzip', 'xz', 'git',
  // files, users and the shell
  'echo', 'printf', 'cat', 'cp', 'mv', 'rm', 'ln', 'ls', 'mkdir', 'touch', 'chmod', 'chown', 'chgrp', 'find', 'sed', 'awk', 'grep',
  'cd', 'export', 'set', 'source', 'sh', 'bash', 'test', 'true', 'sudo',
  'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'update-ca-certificates', 'ldconfig', 'locale-gen', 'update-alternatives',
]);

/** `./configure`, `/usr/local/bin/setup`, `$HOME/bin/tool`: a path names a program, never an instruction. */
function looksLikeProgram(word: string): boolean {
  return commonPrograms.has(word.toLowerCase()) || /^[./$~]|\//.test(word);
}

/** The previous line ends the way a shell line that goes on does: the current line may have lost its `\`. */
function continuesPreviousLine(facts: DockerfileFacts, instruction: Instruction): boolean {
  const line = instruction.getRange().start.line;
  const previous = facts.lineText(line - 1)?.trimEnd() ?? '';
  return /(&&|\|\||[|;])$/.test(previous);
}

/** RUN in the case the file's instructions use (lower case only when most of them are). */
function runKeyword(facts: DockerfileFacts): string {
  let upper = 0;
  let lower = 0;
  facts.instructions.forEach((instruction, index) => {
    if (!isInstructionName(facts.keywords[index])) return;
    const written = instruction.getInstruction();
    if (written === written.toUpperCase()) upper++;
    else if (written === written.toLowerCase()) lower++;
  });
  return lower > upper ? 'run' : 'RUN';
}

export const unknownInstruction: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'unknown-instruction', scope: 'instruction', fixable: true,
    aliases: ['UnknownInstruction'],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Unknown instruction', zh: '未知指令' },
    docs: {
      en: 'The Dockerfile frontend rejects any instruction it does not know, so the build fails at this line. Check the spelling against the 18 instructions (FROM, RUN, COPY, …); the quick fix offers the closest one.\n\nA line that starts with a program (`npm run lint`, `apt-get install …`, `./configure`) has lost its `RUN`: the quick fix inserts it.',
      zh: 'Dockerfile 前端会拒绝不认识的指令，构建会在这一行失败。请对照 18 条指令（FROM、RUN、COPY 等）检查拼写；快速修复会给出最接近的指令。\n\n以程序开头的行（`npm run lint`、`apt-get install …`、`./configure`）是漏写了 `RUN`：快速修复会补上它。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    let run: string | undefined;
    for (const instruction of facts.instructions) {
      const keyword = instruction.getKeyword();
      if (isInstructionName(keyword)) continue;
      const written = instruction.getInstruction();
      const range = instruction.getInstructionRange();
      const program = looksLikeProgram(written);
      const suggestion = !program && written.length >= 2 ? closest(keyword, instructionNames, keyword.length <= 4 ? 1 : 2) : undefined;
      if (suggestion) {
        const cased = written === written.toLowerCase() ? suggestion.toLowerCase() : suggestion;
        report({
          range,
          message: { en: `Unknown instruction ${written}; did you mean ${cased}?`, zh: `未知指令 ${written}；是否想写 ${cased}？` },
          fixes: [fix({ en: `Change to ${cased}`, zh: `改为 ${cased}` }, [replace(range, cased)])],
        });
        continue;
      }
      // `KEY=value` is no command either; what it should be (ENV, ARG, a RUN prefix) is the user's call.
      if (written.includes('=')) {
        report({ range, message: { en: `Unknown instruction: ${written}`, zh: `未知指令：${written}` } });
        continue;
      }
      run ??= runKeyword(facts);
      // Inserting RUN is the evident repair for a known program, unless the line above suggests a lost `\`.
      const safe = program && !continuesPreviousLine(facts, instruction);
      report({
        range,
        message: {
          en: `${codeSpan(written)} is not a Dockerfile instruction; to run it as a command, start the line with ${run}.`,
          zh: `${codeSpan(written)} 不是 Dockerfile 指令；如需作为命令执行，请在行首加上 ${run}。`,
        },
        fixes: [fix({ en: `Insert ${run}`, zh: `插入 ${run}` }, [replace({ start: range.start, end: range.start }, `${run} `)], safe)],
      });
    }
  },
};

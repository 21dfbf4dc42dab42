import { closest } from '../../common/didYouMean';
import type { Rule } from '../../common/rules';
import { instructionNames, isInstructionName } from '../docs/instructions';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf } from './facts';

export const unknownInstruction: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'unknown-instruction', fixable: true,
    aliases: ['UnknownInstruction'],
    severity: 'error',
    category: 'syntax',
    title: { en: 'Unknown instruction', zh: '未知指令' },
    docs: {
      en: 'The Dockerfile frontend rejects any instruction it does not know, so the build fails at this line. Check the spelling against the 18 instructions (FROM, RUN, COPY, …); the quick fix offers the closest one.',
      zh: 'Dockerfile 前端会拒绝不认识的指令，构建会在这一行失败。请对照 18 条指令（FROM、RUN、COPY 等）检查拼写；快速修复会给出最接近的指令。',
    },
  },
  check({ model }, report) {
    for (const instruction of factsOf(model).instructions) {
      const keyword = instruction.getKeyword();
      if (isInstructionName(keyword)) continue;
      const written = instruction.getInstruction();
      const suggestion = written.length >= 2 ? closest(keyword, instructionNames, keyword.length <= 4 ? 1 : 2) : undefined;
      const cased = suggestion && written === written.toLowerCase() ? suggestion.toLowerCase() : suggestion;
      report({
        range: instruction.getInstructionRange(),
        message: cased
          ? { en: `Unknown instruction ${written}; did you mean ${cased}?`, zh: `未知指令 ${written}；是否想写 ${cased}？` }
          : { en: `Unknown instruction: ${written}`, zh: `未知指令：${written}` },
        fixes: cased ? [fix({ en: `Change to ${cased}`, zh: `改为 ${cased}` }, [replace(instruction.getInstructionRange(), cased)])] : undefined,
      });
    }
  },
};

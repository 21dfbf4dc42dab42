import type { Rule } from '../../common/rules';
import { isInstructionName } from '../docs/instructions';
import type { DockerfileRuleSubject } from './context';

export const unknownInstruction: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'unknown-instruction',
    aliases: ['UnknownInstruction'],
    severity: 'error',
    category: 'syntax',
    title: { en: 'Unknown instruction', zh: '未知指令' },
    docs: {
      en: 'The Dockerfile frontend rejects any instruction it does not know, so the build fails at this line. Check the spelling against the 18 instructions (FROM, RUN, COPY, …).',
      zh: 'Dockerfile 前端会拒绝不认识的指令，构建会在这一行失败。请对照 18 条指令（FROM、RUN、COPY 等）检查拼写。',
    },
  },
  check({ model }, report) {
    for (const instruction of model.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (isInstructionName(keyword)) continue;
      report({
        range: instruction.getInstructionRange(),
        message: {
          en: `Unknown instruction: ${keyword}`,
          zh: `未知指令：${keyword}`,
        },
      });
    }
  },
};

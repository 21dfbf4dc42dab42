import type { Arg } from 'dockerfile-ast';
import type { Rule } from '../../common/rules';
import { commentsAbove, experimentalCheckEnabled } from '../suppression';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';

const checkName = 'InvalidDefinitionDescription';

/**
 * BuildKit's experimental InvalidDefinitionDescription: tools (`docker buildx build --call=outline`,
 * `--call=targets`) show the comment right above a stage or a build argument as its description
 * when it starts with the name. Like BuildKit it runs only when the file opts in.
 */
export const invalidDefinitionDescription: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'invalid-definition-description', scope: 'stage',
    aliases: [checkName],
    severity: 'info',
    category: 'style',
    profile: 'recommended',
    title: { en: 'Description comment does not start with the name', zh: '描述注释没有以名称开头' },
    differences: {
      en: 'Follows BuildKit\'s documentation, which says a blank line separates a comment from the instruction below it. BuildKit\'s parser (checked at commit 73ed682) keeps collecting comments across blank lines, so BuildKit itself may still warn there. The message writes `<name>` where BuildKit writes `<arg_key>` for an ARG with several names.',
      zh: '遵循 BuildKit 文档的说法：空行可以把注释与下方的指令隔开。BuildKit 的解析器（核对于提交 73ed682）会跨越空行继续收集注释，因此 BuildKit 本身在这种情况下仍可能发出警告。对于有多个名称的 ARG，消息中写作 `<name>`，BuildKit 写作 `<arg_key>`。',
    },
    docs: {
      en: 'BuildKit reads the comment directly above `FROM … AS <stage>` or `ARG <name>` as the description of that stage or argument (shown by `docker buildx build --call=outline` and `--call=targets`) when its first word is the name: `# version the release to package` above `ARG version`. A comment there that does not start with the name is probably not meant as a description; either start it with the name, or separate it with an empty `#` line.\n\nAn experimental check, as in BuildKit: it runs only when the file says `# check=experimental=InvalidDefinitionDescription` (or `experimental=all`), at the top or in the comments above the instruction; `check=skip` does not affect it. The name must match exactly (stage names are compared in lower case, as BuildKit stores them); with several ARG names any one of them will do. A blank line between the comment and the instruction also separates them.',
      zh: '当 `FROM … AS <阶段>` 或 `ARG <名称>` 正上方的注释以该名称作为第一个词时（例如在 `ARG version` 上方写 `# version 要打包的版本`），BuildKit 会把它当作该阶段或参数的描述（`docker buildx build --call=outline` 和 `--call=targets` 会显示）。不以名称开头的注释多半不是描述：要么让它以名称开头，要么用一行空的 `#` 把它隔开。\n\n与 BuildKit 一样，这是一项实验性检查：只有文件中写了 `# check=experimental=InvalidDefinitionDescription`（或 `experimental=all`，写在文件开头或该指令上方的注释中）时才会运行；`check=skip` 对它无效。名称必须完全一致（阶段名按 BuildKit 的存储方式以小写比较）；ARG 有多个名称时，以其中任意一个开头即可。注释与指令之间的空行同样可以把它们隔开。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    facts.instructions.forEach((instruction, index) => {
      const keyword = facts.keywords[index];
      if (keyword !== 'ARG' && keyword !== 'FROM') return;
      const start = instruction.getRange().start.line;
      const comments = commentsAbove(model, start);
      // Only a comment on the line right above is a description (a blank line separates, as BuildKit documents it).
      if (comments.length === 0 || facts.commentText(start - 1) === undefined || !experimentalCheckEnabled(model, checkName, start)) return;
      let keys: string[];
      if (keyword === 'FROM') {
        const name = facts.semantics.stages[facts.stageIndexOf(instruction)]?.name;
        if (!name) return;
        keys = [name.toLowerCase()];
      } else {
        keys = (instruction as Arg).getProperties().map((property) => property.getName()).filter((name) => name.length > 0);
        if (keys.length === 0) return;
      }
      const firstWord = comments[comments.length - 1].split(' ')[0];
      if (keys.includes(firstWord)) return;
      const example = keys.length === 1 ? keys[0] : '<name>';
      report({
        range: instruction.getRange(),
        message: {
          en: `The comment above this ${keyword} reads like a description but does not start with the name; write "# ${example} <description>", or separate the comment with an empty "#" line.`,
          zh: `这条 ${keyword} 上方的注释看起来是描述，但没有以名称开头；请写成 "# ${example} <描述>"，或用一行空的 "#" 把注释隔开。`,
        },
      });
    });
  },
};

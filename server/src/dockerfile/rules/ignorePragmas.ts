import type { Rule } from '../../common/rules';
import { suppressionsOf } from '../suppression';
import type { DockerfileRuleSubject } from './context';
import { factsOf, rangeOf } from './facts';

/** hadolint's DL1001: teams that want every exception in `.hadolint.yaml`, not scattered in comments. */
export const inlineIgnorePragma: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'inline-ignore-pragma', scope: 'file',
    aliases: ['DL1001'],
    severity: 'info',
    category: 'best-practice',
    profile: 'strict',
    title: { en: 'Inline hadolint ignore pragma', zh: '行内 hadolint 忽略注释' },
    differences: {
      en: 'The rule itself follows hadolint. How the pragmas apply differs slightly: hadolint applies `# hadolint ignore=` only when it is on the line right above the instruction, Stevedore anywhere in the block of comment lines right above it; `# hadolint stage ignore=` placed above a FROM also covers findings on that FROM line, which hadolint leaves out; and rule names may be our ids or BuildKit names as well as DL codes.',
      zh: '规则本身与 hadolint 一致。忽略注释的作用范围略有不同：hadolint 只在 `# hadolint ignore=` 位于指令正上方一行时生效，Stevedore 则在指令正上方的整段注释行中任意位置都生效；写在 FROM 上方的 `# hadolint stage ignore=` 也覆盖该 FROM 行上的问题，而 hadolint 不覆盖；规则名除 DL 编号外，也可以写 Stevedore 的规则 id 或 BuildKit 的检查名。',
    },
    docs: {
      en: 'Reports every `# hadolint ignore=…` comment. Some teams want each exception recorded in one reviewed place (`ignored:` in `.hadolint.yaml`) rather than in comments anyone can add next to an instruction.\n\nOff by default, as in hadolint: turn it on with `stevedore.profile: strict`, a setting, or `override:` in `.hadolint.yaml`. With `disable-ignore-pragma: true` in `.hadolint.yaml` the hadolint pragmas (`ignore=`, `stage ignore=`, `global ignore=`) have no effect at all, and this rule\'s message says so; Stevedore\'s own `# stevedore-ignore` comments and `# check=skip=` keep working.',
      zh: '报告每一条 `# hadolint ignore=…` 注释。有些团队希望每个例外都记录在一个经过评审的地方（`.hadolint.yaml` 的 `ignored:`），而不是由任何人随手写在指令旁边的注释里。\n\n与 hadolint 一样默认关闭：可通过 `stevedore.profile: strict`、设置项或 `.hadolint.yaml` 的 `override:` 开启。`.hadolint.yaml` 中设置 `disable-ignore-pragma: true` 时，hadolint 的忽略注释（`ignore=`、`stage ignore=`、`global ignore=`）完全失效，本规则的消息也会说明这一点；Stevedore 自己的 `# stevedore-ignore` 注释和 `# check=skip=` 仍然有效。',
    },
  },
  check({ model, config }, report) {
    const disabled = config?.hadolint?.config.disableIgnorePragma === true;
    const facts = factsOf(model);
    for (const line of suppressionsOf(model).hadolint.inlinePragmaLines) {
      const text = facts.lineText(line) ?? '';
      const start = text.length - text.trimStart().length;
      report({
        range: rangeOf(line, start, text.trimEnd().length),
        message: disabled
          ? { en: 'This hadolint ignore pragma has no effect: .hadolint.yaml sets disable-ignore-pragma. Fix the finding, or list the rule under ignored: in .hadolint.yaml.', zh: '这条 hadolint 忽略注释不起作用：.hadolint.yaml 设置了 disable-ignore-pragma。请修复问题，或在 .hadolint.yaml 的 ignored: 中列出该规则。' }
          : { en: 'Inline ignore pragma: fix the finding, or list the rule under ignored: in .hadolint.yaml.', zh: '行内忽略注释：请修复问题，或在 .hadolint.yaml 的 ignored: 中列出该规则。' },
      });
    }
  },
};

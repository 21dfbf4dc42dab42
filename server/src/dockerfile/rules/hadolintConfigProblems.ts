import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';

/** Tells the user why their `.hadolint.yaml` has no effect, instead of ignoring it silently. */
export const hadolintConfigProblem: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'hadolint-config-problem', scope: 'file',
    aliases: [],
    severity: 'warning',
    category: 'syntax',
    profile: 'recommended',
    title: { en: '.hadolint.yaml could not be read', zh: '无法读取 .hadolint.yaml' },
    docs: {
      en: 'Stevedore reads the nearest `.hadolint.yaml` (or `.hadolint.yml`) from the Dockerfile\'s directory up to the repository root and honours `ignored`, `override` (`error`, `warning`, `info`, `style` lists), `trustedRegistries`, `label-schema`, `strict-labels`, `disable-ignore-pragma`, `failure-threshold` and `no-fail`. When the file is not valid YAML, or a key has the wrong shape, the affected part is ignored and this warning says why, on the first line of the Dockerfile.',
      zh: 'Stevedore 会从 Dockerfile 所在目录向上直到仓库根目录查找最近的 `.hadolint.yaml`（或 `.hadolint.yml`），并支持 `ignored`、`override`（`error`、`warning`、`info`、`style` 列表）、`trustedRegistries`、`label-schema`、`strict-labels`、`disable-ignore-pragma`、`failure-threshold` 和 `no-fail`。如果文件不是合法的 YAML，或某个键的格式不对，相应部分会被忽略，并在 Dockerfile 第一行用这条警告说明原因。',
    },
  },
  check({ config }, report) {
    const found = config?.hadolint;
    if (!found || found.config.problems.length === 0) return;
    report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: {
        en: `${found.path}: ${found.config.problems.join('; ')}. That part of the config is ignored.`,
        zh: `${found.path}：${found.config.problems.join('；')}。配置中的这部分已被忽略。`,
      },
    });
  },
};

import { byName, type DocEntry, type ValueDoc } from './types';

export interface DirectiveDoc extends DocEntry {
  name: 'syntax' | 'escape' | 'check';
  /** Values completion proposes after `# <name>=`. */
  values: readonly ValueDoc[];
}

/** Parser directives: `# name=value` comments that must come before any instruction or other comment. */
export const directives: readonly DirectiveDoc[] = [
  {
    name: 'syntax',
    summary: { en: 'Picks the Dockerfile frontend image BuildKit uses to parse this file, so new syntax works regardless of the installed Docker version.', zh: '指定 BuildKit 解析本文件所用的 Dockerfile 前端镜像，这样无论安装的 Docker 版本如何都能使用新语法。' },
    syntax: ['# syntax=<frontend image>'],
    example: '# syntax=docker/dockerfile:1',
    pitfalls: [
      { en: 'Directives must be the very first lines: after any instruction, blank line or ordinary comment they are just comments.', zh: '解析器指令必须位于文件最开头：出现在任何指令、空行或普通注释之后，它们就只是普通注释。' },
      { en: '`docker/dockerfile:1` tracks the latest stable 1.x; pin `1.x.y` or a digest for fully reproducible builds.', zh: '`docker/dockerfile:1` 会跟随最新的 1.x 稳定版；如需完全可复现的构建，请固定 `1.x.y` 或摘要。' },
    ],
    values: [
      { name: 'docker/dockerfile:1', summary: { en: 'The latest stable 1.x frontend (recommended).', zh: '最新的 1.x 稳定版前端（推荐）。' } },
      { name: 'docker/dockerfile:1-labs', summary: { en: 'The latest 1.x frontend with experimental features.', zh: '包含实验性功能的最新 1.x 前端。' } },
      { name: 'docker/dockerfile-upstream:master', brief: { en: 'Built from BuildKit\'s master branch, for unreleased features', zh: '由 BuildKit 主分支构建，用于试用未发布的功能' }, summary: { en: 'The frontend built from BuildKit\'s master branch; for trying unreleased features only.', zh: '由 BuildKit 主分支构建的前端；仅用于试用尚未发布的功能。' } },
    ],
  },
  {
    name: 'escape',
    summary: { en: 'Sets the escape character used for line continuations and escaping: `\\` (default) or a backtick, which suits Windows paths.', zh: '设置用于续行和转义的字符：`\\`（默认）或反引号，后者适合 Windows 路径。' },
    syntax: ['# escape=\\', '# escape=`'],
    example: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY testfile.txt C:\\',
    pitfalls: [{ en: 'It does not change escaping inside RUN commands, only how the Dockerfile itself is read.', zh: '它不会改变 RUN 命令内部的转义，只影响 Dockerfile 本身的解析方式。' }],
    values: [
      { name: '\\', summary: { en: 'Backslash, the default.', zh: '反斜杠，默认值。' } },
      { name: '`', summary: { en: 'Backtick, so `C:\\path` needs no doubling on Windows.', zh: '反引号，这样在 Windows 上写 `C:\\path` 时无需双写反斜杠。' } },
    ],
  },
  {
    name: 'check',
    summary: { en: 'Configures BuildKit\'s build checks for this file: skip some or all rules, turn on experimental ones, and make violations fail the build. Written in the comments right above an instruction, `# check=skip=…` (and `experimental=…`) applies to that instruction only.', zh: '为本文件配置 BuildKit 的构建检查：跳过部分或全部规则、启用实验性规则，并可让违规导致构建失败。写在某条指令正上方的注释中时，`# check=skip=…`（以及 `experimental=…`）只对这条指令生效。' },
    syntax: ['# check=skip=<rule>[,<rule>...]', '# check=skip=all', '# check=error=true', '# check=experimental=<rule>[,<rule>...]', '# check=skip=<rules>;error=true'],
    example: '# check=skip=JSONArgsRecommended,StageNameCasing;error=true',
    pitfalls: [
      { en: 'Separate the `skip`, `experimental` and `error` parts with `;`, and rules with `,`. The `BUILDKIT_DOCKERFILE_CHECK` build arg overrides this directive.', zh: '`skip`、`experimental` 与 `error` 各部分用 `;` 分隔，多个规则用 `,` 分隔。构建参数 `BUILDKIT_DOCKERFILE_CHECK` 会覆盖该指令。' },
      { en: 'Only the text up to the first space counts, so `# check=skip=JSONArgsRecommended // why` works; rule names are case-sensitive in BuildKit.', zh: '只有第一个空格之前的文本有效，因此可以写 `# check=skip=JSONArgsRecommended // 原因`；BuildKit 中规则名区分大小写。' },
      { en: 'Above an instruction it does not reach the checks BuildKit runs over the whole file (ConsistentInstructionCasing, DuplicateStageName, ReservedStageName, NoEmptyContinuation, InvalidDefaultArgInFrom); put those at the top.', zh: '写在指令上方时，它管不到 BuildKit 针对整个文件运行的检查（ConsistentInstructionCasing、DuplicateStageName、ReservedStageName、NoEmptyContinuation、InvalidDefaultArgInFrom）；这些请写在文件开头。' },
    ],
    values: [
      { name: 'skip=', summary: { en: 'Rules to ignore, separated by commas, or `all`.', zh: '要忽略的规则，以逗号分隔，或写 `all`。' } },
      { name: 'error=true', summary: { en: 'Turns check violations into build errors.', zh: '把检查违规变为构建错误。' } },
      { name: 'skip=all', summary: { en: 'Disables every build check.', zh: '禁用所有构建检查。' } },
      { name: 'experimental=', summary: { en: 'Experimental checks to turn on, separated by commas, or `all`.', zh: '要启用的实验性检查，以逗号分隔，或写 `all`。' } },
    ],
  },
];

/** The two keys a `# check=` directive accepts. */
export const checkDirectiveKeys: readonly ValueDoc[] = [
  { name: 'skip', summary: { en: 'Comma-separated build check names to skip, or `all`.', zh: '要跳过的构建检查名称，以逗号分隔，或写 `all`。' }, syntax: ['skip=<rule>[,<rule>...]', 'skip=all'] },
  { name: 'error', summary: { en: 'With `true`, any remaining check violation fails the build instead of printing a warning.', zh: '设为 `true` 时，剩余的检查违规会使构建失败，而不只是输出警告。' }, syntax: ['error=true|false'] },
  { name: 'experimental', summary: { en: 'Comma-separated experimental check names to run (such as `InvalidDefinitionDescription`), or `all`.', zh: '要运行的实验性检查名称，以逗号分隔（例如 `InvalidDefinitionDescription`），或写 `all`。' }, syntax: ['experimental=<rule>[,<rule>...]', 'experimental=all'] },
];

export const directiveDocs = byName(directives);
export const checkDirectiveKeyDocs = byName(checkDirectiveKeys);

import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { cleansWith, cleanupRule, missingYesRule, unpinnedRule, type ManagerSpec } from './packageManagerKit';
import { callRange, invocations, message, reportOncePerRun } from './shellKit';

/** zypper (SUSE): non-interactive mode, clean-up, version pins, dist-upgrade. */

const zypper = new Set(['zypper']);
const zypperOptions = {
  shortWithValue: 'cRDCptrx',
  longWithValue: ['config', 'root', 'reposd-dir', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'plus-repo', 'plus-content', 'type', 'repo', 'from', 'releasever'],
};
const acting = new Set(['install', 'in', 'remove', 'rm', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr']);
const downloading = new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si', 'install-new-recommends', 'inr']);
const installing = new Set(['install', 'in']);
const spec = (subcommands: ReadonlySet<string>): ManagerSpec => ({ programs: zypper, options: zypperOptions, subcommands });
const cacheDirs = ['/var/cache/zypp'];

export const zypperMissingYes = missingYesRule({
  id: 'zypper-missing-yes', scope: 'stage', fixable: true, aliases: ['DL3034'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('zypper without non-interactive switch', 'zypper 缺少非交互开关'),
  docs: message(
    'zypper stops at "Continue? [y/n/v/...? shows all options] (y)" and, without a terminal, the build cannot answer. Use the global `--non-interactive` (`-n`) before the subcommand or `-y` (`--no-confirm`) after it. The quick fix adds `-y` after the subcommand.',
    'zypper 会停在 “Continue? [y/n/v/...? shows all options] (y)” 处，而构建没有终端可以回答。请在子命令前使用全局选项 `--non-interactive`（`-n`），或在子命令后使用 `-y`（`--no-confirm`）。快速修复会在子命令后添加 `-y`。',
  ),
}, { ...spec(acting), yes: ['-n', '--non-interactive', '-y', '--no-confirm'], fixFlag: '-y' },
(inv) => message(`\`zypper ${inv.subcommand!.text}\` asks for confirmation; add \`-n\` before it or \`-y\` after it.`, `\`zypper ${inv.subcommand!.text}\` 会请求确认；请在其前加 \`-n\` 或在其后加 \`-y\`。`));

export const zypperCleanMissing = cleanupRule({
  id: 'zypper-clean-missing', scope: 'stage', aliases: ['DL3036'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('zypper clean missing', '缺少 zypper clean'),
  docs: message(
    'zypper keeps metadata and packages under `/var/cache/zypp`. Run `zypper clean` (`zypper cc`) at the end of the RUN that installs so the cache stays out of the layer. Not reported with a cache mount on `/var/cache/zypp` or in stages that do not reach the final image.',
    'zypper 会把元数据和软件包保存在 `/var/cache/zypp` 下。请在执行安装的 RUN 末尾运行 `zypper clean`（`zypper cc`），使缓存不进入镜像层。若 `/var/cache/zypp` 上有缓存挂载，或所在阶段不会进入最终镜像，则不报告。',
  ),
}, { ...spec(downloading), cleans: cleansWith(zypper, [['clean'], ['cc']], cacheDirs, zypperOptions), cacheDirs },
(inv) => message(`Add \`zypper clean\` after \`zypper ${inv.subcommand!.text}\` in this RUN.`, `请在该 RUN 中 \`zypper ${inv.subcommand!.text}\` 之后加上 \`zypper clean\`。`));

export const zypperUnpinned = unpinnedRule({
  id: 'zypper-unpinned', scope: 'stage', aliases: ['DL3037'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('zypper install without versions', 'zypper install 未固定版本'),
  docs: message(
    'Name the version of each package (`zypper install -y "curl=8.6.0"` or `"curl>=8.6"`) so rebuilds install the same software. Patterns, files, URLs and variables are not reported.',
    '请为每个软件包写明版本（`zypper install -y "curl=8.6.0"` 或 `"curl>=8.6"`），让重新构建安装相同的软件。模式、文件、URL 和变量不会被报告。',
  ),
}, { ...spec(installing), isPinned: (w) => /[<>=]/.test(w.text) || /-\d/.test(w.text), skip: (w) => w.text.startsWith('-') || w.text.includes(':') },
(names) => message(`Pin the versions of: ${names} (\`package=version\`).`, `请固定以下软件包的版本：${names}（\`软件包=版本\`）。`));

const distUpgrade = new Set(['dist-upgrade', 'dup']);

export const zypperDistUpgrade: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'zypper-dist-upgrade', scope: 'stage', aliases: ['DL3035'], severity: 'warning', category: 'best-practice', profile: 'recommended',
    title: message('zypper dist-upgrade in a Dockerfile', 'Dockerfile 中使用 zypper dist-upgrade'),
    docs: message(
      '`zypper dist-upgrade` moves the whole system to whatever the repositories offer now, possibly a different distribution release, with vendor changes and removals. The result depends on the build date and may no longer match the base image it claims to be. Pick a newer base image instead, or apply `zypper patch` for security fixes.',
      '`zypper dist-upgrade` 会把整个系统迁移到仓库当前提供的版本，可能是另一个发行版版本，并伴随供应商变更和软件包删除。结果取决于构建日期，可能与声称的基础镜像不再一致。请改用更新的基础镜像，或用 `zypper patch` 应用安全修复。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(invocations(model, zypper, distUpgrade, zypperOptions), report, (inv, found) => {
      found({
        range: callRange(model, inv),
        message: message('Avoid `zypper dist-upgrade`: use a newer base image, or `zypper patch` for fixes.', '避免使用 `zypper dist-upgrade`：请使用更新的基础镜像，或用 `zypper patch` 获取修复。'),
      });
    });
  },
};

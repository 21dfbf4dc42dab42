import type { ShellWord } from '../shell';
import { cleansWith, cleanupRule, missingYesRule, unpinnedRule, type ManagerSpec } from './packageManagerKit';
import { message } from './shellKit';

/** yum, dnf and microdnf (Red Hat family): `-y`, `clean all`, version pins. */

const rpmOptions = {
  shortWithValue: 'cdexR',
  longWithValue: ['config', 'debuglevel', 'errorlevel', 'exclude', 'enablerepo', 'disablerepo', 'releasever', 'installroot', 'setopt', 'repo', 'repoid', 'repofrompath', 'downloaddir', 'destdir', 'forcearch', 'color', 'rpmverbosity', 'comment', 'advisory', 'cve', 'bz', 'sec-severity'],
};

/**
 * Subcommands as yum, dnf (4 and 5) and microdnf accept them, short names included (`dnf in`,
 * `dnf up`, `dnf up-min`, `dnf rei`): each program ignores the names it does not know.
 */
const installNames = ['install', 'in'];
const reinstallNames = ['reinstall', 'rei'];
const upgradeNames = ['update', 'upgrade', 'up', 'upgrade-minimal', 'update-minimal', 'up-min'];
const downgradeNames = ['downgrade', 'dg'];
const syncNames = ['distro-sync', 'distrosync', 'dsync'];
const acting = new Set([...installNames, ...reinstallNames, ...upgradeNames, ...downgradeNames, ...syncNames, 'groupinstall', 'localinstall',
  'remove', 'rm', 'erase', 'groupupdate', 'group', 'autoremove', 'swap', 'module']);
const secondWord = {
  group: new Set(['install', 'remove', 'upgrade', 'update', 'mark']),
  module: new Set(['install', 'enable', 'disable', 'reset', 'remove', 'switch-to']),
};
const downloading = new Set([...installNames, ...reinstallNames, ...upgradeNames, ...downgradeNames, ...syncNames, 'groupinstall', 'localinstall', 'group', 'module']);
/** Installs that name packages with a version to pin: groups (`groupinstall "Development Tools"`) and local files have none. */
const installing = new Set([...installNames, ...reinstallNames, ...downgradeNames, 'module']);
const installSecond = { module: new Set(['install']) };

const yum = new Set(['yum']);
const dnf = new Set(['dnf', 'dnf5', 'microdnf']);

function spec(programs: ReadonlySet<string>, subcommands: ReadonlySet<string>, second: ManagerSpec['secondWord'] = secondWord): ManagerSpec {
  return { programs, options: rpmOptions, subcommands, secondWord: second };
}

/** `name-1.2.3`, `name-1.2*`, `name = 1.2`, `name >= 1` name a version, `tomcat:9` a module stream; groups are skipped. */
const rpmPinned = (w: ShellWord) => /-\d/.test(w.text) || /[<>=:]/.test(w.text);
const rpmSkip = (w: ShellWord) => w.text.startsWith('@') || w.text.startsWith('-') || /^[<>=]/.test(w.text);

export const yumMissingYes = missingYesRule({
  id: 'yum-missing-yes', scope: 'stage', fixable: true, aliases: ['DL3030'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('yum without -y', 'yum 缺少 -y'),
  docs: message(
    'Without `-y` yum asks "Is this ok [y/N]" and, with no terminal to answer in a build, aborts the transaction, failing the RUN. Pass `-y` (or `--assumeyes`). The quick fix adds it after the subcommand.',
    '不加 `-y` 时 yum 会询问 “Is this ok [y/N]”；构建中没有终端可以回答，事务随即中止，RUN 失败。请加上 `-y`（或 `--assumeyes`）。快速修复会在子命令后添加它。',
  ),
}, { ...spec(yum, acting), yes: ['-y', '--assumeyes'], fixFlag: '-y' },
(inv) => message(`\`yum ${inv.subcommand!.text}\` asks for confirmation; add \`-y\`.`, `\`yum ${inv.subcommand!.text}\` 会请求确认；请加上 \`-y\`。`));

export const dnfMissingYes = missingYesRule({
  id: 'dnf-missing-yes', scope: 'stage', fixable: true, aliases: ['DL3038'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('dnf or microdnf without -y', 'dnf 或 microdnf 缺少 -y'),
  docs: message(
    'dnf asks for confirmation before it changes packages; in a build nobody can answer, so the transaction is aborted and the RUN fails. Pass `-y` (or `--assumeyes`) to dnf and microdnf. The quick fix adds it after the subcommand.',
    'dnf 在变更软件包前会请求确认；构建中无人可以回答，事务会被中止，RUN 失败。请为 dnf 和 microdnf 加上 `-y`（或 `--assumeyes`）。快速修复会在子命令后添加它。',
  ),
}, { ...spec(dnf, acting), yes: ['-y', '--assumeyes'], fixFlag: '-y' },
(inv) => message(`\`${inv.command.name} ${inv.subcommand!.text}\` asks for confirmation; add \`-y\`.`, `\`${inv.command.name} ${inv.subcommand!.text}\` 会请求确认；请加上 \`-y\`。`));

const yumCacheDirs = ['/var/cache/yum'];
const dnfCacheDirs = ['/var/cache/dnf', '/var/cache/yum', '/var/cache/libdnf5'];

export const yumCleanMissing = cleanupRule({
  id: 'yum-clean-missing', scope: 'stage', aliases: ['DL3032'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('yum clean all missing', '缺少 yum clean all'),
  docs: message(
    'yum keeps repository metadata and downloaded packages in `/var/cache/yum`. Unless the same RUN ends with `yum clean all` (or removes `/var/cache/yum`), that cache is baked into the layer and every image pulled carries it. Not reported with a cache mount on `/var/cache/yum` or in stages that do not reach the final image.',
    'yum 会把仓库元数据和下载的软件包保存在 `/var/cache/yum`。除非在同一个 RUN 末尾执行 `yum clean all`（或删除 `/var/cache/yum`），这些缓存会被固化进镜像层，每次拉取镜像都要带上它们。若 `/var/cache/yum` 上有缓存挂载，或所在阶段不会进入最终镜像，则不报告。',
  ),
}, { ...spec(yum, downloading), cleans: cleansWith(yum, [['clean', 'all']], yumCacheDirs, rpmOptions), cacheDirs: yumCacheDirs },
(inv) => message(`Add \`yum clean all\` after \`yum ${inv.subcommand!.text}\` in this RUN to keep the cache out of the image.`, `请在该 RUN 中 \`yum ${inv.subcommand!.text}\` 之后加上 \`yum clean all\`，避免缓存进入镜像。`));

export const dnfCleanMissing = cleanupRule({
  id: 'dnf-clean-missing', scope: 'stage', aliases: ['DL3040'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('dnf clean all missing', '缺少 dnf clean all'),
  docs: message(
    'dnf and microdnf leave repository metadata in `/var/cache/dnf` (or `/var/cache/yum`). End the RUN that installs with `dnf clean all` (`microdnf clean all`) so the cache does not become part of the layer. Not reported with a cache mount on the cache directory or in stages that do not reach the final image.',
    'dnf 和 microdnf 会把仓库元数据留在 `/var/cache/dnf`（或 `/var/cache/yum`）。请在执行安装的 RUN 末尾加上 `dnf clean all`（`microdnf clean all`），使缓存不成为镜像层的一部分。若缓存目录上有缓存挂载，或所在阶段不会进入最终镜像，则不报告。',
  ),
}, { ...spec(dnf, downloading), cleans: cleansWith(dnf, [['clean', 'all']], dnfCacheDirs, rpmOptions), cacheDirs: dnfCacheDirs },
(inv) => message(`Add \`${inv.command.name} clean all\` after \`${inv.command.name} ${inv.subcommand!.text}\` in this RUN.`, `请在该 RUN 中 \`${inv.command.name} ${inv.subcommand!.text}\` 之后加上 \`${inv.command.name} clean all\`。`));

export const yumUnpinned = unpinnedRule({
  id: 'yum-unpinned', scope: 'stage', aliases: ['DL3033'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('yum install without versions', 'yum install 未固定版本'),
  docs: message(
    'A package name alone installs whatever version the repositories offer at build time. Name the version (`yum install -y httpd-2.4.57`) so rebuilds give the same image. Groups (`@group`, `yum groupinstall`), module streams (`yum module install tomcat:9`), files, URLs and variables are not reported.',
    '只写软件包名会安装构建时仓库提供的任意版本。请写明版本（`yum install -y httpd-2.4.57`），让重新构建得到相同的镜像。软件包组（`@group`、`yum groupinstall`）、模块流（`yum module install tomcat:9`）、文件、URL 和变量不会被报告。',
  ),
  differences: message(
    'hadolint also reports a package whose version comes from a variable the stage does not declare (`git-core-${version}` with `version` set in another stage). Stevedore does not judge a package written with a variable: the base image\'s own ENV, which a Dockerfile cannot show, may set it.',
    'hadolint 还会报告版本来自本阶段未声明变量的软件包（`git-core-${version}`，而 `version` 设在另一个阶段）。Stevedore 不判断用变量写出的软件包：基础镜像自己的 ENV（Dockerfile 中看不到）可能设置了它。',
  ),
}, { ...spec(yum, installing, installSecond), isPinned: rpmPinned, skip: rpmSkip },
(names) => message(`Pin the versions of: ${names} (\`package-version\`).`, `请固定以下软件包的版本：${names}（\`软件包-版本\`）。`));

export const dnfUnpinned = unpinnedRule({
  id: 'dnf-unpinned', scope: 'stage', aliases: ['DL3041'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('dnf install without versions', 'dnf install 未固定版本'),
  docs: message(
    'A package name alone installs whatever version the repositories offer at build time. Name the version (`dnf install -y httpd-2.4.57`) so rebuilds give the same image. Groups and module streams (`@nodejs:20`), files, URLs and variables are not reported.',
    '只写软件包名会安装构建时仓库提供的任意版本。请写明版本（`dnf install -y httpd-2.4.57`），让重新构建得到相同的镜像。软件包组和模块流（`@nodejs:20`）、文件、URL 和变量不会被报告。',
  ),
  differences: message(
    'hadolint also reports a package whose version comes from a variable the stage does not declare (`git-core-${version}` with `version` set in another stage). Stevedore does not judge a package written with a variable: the base image\'s own ENV, which a Dockerfile cannot show, may set it.',
    'hadolint 还会报告版本来自本阶段未声明变量的软件包（`git-core-${version}`，而 `version` 设在另一个阶段）。Stevedore 不判断用变量写出的软件包：基础镜像自己的 ENV（Dockerfile 中看不到）可能设置了它。',
  ),
}, { ...spec(dnf, installing, installSecond), isPinned: rpmPinned, skip: rpmSkip },
(names) => message(`Pin the versions of: ${names} (\`package-version\`).`, `请固定以下软件包的版本：${names}（\`软件包-版本\`）。`));

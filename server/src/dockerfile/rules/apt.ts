import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import {
  callRange, commandsOf, earlierInRun, insertAfter, invocations, isOpaqueOperand, laterInRun, layersShip, listNames, message, mountCovers,
  parseArgs, removes, replaceWord, reportOncePerRun, UnpinnedPerRun, writtenPlainly, type Invocation, type OptionSpec,
} from './shellKit';
import type { ShellCommand } from '../shell';

/** apt-get rules: non-interactive installs, recommends, pinning, list clean-up, stale lists. */

export const aptGetOptions: OptionSpec = {
  shortWithValue: 'octa',
  longWithValue: ['option', 'config-file', 'target-release', 'default-release', 'host-architecture'],
};
/** apt-get and aptitude: the same package lists, the same prompts, the same `pkg=version` pins. */
const aptGet = new Set(['apt-get', 'aptitude']);
const aptLike = new Set(['apt-get', 'apt', 'aptitude']);
const install = new Set(['install']);
const prompting = new Set(['install', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'autopurge', 'build-dep', 'satisfy']);

function configValue(inv: Invocation, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const value of inv.parsed.values('-o').concat(inv.parsed.values('--option'))) {
    const eq = value.indexOf('=');
    if (eq > 0 && value.slice(0, eq).toLowerCase() === lower) return value.slice(eq + 1).toLowerCase();
  }
  return undefined;
}

const truthy = (value: string | undefined) => value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.replace(/^["']|["']$/g, ''));
const falsy = (value: string | undefined) => value !== undefined && ['0', 'false', 'no', 'off'].includes(value.replace(/^["']|["']$/g, ''));

/** `-s` and its synonyms only print what would happen. */
const simulateOptions = ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act'];
/** aptitude's own spelling of "no recommends". */
const withoutRecommends = ['-R', '--without-recommends'];
const yesOptions = ['-y', '--yes', '--assume-yes', '--force-yes'];

export function simulates(inv: Invocation): boolean {
  return inv.parsed.hasAny(simulateOptions);
}

export function answersYes(inv: Invocation): boolean {
  const p = inv.parsed;
  if (simulates(inv) || p.hasAny(yesOptions)) return true;
  const quiet = p.options.filter((o) => o.name === 'q' || o.name === 'quiet');
  if (quiet.length >= 2 || quiet.some((o) => o.value !== undefined && Number(o.value) >= 2)) return true;
  return truthy(configValue(inv, 'APT::Get::Assume-Yes'));
}

export const aptGetMissingYes: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apt-get-missing-yes', scope: 'stage', fixable: true,
    aliases: ['DL3014'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('apt-get without -y', 'apt-get 缺少 -y'),
    docs: message(
      'A build has no terminal to answer apt-get\'s "Do you want to continue?" prompt: apt-get reads end-of-file, answers no and the RUN fails. Pass `-y` (or `--yes`, `-qq`, `-o APT::Get::Assume-Yes=true`) to every `apt-get install`, `remove`, `purge`, `upgrade` and similar call. `aptitude` is checked the same way.\n\nThe quick fix adds `-y` after the subcommand.',
      '构建过程没有终端可以回答 apt-get 的“是否继续？”提示：apt-get 读到文件结尾，按“否”处理，RUN 随即失败。请为每个 `apt-get install`、`remove`、`purge`、`upgrade` 等调用加上 `-y`（或 `--yes`、`-qq`、`-o APT::Get::Assume-Yes=true`）。`aptitude` 也按同样方式检查。\n\n快速修复会在子命令后加上 `-y`。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(invocations(model, aptGet, prompting, aptGetOptions), report, (inv, found) => {
      if (answersYes(inv)) return;
      const sub = inv.subcommand!;
      const call = `${inv.command.name} ${sub.text}`;
      found({
        range: callRange(model, inv),
        message: message(`\`${call}\` will wait for a confirmation the build cannot give; add \`-y\`.`, `\`${call}\` 会等待构建无法给出的确认；请加上 \`-y\`。`),
        fixes: writtenPlainly(model, sub) ? [{ title: message('Add -y', '添加 -y'), edits: [insertAfter(model, sub, ' -y')], safe: true }] : undefined,
      });
    });
  },
};

export const aptGetInstallRecommends: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apt-get-install-recommends', scope: 'stage', fixable: true,
    aliases: ['DL3015'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('apt-get install without --no-install-recommends', 'apt-get install 未使用 --no-install-recommends'),
    docs: message(
      'By default apt-get also installs every package the requested ones merely *recommend*. In an image that usually means documentation, extra tools and libraries nobody calls, which make the image bigger and widen its attack surface. Add `--no-install-recommends` and list the packages you really need.\n\nAlso accepted: `-o APT::Install-Recommends=false`, or an apt configuration line `APT::Install-Recommends "false";` written earlier in the Dockerfile.\n\nThe quick fix is not marked safe: software that relied on a recommended package may need it listed explicitly.',
      'apt-get 默认还会安装所请求软件包“推荐”的全部软件包。在镜像里这通常意味着文档、额外工具和没人调用的库，既增大镜像，又扩大攻击面。请加上 `--no-install-recommends`，并明确列出真正需要的软件包。\n\n同样认可：`-o APT::Install-Recommends=false`，或在 Dockerfile 前面写入的 apt 配置 `APT::Install-Recommends "false";`。\n\n该快速修复未标记为安全：依赖某个推荐软件包的程序可能需要把它显式列出。',
    ),
  },
  check({ model }, report) {
    const text = model.document.getText();
    reportOncePerRun(invocations(model, aptGet, install, aptGetOptions), report, (inv, found) => {
      if (simulates(inv) || inv.parsed.has('--no-install-recommends') || falsy(configValue(inv, 'APT::Install-Recommends'))) return;
      if (inv.parsed.values('--install-recommends').some((v) => falsy(v))) return;
      const aptitude = inv.command.name === 'aptitude';
      if (aptitude && inv.parsed.hasAny(withoutRecommends)) return;
      const before = text.slice(0, inv.command.start);
      if (/APT::Install-Recommends\W+(?:"|')?(?:0|false|no)\b/i.test(before)) return;
      const sub = inv.subcommand!;
      const flag = aptitude ? '--without-recommends' : '--no-install-recommends';
      found({
        range: callRange(model, inv),
        message: message(`\`${inv.command.name} install\` also installs recommended packages; add \`${flag}\`.`, `\`${inv.command.name} install\` 会同时安装推荐的软件包；请加上 \`${flag}\`。`),
        fixes: writtenPlainly(model, sub) ? [{ title: message(`Add ${flag}`, `添加 ${flag}`), edits: [insertAfter(model, sub, ` ${flag}`)], safe: false }] : undefined,
      });
    });
  },
};

/** `apt-get update`, or apt 3's `apt-get install --update` which refreshes the lists first. */
const isAptUpdate = (c: ShellCommand) => aptLike.has(c.name) && c.args.some((a) => a.text === 'update' || (a.text === '--update' && c.args.some((b) => b.text === 'install')));
const cleansLists = (c: ShellCommand) => removes(c, ['/var/lib/apt/lists'])
  || (aptLike.has(c.name) && c.args.some((a) => a.text === 'distclean' || a.text === 'dist-clean'))
  || (c.name === 'find' && c.args.some((a) => a.text.startsWith('/var/lib/apt/lists')) && c.args.some((a) => a.text === '-delete'));

export const aptListsNotCleaned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apt-lists-not-cleaned', scope: 'stage', fixable: true,
    aliases: ['DL3009'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('apt lists left in the layer', 'apt 软件包列表留在了镜像层中'),
    docs: message(
      '`apt-get update` downloads package lists (tens of megabytes) into `/var/lib/apt/lists`. Deleting them in a later RUN does not shrink the image, because the earlier layer still holds them. Remove them in the same RUN, after the last install: `… && rm -rf /var/lib/apt/lists/*`. `apt update` and `aptitude update` fill the same directory.\n\nNot reported when a `--mount=type=cache` (or tmpfs) covers `/var/lib/apt/lists`, nor in build stages whose layers never reach the final image.',
      '`apt-get update` 会把软件包列表（数十 MB）下载到 `/var/lib/apt/lists`。在后面的 RUN 中删除并不能减小镜像，因为先前的层里仍保留着它们。请在同一个 RUN 中、最后一次安装之后删除：`… && rm -rf /var/lib/apt/lists/*`。`apt update` 和 `aptitude update` 写入的是同一个目录。\n\n当 `--mount=type=cache`（或 tmpfs）覆盖 `/var/lib/apt/lists` 时不会报告；其层不会进入最终镜像的构建阶段也不会报告。',
    ),
    differences: message(
      'hadolint (DL3009) accepts a cache mount only when both `/var/lib/apt` and `/var/cache/apt` are mounted. Here any cache or tmpfs mount that covers `/var/lib/apt/lists` (including one on `/var/lib/apt`) is enough, since the lists are what this rule is about.',
      'hadolint（DL3009）只有在 `/var/lib/apt` 和 `/var/cache/apt` 都被挂载时才认可缓存挂载。这里只要有缓存或 tmpfs 挂载覆盖 `/var/lib/apt/lists`（包括挂载在 `/var/lib/apt` 上的）就足够，因为此规则关心的正是软件包列表。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(invocations(model, aptLike, new Set(['update', 'install']), aptGetOptions), report, (inv, found) => {
      if (!isAptUpdate(inv.command) || !layersShip(inv.run) || mountCovers(inv.run, '/var/lib/apt/lists')) return;
      if (laterInRun(inv, cleansLists) || laterInRun(inv, isAptUpdate)) return;
      const last = inv.run.commands[inv.run.commands.length - 1];
      const canAppend = inv.run.form === 'shell' && !inv.run.heredoc && last.depth === 0 && !last.inBlock;
      const endPosition = model.document.positionAt(last.end);
      found({
        range: callRange(model, inv),
        message: message('The package lists downloaded here stay in the image; remove `/var/lib/apt/lists/*` at the end of this RUN.', '此处下载的软件包列表会留在镜像中；请在该 RUN 末尾删除 `/var/lib/apt/lists/*`。'),
        fixes: canAppend ? [{
          title: message('Append && rm -rf /var/lib/apt/lists/*', '追加 && rm -rf /var/lib/apt/lists/*'),
          edits: [{ range: { start: endPosition, end: endPosition }, newText: ' && rm -rf /var/lib/apt/lists/*' }],
          safe: true,
        }] : undefined,
      });
    });
  },
};

/** `pkg=1.2`, `pkg=1.2.*`, `pkg/bookworm-backports` name a version or release; `$PKG` is unknown. */
function aptPackageIsPinned(word: { text: string }): boolean {
  return word.text.includes('=');
}

export const aptGetUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apt-get-unpinned', scope: 'stage',
    aliases: ['DL3008'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('apt-get install without versions', 'apt-get install 未固定版本'),
    docs: message(
      'Without a version, `apt-get install` takes whatever the archive offers on the day of the build, so two builds of the same Dockerfile can differ. Pin the versions you depend on: `apt-get install -y curl=7.88.1-10+deb12u5`. A wildcard such as `curl=7.88.*` keeps security updates within a release. `aptitude install` is checked the same way.\n\nPackages given through variables, command substitution, files (`./x.deb`) or a target release (`pkg/bookworm-backports`) are not reported.',
      '不指定版本时，`apt-get install` 会安装构建当天软件源提供的版本，同一个 Dockerfile 的两次构建可能不同。请固定所依赖的版本：`apt-get install -y curl=7.88.1-10+deb12u5`。使用 `curl=7.88.*` 这样的通配符可以在同一发行版内继续获得安全更新。`aptitude install` 也按同样方式检查。\n\n通过变量、命令替换、文件（`./x.deb`）或目标发行版（`pkg/bookworm-backports`）指定的软件包不会被报告。',
    ),
  },
  check({ model }, report) {
    const perRun = new UnpinnedPerRun<Invocation>();
    for (const inv of invocations(model, aptGet, install, aptGetOptions)) {
      if (simulates(inv)) continue;
      perRun.add(inv, inv.operands.filter((w) => !isOpaqueOperand(w) && !aptPackageIsPinned(w) && !/[*?[]/.test(w.text)));
    }
    for (const { first, words } of perRun.entries()) {
      report({
        range: callRange(model, first),
        message: message(`Pin the versions of: ${listNames(words)} (\`package=version\`).`, `请固定以下软件包的版本：${listNames(words)}（\`软件包=版本\`）。`),
      });
    }
  },
};

export const aptGetInstallWithoutUpdate: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apt-get-install-without-update', scope: 'stage',
    aliases: [],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('apt-get install without apt-get update in the same RUN', 'apt-get install 与 apt-get update 不在同一个 RUN 中'),
    docs: message(
      'Docker caches each RUN as a layer. When `apt-get update` runs in an earlier RUN, a later change to the install line reuses the old cached update: apt then installs outdated versions or fails with "Unable to locate package" once the archive has moved on. Without any update at all, images that ship without package lists (all official Debian and Ubuntu images) cannot find the packages. Run `apt-get update && apt-get install …` in one RUN.',
      'Docker 会把每个 RUN 缓存为一层。如果 `apt-get update` 在更早的 RUN 中执行，之后修改安装行时仍会复用旧的缓存结果：apt 会安装过时的版本，或在软件源更新后报错 “Unable to locate package”。如果根本没有执行 update，不带软件包列表的镜像（所有官方 Debian 和 Ubuntu 镜像）将找不到这些软件包。请在同一个 RUN 中执行 `apt-get update && apt-get install …`。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(invocations(model, aptLike, install, aptGetOptions), report, (inv, found) => {
      if (inv.operands.length === 0 || simulates(inv)) return;
      if (inv.operands.every((w) => !w.dynamic && (w.text.includes('/') || w.text.endsWith('.deb')))) return;
      if (isAptUpdate(inv.command) || earlierInRun(inv, isAptUpdate)) return;
      found({
        range: callRange(model, inv),
        message: message(`Run \`${inv.command.name} update\` in the same RUN before installing, or the package lists may be stale or missing.`, `请在同一个 RUN 中先执行 \`${inv.command.name} update\` 再安装，否则软件包列表可能已过时或不存在。`),
      });
    });
  },
};

const aptKey = new Set(['apt-key']);
const aptKeyAdds = new Set(['add', 'adv']);
const aptKeyOptions: OptionSpec = { shortWithValue: '', longWithValue: ['keyring', 'keyserver', 'recv-keys', 'recv-key'] };

export const aptKeyDeprecated: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apt-key-deprecated', scope: 'stage',
    aliases: [],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    tag: 'deprecated',
    title: message('apt-key is deprecated', 'apt-key 已弃用'),
    docs: message(
      '`apt-key` adds keys to a keyring that every repository trusts, and it has been removed from current Debian and Ubuntu releases. Save the repository key in its own file and name it in the source entry:\n\n```\ncurl -fsSL https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/example.gpg\necho "deb [signed-by=/etc/apt/keyrings/example.gpg] https://example.com/apt stable main" > /etc/apt/sources.list.d/example.list\n```',
      '`apt-key` 会把密钥加入一个被所有软件源信任的密钥环，而且已在当前的 Debian 和 Ubuntu 版本中移除。请把软件源密钥单独保存为文件，并在源条目中引用：\n\n```\ncurl -fsSL https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/example.gpg\necho "deb [signed-by=/etc/apt/keyrings/example.gpg] https://example.com/apt stable main" > /etc/apt/sources.list.d/example.list\n```',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(invocations(model, aptKey, aptKeyAdds, aptKeyOptions), report, (inv, found) => {
      found({
        range: callRange(model, inv),
        message: message('`apt-key` is deprecated and missing from current Debian/Ubuntu; store the key under /etc/apt/keyrings and use `signed-by`.', '`apt-key` 已弃用，当前的 Debian/Ubuntu 已不再提供；请把密钥存放在 /etc/apt/keyrings 下，并使用 `signed-by`。'),
      });
    });
  },
};

/** `apt` subcommands and the tool that does the same job in scripts. */
const aptReplacement: Record<string, { tool: 'apt-get' | 'apt-cache'; safe: boolean }> = {
  install: { tool: 'apt-get', safe: true }, update: { tool: 'apt-get', safe: true }, remove: { tool: 'apt-get', safe: true },
  purge: { tool: 'apt-get', safe: true }, autoremove: { tool: 'apt-get', safe: true }, clean: { tool: 'apt-get', safe: true },
  autoclean: { tool: 'apt-get', safe: true }, 'build-dep': { tool: 'apt-get', safe: true }, source: { tool: 'apt-get', safe: true },
  download: { tool: 'apt-get', safe: true }, 'dist-upgrade': { tool: 'apt-get', safe: true },
  // `apt upgrade` may install new packages where `apt-get upgrade` holds back: same intent, different result.
  upgrade: { tool: 'apt-get', safe: false },
  search: { tool: 'apt-cache', safe: true }, show: { tool: 'apt-cache', safe: true }, policy: { tool: 'apt-cache', safe: true },
  depends: { tool: 'apt-cache', safe: true }, rdepends: { tool: 'apt-cache', safe: true }, showsrc: { tool: 'apt-cache', safe: true },
};

const aptOnly = new Set(['apt']);

export const aptInsteadOfAptGet: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apt-instead-of-apt-get', scope: 'stage', fixable: true,
    aliases: ['DL3027'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('apt used in a script', '在脚本中使用了 apt'),
    docs: message(
      '`apt` is made for people at a terminal: its output and behaviour may change between releases and it warns that it "does not have a stable CLI interface". Scripts, Dockerfiles included, should call `apt-get` (install, update, remove…) or `apt-cache` (search, show, policy…).\n\nThe quick fix swaps the program name; for `apt upgrade` it is not marked safe because `apt-get upgrade` holds back upgrades that need new packages.',
      '`apt` 是为终端前的用户设计的：它的输出和行为可能随版本变化，并会提示“没有稳定的命令行接口”。脚本（包括 Dockerfile）应调用 `apt-get`（install、update、remove 等）或 `apt-cache`（search、show、policy 等）。\n\n快速修复会替换程序名；对 `apt upgrade` 未标记为安全，因为 `apt-get upgrade` 会保留需要新软件包的升级。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, aptOnly), report, (visit, found) => {
      const program = visit.command.program!;
      const sub = parseArgs(visit.command.args, aptGetOptions).positionals[0];
      const replacement = sub ? aptReplacement[sub.text] : undefined;
      const tool = replacement?.tool ?? 'apt-get';
      found({
        range: callRange(model, { command: visit.command, subcommand: sub }),
        message: message(`Use \`${tool}\` instead of \`apt\` in scripts; apt's command line is not stable.`, `在脚本中请使用 \`${tool}\` 而不是 \`apt\`；apt 的命令行接口并不稳定。`),
        fixes: replacement && writtenPlainly(model, program) && program.text === 'apt'
          ? [{ title: message(`Replace apt with ${tool}`, `将 apt 替换为 ${tool}`), edits: [replaceWord(model, program, tool)], safe: replacement.safe }]
          : undefined,
      });
    });
  },
};

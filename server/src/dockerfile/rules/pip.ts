import type { Rule } from '../../common/rules';
import type { DockerfileModel } from '../model';
import type { ShellWord } from '../shell';
import type { DockerfileRuleSubject } from './context';
import { perModel } from '../perModel';
import {
  callRange, commandsOf, envBefore, envValue, insertAfter, isOpaqueOperand, laterInRun, listNames, message, mountCovers,
  parseArgs, removes, writtenPlainly, type CommandVisit, type ParsedArgs,
} from './shellKit';

/** pip: no cache in the image, pinned requirements. */

const pipOptions = {
  shortWithValue: 'rceiftC',
  longWithValue: ['requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'find-links', 'target', 'prefix', 'root', 'src',
    'trusted-host', 'platform', 'python-version', 'implementation', 'abi', 'global-option', 'install-option', 'config-settings', 'progress-bar',
    'cache-dir', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'upgrade-strategy', 'only-binary', 'no-binary',
    'report', 'root-user-action', 'python', 'use-feature', 'use-deprecated', 'keyring-provider', 'group'],
};

export interface PipInstall extends CommandVisit {
  parsed: ParsedArgs;
  install: ShellWord;
  packages: ShellWord[];
}

/** `pip install …`, `pip3.12 install …`, `python3 -m pip install …`; found once per model for both pip rules. */
export const pipInstalls = perModel((model): readonly PipInstall[] => findPipInstalls(model));

function findPipInstalls(model: DockerfileModel): PipInstall[] {
  const found: PipInstall[] = [];
  for (const visit of commandsOf(model)) {
    const { command } = visit;
    // Both names start with "p": most commands are passed over without running the two regexes.
    if (command.name.charCodeAt(0) !== 112 /* p */) continue;
    let args: ShellWord[] | undefined;
    if (/^pip[0-9.]*$/.test(command.name)) args = command.args;
    else if (/^python[0-9.]*$/.test(command.name)) {
      const m = command.args.findIndex((a, i) => a.text === '-m' && command.args[i + 1]?.text === 'pip');
      if (m >= 0 && command.args.slice(0, m).every((a) => a.text.startsWith('-'))) args = command.args.slice(m + 2);
    }
    if (!args) continue;
    const parsed = parseArgs(args, pipOptions);
    const install = parsed.positionals[0];
    if (install?.text !== 'install') continue;
    found.push({ command: visit.command, run: visit.run, index: visit.index, parsed, install, packages: parsed.positionals.slice(1) });
  }
  return found;
}

const pipCacheDirs = ['/root/.cache/pip', '/root/.cache'];

export const pipNoCacheDir: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'pip-no-cache-dir', fixable: true,
    aliases: ['DL3042'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('pip install without --no-cache-dir', 'pip install 未使用 --no-cache-dir'),
    docs: message(
      'pip saves every downloaded wheel in `~/.cache/pip`. Inside an image build that cache is never reused, yet it is committed into the layer. Pass `--no-cache-dir`, or set `ENV PIP_NO_CACHE_DIR=1` once for the stage.\n\nNot reported when a cache mount covers the pip cache (`--mount=type=cache,target=/root/.cache/pip`, the better choice with BuildKit), when `--cache-dir` is chosen explicitly, when the RUN removes the cache, or in stages that do not reach the final image. The quick fix adds `--no-cache-dir` after `install`.',
      'pip 会把下载的每个 wheel 保存在 `~/.cache/pip`。在镜像构建中这份缓存不会被复用，却会被提交进镜像层。请加上 `--no-cache-dir`，或在该阶段设置一次 `ENV PIP_NO_CACHE_DIR=1`。\n\n当缓存挂载覆盖 pip 缓存（`--mount=type=cache,target=/root/.cache/pip`，使用 BuildKit 时更好的做法）、显式指定了 `--cache-dir`、RUN 删除了缓存，或所在阶段不会进入最终镜像时，不会报告。快速修复会在 `install` 后添加 `--no-cache-dir`。',
    ),
  },
  check({ model }, report) {
    for (const pip of pipInstalls(model)) {
      const p = pip.parsed;
      if (p.options.some((o) => o.long && (o.name.startsWith('no-cache') || o.name === 'cache-dir'))) continue;
      if (!pip.run.stage.shipped || pipCacheDirs.some((dir) => mountCovers(pip.run, dir)) || pip.run.mounts.some((m) => m.type === 'cache' && /\.cache\/pip$/.test(m.target ?? ''))) continue;
      if (laterInRun(pip, (c) => removes(c, pipCacheDirs) || removes(c, ['~/.cache/pip', '~/.cache', '$HOME/.cache', '$HOME/.cache/pip']))) continue;
      if (envValue(pip, envBefore(model, pip.run.instruction), 'PIP_NO_CACHE_DIR')) continue;
      report({
        range: callRange(model, { command: pip.command, subcommand: pip.install }),
        message: message('Add `--no-cache-dir` so pip\'s download cache does not end up in the image.', '请加上 `--no-cache-dir`，避免 pip 的下载缓存进入镜像。'),
        fixes: writtenPlainly(model, pip.install)
          ? [{ title: message('Add --no-cache-dir', '添加 --no-cache-dir'), edits: [insertAfter(model, pip.install, ' --no-cache-dir')], safe: true }]
          : undefined,
      });
    }
  },
};

const tooling = new Set(['pip', 'setuptools', 'wheel']);

/** `pkg==1.2`, `pkg>=1,<2`, `pkg~=1.4`, `pkg @ https://…` constrain the version. */
function pipPinned(word: ShellWord): boolean {
  return /[=<>~!@]/.test(word.text);
}

export const pipUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'pip-unpinned',
    aliases: ['DL3013'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('pip install without versions', 'pip install 未固定版本'),
    docs: message(
      'A bare requirement installs the newest release at build time, and its dependencies move with it. Pin versions (`pip install requests==2.32.3`) or, better, install from a requirements or lock file (`pip install -r requirements.txt`).\n\nNot reported: requirement files, constraint files (`-c`, `PIP_CONSTRAINT`), local paths (`.`), archives, URLs, variables, and `pip`/`setuptools`/`wheel` upgraded with `-U`.',
      '只写包名会在构建时安装最新版本，它的依赖也会随之变化。请固定版本（`pip install requests==2.32.3`），更好的做法是从依赖或锁定文件安装（`pip install -r requirements.txt`）。\n\n以下情况不报告：依赖文件、约束文件（`-c`、`PIP_CONSTRAINT`）、本地路径（`.`）、归档、URL、变量，以及用 `-U` 升级的 `pip`/`setuptools`/`wheel`。',
    ),
  },
  check({ model }, report) {
    for (const pip of pipInstalls(model)) {
      const p = pip.parsed;
      if (p.has('-c', '--constraint') || envValue(pip, envBefore(model, pip.run.instruction), 'PIP_CONSTRAINT')) continue;
      const upgrade = p.has('-U', '--upgrade');
      const unpinned = pip.packages.filter((w) => !isOpaqueOperand(w) && !pipPinned(w) && !/\.(tar\.bz2|tar\.xz)$/.test(w.text)
        && !(upgrade && tooling.has(w.text.toLowerCase())));
      if (unpinned.length === 0) continue;
      report({
        range: callRange(model, { command: pip.command, subcommand: pip.install }),
        message: message(`Pin the versions of: ${listNames(unpinned)} (\`package==version\`).`, `请固定以下包的版本：${listNames(unpinned)}（\`包名==版本\`）。`),
      });
    }
  },
};

import type { Rule } from '../../common/rules';
import type { DockerfileModel } from '../model';
import type { ShellWord } from '../shell';
import type { DockerfileRuleSubject } from './context';
import { perModel } from '../perModel';
import {
  callRange, commandsOf, envBefore, envValue, insertAfter, isOpaqueOperand, laterInRun, layersShip, listNames, message, mountCovers,
  parseArgs, removes, reportOncePerRun, UnpinnedPerRun, writtenPlainly, type CommandVisit, type ParsedArgs,
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
  /** `pipx install` puts each application in its own environment: pinned like pip, but with no download cache to keep out. */
  pipx: boolean;
  parsed: ParsedArgs;
  install: ShellWord;
  packages: ShellWord[];
}

/** pipx's options that take a value (the others are switches). */
const pipxOptions = {
  shortWithValue: '',
  longWithValue: ['python', 'pip-args', 'index-url', 'suffix', 'spec', 'preinstall', 'global'],
};

/** `pip install …`, `pip3.12 install …`, `python3 -m pip install …`, `pipx install …`; found once per model for the pip rules. */
export const pipInstalls = perModel((model): readonly PipInstall[] => findPipInstalls(model));

function findPipInstalls(model: DockerfileModel): PipInstall[] {
  const found: PipInstall[] = [];
  for (const visit of commandsOf(model)) {
    const { command } = visit;
    // Both names start with "p": most commands are passed over without running the two regexes.
    if (command.name.charCodeAt(0) !== 112 /* p */) continue;
    let args: ShellWord[] | undefined;
    const pipx = command.name === 'pipx';
    if (pipx || /^pip[0-9.]*$/.test(command.name)) args = command.args;
    else if (/^python[0-9.]*$/.test(command.name)) {
      const m = command.args.findIndex((a, i) => a.text === '-m' && command.args[i + 1]?.text === 'pip');
      if (m >= 0 && command.args.slice(0, m).every((a) => a.text.startsWith('-'))) args = command.args.slice(m + 2);
    }
    if (!args) continue;
    const parsed = parseArgs(args, pipx ? pipxOptions : pipOptions);
    const install = parsed.positionals[0];
    if (install?.text !== 'install') continue;
    found.push({ command: visit.command, run: visit.run, index: visit.index, pipx, parsed, install, packages: parsed.positionals.slice(1) });
  }
  return found;
}

const pipCacheDirs = ['/root/.cache/pip', '/root/.cache'];

export const pipNoCacheDir: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'pip-no-cache-dir', scope: 'stage', fixable: true,
    aliases: ['DL3042'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('pip install without --no-cache-dir', 'pip install 未使用 --no-cache-dir'),
    docs: message(
      'pip saves every downloaded wheel in `~/.cache/pip`. Inside an image build that cache is never reused, yet it is committed into the layer. Pass `--no-cache-dir`, or set `ENV PIP_NO_CACHE_DIR=1` once for the stage (or `export` it earlier in the same RUN). pip turns its cache off for any value of that variable, `0` and `false` included, so any value is accepted.\n\nNot reported when a cache mount covers the pip cache (`--mount=type=cache,target=/root/.cache/pip`, the better choice with BuildKit), when `--cache-dir` is chosen explicitly, when the RUN removes the cache, or in stages that do not reach the final image. The quick fix adds `--no-cache-dir` after `install`.',
      'pip 会把下载的每个 wheel 保存在 `~/.cache/pip`。在镜像构建中这份缓存不会被复用，却会被提交进镜像层。请加上 `--no-cache-dir`，或在该阶段设置一次 `ENV PIP_NO_CACHE_DIR=1`（也可以在同一个 RUN 中提前 `export`）。pip 对该变量的任何取值（包括 `0` 和 `false`）都会关闭缓存，因此任何取值都被认可。\n\n当缓存挂载覆盖 pip 缓存（`--mount=type=cache,target=/root/.cache/pip`，使用 BuildKit 时更好的做法）、显式指定了 `--cache-dir`、RUN 删除了缓存，或所在阶段不会进入最终镜像时，不会报告。快速修复会在 `install` 后添加 `--no-cache-dir`。',
    ),
    differences: message(
      'hadolint (DL3042) still reports when `PIP_NO_CACHE_DIR` is `0`, `false`, `no` or `off`. pip itself turns the cache off for any valid value of the variable (for compatibility with old releases), so any value is accepted here.',
      '当 `PIP_NO_CACHE_DIR` 为 `0`、`false`、`no` 或 `off` 时，hadolint（DL3042）仍会报告。而 pip 本身（为了与旧版本兼容）对该变量的任何有效取值都会关闭缓存，因此这里接受任何取值。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(pipInstalls(model), report, (pip, found) => {
      const p = pip.parsed;
      if (pip.pipx || p.options.some((o) => o.long && (o.name.startsWith('no-cache') || o.name === 'cache-dir'))) return;
      if (!layersShip(pip.run) || pipCacheDirs.some((dir) => mountCovers(pip.run, dir)) || pip.run.mounts.some((m) => m.type === 'cache' && /\.cache\/pip$/.test(m.target ?? ''))) return;
      if (laterInRun(pip, (c) => removes(c, pipCacheDirs) || removes(c, ['~/.cache/pip', '~/.cache', '$HOME/.cache', '$HOME/.cache/pip']))) return;
      if (envValue(pip, envBefore(model, pip.run), 'PIP_NO_CACHE_DIR')) return;
      found({
        range: callRange(model, { command: pip.command, subcommand: pip.install }),
        message: message('Add `--no-cache-dir` so pip\'s download cache does not end up in the image.', '请加上 `--no-cache-dir`，避免 pip 的下载缓存进入镜像。'),
        fixes: writtenPlainly(model, pip.install)
          ? [{ title: message('Add --no-cache-dir', '添加 --no-cache-dir'), edits: [insertAfter(model, pip.install, ' --no-cache-dir')], safe: true }]
          : undefined,
      });
    });
  },
};

const tooling = new Set(['pip', 'setuptools', 'wheel']);

/** `pkg==1.2`, `pkg>=1,<2`, `pkg~=1.4`, `pkg @ https://…` constrain the version. */
function pipPinned(word: ShellWord): boolean {
  return /[=<>~!@]/.test(word.text);
}

/**
 * A VCS requirement (`git+https://host/x.git@v1.2#egg=x`) is pinned by the `@ref` after its path;
 * without one pip builds whatever the default branch holds today. Undefined when not a VCS URL.
 */
export function vcsRefMissing(text: string): boolean | undefined {
  const match = /^(?:git|hg|svn|bzr)\+[a-z]+:\/\/([^/]*)(\/[^#]*)?/i.exec(text);
  if (!match) return undefined;
  return !(match[2] ?? '').includes('@');
}

export const pipUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'pip-unpinned', scope: 'stage',
    aliases: ['DL3013'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('pip install without versions', 'pip install 未固定版本'),
    docs: message(
      'A bare requirement installs the newest release at build time, and its dependencies move with it. Pin versions (`pip install requests==2.32.3`) or, better, install from a requirements or lock file (`pip install -r requirements.txt`). `pipx install` is checked the same way, and a git requirement needs a tag or commit after its path (`git+https://…/x.git@v1.2#egg=x`).\n\nNot reported: requirement files, constraint files (`-c`, `PIP_CONSTRAINT`), local paths (`.`), archives, other URLs, variables, and `pip`/`setuptools`/`wheel` upgraded with `-U`.',
      '只写包名会在构建时安装最新版本，它的依赖也会随之变化。请固定版本（`pip install requests==2.32.3`），更好的做法是从依赖或锁定文件安装（`pip install -r requirements.txt`）。`pipx install` 也按同样方式检查；git 依赖需要在路径后写明标签或提交（`git+https://…/x.git@v1.2#egg=x`）。\n\n以下情况不报告：依赖文件、约束文件（`-c`、`PIP_CONSTRAINT`）、本地路径（`.`）、归档、其他 URL、变量，以及用 `-U` 升级的 `pip`/`setuptools`/`wheel`。',
    ),
  },
  check({ model }, report) {
    const perRun = new UnpinnedPerRun<PipInstall>();
    for (const pip of pipInstalls(model)) {
      const p = pip.parsed;
      if (p.has('-c', '--constraint') || envValue(pip, envBefore(model, pip.run), 'PIP_CONSTRAINT')) continue;
      const upgrade = p.has('-U', '--upgrade');
      perRun.add(pip, pip.packages.filter((w) => (!w.dynamic && vcsRefMissing(w.text)) || (!isOpaqueOperand(w) && !pipPinned(w) && !/\.(tar\.bz2|tar\.xz)$/.test(w.text)
        && !(upgrade && tooling.has(w.text.toLowerCase())))));
    }
    for (const { first, words } of perRun.entries()) {
      report({
        range: callRange(model, { command: first.command, subcommand: first.install }),
        message: message(`Pin the versions of: ${listNames(words)} (\`package==version\`).`, `请固定以下包的版本：${listNames(words)}（\`包名==版本\`）。`),
      });
    }
  },
};

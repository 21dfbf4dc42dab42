import type { Rule } from '../../common/rules';
import type { ShellWord } from '../shell';
import { directoryOf, joinPath } from '../../common/paths';
import type { DockerfileRuleSubject } from './context';
import {
  callRange, commandsOf, invocations, laterInRun, layersShip, listNames, message, mountCovers, parseArgs, replaceWord, reportOncePerRun,
  UnpinnedPerRun, writtenPlainly, type Invocation,
} from './shellKit';

/** npm and yarn: pinned packages, lockfile installs, yarn's cache. */

const npm = new Set(['npm']);
const npmOptions = {
  shortWithValue: 'w',
  longWithValue: ['prefix', 'registry', 'cache', 'workspace', 'tag', 'omit', 'include', 'install-strategy', 'userconfig', 'loglevel', 'save-prefix', 'location'],
};
const npmInstall = new Set(['install', 'i', 'add', 'isntall', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal']);

/** What npm cannot resolve from the registry by name: paths, tarballs, git and URL specs, variables. */
function npmOpaque(word: ShellWord): boolean {
  const t = word.text;
  if (word.dynamic || t === '') return true;
  if (t.startsWith('@')) return /^@[^/]+\/[^@]+@?$/.test(t) ? false : !/^@[^/]+\/[^/]+/.test(t);
  return t.includes('/') || t.includes(':') || t.startsWith('.') || /\.(tgz|tar|tar\.gz)$/.test(t);
}

/** A git spec (`git+https://…/x.git`, `git://…`) without a `#ref` builds whatever the default branch holds today. */
function gitWithoutRef(word: ShellWord): boolean {
  if (word.dynamic || !/^git(?:\+[a-z]+)?:\/\//i.test(word.text)) return false;
  const hash = word.text.indexOf('#');
  return hash < 0 || hash === word.text.length - 1;
}

function npmPinned(word: ShellWord): boolean {
  const at = word.text.lastIndexOf('@');
  if (at <= 0) return false;
  const version = word.text.slice(at + 1);
  return version !== '' && !['latest', 'next'].includes(version);
}

export const npmUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'npm-unpinned', scope: 'stage',
    aliases: ['DL3016'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('npm install without versions', 'npm install 未固定版本'),
    docs: message(
      '`npm install <name>` takes the `latest` tag at build time, so the image changes whenever a new release appears. Pin a version or range: `npm install -g typescript@5.6.3`. `@latest` and `@next` are tags, not pins. A git URL needs a tag or commit after `#` (`git+https://github.com/org/repo.git#v1.2.0`).\n\n`npm install` without package names installs from `package.json` and the lockfile and is not reported here; local paths, tarballs (`.tgz`, `.tar`), other URLs and variables are not reported either.',
      '`npm install <名称>` 会在构建时安装 `latest` 标签对应的版本，一有新版本发布，镜像就会变化。请固定版本或版本范围：`npm install -g typescript@5.6.3`。`@latest` 和 `@next` 是标签，不算固定版本。git URL 需要在 `#` 后写明标签或提交（`git+https://github.com/org/repo.git#v1.2.0`）。\n\n不带包名的 `npm install` 会依据 `package.json` 和锁定文件安装，此规则不报告；本地路径、tarball（`.tgz`、`.tar`）、其他 URL 和变量同样不报告。',
    ),
  },
  check({ model }, report) {
    const perRun = new UnpinnedPerRun<Invocation>();
    for (const inv of invocations(model, npm, npmInstall, npmOptions)) perRun.add(inv, inv.operands.filter((w) => gitWithoutRef(w) || (!npmOpaque(w) && !npmPinned(w))));
    for (const { first, words } of perRun.entries()) {
      report({
        range: callRange(model, first),
        message: message(`Pin the versions of: ${listNames(words)} (\`package@version\`, or \`#tag\` for a git URL).`, `请固定以下包的版本：${listNames(words)}（\`包名@版本\`，git URL 请用 \`#标签\`）。`),
      });
    }
  },
};

const lockfileSource = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|package\*\.json)$/;

/**
 * For a folder of the build context (relative, `''` for the top): false when it visibly holds a
 * package.json and no lockfile, true when a lockfile is there, undefined when we cannot look. The
 * build context is taken to be the Dockerfile's folder, as `docker build .` beside it makes it.
 */
type LockfileLookup = (folder: string) => boolean | undefined;

function lockfileLookup(ctx: DockerfileRuleSubject['ctx']): LockfileLookup {
  const files = ctx.project?.files;
  const filePath = ctx.filePath;
  if (!files || !filePath) return () => undefined;
  const context = directoryOf(filePath);
  return (folder) => {
    const dir = folder === '' ? context : joinPath(context, folder);
    if (files.kindOf(joinPath(dir, 'package.json')) !== 'file') return undefined;
    const kinds = ['package-lock.json', 'npm-shrinkwrap.json'].map((name) => files.kindOf(joinPath(dir, name)));
    if (kinds.includes('file')) return true;
    return kinds.every((kind) => kind === 'missing') ? false : undefined;
  };
}

/** A COPY source that brings a lockfile: named, or matched by `package*.json` when the context holds one. */
function copiesLockfile(source: string, lockfileIn: LockfileLookup): boolean {
  if (!lockfileSource.test(source)) return false;
  if (!source.endsWith('*.json')) return true;
  const folder = source.replace(/^\.?\/+/, '').replace(/\/?package\*\.json$/, '');
  if (folder.includes('$') || folder.includes('*') || folder.startsWith('/') || folder.split('/').includes('..')) return true;
  return lockfileIn(folder) !== false;
}

export const npmInstallInsteadOfCi: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'npm-install-instead-of-ci', scope: 'file', fixable: true,
    aliases: [],
    severity: 'info',
    category: 'best-practice',
    profile: 'strict',
    title: message('npm install where npm ci fits', '可用 npm ci 的地方使用了 npm install'),
    docs: message(
      '`npm install` may update `package-lock.json` and resolve newer versions than the ones you tested. `npm ci` installs exactly what the lockfile says, fails if it disagrees with `package.json`, and starts from a clean `node_modules`: the reproducible choice for images.\n\nReported only when the stage copied a lockfile (`package-lock.json`, `npm-shrinkwrap.json` or `package*.json`) before the RUN; for `package*.json`, not when the build context (the Dockerfile\'s folder) visibly holds a `package.json` and no lockfile beside it. The quick fix is not marked safe: options such as `--production` are spelled `--omit=dev` for `npm ci`.',
      '`npm install` 可能会更新 `package-lock.json`，并解析出比测试时更新的版本。`npm ci` 严格按锁定文件安装，与 `package.json` 不一致时直接失败，并从干净的 `node_modules` 开始：这是构建镜像时可复现的做法。\n\n仅当该阶段在此 RUN 之前复制了锁定文件（`package-lock.json`、`npm-shrinkwrap.json` 或 `package*.json`）时才报告；对于 `package*.json`，若构建上下文（Dockerfile 所在文件夹）中可见 `package.json` 而旁边没有锁定文件，则不报告。快速修复未标记为安全：例如 `--production` 在 `npm ci` 中要写成 `--omit=dev`。',
    ),
  },
  check({ model, ctx }, report) {
    const lockfileIn = lockfileLookup(ctx);
    reportOncePerRun(invocations(model, npm, npmInstall, npmOptions), report, (inv, found) => {
      if (inv.operands.length > 0 || inv.parsed.has('-g', '--global')) return;
      const line = inv.run.instruction.getRange().start.line;
      const copiedLock = inv.run.stage.instructions.some((i) => (i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD') && i.getRange().start.line < line
        && i.getArguments().slice(0, -1).some((a) => copiesLockfile(a.getValue(), lockfileIn)));
      if (!copiedLock) return;
      const sub = inv.subcommand!;
      found({
        range: callRange(model, inv),
        message: message('Use `npm ci` to install exactly what the lockfile lists.', '请使用 `npm ci`，严格按锁定文件安装。'),
        fixes: writtenPlainly(model, sub) ? [{ title: message('Replace with npm ci', '替换为 npm ci'), edits: [replaceWord(model, sub, 'ci')], safe: false }] : undefined,
      });
    });
  },
};

const yarn = new Set(['yarn']);
const yarnCacheDirs = ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn', '/home/node/.cache/yarn'];

export const yarnCacheNotCleaned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'yarn-cache-not-cleaned', scope: 'stage',
    aliases: ['DL3060'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('yarn cache left in the layer', 'yarn 缓存留在了镜像层中'),
    docs: message(
      'yarn copies every package it downloads into its global cache. Without `yarn cache clean` at the end of the same RUN, that second copy of your dependencies ships with the image. Not reported when a cache mount holds the yarn cache, when `--cache-folder` is set, or in stages that do not reach the final image.',
      'yarn 会把下载的每个包复制到全局缓存中。如果不在同一个 RUN 末尾执行 `yarn cache clean`，这份依赖的副本会随镜像一起发布。若缓存挂载保存了 yarn 缓存、设置了 `--cache-folder`，或所在阶段不会进入最终镜像，则不报告。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, yarn), report, (visit, found) => {
      const parsed = parseArgs(visit.command.args, { longWithValue: ['cache-folder', 'cwd', 'modules-folder', 'network-timeout', 'mutex'] });
      const [first, second] = parsed.positionals;
      const installs = first === undefined || first.text === 'install' || first.text === 'add' || (first.text === 'global' && second?.text === 'add');
      if (!installs || parsed.has('--cache-folder', '--version', '-v', '--help', '-h') || !layersShip(visit.run)) return;
      if (visit.run.mounts.some((m) => m.type === 'cache' && /yarn/i.test(m.target ?? '')) || yarnCacheDirs.some((d) => mountCovers(visit.run, d))) return;
      if (laterInRun(visit, (c) => c.name === 'yarn' && c.args[0]?.text === 'cache' && c.args[1]?.text === 'clean')) return;
      if (laterInRun(visit, (c) => c.name === 'rm' && c.args.some((a) => /yarn/.test(a.text) && /cache/.test(a.text)))) return;
      found({
        range: callRange(model, { command: visit.command, subcommand: first }),
        message: message('Run `yarn cache clean` at the end of this RUN so the package cache stays out of the image.', '请在该 RUN 末尾执行 `yarn cache clean`，使包缓存不进入镜像。'),
      });
    });
  },
};

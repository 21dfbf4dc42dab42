import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { unpinnedRule } from './packageManagerKit';
import { callRange, insertAfter, invocations, laterInRun, layersShip, message, mountCovers, removes, reportOncePerRun, writtenPlainly } from './shellKit';

/** Alpine's apk: `--no-cache` and version pins. */

const apk = new Set(['apk']);
const apkOptions = {
  shortWithValue: 'Xtp',
  longWithValue: ['repository', 'virtual', 'root', 'arch', 'cache-dir', 'keys-dir', 'repositories-file', 'timeout', 'cache-max-age', 'wait'],
};
const add = new Set(['add']);
const cacheDirs = ['/var/cache/apk', '/etc/apk/cache'];

export const apkNoCache: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'apk-no-cache', scope: 'stage', fixable: true,
    aliases: ['DL3019'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('apk add without --no-cache', 'apk add 未使用 --no-cache'),
    docs: message(
      '`apk add --no-cache` fetches a fresh index, installs, and leaves nothing in `/var/cache/apk`: no need for `apk update` before or `rm -rf /var/cache/apk/*` after. Without it the index stays in the layer.\n\nNot reported when the same RUN removes `/var/cache/apk`, when a cache mount covers it, or in stages that do not reach the final image. The quick fix adds `--no-cache` after `add`.',
      '`apk add --no-cache` 会获取最新索引、完成安装，并且不在 `/var/cache/apk` 留下任何内容：之前无需 `apk update`，之后也无需 `rm -rf /var/cache/apk/*`。不加该选项时，索引会留在镜像层中。\n\n若同一个 RUN 删除了 `/var/cache/apk`、有缓存挂载覆盖该目录，或所在阶段不会进入最终镜像，则不报告。快速修复会在 `add` 后添加 `--no-cache`。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(invocations(model, apk, add, apkOptions), report, (inv, found) => {
      if (inv.parsed.has('--no-cache', '--no-network') || !layersShip(inv.run)) return;
      if (cacheDirs.some((dir) => mountCovers(inv.run, dir)) || laterInRun(inv, (c) => removes(c, cacheDirs))) return;
      const sub = inv.subcommand!;
      found({
        range: callRange(model, inv),
        message: message('Use `apk add --no-cache` so the package index does not stay in the image.', '请使用 `apk add --no-cache`，避免软件包索引留在镜像中。'),
        fixes: writtenPlainly(model, sub) ? [{ title: message('Add --no-cache', '添加 --no-cache'), edits: [insertAfter(model, sub, ' --no-cache')], safe: true }] : undefined,
      });
    });
  },
};

export const apkUnpinned = unpinnedRule({
  id: 'apk-unpinned', scope: 'stage', aliases: ['DL3018'], severity: 'warning', category: 'best-practice', profile: 'recommended',
  title: message('apk add without versions', 'apk add 未固定版本'),
  docs: message(
    'A bare package name installs whatever the Alpine repositories hold at build time. Pin versions (`apk add curl=8.5.0-r0`), or use `~` to stay on a release line (`apk add "curl~8.5"`). Virtual package names (`--virtual .build-deps`), files, URLs and variables are not reported.',
    '只写软件包名会安装构建时 Alpine 仓库中的任意版本。请固定版本（`apk add curl=8.5.0-r0`），或用 `~` 停留在某个版本系列（`apk add "curl~8.5"`）。虚拟软件包名（`--virtual .build-deps`）、文件、URL 和变量不会被报告。',
  ),
}, { programs: apk, options: apkOptions, subcommands: add, isPinned: (w) => /[=~<>]/.test(w.text) },
(names) => message(`Pin the versions of: ${names} (\`package=version\`).`, `请固定以下软件包的版本：${names}（\`软件包=版本\`）。`));

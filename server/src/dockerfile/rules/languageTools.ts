import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { callRange, invocations, isOpaqueOperand, listNames, message } from './shellKit';

/** Language package tools outside the OS package managers: RubyGems and `go install`. */

const gemOptions = {
  shortWithValue: 'vinsPg',
  longWithValue: ['version', 'install-dir', 'bindir', 'source', 'platform', 'trust-policy', 'file', 'build-root', 'document', 'env-shebang', 'target-rbconfig'],
};

export const gemUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'gem-unpinned',
    aliases: ['DL3028'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('gem install without versions', 'gem install 未固定版本'),
    docs: message(
      '`gem install <name>` installs the newest release at build time. Pin it with `gem install <name>:<version>` or `-v <version>` so rebuilds get the same gems. Local `.gem` files, `-g` (Gemfile) installs and variables are not reported.',
      '`gem install <名称>` 会在构建时安装最新版本。请用 `gem install <名称>:<版本>` 或 `-v <版本>` 固定版本，让重新构建得到相同的 gem。本地 `.gem` 文件、`-g`（Gemfile）安装和变量不会被报告。',
    ),
  },
  check({ model }, report) {
    for (const inv of invocations(model, new Set(['gem']), new Set(['install', 'i']), gemOptions)) {
      if (inv.parsed.has('-v', '--version', '-g', '--file')) continue;
      const unpinned = inv.operands.filter((w) => !isOpaqueOperand(w) && !w.text.includes(':'));
      if (unpinned.length === 0) continue;
      report({
        range: callRange(model, inv),
        message: message(`Pin the versions of: ${listNames(unpinned)} (\`gem:version\` or \`-v\`).`, `请固定以下 gem 的版本：${listNames(unpinned)}（\`gem:版本\` 或 \`-v\`）。`),
      });
    }
  },
};

const goOptions = {
  longWithValue: [],
  shortWithValue: '',
};
/** Version queries that name a moving target rather than a release. */
const movingVersions = new Set(['latest', 'master', 'main', 'head', 'upgrade', 'patch']);
const goFlagsWithValue = new Set(['-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-installsuffix', '-overlay', '-pgo', '-C', '-gccgoflags', '-exec', '-buildvcs', '-covermode', '-coverpkg']);

export const goInstallUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'go-install-unpinned',
    aliases: ['DL3062'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('go install of a moving version', 'go install 使用了会变化的版本'),
    docs: message(
      '`go install example.com/tool@latest` (or `@master`, `@main`, `@HEAD`) builds whatever that query resolves to on the day of the build. Name a release: `go install golang.org/x/tools/gopls@v0.16.2`.\n\nA path without `@` inside a module is built at the version `go.mod` requires, so it is not reported.',
      '`go install example.com/tool@latest`（或 `@master`、`@main`、`@HEAD`）会构建当天该查询解析到的版本。请写明发布版本：`go install golang.org/x/tools/gopls@v0.16.2`。\n\n在模块内不带 `@` 的路径会按 `go.mod` 要求的版本构建，因此不报告。',
    ),
  },
  check({ model }, report) {
    for (const inv of invocations(model, new Set(['go']), new Set(['install']), goOptions)) {
      const operands: typeof inv.operands = [];
      const words = inv.command.args.slice(inv.command.args.indexOf(inv.subcommand!) + 1);
      for (let i = 0; i < words.length; i++) {
        const text = words[i].text;
        if (text.startsWith('-')) {
          if (goFlagsWithValue.has(text.replace(/^--/, '-'))) i++;
          continue;
        }
        operands.push(words[i]);
      }
      const moving = operands.filter((w) => !w.dynamic && movingVersions.has(w.text.slice(w.text.lastIndexOf('@') + 1).toLowerCase()) && w.text.includes('@'));
      if (moving.length === 0) continue;
      report({
        range: callRange(model, inv),
        message: message(`Install a released version instead of a moving one: ${listNames(moving)}.`, `请安装已发布的版本，而不是会变化的版本：${listNames(moving)}。`),
      });
    }
  },
};

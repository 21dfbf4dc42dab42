import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import type { ShellWord } from '../shell';
import { callRange, invocations, isOpaqueOperand, listNames, message, UnpinnedPerRun, type Invocation } from './shellKit';

/** Language package tools outside the OS package managers: RubyGems and `go install`/`get`/`run`. */

const gemOptions = {
  shortWithValue: 'vinsPg',
  longWithValue: ['version', 'install-dir', 'bindir', 'source', 'platform', 'trust-policy', 'file', 'build-root', 'document', 'env-shebang', 'target-rbconfig'],
};

export const gemUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'gem-unpinned', scope: 'stage',
    aliases: ['DL3028'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('gem install without versions', 'gem install 未固定版本'),
    docs: message(
      '`gem install <name>` installs the newest release at build time. Pin it with `gem install <name>:<version>` or `-v <version>` so rebuilds get the same gems. Local `.gem` files, `-g` (Gemfile) installs and variables are not reported.',
      '`gem install <名称>` 会在构建时安装最新版本。请用 `gem install <名称>:<版本>` 或 `-v <版本>` 固定版本，让重新构建得到相同的 gem。本地 `.gem` 文件、`-g`（Gemfile）安装和变量不会被报告。',
    ),
    differences: message(
      'hadolint (DL3028) skips the word after any option it does not know (`--use-system-libraries true`). Here only the words after `--` are build options; other words are gem names, as gem itself reads them.',
      'hadolint（DL3028）会跳过任何它不认识的选项后面的单词（`--use-system-libraries true`）。这里只有 `--` 之后的单词才算构建选项，其他单词都按 gem 自己的理解视为 gem 名称。',
    ),
  },
  check({ model }, report) {
    const perRun = new UnpinnedPerRun<Invocation>();
    for (const inv of invocations(model, gem, gemInstall, gemOptions)) {
      if (inv.parsed.has('-v', '--version', '-g', '--file')) continue;
      // Whatever follows `--` goes to the gem's build (`-- --with-pg-config=…`): not gem names.
      const end = inv.command.args.findIndex((w) => w.text === '--');
      const gems = end < 0 ? inv.operands : inv.operands.filter((w) => w.start < inv.command.args[end].start);
      perRun.add(inv, gems.filter((w) => !isOpaqueOperand(w) && !w.text.includes(':')));
    }
    for (const { first, words } of perRun.entries()) {
      report({
        range: callRange(model, first),
        message: message(`Pin the versions of: ${listNames(words)} (\`gem:version\` or \`-v\`).`, `请固定以下 gem 的版本：${listNames(words)}（\`gem:版本\` 或 \`-v\`）。`),
      });
    }
  },
};

const gem = new Set(['gem']);
const gemInstall = new Set(['install', 'i']);

const goOptions = {
  longWithValue: [],
  shortWithValue: '',
};
/** Version queries that name a moving target rather than a release. */
const movingVersions = new Set(['latest', 'master', 'main', 'head', 'upgrade', 'patch']);
const go = new Set(['go']);
const goFetching = new Set(['install', 'get', 'run']);
const goFlagsWithValue = new Set(['-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-installsuffix', '-overlay', '-pgo', '-C', '-gccgoflags', '-exec', '-buildvcs', '-covermode', '-coverpkg']);

/** A package path go resolves from the network (not `.`, `./x`, `/abs`, `all`, a `.go` file). */
function isModulePath(text: string): boolean {
  return text !== '' && !text.startsWith('.') && !text.startsWith('/') && text !== 'all' && !text.endsWith('.go');
}

export const goInstallUnpinned: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'go-install-unpinned', scope: 'stage',
    aliases: ['DL3062'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('go install of a moving version', 'go install 使用了会变化的版本'),
    docs: message(
      '`go install example.com/tool@latest` (or `@master`, `@main`, `@HEAD`) builds whatever that query resolves to on the day of the build; so do `go run pkg@latest` and `go get pkg` (which means `@upgrade`, also with `-tool`). Name a release: `go install golang.org/x/tools/gopls@v0.16.2`.\n\n`go install` and `go run` with a path and no `@` build the version `go.mod` requires inside a module, so they are not reported.',
      '`go install example.com/tool@latest`（或 `@master`、`@main`、`@HEAD`）会构建当天该查询解析到的版本；`go run pkg@latest` 和 `go get pkg`（等同于 `@upgrade`，带 `-tool` 时也一样）同样如此。请写明发布版本：`go install golang.org/x/tools/gopls@v0.16.2`。\n\n在模块内，不带 `@` 的 `go install` 和 `go run` 路径会按 `go.mod` 要求的版本构建，因此不报告。',
    ),
    differences: message(
      'hadolint (DL3062) also reports `go install pkg` and `go run pkg` without `@`. Go refuses those outside a module and, inside one, builds the version `go.mod` requires, which is pinned; so they are not reported here.',
      'hadolint（DL3062）还会报告不带 `@` 的 `go install pkg` 和 `go run pkg`。在模块之外 Go 会拒绝执行它们；在模块之内则构建 `go.mod` 要求的版本，这个版本是固定的，因此这里不报告。',
    ),
  },
  check({ model }, report) {
    const perRun = new UnpinnedPerRun<Invocation>();
    for (const inv of invocations(model, go, goFetching, goOptions)) {
      const sub = inv.subcommand!.text;
      const operands: ShellWord[] = [];
      const words = inv.command.args.slice(inv.command.args.indexOf(inv.subcommand!) + 1);
      for (let i = 0; i < words.length; i++) {
        const text = words[i].text;
        if (text.startsWith('-')) {
          if (goFlagsWithValue.has(text.replace(/^--/, '-'))) i++;
          continue;
        }
        operands.push(words[i]);
        // `go run pkg args…`: only the package is go's; the rest belongs to the program.
        if (sub === 'run') break;
      }
      const moving = operands.filter((w) => !w.dynamic && (w.text.includes('@')
        ? movingVersions.has(w.text.slice(w.text.lastIndexOf('@') + 1).toLowerCase())
        // `go get pkg` (or `go get -tool pkg`) means `pkg@upgrade`: the newest release on the day of the build.
        : sub === 'get' && isModulePath(w.text)));
      perRun.add(inv, moving);
    }
    for (const { first, words } of perRun.entries()) {
      report({
        range: callRange(model, first),
        message: message(`Install a released version instead of a moving one: ${listNames(words)}.`, `请安装已发布的版本，而不是会变化的版本：${listNames(words)}。`),
      });
    }
  },
};

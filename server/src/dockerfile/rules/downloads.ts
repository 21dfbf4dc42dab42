import type { Rule } from '../../common/rules';
import { dockerfileShell, wordRange, type ShellCommand, type StageInfo } from '../shell';
import { readShellInvocation } from '../shellSyntax';
import type { DockerfileRuleSubject } from './context';
import { commandsOf, insertAfter, looksBusybox, message, parseArgs, reportOncePerRun, stageChain, writtenPlainly } from './shellKit';

/** Downloading things during a build: one tool, quiet progress, no `curl | sh`, TLS left on. */

const curlOptions = { shortWithValue: 'AbcCdDeEFHKmoPQrtTuUwxXyYz', longWithValue: ['output', 'header', 'data', 'user', 'user-agent', 'request', 'proxy', 'max-time', 'retry', 'connect-timeout', 'cacert', 'cert', 'key', 'write-out', 'url', 'retry-delay', 'retry-max-time', 'data-binary', 'data-raw', 'form', 'referer', 'range', 'output-dir', 'config', 'continue-at', 'dump-header', 'cookie', 'cookie-jar', 'upload-file', 'proto', 'proto-redir', 'tlsv1.2', 'ciphers', 'resolve', 'interface', 'limit-rate', 'oauth2-bearer'] };
const wgetOptions = { shortWithValue: 'oaeiBtOTwQUPlARDIXY', longWithValue: ['output-document', 'output-file', 'append-output', 'execute', 'input-file', 'base', 'tries', 'timeout', 'wait', 'quota', 'user-agent', 'directory-prefix', 'level', 'accept', 'reject', 'domains', 'header', 'user', 'password', 'post-data', 'post-file', 'ca-certificate', 'certificate', 'private-key', 'progress', 'limit-rate'] };

const fetchers: ReadonlySet<string> = new Set(['curl', 'wget']);
const wgetOnly: ReadonlySet<string> = new Set(['wget']);

export const curlAndWget: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'curl-and-wget', scope: 'stage',
    aliases: ['DL4001'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Both curl and wget used', '同时使用了 curl 和 wget'),
    docs: message(
      'curl and wget do the same job. Using both in one image means installing, updating and auditing two HTTP clients (and their TLS stacks) where one would do. Pick one per stage; the occurrences of the tool that shows up second are reported.',
      'curl 和 wget 的作用相同。在同一个镜像中两者都用，意味着要安装、更新和审计两个 HTTP 客户端（以及它们的 TLS 库），而其实一个就够了。每个阶段请只选一个；后出现的那个工具的用法会被报告。',
    ),
    differences: message(
      'hadolint (DL4001) reports every RUN that uses either tool once both have appeared in the stage. Here only the RUNs that use the tool which appeared second are reported: those are the ones to change.',
      '一旦两个工具都在阶段中出现过，hadolint（DL4001）会报告之后使用其中任一工具的每个 RUN。这里只报告使用后出现的那个工具的 RUN，因为需要修改的正是它们。',
    ),
  },
  check({ model }, report) {
    const firstTool = new Map<StageInfo, string>();
    const uses = commandsOf(model, fetchers);
    for (const { command, run } of uses) if (!firstTool.has(run.stage)) firstTool.set(run.stage, command.name);
    reportOncePerRun(uses, report, ({ command, run }, found) => {
      const first = firstTool.get(run.stage)!;
      if (command.name === first) return;
      found({
        range: wordRange(model, command.program!),
        message: message(`This stage already uses \`${first}\`; use it here too instead of \`${command.name}\`.`, `此阶段已经使用了 \`${first}\`；这里也请使用它，而不是 \`${command.name}\`。`),
      });
    });
  },
};

function installsWget(model: DockerfileRuleSubject['model'], stage: StageInfo): boolean {
  const shell = dockerfileShell(model);
  return stageChain(model, stage).some((s) => s.instructions.some((i) => shell.runOf(i)?.commands.some((c) => c.name === 'apk' && c.args.some((a) => a.text === 'wget' || a.text.startsWith('wget=')))));
}

export const wgetProgress: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'wget-progress', scope: 'stage', fixable: true,
    aliases: ['DL3047'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('wget without a progress setting', 'wget 未设置进度显示方式'),
    docs: message(
      'Without a terminal, GNU wget prints a progress line for every few kilobytes, so one large download can add thousands of lines to the build log. Use `--progress=dot:giga` (one dot per large chunk), or `-nv` / `-q`.\n\nAlpine/BusyBox stages are only checked when they install GNU wget (`apk add wget`): the BusyBox applet supports neither option. The quick fix adds `--progress=dot:giga`.',
      '没有终端时，GNU wget 每下载几 KB 就打印一行进度，一个大文件就可能给构建日志增加数千行。请使用 `--progress=dot:giga`（每个大数据块一个点），或 `-nv` / `-q`。\n\nAlpine/BusyBox 阶段只有在安装了 GNU wget（`apk add wget`）时才检查：BusyBox 自带的 wget 不支持这两个选项。快速修复会添加 `--progress=dot:giga`。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, wgetOnly), report, ({ command, run }, found) => {
      if (command.args.some((w) => ['-nv', '--no-verbose', '--spider'].includes(w.text))) return;
      const parsed = parseArgs(command.args, wgetOptions);
      if (parsed.has('-q', '--quiet', '--progress', '-o', '--output-file', '-a', '--append-output')) return;
      if (parsed.positionals.length === 0) return;
      // BusyBox's wget has neither --progress nor -nv; only a wget installed from packages does.
      if (looksBusybox(model, run.stage) && !installsWget(model, run.stage)) return;
      const program = command.program!;
      const offerFix = writtenPlainly(model, program);
      found({
        range: wordRange(model, program),
        message: message('Add `--progress=dot:giga` (or `-nv`) so the download does not flood the build log.', '请加上 `--progress=dot:giga`（或 `-nv`），避免下载进度刷满构建日志。'),
        fixes: offerFix ? [{ title: message('Add --progress=dot:giga', '添加 --progress=dot:giga'), edits: [insertAfter(model, program, ' --progress=dot:giga')], safe: true }] : undefined,
      });
    });
  },
};

const interpreters = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'python', 'python2', 'python3', 'perl', 'ruby', 'node', 'php']);

/** The interpreter runs what arrives on stdin: no script operand, or `-` / `-s`. */
function readsStdin(command: ShellCommand): boolean {
  if (!interpreters.has(command.name) && !/^python3\.\d+$/.test(command.name)) return false;
  const args = command.args;
  if (args.some((a) => a.text === '-c' || /^-[a-z]*c[a-z]*$/.test(a.text) && ['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh'].includes(command.name))) return false;
  if (args.some((a) => a.text === '-e' || a.text === '-m') && !['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh'].includes(command.name)) return false;
  const operand = args.find((a) => !a.text.startsWith('-') || a.text === '-');
  return operand === undefined || operand.text === '-' || args.some((a) => a.text === '-s');
}

const fetches = (command: ShellCommand) => command.name === 'curl' || command.name === 'wget';
/** Shells that take a script with -c (hoisted: the rules below test every command). */
const posixShellNames = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
const nodePackageManagers = new Set(['npm', 'yarn', 'pnpm']);
const aptPrograms = new Set(['apt-get', 'apt']);
const rpmPrograms = new Set(['yum', 'dnf', 'dnf5', 'microdnf']);

export const curlPipeShell: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'curl-pipe-shell', scope: 'stage',
    aliases: [],
    severity: 'warning',
    category: 'security',
    profile: 'recommended',
    title: message('Remote script piped into a shell', '远程脚本通过管道交给 shell 执行'),
    docs: message(
      '`curl … | sh` runs whatever the server sends at build time, unchecked: a compromised or changed script, or a download cut off half-way, executes with the build\'s privileges. Download to a file, verify a checksum or signature, then run it:\n\n```\ncurl -fsSLo install.sh https://example.com/install.sh \\\n && echo "<sha256>  install.sh" | sha256sum -c - \\\n && sh install.sh\n```\n\nAlso reported: `sh -c "$(curl …)"` and `bash <(curl …)`.',
      '`curl … | sh` 会在构建时不加检查地运行服务器发来的任何内容：被篡改或已变更的脚本，或者下载到一半中断的脚本，都会以构建的权限执行。请先下载到文件，校验校验和或签名后再运行：\n\n```\ncurl -fsSLo install.sh https://example.com/install.sh \\\n && echo "<sha256>  install.sh" | sha256sum -c - \\\n && sh install.sh\n```\n\n同样会报告：`sh -c "$(curl …)"` 与 `bash <(curl …)`。',
    ),
  },
  check({ model }, report) {
    const text = (s: string) => /(?:\$\(|`|<\()\s*(?:\S*\/)?(?:curl|wget)\b/.test(s);
    reportOncePerRun(commandsOf(model), report, ({ command }, found) => {
      const index = command.pipeline.indexOf(command);
      // Only a command after the first of its pipeline can read a download from the pipe.
      const fetcher = index > 0 ? command.pipeline.slice(0, index).find(fetches) : undefined;
      const viaPipe = fetcher !== undefined && readsStdin(command);
      const viaSubstitution = posixShellNames.has(command.name)
        && (text(readShellInvocation(command.args).script?.text ?? '') || command.args.some((a) => a.text.startsWith('<(') && text(a.text)));
      if (!viaPipe && !viaSubstitution) return;
      const start = viaPipe ? fetcher!.program! : command.program!;
      found({
        range: wordRange(model, { start: start.start, end: command.program!.end }),
        message: message(`A downloaded script is executed by \`${command.name}\` without any check; download, verify, then run it.`, `下载的脚本未经任何校验就由 \`${command.name}\` 执行；请先下载、校验，再运行。`),
      });
    });
  },
};

function localApkFilesOnly(command: ShellCommand): boolean {
  const operands = parseArgs(command.args, { shortWithValue: 'Xtp', longWithValue: ['repository', 'virtual', 'root'] }).positionals.slice(1);
  return operands.length > 0 && operands.every((w) => w.text.endsWith('.apk') && !/^[a-z]+:\/\//.test(w.text));
}

interface InsecureUse { test: (command: ShellCommand) => string | undefined }

const insecureUses: InsecureUse[] = [
  { test: (c) => c.name === 'curl' && parseArgs(c.args, curlOptions).has('-k', '--insecure') ? 'curl --insecure' : undefined },
  { test: (c) => c.name === 'wget' && c.args.some((a) => a.text === '--no-check-certificate') ? 'wget --no-check-certificate' : undefined },
  { test: (c) => c.name === 'git' && c.args.some((a, i) => /^http\.sslverify=(false|0|no)$/i.test(a.text) || (/^http\.sslverify$/i.test(a.text) && /^(false|0|no)$/i.test(c.args[i + 1]?.text ?? ''))) ? 'git http.sslVerify=false' : undefined },
  { test: (c) => nodePackageManagers.has(c.name) && c.args.some((a, i) => a.text === 'strict-ssl' && c.args[i + 1]?.text === 'false' || a.text === '--strict-ssl=false') ? `${c.name} strict-ssl false` : undefined },
  { test: (c) => /^pip[0-9.]*$/.test(c.name) && c.args.some((a) => a.text === '--trusted-host' || a.text.startsWith('--trusted-host=')) ? 'pip --trusted-host' : undefined },
  // Local .apk files built earlier in the build carry no signature; only remote packages matter.
  { test: (c) => c.name === 'apk' && c.args.some((a) => a.text === '--allow-untrusted') && !localApkFilesOnly(c) ? 'apk --allow-untrusted' : undefined },
  { test: (c) => aptPrograms.has(c.name) && c.args.some((a) => a.text === '--allow-unauthenticated' || a.text === '--allow-insecure-repositories' || /AllowInsecureRepositories=(true|1|yes)/i.test(a.text)) ? `${c.name} --allow-unauthenticated` : undefined },
  { test: (c) => rpmPrograms.has(c.name) && c.args.some((a) => a.text === '--nogpgcheck' || /^--setopt=gpgcheck=(0|false)$/i.test(a.text)) ? `${c.name} --nogpgcheck` : undefined },
  { test: (c) => c.name === 'zypper' && c.args.some((a) => a.text === '--no-gpg-checks') ? 'zypper --no-gpg-checks' : undefined },
];

/** The programs insecureUses knows (plus pip, pip3, pip3.12…, matched by prefix). */
const insecurePrograms = new Set(['curl', 'wget', 'git', ...nodePackageManagers, 'apk', ...aptPrograms, ...rpmPrograms, 'zypper']);

export const verificationDisabled: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'verification-disabled', scope: 'stage',
    aliases: [],
    severity: 'warning',
    category: 'security',
    profile: 'recommended',
    title: message('TLS or signature verification turned off', '关闭了 TLS 或签名校验'),
    docs: message(
      'Options such as `curl -k`, `wget --no-check-certificate`, `git -c http.sslVerify=false`, `pip --trusted-host`, `apk --allow-untrusted`, `apt-get --allow-unauthenticated` or `dnf --nogpgcheck` accept whatever a network attacker or a broken mirror serves, and build it into the image. Fix the root cause instead: install CA certificates (`ca-certificates`), add your corporate CA, or import the repository\'s signing key.',
      '`curl -k`、`wget --no-check-certificate`、`git -c http.sslVerify=false`、`pip --trusted-host`、`apk --allow-untrusted`、`apt-get --allow-unauthenticated` 或 `dnf --nogpgcheck` 这样的选项会接受网络攻击者或损坏的镜像源提供的任何内容，并把它构建进镜像。请从根本上解决问题：安装 CA 证书（`ca-certificates`）、添加公司的 CA，或导入软件源的签名密钥。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model), report, ({ command }, found) => {
      if (!command.program) return;
      // Every test below starts by naming its program: skip the others without running nine tests.
      if (!insecurePrograms.has(command.name) && !command.name.startsWith('pip')) return;
      for (const use of insecureUses) {
        const what = use.test(command);
        if (!what) continue;
        found({
          range: wordRange(model, command.program),
          message: message(`\`${what}\` turns verification off; whatever is downloaded is trusted blindly.`, `\`${what}\` 关闭了校验；下载的任何内容都会被盲目信任。`),
        });
        break;
      }
    });
  },
};

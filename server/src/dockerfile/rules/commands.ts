import type { Rule } from '../../common/rules';
import { baseName } from '../../common/paths';
import { dockerfileShell, shellHasPipefail, wordRange, type ShellWord } from '../shell';
import type { DockerfileRuleSubject } from './context';
import { commandsOf, insertAfter, laterInRun, looksBusybox, message, parseArgs, reportOncePerRun, writtenInstruction, writtenPlainly } from './shellKit';

/** Commands that behave differently in an image build than at a terminal. */

const cdOnly: ReadonlySet<string> = new Set(['cd']);

export const cdInsteadOfWorkdir: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'cd-instead-of-workdir', scope: 'stage',
    aliases: ['DL3003'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('cd in RUN instead of WORKDIR', '在 RUN 中用 cd 代替 WORKDIR'),
    docs: message(
      'A `cd` lasts only until the end of its RUN; the next instruction starts again in the working directory. `WORKDIR /path` changes it for every later instruction, creates the directory if needed, and documents where the image works. Prefer `WORKDIR`, and keep `cd` for a short detour inside a subshell: `(cd src && make)`.\n\nOnly a `cd` that opens a RUN is reported, since `WORKDIR` can replace it directly; a `cd` later in the script, or inside parentheses, loops or conditionals, is a deliberate detour.',
      '`cd` 只在所在的 RUN 结束前有效；下一条指令又会从工作目录开始。`WORKDIR /path` 会为之后的每条指令改变工作目录，必要时创建该目录，并清楚地说明镜像在哪里工作。请优先使用 `WORKDIR`，只在子 shell 中短暂切换时使用 `cd`：`(cd src && make)`。\n\n只报告位于 RUN 开头的 `cd`，因为 `WORKDIR` 可以直接替代它；脚本中后面的 `cd`，以及括号、循环或条件语句中的 `cd`，都被视为有意的临时切换。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, cdOnly), report, (visit, found) => {
      const { command } = visit;
      if (command.inBlock || command.depth > 0 || command.args.length === 0) return;
      // A `cd` later in a RUN is a detour WORKDIR cannot express without splitting the RUN.
      if (visit.run.commands.slice(0, visit.index).some((c) => c.name !== 'set' && c.name !== '')) return;
      found({
        range: wordRange(model, { start: command.program!.start, end: command.args[0].end }),
        message: message('Use `WORKDIR` to change directory; `cd` only lasts until the end of this RUN.', '请使用 `WORKDIR` 切换目录；`cd` 只在本 RUN 内有效。'),
      });
    });
  },
};

export const noSudo: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'no-sudo', scope: 'stage',
    aliases: ['DL3004'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('sudo in RUN', 'RUN 中使用 sudo'),
    docs: message(
      'RUN already executes as the current `USER`, root by default, so `sudo` adds nothing but a dependency, a TTY-dependent configuration and surprising environment resets. Switch with `USER root` … `USER app` around privileged steps; at run time use a tool made for containers, such as `gosu` or `su-exec`, to drop privileges.',
      'RUN 已经以当前 `USER` 的身份执行（默认是 root），`sudo` 除了带来额外依赖、依赖 TTY 的配置以及令人意外的环境变量重置外毫无作用。请在特权步骤前后用 `USER root` … `USER app` 切换；在运行时使用为容器设计的工具（如 `gosu` 或 `su-exec`）降低权限。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model), report, ({ command }, found) => {
      // Only a command run through sudo can qualify: test that before matching every word.
      if (!(command.wrappers.includes('sudo') || command.name === 'sudo')) return;
      const sudo = command.words.find((w) => !w.dynamic && /(?:^|\/)sudo$/.test(w.text));
      if (!sudo) return;
      found({
        range: wordRange(model, sudo),
        message: message('Do not use `sudo` in a build; switch users with `USER` instead.', '不要在构建中使用 `sudo`；请改用 `USER` 切换用户。'),
      });
    });
  },
};

const pointless: Record<string, { en: string; zh: string }> = {
  ssh: { en: 'opens a remote session nobody can use during a build', zh: '会打开一个构建期间无人可用的远程会话' },
  vim: { en: 'is an interactive editor; edit files with sed, tee or COPY', zh: '是交互式编辑器；请用 sed、tee 或 COPY 修改文件' },
  vi: { en: 'is an interactive editor; edit files with sed, tee or COPY', zh: '是交互式编辑器；请用 sed、tee 或 COPY 修改文件' },
  nano: { en: 'is an interactive editor; edit files with sed, tee or COPY', zh: '是交互式编辑器；请用 sed、tee 或 COPY 修改文件' },
  shutdown: { en: 'cannot stop anything: a build step is not a machine', zh: '无法关闭任何东西：构建步骤不是一台机器' },
  reboot: { en: 'cannot restart anything: a build step is not a machine', zh: '无法重启任何东西：构建步骤不是一台机器' },
  service: { en: 'starts a daemon that dies when the RUN ends; start services in CMD or ENTRYPOINT', zh: '启动的守护进程会在 RUN 结束时终止；请在 CMD 或 ENTRYPOINT 中启动服务' },
  ps: { en: 'shows only the build step\'s own processes', zh: '只能看到构建步骤自己的进程' },
  free: { en: 'reports the build host\'s memory, not the future container\'s', zh: '报告的是构建主机的内存，而非将来容器的内存' },
  top: { en: 'is interactive and shows only the build step\'s processes', zh: '是交互式程序，且只能看到构建步骤的进程' },
  kill: { en: 'has no long-running processes to stop between build steps', zh: '在构建步骤之间没有可停止的长期运行进程' },
  mount: { en: 'changes do not survive the RUN; use RUN --mount or volumes', zh: '所做的更改不会保留到 RUN 之后；请使用 RUN --mount 或卷' },
  ifconfig: { en: 'reports the build sandbox\'s network, not the container\'s', zh: '报告的是构建沙箱的网络，而非容器的网络' },
};

const pointlessNames: ReadonlySet<string> = new Set(Object.keys(pointless));

export const uselessCommand: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'useless-command', scope: 'stage',
    aliases: ['DL3001'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Command that makes no sense in a build', '在构建中没有意义的命令'),
    docs: message(
      'Some commands only make sense on a running machine with a person at the keyboard: `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig` and similar. In a RUN they either do nothing useful, hang waiting for input, or act on the short-lived build sandbox instead of the future container.',
      '有些命令只在有人操作的运行中机器上才有意义：`ssh`、`vim`、`shutdown`、`service`、`ps`、`free`、`top`、`kill`、`mount`、`ifconfig` 等。在 RUN 中它们要么毫无用处，要么挂起等待输入，要么作用于短暂存在的构建沙箱而不是将来的容器。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, pointlessNames), report, ({ command }, found) => {
      const why = pointless[command.name];
      found({
        range: wordRange(model, command.program!),
        message: message(`\`${command.name}\` ${why.en}.`, `\`${command.name}\` ${why.zh}。`),
      });
    });
  },
};

const rmOnly: ReadonlySet<string> = new Set(['rm']);
const rootTarget = /^\/+\*?$/;
const mayRemoveRoot = (word: ShellWord) => word.text === '--no-preserve-root' || (!word.dynamic && rootTarget.test(word.text));

export const rmRfRoot: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'rm-rf-root', scope: 'stage',
    aliases: [],
    severity: 'error',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Recursive rm of the root directory', '递归删除根目录'),
    docs: message(
      '`rm -rf /`, `rm -rf /*` or `--no-preserve-root` deletes the whole filesystem of the build step, including the shell running it. It is always a mistake in a Dockerfile, typically a path variable that was empty or a typo.',
      '`rm -rf /`、`rm -rf /*` 或 `--no-preserve-root` 会删除构建步骤的整个文件系统，包括正在运行的 shell。在 Dockerfile 中这一定是错误，通常是路径变量为空或拼写错误。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, rmOnly), report, ({ command }, found) => {
      // Parse only the rare rm that names the root or --no-preserve-root: nothing else can be reported.
      if (!command.args.some(mayRemoveRoot)) return;
      const parsed = parseArgs(command.args);
      const recursive = parsed.has('-r', '-R', '--recursive');
      const target = parsed.positionals.find((w) => !w.dynamic && /^\/+\*?$/.test(w.text));
      const noPreserve = command.args.find((w) => w.text === '--no-preserve-root');
      const bad = recursive ? target ?? noPreserve : undefined;
      if (!bad) return;
      found({
        range: wordRange(model, bad),
        message: message('This removes the entire filesystem of the build step.', '这会删除构建步骤的整个文件系统。'),
      });
    });
  },
};

/** True when a chmod mode gives everyone write access without the sticky bit. */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    const sticky = (Number(digits[0]) & 1) === 1;
    return (Number(digits[3]) & 2) === 2 && !sticky;
  }
  let writable = false;
  let sticky = false;
  for (const clause of mode.split(',')) {
    const match = /^([ugoa]*)([+=])([rwxXst]*)$/.exec(clause);
    if (!match) continue;
    if (match[3].includes('t')) sticky = true;
    if ((match[1].includes('o') || match[1].includes('a')) && match[3].includes('w')) writable = true;
  }
  return writable && !sticky;
}

const chmodOnly: ReadonlySet<string> = new Set(['chmod']);

export const chmodWorldWritable: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'chmod-world-writable', scope: 'stage',
    aliases: [],
    severity: 'info',
    category: 'security',
    profile: 'recommended',
    title: message('chmod makes files writable by everyone', 'chmod 使文件对所有人可写'),
    docs: message(
      'Modes such as `777`, `666` or `a+w` let every user in the container change the files, which turns any foothold into the ability to rewrite programs or configuration. Give write access to the owning user or group instead (`chown app:app … && chmod 755 …`). Directories shared by everyone, like `/tmp`, need the sticky bit (`1777`), which is not reported; nor is a scratch directory the same RUN deletes again.',
      '`777`、`666` 或 `a+w` 这样的权限让容器内的每个用户都能修改这些文件，任何立足点都能借此改写程序或配置。请只给所属用户或组写权限（`chown app:app … && chmod 755 …`）。像 `/tmp` 这样所有人共享的目录需要粘滞位（`1777`），这种情况不报告；同一个 RUN 中随后又删除的临时目录也不报告。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, chmodOnly), report, (visit, found) => {
      const { command } = visit;
      const [mode, ...targets] = parseArgs(command.args).positionals;
      if (!mode || mode.dynamic || !worldWritable(mode.text)) return;
      // A scratch directory deleted before the RUN ends never reaches the image.
      if (targets.length > 0 && targets.every((t) => laterInRun(visit, (c) => c.name === 'rm' && c.args.some((a) => a.text === t.text)))) return;
      found({
        range: wordRange(model, mode),
        message: message(`Mode \`${mode.text}\` lets every user write here; restrict write access to the owner.`, `权限 \`${mode.text}\` 让所有用户都能写入；请只允许所有者写入。`),
      });
    });
  },
};

const useraddOptions = {
  shortWithValue: 'cdefgGkKpsubZR',
  longWithValue: ['comment', 'home-dir', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'shell', 'uid', 'base-dir', 'selinux-user', 'root', 'prefix'],
};
/** lastlog reserves ~292 bytes per UID below the new one; past this UID the layer grows by tens of MB. */
const highUid = 65536;

const useraddOnly: ReadonlySet<string> = new Set(['useradd']);

export const useraddHighUid: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'useradd-high-uid', scope: 'stage', fixable: true,
    aliases: ['DL3046'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('useradd with a high UID without -l', 'useradd 使用较大 UID 但未加 -l'),
    docs: message(
      '`useradd` records the new user in `/var/log/lastlog` and `faillog`, files indexed by UID. On disk they are sparse, but an image layer stores them in full: a UID of 100000 adds about 29 MB of zeros. Pass `-l` (`--no-log-init`) when the UID is large; the quick fix adds it.',
      '`useradd` 会把新用户记录到按 UID 索引的 `/var/log/lastlog` 和 `faillog` 中。它们在磁盘上是稀疏文件，但镜像层会完整存储：UID 为 100000 时会增加约 29 MB 的零字节。UID 较大时请加上 `-l`（`--no-log-init`）；快速修复会添加它。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, useraddOnly), report, ({ command }, found) => {
      const parsed = parseArgs(command.args, useraddOptions);
      if (parsed.has('-l', '--no-log-init')) return;
      const uid = parsed.values('-u').concat(parsed.values('--uid'))[0];
      if (uid === undefined || !/^\d+$/.test(uid) || Number(uid) < highUid) return;
      const program = command.program!;
      found({
        range: wordRange(model, program),
        message: message(`UID ${uid} makes lastlog/faillog large in the layer; add \`-l\`.`, `UID ${uid} 会让 lastlog/faillog 在镜像层中变得很大；请加上 \`-l\`。`),
        fixes: writtenPlainly(model, program) ? [{ title: message('Add -l', '添加 -l'), edits: [insertAfter(model, program, ' -l')], safe: true }] : undefined,
      });
    });
  },
};

/** The SHELL is plain `sh` (`/bin/sh`, `/usr/bin/sh`): on Debian and Ubuntu that is dash. */
function isPlainSh(shell: readonly string[]): boolean {
  return baseName(shell[0] ?? '') === 'sh';
}

/** Builtins whose failure in front of a pipe would not matter (`echo "$SHA  file" | sha256sum -c -`). */
const cannotFail = new Set(['echo', 'printf', 'true', 'yes', ':']);

export const pipeWithoutPipefail: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'pipe-without-pipefail', scope: 'stage', fixable: true,
    aliases: ['DL4006'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Pipe without pipefail', '管道未启用 pipefail'),
    docs: message(
      'A shell pipeline succeeds when its last command succeeds: in `curl -fsSL $URL | tar -xz` a failed download still lets the build continue with nothing extracted. Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before such RUNs (on Alpine: `["/bin/ash", "-o", "pipefail", "-c"]`), or start the script with `set -o pipefail`. A plain `/bin/sh` given `-o pipefail` is reported on images other than Alpine/BusyBox: there it is usually dash, which has no such option.\n\nPipes fed by `echo` or `printf` (such as `echo \"$SHA  file\" | sha256sum -c -`) or by a command group are not reported.\n\nThe quick fix inserts a SHELL line; it is not marked safe because the image must provide that shell.',
      'shell 管道的结果取决于最后一条命令：在 `curl -fsSL $URL | tar -xz` 中，即使下载失败，构建也会继续，却什么都没解压。请在这类 RUN 之前设置 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`（Alpine 上用 `["/bin/ash", "-o", "pipefail", "-c"]`），或在脚本开头写 `set -o pipefail`。在 Alpine/BusyBox 以外的镜像上，给普通 `/bin/sh` 加 `-o pipefail` 也会被报告：那里的 sh 通常是不支持该选项的 dash。\n\n由 `echo` 或 `printf`（例如 `echo \"$SHA  file\" | sha256sum -c -`）或命令组提供输入的管道不会报告。\n\n快速修复会插入一行 SHELL；由于镜像中必须存在该 shell，它未标记为安全。',
    ),
    differences: message(
      'hadolint (DL4006) reports every plain `sh` SHELL with `-o pipefail`; here Alpine/BusyBox stages are spared, since their `sh` has pipefail. Pipes fed by `echo`, `printf` or a command group are not reported here.',
      'hadolint（DL4006）会报告每个带 `-o pipefail` 的普通 `sh` SHELL；这里不报告 Alpine/BusyBox 阶段，因为它们的 `sh` 支持 pipefail。由 `echo`、`printf` 或命令组提供输入的管道在这里也不报告。',
    ),
  },
  check({ model }, report) {
    const { runs } = dockerfileShell(model);
    for (const run of runs) {
      if (!run.posix) continue;
      const busybox = looksBusybox(model, run.stage);
      // dash, the /bin/sh of Debian and Ubuntu, has no pipefail option: `SHELL ["/bin/sh", "-o", "pipefail", …]`
      // does not protect anything there. BusyBox's sh (Alpine) has it.
      const plainSh = run.form === 'shell' && !busybox && isPlainSh(run.shell) && shellHasPipefail(run.shell);
      const pipe = run.pipes.find((p) => (plainSh || !p.pipefail) && p.left !== undefined && !cannotFail.has(p.left.name));
      if (!pipe) continue;
      const shellPath = busybox ? '/bin/ash' : '/bin/bash';
      // A SHELL line goes before the instruction as written (before `ONBUILD` for a trigger).
      const written = writtenInstruction(run);
      const line = written.getRange().start.line;
      const indent = model.document.getText({ start: { line, character: 0 }, end: written.getRange().start });
      report({
        range: wordRange(model, pipe),
        message: plainSh
          ? message('`/bin/sh` may be dash, which has no `pipefail`: a failure before this pipe goes unnoticed; use bash (or ash on Alpine).', '`/bin/sh` 可能是不支持 `pipefail` 的 dash：管道前面的命令失败不会被发现；请使用 bash（Alpine 上用 ash）。')
          : message('If a command before this pipe fails, the RUN still succeeds; enable `pipefail`.', '如果管道前面的命令失败，RUN 仍会成功；请启用 `pipefail`。'),
        fixes: [{
          title: message(`Insert SHELL ["${shellPath}", "-o", "pipefail", "-c"]`, `插入 SHELL ["${shellPath}", "-o", "pipefail", "-c"]`),
          edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}SHELL ["${shellPath}", "-o", "pipefail", "-c"]\n` }],
          safe: false,
        }],
      });
    }
  },
};

const linkers: ReadonlySet<string> = new Set(['ln', 'update-alternatives']);

export const shellViaSymlink: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'shell-via-symlink', scope: 'stage',
    aliases: ['DL4005'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Default shell replaced by relinking /bin/sh', '通过重新链接 /bin/sh 替换默认 shell'),
    docs: message(
      'Pointing `/bin/sh` at bash (`ln -sf /bin/bash /bin/sh`) changes the shell of every program in the image that runs `sh`, including system scripts written for a POSIX shell, and it is invisible to readers of the Dockerfile. To run RUN instructions with bash, say so with `SHELL ["/bin/bash", "-c"]`.',
      '把 `/bin/sh` 指向 bash（`ln -sf /bin/bash /bin/sh`）会改变镜像中每个调用 `sh` 的程序所用的 shell，包括为 POSIX shell 编写的系统脚本，而且阅读 Dockerfile 的人看不出来。若要用 bash 执行 RUN 指令，请用 `SHELL ["/bin/bash", "-c"]` 明确声明。',
    ),
  },
  check({ model }, report) {
    reportOncePerRun(commandsOf(model, linkers), report, ({ command }, found) => {
      const parsed = parseArgs(command.args, { shortWithValue: 'St', longWithValue: ['suffix', 'target-directory', 'backup'] });
      const relinks = command.name === 'ln'
        ? parsed.has('-s', '--symbolic') && parsed.positionals.length >= 2 && parsed.positionals[parsed.positionals.length - 1].text === '/bin/sh'
        : command.args.some((a, i) => a.text === '--install' && command.args[i + 1]?.text === '/bin/sh');
      if (!relinks) return;
      found({
        range: wordRange(model, command.program!),
        message: message('Use the SHELL instruction instead of relinking /bin/sh.', '请使用 SHELL 指令，而不是重新链接 /bin/sh。'),
      });
    });
  },
};

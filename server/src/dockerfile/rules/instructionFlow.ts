import type { Instruction } from 'dockerfile-ast';
import type { Rule } from '../../common/rules';
import { dockerfileShell, execFormWords, stagesWithPreamble } from '../shell';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';
import { message, parseArgs, stageChain, trimSlash } from './shellKit';

/** How instructions work together: RUN layering, WORKDIR, ENV leaking, ENTRYPOINT with CMD. */

function flagsText(instruction: Instruction): string {
  const flags = (instruction as unknown as { getFlags(): { toString(): string }[] }).getFlags?.() ?? [];
  return flags.map((f) => f.toString()).sort().join(' ');
}

/** Commands that run (not the bare here-document holders and assignments the analysis also lists). */
function commandCount(commands: readonly { program?: unknown }[]): number {
  let count = 0;
  for (const command of commands) if (command.program !== undefined) count++;
  return count;
}

export const consecutiveRun: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'consecutive-run', scope: 'stage', fixable: true,
    aliases: ['DL3059'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Consecutive RUN instructions', '连续的 RUN 指令'),
    docs: message(
      'Each RUN creates a layer. Two RUNs in a row with the same options can usually be joined with `&&`, giving fewer layers and letting clean-up in the same step actually shrink the image. As in hadolint, only two single-command RUNs are reported: a RUN that already chains commands (`a && b`, `a; b`), different `--mount` options or here-document scripts mark the split as deliberate. Comment lines between the two do not separate them.\n\nThe quick fix joins the two commands with `&&` (none when comments sit between them); it is not marked safe because it changes how the build cache splits the work.',
      '每个 RUN 都会生成一层。两个连续且选项相同的 RUN 通常可以用 `&&` 合并，这样层数更少，而且在同一步中的清理才能真正减小镜像。与 hadolint 一样，只报告两个都只有一条命令的 RUN：已经串联多条命令的 RUN（`a && b`、`a; b`）、`--mount` 选项不同或使用 here-document 脚本，都表明拆分是有意的。两者之间的注释行不会把它们分开。\n\n快速修复会用 `&&` 连接两条命令（中间有注释时不提供）；由于它改变了构建缓存的划分方式，未标记为安全。',
    ),
  },
  check({ model }, report) {
    const shell = dockerfileShell(model);
    const facts = factsOf(model);
    const escape = model.ast.getEscapeCharacter();
    for (const stage of stagesWithPreamble(shell)) {
      for (let i = 1; i < stage.instructions.length; i++) {
        // Within a stage exactly the RUN instructions have a RunAnalysis: test the keywords first.
        if (stage.instructions[i].getKeyword() !== 'RUN' || stage.instructions[i - 1].getKeyword() !== 'RUN') continue;
        const first = shell.runOf(stage.instructions[i - 1]);
        const second = shell.runOf(stage.instructions[i]);
        if (!first || !second || first.heredoc || second.heredoc || first.form !== 'shell' || second.form !== 'shell') continue;
        if (flagsText(first.instruction) !== flagsText(second.instruction)) continue;
        // Either RUN already chaining commands (`a && b`, `a; b`) shows the split is deliberate, as hadolint reads it.
        if (commandCount(first.commands) !== 1 || commandCount(second.commands) !== 1) continue;
        const gapStart = first.instruction.getRange().end.line + 1;
        const gapEnd = second.instruction.getRange().start.line;
        let commented = false;
        for (let line = gapStart; line < gapEnd && !commented; line++) commented = !facts.isBlankLine(line);
        const firstText = model.document.getText().slice(first.commandStart, first.commandEnd);
        // Joining across comment lines would delete them: no fix then.
        const canMerge = !commented && !firstText.includes('#') && !/[;&|]\s*$/.test(firstText);
        const indent = ' '.repeat(4);
        report({
          range: second.instruction.getInstructionRange(),
          message: message('This RUN directly follows another; consider joining them with `&&`.', '此 RUN 紧跟在另一个 RUN 之后；可以考虑用 `&&` 合并。'),
          fixes: canMerge ? [{
            title: message('Join with the previous RUN', '与上一个 RUN 合并'),
            edits: [{
              range: { start: model.document.positionAt(first.commandEnd), end: model.document.positionAt(second.commandStart) },
              newText: ` ${escape}\n${indent}&& `,
            }],
            safe: false,
          }] : undefined,
        });
      }
    }
  },
};

export const mkdirBeforeWorkdir: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'mkdir-before-workdir', scope: 'stage', fixable: true,
    aliases: [],
    severity: 'info',
    category: 'best-practice',
    profile: 'strict',
    tag: 'unnecessary',
    title: message('mkdir right before WORKDIR', '紧挨着 WORKDIR 的 mkdir'),
    docs: message(
      '`WORKDIR` creates the directory when it does not exist, so a RUN that only runs `mkdir -p` for the same path adds an empty layer and nothing else. Reported only while the build still runs as root (before any USER), where both create the same root-owned directory. The quick fix removes the RUN.',
      '`WORKDIR` 会在目录不存在时自动创建它，所以只为同一路径执行 `mkdir -p` 的 RUN 只会多出一个空层。仅在构建仍以 root 身份运行（任何 USER 之前）时报告，此时两者创建的都是属于 root 的同一目录。快速修复会删除该 RUN。',
    ),
  },
  check({ model }, report) {
    const shell = dockerfileShell(model);
    for (const stage of stagesWithPreamble(shell)) {
      if (stageChain(model, stage).some((s) => s.instructions.some((i) => i.getKeyword() === 'USER'))) continue;
      for (let i = 0; i + 1 < stage.instructions.length; i++) {
        const next = stage.instructions[i + 1];
        // The cheap tests first: only a RUN without mounts right before a WORKDIR can qualify.
        if (next.getKeyword() !== 'WORKDIR') continue;
        const run = shell.runOf(stage.instructions[i]);
        if (!run || run.mounts.length > 0) continue;
        const commands = run.commands.filter((c) => c.program !== undefined);
        if (commands.length !== 1) continue;
        const command = commands[0];
        if (command.name !== 'mkdir' || command.wrappers.length > 0) continue;
        const parsed = parseArgs(command.args, { shortWithValue: 'mZ', longWithValue: ['mode', 'context'] });
        if (parsed.options.some((o) => o.name !== 'p' && o.name !== 'parents' && o.name !== 'v')) continue;
        const dir = parsed.positionals[0];
        const workdir = next.getArguments()[0]?.getValue();
        if (parsed.positionals.length !== 1 || dir.dynamic || !workdir || trimSlash(dir.text) !== trimSlash(workdir)) continue;
        const range = run.instruction.getRange();
        report({
          range,
          message: message(`WORKDIR ${workdir} creates the directory itself; this RUN is not needed.`, `WORKDIR ${workdir} 会自行创建该目录；此 RUN 没有必要。`),
          fixes: [{ title: message('Remove this RUN', '删除此 RUN'), edits: [{ range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' }], safe: true }],
        });
      }
    }
  },
};

export const debianFrontendEnv: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'debian-frontend-env', scope: 'instruction', fixable: true,
    aliases: [],
    severity: 'info',
    category: 'best-practice',
    profile: 'strict',
    title: message('DEBIAN_FRONTEND set with ENV', '用 ENV 设置 DEBIAN_FRONTEND'),
    docs: message(
      '`ENV DEBIAN_FRONTEND=noninteractive` is only needed while packages are installed, but ENV keeps it in the image: anyone who later runs `apt-get` or `dpkg-reconfigure` interactively in a container gets no prompts and silent defaults. Use `ARG DEBIAN_FRONTEND=noninteractive` (visible to RUN during the build only) or set it inline: `RUN DEBIAN_FRONTEND=noninteractive apt-get install …`.\n\nThe quick fix turns the ENV into an ARG; it is not marked safe because stages built `FROM` this one would no longer inherit it.',
      '`ENV DEBIAN_FRONTEND=noninteractive` 只在安装软件包时需要，但 ENV 会把它留在镜像里：之后有人在容器中交互式运行 `apt-get` 或 `dpkg-reconfigure` 时，不会看到任何提示，而是静默使用默认值。请使用 `ARG DEBIAN_FRONTEND=noninteractive`（仅在构建期间对 RUN 可见），或直接内联设置：`RUN DEBIAN_FRONTEND=noninteractive apt-get install …`。\n\n快速修复会把 ENV 改为 ARG；由于以本阶段为 `FROM` 的阶段将不再继承它，未标记为安全。',
    ),
  },
  check({ model }, report) {
    for (const instruction of factsOf(model).instructionsWith('ENV')) {
      const properties = (instruction as unknown as { getProperties(): { getName(): string; getValue(): string | null; getNameRange(): import('vscode-languageserver-types').Range }[] }).getProperties();
      const property = properties.find((p) => p.getName() === 'DEBIAN_FRONTEND');
      if (!property) continue;
      const single = properties.length === 1 && /^\s*DEBIAN_FRONTEND=/.test(instruction.getRawArgumentsContent() ?? '');
      const keyword = instruction.getInstruction();
      report({
        range: property.getNameRange(),
        message: message('DEBIAN_FRONTEND stays set in every container of this image; use ARG or set it inline in the RUN.', 'DEBIAN_FRONTEND 会在该镜像的每个容器中保持设置；请使用 ARG 或在 RUN 中内联设置。'),
        fixes: single ? [{ title: message('Change ENV to ARG', '将 ENV 改为 ARG'), edits: [{ range: instruction.getInstructionRange(), newText: keyword === keyword.toLowerCase() ? 'arg' : 'ARG' }], safe: false }] : undefined,
      });
    }
  },
};

/** The effective ENTRYPOINT and CMD of each stage (last of each kind in that stage). */
function entrypointAndCmd(stageInstructions: Instruction[]): { entrypoint?: Instruction; cmd?: Instruction } {
  let entrypoint: Instruction | undefined;
  let cmd: Instruction | undefined;
  for (const i of stageInstructions) {
    if (i.getKeyword() === 'ENTRYPOINT') entrypoint = i;
    else if (i.getKeyword() === 'CMD') cmd = i;
  }
  return { entrypoint, cmd };
}

export const entrypointShellFormIgnoresCmd: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'entrypoint-shell-form-ignores-cmd', scope: 'stage',
    aliases: [],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: message('CMD ignored by a shell-form ENTRYPOINT', 'CMD 被 shell 形式的 ENTRYPOINT 忽略'),
    docs: message(
      'A shell-form ENTRYPOINT (`ENTRYPOINT my-app --flag`) runs as `/bin/sh -c "my-app --flag"`, which drops CMD and any arguments given to `docker run`. It also makes the shell PID 1, so `docker stop` signals never reach your program. Write ENTRYPOINT in exec form: `ENTRYPOINT ["my-app", "--flag"]`.',
      'shell 形式的 ENTRYPOINT（`ENTRYPOINT my-app --flag`）会以 `/bin/sh -c "my-app --flag"` 的方式运行，从而丢弃 CMD 和传给 `docker run` 的所有参数。它还会让 shell 成为 PID 1，`docker stop` 的信号因此无法到达你的程序。请用 exec 形式编写 ENTRYPOINT：`ENTRYPOINT ["my-app", "--flag"]`。',
    ),
  },
  check({ model }, report) {
    for (const stage of stagesWithPreamble(dockerfileShell(model))) {
      const { entrypoint, cmd } = entrypointAndCmd(stage.instructions);
      if (!entrypoint || !cmd || execFormWords(model, entrypoint) || execFormWords(model, cmd)?.length === 0) continue;
      report({
        range: cmd.getInstructionRange(),
        message: message('This CMD never reaches the program: the ENTRYPOINT uses shell form, which ignores CMD.', '此 CMD 永远不会传给程序：ENTRYPOINT 使用 shell 形式，会忽略 CMD。'),
      });
    }
  },
};

export const cmdShellFormWithExecEntrypoint: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'cmd-shell-form-with-exec-entrypoint', scope: 'stage', fixable: true,
    aliases: [],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: message('Shell-form CMD as arguments of an exec-form ENTRYPOINT', 'shell 形式的 CMD 作为 exec 形式 ENTRYPOINT 的参数'),
    docs: message(
      'With an exec-form ENTRYPOINT, CMD supplies its default arguments. A shell-form CMD (`CMD --port 8080`) is stored as `["/bin/sh", "-c", "--port 8080"]`, so the program receives `/bin/sh`, `-c` and one long string instead of its options. Write CMD in exec form: `CMD ["--port", "8080"]`. The quick fix converts simple CMDs.',
      '当 ENTRYPOINT 使用 exec 形式时，CMD 提供默认参数。shell 形式的 CMD（`CMD --port 8080`）会被保存为 `["/bin/sh", "-c", "--port 8080"]`，程序收到的将是 `/bin/sh`、`-c` 和一整段字符串，而不是它的选项。请用 exec 形式编写 CMD：`CMD ["--port", "8080"]`。快速修复可以转换简单的 CMD。',
    ),
  },
  check({ model }, report) {
    for (const stage of stagesWithPreamble(dockerfileShell(model))) {
      const { entrypoint, cmd } = entrypointAndCmd(stage.instructions);
      if (!entrypoint || !cmd || !execFormWords(model, entrypoint) || execFormWords(model, cmd)) continue;
      const args = cmd.getArguments();
      const range = cmd.getArgumentsRange();
      if (!range || args.length === 0) continue;
      const simple = args.every((a) => /^[A-Za-z0-9_./:=@%+,-]+$/.test(a.getValue())) && cmd.getRange().start.line === cmd.getRange().end.line;
      report({
        range,
        message: message('The ENTRYPOINT will receive `/bin/sh -c "…"` as its arguments; write this CMD in exec form.', 'ENTRYPOINT 收到的参数将是 `/bin/sh -c "…"`；请用 exec 形式编写此 CMD。'),
        fixes: simple ? [{
          title: message('Convert CMD to exec form', '将 CMD 转换为 exec 形式'),
          edits: [{ range, newText: `[${args.map((a) => JSON.stringify(a.getValue())).join(', ')}]` }],
          safe: true,
        }] : undefined,
      });
    }
  },
};

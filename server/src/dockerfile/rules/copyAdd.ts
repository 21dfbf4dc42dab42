import type { Instruction } from 'dockerfile-ast';
import { baseName } from '../../common/paths';
import type { Rule } from '../../common/rules';
import type { DockerfileModel } from '../model';
import { dockerfileShell, stagesWithPreamble, wordRange, type ShellCommand, type StageInfo } from '../shell';
import type { DockerfileRuleSubject } from './context';
import { copyOperands, type CopyOperand } from './copyOperands';
import { factsOf, flagsOf } from './facts';
import { message, parseArgs, stageChain, trimSlash } from './shellKit';

/** COPY and ADD: the right instruction for the job, destinations, ownership, secrets. */

export { copyOperands };

const tarArchive = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz2?|txz|tzst|tlz)$/i;
const compressed = /\.(gz|bz2|xz|zst)$/i;
const remote = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/i;

export const addInsteadOfCopy: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'add-instead-of-copy', scope: 'stage', fixable: true,
    aliases: ['DL3020'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('ADD used to copy local files', '使用 ADD 复制本地文件'),
    docs: message(
      '`ADD` has extra powers: it downloads URLs, clones git repositories and unpacks local tar archives. For plain files and directories those powers are only surprises waiting to happen (a file renamed to `.tar.gz` suddenly gets extracted). Use `COPY`, which does exactly one thing. Sources that are URLs, git repositories, archives or variables are not reported, nor ADD with ADD-only flags such as `--checksum`.\n\nThe quick fix replaces ADD with COPY.',
      '`ADD` 有额外的能力：下载 URL、克隆 git 仓库、解压本地 tar 归档。对于普通文件和目录，这些能力只会带来意外（改名为 `.tar.gz` 的文件会突然被解压）。请使用只做一件事的 `COPY`。来源为 URL、git 仓库、归档或变量时不会报告，带有 `--checksum` 等 ADD 专有选项时也不会报告。\n\n快速修复会把 ADD 替换为 COPY。',
    ),
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (const instruction of [...facts.instructionsWith('ADD'), ...facts.triggersWith('ADD')]) {
      const operands = copyOperands(model, instruction);
      if (!operands || operands.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f))) continue;
      const local = operands.sources.every((s) => {
        const v = s.value;
        return !v.includes('$') && !remote.test(v) && !tarArchive.test(v) && !compressed.test(v);
      });
      if (!local) continue;
      const keyword = instruction.getInstruction();
      report({
        range: instruction.getInstructionRange(),
        message: message('Use COPY to copy local files; ADD is for URLs and archives to extract.', '复制本地文件请使用 COPY；ADD 用于 URL 和需要解压的归档。'),
        fixes: [{ title: message('Replace ADD with COPY', '将 ADD 替换为 COPY'), edits: [{ range: instruction.getInstructionRange(), newText: keyword === keyword.toLowerCase() ? 'copy' : 'COPY' }], safe: true }],
      });
    }
  },
};

/** `tar -xzf`, `tar xf`, `tar --extract`: the tar call unpacks. */
function tarExtracts(args: { text: string }[]): boolean {
  const first = args[0]?.text ?? '';
  if (/^[a-zA-Z]+$/.test(first) && first.includes('x')) return true;
  return args.some((a) => /^-[a-zA-Z]*x[a-zA-Z]*$/.test(a.text) || a.text === '--extract' || a.text === '--get');
}

export const copyArchiveThenExtract: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'copy-archive-then-extract', scope: 'stage',
    aliases: ['DL3010'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Archive copied, then extracted', '先复制归档再解压'),
    docs: message(
      'Copying a tar archive with COPY and unpacking it with `tar -x` in a later RUN stores the archive in one layer and its contents in another; deleting the archive afterwards does not shrink the image. `ADD archive.tar.gz /dest/` unpacks local tar archives in a single step.',
      '用 COPY 复制 tar 归档，再在之后的 RUN 中用 `tar -x` 解压，会把归档存进一层、内容存进另一层；事后删除归档也无法减小镜像。`ADD archive.tar.gz /dest/` 可以一步解压本地 tar 归档。',
    ),
  },
  check({ model }, report) {
    const shell = dockerfileShell(model);
    const stages = stagesWithPreamble(shell);
    for (let n = 0; n < stages.length; n++) {
      const stage = stages[n];
      // Made at the first archive copied: most stages copy none.
      let copied: Map<string, CopyOperand> | undefined;
      for (let k = 0; k < stage.instructions.length; k++) {
        const instruction = stage.instructions[k];
        if (instruction.getKeyword() === 'COPY') {
          const operands = copyOperands(model, instruction);
          if (!operands || operands.flags.includes('from')) continue;
          for (const source of operands.sources) {
            if (!tarArchive.test(source.value) || source.value.includes('$')) continue;
            (copied ??= new Map()).set(baseName(source.value), source);
            // A Windows path written with the default escape character (`build\app.tar`) loses its
            // backslashes to BuildKit; the name as written is what a later `tar -xf` repeats.
            if (source.word?.raw.includes('\\')) copied.set(baseName(source.word.raw.replace(/["']/g, '')), source);
          }
          // `COPY app.tar /foo.tar` stores the archive under the destination's name (unless that is a folder).
          const [only] = operands.sources;
          const dest = operands.dest.value;
          if (operands.sources.length === 1 && copied?.get(baseName(only.value)) === only && !/[\\/]$/.test(dest) && !dest.includes('$')) copied.set(baseName(dest), only);
          continue;
        }
        if (!copied || copied.size === 0) continue; // nothing copied yet that a RUN could extract
        const run = shell.runOf(instruction);
        if (!run) continue;
        for (const command of run.commands) {
          if (command.name !== 'tar' || !tarExtracts(command.args)) continue;
          for (const arg of command.args) {
            const source = copied.get(baseName(arg.text));
            if (!source) continue;
            for (const [name, copy] of copied) if (copy === source) copied.delete(name);
            report({
              range: source.range,
              message: message(`\`${source.value}\` is extracted by a later RUN; \`ADD\` unpacks it in one layer.`, `\`${source.value}\` 会在之后的 RUN 中被解压；使用 \`ADD\` 可以在一层内完成解压。`),
            });
          }
        }
      }
    }
  },
};

/**
 * Absolute on Linux or Windows, or a variable. A drive letter alone counts: with the default escape
 * character BuildKit reads `C:\app` as `C:app`, which still names the drive.
 */
function isAbsoluteDest(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path) || path.startsWith('\\');
}

/** Start line of each stage's first WORKDIR (Infinity when it has none), once per check. */
type FirstWorkdirLines = Map<StageInfo, number>;

function firstWorkdirLine(stage: StageInfo, known: FirstWorkdirLines): number {
  let line = known.get(stage);
  if (line === undefined) {
    const workdir = stage.instructions.find((i) => i.getKeyword() === 'WORKDIR');
    line = workdir ? workdir.getRange().start.line : Infinity;
    known.set(stage, line);
  }
  return line;
}

/**
 * A WORKDIR in a stage this one builds on, or earlier in this stage: instructions are in file
 * order, so "any WORKDIR before `line`" is "the first WORKDIR starts before `line`".
 */
function workdirBefore(model: DockerfileModel, stage: StageInfo, line: number, known: FirstWorkdirLines, inherited: Map<StageInfo, boolean>): boolean {
  if (firstWorkdirLine(stage, known) < line) return true;
  // Whether a stage this one builds on sets a WORKDIR: once per stage, not per COPY.
  let fromBase = inherited.get(stage);
  if (fromBase === undefined) {
    fromBase = stageChain(model, stage).some((s) => s !== stage && firstWorkdirLine(s, known) !== Infinity);
    inherited.set(stage, fromBase);
  }
  return fromBase;
}

export const copyRelativeWithoutWorkdir: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'copy-relative-without-workdir', scope: 'stage',
    aliases: ['DL3045'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('COPY to a relative path without WORKDIR', '未设置 WORKDIR 时 COPY 到相对路径'),
    docs: message(
      'A relative COPY destination is resolved against the working directory, which, until this Dockerfile sets `WORKDIR`, is whatever the base image chose (often `/`). A new base image version can move your files. Set `WORKDIR /app` first, or use an absolute destination.',
      'COPY 的相对目标路径以工作目录为基准；在 Dockerfile 设置 `WORKDIR` 之前，工作目录由基础镜像决定（通常是 `/`）。基础镜像的新版本可能让文件换了位置。请先设置 `WORKDIR /app`，或使用绝对目标路径。',
    ),
  },
  check({ model }, report) {
    const shell = dockerfileShell(model);
    const firstWorkdirs: FirstWorkdirLines = new Map();
    const inheritedWorkdir = new Map<StageInfo, boolean>();
    const stages = stagesWithPreamble(shell);
    for (let n = 0; n < stages.length; n++) {
      const stage = stages[n];
      for (let k = 0; k < stage.instructions.length; k++) {
        const instruction = stage.instructions[k];
        if (instruction.getKeyword() !== 'COPY') continue;
        const operands = copyOperands(model, instruction);
        if (!operands || isAbsoluteDest(operands.dest.value)) continue;
        if (workdirBefore(model, stage, instruction.getRange().start.line, firstWorkdirs, inheritedWorkdir)) continue;
        report({
          range: operands.dest.range,
          message: message(`\`${operands.dest.value}\` is relative and no WORKDIR is set; set WORKDIR or use an absolute path.`, `\`${operands.dest.value}\` 是相对路径且未设置 WORKDIR；请设置 WORKDIR 或使用绝对路径。`),
        });
      }
    }
  },
};

/** True when `target` (from chown/chmod) is the copied destination or something inside it. */
function touchesCopied(target: string, dest: string): boolean {
  const d = trimSlash(dest);
  const t = trimSlash(target);
  return t === d || t.startsWith(`${d}/`) || (dest.endsWith('/') && d !== '/' && t.startsWith(d));
}

/** At least one command, and every real command a top-level chown or chmod (tested before copying the list). */
function onlyTopLevelOwnershipChanges(commands: readonly ShellCommand[]): boolean {
  let any = false;
  for (const c of commands) {
    if (c.program === undefined) continue;
    if (!((c.name === 'chown' || c.name === 'chmod') && c.depth === 0 && !c.inBlock)) return false;
    any = true;
  }
  return any;
}

export const chownAfterCopy: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'chown-after-copy', scope: 'stage',
    aliases: [],
    severity: 'info',
    category: 'best-practice',
    profile: 'strict',
    title: message('chown/chmod in a RUN right after COPY', 'COPY 之后紧接着用 RUN 执行 chown/chmod'),
    docs: message(
      'Changing the owner or mode of copied files in a separate RUN writes every one of those files again into a new layer, doubling their size in the image. `COPY --chown=app:app` and `COPY --chmod=755` set ownership and mode as the files are copied.',
      '在单独的 RUN 中修改已复制文件的所有者或权限，会把这些文件全部再写进新的一层，使它们在镜像中的体积翻倍。`COPY --chown=app:app` 和 `COPY --chmod=755` 可以在复制时直接设置所有者和权限。',
    ),
  },
  check({ model }, report) {
    const shell = dockerfileShell(model);
    const instructions = model.ast.getInstructions();
    for (let i = 1; i < instructions.length; i++) {
      const previous = instructions[i - 1];
      // The cheap test first: only a RUN right after a COPY or ADD can qualify.
      const keyword = previous.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const run = shell.runOf(instructions[i]);
      if (!run) continue;
      // The bare `<<EOF` holder of a here-document script is not a command of its own.
      if (!onlyTopLevelOwnershipChanges(run.commands)) continue;
      const commands = run.commands.filter((c) => c.program !== undefined);
      const operands = copyOperands(model, previous);
      if (!operands || !isAbsoluteDest(operands.dest.value) || operands.dest.value.startsWith('$')) continue;
      for (const command of commands) {
        const targets = parseArgs(command.args, { longWithValue: ['reference', 'from'] }).positionals.slice(1);
        if (!targets.some((t) => !t.dynamic && touchesCopied(t.text, operands.dest.value))) continue;
        const flag = command.name === 'chown' ? '--chown' : '--chmod';
        report({
          range: wordRange(model, command.program!),
          message: message(`Set this on the copy with \`${previous.getKeyword()} ${flag}=…\` instead of rewriting the files in a new layer.`, `请在复制时用 \`${previous.getKeyword()} ${flag}=…\` 设置，而不是在新的一层中重写这些文件。`),
        });
      }
    }
  },
};

const secretFiles = /(?:^|\/)(?:id_(?:rsa|dsa|ecdsa|ed25519)|\.netrc|\.git-credentials|\.npmrc|\.pypirc|\.ssh|\.aws|\.aws\/credentials|\.docker\/config\.json|\.kube\/config|\.gnupg)\/?$/;

export const credentialsCopied: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'credentials-copied', scope: 'stage',
    aliases: [],
    severity: 'warning',
    category: 'security',
    profile: 'recommended',
    title: message('Credentials copied into the image', '凭据被复制进了镜像'),
    docs: message(
      'Files such as `id_rsa`, `.netrc`, `.npmrc`, `.pypirc`, `.git-credentials`, `~/.aws` or `~/.docker/config.json` usually hold secrets. Once copied, they live in a layer of the image (and of the build cache) even if a later step deletes them. Let the build read them only while it needs them:\n\n```\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\nRUN --mount=type=ssh git clone git@github.com:org/repo.git\n```',
      '`id_rsa`、`.netrc`、`.npmrc`、`.pypirc`、`.git-credentials`、`~/.aws` 或 `~/.docker/config.json` 这类文件通常包含机密。一旦被复制，即使后面的步骤删除了它们，它们仍会留在镜像（以及构建缓存）的某一层中。请只在需要时让构建读取它们：\n\n```\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\nRUN --mount=type=ssh git clone git@github.com:org/repo.git\n```',
    ),
  },
  check({ model }, report) {
    const facts = factsOf(model);
    // ONBUILD COPY/ADD triggers copy into every image built FROM this one: just as much a leak.
    const copies = [...facts.instructionsWith('COPY'), ...facts.instructionsWith('ADD'), ...facts.triggersWith('COPY'), ...facts.triggersWith('ADD')]
      .sort((x, y) => x.getRange().start.line - y.getRange().start.line);
    for (const instruction of copies) {
      const operands = copyOperands(model, instruction);
      if (!operands) continue;
      for (const source of operands.sources) {
        if (!secretFiles.test(source.value)) continue;
        report({
          range: source.range,
          message: message(`\`${source.value}\` likely holds credentials; use \`RUN --mount=type=secret\` (or \`type=ssh\`) instead of copying it.`, `\`${source.value}\` 很可能包含凭据；请使用 \`RUN --mount=type=secret\`（或 \`type=ssh\`），不要复制它。`),
        });
      }
    }
  },
};

/** A `--from` flag among the instruction's flags: copyOperands reads `from` from it alone. */
function hasFromFlag(instruction: Instruction): boolean {
  return flagsOf(instruction).some((flag) => flag.getName().toLowerCase() === 'from');
}

/**
 * False when the destination cannot be the root (`/`, `//`, `/.`), judged from the last argument's
 * text alone without reading every operand. A destination word is its text with quote and escape
 * characters removed (buildkitWords.ts: nothing else is dropped, nothing is added), so a text on
 * one line holding any other character than those, `/` and `.` keeps it in the destination. JSON
 * forms (whose `\u` escapes can spell a `/`) and texts over several lines are left to copyOperands.
 */
function mayCopyIntoRoot(model: DockerfileModel, instruction: Instruction): boolean {
  const args = factsOf(model).lineArguments(instruction);
  if (args.length < 2 || args[0].getValue().startsWith('[')) return true;
  const raw = model.document.getText(args[args.length - 1].getRange());
  // Joining continuation lines drops more (trailing blanks, comment lines).
  if (raw.includes('\n') || raw.includes('\r')) return true;
  const escape = factsOf(model).semantics.escapeChar;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '/' && ch !== '.' && ch !== '"' && ch !== "'" && ch !== escape) return false;
  }
  return true;
}

/**
 * `stages.find((s) => s.name === key || String(s.index) === key)` for every key at once: the
 * first stage with that (lower-cased) name or index wins, as find would pick it.
 */
function firstStageByNameOrIndex(stages: readonly StageInfo[]): Map<string, StageInfo> {
  const byKey = new Map<string, StageInfo>();
  for (const stage of stages) {
    if (stage.name !== undefined && !byKey.has(stage.name)) byKey.set(stage.name, stage);
    const index = String(stage.index);
    if (!byKey.has(index)) byKey.set(index, stage);
  }
  return byKey;
}

export const copyEntireFilesystem: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'copy-entire-filesystem', scope: 'file',
    aliases: ['DL3067'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Whole filesystem copied from another stage', '从另一个阶段复制了整个文件系统'),
    differences: message('hadolint\'s DL3067 reports `COPY --from=<anything> / /`; Stevedore leaves out stages of this file that run no command (artifact stages holding only what was copied into them on purpose) and image references such as `busybox:1.36`.', 'hadolint 的 DL3067 会报告任何 `COPY --from=<任意> / /`；Stevedore 不报告本文件中不执行任何命令的阶段（只存放有意复制进去的文件的产物阶段），也不报告 `busybox:1.36` 这样的镜像引用。'),
    docs: message(
      '`COPY --from=build / /` brings over everything the other stage contains: compilers, package caches, `/etc/passwd`, `/proc` placeholders and all. It defeats the point of a multi-stage build and can overwrite the target stage\'s system files. Copy only the paths you need: `COPY --from=build /app/bin/server /usr/local/bin/`.\n\nReported when the destination is the root and the source stage runs commands (and so carries an operating system), or is a name this file does not define (a fragment). Copying `/` from an artifact stage that only collects files, from an external image, or into a folder (`COPY --from=build / /rootfs/`) is a common and deliberate pattern, as hadolint also judges the folder case.',
      '`COPY --from=build / /` 会把另一个阶段的全部内容都带过来：编译器、软件包缓存、`/etc/passwd`、`/proc` 占位目录等等。这违背了多阶段构建的初衷，还可能覆盖目标阶段的系统文件。请只复制需要的路径：`COPY --from=build /app/bin/server /usr/local/bin/`。\n\n仅当目标为根目录、且源阶段执行过命令（因而带有完整的操作系统）或是本文件未定义的名称（片段）时才报告。从只收集文件的产物阶段、外部镜像复制 `/`，或复制到某个目录（`COPY --from=build / /rootfs/`）是常见且有意的做法，hadolint 对复制到目录的情况也这样判断。',
    ),
  },
  check({ model }, report) {
    // The shell analysis and the operands only for the COPYs that could be reported: this rule runs
    // over the whole file at every check, and most COPYs copy from no stage or into a folder.
    let shell: ReturnType<typeof dockerfileShell> | undefined;
    let stageByKey: Map<string, StageInfo> | undefined;
    for (const instruction of factsOf(model).instructionsWith('COPY')) {
      if (!hasFromFlag(instruction) || !mayCopyIntoRoot(model, instruction)) continue;
      const operands = copyOperands(model, instruction);
      const from = operands?.from;
      if (!operands || !from) continue;
      // Artifact stages (FROM scratch or an image, plus COPY) hold only what was put there on purpose;
      // a stage that RUNs commands has a whole operating system to drag along.
      // Into the root only: a stage's root copied into a folder (`/rootfs`) is a deliberate pattern.
      if (!/^\/+\.?$/.test(operands.dest.value)) continue;
      shell ??= dockerfileShell(model);
      stageByKey ??= firstStageByNameOrIndex(shell.stages);
      const stage = stageByKey.get(from);
      // In a fragment (before any FROM) a name it does not define is a stage defined elsewhere and is
      // judged like one that runs commands; in a stage it names an image (`busybox`), left alone.
      if (stage ? !stageChain(model, stage).some((s) => s.instructions.some((i) => i.getKeyword() === 'RUN')) : /[/:@.]/.test(from) || shell.stageOf(instruction) !== shell.preamble) continue;
      for (const source of operands.sources) {
        if (!/^\/+(?:\.|\*)?$/.test(source.value)) continue;
        report({
          range: source.range,
          message: message('This copies the entire filesystem of the other stage; copy only the paths you need.', '这会复制另一个阶段的整个文件系统；请只复制需要的路径。'),
        });
      }
    }
  },
};

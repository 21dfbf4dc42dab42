import type { Localized } from '../../common/localized';
import type { InstructionName } from './instructions';

/**
 * One parameter of an instruction form, for signature help. A flag parameter takes its docs from
 * flags.ts; positional ones are documented here. `positional` is the index among non-flag words;
 * `rest` means it also covers every later word; `last` marks a destination that is always the
 * final word (COPY/ADD `<dest>`).
 */
export interface ParameterSpec {
  label: string;
  flag?: string;
  positional?: number;
  rest?: boolean;
  last?: boolean;
  doc?: Localized;
}

export interface FormSpec {
  /** Which written form this is; the signature helper picks one from the first positional word. */
  kind: 'plain' | 'json' | 'heredoc' | 'none';
  params: ParameterSpec[];
}

const p = {
  src: { label: '<src>...', positional: 0, rest: true, doc: { en: 'One or more sources: paths relative to the build context (wildcards allowed), or for ADD also URLs and Git repositories.', zh: '一个或多个源：相对于构建上下文的路径（可用通配符），ADD 还可以是 URL 和 Git 仓库。' } },
  dest: { label: '<dest>', positional: 1, last: true, doc: { en: 'Destination in the image: absolute, or relative to WORKDIR. End it with `/` when it is a directory.', zh: '镜像中的目标路径：绝对路径，或相对于 WORKDIR 的路径。目标是目录时以 `/` 结尾。' } },
  jsonPaths: { label: '["<src>", ... "<dest>"]', positional: 0, rest: true, doc: { en: 'JSON form, needed when a path contains spaces.', zh: 'JSON 形式，路径中包含空格时需要使用。' } },
  executable: { label: '["executable",', positional: 0, doc: { en: 'The program to run, as a JSON string. No shell is involved: variables are not expanded.', zh: '要运行的程序，以 JSON 字符串书写。不经过 shell：变量不会被展开。' } },
  params: { label: '"param", ...]', positional: 1, rest: true, doc: { en: 'Its arguments, each a JSON string.', zh: '程序的参数，每个都是 JSON 字符串。' } },
  command: { label: '<command>', positional: 0, rest: true, doc: { en: 'A command line run by the shell (`/bin/sh -c` unless SHELL changed it).', zh: '由 shell 执行的命令行（除非用 SHELL 修改，否则为 `/bin/sh -c`）。' } },
  heredoc: { label: '<<EOF … EOF', positional: 0, rest: true, doc: { en: 'A here-document: the lines up to the delimiter form a script.', zh: 'here-document：直到结束标记之前的各行组成一段脚本。' } },
};

export const signatureForms: Record<InstructionName, FormSpec[]> = {
  ADD: [
    { kind: 'plain', params: [{ label: '[--chown=<user>:<group>]', flag: 'chown' }, { label: '[--chmod=<perms>]', flag: 'chmod' }, { label: '[--link]', flag: 'link' }, { label: '[--checksum=<hash>]', flag: 'checksum' }, { label: '[--keep-git-dir]', flag: 'keep-git-dir' }, { label: '[--exclude=<pattern>]', flag: 'exclude' }, { label: '[--unpack]', flag: 'unpack' }, p.src, p.dest] },
    { kind: 'json', params: [{ label: '[OPTIONS]', flag: '*' }, p.jsonPaths] },
  ],
  ARG: [{ kind: 'plain', params: [{ label: '<name>[=<default value>] ...', positional: 0, rest: true, doc: { en: 'The variable name, optionally with a default used when `--build-arg` does not set it.', zh: '变量名，可带一个默认值，在未通过 `--build-arg` 设置时使用。' } }] }],
  CMD: [
    { kind: 'json', params: [p.executable, p.params] },
    { kind: 'json', params: [{ label: '["param1",', positional: 0, doc: { en: 'Default arguments appended to ENTRYPOINT.', zh: '追加到 ENTRYPOINT 之后的默认参数。' } }, { label: '"param2", ...]', positional: 1, rest: true, doc: { en: 'Further default arguments.', zh: '更多默认参数。' } }] },
    { kind: 'plain', params: [p.command] },
  ],
  COPY: [
    { kind: 'plain', params: [{ label: '[--from=<stage|image>]', flag: 'from' }, { label: '[--chown=<user>:<group>]', flag: 'chown' }, { label: '[--chmod=<perms>]', flag: 'chmod' }, { label: '[--link]', flag: 'link' }, { label: '[--parents]', flag: 'parents' }, { label: '[--exclude=<pattern>]', flag: 'exclude' }, p.src, p.dest] },
    { kind: 'json', params: [{ label: '[OPTIONS]', flag: '*' }, p.jsonPaths] },
  ],
  ENTRYPOINT: [{ kind: 'json', params: [p.executable, p.params] }, { kind: 'plain', params: [p.command] }],
  ENV: [{ kind: 'plain', params: [{ label: '<key>=<value> ...', positional: 0, rest: true, doc: { en: 'Variables to set; quote values with spaces.', zh: '要设置的变量；包含空格的值需加引号。' } }] }],
  EXPOSE: [{ kind: 'plain', params: [{ label: '<port>[/<protocol>] ...', positional: 0, rest: true, doc: { en: 'A port number or range, optionally followed by `/tcp` (default) or `/udp`.', zh: '端口号或端口范围，可在后面加 `/tcp`（默认）或 `/udp`。' } }] }],
  FROM: [{
    kind: 'plain', params: [
      { label: '[--platform=<platform>]', flag: 'platform' },
      { label: '<image>[:<tag>][@<digest>]', positional: 0, doc: { en: 'The base image, an earlier stage name, or `scratch`.', zh: '基础镜像、先前的阶段名或 `scratch`。' } },
      { label: '[AS <name>]', positional: 1, rest: true, doc: { en: 'Names the stage for `COPY --from`, mounts and later FROM lines.', zh: '为阶段命名，供 `COPY --from`、挂载和后续 FROM 行引用。' } },
    ],
  }],
  HEALTHCHECK: [
    { kind: 'plain', params: [{ label: '[--interval=<duration>]', flag: 'interval' }, { label: '[--timeout=<duration>]', flag: 'timeout' }, { label: '[--start-period=<duration>]', flag: 'start-period' }, { label: '[--start-interval=<duration>]', flag: 'start-interval' }, { label: '[--retries=<n>]', flag: 'retries' }, { label: 'CMD', positional: 0, doc: { en: 'Introduces the check command.', zh: '引出检查命令。' } }, { label: '<command>', positional: 1, rest: true, doc: { en: 'The check, in shell or exec form. Exit 0 = healthy, 1 = unhealthy.', zh: '检查命令，可用 shell 或 exec 形式。退出码 0 为健康，1 为不健康。' } }] },
    { kind: 'none', params: [{ label: 'NONE', positional: 0, rest: true, doc: { en: 'Disables the health check inherited from the base image.', zh: '禁用从基础镜像继承的健康检查。' } }] },
  ],
  LABEL: [{ kind: 'plain', params: [{ label: '<key>=<value> ...', positional: 0, rest: true, doc: { en: 'Metadata pairs; use reverse-DNS keys such as `org.opencontainers.image.*`.', zh: '元数据键值对；键名建议使用 `org.opencontainers.image.*` 这类反向域名形式。' } }] }],
  MAINTAINER: [{ kind: 'plain', params: [{ label: '<name>', positional: 0, rest: true, doc: { en: 'The author (deprecated: use a label).', zh: '作者（已弃用：请使用标签）。' } }] }],
  ONBUILD: [{ kind: 'plain', params: [{ label: '<INSTRUCTION>', positional: 0, doc: { en: 'Any instruction except ONBUILD, FROM and MAINTAINER.', zh: '除 ONBUILD、FROM 和 MAINTAINER 之外的任何指令。' } }, { label: '<arguments>', positional: 1, rest: true, doc: { en: 'The trigger\'s arguments, run in the child image\'s build.', zh: '触发指令的参数，在子镜像构建时执行。' } }] }],
  RUN: [
    { kind: 'plain', params: [{ label: '[--mount=<options>]', flag: 'mount' }, { label: '[--network=<mode>]', flag: 'network' }, { label: '[--security=<mode>]', flag: 'security' }, p.command] },
    { kind: 'json', params: [{ label: '[OPTIONS]', flag: '*' }, p.executable, p.params] },
    { kind: 'heredoc', params: [{ label: '[OPTIONS]', flag: '*' }, p.heredoc] },
  ],
  SHELL: [{ kind: 'json', params: [{ label: '["executable",', positional: 0, doc: { en: 'The shell program, e.g. `/bin/bash` or `powershell`.', zh: 'shell 程序，例如 `/bin/bash` 或 `powershell`。' } }, { label: '"parameters", ...]', positional: 1, rest: true, doc: { en: 'Its options; the last usually takes the command (`-c`).', zh: '它的选项；最后一个通常用于接收命令（`-c`）。' } }] }],
  STOPSIGNAL: [{ kind: 'plain', params: [{ label: '<signal>', positional: 0, rest: true, doc: { en: 'A signal name such as SIGTERM, or its number.', zh: '信号名（如 SIGTERM）或信号编号。' } }] }],
  USER: [{ kind: 'plain', params: [{ label: '<user>[:<group>]', positional: 0, rest: true, doc: { en: 'A user name or UID, optionally with a group name or GID.', zh: '用户名或 UID，可附带用户组名或 GID。' } }] }],
  VOLUME: [
    { kind: 'plain', params: [{ label: '<path> ...', positional: 0, rest: true, doc: { en: 'Mount points, separated by spaces.', zh: '挂载点，以空格分隔。' } }] },
    { kind: 'json', params: [{ label: '["<path>", ...]', positional: 0, rest: true, doc: { en: 'Mount points as a JSON array.', zh: '以 JSON 数组书写的挂载点。' } }] },
  ],
  WORKDIR: [{ kind: 'plain', params: [{ label: '<path>', positional: 0, rest: true, doc: { en: 'The directory; absolute paths avoid surprises.', zh: '工作目录；使用绝对路径可避免意外。' } }] }],
};

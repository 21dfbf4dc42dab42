import type { Localized } from '../../common/localized';
import type { DocEntry } from './types';

/** The instructions BuildKit's Dockerfile frontend accepts. */
export const instructionNames = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

export type InstructionName = (typeof instructionNames)[number];

/** Instructions that may not follow ONBUILD. */
export const forbiddenOnbuildTriggers: readonly InstructionName[] = ['ONBUILD', 'FROM', 'MAINTAINER'];

/**
 * A completion snippet for one form of an instruction. `body` follows the keyword and uses LSP
 * snippet syntax; `{ESC}` stands for the file's line-continuation character.
 */
export interface InstructionSnippet {
  label: Localized;
  body: string;
}

export interface InstructionDoc extends DocEntry {
  syntax: string[];
  example: string;
  pitfalls: Localized[];
  snippets: InstructionSnippet[];
}

export function isInstructionName(word: string): word is InstructionName {
  return (instructionNames as readonly string[]).includes(word);
}

/** Upper-cases a keyword and tells whether it is an instruction (keywords are case-insensitive). */
export function instructionName(keyword: string): InstructionName | undefined {
  const upper = keyword.toUpperCase();
  return isInstructionName(upper) ? upper : undefined;
}

const execForm: Localized = { en: 'exec form (JSON array)', zh: 'exec 形式（JSON 数组）' };
const shellForm: Localized = { en: 'shell form', zh: 'shell 形式' };

export const instructionDocs: Record<InstructionName, InstructionDoc> = {
  ADD: {
    summary: {
      en: 'Copies files, directories, remote URLs or Git repositories into the image. Besides what COPY does, it unpacks local tar archives and downloads sources over HTTP(S) or Git.',
      zh: '将文件、目录、远程 URL 或 Git 仓库添加到镜像中。除了 COPY 的功能之外，它还会自动解压本地 tar 归档，并能通过 HTTP(S) 或 Git 下载源文件。',
    },
    syntax: [
      'ADD [--chown=<user>:<group>] [--chmod=<perms>] [--link] [--checksum=<hash>] [--keep-git-dir] [--exclude=<pattern>] <src>... <dest>',
      'ADD [OPTIONS] ["<src>", ... "<dest>"]',
    ],
    example: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n    https://example.com/tool.tar.gz /opt/\nADD git@github.com:example/repo.git#v1.2.0 /src',
    pitfalls: [
      { en: 'A local `.tar`, `.tar.gz`, `.tar.xz`… source is extracted, not copied. Use COPY by default so a file is copied as-is, and reach for ADD only when you want extraction or a remote source.', zh: '本地的 `.tar`、`.tar.gz`、`.tar.xz` 等源文件会被解压而不是原样复制。默认请使用 COPY，只有确实需要解压或远程源时才用 ADD。' },
      { en: 'Remote URLs are not extracted, and without `--checksum` the download is not verified and can change between builds.', zh: '远程 URL 下载的文件不会被解压；不加 `--checksum` 时下载内容不会被校验，每次构建都可能不同。' },
      { en: 'With several sources the destination must be a directory ending in `/`.', zh: '有多个源时，目标必须是以 `/` 结尾的目录。' },
    ],
    snippets: [
      { label: { en: 'add source to destination', zh: '添加源到目标' }, body: '${1:src} ${2:dest}' },
      { label: { en: 'add a remote file with a checksum', zh: '添加带校验和的远程文件' }, body: '--checksum=sha256:${1:hash} ${2:https://example.com/file.tar.gz} ${3:/opt/}' },
    ],
  },
  ARG: {
    summary: {
      en: 'Declares a build-time variable, optionally with a default value, that `docker build --build-arg <name>=<value>` can override.',
      zh: '声明一个构建期变量（可带默认值），可以用 `docker build --build-arg <name>=<value>` 覆盖。',
    },
    syntax: ['ARG <name>[=<default value>] [<name>[=<default value>]...]'],
    example: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\nARG NODE_VERSION',
    pitfalls: [
      { en: 'An ARG is visible only in the stage that declares it, from that line on. A global ARG (before the first FROM) can be used in FROM lines, but inside a stage it must be declared again (`ARG NAME` without a value keeps the global default).', zh: 'ARG 只在声明它的阶段内、从声明那一行起可见。全局 ARG（第一个 FROM 之前）可以在 FROM 行中使用，但要在阶段内使用必须再次声明（写 `ARG NAME` 不带值即可沿用全局默认值）。' },
      { en: 'Build args are recorded in the image history (`docker history`): pass secrets with `RUN --mount=type=secret`, never with ARG.', zh: '构建参数会记录在镜像历史（`docker history`）中：密钥请用 `RUN --mount=type=secret` 传递，切勿使用 ARG。' },
      { en: 'Changing an ARG value invalidates the cache of the first instruction that uses it, not of the ARG line itself.', zh: '修改 ARG 的值会使第一个使用它的指令的缓存失效，而不是 ARG 这一行本身。' },
    ],
    snippets: [
      { label: { en: 'build argument with a default', zh: '带默认值的构建参数' }, body: '${1:NAME}=${2:value}' },
      { label: { en: 'build argument without a default', zh: '不带默认值的构建参数' }, body: '${1:NAME}' },
    ],
  },
  CMD: {
    summary: {
      en: 'Sets the default command of a container started from the image, or the default arguments passed to ENTRYPOINT.',
      zh: '设置由镜像启动的容器的默认命令，或传给 ENTRYPOINT 的默认参数。',
    },
    syntax: ['CMD ["executable", "param1", "param2"]', 'CMD ["param1", "param2"]', 'CMD command param1 param2'],
    example: 'CMD ["node", "server.js"]',
    pitfalls: [
      { en: 'Only the last CMD of the final stage takes effect, and any arguments given to `docker run <image> …` replace it entirely.', zh: '只有最终阶段的最后一条 CMD 生效，并且 `docker run <image> …` 后面的参数会完全替换它。' },
      { en: 'The shell form runs as `/bin/sh -c "…"`: the shell becomes PID 1 and does not forward SIGTERM, so `docker stop` waits and then kills. Prefer the exec (JSON) form.', zh: 'shell 形式实际执行的是 `/bin/sh -c "…"`：shell 成为 PID 1 且不会转发 SIGTERM，`docker stop` 只能等待超时后强制杀死进程。建议使用 exec（JSON）形式。' },
      { en: 'The exec form is JSON: use double quotes. With single quotes it silently falls back to the shell form.', zh: 'exec 形式是 JSON：必须用双引号。用单引号时会悄悄退化为 shell 形式。' },
    ],
    snippets: [
      { label: execForm, body: '["${1:executable}", "${2:param}"]' },
      { label: shellForm, body: '${1:command}' },
    ],
  },
  COPY: {
    summary: {
      en: 'Copies files and directories from the build context, another stage (`--from=<stage>`) or another image into the image.',
      zh: '将构建上下文、其他阶段（`--from=<stage>`）或其他镜像中的文件和目录复制到镜像中。',
    },
    syntax: [
      'COPY [--from=<stage|image|context>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] [--parents] [--exclude=<pattern>] <src>... <dest>',
      'COPY [OPTIONS] ["<src>", ... "<dest>"]',
    ],
    example: 'COPY --from=build --chown=app:app /app/dist /usr/share/nginx/html/',
    pitfalls: [
      { en: 'With several sources the destination must be a directory ending in `/`.', zh: '有多个源时，目标必须是以 `/` 结尾的目录。' },
      { en: 'Copying a directory copies its contents, not the directory itself: `COPY src /app/` puts the files of `src` directly in `/app`.', zh: '复制目录时复制的是目录的内容而不是目录本身：`COPY src /app/` 会把 `src` 里的文件直接放到 `/app` 下。' },
      { en: 'Files listed in `.dockerignore` are not in the context and cannot be copied; a relative destination depends on the current WORKDIR.', zh: '`.dockerignore` 中列出的文件不在构建上下文中，无法复制；相对目标路径取决于当前的 WORKDIR。' },
      { en: 'Copy dependency manifests (package.json, go.mod…) and install before copying the rest of the source, so code edits do not invalidate the install layer.', zh: '先复制依赖清单（package.json、go.mod 等）并安装依赖，再复制其余源码，这样修改代码不会使安装依赖的层缓存失效。' },
    ],
    snippets: [
      { label: { en: 'copy source to destination', zh: '复制源到目标' }, body: '${1:src} ${2:dest}' },
      { label: { en: 'copy from another stage', zh: '从其他阶段复制' }, body: '--from=${1:stage} ${2:src} ${3:dest}' },
    ],
  },
  ENTRYPOINT: {
    summary: {
      en: 'Sets the executable a container runs; CMD (or the `docker run` arguments) then supplies its arguments.',
      zh: '设置容器运行的可执行程序；CMD（或 `docker run` 的参数）为其提供参数。',
    },
    syntax: ['ENTRYPOINT ["executable", "param1", "param2"]', 'ENTRYPOINT command param1 param2'],
    example: 'ENTRYPOINT ["/usr/bin/tini", "--", "docker-entrypoint.sh"]\nCMD ["postgres"]',
    pitfalls: [
      { en: 'The shell form runs under `/bin/sh -c`: your process is not PID 1, never receives SIGTERM, and ignores CMD and `docker run` arguments. Use the exec form.', zh: 'shell 形式在 `/bin/sh -c` 下运行：你的进程不是 PID 1，收不到 SIGTERM，而且会忽略 CMD 和 `docker run` 的参数。请使用 exec 形式。' },
      { en: 'Only the last ENTRYPOINT takes effect; setting ENTRYPOINT resets a CMD inherited from the base image.', zh: '只有最后一条 ENTRYPOINT 生效；设置 ENTRYPOINT 会清除从基础镜像继承的 CMD。' },
      { en: 'In an entrypoint script, finish with `exec "$@"` so the main process replaces the shell and gets signals.', zh: '在入口脚本的末尾使用 `exec "$@"`，让主进程替换 shell 并能接收信号。' },
    ],
    snippets: [
      { label: execForm, body: '["${1:executable}", "${2:param}"]' },
      { label: shellForm, body: '${1:command}' },
    ],
  },
  ENV: {
    summary: {
      en: 'Sets environment variables for the following instructions of the stage and for containers started from the image.',
      zh: '设置环境变量，对本阶段后续指令以及由镜像启动的容器都生效。',
    },
    syntax: ['ENV <key>=<value> [<key>=<value>...]', 'ENV <key> <value>   (legacy, one variable)'],
    example: 'ENV NODE_ENV=production \\\n    PATH="/app/node_modules/.bin:$PATH"',
    pitfalls: [
      { en: 'Values persist in the image and in every child image: never put secrets in ENV, and unsetting later does not remove them from earlier layers.', zh: '变量值会保存在镜像以及所有子镜像中：切勿在 ENV 中放置密钥，之后再清除也无法把它从之前的层中移除。' },
      { en: 'The legacy `ENV key value` form sets a single variable whose value is everything after the first space; prefer `key=value`.', zh: '旧的 `ENV key value` 形式只设置一个变量，值是第一个空格之后的全部内容；请优先使用 `key=value`。' },
      { en: 'A variable set in an ENV line is not visible to other variables on that same line.', zh: '同一条 ENV 中定义的变量，不能在该行的其他变量中引用。' },
      { en: 'For a value only one command needs (e.g. `DEBIAN_FRONTEND`), set it inline in RUN instead of ENV.', zh: '只有某条命令需要的值（例如 `DEBIAN_FRONTEND`）应直接写在 RUN 中，而不是用 ENV。' },
    ],
    snippets: [{ label: { en: 'environment variable', zh: '环境变量' }, body: '${1:KEY}=${2:value}' }],
  },
  EXPOSE: {
    summary: {
      en: 'Documents the ports the container listens on (TCP by default); it does not publish them.',
      zh: '声明容器监听的端口（默认 TCP）；它并不会真正发布端口。',
    },
    syntax: ['EXPOSE <port>[/<protocol>] [<port>[/<protocol>]...]'],
    example: 'EXPOSE 8080/tcp 8125/udp',
    pitfalls: [
      { en: 'Publishing still needs `docker run -p` (or `-P`); a host mapping such as `80:8080` or an IP address is not valid here.', zh: '发布端口仍需 `docker run -p`（或 `-P`）；这里不能写 `80:8080` 这样的主机映射或 IP 地址。' },
      { en: 'Write the protocol in lower case: `53/udp`.', zh: '协议请使用小写：`53/udp`。' },
    ],
    snippets: [{ label: { en: 'port', zh: '端口' }, body: '${1:8080}' }],
  },
  FROM: {
    summary: {
      en: 'Starts a new build stage from a base image, from an earlier stage, or from the empty `scratch` image, and optionally names the stage.',
      zh: '以基础镜像、先前的阶段或空镜像 `scratch` 开始一个新的构建阶段，并可为该阶段命名。',
    },
    syntax: ['FROM [--platform=<platform>] <image>[:<tag>][@<digest>] [AS <name>]'],
    example: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
    pitfalls: [
      { en: 'Pin a tag or a digest: an image without one means `latest`, which changes under you.', zh: '请固定标签或摘要：不写标签就是 `latest`，它会在你不知情时发生变化。' },
      { en: 'Each FROM starts with a clean slate: ARG and ENV values, WORKDIR and USER of an earlier stage are not carried over unless you build FROM that stage.', zh: '每个 FROM 都是全新的开始：前一阶段的 ARG、ENV、WORKDIR 和 USER 不会带过来，除非你以那个阶段为基础（FROM 该阶段）。' },
      { en: 'Only ARGs declared before the first FROM can be used in FROM lines.', zh: '只有第一个 FROM 之前声明的 ARG 才能在 FROM 行中使用。' },
    ],
    snippets: [
      { label: { en: 'base image', zh: '基础镜像' }, body: '${1:image}:${2:tag}' },
      { label: { en: 'named build stage', zh: '命名的构建阶段' }, body: '${1:image}:${2:tag} AS ${3:name}' },
    ],
  },
  HEALTHCHECK: {
    summary: {
      en: 'Tells the runtime how to test that the container still works, or disables a health check inherited from the base image.',
      zh: '告诉运行时如何检测容器是否仍在正常工作，或禁用从基础镜像继承的健康检查。',
    },
    syntax: [
      'HEALTHCHECK [--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>] CMD <command>',
      'HEALTHCHECK NONE',
    ],
    example: 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 \\\n    CMD wget -qO- http://localhost:8080/healthz || exit 1',
    pitfalls: [
      { en: 'Only the last HEALTHCHECK takes effect.', zh: '只有最后一条 HEALTHCHECK 生效。' },
      { en: 'The command runs inside the container: the tool it calls (curl, wget…) must exist in the final image. Exit status 0 means healthy, 1 unhealthy.', zh: '检查命令在容器内部执行：它调用的工具（curl、wget 等）必须存在于最终镜像中。退出码 0 表示健康，1 表示不健康。' },
      { en: 'Kubernetes ignores HEALTHCHECK; it uses the probes of the Pod spec.', zh: 'Kubernetes 会忽略 HEALTHCHECK，它使用 Pod 规格中的探针。' },
    ],
    snippets: [
      { label: { en: 'health check command', zh: '健康检查命令' }, body: '--interval=${1:30s} --timeout=${2:3s} CMD ${3:curl -f http://localhost/ || exit 1}' },
      { label: { en: 'disable the inherited health check', zh: '禁用继承的健康检查' }, body: 'NONE' },
    ],
  },
  LABEL: {
    summary: { en: 'Adds key-value metadata to the image (OCI annotations such as `org.opencontainers.image.source`).', zh: '为镜像添加键值对元数据（例如 `org.opencontainers.image.source` 之类的 OCI 注解）。' },
    syntax: ['LABEL <key>=<value> [<key>=<value>...]'],
    example: 'LABEL org.opencontainers.image.source="https://github.com/example/app" \\\n      org.opencontainers.image.licenses="MIT"',
    pitfalls: [
      { en: 'Labels are inherited from the base image; a later value for the same key overrides the earlier one.', zh: '标签会从基础镜像继承；同一个键后写的值会覆盖先前的值。' },
      { en: 'Quote values that contain spaces.', zh: '包含空格的值需要加引号。' },
    ],
    snippets: [{ label: { en: 'label', zh: '标签' }, body: '${1:org.opencontainers.image.source}="${2:value}"' }],
  },
  MAINTAINER: {
    summary: { en: 'Deprecated: sets the author field of the image. Use `LABEL org.opencontainers.image.authors=…` instead.', zh: '已弃用：设置镜像的作者字段。请改用 `LABEL org.opencontainers.image.authors=…`。' },
    syntax: ['MAINTAINER <name>'],
    example: 'LABEL org.opencontainers.image.authors="team@example.com"',
    pitfalls: [
      { en: 'The author field is not shown by most tools; a label is searchable and inherited like any other metadata.', zh: '大多数工具不会显示作者字段；使用标签则可以被检索，并像其他元数据一样被继承。' },
    ],
    deprecated: true,
    snippets: [{ label: { en: 'author (deprecated)', zh: '作者（已弃用）' }, body: '${1:name}' }],
  },
  ONBUILD: {
    summary: {
      en: 'Registers a trigger instruction that does nothing now and runs later, at the start of the build of any image that uses this one as its base.',
      zh: '注册一条触发指令：本次构建不执行，等到其他镜像以本镜像为基础构建时才执行。',
    },
    syntax: ['ONBUILD <INSTRUCTION> <arguments>'],
    example: 'ONBUILD COPY package.json ./\nONBUILD RUN npm ci',
    pitfalls: [
      { en: 'The trigger fires in the child image\'s build, right after its FROM, with the child\'s build context; it never runs in this build.', zh: '触发器在子镜像构建时、紧接着其 FROM 之后执行，使用的是子镜像的构建上下文；它从不在本次构建中执行。' },
      { en: 'ONBUILD, FROM and MAINTAINER cannot be triggers.', zh: 'ONBUILD、FROM 和 MAINTAINER 不能作为触发指令。' },
      { en: 'Triggers fire only in direct children, not grandchildren, and hidden side effects surprise users of the base image: document them.', zh: '触发器只在直接子镜像中执行，不会传给孙镜像；而且这种隐式行为容易让基础镜像的使用者感到意外，请写清楚说明。' },
    ],
    snippets: [{ label: { en: 'trigger instruction', zh: '触发指令' }, body: '${1|RUN,COPY,ADD,ENV,ARG,WORKDIR,USER,LABEL,EXPOSE,CMD,ENTRYPOINT|} ${2:arguments}' }],
  },
  RUN: {
    summary: {
      en: 'Runs a command in a new layer on top of the current image. Flags can mount caches, secrets, SSH agents or other stages only for the duration of the command.',
      zh: '在当前镜像之上的新层中执行命令。通过参数可以在命令执行期间临时挂载缓存、密钥、SSH 代理或其他阶段。',
    },
    syntax: [
      'RUN [--mount=<options>] [--network=<default|none|host>] [--security=<sandbox|insecure>] <command>',
      'RUN [OPTIONS] ["executable", "param1", "param2"]',
      'RUN [OPTIONS] <<EOF\n<script>\nEOF',
    ],
    example: 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends curl',
    pitfalls: [
      { en: 'Each RUN creates a layer: files deleted in a later RUN still take space. Clean package caches in the same RUN that created them (or use a cache mount).', zh: '每条 RUN 都会产生一层：在后续 RUN 中删除的文件仍然占用空间。请在产生包缓存的同一条 RUN 中清理它（或使用缓存挂载）。' },
      { en: 'The shell form runs under `/bin/sh -c`, where a failing command before `|` is ignored; use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` for pipes.', zh: 'shell 形式在 `/bin/sh -c` 下运行，管道 `|` 前面的命令失败会被忽略；使用管道时请设置 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`。' },
      { en: 'Run `apt-get update` and `apt-get install` in the same RUN, or the cached update layer goes stale.', zh: '`apt-get update` 和 `apt-get install` 要写在同一条 RUN 中，否则缓存的 update 层会过期。' },
      { en: '`cd` lasts only for that RUN; use WORKDIR to change directory for later instructions.', zh: '`cd` 只在当前这条 RUN 中有效；要为后续指令切换目录请使用 WORKDIR。' },
    ],
    snippets: [
      { label: shellForm, body: '${1:command}' },
      { label: { en: 'multi-line command', zh: '多行命令' }, body: '${1:command} {ESC}\n    && ${2:command}' },
      { label: { en: 'with a cache mount', zh: '使用缓存挂载' }, body: '--mount=type=cache,target=${1:/root/.cache} ${2:command}' },
      { label: { en: 'here-document script', zh: 'here-document 脚本' }, body: '<<EOF\n${1:command}\nEOF' },
    ],
  },
  SHELL: {
    summary: { en: 'Replaces the shell used by the shell form of RUN, CMD and ENTRYPOINT (default `["/bin/sh", "-c"]` on Linux, `["cmd", "/S", "/C"]` on Windows).', zh: '替换 RUN、CMD 和 ENTRYPOINT 的 shell 形式所使用的 shell（Linux 默认为 `["/bin/sh", "-c"]`，Windows 默认为 `["cmd", "/S", "/C"]`）。' },
    syntax: ['SHELL ["executable", "parameters"]'],
    example: 'SHELL ["/bin/bash", "-euo", "pipefail", "-c"]',
    pitfalls: [
      { en: 'Must be written in JSON form, and the last parameter is usually the one that takes the command (`-c`).', zh: '必须以 JSON 形式书写，最后一个参数通常是接收命令的那个（`-c`）。' },
      { en: 'It applies to the following instructions of the stage only and is inherited by stages built FROM this one.', zh: '它只对本阶段之后的指令生效，并会被以本阶段为基础的阶段继承。' },
    ],
    snippets: [{ label: execForm, body: '["${1:/bin/bash}", "${2:-o}", "${3:pipefail}", "${4:-c}"]' }],
  },
  STOPSIGNAL: {
    summary: { en: 'Sets the system call signal sent to the container\'s main process to stop it (SIGTERM by default).', zh: '设置停止容器时发送给主进程的信号（默认为 SIGTERM）。' },
    syntax: ['STOPSIGNAL <signal>'],
    example: 'STOPSIGNAL SIGQUIT',
    pitfalls: [
      { en: 'It only helps if PID 1 handles that signal: with a shell-form CMD or ENTRYPOINT the shell receives it instead of your program.', zh: '只有当 PID 1 处理该信号时才有效：如果 CMD 或 ENTRYPOINT 使用 shell 形式，收到信号的是 shell 而不是你的程序。' },
      { en: 'Use the name the program expects (nginx wants SIGQUIT for a graceful stop, many servers SIGTERM or SIGINT).', zh: '请使用程序期望的信号（nginx 优雅退出需要 SIGQUIT，许多服务使用 SIGTERM 或 SIGINT）。' },
    ],
    snippets: [{ label: { en: 'signal', zh: '信号' }, body: '${1|SIGTERM,SIGINT,SIGQUIT,SIGKILL,SIGHUP,SIGUSR1,SIGUSR2,SIGWINCH|}' }],
  },
  USER: {
    summary: { en: 'Sets the user (and optionally the group) that runs the following RUN, CMD and ENTRYPOINT instructions and the container.', zh: '设置运行后续 RUN、CMD、ENTRYPOINT 指令以及容器本身的用户（和可选的用户组）。' },
    syntax: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    example: 'RUN adduser -D -u 10001 app\nUSER 10001:10001',
    pitfalls: [
      { en: 'Do not leave root as the last user of the final stage; create a user and switch to it.', zh: '不要让最终阶段的最后一个用户仍是 root；请创建一个普通用户并切换过去。' },
      { en: 'A name must exist in the image\'s /etc/passwd; a numeric UID works even on images without it and lets Kubernetes verify `runAsNonRoot`.', zh: '用户名必须存在于镜像的 /etc/passwd 中；数字 UID 在没有该文件的镜像上也能工作，并让 Kubernetes 能校验 `runAsNonRoot`。' },
      { en: 'COPY and ADD still create files owned by root unless you pass `--chown`.', zh: '除非使用 `--chown`，COPY 和 ADD 创建的文件仍归 root 所有。' },
    ],
    snippets: [{ label: { en: 'user and group', zh: '用户和用户组' }, body: '${1:10001}:${2:10001}' }],
  },
  VOLUME: {
    summary: { en: 'Declares mount points whose content lives in a volume outside the container\'s writable layer.', zh: '声明挂载点，其内容保存在容器可写层之外的卷中。' },
    syntax: ['VOLUME ["/data"]', 'VOLUME /var/log /var/db'],
    example: 'VOLUME /var/lib/postgresql/data',
    pitfalls: [
      { en: 'Any change later build steps make under a declared volume path is discarded.', zh: '后续构建步骤对已声明卷路径下内容的修改都会被丢弃。' },
      { en: 'Every `docker run` without `-v` creates a new anonymous volume, which piles up; child images cannot undeclare a volume.', zh: '每次不带 `-v` 的 `docker run` 都会创建一个新的匿名卷，越积越多；子镜像也无法取消已声明的卷。' },
    ],
    snippets: [{ label: { en: 'volume', zh: '卷' }, body: '${1:/data}' }],
  },
  WORKDIR: {
    summary: { en: 'Sets the working directory of the following RUN, CMD, ENTRYPOINT, COPY and ADD instructions, creating it if needed.', zh: '设置后续 RUN、CMD、ENTRYPOINT、COPY 和 ADD 指令的工作目录，目录不存在时会自动创建。' },
    syntax: ['WORKDIR /path/to/workdir'],
    example: 'WORKDIR /app',
    pitfalls: [
      { en: 'A relative path is resolved against the previous WORKDIR, which may come from the base image; use absolute paths.', zh: '相对路径是相对于上一个 WORKDIR 解析的，而它可能来自基础镜像；请使用绝对路径。' },
      { en: 'Prefer WORKDIR to `cd` inside RUN; the directory is created as root even after USER.', zh: '优先使用 WORKDIR，而不是在 RUN 中 `cd`；即使在 USER 之后，目录也是以 root 身份创建的。' },
    ],
    snippets: [{ label: { en: 'working directory', zh: '工作目录' }, body: '${1:/app}' }],
  },
};

import type { Localized } from '../../common/localized';

/** The instructions BuildKit's Dockerfile frontend accepts. */
export const instructionNames = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

export type InstructionName = (typeof instructionNames)[number];

export interface InstructionDoc {
  summary: Localized;
  /** The forms the instruction accepts, as written in a Dockerfile. */
  syntax: string[];
  example: string;
  /** Mistakes people actually make with it. */
  pitfalls: Localized[];
  deprecated?: boolean;
}

export function isInstructionName(word: string): word is InstructionName {
  return (instructionNames as readonly string[]).includes(word.toUpperCase());
}

export const instructionDocs: Record<InstructionName, InstructionDoc> = {
  ADD: {
    summary: {
      en: 'Copies files, directories or remote URLs into the image. Unlike COPY it also unpacks local tar archives and can fetch URLs and Git repositories.',
      zh: '将文件、目录或远程 URL 复制到镜像中。与 COPY 不同，它还会自动解压本地 tar 归档，并能下载 URL 和 Git 仓库。',
    },
    syntax: ['ADD [--chown=<user>:<group>] [--chmod=<perms>] [--checksum=<hash>] <src>... <dest>', 'ADD ["<src>", ... "<dest>"]'],
    example: 'ADD --checksum=sha256:… https://example.com/app.tar.gz /opt/',
    pitfalls: [
      { en: 'ADD silently extracts local archives; use COPY unless you want that, so the build does what it says.', zh: 'ADD 会悄悄解压本地归档；除非确实需要，请使用 COPY，让构建行为一目了然。' },
    ],
  },
  ARG: {
    summary: { en: 'Declares a build-time variable that `docker build --build-arg` can set.', zh: '声明一个构建期变量，可通过 `docker build --build-arg` 设置。' },
    syntax: ['ARG <name>[=<default value>] [<name>[=<default value>]...]'],
    example: 'ARG NODE_VERSION=20',
    pitfalls: [
      { en: 'An ARG is scoped to the stage that declares it; a global ARG (before the first FROM) must be re-declared inside a stage to be used there.', zh: 'ARG 只在声明它的阶段内有效；全局 ARG（第一个 FROM 之前）需要在阶段内重新声明后才能使用。' },
    ],
  },
  CMD: {
    summary: { en: 'Sets the default command (or default arguments to ENTRYPOINT) of a container started from the image.', zh: '设置容器启动时的默认命令（或 ENTRYPOINT 的默认参数）。' },
    syntax: ['CMD ["executable", "param1", "param2"]', 'CMD ["param1", "param2"]', 'CMD command param1 param2'],
    example: 'CMD ["node", "server.js"]',
    pitfalls: [
      { en: 'Only the last CMD takes effect, and arguments given to `docker run` replace it.', zh: '只有最后一条 CMD 生效，且 `docker run` 的参数会替换它。' },
    ],
  },
  COPY: {
    summary: { en: 'Copies files and directories from the build context or another stage into the image.', zh: '将构建上下文或其他阶段中的文件和目录复制到镜像中。' },
    syntax: ['COPY [--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>', 'COPY ["<src>", ... "<dest>"]'],
    example: 'COPY --from=build /app/dist /usr/share/nginx/html',
    pitfalls: [
      { en: 'With several sources the destination must end with `/`.', zh: '有多个源时，目标路径必须以 `/` 结尾。' },
    ],
  },
  ENTRYPOINT: {
    summary: { en: 'Sets the executable a container runs; CMD then supplies its default arguments.', zh: '设置容器运行的可执行程序；CMD 为其提供默认参数。' },
    syntax: ['ENTRYPOINT ["executable", "param1", "param2"]', 'ENTRYPOINT command param1 param2'],
    example: 'ENTRYPOINT ["/usr/bin/tini", "--"]',
    pitfalls: [
      { en: 'The shell form runs under `/bin/sh -c`, so the process is not PID 1 and does not receive SIGTERM.', zh: 'shell 形式通过 `/bin/sh -c` 运行，进程不是 PID 1，收不到 SIGTERM。' },
    ],
  },
  ENV: {
    summary: { en: 'Sets environment variables for the rest of the build and for containers started from the image.', zh: '设置环境变量，在后续构建步骤和由镜像启动的容器中均生效。' },
    syntax: ['ENV <key>=<value> ...', 'ENV <key> <value> (legacy)'],
    example: 'ENV NODE_ENV=production',
    pitfalls: [
      { en: 'Values persist in the image: never put secrets in ENV.', zh: '变量值会保存在镜像中：切勿在 ENV 中放置密钥。' },
    ],
  },
  EXPOSE: {
    summary: { en: 'Documents the ports the container listens on; it does not publish them.', zh: '声明容器监听的端口；它并不会真正发布端口。' },
    syntax: ['EXPOSE <port>[/<protocol>] ...'],
    example: 'EXPOSE 8080/tcp',
    pitfalls: [
      { en: 'Publishing still needs `docker run -p`; a host mapping such as `80:80` is not allowed here.', zh: '发布端口仍需 `docker run -p`；这里不允许写 `80:80` 这样的主机映射。' },
    ],
  },
  FROM: {
    summary: { en: 'Starts a build stage from a base image (or `scratch`), optionally naming the stage.', zh: '以基础镜像（或 `scratch`）开始一个构建阶段，可为该阶段命名。' },
    syntax: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    example: 'FROM golang:1.23 AS build',
    pitfalls: [
      { en: 'Pin a tag or digest: an untagged image means `latest`, which changes under you.', zh: '请固定标签或摘要：不写标签即为 `latest`，它会随时变化。' },
    ],
  },
  HEALTHCHECK: {
    summary: { en: 'Tells the runtime how to test that the container still works.', zh: '告诉运行时如何检查容器是否仍在正常工作。' },
    syntax: ['HEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--start-interval=5s] [--retries=3] CMD <command>', 'HEALTHCHECK NONE'],
    example: 'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
    pitfalls: [
      { en: 'Only the last HEALTHCHECK of a stage takes effect.', zh: '每个阶段只有最后一条 HEALTHCHECK 生效。' },
    ],
  },
  LABEL: {
    summary: { en: 'Adds key-value metadata to the image.', zh: '为镜像添加键值对元数据。' },
    syntax: ['LABEL <key>=<value> [<key>=<value> ...]'],
    example: 'LABEL org.opencontainers.image.source="https://example.com/repo"',
    pitfalls: [
      { en: 'Labels are inherited from the base image; later values override earlier ones.', zh: '标签会从基础镜像继承；后写的值覆盖先写的值。' },
    ],
  },
  MAINTAINER: {
    summary: { en: 'Deprecated: sets the author field. Use `LABEL org.opencontainers.image.authors=…` instead.', zh: '已弃用：设置作者字段。请改用 `LABEL org.opencontainers.image.authors=…`。' },
    syntax: ['MAINTAINER <name>'],
    example: 'LABEL org.opencontainers.image.authors="team@example.com"',
    pitfalls: [],
    deprecated: true,
  },
  ONBUILD: {
    summary: { en: 'Registers an instruction that runs later, when another image is built FROM this one.', zh: '注册一条延迟执行的指令：当其他镜像以本镜像为基础构建时才执行。' },
    syntax: ['ONBUILD <INSTRUCTION>'],
    example: 'ONBUILD COPY . /app/src',
    pitfalls: [
      { en: 'The trigger fires in the child image\'s build, not in this one; ONBUILD, FROM and MAINTAINER cannot be triggers.', zh: '触发器在子镜像构建时执行，而不是在本次构建中；ONBUILD、FROM 和 MAINTAINER 不能作为触发器。' },
    ],
  },
  RUN: {
    summary: { en: 'Runs a command in a new layer on top of the current image.', zh: '在当前镜像之上的新层中执行命令。' },
    syntax: ['RUN [--mount=...] [--network=...] [--security=...] <command>', 'RUN ["executable", "param1", "param2"]', 'RUN <<EOF … EOF'],
    example: 'RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt',
    pitfalls: [
      { en: 'Each RUN is a layer: clean package caches in the same RUN that created them.', zh: '每条 RUN 都是一层：请在同一条 RUN 中清理它产生的包缓存。' },
    ],
  },
  SHELL: {
    summary: { en: 'Changes the shell used by the shell form of RUN, CMD and ENTRYPOINT.', zh: '更改 RUN、CMD 和 ENTRYPOINT 的 shell 形式所使用的 shell。' },
    syntax: ['SHELL ["executable", "parameters"]'],
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    pitfalls: [
      { en: 'Must be written in JSON form.', zh: '必须使用 JSON 形式书写。' },
    ],
  },
  STOPSIGNAL: {
    summary: { en: 'Sets the signal sent to the container to stop it.', zh: '设置停止容器时发送的信号。' },
    syntax: ['STOPSIGNAL <signal>'],
    example: 'STOPSIGNAL SIGQUIT',
    pitfalls: [],
  },
  USER: {
    summary: { en: 'Sets the user (and optionally group) for the following instructions and the container.', zh: '设置后续指令和容器运行时使用的用户（以及可选的用户组）。' },
    syntax: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    example: 'USER 10001:10001',
    pitfalls: [
      { en: 'Do not leave root as the last user of the final stage.', zh: '不要让最终阶段的最后一个用户仍为 root。' },
    ],
  },
  VOLUME: {
    summary: { en: 'Declares mount points whose content lives outside the container\'s writable layer.', zh: '声明挂载点，其内容存放在容器可写层之外。' },
    syntax: ['VOLUME ["/data"]', 'VOLUME /var/log /var/db'],
    example: 'VOLUME /var/lib/postgresql/data',
    pitfalls: [
      { en: 'Changes made to a volume path by later build steps are discarded.', zh: '后续构建步骤对卷路径的修改会被丢弃。' },
    ],
  },
  WORKDIR: {
    summary: { en: 'Sets the working directory for the following instructions, creating it if needed.', zh: '设置后续指令的工作目录，目录不存在时会自动创建。' },
    syntax: ['WORKDIR /path/to/workdir'],
    example: 'WORKDIR /app',
    pitfalls: [
      { en: 'Use an absolute path; prefer WORKDIR over `cd` inside RUN.', zh: '请使用绝对路径；优先使用 WORKDIR，而不是在 RUN 中 `cd`。' },
    ],
  },
};

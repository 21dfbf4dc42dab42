import type { InstructionName } from './instructions';
import { mountTypes } from './mounts';
import type { DocEntry, ValueDoc } from './types';
import { commonPlatforms, networkValues, securityValues } from './values';

/** What a flag's value is; completion and diagnostics decide what to offer or accept from it. */
export type FlagValueKind = 'platform' | 'stage' | 'chown' | 'chmod' | 'boolean' | 'pattern' | 'checksum' | 'mount' | 'enum' | 'duration' | 'integer';

export interface FlagDoc extends DocEntry {
  name: string;
  value: FlagValueKind;
  /** The closed set of values, for `enum` flags (and suggestions for `platform`). */
  values?: readonly ValueDoc[];
  /** LSP snippet written after `--<name>`, usually `=` and a placeholder. */
  snippet: string;
  /** May appear several times on one instruction (`--mount`, `--exclude`). */
  repeatable?: boolean;
  /** `--link` alone means `--link=true`. */
  valueOptional?: boolean;
  /** The default when the flag is absent, as it would be written. */
  defaultValue?: string;
}

const platform: FlagDoc = {
  name: 'platform', value: 'platform', values: commonPlatforms, snippet: '=${1|$BUILDPLATFORM,linux/amd64,linux/arm64,linux/arm/v7|}', brief: { en: 'Pulls the base image for another platform, e.g. $BUILDPLATFORM', zh: '拉取另一平台的基础镜像，例如 $BUILDPLATFORM' },
  summary: { en: 'Pulls the base image for this platform instead of the build\'s target platform. Typically `$BUILDPLATFORM` on a stage that cross-compiles.', zh: '拉取该平台的基础镜像，而不是构建的目标平台。通常在负责交叉编译的阶段上写 `$BUILDPLATFORM`。' },
  syntax: ['FROM --platform=<os>/<arch>[/<variant>] <image>'],
  example: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .',
  pitfalls: [
    { en: 'A constant such as `linux/amd64` breaks multi-platform builds and emulates on other machines; use `$BUILDPLATFORM` or leave it out.', zh: '写死 `linux/amd64` 这样的常量会破坏多平台构建，并在其他机器上走模拟；请使用 `$BUILDPLATFORM` 或干脆不写。' },
    { en: '`--platform=$TARGETPLATFORM` is redundant: it is already the default.', zh: '`--platform=$TARGETPLATFORM` 是多余的：这本来就是默认值。' },
  ],
};

const from: FlagDoc = {
  name: 'from', value: 'stage', snippet: '=${1:stage}', brief: { en: 'Copies from an earlier stage, an image or a named context', zh: '从先前的阶段、镜像或命名上下文复制' },
  summary: { en: 'Copies from an earlier build stage (by name or index), an image, or a named build context instead of the build context.', zh: '从先前的构建阶段（名称或序号）、某个镜像或命名构建上下文复制，而不是从构建上下文复制。' },
  syntax: ['COPY --from=<stage|index|image|context> <src>... <dest>'],
  example: 'COPY --from=build /out/app /usr/local/bin/app\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/',
  pitfalls: [
    { en: 'A name that is not a stage is pulled as an image; a typo in a stage name therefore fails as "image not found".', zh: '不是阶段名的值会被当作镜像去拉取；因此阶段名拼错时，报错会是“找不到镜像”。' },
    { en: 'Prefer stage names to numeric indexes, which break when stages are reordered; a stage cannot copy from itself.', zh: '优先使用阶段名而不是数字序号，调整阶段顺序时序号会失效；一个阶段不能从自身复制。' },
  ],
};

const chown: FlagDoc = {
  name: 'chown', value: 'chown', snippet: '=${1:user}:${2:group}', brief: { en: 'Owner and group of the copied files (root by default)', zh: '复制后文件的所有者和用户组（默认 root）' },
  summary: { en: 'Sets the owner (and group) of the copied files; by default they belong to root (UID 0).', zh: '设置复制后文件的所有者（和用户组）；默认属于 root（UID 0）。' },
  syntax: ['--chown=<user>[:<group>]', '--chown=<uid>[:<gid>]'],
  example: 'COPY --chown=node:node . /app',
  pitfalls: [
    { en: 'Names are resolved with the image\'s /etc/passwd and /etc/group; on images without them use numeric IDs.', zh: '名称通过镜像中的 /etc/passwd 和 /etc/group 解析；没有这些文件的镜像请使用数字 ID。' },
    { en: 'Much cheaper than a later `RUN chown -R`, which duplicates every file in a new layer.', zh: '比之后再执行 `RUN chown -R` 高效得多，后者会在新层中把所有文件再复制一遍。' },
  ],
};

const chmod: FlagDoc = {
  name: 'chmod', value: 'chmod', snippet: '=${1:755}', brief: { en: 'Permissions of the copied files, e.g. 755', zh: '复制后文件的权限，例如 755' },
  summary: { en: 'Sets the permissions of the copied files, in octal (`755`) or, with a recent frontend, symbolic form (`u+x`).', zh: '设置复制后文件的权限，可用八进制（`755`）或在较新的前端中使用符号形式（`u+x`）。' },
  syntax: ['--chmod=<octal>', '--chmod=<symbolic>'],
  example: 'COPY --chmod=755 entrypoint.sh /usr/local/bin/',
  pitfalls: [{ en: 'Replaces `RUN chmod`, which would copy the files into another layer.', zh: '可以代替 `RUN chmod`，后者会把文件再复制到一个新层中。' }],
};

const link: FlagDoc = {
  name: 'link', value: 'boolean', valueOptional: true, snippet: '', defaultValue: 'false', brief: { en: 'Copies into an independent layer that stays cached when the base changes', zh: '复制到独立的层，基础镜像变化时缓存仍然有效' },
  summary: { en: 'Copies the files into an independent layer that does not depend on the layers before it, so it stays cached when the base changes and can be rebased without rebuilding.', zh: '把文件复制到一个独立的层中，该层不依赖之前的层，因此基础镜像变化时缓存仍然有效，并且无需重新构建即可变基。' },
  syntax: ['--link', '--link=true|false'],
  example: 'COPY --link --from=build /out/app /app',
  pitfalls: [
    { en: 'The layer is built without seeing the earlier filesystem: the destination path is created fresh, symlinks in the destination path are not followed, and files of the base at the same path are replaced rather than merged.', zh: '构建该层时看不到之前的文件系统：目标路径会被重新创建，目标路径中的符号链接不会被解析，基础镜像中同一路径的文件会被替换而不是合并。' },
    { en: '`--chown` with user names cannot look up the earlier /etc/passwd; use numeric IDs with `--link`.', zh: '与 `--link` 同用时，`--chown` 无法查阅之前的 /etc/passwd 来解析用户名；请使用数字 ID。' },
  ],
};

const parents: FlagDoc = {
  name: 'parents', value: 'boolean', valueOptional: true, snippet: '', defaultValue: 'false', brief: { en: 'Keeps each source\'s parent directories under the destination', zh: '在目标位置保留每个源的父目录' },
  summary: { en: 'Keeps the parent directories of each source under the destination (`COPY --parents a/b/c.txt /out/` gives `/out/a/b/c.txt`); `/./` in a source marks where the kept path starts.', zh: '在目标位置保留每个源的父目录（`COPY --parents a/b/c.txt /out/` 得到 `/out/a/b/c.txt`）；源路径中的 `/./` 表示从哪里开始保留。' },
  syntax: ['--parents', '--parents=true|false'],
  example: 'COPY --parents ./packages/*/package.json /app/',
  pitfalls: [{ en: 'Needs a recent Dockerfile frontend (`# syntax=docker/dockerfile:1.7-labs` on older BuildKit).', zh: '需要较新的 Dockerfile 前端（旧版 BuildKit 上需写 `# syntax=docker/dockerfile:1.7-labs`）。' }],
};

const exclude: FlagDoc = {
  name: 'exclude', value: 'pattern', repeatable: true, snippet: '=${1:pattern}', brief: { en: 'Leaves out sources matching a pattern (repeat for more)', zh: '排除匹配某模式的源（可重复使用）' },
  summary: { en: 'Leaves out sources matching a path pattern (same syntax as .dockerignore). Repeat the flag for several patterns.', zh: '排除匹配路径模式的源（语法与 .dockerignore 相同）。有多个模式时重复使用该参数。' },
  syntax: ['--exclude=<pattern>'],
  example: 'COPY --exclude=*.md --exclude=tests/ . /app/',
  pitfalls: [{ en: 'Needs a recent Dockerfile frontend (`# syntax=docker/dockerfile:1.7-labs` on older BuildKit).', zh: '需要较新的 Dockerfile 前端（旧版 BuildKit 上需写 `# syntax=docker/dockerfile:1.7-labs`）。' }],
};

const checksum: FlagDoc = {
  name: 'checksum', value: 'checksum', snippet: '=sha256:${1:hash}', brief: { en: 'Expected digest of a remote source; the build fails on a mismatch', zh: '远程源的期望摘要；不匹配时构建失败' },
  summary: { en: 'Verifies a remote source: a `sha256:<hex>` digest for an HTTP(S) URL, or the expected commit hash for a Git source. The build fails on mismatch.', zh: '校验远程源：HTTP(S) URL 使用 `sha256:<hex>` 摘要，Git 源使用期望的提交哈希。不匹配时构建失败。' },
  syntax: ['--checksum=sha256:<hex>', '--checksum=<git commit>'],
  example: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/',
  pitfalls: [{ en: 'Without it a remote file can change silently between builds.', zh: '不加它的话，远程文件可能在两次构建之间悄悄改变。' }],
};

const keepGitDir: FlagDoc = {
  name: 'keep-git-dir', value: 'boolean', valueOptional: true, snippet: '', defaultValue: 'false', brief: { en: 'Keeps the .git directory of an added Git repository', zh: '添加 Git 仓库时保留 .git 目录' },
  summary: { en: 'Keeps the `.git` directory when adding a Git repository (it is dropped by default).', zh: '添加 Git 仓库时保留 `.git` 目录（默认会删除）。' },
  syntax: ['--keep-git-dir', '--keep-git-dir=true|false'],
  example: 'ADD --keep-git-dir=true https://github.com/moby/buildkit.git#v0.16.0 /src',
  pitfalls: [{ en: 'Needed when the build runs `git describe` or similar; it makes the layer bigger.', zh: '构建中需要执行 `git describe` 之类命令时才需要；它会让该层更大。' }],
};

const unpack: FlagDoc = {
  name: 'unpack', value: 'boolean', valueOptional: true, snippet: '=${1|true,false|}', brief: { en: 'Whether an archive is extracted (by default local yes, remote no)', zh: '是否解压归档（默认本地解压、远程不解压）' },
  summary: { en: 'Controls archive extraction: local tar archives are unpacked by default, remote ones are not; `--unpack=true` also extracts a downloaded archive and `--unpack=false` copies a local one as-is.', zh: '控制是否解压归档：本地 tar 归档默认解压，远程归档默认不解压；`--unpack=true` 会解压下载的归档，`--unpack=false` 则原样复制本地归档。' },
  syntax: ['--unpack', '--unpack=true|false'],
  example: 'ADD --unpack=true https://example.com/tool.tar.gz /opt/tool/',
  pitfalls: [{ en: 'Needs Dockerfile frontend 1.17 or later.', zh: '需要 Dockerfile 前端 1.17 或更高版本。' }],
};

const mount: FlagDoc = {
  name: 'mount', value: 'mount', repeatable: true, snippet: '=type=${1|cache,bind,secret,ssh,tmpfs|},${2:target}=${3:/path}', brief: { en: 'Mounts a cache, secret, SSH agent, tmpfs or files while the command runs', zh: '命令运行期间挂载缓存、密钥、SSH 代理、tmpfs 或文件' },
  summary: { en: 'Mounts something into the command\'s filesystem only while it runs: a persistent cache, files of another stage, a tmpfs, a secret or the SSH agent. Repeat for several mounts.', zh: '仅在命令运行期间向其文件系统挂载内容：持久缓存、其他阶段的文件、tmpfs、密钥或 SSH 代理。可重复使用以挂载多项。' },
  syntax: ['--mount=[type=bind|cache|tmpfs|secret|ssh][,option=value...]'],
  example: 'RUN --mount=type=cache,target=/root/.npm \\\n    --mount=type=secret,id=npmrc,target=/root/.npmrc \\\n    npm ci',
  pitfalls: [
    { en: 'Nothing written under a mount target ends up in the image.', zh: '写入挂载目标路径下的任何内容都不会进入镜像。' },
    { en: 'Without `type=` the mount is a read-only bind mount of the build context.', zh: '不写 `type=` 时，挂载的是构建上下文的只读 bind 挂载。' },
  ],
  values: mountTypes,
};

const network: FlagDoc = {
  name: 'network', value: 'enum', values: networkValues, snippet: '=${1|default,none,host|}', defaultValue: 'default', brief: { en: 'Network of the command: default, none or host', zh: '命令使用的网络：default、none 或 host' },
  summary: { en: 'Chooses the network the command runs in: default, none (no network) or host.', zh: '选择命令运行时的网络：default、none（无网络）或 host。' },
  syntax: ['--network=default|none|host'],
  example: 'RUN --network=none make test',
};

const security: FlagDoc = {
  name: 'security', value: 'enum', values: securityValues, snippet: '=${1|insecure,sandbox|}', defaultValue: 'sandbox', brief: { en: 'Runs the command in the sandbox (default) or with elevated privileges', zh: '在沙箱中（默认）或以提升的权限运行命令' },
  summary: { en: 'Runs the command in the sandbox (default) or, with `insecure`, with elevated privileges.', zh: '在沙箱中（默认）运行命令，或使用 `insecure` 以提升的权限运行。' },
  syntax: ['--security=sandbox|insecure'],
  example: 'RUN --security=insecure mount -t tmpfs none /mnt',
  pitfalls: [{ en: 'Only the labs Dockerfile syntax accepts this flag: start the file with `# syntax=docker/dockerfile:1-labs`.', zh: '只有 labs 版 Dockerfile 语法接受该参数：请在文件开头写 `# syntax=docker/dockerfile:1-labs`。' }],
};

function duration(name: string, defaultValue: string, summary: DocEntry['summary'], example: string, brief?: DocEntry['brief']): FlagDoc {
  return {
    name, value: 'duration', snippet: `=\${1:${defaultValue === '0s' ? '30s' : defaultValue}}`, defaultValue, summary, brief, example,
    syntax: [`--${name}=<duration>`],
    pitfalls: [{ en: 'A duration needs a unit (`ms`, `s`, `m`, `h`), e.g. `30s` or `1m30s`.', zh: '时长必须带单位（`ms`、`s`、`m`、`h`），例如 `30s` 或 `1m30s`。' }],
  };
}

const healthcheckFlags: FlagDoc[] = [
  duration('interval', '30s', { en: 'Time between two checks, counted from the end of the previous one (default 30s).', zh: '两次检查之间的间隔，从上一次检查结束开始计时（默认 30s）。' }, 'HEALTHCHECK --interval=1m CMD ./healthcheck'),
  duration('timeout', '30s', { en: 'How long one check may run before it counts as failed (default 30s).', zh: '单次检查允许运行的最长时间，超时即视为失败（默认 30s）。' }, 'HEALTHCHECK --timeout=5s CMD ./healthcheck'),
  duration('start-period', '0s', { en: 'Grace period while the container starts: failures during it do not count towards `--retries` (default 0s).', zh: '容器启动的宽限期：期间的失败不计入 `--retries` 次数（默认 0s）。' }, 'HEALTHCHECK --start-period=1m CMD ./healthcheck', { en: 'Grace period at start-up: failures in it do not count (default 0s)', zh: '启动宽限期：期间的失败不计数（默认 0s）' }),
  duration('start-interval', '5s', { en: 'Time between checks during the start period (default 5s; needs Docker Engine 25 or later).', zh: '启动宽限期内两次检查之间的间隔（默认 5s；需要 Docker Engine 25 及以上）。' }, 'HEALTHCHECK --start-period=30s --start-interval=2s CMD ./healthcheck', { en: 'Time between checks during the start period (default 5s)', zh: '启动宽限期内两次检查之间的间隔（默认 5s）' }),
  {
    name: 'retries', value: 'integer', snippet: '=${1:3}', defaultValue: '3', syntax: ['--retries=<n>'], brief: { en: 'Consecutive failures before the container is unhealthy (default 3)', zh: '连续失败多少次后容器被标记为不健康（默认 3）' },
    summary: { en: 'Consecutive failures needed before the container is marked unhealthy (default 3).', zh: '连续失败多少次后容器被标记为不健康（默认 3）。' },
    example: 'HEALTHCHECK --retries=5 CMD ./healthcheck',
  },
];

/** The flags each instruction accepts, in the order completion offers them. */
export const flagsByInstruction: Readonly<Partial<Record<InstructionName, readonly FlagDoc[]>>> = {
  FROM: [platform],
  COPY: [from, chown, chmod, link, parents, exclude],
  ADD: [chown, chmod, link, checksum, keepGitDir, exclude, unpack],
  RUN: [mount, network, security],
  HEALTHCHECK: healthcheckFlags,
};

/** The doc of `--name` on an instruction, if that instruction accepts it. */
export function flagDoc(instruction: InstructionName, name: string): FlagDoc | undefined {
  return flagsByInstruction[instruction]?.find((flag) => flag.name === name);
}

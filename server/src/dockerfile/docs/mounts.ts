import { byName, type DocEntry, type ValueDoc } from './types';

/** `RUN --mount=type=…`: what each mount type provides while the command runs. */
export const mountTypes: readonly ValueDoc[] = [
  {
    name: 'bind', brief: { en: 'Files of the build context or another stage, read-only (the default)', zh: '构建上下文或其他阶段的文件，只读（默认类型）' },
    summary: { en: 'Bind-mounts a directory or file from the build context or from another stage/image (the default type). Read-only unless `rw` is set, and writes never reach the image.', zh: '从构建上下文或其他阶段/镜像绑定挂载目录或文件（默认类型）。除非设置 `rw`，否则是只读的；写入的内容也不会进入镜像。' },
    syntax: ['--mount=type=bind[,source=<path>][,target=<path>][,from=<stage|image>][,rw]'],
    example: 'RUN --mount=type=bind,source=go.mod,target=go.mod \\\n    --mount=type=bind,source=go.sum,target=go.sum \\\n    go mod download',
    pitfalls: [{ en: 'Lets you use files without COPYing them into a layer; nothing under the target is kept after the command.', zh: '可以在不 COPY 进镜像层的情况下使用文件；命令结束后目标路径下的内容都不会保留。' }],
  },
  {
    name: 'cache', brief: { en: 'A persistent cache directory kept between builds', zh: '在多次构建之间保留的持久缓存目录' },
    summary: { en: 'Mounts a persistent cache directory (package manager or compiler caches) that survives between builds on the same builder.', zh: '挂载一个持久的缓存目录（包管理器或编译器缓存），在同一个构建器上的多次构建之间保留。' },
    syntax: ['--mount=type=cache,target=<path>[,id=<id>][,sharing=shared|private|locked][,from=<stage>][,source=<path>][,mode=<octal>][,uid=<uid>][,gid=<gid>][,ro]'],
    example: 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    pitfalls: [
      { en: 'The cache is not part of the image: files written there are absent from the layer, so do not install the program itself into a cache mount.', zh: '缓存不属于镜像：写入其中的文件不会出现在镜像层中，因此不要把程序本身安装到缓存挂载里。' },
      { en: 'The cache can be emptied at any time (pruning, another builder, CI runners): the command must still succeed with an empty cache.', zh: '缓存随时可能被清空（清理、换了构建器、CI 机器）：命令在缓存为空时也必须能成功。' },
      { en: 'apt needs `sharing=locked` because it cannot share its cache between parallel builds.', zh: 'apt 无法在并行构建之间共享缓存，因此需要 `sharing=locked`。' },
    ],
  },
  {
    name: 'tmpfs',
    summary: { en: 'Mounts an empty in-memory filesystem for the duration of the command.', zh: '在命令执行期间挂载一个空的内存文件系统。' },
    syntax: ['--mount=type=tmpfs,target=<path>[,size=<bytes>]'],
    example: 'RUN --mount=type=tmpfs,target=/tmp,size=512m make test',
    pitfalls: [{ en: 'Content lives in RAM and disappears after the command; a large build can run out of memory without `size`.', zh: '内容保存在内存中，命令结束即消失；如果不设 `size`，大型构建可能耗尽内存。' }],
  },
  {
    name: 'secret', brief: { en: 'A secret from docker build --secret, as a file or a variable', zh: '来自 docker build --secret 的密钥，以文件或环境变量提供' },
    summary: { en: 'Exposes a secret passed with `docker build --secret id=<id>,…` as a file (default `/run/secrets/<id>`) or as an environment variable, only for this command.', zh: '把通过 `docker build --secret id=<id>,…` 传入的密钥，以文件（默认 `/run/secrets/<id>`）或环境变量的形式提供给本条命令使用。' },
    syntax: ['--mount=type=secret,id=<id>[,target=<path>][,env=<NAME>][,required=true][,mode=<octal>][,uid=<uid>][,gid=<gid>]'],
    example: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
    pitfalls: [
      { en: 'The secret does not persist: it is not in the layer, the cache key or the history, so copy-free use is the whole point. Do not `cp` it elsewhere in the command.', zh: '密钥不会持久化：它不在镜像层、缓存键或历史记录中，这正是它的意义。不要在命令中把它 `cp` 到别处。' },
      { en: 'A missing secret is silently skipped unless `required=true`.', zh: '除非设置 `required=true`，否则缺失的密钥会被悄悄忽略。' },
    ],
  },
  {
    name: 'ssh', brief: { en: 'The SSH agent from docker build --ssh, to clone private repositories', zh: '来自 docker build --ssh 的 SSH 代理，用于克隆私有仓库' },
    summary: { en: 'Forwards an SSH agent socket (from `docker build --ssh default`) so the command can clone private repositories without copying keys.', zh: '转发 SSH 代理套接字（来自 `docker build --ssh default`），让命令无需复制私钥即可克隆私有仓库。' },
    syntax: ['--mount=type=ssh[,id=<id>][,target=<socket path>][,required=true][,mode=<octal>][,uid=<uid>][,gid=<gid>]'],
    example: 'RUN --mount=type=ssh git clone git@github.com:example/private.git',
    pitfalls: [{ en: 'The host must be known: add it to `~/.ssh/known_hosts` (e.g. `ssh-keyscan github.com`) in the image first.', zh: '需要先信任目标主机：先在镜像中把它加入 `~/.ssh/known_hosts`（例如 `ssh-keyscan github.com`）。' }],
  },
];

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

/** `sharing=` values of a cache mount. */
export const sharingValues: readonly ValueDoc[] = [
  { name: 'shared', summary: { en: 'Default: concurrent builds use the same cache at the same time.', zh: '默认值：并发构建同时使用同一个缓存。' } },
  { name: 'private', summary: { en: 'A concurrent build that finds the cache in use gets a new, empty instance of it.', zh: '如果缓存正被占用，并发构建会得到一个新的空缓存实例。' } },
  { name: 'locked', brief: { en: 'Concurrent builds wait for the cache to be free (needed by apt)', zh: '并发构建等待缓存释放（apt 需要）' }, summary: { en: 'A concurrent build waits until the other one releases the cache. Needed by tools that cannot share a cache, such as apt.', zh: '并发构建会等待另一个构建释放缓存。apt 等无法共享缓存的工具需要这个值。' } },
];

const booleanValues: readonly ValueDoc[] = [
  { name: 'true', summary: { en: 'Turns the option on.', zh: '开启该选项。' } },
  { name: 'false', summary: { en: 'Turns the option off.', zh: '关闭该选项。' } },
];

/** What kind of value a mount option takes; completion proposes values from it. */
export type OptionValueKind = 'mountType' | 'sharing' | 'boolean' | 'stage' | 'path' | 'id' | 'mode' | 'integer' | 'size' | 'envName';

export interface MountOptionDoc extends DocEntry {
  name: string;
  /** Other spellings BuildKit accepts for the same option. */
  aliases?: readonly string[];
  value: OptionValueKind;
  values?: readonly ValueDoc[];
  /** Whether `name` alone (without `=value`) is accepted, as for `rw` or `required`. */
  flagLike?: boolean;
  /** The value BuildKit uses when the option is left out, when it is one of `values`. */
  defaultValue?: string;
}

export const mountOptions: readonly MountOptionDoc[] = [
  { name: 'type', value: 'mountType', values: mountTypes, defaultValue: 'bind', summary: { en: 'The kind of mount: bind (default), cache, tmpfs, secret or ssh.', zh: '挂载类型：bind（默认）、cache、tmpfs、secret 或 ssh。' }, syntax: ['type=bind|cache|tmpfs|secret|ssh'] },
  {
    name: 'target', aliases: ['dst', 'destination'], value: 'path', brief: { en: 'Where the mount appears in the build container', zh: '挂载在构建容器内出现的位置' },
    summary: { en: 'Where the mount appears inside the build container. Required for bind, cache and tmpfs; secrets default to `/run/secrets/<id>`.', zh: '挂载在构建容器内出现的位置。bind、cache 和 tmpfs 必须指定；secret 默认为 `/run/secrets/<id>`。' },
    syntax: ['target=<path>', 'dst=<path>', 'destination=<path>'],
  },
  {
    name: 'source', aliases: ['src'], value: 'path', brief: { en: 'The path to mount from `from` (the build context by default)', zh: '要挂载的源路径（默认取自构建上下文）' },
    summary: { en: 'The path to mount inside `from` (the build context by default). For a cache mount, a sub-path of the cache source.', zh: '在 `from` 中要挂载的路径（默认为构建上下文）。对缓存挂载而言，是缓存源中的子路径。' },
    syntax: ['source=<path>', 'src=<path>'],
  },
  {
    name: 'from', value: 'stage', brief: { en: 'The stage, image or context the source comes from', zh: '源内容所在的阶段、镜像或构建上下文' },
    summary: { en: 'The stage, image or named build context to take the source from. For a cache mount it seeds the cache from that stage.', zh: '提供源内容的阶段、镜像或命名构建上下文。对缓存挂载而言，用该阶段的内容作为缓存的初始内容。' },
    syntax: ['from=<stage|image|context>'],
  },
  {
    name: 'rw', aliases: ['readwrite'], value: 'boolean', values: booleanValues, flagLike: true, brief: { en: 'Makes a bind mount writable; the writes are thrown away', zh: '让 bind 挂载可写；写入的内容会被丢弃' },
    summary: { en: 'Makes a bind mount writable. Writes are visible only during the command and are thrown away afterwards.', zh: '让 bind 挂载可写。写入只在命令执行期间可见，之后会被丢弃。' },
    syntax: ['rw', 'rw=true', 'readwrite=true'],
  },
  {
    name: 'ro', aliases: ['readonly'], value: 'boolean', values: booleanValues, flagLike: true,
    summary: { en: 'Makes a cache mount read-only.', zh: '让缓存挂载只读。' },
    syntax: ['ro', 'readonly=true'],
  },
  {
    name: 'id', value: 'id', brief: { en: 'Identifies the cache, secret or SSH socket', zh: '缓存、密钥或 SSH 套接字的标识' },
    summary: { en: 'Identifies the cache, secret or SSH socket. For a cache it defaults to the target path, so give related caches the same id to share them; for a secret it matches `--secret id=…`.', zh: '标识缓存、密钥或 SSH 套接字。缓存的 id 默认为目标路径，给相关缓存设置相同 id 即可共享；密钥的 id 对应 `--secret id=…`。' },
    syntax: ['id=<id>'],
  },
  { name: 'sharing', value: 'sharing', values: sharingValues, defaultValue: 'shared', summary: { en: 'How concurrent builds share a cache mount: shared (default), private or locked.', zh: '并发构建如何共享缓存挂载：shared（默认）、private 或 locked。' }, syntax: ['sharing=shared|private|locked'] },
  { name: 'mode', value: 'mode', brief: { en: 'File mode of the mount point, in octal', zh: '挂载点的八进制文件权限' }, summary: { en: 'File mode of the mount point in octal: 0755 by default for a cache, 0400 for a secret, 0600 for an SSH socket.', zh: '挂载点的八进制文件权限：缓存默认 0755，密钥默认 0400，SSH 套接字默认 0600。' }, syntax: ['mode=<octal>'] },
  { name: 'uid', value: 'integer', summary: { en: 'Numeric user ID that owns the mount point (default 0).', zh: '挂载点所属用户的数字 ID（默认 0）。' }, syntax: ['uid=<uid>'] },
  { name: 'gid', value: 'integer', summary: { en: 'Numeric group ID that owns the mount point (default 0).', zh: '挂载点所属用户组的数字 ID（默认 0）。' }, syntax: ['gid=<gid>'] },
  { name: 'size', value: 'size', summary: { en: 'Upper bound of the tmpfs size, in bytes or with a unit such as `64m` or `1g`.', zh: 'tmpfs 的大小上限，单位为字节，也可写作 `64m`、`1g` 等。' }, syntax: ['size=<bytes>'] },
  {
    name: 'required', value: 'boolean', values: booleanValues, flagLike: true, brief: { en: 'Fails the build when the secret or SSH agent is missing', zh: '缺少密钥或 SSH 代理时让构建失败' },
    summary: { en: 'Fails the build when the secret or SSH agent was not provided, instead of skipping the mount.', zh: '未提供密钥或 SSH 代理时让构建失败，而不是跳过挂载。' },
    syntax: ['required', 'required=true'],
  },
  {
    name: 'env', value: 'envName', brief: { en: 'Exposes the secret as this environment variable', zh: '把密钥作为该环境变量提供' },
    summary: { en: 'Exposes the secret as this environment variable of the command instead of (or besides) a file.', zh: '将密钥作为该命令的环境变量提供，替代（或同时提供）文件形式。' },
    syntax: ['env=<NAME>'],
    example: 'RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN ./fetch.sh',
  },
];

/** Mount options by canonical name or alias. */
export const mountOptionDocs: Readonly<Record<string, MountOptionDoc>> = (() => {
  const table: Record<string, MountOptionDoc> = Object.create(null);
  for (const option of mountOptions) {
    table[option.name] = option;
    for (const alias of option.aliases ?? []) table[alias] = option;
  }
  return table;
})();

/** Which options each mount type accepts (canonical names; aliases resolve through mountOptionDocs). */
export const mountOptionsByType: Readonly<Record<MountType, readonly string[]>> = {
  bind: ['type', 'target', 'source', 'from', 'rw'],
  cache: ['type', 'target', 'id', 'sharing', 'from', 'source', 'mode', 'uid', 'gid', 'ro'],
  tmpfs: ['type', 'target', 'size'],
  secret: ['type', 'id', 'target', 'env', 'required', 'mode', 'uid', 'gid'],
  ssh: ['type', 'id', 'target', 'required', 'mode', 'uid', 'gid'],
};

export const mountTypeDocs = byName(mountTypes);
export const sharingValueDocs = byName(sharingValues);
export const booleanValueDocs = byName(booleanValues);

export function isMountType(name: string): name is MountType {
  return Object.prototype.hasOwnProperty.call(mountOptionsByType, name);
}

/** Cache directories of popular tools, proposed for `target=` of a cache mount. */
export const commonCacheTargets: readonly ValueDoc[] = [
  { name: '/root/.cache/pip', summary: { en: 'pip\'s download and wheel cache (root user).', zh: 'pip 的下载与 wheel 缓存（root 用户）。' } },
  { name: '/root/.cache/uv', summary: { en: 'uv\'s package cache (root user).', zh: 'uv 的包缓存（root 用户）。' } },
  { name: '/root/.npm', summary: { en: 'npm\'s package cache (root user).', zh: 'npm 的包缓存（root 用户）。' } },
  { name: '/usr/local/share/.cache/yarn', summary: { en: 'Yarn classic\'s cache in the official node images.', zh: '官方 node 镜像中 Yarn classic 的缓存。' } },
  { name: '/root/.local/share/pnpm/store', summary: { en: 'pnpm\'s content-addressed store (root user).', zh: 'pnpm 的内容寻址存储（root 用户）。' } },
  { name: '/root/.cache/go-build', summary: { en: 'Go\'s build cache (root user).', zh: 'Go 的构建缓存（root 用户）。' } },
  { name: '/go/pkg/mod', summary: { en: 'Go\'s module cache in the official golang images.', zh: '官方 golang 镜像中 Go 的模块缓存。' } },
  { name: '/usr/local/cargo/registry', summary: { en: 'Cargo\'s registry cache in the official rust images.', zh: '官方 rust 镜像中 Cargo 的 registry 缓存。' } },
  { name: '/root/.m2', summary: { en: 'Maven\'s local repository (root user).', zh: 'Maven 的本地仓库（root 用户）。' } },
  { name: '/root/.gradle', summary: { en: 'Gradle\'s caches and wrapper downloads (root user).', zh: 'Gradle 的缓存与 wrapper 下载（root 用户）。' } },
  { name: '/var/cache/apt', brief: { en: 'apt\'s downloaded packages (with sharing=locked, without docker-clean)', zh: 'apt 下载的软件包（需 sharing=locked 并去掉 docker-clean）' }, summary: { en: 'apt\'s downloaded packages; pair with `sharing=locked` and remove /etc/apt/apt.conf.d/docker-clean.', zh: 'apt 下载的软件包；需配合 `sharing=locked`，并删除 /etc/apt/apt.conf.d/docker-clean。' } },
  { name: '/var/lib/apt', summary: { en: 'apt\'s package lists; pair with `sharing=locked`.', zh: 'apt 的软件包列表；需配合 `sharing=locked`。' } },
  { name: '/var/cache/apk', summary: { en: 'Alpine apk\'s package cache.', zh: 'Alpine apk 的软件包缓存。' } },
  { name: '/root/.cache/ccache', summary: { en: 'ccache\'s compiler cache (root user).', zh: 'ccache 的编译缓存（root 用户）。' } },
];

/** Octal modes worth proposing for `mode=` and `--chmod=`. */
export const commonModes: readonly ValueDoc[] = [
  { name: '0755', summary: { en: 'rwxr-xr-x: owner writes, everyone reads and enters/executes.', zh: 'rwxr-xr-x：所有者可写，所有人可读和进入/执行。' } },
  { name: '0644', summary: { en: 'rw-r--r--: owner writes, everyone reads.', zh: 'rw-r--r--：所有者可写，所有人可读。' } },
  { name: '0600', summary: { en: 'rw-------: only the owner reads and writes.', zh: 'rw-------：只有所有者可读写。' } },
  { name: '0400', summary: { en: 'r--------: only the owner reads.', zh: 'r--------：只有所有者可读。' } },
  { name: '0777', summary: { en: 'rwxrwxrwx: everyone writes; rarely what you want.', zh: 'rwxrwxrwx：所有人可写；通常不是你想要的。' } },
];

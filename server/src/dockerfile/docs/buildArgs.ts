import type { Localized } from '../../common/localized';
import type { DocEntry } from './types';

/**
 * How a predefined arg becomes visible:
 * - `platform`: set automatically in the global scope (FROM lines); a stage sees it only after `ARG <name>`.
 * - `proxy`: passed to RUN commands without any ARG and kept out of the image history.
 * - `control`: read by BuildKit itself when given with `--build-arg` (or declared with a default).
 */
export type BuildArgScope = 'platform' | 'proxy' | 'control';

export interface BuildArgDoc extends DocEntry {
  name: string;
  scope: BuildArgScope;
}

const platformPitfall: Localized = { en: 'Set automatically in the global scope only: inside a stage, write `ARG <name>` (without a value) before using it.', zh: '只会在全局作用域中自动设置：要在阶段内使用，需先写 `ARG <名称>`（不带值）。' };

function platformArg(name: string, summary: Localized, example: string): BuildArgDoc {
  return { name, scope: 'platform', summary, example, syntax: [`ARG ${name}`], pitfalls: [platformPitfall] };
}

function proxyArg(name: string): BuildArgDoc {
  const lower = name.toLowerCase();
  const kind = lower.startsWith('no') ? 'no' : lower.split('_')[0];
  const what: Record<string, Localized> = {
    http: { en: 'Proxy for plain HTTP requests made by RUN commands.', zh: 'RUN 命令发出的 HTTP 请求所使用的代理。' },
    https: { en: 'Proxy for HTTPS requests made by RUN commands.', zh: 'RUN 命令发出的 HTTPS 请求所使用的代理。' },
    ftp: { en: 'Proxy for FTP requests made by RUN commands.', zh: 'RUN 命令发出的 FTP 请求所使用的代理。' },
    all: { en: 'Proxy for every protocol that has no specific proxy variable, used by RUN commands.', zh: 'RUN 命令中没有单独代理变量的协议所使用的通用代理。' },
    no: { en: 'Comma-separated hosts and domains RUN commands reach without the proxy.', zh: 'RUN 命令不经代理直接访问的主机和域名，以逗号分隔。' },
  };
  return {
    name, scope: 'proxy', summary: what[kind]!,
    syntax: [`docker build --build-arg ${name}=<value> .`],
    example: `docker build --build-arg ${name}=${kind === 'no' ? 'localhost,.internal' : 'http://proxy.example:3128'} .`,
    pitfalls: [{ en: 'Predefined: RUN sees it without an ARG line, and its value is left out of `docker history` unless you declare it with ARG.', zh: '这是预定义参数：RUN 无需 ARG 声明即可使用，而且除非用 ARG 声明，它的值不会出现在 `docker history` 中。' }],
  };
}

function controlArg(name: string, summary: Localized, example: string, pitfalls?: Localized[]): BuildArgDoc {
  return { name, scope: 'control', summary, example, pitfalls, syntax: [`docker build --build-arg ${name}=<value> .`] };
}


export const predefinedArgs: readonly BuildArgDoc[] = [
  platformArg('TARGETPLATFORM', { en: 'The platform being built for, such as `linux/arm64` (from `--platform`, or the builder\'s own platform).', zh: '构建的目标平台，例如 `linux/arm64`（来自 `--platform`，或构建器自身的平台）。' }, 'ARG TARGETPLATFORM\nRUN echo "building for $TARGETPLATFORM"'),
  platformArg('TARGETOS', { en: 'The OS part of TARGETPLATFORM, such as `linux` or `windows`.', zh: 'TARGETPLATFORM 中的操作系统部分，例如 `linux` 或 `windows`。' }, 'ARG TARGETOS TARGETARCH\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build ./...'),
  platformArg('TARGETARCH', { en: 'The architecture part of TARGETPLATFORM, such as `amd64` or `arm64`.', zh: 'TARGETPLATFORM 中的架构部分，例如 `amd64` 或 `arm64`。' }, 'ARG TARGETARCH\nRUN curl -fsSLo /usr/local/bin/tool https://example.com/tool-linux-${TARGETARCH}'),
  platformArg('TARGETVARIANT', { en: 'The variant part of TARGETPLATFORM, such as `v7` for `linux/arm/v7`; empty for most platforms.', zh: 'TARGETPLATFORM 中的变体部分，例如 `linux/arm/v7` 中的 `v7`；大多数平台为空。' }, 'ARG TARGETVARIANT\nRUN echo "variant: ${TARGETVARIANT:-none}"'),
  platformArg('BUILDPLATFORM', { en: 'The platform of the machine running the build, such as `linux/amd64`.', zh: '执行构建的机器的平台，例如 `linux/amd64`。' }, 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build'),
  platformArg('BUILDOS', { en: 'The OS part of BUILDPLATFORM.', zh: 'BUILDPLATFORM 中的操作系统部分。' }, 'ARG BUILDOS\nRUN echo "building on $BUILDOS"'),
  platformArg('BUILDARCH', { en: 'The architecture part of BUILDPLATFORM, such as `amd64`.', zh: 'BUILDPLATFORM 中的架构部分，例如 `amd64`。' }, 'ARG BUILDARCH\nRUN echo "building on $BUILDARCH"'),
  platformArg('BUILDVARIANT', { en: 'The variant part of BUILDPLATFORM; usually empty.', zh: 'BUILDPLATFORM 中的变体部分；通常为空。' }, 'ARG BUILDVARIANT'),
  ...['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'].map(proxyArg),
  controlArg('BUILDKIT_INLINE_CACHE', { en: 'With `1`, writes cache metadata into the image config so the pushed image can serve as `--cache-from` for later builds.', zh: '设为 `1` 时，把缓存元数据写入镜像配置，使推送后的镜像可以作为后续构建的 `--cache-from`。' }, 'docker build --build-arg BUILDKIT_INLINE_CACHE=1 -t registry.example/app .', [{ en: 'Only records the cache of the final stage (mode=min); use a registry cache export for multi-stage builds.', zh: '只记录最终阶段的缓存（mode=min）；多阶段构建请使用 registry 缓存导出。' }]),
  controlArg('BUILDKIT_MULTI_PLATFORM', { en: 'With `1`, always produces a multi-platform image index, even when building for a single platform.', zh: '设为 `1` 时，即使只构建一个平台，也总是生成多平台镜像索引。' }, 'docker buildx build --build-arg BUILDKIT_MULTI_PLATFORM=1 .'),
  controlArg('BUILDKIT_SANDBOX_HOSTNAME', { en: 'The hostname RUN commands see (default `buildkitsandbox`).', zh: 'RUN 命令看到的主机名（默认为 `buildkitsandbox`）。' }, 'docker build --build-arg BUILDKIT_SANDBOX_HOSTNAME=builder .'),
  controlArg('BUILDKIT_CONTEXT_KEEP_GIT_DIR', { en: 'With `1`, keeps the `.git` directory when the build context is a Git repository URL.', zh: '设为 `1` 时，当构建上下文是 Git 仓库 URL 时保留 `.git` 目录。' }, 'docker build --build-arg BUILDKIT_CONTEXT_KEEP_GIT_DIR=1 https://github.com/example/app.git'),
  controlArg('BUILDKIT_SYNTAX', { en: 'Overrides the frontend image, like a `# syntax=` directive given from the command line.', zh: '覆盖前端镜像，相当于从命令行给出 `# syntax=` 指令。' }, 'docker build --build-arg BUILDKIT_SYNTAX=docker/dockerfile:1 .'),
  controlArg('BUILDKIT_CACHE_MOUNT_NS', { en: 'A namespace for cache mount ids, so unrelated projects on one builder do not share caches.', zh: '缓存挂载 id 的命名空间，避免同一构建器上不相关的项目共享缓存。' }, 'docker build --build-arg BUILDKIT_CACHE_MOUNT_NS=my-project .'),
  controlArg('BUILDKIT_DOCKERFILE_CHECK', { en: 'Configures build checks like a `# check=` directive, and overrides it.', zh: '像 `# check=` 指令一样配置构建检查，并会覆盖该指令。' }, 'docker build --build-arg "BUILDKIT_DOCKERFILE_CHECK=skip=all" .'),
  controlArg('SOURCE_DATE_EPOCH', { en: 'A Unix timestamp used for image creation time and, with the right exporter options, file timestamps: the basis of reproducible builds.', zh: '一个 Unix 时间戳，用作镜像的创建时间，配合相应导出选项也用于文件时间戳：可复现构建的基础。' }, 'docker buildx build --build-arg SOURCE_DATE_EPOCH=$(git log -1 --pretty=%ct) .', [{ en: 'File timestamps inside layers are only rewritten with `--output type=image,rewrite-timestamp=true`.', zh: '只有使用 `--output type=image,rewrite-timestamp=true` 时，层中文件的时间戳才会被改写。' }]),
];

export const predefinedArgDocs: Readonly<Record<string, BuildArgDoc>> = (() => {
  const table: Record<string, BuildArgDoc> = Object.create(null);
  for (const arg of predefinedArgs) {
    table[arg.name] = arg;
  }
  return table;
})();

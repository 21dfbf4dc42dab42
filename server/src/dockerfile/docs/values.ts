import { byName, type DocEntry, type ValueDoc } from './types';

/** `RUN --network=` values. */
export const networkValues: readonly ValueDoc[] = [
  { name: 'default', brief: { en: 'The default build network, the same as leaving the flag out', zh: '默认构建网络，与不写该参数相同' }, summary: { en: 'Runs the command in the default build network (the same as leaving the flag out).', zh: '在默认构建网络中运行命令（与不写该参数相同）。' } },
  { name: 'none', brief: { en: 'No network apart from loopback: proves the step is hermetic', zh: '除回环外没有网络：确保该步骤不依赖网络' }, summary: { en: 'Runs the command without any network access, apart from loopback. Good for proving a step is hermetic.', zh: '除回环接口外，命令没有任何网络访问。适合确保某一步不依赖网络。' }, example: 'RUN --network=none pip install --no-index --find-links=/wheels app' },
  {
    name: 'host', summary: { en: 'Runs the command in the host\'s network namespace.', zh: '在宿主机的网络命名空间中运行命令。' },
    pitfalls: [{ en: 'Needs the `network.host` entitlement: `docker buildx build --allow network.host` (and a builder started with it).', zh: '需要 `network.host` 权限：`docker buildx build --allow network.host`（构建器启动时也要允许）。' }],
  },
];

/** `RUN --security=` values. */
export const securityValues: readonly ValueDoc[] = [
  { name: 'sandbox', summary: { en: 'Default: the command runs in the normal, restricted sandbox.', zh: '默认值：命令在普通的受限沙箱中运行。' } },
  {
    name: 'insecure', brief: { en: 'No sandbox: runs like a privileged container', zh: '不使用沙箱：相当于以特权容器运行' }, summary: { en: 'Runs the command without the sandbox, like a privileged container (all capabilities, device access).', zh: '不使用沙箱运行命令，相当于特权容器（拥有全部能力和设备访问权限）。' },
    pitfalls: [{ en: 'Needs the `security.insecure` entitlement (`--allow security.insecure`) and the labs Dockerfile syntax on many BuildKit versions.', zh: '需要 `security.insecure` 权限（`--allow security.insecure`），在许多 BuildKit 版本上还需要 labs 版 Dockerfile 语法。' }],
  },
];

/** HEALTHCHECK's subcommands. */
export const healthcheckSubcommands: readonly ValueDoc[] = [
  { name: 'CMD', brief: { en: 'The command that checks health: exit 0 is healthy, 1 unhealthy', zh: '检查健康状态的命令：退出码 0 表示健康，1 表示不健康' }, summary: { en: 'The command that checks the container. Exit status 0 means healthy, 1 means unhealthy.', zh: '检查容器状态的命令。退出码 0 表示健康，1 表示不健康。' }, syntax: ['HEALTHCHECK [OPTIONS] CMD <command>', 'HEALTHCHECK [OPTIONS] CMD ["executable", "param"]'] },
  { name: 'NONE', brief: { en: 'Disables a health check inherited from the base image', zh: '禁用从基础镜像继承的健康检查' }, summary: { en: 'Disables any health check inherited from the base image. Takes no flags or arguments.', zh: '禁用从基础镜像继承的任何健康检查。不接受任何参数。' }, syntax: ['HEALTHCHECK NONE'] },
];

/** Signals STOPSIGNAL commonly names (Linux numbering). */
export const signals: readonly ValueDoc[] = [
  { name: 'SIGTERM', summary: { en: 'Signal 15, the default: asks the process to terminate gracefully.', zh: '信号 15，默认值：请求进程优雅退出。' } },
  { name: 'SIGINT', brief: { en: 'Signal 2, like Ctrl+C; many servers stop gracefully on it', zh: '信号 2，相当于 Ctrl+C；许多服务收到它会优雅退出' }, summary: { en: 'Signal 2, the same as Ctrl+C; many servers and Node.js tools stop gracefully on it.', zh: '信号 2，相当于 Ctrl+C；许多服务和 Node.js 工具收到它会优雅退出。' } },
  { name: 'SIGQUIT', brief: { en: 'Signal 3; nginx shuts down gracefully on it', zh: '信号 3；nginx 收到它会优雅关闭' }, summary: { en: 'Signal 3; nginx and some others use it for a graceful shutdown that lets requests finish.', zh: '信号 3；nginx 等程序用它进行优雅关闭，让正在处理的请求完成。' } },
  { name: 'SIGKILL', brief: { en: 'Signal 9: kills at once; it cannot be caught', zh: '信号 9：立即杀死进程，无法被捕获' }, summary: { en: 'Signal 9: kills the process at once; it cannot be caught, so nothing is cleaned up.', zh: '信号 9：立即杀死进程；它无法被捕获，因此不会做任何清理。' } },
  { name: 'SIGHUP', brief: { en: 'Signal 1: daemons often reload their configuration on it', zh: '信号 1：守护进程收到它通常会重新加载配置' }, summary: { en: 'Signal 1: "hang up"; daemons often reload their configuration on it rather than stop.', zh: '信号 1：“挂断”；守护进程收到它通常会重新加载配置，而不是退出。' } },
  { name: 'SIGUSR1', summary: { en: 'Signal 10: user-defined; its meaning depends on the program.', zh: '信号 10：用户自定义，含义取决于具体程序。' } },
  { name: 'SIGUSR2', summary: { en: 'Signal 12: user-defined; its meaning depends on the program.', zh: '信号 12：用户自定义，含义取决于具体程序。' } },
  { name: 'SIGWINCH', summary: { en: 'Signal 28: window size changed; Apache httpd uses it for a graceful stop.', zh: '信号 28：窗口大小改变；Apache httpd 用它进行优雅停止。' } },
  { name: 'SIGPWR', summary: { en: 'Signal 30: power failure; some init systems shut down on it.', zh: '信号 30：电源故障；部分 init 系统收到它会关机。' } },
  { name: 'SIGRTMIN+3', summary: { en: 'Real-time signal 37; systemd running as PID 1 halts on it.', zh: '实时信号 37；作为 PID 1 运行的 systemd 收到它会停止。' } },
];

/** Platforms people build for, plus the predefined args that name one. */
export const commonPlatforms: readonly ValueDoc[] = [
  { name: 'linux/amd64', summary: { en: '64-bit x86 Linux (Intel/AMD servers and most PCs).', zh: '64 位 x86 Linux（Intel/AMD 服务器和大多数 PC）。' } },
  { name: 'linux/arm64', brief: { en: '64-bit ARM Linux (Graviton, Apple silicon VMs, Raspberry Pi 4/5)', zh: '64 位 ARM Linux（Graviton、Apple 芯片虚拟机、树莓派 4/5）' }, summary: { en: '64-bit ARM Linux (AWS Graviton, Apple silicon VMs, Raspberry Pi 4/5 with a 64-bit OS).', zh: '64 位 ARM Linux（AWS Graviton、Apple 芯片上的虚拟机、运行 64 位系统的树莓派 4/5）。' } },
  { name: 'linux/arm/v7', brief: { en: '32-bit ARMv7 Linux with hardware floating point', zh: '带硬件浮点的 32 位 ARMv7 Linux' }, summary: { en: '32-bit ARMv7 Linux with hardware floating point (older Raspberry Pi OS, many boards).', zh: '带硬件浮点的 32 位 ARMv7 Linux（旧版树莓派系统和许多开发板）。' } },
  { name: 'linux/arm/v6', summary: { en: '32-bit ARMv6 Linux (Raspberry Pi Zero and 1).', zh: '32 位 ARMv6 Linux（树莓派 Zero 和一代）。' } },
  { name: 'linux/386', summary: { en: '32-bit x86 Linux.', zh: '32 位 x86 Linux。' } },
  { name: 'linux/ppc64le', summary: { en: '64-bit little-endian POWER Linux.', zh: '64 位小端 POWER Linux。' } },
  { name: 'linux/s390x', summary: { en: 'IBM Z mainframe Linux.', zh: 'IBM Z 大型机上的 Linux。' } },
  { name: 'linux/riscv64', summary: { en: '64-bit RISC-V Linux.', zh: '64 位 RISC-V Linux。' } },
  { name: 'windows/amd64', summary: { en: '64-bit Windows containers.', zh: '64 位 Windows 容器。' } },
  { name: '$BUILDPLATFORM', brief: { en: 'The build machine\'s platform: compile natively, cross-compile', zh: '构建机器的平台：原生编译，再交叉编译' }, summary: { en: 'The platform of the machine running the build: use it on a build stage to compile natively and cross-compile for $TARGETPLATFORM.', zh: '执行构建的机器的平台：在编译阶段使用它可以原生编译，再交叉编译出 $TARGETPLATFORM 的产物。' } },
  { name: '$TARGETPLATFORM', brief: { en: 'The target platform: already every FROM\'s default', zh: '目标平台：本就是每个 FROM 的默认值' }, summary: { en: 'The platform being built for; already the default of every FROM, so writing it is redundant.', zh: '构建的目标平台；它本来就是每个 FROM 的默认值，显式写出是多余的。' } },
];

export const networkValueDocs = byName(networkValues);
export const securityValueDocs = byName(securityValues);
export const healthcheckSubcommandDocs = byName(healthcheckSubcommands);
export const signalDocs = byName(signals);
export const platformDocs = byName(commonPlatforms);

/** `FROM <image> AS <name>`. */
export const stageNameKeyword: DocEntry = {
  summary: { en: 'Names the stage so `COPY --from=<name>`, `RUN --mount=from=<name>`, later FROM lines and `docker build --target <name>` can refer to it.', zh: '为阶段命名，以便 `COPY --from=<名称>`、`RUN --mount=from=<名称>`、后续的 FROM 行以及 `docker build --target <名称>` 引用它。' },
  syntax: ['FROM <image> AS <name>'],
  pitfalls: [{ en: 'Stage names are case-insensitive; write them in lower case and keep them unique.', zh: '阶段名不区分大小写；请使用小写并保持唯一。' }],
};

/** `FROM scratch`. */
export const scratchImage: ValueDoc = {
  name: 'scratch',
  summary: { en: 'The empty image: the stage starts from nothing, which suits static binaries. It is never pulled.', zh: '空镜像：阶段从零开始，适合静态二进制程序。它不会被拉取。' },
  example: 'FROM scratch\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]',
};

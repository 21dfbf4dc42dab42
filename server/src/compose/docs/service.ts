import type { KeyDocs } from './types';

/** The keys of a service. `compose-only`: `docker stack deploy` ignores (or refuses) them. */
export const serviceDocs: KeyDocs = {
  'service.image': {
    en: 'The image the containers run, as `[registry/]name[:tag|@digest]`. Pin a tag or a digest: without one Compose pulls `latest`, which changes under you. With `build`, the built image gets this name.',
    zh: '容器运行的镜像，格式为 `[registry/]name[:tag|@digest]`。请固定标签或摘要：不写时 Compose 会拉取 `latest`，其内容随时可能变化。与 `build` 同时使用时，构建出的镜像以此命名。',
  },
  'service.build': {
    en: 'Builds the image from source instead of (or before) pulling it: a path to the build context, or a mapping with `context`, `dockerfile`, `args`, `target`…',
    zh: '从源代码构建镜像，而不是（或先于）拉取镜像：写一个构建上下文路径，或写成包含 `context`、`dockerfile`、`args`、`target` 等键的映射。',
    audience: 'compose-only',
  },
  'service.develop': {
    en: 'Development settings for `docker compose watch`: which source changes sync into the running container, restart it, or rebuild the image.',
    zh: '供 `docker compose watch` 使用的开发设置：源代码变化时同步进运行中的容器、重启容器，还是重新构建镜像。',
    audience: 'compose-only',
  },
  'service.deploy': {
    en: 'How the service is deployed and run: replicas, resource limits and reservations, restart policy, and for Swarm placement and rolling updates. `docker compose` reads only part of it (replicas, resources, restart policy).',
    zh: '服务的部署与运行方式：副本数、资源上限与预留、重启策略，以及 Swarm 的调度约束与滚动更新。`docker compose` 只读取其中一部分（副本数、资源、重启策略）。',
  },
  'service.annotations': {
    en: 'Annotations on the containers (OCI annotations), as a map or a list of `key=value`.',
    zh: '容器上的注解（OCI 注解），写成映射或 `key=value` 列表。',
  },
  'service.attach': {
    en: 'Whether `docker compose up` follows this service\'s logs (default true). Set false for noisy helpers.',
    zh: '`docker compose up` 是否跟踪显示该服务的日志（默认 true）。对输出很多的辅助服务可设为 false。',
    audience: 'compose-only',
  },
  'service.blkio_config': {
    en: 'Block I/O limits for the containers: a relative weight and read/write rate limits per device.',
    zh: '容器的块设备 I/O 限制：相对权重，以及按设备设置的读写速率上限。',
    audience: 'compose-only',
  },
  'service.cap_add': {
    en: 'Linux capabilities to add to the containers (e.g. `NET_ADMIN`). Add only what the program needs.',
    zh: '为容器增加的 Linux 能力（例如 `NET_ADMIN`）。只增加程序确实需要的能力。',
  },
  'service.cap_drop': {
    en: 'Linux capabilities to remove from the containers; `ALL` then adding back the few needed is the hardened pattern.',
    zh: '从容器中移除的 Linux 能力；先写 `ALL` 再加回少数需要的能力，是加固的常见做法。',
  },
  'service.cgroup': {
    en: 'The cgroup namespace: `host` (share the host\'s) or `private` (its own).',
    zh: 'cgroup 命名空间：`host`（与主机共享）或 `private`（独立）。',
    audience: 'compose-only',
  },
  'service.cgroup_parent': {
    en: 'The parent cgroup for the containers.',
    zh: '容器的父 cgroup。',
    audience: 'compose-only',
  },
  'service.command': {
    en: 'Overrides the image\'s `CMD`: a string (split like a shell would, but not run by one) or a list (exec form). `null` or `[]` keeps the image\'s.',
    zh: '覆盖镜像的 `CMD`：写成字符串（按 shell 规则拆分，但不经 shell 执行）或列表（exec 形式）。`null` 或 `[]` 表示沿用镜像的设置。',
  },
  'service.configs': {
    en: 'Configs (declared under the top-level `configs`) to mount into the containers, by name or with `source`, `target`, `uid`, `gid`, `mode`.',
    zh: '要挂载进容器的配置（在顶层 `configs` 中声明），可按名称引用，也可写 `source`、`target`、`uid`、`gid`、`mode`。',
  },
  'service.container_name': {
    en: 'A fixed container name instead of the generated `<project>-<service>-<n>`. A name is unique on the engine, so the service cannot be scaled beyond one container.',
    zh: '固定的容器名，代替自动生成的 `<project>-<service>-<n>`。容器名在引擎上必须唯一，因此该服务无法扩展到多于一个容器。',
    audience: 'compose-only',
  },
  'service.cpu_count': {
    en: 'The number of CPUs available to the container (Windows).',
    zh: '容器可用的 CPU 数量（Windows）。',
    audience: 'compose-only',
  },
  'service.cpu_percent': {
    en: 'The share of the available CPUs the container may use, in percent (Windows).',
    zh: '容器可使用的 CPU 百分比（Windows）。',
    audience: 'compose-only',
  },
  'service.cpu_shares': {
    en: 'Relative CPU weight against other containers when the CPU is busy (default 1024).',
    zh: 'CPU 繁忙时相对于其他容器的 CPU 权重（默认 1024）。',
    audience: 'compose-only',
  },
  'service.cpu_quota': {
    en: 'CPU time the container may use per `cpu_period`, in microseconds (CFS quota).',
    zh: '容器在每个 `cpu_period` 内可使用的 CPU 时间，单位微秒（CFS 配额）。',
    audience: 'compose-only',
  },
  'service.cpu_period': {
    en: 'The CFS scheduler period in microseconds, used with `cpu_quota`.',
    zh: 'CFS 调度周期，单位微秒，与 `cpu_quota` 配合使用。',
    audience: 'compose-only',
  },
  'service.cpu_rt_period': {
    en: 'The real-time scheduler period, in microseconds or as a duration.',
    zh: '实时调度器的周期，单位微秒或写成时长。',
    audience: 'compose-only',
  },
  'service.cpu_rt_runtime': {
    en: 'The real-time CPU time per period, in microseconds or as a duration.',
    zh: '每个周期内的实时 CPU 时间，单位微秒或写成时长。',
    audience: 'compose-only',
  },
  'service.cpus': {
    en: 'How many CPUs the container may use (e.g. `0.5`). With Swarm, use `deploy.resources.limits.cpus`.',
    zh: '容器可使用的 CPU 数（例如 `0.5`）。在 Swarm 中请使用 `deploy.resources.limits.cpus`。',
    audience: 'compose-only',
  },
  'service.cpuset': {
    en: 'The CPUs the container may run on, e.g. `0-3` or `0,2`.',
    zh: '容器可运行的 CPU 编号，例如 `0-3` 或 `0,2`。',
    audience: 'compose-only',
  },
  'service.credential_spec': {
    en: 'The credential spec for a managed service account (Windows containers).',
    zh: '托管服务账户使用的凭据规范（Windows 容器）。',
  },
  'service.depends_on': {
    en: 'Services to start before this one (and stop after it). The list form only orders startup; the map form can wait for a `condition`: `service_healthy` waits for the dependency\'s healthcheck to pass.',
    zh: '要在本服务之前启动（并在其之后停止）的服务。列表形式只决定启动顺序；映射形式可以等待某个 `condition`：`service_healthy` 会等依赖服务的健康检查通过。',
    audience: 'compose-only',
  },
  'service.device_cgroup_rules': {
    en: 'Rules for the devices cgroup, e.g. `c 1:3 mr`.',
    zh: '设备 cgroup 规则，例如 `c 1:3 mr`。',
    audience: 'compose-only',
  },
  'service.devices': {
    en: 'Host devices to map into the containers, as `HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]]` or a CDI device name.',
    zh: '映射进容器的主机设备，写成 `HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]]` 或 CDI 设备名。',
    audience: 'compose-only',
  },
  'service.dns': {
    en: 'DNS servers for the containers, one address or a list.',
    zh: '容器使用的 DNS 服务器，一个地址或一个列表。',
  },
  'service.dns_opt': {
    en: 'Options for the DNS resolver (`resolv.conf` options such as `use-vc`).',
    zh: 'DNS 解析器的选项（`resolv.conf` 中的选项，例如 `use-vc`）。',
  },
  'service.dns_search': {
    en: 'DNS search domains for the containers.',
    zh: '容器的 DNS 搜索域。',
  },
  'service.domainname': {
    en: 'The domain name of the containers.',
    zh: '容器的域名。',
  },
  'service.entrypoint': {
    en: 'Overrides the image\'s `ENTRYPOINT` (and clears its `CMD` unless `command` is set): a string or a list.',
    zh: '覆盖镜像的 `ENTRYPOINT`（若未设置 `command`，镜像的 `CMD` 也会被清空）：写成字符串或列表。',
  },
  'service.env_file': {
    en: 'Files of `KEY=VALUE` lines to add to the containers\' environment, relative to the Compose file; `environment` wins over them. `required: false` tolerates a missing file.',
    zh: '包含 `KEY=VALUE` 行的文件，其内容加入容器的环境变量，路径相对于 Compose 文件；`environment` 中的同名变量优先。`required: false` 允许文件不存在。',
  },
  'service.label_file': {
    en: 'Files of `KEY=VALUE` lines to add as container labels.',
    zh: '包含 `KEY=VALUE` 行的文件，其内容作为容器标签加入。',
  },
  'service.environment': {
    en: 'Environment variables of the containers, as a map or a list of `KEY=VALUE`. A key with no value takes it from the shell running Compose. Keep secrets out of here: use `secrets`.',
    zh: '容器的环境变量，写成映射或 `KEY=VALUE` 列表。只写键不写值时，取运行 Compose 的 shell 中的值。不要把密钥写在这里：请使用 `secrets`。',
  },
  'service.expose': {
    en: 'Ports the service listens on, for other services on the same networks; they are not published on the host (use `ports` for that). Formats: `80`, `8000-8010`, `53/udp`.',
    zh: '服务监听的端口，供同一网络上的其他服务访问；它们不会发布到主机上（发布请用 `ports`）。格式：`80`、`8000-8010`、`53/udp`。',
  },
  'service.extends': {
    en: 'Starts from another service\'s settings (in this file, or in `file`) and adds or overrides this service\'s own keys.',
    zh: '以另一个服务（本文件中的，或 `file` 指定文件中的）的设置为基础，再加上或覆盖本服务自己的键。',
    audience: 'compose-only',
  },
  'service.provider': {
    en: 'Lets an external provider (a plugin binary) manage this service instead of running containers, e.g. a cloud database.',
    zh: '由外部提供者（插件程序）管理该服务，而不是运行容器，例如云数据库。',
    audience: 'compose-only',
  },
  'service.external_links': {
    en: 'Links to containers started outside this application. Legacy: prefer a shared (external) network.',
    zh: '链接到本应用之外启动的容器。这是旧机制：建议改用共享（external）网络。',
    audience: 'compose-only',
  },
  'service.extra_hosts': {
    en: 'Extra lines for the containers\' `/etc/hosts`, as `HOST=IP`, `HOST:IP` or a map. `host-gateway` stands for the host\'s address.',
    zh: '追加到容器 `/etc/hosts` 的条目，写成 `HOST=IP`、`HOST:IP` 或映射。`host-gateway` 表示主机的地址。',
  },
  'service.gpus': {
    en: 'GPUs to give the containers: `all`, or a list of device requests with `driver`, `count`, `device_ids`, `capabilities`.',
    zh: '分配给容器的 GPU：写 `all`，或写一组包含 `driver`、`count`、`device_ids`、`capabilities` 的设备请求。',
    audience: 'compose-only',
  },
  'service.group_add': {
    en: 'Extra groups (names or ids) for the container\'s user.',
    zh: '为容器用户追加的组（名称或 ID）。',
  },
  'service.healthcheck': {
    en: 'How to tell the container is healthy: a `test` command run every `interval`, failing after `retries` misses. `depends_on` with `condition: service_healthy` waits for it. Overrides the image\'s `HEALTHCHECK`.',
    zh: '判断容器是否健康的方式：每隔 `interval` 运行一次 `test` 命令，连续失败 `retries` 次即判定为不健康。带 `condition: service_healthy` 的 `depends_on` 会等待它通过。会覆盖镜像的 `HEALTHCHECK`。',
  },
  'service.hostname': {
    en: 'The hostname inside the containers.',
    zh: '容器内部的主机名。',
  },
  'service.init': {
    en: 'Runs a tiny init process as PID 1 that forwards signals and reaps zombie processes.',
    zh: '以一个很小的 init 进程作为 PID 1 运行，负责转发信号并回收僵尸进程。',
  },
  'service.ipc': {
    en: 'The IPC namespace: `shareable`, `host`, or `service:<name>` / `container:<id>` to share another\'s.',
    zh: 'IPC 命名空间：`shareable`、`host`，或用 `service:<name>` / `container:<id>` 共享其他容器的。',
    audience: 'compose-only',
  },
  'service.isolation': {
    en: 'The container isolation technology (Windows: `process` or `hyperv`).',
    zh: '容器隔离技术（Windows：`process` 或 `hyperv`）。',
  },
  'service.labels': {
    en: 'Metadata labels on the containers, as a map or a list of `key=value`. (Swarm: `deploy.labels` labels the service itself.)',
    zh: '容器上的元数据标签，写成映射或 `key=value` 列表。（Swarm 中 `deploy.labels` 标注的是服务本身。）',
  },
  'service.links': {
    en: 'Legacy links to other services, as `SERVICE` or `SERVICE:ALIAS`. Services on a shared network already reach each other by name; links also order startup like `depends_on`.',
    zh: '指向其他服务的旧式链接，写成 `SERVICE` 或 `SERVICE:ALIAS`。同一网络上的服务本来就能按名称互相访问；链接还会像 `depends_on` 一样决定启动顺序。',
    audience: 'compose-only',
  },
  'service.logging': {
    en: 'The logging driver of the containers and its options (e.g. `json-file` with `max-size` and `max-file` to cap log size).',
    zh: '容器的日志驱动及其选项（例如用 `json-file` 配合 `max-size` 和 `max-file` 限制日志大小）。',
  },
  'service.mac_address': {
    en: 'A fixed MAC address for the container.',
    zh: '为容器固定的 MAC 地址。',
    audience: 'compose-only',
  },
  'service.mem_limit': {
    en: 'The memory limit of the container, in bytes or with a unit (`512m`, `2g`). With Swarm, use `deploy.resources.limits.memory`.',
    zh: '容器的内存上限，以字节为单位或带单位（`512m`、`2g`）。在 Swarm 中请使用 `deploy.resources.limits.memory`。',
    audience: 'compose-only',
  },
  'service.mem_reservation': {
    en: 'A soft memory limit the container is held to when the host runs short (`256m`).',
    zh: '主机内存紧张时对容器施加的软性内存上限（如 `256m`）。',
    audience: 'compose-only',
  },
  'service.mem_swappiness': {
    en: 'How willingly the kernel swaps the container\'s memory out, from 0 to 100.',
    zh: '内核换出容器内存的倾向，取值 0 到 100。',
    audience: 'compose-only',
  },
  'service.memswap_limit': {
    en: 'Memory plus swap the container may use; `-1` for unlimited swap.',
    zh: '容器可使用的内存加交换空间总量；`-1` 表示交换空间不限。',
    audience: 'compose-only',
  },
  'service.network_mode': {
    en: 'Replaces the service\'s networking: `host`, `none`, `service:<name>` (share another service\'s network stack) or `container:<id>`. Cannot be combined with `networks`.',
    zh: '替换服务的网络设置：`host`、`none`、`service:<name>`（共享另一个服务的网络栈）或 `container:<id>`。不能与 `networks` 同时使用。',
    audience: 'compose-only',
  },
  'service.models': {
    en: 'Models (declared under the top-level `models`) the service uses; Compose passes their endpoint and name in environment variables.',
    zh: '服务使用的模型（在顶层 `models` 中声明）；Compose 会通过环境变量传入模型的端点和名称。',
  },
  'service.networks': {
    en: 'The networks the service joins (declared under the top-level `networks`), with optional aliases and fixed addresses. Without it the service joins `default`.',
    zh: '服务加入的网络（在顶层 `networks` 中声明），可设置别名和固定地址。不写时服务加入 `default` 网络。',
  },
  'service.oom_kill_disable': {
    en: 'Keeps the kernel\'s out-of-memory killer away from the container. Risky without a memory limit.',
    zh: '让内核的 OOM killer 不杀该容器。没有内存上限时这样做有风险。',
    audience: 'compose-only',
  },
  'service.oom_score_adj': {
    en: 'Adjusts how likely the container is to be killed when the host runs out of memory (-1000 to 1000).',
    zh: '调整主机内存耗尽时该容器被杀掉的可能性（-1000 到 1000）。',
    audience: 'compose-only',
  },
  'service.pid': {
    en: 'The PID namespace: `host` to see the host\'s processes, or `service:<name>` / `container:<id>`.',
    zh: 'PID 命名空间：`host` 可看到主机的进程，也可写 `service:<name>` / `container:<id>`。',
    audience: 'compose-only',
  },
  'service.pids_limit': {
    en: 'The most processes the container may run (`-1`: unlimited). Swarm: `deploy.resources.limits.pids`.',
    zh: '容器最多可运行的进程数（`-1` 表示不限）。Swarm 中使用 `deploy.resources.limits.pids`。',
  },
  'service.platform': {
    en: 'The platform to pull or build the image for, as `os/arch[/variant]` (e.g. `linux/amd64`).',
    zh: '拉取或构建镜像所针对的平台，格式为 `os/arch[/variant]`（例如 `linux/amd64`）。',
  },
  'service.ports': {
    en: 'Ports to publish on the host: `"HOST:CONTAINER"`, `"IP:HOST:CONTAINER"`, ranges, `/udp`, or the long form with `target`, `published`, `protocol`, `mode`. Quote them: older YAML 1.1 tools read `22:22` as a number in base 60.',
    zh: '要发布到主机上的端口：`"HOST:CONTAINER"`、`"IP:HOST:CONTAINER"`、端口范围、`/udp`，或使用含 `target`、`published`、`protocol`、`mode` 的长格式。请加引号：较旧的 YAML 1.1 工具会把 `22:22` 当作六十进制数字。',
  },
  'service.post_start': {
    en: 'Commands to run inside the container right after it starts (lifecycle hooks).',
    zh: '容器启动后立即在其中运行的命令（生命周期钩子）。',
    audience: 'compose-only',
  },
  'service.pre_stop': {
    en: 'Commands to run inside the container before it is stopped (lifecycle hooks).',
    zh: '容器停止前在其中运行的命令（生命周期钩子）。',
    audience: 'compose-only',
  },
  'service.privileged': {
    en: 'Runs the containers with every capability and access to all host devices. Avoid it: it removes most of the isolation.',
    zh: '以全部能力运行容器，并可访问主机的所有设备。请避免使用：它几乎去掉了所有隔离。',
    audience: 'compose-only',
  },
  'service.profiles': {
    en: 'Profiles the service belongs to: it starts only when one of them is enabled (`--profile`, `COMPOSE_PROFILES`). A service without profiles always starts.',
    zh: '服务所属的 profile：只有其中之一被启用（`--profile`、`COMPOSE_PROFILES`）时服务才会启动。没有 profile 的服务总会启动。',
    audience: 'compose-only',
  },
  'service.pull_policy': {
    en: 'When to pull the image: `always`, `never`, `missing` (the default, also `if_not_present`), `build` (always build), or `daily`/`weekly`/`every_<duration>`.',
    zh: '何时拉取镜像：`always`、`never`、`missing`（默认值，也可写 `if_not_present`）、`build`（总是构建），或 `daily`/`weekly`/`every_<时长>`。',
    audience: 'compose-only',
  },
  'service.pull_refresh_after': {
    en: 'How long a pulled image is considered fresh before Compose pulls it again.',
    zh: '已拉取的镜像在多长时间内视为最新，过后 Compose 会重新拉取。',
    audience: 'compose-only',
  },
  'service.read_only': {
    en: 'Mounts the container\'s root filesystem read-only; write to volumes or `tmpfs` instead. A good hardening step.',
    zh: '以只读方式挂载容器的根文件系统；需要写入时请使用卷或 `tmpfs`。这是很好的加固措施。',
  },
  'service.restart': {
    en: 'When Docker restarts the containers: `no` (default), `always`, `on-failure[:max]`, `unless-stopped`. Swarm ignores it and reads `deploy.restart_policy`.',
    zh: 'Docker 何时重启容器：`no`（默认）、`always`、`on-failure[:max]`、`unless-stopped`。Swarm 会忽略它，改读 `deploy.restart_policy`。',
    audience: 'compose-only',
  },
  'service.runtime': {
    en: 'The OCI runtime for the containers (e.g. `runc`, `nvidia`, `runsc`).',
    zh: '容器使用的 OCI 运行时（例如 `runc`、`nvidia`、`runsc`）。',
    audience: 'compose-only',
  },
  'service.scale': {
    en: 'How many containers to run. `deploy.replicas` says the same and is read by Swarm too.',
    zh: '要运行的容器数量。`deploy.replicas` 含义相同，且 Swarm 也会读取。',
    audience: 'compose-only',
  },
  'service.security_opt': {
    en: 'Security options, such as `no-new-privileges:true`, a seccomp profile or an AppArmor/SELinux label.',
    zh: '安全选项，例如 `no-new-privileges:true`、seccomp 配置文件或 AppArmor/SELinux 标签。',
    audience: 'compose-only',
  },
  'service.shm_size': {
    en: 'The size of `/dev/shm` in the container (`64m` by default); browsers and databases often need more.',
    zh: '容器中 `/dev/shm` 的大小（默认 `64m`）；浏览器和数据库常常需要更大。',
    audience: 'compose-only',
  },
  'service.secrets': {
    en: 'Secrets (declared under the top-level `secrets`) to mount into the containers, at `/run/secrets/<name>` unless `target` says otherwise.',
    zh: '要挂载进容器的密钥（在顶层 `secrets` 中声明），默认位于 `/run/secrets/<name>`，可用 `target` 指定其他位置。',
  },
  'service.sysctls': {
    en: 'Kernel parameters to set in the container\'s namespaces, as a map or a list of `name=value`.',
    zh: '在容器命名空间中设置的内核参数，写成映射或 `name=value` 列表。',
  },
  'service.stdin_open': {
    en: 'Keeps standard input open (like `docker run -i`).',
    zh: '保持标准输入打开（相当于 `docker run -i`）。',
  },
  'service.stop_grace_period': {
    en: 'How long to wait after the stop signal before killing the container (default `10s`), as a duration like `1m30s`.',
    zh: '发送停止信号后，等待多久再强制杀掉容器（默认 `10s`），写成时长，例如 `1m30s`。',
  },
  'service.stop_signal': {
    en: 'The signal that asks the container to stop (default `SIGTERM`, or the image\'s `STOPSIGNAL`).',
    zh: '请求容器停止时发送的信号（默认 `SIGTERM`，或镜像的 `STOPSIGNAL`）。',
  },
  'service.storage_opt': {
    en: 'Storage driver options for the container (e.g. `size`).',
    zh: '容器的存储驱动选项（例如 `size`）。',
    audience: 'compose-only',
  },
  'service.tmpfs': {
    en: 'In-memory filesystems to mount in the container, e.g. `/run` or `/tmp:size=64m`.',
    zh: '在容器中挂载的内存文件系统，例如 `/run` 或 `/tmp:size=64m`。',
  },
  'service.tty': {
    en: 'Gives the container a terminal (like `docker run -t`).',
    zh: '为容器分配终端（相当于 `docker run -t`）。',
  },
  'service.ulimits': {
    en: 'Resource limits of the container\'s processes (`nofile`, `nproc`…), one number or `soft`/`hard`.',
    zh: '容器进程的资源限制（`nofile`、`nproc` 等），写一个数字或分别写 `soft`/`hard`。',
  },
  'service.use_api_socket': {
    en: 'Gives the container access to the Docker engine\'s API socket (and the user\'s registry credentials). That is control of the host: only for trusted tools.',
    zh: '允许容器访问 Docker 引擎的 API 套接字（以及用户的镜像仓库凭据）。这等同于控制主机：只应给可信的工具使用。',
    audience: 'compose-only',
  },
  'service.user': {
    en: 'The user (and group) the container\'s process runs as: a name or `uid[:gid]`. A non-root user limits the damage of a break-in.',
    zh: '容器进程运行所用的用户（和组）：名称或 `uid[:gid]`。使用非 root 用户可以限制被入侵后的损害。',
  },
  'service.uts': {
    en: 'The UTS namespace; `host` shares the host\'s hostname.',
    zh: 'UTS 命名空间；`host` 表示共享主机的主机名。',
    audience: 'compose-only',
  },
  'service.userns_mode': {
    en: 'The user namespace mode; `host` turns off user-namespace remapping for this service.',
    zh: '用户命名空间模式；`host` 表示为该服务关闭用户命名空间重映射。',
    audience: 'compose-only',
  },
  'service.volumes': {
    en: 'What to mount in the containers: named volumes (`data:/var/lib/data`), host paths (`./src:/app`, relative to the Compose file), or the long form with `type`, `source`, `target`, `read_only`. Append `:ro` for read-only.',
    zh: '要挂载进容器的内容：命名卷（`data:/var/lib/data`）、主机路径（`./src:/app`，相对于 Compose 文件），或使用含 `type`、`source`、`target`、`read_only` 的长格式。追加 `:ro` 表示只读。',
  },
  'service.volumes_from': {
    en: 'Mounts every volume of another service (`SERVICE[:ro|rw]`) or container (`container:NAME`).',
    zh: '挂载另一个服务（`SERVICE[:ro|rw]`）或容器（`container:NAME`）的所有卷。',
    audience: 'compose-only',
  },
  'service.working_dir': {
    en: 'The working directory of the container\'s process, overriding the image\'s `WORKDIR`.',
    zh: '容器进程的工作目录，覆盖镜像的 `WORKDIR`。',
  },
};

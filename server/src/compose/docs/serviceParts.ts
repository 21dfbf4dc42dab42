import type { KeyDocs } from './types';

/** Keys nested in a service's settings: build, ports, volumes, networks, depends_on… */
export const servicePartDocs: KeyDocs = {
  'service.build.context': {
    en: 'The build context: the folder (relative to the Compose file) or Git URL whose files the Dockerfile can `COPY`. Default `.`.',
    zh: '构建上下文：Dockerfile 可以 `COPY` 其中文件的目录（相对于 Compose 文件）或 Git URL。默认 `.`。',
  },
  'service.build.dockerfile': {
    en: 'The Dockerfile to build with, relative to the build context (default `Dockerfile`).',
    zh: '用于构建的 Dockerfile，路径相对于构建上下文（默认 `Dockerfile`）。',
  },
  'service.build.dockerfile_inline': {
    en: 'The Dockerfile written inline (usually as a `|` block) instead of a file.',
    zh: '直接内联写出的 Dockerfile（通常写成 `|` 块），代替文件。',
  },
  'service.build.entitlements': {
    en: 'Extra privileges the build may use, such as `network.host` or `security.insecure`.',
    zh: '构建可使用的额外特权，例如 `network.host` 或 `security.insecure`。',
  },
  'service.build.args': {
    en: 'Values for the Dockerfile\'s `ARG`s, as a map or a list of `NAME=value`. They end up in the image history: no secrets here (use build `secrets`).',
    zh: '传给 Dockerfile 中 `ARG` 的值，写成映射或 `NAME=value` 列表。它们会留在镜像历史中：不要在这里放密钥（请用构建 `secrets`）。',
  },
  'service.build.ssh': {
    en: 'SSH agent sockets or keys the build can use (`RUN --mount=type=ssh`), e.g. `default`.',
    zh: '构建可使用的 SSH agent 套接字或密钥（`RUN --mount=type=ssh`），例如 `default`。',
  },
  'service.build.labels': {
    en: 'Labels to put on the built image.',
    zh: '添加到构建出的镜像上的标签。',
  },
  'service.build.cache_from': {
    en: 'Images or cache locations to reuse layers from (e.g. `type=registry,ref=…`).',
    zh: '可复用其层缓存的镜像或缓存位置（例如 `type=registry,ref=…`）。',
  },
  'service.build.cache_to': {
    en: 'Where to export the build cache for later builds.',
    zh: '将构建缓存导出到何处，供以后的构建复用。',
  },
  'service.build.no_cache': {
    en: 'Builds without the layer cache, every step again.',
    zh: '不使用层缓存，所有步骤重新构建。',
  },
  'service.build.additional_contexts': {
    en: 'Named extra contexts the Dockerfile can use with `COPY --from=<name>` or `FROM <name>` (a folder, an image `docker-image://…`, a URL, or `service:<name>`).',
    zh: 'Dockerfile 可通过 `COPY --from=<name>` 或 `FROM <name>` 使用的额外命名上下文（目录、`docker-image://…` 镜像、URL 或 `service:<name>`）。',
  },
  'service.build.network': {
    en: 'The network `RUN` steps use during the build: `host`, `none`, or a network name.',
    zh: '构建期间 `RUN` 步骤使用的网络：`host`、`none` 或某个网络名。',
  },
  'service.build.provenance': {
    en: 'Adds a provenance attestation (how the image was built) to the image.',
    zh: '为镜像添加来源证明（镜像是如何构建的）。',
  },
  'service.build.sbom': {
    en: 'Adds a software bill of materials attestation to the image.',
    zh: '为镜像添加软件物料清单（SBOM）证明。',
  },
  'service.build.pull': {
    en: 'Always pulls the base images, even when a local copy exists.',
    zh: '即使本地已有副本，也总是拉取基础镜像。',
  },
  'service.build.target': {
    en: 'The stage of a multi-stage Dockerfile to build (`FROM … AS <name>`); later stages are skipped.',
    zh: '要构建的多阶段 Dockerfile 中的阶段（`FROM … AS <name>`）；其后的阶段会被跳过。',
  },
  'service.build.shm_size': {
    en: 'The size of `/dev/shm` for `RUN` steps during the build.',
    zh: '构建期间 `RUN` 步骤可用的 `/dev/shm` 大小。',
  },
  'service.build.extra_hosts': {
    en: 'Extra `/etc/hosts` entries during the build.',
    zh: '构建期间追加的 `/etc/hosts` 条目。',
  },
  'service.build.isolation': {
    en: 'The isolation technology for the build (Windows).',
    zh: '构建使用的隔离技术（Windows）。',
  },
  'service.build.privileged': {
    en: 'Runs the build with extended privileges.',
    zh: '以扩展特权运行构建。',
  },
  'service.build.secrets': {
    en: 'Secrets (declared under the top-level `secrets`) the build can read with `RUN --mount=type=secret`, without leaving them in the image.',
    zh: '构建可通过 `RUN --mount=type=secret` 读取的密钥（在顶层 `secrets` 中声明），不会留在镜像中。',
  },
  'service.build.tags': {
    en: 'More names (tags) to give the built image, besides `image`.',
    zh: '除 `image` 外，再给构建出的镜像起的名称（标签）。',
  },
  'service.build.ulimits': {
    en: 'Resource limits for `RUN` steps during the build.',
    zh: '构建期间 `RUN` 步骤的资源限制。',
  },
  'service.build.platforms': {
    en: 'Platforms to build the image for (`linux/amd64`, `linux/arm64`…); include the service\'s `platform` if it has one.',
    zh: '要为哪些平台构建镜像（`linux/amd64`、`linux/arm64` 等）；若服务设置了 `platform`，其值须在其中。',
  },
  'service.build.secrets[].source': {
    en: 'The secret\'s name, as declared under the top-level `secrets`.',
    zh: '密钥名称，即顶层 `secrets` 中声明的名称。',
  },
  'service.build.secrets[].target': {
    en: 'The id the Dockerfile uses for the secret (`RUN --mount=type=secret,id=<target>`); default: the source name.',
    zh: 'Dockerfile 中引用该密钥所用的 id（`RUN --mount=type=secret,id=<target>`）；默认与来源名称相同。',
  },
  'service.build.secrets[].uid': {
    en: 'The owner (user id) of the secret file during the build.',
    zh: '构建期间密钥文件的所有者（用户 ID）。',
  },
  'service.build.secrets[].gid': {
    en: 'The group id of the secret file during the build.',
    zh: '构建期间密钥文件的组 ID。',
  },
  'service.build.secrets[].mode': {
    en: 'The permission bits of the secret file during the build (octal, e.g. `0400`).',
    zh: '构建期间密钥文件的权限位（八进制，例如 `0400`）。',
  },
  'service.build.ulimits.*.hard': {
    en: 'The hard limit: the ceiling the soft limit may be raised to.',
    zh: '硬限制：软限制最多可以提高到的上限。',
  },
  'service.build.ulimits.*.soft': {
    en: 'The soft limit: the value in force.',
    zh: '软限制：当前生效的值。',
  },

  'service.blkio_config.device_read_bps': {
    en: 'Read rate limits per device, in bytes per second (e.g. `12mb`).',
    zh: '按设备设置的读取速率上限，单位字节/秒（例如 `12mb`）。',
  },
  'service.blkio_config.device_read_iops': {
    en: 'Read operations per second, per device.',
    zh: '按设备设置的每秒读取操作数上限。',
  },
  'service.blkio_config.device_write_bps': {
    en: 'Write rate limits per device, in bytes per second.',
    zh: '按设备设置的写入速率上限，单位字节/秒。',
  },
  'service.blkio_config.device_write_iops': {
    en: 'Write operations per second, per device.',
    zh: '按设备设置的每秒写入操作数上限。',
  },
  'service.blkio_config.weight': {
    en: 'The container\'s relative block I/O weight, 10 to 1000.',
    zh: '容器的相对块 I/O 权重，取值 10 到 1000。',
  },
  'service.blkio_config.weight_device': {
    en: 'Relative block I/O weights per device.',
    zh: '按设备设置的相对块 I/O 权重。',
  },
  'blkio_limit.path': { en: 'The device path, e.g. `/dev/sda`.', zh: '设备路径，例如 `/dev/sda`。' },
  'blkio_limit.rate': { en: 'The limit: bytes per second (a number or `12mb`) or operations per second.', zh: '上限：每秒字节数（数字或 `12mb`）或每秒操作数。' },
  'blkio_weight.path': { en: 'The device path, e.g. `/dev/sda`.', zh: '设备路径，例如 `/dev/sda`。' },
  'blkio_weight.weight': { en: 'The relative weight for this device, 10 to 1000.', zh: '该设备上的相对权重，取值 10 到 1000。' },

  'service.configs[].source': { en: 'The config\'s name, as declared under the top-level `configs`.', zh: '配置名称，即顶层 `configs` 中声明的名称。' },
  'service.configs[].target': { en: 'Where the config file appears in the container (default `/<source>`).', zh: '配置文件在容器中的位置（默认 `/<source>`）。' },
  'service.configs[].uid': { en: 'The owner (user id) of the config file in the container.', zh: '容器中配置文件的所有者（用户 ID）。' },
  'service.configs[].gid': { en: 'The group id of the config file in the container.', zh: '容器中配置文件的组 ID。' },
  'service.configs[].mode': { en: 'The permission bits of the config file (octal, default `0444`).', zh: '配置文件的权限位（八进制，默认 `0444`）。' },

  'service.credential_spec.config': { en: 'A Swarm config holding the credential spec.', zh: '保存凭据规范的 Swarm 配置。' },
  'service.credential_spec.file': { en: 'A credential spec file on the host.', zh: '主机上的凭据规范文件。' },
  'service.credential_spec.registry': { en: 'A credential spec read from the Windows registry.', zh: '从 Windows 注册表读取的凭据规范。' },

  'service.depends_on.*.restart': {
    en: 'Restart this service when Compose updates (restarts or recreates) the dependency.',
    zh: '当 Compose 更新（重启或重建）依赖服务时，同时重启本服务。',
  },
  'service.depends_on.*.required': {
    en: 'With false, a dependency that is missing or not started only gives a warning (default true).',
    zh: '设为 false 时，依赖服务缺失或未启动只会给出警告（默认 true）。',
  },
  'service.depends_on.*.condition': {
    en: 'What to wait for: `service_started` (default), `service_healthy` (its healthcheck passes; it needs one), or `service_completed_successfully` (it ran and exited with 0, for migrations and setup jobs).',
    zh: '等待什么：`service_started`（默认）、`service_healthy`（其健康检查通过，要求它有健康检查），或 `service_completed_successfully`（它运行完毕并以 0 退出，适用于迁移和初始化任务）。',
  },

  'service.devices[].source': { en: 'The device path on the host.', zh: '主机上的设备路径。' },
  'service.devices[].target': { en: 'The device path in the container (default: the same as on the host).', zh: '容器中的设备路径（默认与主机相同）。' },
  'service.devices[].permissions': { en: 'Access to the device: `r`, `w`, `m` (mknod) or a combination (default `rwm`).', zh: '对设备的访问权限：`r`、`w`、`m`（mknod）或它们的组合（默认 `rwm`）。' },

  'service.env_file[].path': { en: 'The environment file, relative to the Compose file.', zh: '环境变量文件，路径相对于 Compose 文件。' },
  'service.env_file[].format': { en: 'The file\'s format; `raw` takes every value literally (no quotes or interpolation).', zh: '文件格式；`raw` 表示所有值按字面读取（不处理引号和插值）。' },
  'service.env_file[].required': { en: 'With false, a missing file is skipped instead of being an error (default true).', zh: '设为 false 时，文件不存在会被跳过而不报错（默认 true）。' },

  'service.extends.service': { en: 'The service to start from.', zh: '作为基础的服务。' },
  'service.extends.file': { en: 'The Compose file that defines it, relative to this one (default: this file).', zh: '定义该服务的 Compose 文件，路径相对于当前文件（默认：当前文件）。' },

  'service.gpus[].capabilities': { en: 'Capabilities the device must have, e.g. `gpu`, `compute`, `utility`.', zh: '设备必须具备的能力，例如 `gpu`、`compute`、`utility`。' },
  'service.gpus[].count': { en: 'How many GPUs (a number or `all`).', zh: 'GPU 数量（数字或 `all`）。' },
  'service.gpus[].device_ids': { en: 'Specific GPUs by id (instead of `count`).', zh: '按 ID 指定的 GPU（代替 `count`）。' },
  'service.gpus[].driver': { en: 'The device driver, e.g. `nvidia`.', zh: '设备驱动，例如 `nvidia`。' },
  'service.gpus[].options': { en: 'Driver-specific options.', zh: '驱动专用的选项。' },

  'service.logging.driver': { en: 'The logging driver: `json-file` (default), `local`, `syslog`, `journald`, `fluentd`, `none`…', zh: '日志驱动：`json-file`（默认）、`local`、`syslog`、`journald`、`fluentd`、`none` 等。' },
  'service.logging.options': { en: 'The driver\'s options, e.g. `max-size: 10m` and `max-file: "3"` for `json-file`.', zh: '驱动的选项，例如 `json-file` 的 `max-size: 10m` 和 `max-file: "3"`。' },

  'service.models.*.endpoint_var': { en: 'The environment variable that receives the model\'s endpoint URL.', zh: '接收模型端点 URL 的环境变量。' },
  'service.models.*.model_var': { en: 'The environment variable that receives the model\'s name.', zh: '接收模型名称的环境变量。' },

  'service.networks.*.aliases': { en: 'Other hostnames the service answers to on this network.', zh: '服务在该网络上还可以响应的其他主机名。' },
  'service.networks.*.interface_name': { en: 'The name of the network interface inside the container.', zh: '容器内对应网络接口的名称。' },
  'service.networks.*.ipv4_address': { en: 'A fixed IPv4 address on this network (it must lie in a subnet of the network\'s `ipam`).', zh: '在该网络上的固定 IPv4 地址（必须位于该网络 `ipam` 的子网内）。' },
  'service.networks.*.ipv6_address': { en: 'A fixed IPv6 address on this network.', zh: '在该网络上的固定 IPv6 地址。' },
  'service.networks.*.link_local_ips': { en: 'Link-local addresses for the container on this network.', zh: '容器在该网络上的链路本地地址。' },
  'service.networks.*.mac_address': { en: 'The MAC address of the container\'s interface on this network.', zh: '容器在该网络上的接口 MAC 地址。' },
  'service.networks.*.driver_opts': { en: 'Options for the network driver for this connection.', zh: '该连接的网络驱动选项。' },
  'service.networks.*.priority': { en: 'The order Compose connects networks in (higher first).', zh: 'Compose 连接网络的顺序（数值大的先连接）。' },
  'service.networks.*.gw_priority': { en: 'Which network provides the default gateway (the highest wins).', zh: '由哪个网络提供默认网关（数值最高者胜出）。' },

  'service.ports[].name': { en: 'A human-readable name for the port.', zh: '端口的可读名称。' },
  'service.ports[].mode': { en: '`ingress` (Swarm\'s routing mesh: any node answers) or `host` (published on the node that runs the task).', zh: '`ingress`（Swarm 路由网格：任一节点都会响应）或 `host`（只在运行任务的节点上发布）。', audience: 'swarm-only' },
  'service.ports[].host_ip': { en: 'The host address to publish on (default: all; `127.0.0.1` keeps it local).', zh: '发布到主机的哪个地址（默认所有地址；`127.0.0.1` 表示仅本机）。' },
  'service.ports[].target': { en: 'The port inside the container.', zh: '容器内的端口。' },
  'service.ports[].published': { en: 'The port on the host (a number or a range); left out, the engine picks a free one.', zh: '主机上的端口（数字或范围）；不写时由引擎挑选空闲端口。' },
  'service.ports[].protocol': { en: '`tcp` (default) or `udp`.', zh: '`tcp`（默认）或 `udp`。' },
  'service.ports[].app_protocol': { en: 'The application protocol (`http`, `grpc`…), for tools that read it.', zh: '应用层协议（`http`、`grpc` 等），供需要读取它的工具使用。' },

  'service.provider.type': { en: 'The provider: a plugin binary name on the path, or an image.', zh: '提供者：PATH 中的插件程序名，或一个镜像。' },
  'service.provider.options': { en: 'Options passed to the provider.', zh: '传给提供者的选项。' },

  'service.secrets[].source': { en: 'The secret\'s name, as declared under the top-level `secrets`.', zh: '密钥名称，即顶层 `secrets` 中声明的名称。' },
  'service.secrets[].target': { en: 'The file name (under `/run/secrets/`) or absolute path of the secret in the container.', zh: '密钥在容器中的文件名（位于 `/run/secrets/` 下）或绝对路径。' },
  'service.secrets[].uid': { en: 'The owner (user id) of the secret file in the container.', zh: '容器中密钥文件的所有者（用户 ID）。' },
  'service.secrets[].gid': { en: 'The group id of the secret file in the container.', zh: '容器中密钥文件的组 ID。' },
  'service.secrets[].mode': { en: 'The permission bits of the secret file (octal, default `0444`).', zh: '密钥文件的权限位（八进制，默认 `0444`）。' },

  'service.ulimits.*.hard': { en: 'The hard limit: the ceiling the soft limit may be raised to.', zh: '硬限制：软限制最多可以提高到的上限。' },
  'service.ulimits.*.soft': { en: 'The soft limit: the value in force.', zh: '软限制：当前生效的值。' },

  'service.volumes[].type': { en: 'The mount type: `volume`, `bind`, `tmpfs`, `image`, `npipe` or `cluster`.', zh: '挂载类型：`volume`、`bind`、`tmpfs`、`image`、`npipe` 或 `cluster`。' },
  'service.volumes[].source': { en: 'What to mount: a volume name, a host path (bind), or an image reference (image).', zh: '要挂载的内容：卷名、主机路径（bind）或镜像引用（image）。' },
  'service.volumes[].target': { en: 'The path in the container where it is mounted.', zh: '在容器中挂载到的路径。' },
  'service.volumes[].read_only': { en: 'Mounts it read-only.', zh: '以只读方式挂载。' },
  'service.volumes[].consistency': { en: 'Consistency hint for bind mounts on Docker Desktop (`consistent`, `cached`, `delegated`); ignored elsewhere.', zh: 'Docker Desktop 上绑定挂载的一致性提示（`consistent`、`cached`、`delegated`）；其他环境会忽略。' },
  'service.volumes[].bind': { en: 'Options of a bind mount.', zh: '绑定挂载的选项。' },
  'service.volumes[].volume': { en: 'Options of a volume mount.', zh: '卷挂载的选项。' },
  'service.volumes[].tmpfs': { en: 'Options of a tmpfs mount.', zh: 'tmpfs 挂载的选项。' },
  'service.volumes[].image': { en: 'Options of an image mount.', zh: '镜像挂载的选项。' },
  'service.volumes[].bind.propagation': { en: 'Mount propagation: `rprivate` (default), `private`, `rshared`, `shared`, `rslave`, `slave`.', zh: '挂载传播方式：`rprivate`（默认）、`private`、`rshared`、`shared`、`rslave`、`slave`。' },
  'service.volumes[].bind.create_host_path': { en: 'Creates the host folder when it does not exist (the short syntax always does).', zh: '主机目录不存在时自动创建（短格式总是会创建）。' },
  'service.volumes[].bind.recursive': { en: 'How submounts are handled: `enabled`, `disabled`, `writable`, `readonly`.', zh: '如何处理子挂载：`enabled`、`disabled`、`writable`、`readonly`。' },
  'service.volumes[].bind.selinux': { en: 'Relabels the host files for SELinux: `z` (shared) or `Z` (private).', zh: '为 SELinux 重新标记主机文件：`z`（共享）或 `Z`（私有）。' },
  'service.volumes[].image.subpath': { en: 'The folder of the image to mount (instead of all of it).', zh: '只挂载镜像中的这个目录（而不是整个镜像）。' },
  'service.volumes[].tmpfs.size': { en: 'The size of the tmpfs mount, in bytes or with a unit.', zh: 'tmpfs 挂载的大小，以字节为单位或带单位。' },
  'service.volumes[].tmpfs.mode': { en: 'The permission bits of the tmpfs mount (octal).', zh: 'tmpfs 挂载的权限位（八进制）。' },
  'service.volumes[].volume.labels': { en: 'Labels for the volume, when Compose creates it for this mount.', zh: 'Compose 为该挂载创建卷时给卷加的标签。' },
  'service.volumes[].volume.nocopy': { en: 'Does not copy the image\'s files at the target into a new, empty volume.', zh: '不把镜像中目标路径下的文件复制进新建的空卷。' },
  'service.volumes[].volume.subpath': { en: 'The folder of the volume to mount (instead of its root).', zh: '只挂载卷中的这个目录（而不是卷的根目录）。' },
};

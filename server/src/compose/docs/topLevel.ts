import type { KeyDocs } from './types';

/** The top-level keys and the resources declared at the top level (networks, volumes, configs, secrets, models, include). */
export const topLevelDocs: KeyDocs = {
  'compose.version': {
    en: 'Obsolete. Older tools used it to pick a file format; the Compose Specification has one format, and `docker compose` ignores the value (with a warning). Remove it.',
    zh: '已过时。旧工具用它选择文件格式版本；Compose 规范只有一种格式，`docker compose` 会忽略这个值（并给出警告）。请删除它。',
  },
  'compose.name': {
    en: 'The project name: the prefix of container, network and volume names (`<name>-web-1`). Lowercase letters, digits, `-` and `_`, starting with a letter or digit. `-p` on the command line and `COMPOSE_PROJECT_NAME` win over it; without any, the folder name is used.',
    zh: '项目名称：容器、网络和卷名称的前缀（`<name>-web-1`）。只能包含小写字母、数字、`-` 和 `_`，并以字母或数字开头。命令行的 `-p` 和 `COMPOSE_PROJECT_NAME` 优先于它；都没有时使用所在文件夹名。',
  },
  'compose.include': {
    en: 'Other Compose applications to load into this one: each entry is a file (or several) whose services, networks and volumes join the model, with paths resolved from that file\'s own folder. A name defined twice is an error, unlike with `-f` overrides.',
    zh: '要并入本应用的其他 Compose 应用：每一项是一个（或多个）文件，其中的服务、网络和卷都会加入模型，相对路径按该文件自己的目录解析。同一个名字被定义两次会报错，这与 `-f` 覆盖文件不同。',
  },
  'compose.services': {
    en: 'The services of the application: each key names a service, and each service runs one or more containers from the same image with the same settings.',
    zh: '应用的服务：每个键是一个服务名，每个服务用同一镜像和同一组设置运行一个或多个容器。',
  },
  'compose.models': {
    en: 'AI models the application uses (Docker Model Runner): each key names a model that services can reference under their own `models`.',
    zh: '应用使用的 AI 模型（Docker Model Runner）：每个键是一个模型名，服务可以在自己的 `models` 中引用它。',
  },
  'compose.networks': {
    en: 'Networks the services join. Every application gets a `default` network; declare others here to split traffic or to attach to an existing network (`external: true`).',
    zh: '服务要加入的网络。每个应用都有一个 `default` 网络；在这里声明其他网络，用于隔离流量或接入已有网络（`external: true`）。',
  },
  'compose.volumes': {
    en: 'Named volumes: storage that outlives containers and can be shared between services. A service mounts one by name under its `volumes`.',
    zh: '命名卷：比容器活得更久、可在服务之间共享的存储。服务在自己的 `volumes` 中按名称挂载。',
  },
  'compose.secrets': {
    en: 'Sensitive data (passwords, keys, certificates) made available to services as files under `/run/secrets/<name>`, from a file, an environment variable, or an existing secret (`external`).',
    zh: '敏感数据（密码、密钥、证书），以 `/run/secrets/<name>` 文件的形式提供给服务，来源可以是文件、环境变量或已有的密钥（`external`）。',
  },
  'compose.configs': {
    en: 'Configuration files given to services without baking them into the image or bind-mounting them: from a file, inline `content`, an environment variable, or an existing config (`external`).',
    zh: '提供给服务的配置文件，无需打进镜像或绑定挂载：来源可以是文件、内联的 `content`、环境变量或已有的配置（`external`）。',
  },

  'include.path': {
    en: 'The Compose file to include, or a list of files read as one (the later ones override the first, like several `-f`). Relative to this file.',
    zh: '要包含的 Compose 文件，或作为一体读取的多个文件（后面的覆盖前面的，如同多个 `-f`）。相对于当前文件。',
  },
  'include.env_file': {
    en: 'Environment file(s) for interpolating the included files, instead of the `.env` beside them.',
    zh: '用于为被包含文件做变量插值的环境文件（一个或多个），代替它们旁边的 `.env`。',
  },
  'include.project_directory': {
    en: 'The folder the included application\'s relative paths resolve against (default: the folder of its first file).',
    zh: '被包含应用中相对路径的解析基准目录（默认：其第一个文件所在目录）。',
  },

  'network.name': {
    en: 'The network\'s real name on the engine, used as is (no project prefix). Useful for sharing a network between projects or naming an `external` one.',
    zh: '网络在引擎上的真实名称，原样使用（不加项目前缀）。适合在多个项目间共享网络，或指定 `external` 网络。',
  },
  'network.driver': {
    en: 'The network driver: `bridge` (the default with `docker compose`), `overlay` (the default with `docker stack deploy`, spanning Swarm nodes), `host`, `none`, `macvlan`, `ipvlan`, or a plugin.',
    zh: '网络驱动：`bridge`（`docker compose` 的默认值）、`overlay`（`docker stack deploy` 的默认值，可跨 Swarm 节点）、`host`、`none`、`macvlan`、`ipvlan` 或插件。',
  },
  'network.driver_opts': {
    en: 'Options passed to the network driver, as key/value pairs (their meaning depends on the driver).',
    zh: '传给网络驱动的键值对选项（含义取决于驱动）。',
  },
  'network.ipam': {
    en: 'IP address management: the IPAM driver and the subnets, ranges and gateways to use.',
    zh: 'IP 地址管理：IPAM 驱动，以及要使用的子网、地址范围和网关。',
  },
  'network.external': {
    en: 'The network exists already, created outside this application: Compose looks it up (by `name`, or by its key) and never creates or removes it. It fails if the network is missing.',
    zh: '网络已存在，由本应用之外创建：Compose 会查找它（按 `name` 或键名），从不创建或删除它。网络不存在时会失败。',
  },
  'network.internal': {
    en: 'An isolated network: containers on it reach each other but not the outside world.',
    zh: '隔离网络：网络上的容器可以互相访问，但无法访问外部。',
  },
  'network.enable_ipv4': {
    en: 'Whether containers on the network get IPv4 addresses (default true; false makes an IPv6-only network).',
    zh: '网络上的容器是否分配 IPv4 地址（默认 true；设为 false 即为纯 IPv6 网络）。',
  },
  'network.enable_ipv6': {
    en: 'Give containers on the network IPv6 addresses as well.',
    zh: '同时为网络上的容器分配 IPv6 地址。',
  },
  'network.attachable': {
    en: 'Lets standalone containers (not only Swarm services) join this overlay network.',
    zh: '允许独立容器（而不仅是 Swarm 服务）加入这个 overlay 网络。',
    audience: 'swarm-only',
  },
  'network.labels': {
    en: 'Metadata labels on the network, as a map or a list of `key=value`. Use reverse-DNS prefixes to avoid clashes with other tools.',
    zh: '网络上的元数据标签，写成映射或 `key=value` 列表。请用反向域名前缀，避免与其他工具冲突。',
  },
  'network.external.name': {
    en: 'Deprecated: the name of the external network. Write `external: true` and set the top-level `name` instead.',
    zh: '已弃用：外部网络的名称。请改写为 `external: true`，并设置该网络的 `name`。',
  },
  'network.ipam.driver': {
    en: 'The IPAM driver (default `default`).',
    zh: 'IPAM 驱动（默认 `default`）。',
  },
  'network.ipam.config': {
    en: 'Address pools: each entry sets a `subnet`, and optionally an `ip_range`, a `gateway` and `aux_addresses`.',
    zh: '地址池：每一项设置一个 `subnet`，并可选地设置 `ip_range`、`gateway` 和 `aux_addresses`。',
  },
  'network.ipam.options': {
    en: 'Driver-specific IPAM options, as key/value pairs.',
    zh: 'IPAM 驱动专用的键值对选项。',
  },
  'network.ipam.config[].subnet': {
    en: 'The subnet in CIDR notation, e.g. `172.28.0.0/16`.',
    zh: 'CIDR 格式的子网，例如 `172.28.0.0/16`。',
  },
  'network.ipam.config[].ip_range': {
    en: 'The part of the subnet containers get addresses from (CIDR).',
    zh: '子网中为容器分配地址的范围（CIDR）。',
  },
  'network.ipam.config[].gateway': {
    en: 'The gateway address of the subnet.',
    zh: '子网的网关地址。',
  },
  'network.ipam.config[].aux_addresses': {
    en: 'Addresses the driver must not hand out, by hostname.',
    zh: '驱动不得分配出去的地址，按主机名列出。',
  },

  'volume.name': {
    en: 'The volume\'s real name on the engine, used as is (no project prefix). Useful for sharing data between projects or naming an `external` volume.',
    zh: '卷在引擎上的真实名称，原样使用（不加项目前缀）。适合在项目间共享数据，或指定 `external` 卷。',
  },
  'volume.driver': {
    en: 'The volume driver (default `local`); plugins store data elsewhere (NFS, cloud storage…).',
    zh: '卷驱动（默认 `local`）；插件可以把数据存到其他位置（NFS、云存储等）。',
  },
  'volume.driver_opts': {
    en: 'Options passed to the volume driver. With `local`, `type`, `o` and `device` mount an NFS share or a host folder, for example.',
    zh: '传给卷驱动的选项。例如使用 `local` 时，可以用 `type`、`o` 和 `device` 挂载 NFS 共享或主机目录。',
  },
  'volume.external': {
    en: 'The volume exists already, created outside this application: Compose looks it up and never creates or removes it (`docker compose down -v` leaves it alone). It fails if the volume is missing.',
    zh: '卷已存在，由本应用之外创建：Compose 只查找它，从不创建或删除它（`docker compose down -v` 也不会动它）。卷不存在时会失败。',
  },
  'volume.labels': {
    en: 'Metadata labels on the volume, as a map or a list of `key=value`.',
    zh: '卷上的元数据标签，写成映射或 `key=value` 列表。',
  },
  'volume.external.name': {
    en: 'Deprecated: the name of the external volume. Write `external: true` and set `name` instead.',
    zh: '已弃用：外部卷的名称。请改写为 `external: true`，并设置 `name`。',
  },

  'config.name': {
    en: 'The config\'s real name on the engine, used as is (no project prefix).',
    zh: '配置在引擎上的真实名称，原样使用（不加项目前缀）。',
  },
  'config.content': {
    en: 'The config\'s content, written inline (interpolated like the rest of the file).',
    zh: '直接内联写出的配置内容（与文件其他部分一样会做变量插值）。',
  },
  'config.environment': {
    en: 'Takes the config\'s content from this environment variable of the shell (or `.env`).',
    zh: '从 shell（或 `.env`）中的这个环境变量读取配置内容。',
  },
  'config.file': {
    en: 'Takes the config\'s content from this file, relative to the Compose file.',
    zh: '从这个文件读取配置内容，路径相对于 Compose 文件。',
  },
  'config.external': {
    en: 'The config exists already on the platform (a Swarm config): it is looked up, never created.',
    zh: '配置已存在于平台上（Swarm 配置）：只会查找，不会创建。',
  },
  'config.labels': {
    en: 'Metadata labels on the config.',
    zh: '配置上的元数据标签。',
  },
  'config.template_driver': {
    en: 'The template engine that renders the config\'s content on the platform (Swarm: `golang`).',
    zh: '在平台上渲染配置内容的模板引擎（Swarm：`golang`）。',
    audience: 'swarm-only',
  },
  'config.external.name': {
    en: 'Deprecated: the name of the external config. Write `external: true` and set `name` instead.',
    zh: '已弃用：外部配置的名称。请改写为 `external: true`，并设置 `name`。',
  },

  'secret.name': {
    en: 'The secret\'s real name on the engine, used as is (no project prefix).',
    zh: '密钥在引擎上的真实名称，原样使用（不加项目前缀）。',
  },
  'secret.environment': {
    en: 'Takes the secret\'s value from this environment variable of the shell (or `.env`), so it never sits in the file.',
    zh: '从 shell（或 `.env`）中的这个环境变量读取密钥的值，这样它不会出现在文件里。',
  },
  'secret.file': {
    en: 'Takes the secret\'s value from this file, relative to the Compose file. Keep the file out of version control.',
    zh: '从这个文件读取密钥的值，路径相对于 Compose 文件。请不要把该文件纳入版本控制。',
  },
  'secret.external': {
    en: 'The secret exists already on the platform (e.g. created with `docker secret create`): it is looked up, never created.',
    zh: '密钥已存在于平台上（例如用 `docker secret create` 创建）：只会查找，不会创建。',
  },
  'secret.labels': {
    en: 'Metadata labels on the secret.',
    zh: '密钥上的元数据标签。',
  },
  'secret.driver': {
    en: 'The secrets driver that stores the secret (Swarm secret plugins).',
    zh: '存放密钥的密钥驱动（Swarm 密钥插件）。',
    audience: 'swarm-only',
  },
  'secret.driver_opts': {
    en: 'Options passed to the secrets driver.',
    zh: '传给密钥驱动的选项。',
    audience: 'swarm-only',
  },
  'secret.template_driver': {
    en: 'The template engine that renders the secret on the platform (Swarm: `golang`).',
    zh: '在平台上渲染密钥的模板引擎（Swarm：`golang`）。',
    audience: 'swarm-only',
  },
  'secret.external.name': {
    en: 'Deprecated: the name of the external secret. Write `external: true` and set `name` instead.',
    zh: '已弃用：外部密钥的名称。请改写为 `external: true`，并设置 `name`。',
  },

  'model.name': {
    en: 'The model\'s name on the platform, used as is.',
    zh: '模型在平台上的名称，原样使用。',
  },
  'model.model': {
    en: 'The model to pull and serve, as an OCI reference (e.g. `ai/smollm2`).',
    zh: '要拉取并提供服务的模型，写成 OCI 引用（例如 `ai/smollm2`）。',
  },
  'model.context_size': {
    en: 'The context window the model runs with, in tokens.',
    zh: '模型运行时的上下文窗口大小（以 token 计）。',
  },
  'model.runtime_flags': {
    en: 'Extra flags passed to the inference engine that serves the model.',
    zh: '传给提供模型服务的推理引擎的额外参数。',
  },
};

import type { Localized } from '../../common/localized';

/**
 * The values a key takes, with what each means: completion offers them (the first is the default
 * or the usual choice), hover explains the one written, validation rejects others where the list is
 * closed. Keyed by schema node id. `open`: other values exist (plugins, patterns) and are not errors.
 */
export interface ValueDoc extends Localized {
  value: string;
}

export interface ValueTable {
  values: ValueDoc[];
  open?: boolean;
  /** A pattern the value may match instead of a listed one (`on-failure:3`, `every_12h`, `service:db`). */
  pattern?: RegExp;
}

export const valueTables: Record<string, ValueTable> = {
  'service.restart': {
    values: [
      { value: 'no', en: 'Never restart (the default).', zh: '从不重启（默认）。' },
      { value: 'always', en: 'Restart whenever the container stops, and when the engine starts.', zh: '容器一停止就重启，引擎启动时也会启动它。' },
      { value: 'on-failure', en: 'Restart after a non-zero exit; `on-failure:3` tries at most 3 times.', zh: '以非零码退出后重启；`on-failure:3` 表示最多尝试 3 次。' },
      { value: 'unless-stopped', en: 'Like `always`, except after you stopped the container yourself.', zh: '与 `always` 相同，但你手动停止容器后不再重启。' },
    ],
    pattern: /^on-failure:\d+$/,
  },
  'service.depends_on.*.condition': {
    values: [
      { value: 'service_started', en: 'Wait until the dependency has started (the default).', zh: '等待依赖服务启动（默认）。' },
      { value: 'service_healthy', en: 'Wait until the dependency\'s healthcheck passes; it must have a healthcheck.', zh: '等待依赖服务的健康检查通过；依赖服务必须有健康检查。' },
      { value: 'service_completed_successfully', en: 'Wait until the dependency has run to completion with exit code 0 (migrations, setup jobs).', zh: '等待依赖服务运行结束并以 0 退出（迁移、初始化任务）。' },
    ],
  },
  'service.pull_policy': {
    values: [
      { value: 'missing', en: 'Pull only when the image is not present locally (the default).', zh: '仅当本地没有该镜像时拉取（默认）。' },
      { value: 'always', en: 'Pull every time, even when the image is present.', zh: '每次都拉取，即使本地已有该镜像。' },
      { value: 'never', en: 'Never pull; fail when the image is missing.', zh: '从不拉取；本地没有镜像时失败。' },
      { value: 'build', en: 'Always build the image from `build`, never pull it.', zh: '总是根据 `build` 构建镜像，从不拉取。' },
      { value: 'if_not_present', en: 'Same as `missing`.', zh: '与 `missing` 相同。' },
      { value: 'daily', en: 'Pull again when the local image is more than a day old.', zh: '本地镜像超过一天时重新拉取。' },
      { value: 'weekly', en: 'Pull again when the local image is more than a week old.', zh: '本地镜像超过一周时重新拉取。' },
      { value: 'refresh', en: 'Pull again after `pull_refresh_after`.', zh: '超过 `pull_refresh_after` 后重新拉取。' },
    ],
    pattern: /^every_(?:\d+[wdhms])+$/,
  },
  'service.network_mode': {
    values: [
      { value: 'host', en: 'Use the host\'s network stack directly: no isolation, `ports` do not apply.', zh: '直接使用主机的网络栈：没有隔离，`ports` 不再生效。' },
      { value: 'none', en: 'No networking at all (only loopback).', zh: '完全没有网络（只有回环接口）。' },
      { value: 'bridge', en: 'The engine\'s default bridge network, outside the project\'s networks.', zh: '引擎的默认 bridge 网络，不属于项目的网络。' },
      { value: 'service:', en: 'Share another service\'s network stack: `service:<name>`.', zh: '共享另一个服务的网络栈：`service:<name>`。' },
      { value: 'container:', en: 'Share a running container\'s network stack: `container:<name or id>`.', zh: '共享某个运行中容器的网络栈：`container:<名称或 ID>`。' },
    ],
    pattern: /^(?:service|container):\S+$/,
    open: true,
  },
  'deploy.mode': {
    values: [
      { value: 'replicated', en: 'Run `replicas` tasks (the default).', zh: '运行 `replicas` 个任务（默认）。' },
      { value: 'global', en: 'One task on every node of the Swarm.', zh: '在 Swarm 的每个节点上各运行一个任务。' },
      { value: 'replicated-job', en: 'Run `replicas` tasks to completion.', zh: '运行 `replicas` 个任务直至完成。' },
      { value: 'global-job', en: 'Run one task to completion on every node.', zh: '在每个节点上运行一个任务直至完成。' },
    ],
  },
  'deploy.endpoint_mode': {
    values: [
      { value: 'vip', en: 'One virtual IP, load-balanced across the tasks (the default).', zh: '一个虚拟 IP，在各任务间负载均衡（默认）。' },
      { value: 'dnsrr', en: 'DNS round-robin: the service name resolves to every task\'s address.', zh: 'DNS 轮询：服务名解析为每个任务的地址。' },
    ],
  },
  'deploy.restart_policy.condition': {
    values: [
      { value: 'any', en: 'Restart whatever the exit (the default).', zh: '无论如何退出都重启（默认）。' },
      { value: 'on-failure', en: 'Restart after a non-zero exit.', zh: '以非零码退出后重启。' },
      { value: 'none', en: 'Never restart.', zh: '从不重启。' },
    ],
  },
  'deploy.update_config.failure_action': {
    values: [
      { value: 'pause', en: 'Stop the update and wait (the default).', zh: '暂停更新并等待（默认）。' },
      { value: 'rollback', en: 'Roll back to the previous version.', zh: '回滚到上一个版本。' },
      { value: 'continue', en: 'Carry on with the next tasks.', zh: '继续更新后面的任务。' },
    ],
  },
  'deploy.rollback_config.failure_action': {
    values: [
      { value: 'pause', en: 'Stop the rollback and wait (the default).', zh: '暂停回滚并等待（默认）。' },
      { value: 'continue', en: 'Carry on with the next tasks.', zh: '继续回滚后面的任务。' },
    ],
  },
  'deploy.update_config.order': {
    values: [
      { value: 'stop-first', en: 'Stop the old task before starting the new one (the default).', zh: '先停止旧任务，再启动新任务（默认）。' },
      { value: 'start-first', en: 'Start the new task first: no downtime, briefly both run.', zh: '先启动新任务：服务不中断，短时间内新旧并存。' },
    ],
  },
  'deploy.rollback_config.order': {
    values: [
      { value: 'stop-first', en: 'Stop the task before starting the rolled-back one (the default).', zh: '先停止任务，再启动回滚后的任务（默认）。' },
      { value: 'start-first', en: 'Start the rolled-back task first.', zh: '先启动回滚后的任务。' },
    ],
  },
  'service.volumes[].type': {
    values: [
      { value: 'volume', en: 'A named volume (declared under the top-level `volumes`).', zh: '命名卷（在顶层 `volumes` 中声明）。' },
      { value: 'bind', en: 'A file or folder of the host.', zh: '主机上的文件或目录。' },
      { value: 'tmpfs', en: 'An in-memory filesystem.', zh: '内存文件系统。' },
      { value: 'image', en: 'The files of an image, read-only.', zh: '某个镜像中的文件，只读。' },
      { value: 'npipe', en: 'A Windows named pipe.', zh: 'Windows 命名管道。' },
      { value: 'cluster', en: 'A cluster (CSI) volume of Swarm.', zh: 'Swarm 的集群（CSI）卷。' },
    ],
  },
  'service.ports[].mode': {
    values: [
      { value: 'ingress', en: 'Swarm\'s routing mesh: every node answers on the port (the default in Swarm).', zh: 'Swarm 路由网格：每个节点都在该端口上响应（Swarm 中的默认值）。' },
      { value: 'host', en: 'Published only on the node that runs the task.', zh: '只在运行任务的节点上发布。' },
    ],
  },
  'service.ports[].protocol': {
    values: [
      { value: 'tcp', en: 'TCP (the default).', zh: 'TCP 协议（默认）。' },
      { value: 'udp', en: 'UDP.', zh: 'UDP 协议。' },
    ],
  },
  'develop.watch[].action': {
    values: [
      { value: 'sync', en: 'Copy changed files into the running container.', zh: '把变化的文件复制进运行中的容器。' },
      { value: 'rebuild', en: 'Rebuild the image and recreate the container.', zh: '重新构建镜像并重建容器。' },
      { value: 'restart', en: 'Restart the container.', zh: '重启容器。' },
      { value: 'sync+restart', en: 'Copy the files, then restart the container.', zh: '复制文件后重启容器。' },
      { value: 'sync+exec', en: 'Copy the files, then run `exec` in the container.', zh: '复制文件后在容器中运行 `exec`。' },
    ],
  },
  'service.volumes[].bind.propagation': {
    values: ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'].map((value) => ({ value, en: `Mount propagation \`${value}\`.`, zh: `挂载传播方式 \`${value}\`。` })),
  },
  'service.volumes[].bind.recursive': {
    values: [
      { value: 'enabled', en: 'Submounts are mounted too, read-only when the mount is (the default).', zh: '子挂载一同挂载；主挂载只读时子挂载也只读（默认）。' },
      { value: 'disabled', en: 'Submounts are left out.', zh: '不挂载子挂载。' },
      { value: 'writable', en: 'Submounts stay writable even on a read-only mount.', zh: '即使主挂载只读，子挂载仍可写。' },
      { value: 'readonly', en: 'Submounts are forced read-only.', zh: '子挂载强制只读。' },
    ],
  },
  'service.volumes[].bind.selinux': {
    values: [
      { value: 'z', en: 'Shared label: several containers may use the content.', zh: '共享标签：多个容器可共用该内容。' },
      { value: 'Z', en: 'Private label: only this container may use it.', zh: '私有标签：只有该容器可以使用。' },
    ],
  },
  'service.cgroup': {
    values: [
      { value: 'private', en: 'A cgroup namespace of its own.', zh: '独立的 cgroup 命名空间。' },
      { value: 'host', en: 'The host\'s cgroup namespace.', zh: '主机的 cgroup 命名空间。' },
    ],
  },
  'service.env_file[].format': {
    values: [{ value: 'raw', en: 'Read every value literally: no quotes, no interpolation.', zh: '按字面读取每个值：不处理引号，不做插值。' }],
    // Other formats may come from plugins: offered, not enforced.
    open: true,
  },
  'service.logging.driver': {
    values: [
      { value: 'json-file', en: 'JSON files on the host (the default); cap them with `max-size` and `max-file`.', zh: '主机上的 JSON 文件（默认）；用 `max-size` 和 `max-file` 限制大小。' },
      { value: 'local', en: 'Compact files on the host, rotated automatically.', zh: '主机上的紧凑文件，自动轮转。' },
      { value: 'none', en: 'No logs kept.', zh: '不保留日志。' },
      { value: 'syslog', en: 'Send to syslog.', zh: '发送到 syslog。' },
      { value: 'journald', en: 'Send to the systemd journal.', zh: '发送到 systemd 日志（journal）。' },
      { value: 'fluentd', en: 'Send to Fluentd.', zh: '发送到 Fluentd。' },
      { value: 'gelf', en: 'Send to a GELF endpoint (Graylog, Logstash).', zh: '发送到 GELF 端点（Graylog、Logstash）。' },
      { value: 'awslogs', en: 'Send to Amazon CloudWatch Logs.', zh: '发送到 Amazon CloudWatch Logs。' },
    ],
    open: true,
  },
  'network.driver': {
    values: [
      { value: 'bridge', en: 'A private network on one host (the default with `docker compose`).', zh: '单台主机上的私有网络（`docker compose` 的默认值）。' },
      { value: 'overlay', en: 'A network spanning the nodes of a Swarm (the default with `docker stack deploy`).', zh: '跨越 Swarm 各节点的网络（`docker stack deploy` 的默认值）。' },
      { value: 'host', en: 'The host\'s own network stack.', zh: '主机自身的网络栈。' },
      { value: 'none', en: 'No networking.', zh: '没有网络。' },
      { value: 'macvlan', en: 'Containers appear as physical devices on the host\'s network.', zh: '容器在主机所在网络中表现为独立的物理设备。' },
      { value: 'ipvlan', en: 'Containers share the host interface\'s MAC address, with their own IPs.', zh: '容器共享主机网卡的 MAC 地址，但拥有各自的 IP。' },
    ],
    open: true,
  },
  'volume.driver': {
    values: [{ value: 'local', en: 'Stored on the host (the default); `driver_opts` can mount NFS or a device.', zh: '存放在主机上（默认）；可用 `driver_opts` 挂载 NFS 或设备。' }],
    open: true,
  },
};

import type { Localized } from '../../common/localized';

/**
 * Whole blocks offered where they fit. `body` lines after the first are written relative to the
 * block's own indentation (`\n` + two spaces per level); the completion adds the cursor's column.
 * Snippet syntax: `${1:placeholder}`, `$0`.
 */
export interface BlockSnippet {
  label: string;
  detail: Localized;
  body: string;
}

/** Entries of a list, by the definition of its items: offered on `- ` in that list. */
export const itemSnippets: Readonly<Record<string, readonly BlockSnippet[]>> = {
  V1Container: [
    {
      label: 'container',
      detail: { en: 'Container with image, port and resources', zh: '包含镜像、端口和资源设置的容器' },
      body: 'name: ${1:app}\nimage: ${2:image}:${3:tag}\nports:\n  - containerPort: ${4:8080}\n    name: http\nresources:\n  requests:\n    cpu: ${5:100m}\n    memory: ${6:128Mi}\n  limits:\n    memory: ${7:256Mi}$0',
    },
  ],
  V1ContainerPort: [
    { label: 'container port', detail: { en: 'Named container port', zh: '带名称的容器端口' }, body: 'containerPort: ${1:8080}\nname: ${2:http}\nprotocol: ${3:TCP}$0' },
  ],
  V1EnvVar: [
    { label: 'env var', detail: { en: 'Environment variable with a value', zh: '直接赋值的环境变量' }, body: 'name: ${1:NAME}\nvalue: "${2:value}"$0' },
    { label: 'env var from Secret', detail: { en: 'Environment variable read from a Secret key', zh: '从 Secret 的键读取的环境变量' }, body: 'name: ${1:NAME}\nvalueFrom:\n  secretKeyRef:\n    name: ${2:secret-name}\n    key: ${3:key}$0' },
    { label: 'env var from ConfigMap', detail: { en: 'Environment variable read from a ConfigMap key', zh: '从 ConfigMap 的键读取的环境变量' }, body: 'name: ${1:NAME}\nvalueFrom:\n  configMapKeyRef:\n    name: ${2:configmap-name}\n    key: ${3:key}$0' },
    { label: 'env var from field', detail: { en: 'Environment variable from a Pod field (downward API)', zh: '取自 Pod 字段的环境变量（Downward API）' }, body: 'name: ${1:POD_NAME}\nvalueFrom:\n  fieldRef:\n    fieldPath: ${2:metadata.name}$0' },
  ],
  V1Volume: [
    { label: 'volume: configMap', detail: { en: 'Volume with the keys of a ConfigMap as files', zh: '把 ConfigMap 的键作为文件的卷' }, body: 'name: ${1:config}\nconfigMap:\n  name: ${2:configmap-name}$0' },
    { label: 'volume: secret', detail: { en: 'Volume with the keys of a Secret as files', zh: '把 Secret 的键作为文件的卷' }, body: 'name: ${1:secret}\nsecret:\n  secretName: ${2:secret-name}$0' },
    { label: 'volume: emptyDir', detail: { en: 'Scratch directory that lives as long as the Pod', zh: '与 Pod 同生命周期的临时目录' }, body: 'name: ${1:tmp}\nemptyDir: {}$0' },
    { label: 'volume: persistentVolumeClaim', detail: { en: 'Volume backed by a PersistentVolumeClaim', zh: '由 PersistentVolumeClaim 提供的卷' }, body: 'name: ${1:data}\npersistentVolumeClaim:\n  claimName: ${2:claim-name}$0' },
  ],
  V1VolumeMount: [
    { label: 'volumeMount', detail: { en: 'Mount a volume of the Pod into the container', zh: '把 Pod 的卷挂载到容器中' }, body: 'name: ${1:data}\nmountPath: ${2:/data}$0' },
  ],
  V1ServicePort: [
    { label: 'service port', detail: { en: 'Service port forwarding to a container port', zh: '转发到容器端口的 Service 端口' }, body: 'name: ${1:http}\nport: ${2:80}\ntargetPort: ${3:8080}\nprotocol: TCP$0' },
  ],
  V1Toleration: [
    { label: 'toleration', detail: { en: 'Tolerate a node taint', zh: '容忍节点污点' }, body: 'key: ${1:key}\noperator: ${2|Equal,Exists|}\nvalue: ${3:value}\neffect: ${4|NoSchedule,PreferNoSchedule,NoExecute|}$0' },
  ],
  V1IngressRule: [
    { label: 'ingress rule', detail: { en: 'Host with one path routed to a Service', zh: '把某个主机的一个路径路由到 Service' }, body: 'host: ${1:app.example.com}\nhttp:\n  paths:\n    - path: ${2:/}\n      pathType: ${3|Prefix,Exact,ImplementationSpecific|}\n      backend:\n        service:\n          name: ${4:service-name}\n          port:\n            number: ${5:80}$0' },
  ],
  V2MetricSpec: [
    { label: 'metric: CPU utilization', detail: { en: 'Scale on average CPU use relative to requests', zh: '按相对于 requests 的平均 CPU 利用率伸缩' }, body: 'type: Resource\nresource:\n  name: cpu\n  target:\n    type: Utilization\n    averageUtilization: ${1:70}$0' },
    { label: 'metric: memory utilization', detail: { en: 'Scale on average memory use relative to requests', zh: '按相对于 requests 的平均内存利用率伸缩' }, body: 'type: Resource\nresource:\n  name: memory\n  target:\n    type: Utilization\n    averageUtilization: ${1:80}$0' },
  ],
  V1PolicyRule: [
    { label: 'rule', detail: { en: 'Permission on resources of an API group', zh: '对某个 API 组资源的权限' }, body: 'apiGroups: ["${1}"]\nresources: ["${2:pods}"]\nverbs: ["get", "list", "watch"]$0' },
  ],
};

/** Alternatives for a key, by `Definition.field`: offered next to the plain key. */
export const keySnippets: Readonly<Record<string, readonly BlockSnippet[]>> = {
  'V1Container.livenessProbe': probeSnippets('livenessProbe'),
  'V1Container.readinessProbe': probeSnippets('readinessProbe'),
  'V1Container.startupProbe': probeSnippets('startupProbe'),
  'V1Container.resources': [
    { label: 'resources (requests and limits)', detail: { en: 'CPU and memory requests and a memory limit', zh: 'CPU 和内存的请求量以及内存上限' }, body: 'resources:\n  requests:\n    cpu: ${1:100m}\n    memory: ${2:128Mi}\n  limits:\n    memory: ${3:256Mi}$0' },
  ],
  'V1Container.securityContext': [
    { label: 'securityContext (restricted)', detail: { en: 'Non-root, read-only root, no privilege escalation, no capabilities', zh: '非 root、只读根文件系统、禁止提权、去掉所有能力' }, body: 'securityContext:\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false\n  readOnlyRootFilesystem: true\n  capabilities:\n    drop: ["ALL"]\n  seccompProfile:\n    type: RuntimeDefault$0' },
  ],
  'V1DeploymentSpec.strategy': [
    { label: 'strategy (rolling update)', detail: { en: 'Rolling update with surge and unavailability limits', zh: '带 maxSurge 和 maxUnavailable 的滚动更新' }, body: 'strategy:\n  type: RollingUpdate\n  rollingUpdate:\n    maxSurge: ${1:25%}\n    maxUnavailable: ${2:0}$0' },
  ],
  'V1DeploymentSpec.selector': selectorSnippet(),
  'V1StatefulSetSpec.selector': selectorSnippet(),
  'V1DaemonSetSpec.selector': selectorSnippet(),
  'V1ReplicaSetSpec.selector': selectorSnippet(),
};

function probeSnippets(key: string): BlockSnippet[] {
  return [
    { label: `${key} (httpGet)`, detail: { en: 'HTTP GET probe', zh: 'HTTP GET 探针' }, body: `${key}:\n  httpGet:\n    path: \${1:/healthz}\n    port: \${2:8080}\n  initialDelaySeconds: \${3:5}\n  periodSeconds: \${4:10}$0` },
    { label: `${key} (tcpSocket)`, detail: { en: 'TCP connect probe', zh: 'TCP 连接探针' }, body: `${key}:\n  tcpSocket:\n    port: \${1:8080}\n  periodSeconds: \${2:10}$0` },
    { label: `${key} (exec)`, detail: { en: 'Command probe', zh: '命令探针' }, body: `${key}:\n  exec:\n    command: ["\${1:cat}", "\${2:/tmp/healthy}"]\n  periodSeconds: \${3:10}$0` },
  ];
}

function selectorSnippet(): BlockSnippet[] {
  return [{ label: 'selector (matchLabels)', detail: { en: 'Select Pods by the app.kubernetes.io/name label', zh: '按 app.kubernetes.io/name 标签选择 Pod' }, body: 'selector:\n  matchLabels:\n    app.kubernetes.io/name: ${1:app}$0' }];
}

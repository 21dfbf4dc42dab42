// Generates snippets/kubernetes.json (VS Code snippet format). Written as code so that every workload
// shares one hardened pod template instead of eight hand-copied ones drifting apart.
// Run: node scripts/build-kubernetes-snippets.mjs   (`--check` fails when the JSON is stale; the unit
// tests run it). The server offers these snippets as completions (server/src/kubernetes/snippets.ts).
//
// In the templates below `%{` stands for the snippet syntax `${` (which a JS template literal would eat).
// Tab stop 1 is always the object name; it is repeated (as `$1`) in labels, selectors and the default image
// so they match.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './generated-file.mjs';

const NAME = '%{1:my-app}';
// The image's default repeats the name's tab stop: typing the name fills in the image as well, and the
// image stays a tab stop of its own for a real registry and tag.
const IMAGE_DEFAULT = 'registry.example.com/$1:1.0.0';

function indent(text, spaces) {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => (line === '' ? line : pad + line)).join('\n');
}

function metadata() {
  return `metadata:
  name: ${NAME}
  labels:
    app.kubernetes.io/name: $1`;
}

/**
 * The hardened container: pinned image, a named port the probes use, requests and limits,
 * liveness/readiness probes, and a security context that passes restricted Pod Security.
 * `t` is the first free tab stop; returns the text and the next free tab stop.
 */
function container(t, { port = true, probes = true, command = false, dataVolume = false } = {}) {
  let n = t;
  const image = `image: %{${n++}:${IMAGE_DEFAULT}}`;
  const lines = [`- name: $1`, `  ${image}`, '  imagePullPolicy: IfNotPresent'];
  if (command) lines.push('  command:', `    - %{${n++}:/app/run-task}`);
  let portTab;
  if (port) {
    portTab = n++;
    lines.push('  ports:', '    - name: http', `      containerPort: %{${portTab}:8080}`, '      protocol: TCP');
  }
  const cpu = n++;
  const memory = n++;
  const cpuLimit = n++;
  lines.push(
    '  resources:',
    '    requests:',
    `      cpu: %{${cpu}:100m}`,
    `      memory: %{${memory}:128Mi}`,
    '    limits:',
    `      cpu: %{${cpuLimit}:500m}`,
    // Same tab stop as the request: a memory limit above the request invites OOM kills under pressure.
    `      memory: $${memory}`,
  );
  if (probes) {
    const live = n++;
    const ready = n++;
    lines.push(
      '  livenessProbe:',
      '    httpGet:',
      `      path: %{${live}:/healthz}`,
      '      port: http',
      '    initialDelaySeconds: 10',
      '    periodSeconds: 10',
      '    timeoutSeconds: 2',
      '    failureThreshold: 3',
      '  readinessProbe:',
      '    httpGet:',
      `      path: %{${ready}:/readyz}`,
      '      port: http',
      '    periodSeconds: 5',
      '    timeoutSeconds: 2',
      '    failureThreshold: 3',
    );
  }
  lines.push(
    '  securityContext:',
    '    allowPrivilegeEscalation: false',
    '    readOnlyRootFilesystem: true',
    '    runAsNonRoot: true',
    '    runAsUser: 10001',
    '    runAsGroup: 10001',
    '    capabilities:',
    '      drop:',
    '        - ALL',
    '  volumeMounts:',
    // A read-only root filesystem still needs somewhere to write temporary files.
    '    - name: tmp',
    '      mountPath: /tmp',
  );
  if (dataVolume) lines.push('    - name: data', `      mountPath: %{${n++}:/var/lib/my-app}`);
  return { text: lines.join('\n'), next: n };
}

/** Pod-level settings shared by every workload; `extra` lines go first (restartPolicy, affinity…). */
function podSpec(t, { extra = [], containerOptions = {}, volumes = true } = {}) {
  const c = container(t, containerOptions);
  const lines = [
    ...extra,
    'automountServiceAccountToken: false',
    'securityContext:',
    '  runAsNonRoot: true',
    '  runAsUser: 10001',
    '  runAsGroup: 10001',
    '  fsGroup: 10001',
    '  seccompProfile:',
    '    type: RuntimeDefault',
    'containers:',
    indent(c.text, 2),
  ];
  if (volumes) lines.push('volumes:', '  - name: tmp', '    emptyDir: {}');
  return { text: lines.join('\n'), next: c.next };
}

/** Soft anti-affinity on the hostname: replicas spread over nodes when there are nodes to spread over. */
const antiAffinity = [
  'affinity:',
  '  podAntiAffinity:',
  '    preferredDuringSchedulingIgnoredDuringExecution:',
  '      - weight: 100',
  '        podAffinityTerm:',
  '          topologyKey: kubernetes.io/hostname',
  '          labelSelector:',
  '            matchLabels:',
  '              app.kubernetes.io/name: $1',
];

function podTemplate(t, options) {
  const spec = podSpec(t, options);
  return {
    text: `template:
  metadata:
    labels:
      app.kubernetes.io/name: $1
  spec:
${indent(spec.text, 4)}`,
    next: spec.next,
  };
}

const matchLabelsSelector = `selector:
  matchLabels:
    app.kubernetes.io/name: $1`;

function deployment(t = 2) {
  const replicas = t;
  const template = podTemplate(t + 1, { extra: antiAffinity });
  return {
    text: `apiVersion: apps/v1
kind: Deployment
${metadata()}
spec:
  replicas: %{${replicas}:2}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
${indent(matchLabelsSelector, 2)}
${indent(template.text, 2)}`,
    next: template.next,
  };
}

function service({ type = 'ClusterIP', t = 2, targetPort = 'http', headless = false } = {}) {
  let n = t;
  const typeLine = headless ? '  clusterIP: None' : `  type: ${type}`;
  const port = n++;
  const lines = [
    'apiVersion: v1',
    'kind: Service',
    metadata(),
    'spec:',
    typeLine,
    '  selector:',
    '    app.kubernetes.io/name: $1',
    '  ports:',
    '    - name: http',
    `      port: %{${port}:80}`,
    `      targetPort: ${targetPort}`,
    '      protocol: TCP',
  ];
  if (type === 'NodePort') lines.push(`      nodePort: %{${n++}:30080}`);
  if (type === 'LoadBalancer') {
    // Keeps the client source address and avoids a second hop; needs ready pods on the node.
    lines.splice(5, 0, `  externalTrafficPolicy: %{${n++}|Local,Cluster|}`);
  }
  return { text: lines.join('\n'), next: n };
}

const snippets = {};

function add(name, prefix, description, body) {
  snippets[name] = { prefix, description, body: `${body}\n$0`.replaceAll('%{', '${').split('\n') };
}

add('Deployment', ['deployment', 'k8s-deployment', 'deploy'],
  'Deployment with a hardened pod template (probes, resources, non-root) / 带加固 Pod 模板（探针、资源限制、非 root）的 Deployment',
  deployment().text);

add('Deployment with Service', ['deployment-service', 'k8s-deployment-service', 'deploy-svc', 'app'],
  'Deployment with Service / 带 Service 的 Deployment',
  (() => {
    const d = deployment();
    return `${d.text}\n---\n${service({ t: d.next }).text}`;
  })());

add('DaemonSet', ['daemonset', 'k8s-daemonset', 'ds'],
  'DaemonSet: one hardened pod per node / DaemonSet：每个节点运行一个加固的 Pod',
  (() => {
    const template = podTemplate(2);
    return `apiVersion: apps/v1
kind: DaemonSet
${metadata()}
spec:
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 1
${indent(matchLabelsSelector, 2)}
${indent(template.text, 2)}`;
  })());

add('StatefulSet with headless Service', ['statefulset', 'k8s-statefulset', 'sts'],
  'StatefulSet with its headless Service and a volume per pod / StatefulSet 及其无头 Service，每个 Pod 一个数据卷',
  (() => {
    const svc = service({ headless: true, t: 2 });
    const replicas = svc.next;
    const template = podTemplate(replicas + 1, { extra: antiAffinity, containerOptions: { dataVolume: true } });
    const storage = template.next;
    return `${svc.text}
---
apiVersion: apps/v1
kind: StatefulSet
${metadata()}
spec:
  serviceName: $1
  replicas: %{${replicas}:3}
  podManagementPolicy: OrderedReady
  updateStrategy:
    type: RollingUpdate
${indent(matchLabelsSelector, 2)}
${indent(template.text, 2)}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes:
          - ReadWriteOnce
        resources:
          requests:
            storage: %{${storage}:1Gi}`;
  })());

add('ReplicaSet', ['replicaset', 'k8s-replicaset', 'rs'],
  'ReplicaSet (prefer a Deployment, which manages ReplicaSets for you) / ReplicaSet（建议改用 Deployment，它会替你管理 ReplicaSet）',
  (() => {
    const template = podTemplate(3, { extra: antiAffinity });
    return `apiVersion: apps/v1
kind: ReplicaSet
${metadata()}
spec:
  replicas: %{2:2}
${indent(matchLabelsSelector, 2)}
${indent(template.text, 2)}`;
  })());

add('ReplicationController', ['replicationcontroller', 'k8s-replicationcontroller', 'rc'],
  'ReplicationController (legacy; prefer a Deployment) / ReplicationController（旧式对象，建议改用 Deployment）',
  (() => {
    const template = podTemplate(3, { extra: antiAffinity });
    return `apiVersion: v1
kind: ReplicationController
${metadata()}
spec:
  replicas: %{2:2}
  selector:
    app.kubernetes.io/name: $1
${indent(template.text, 2)}`;
  })());

function jobSpec(t) {
  const template = podTemplate(t + 3, {
    extra: [`restartPolicy: %{${t + 2}|Never,OnFailure|}`],
    containerOptions: { port: false, probes: false, command: true },
  });
  return {
    text: `backoffLimit: %{${t}:3}
activeDeadlineSeconds: %{${t + 1}:600}
# Finished Jobs and their pods are deleted after an hour instead of piling up.
ttlSecondsAfterFinished: 3600
${template.text}`,
    next: template.next,
  };
}

add('Job', ['job', 'k8s-job'],
  'Job that runs a task to completion and cleans up after itself / 运行任务直至完成并自动清理的 Job',
  `apiVersion: batch/v1
kind: Job
${metadata()}
spec:
${indent(jobSpec(2).text, 2)}`);

add('CronJob', ['cronjob', 'k8s-cronjob', 'cj'],
  'CronJob on a schedule, without overlapping runs / 按计划运行且不重叠执行的 CronJob',
  `apiVersion: batch/v1
kind: CronJob
${metadata()}
spec:
  schedule: "%{2:0 3 * * *}"
  timeZone: %{3:Etc/UTC}
  concurrencyPolicy: %{4|Forbid,Replace,Allow|}
  startingDeadlineSeconds: 300
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    metadata:
      labels:
        app.kubernetes.io/name: $1
    spec:
${indent(jobSpec(5).text, 6)}`);

add('HorizontalPodAutoscaler', ['hpa', 'k8s-hpa', 'horizontalpodautoscaler'],
  'HorizontalPodAutoscaler (autoscaling/v2) on CPU utilisation / 基于 CPU 利用率的 HorizontalPodAutoscaler（autoscaling/v2）',
  `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
${metadata()}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: %{2|Deployment,StatefulSet|}
    name: $1
  minReplicas: %{3:2}
  maxReplicas: %{4:10}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: %{5:70}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 300`);

add('Pod', ['pod', 'k8s-pod', 'po'],
  'Pod with a hardened container (for tests and debugging; run apps with a Deployment) / 带加固容器的 Pod（用于测试和调试，应用请用 Deployment 运行）',
  `apiVersion: v1
kind: Pod
${metadata()}
spec:
${indent(podSpec(2).text, 2)}`);

add('Service (ClusterIP)', ['service', 'svc', 'k8s-service', 'service-clusterip'],
  'Service (ClusterIP) in front of pods labelled with its name / 指向同名标签 Pod 的 ClusterIP Service',
  service().text);

add('Service (NodePort)', ['service-nodeport', 'svc-nodeport', 'nodeport', 'k8s-service-nodeport'],
  'Service (NodePort) reachable on every node / 可在每个节点上访问的 NodePort Service',
  service({ type: 'NodePort' }).text);

add('Service (LoadBalancer)', ['service-loadbalancer', 'svc-loadbalancer', 'loadbalancer', 'k8s-service-loadbalancer'],
  'Service (LoadBalancer) exposed through the cloud load balancer / 通过云负载均衡器对外暴露的 LoadBalancer Service',
  service({ type: 'LoadBalancer' }).text);

add('Service (headless)', ['service-headless', 'svc-headless', 'headless', 'k8s-service-headless'],
  'Headless Service (clusterIP: None) giving each pod a DNS name / 为每个 Pod 提供 DNS 名称的无头 Service（clusterIP: None）',
  service({ headless: true }).text);

add('Ingress', ['ingress', 'ing', 'k8s-ingress'],
  'Ingress (networking.k8s.io/v1) with TLS routing a host to a Service / 带 TLS、将域名路由到 Service 的 Ingress（networking.k8s.io/v1）',
  `apiVersion: networking.k8s.io/v1
kind: Ingress
${metadata()}
spec:
  ingressClassName: %{2:nginx}
  tls:
    - hosts:
        - %{3:app.example.com}
      secretName: $1-tls
  rules:
    - host: $3
      http:
        paths:
          - path: %{4:/}
            pathType: %{5|Prefix,Exact,ImplementationSpecific|}
            backend:
              service:
                name: $1
                port:
                  name: http`);

// OpenShift. DeploymentConfig is deprecated (OpenShift 4.14): offered for existing code bases, with the note in the text.
add('OpenShift DeploymentConfig', ['deploymentconfig', 'openshift-deploymentconfig', 'dc'],
  'OpenShift DeploymentConfig (deprecated since OpenShift 4.14; prefer a Deployment) / OpenShift DeploymentConfig（自 OpenShift 4.14 起已弃用，建议改用 Deployment）',
  (() => {
    const template = podTemplate(3, { extra: antiAffinity });
    return `# Deprecated since OpenShift 4.14: prefer an apps/v1 Deployment (image triggers: the image.openshift.io/triggers annotation).
apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
${metadata()}
spec:
  replicas: %{2:2}
  revisionHistoryLimit: 5
  selector:
    app.kubernetes.io/name: $1
  strategy:
    type: Rolling
  triggers:
    - type: ConfigChange
${indent(template.text, 2)}`;
  })());

add('OpenShift Route', ['route', 'openshift-route'],
  'OpenShift Route exposing a Service over HTTPS (edge TLS) / 通过 HTTPS（边缘终止 TLS）暴露 Service 的 OpenShift Route',
  `apiVersion: route.openshift.io/v1
kind: Route
${metadata()}
spec:
  host: %{2:app.apps.example.com}
  to:
    kind: Service
    name: $1
    weight: 100
  port:
    targetPort: http
  tls:
    termination: %{3|edge,reencrypt,passthrough|}
    insecureEdgeTerminationPolicy: Redirect`);

add('OpenShift BuildConfig with ImageStream', ['buildconfig', 'openshift-buildconfig', 'bc'],
  'OpenShift BuildConfig (Docker strategy from Git) pushing to its ImageStream / 从 Git 以 Docker 策略构建并推送到其 ImageStream 的 OpenShift BuildConfig',
  `apiVersion: image.openshift.io/v1
kind: ImageStream
${metadata()}
---
apiVersion: build.openshift.io/v1
kind: BuildConfig
${metadata()}
spec:
  source:
    type: Git
    git:
      uri: %{2:https://git.example.com/team/my-app.git}
      ref: %{3:main}
  strategy:
    type: Docker
    dockerStrategy:
      dockerfilePath: Dockerfile
  output:
    to:
      kind: ImageStreamTag
      name: $1:latest
  triggers:
    - type: ConfigChange
  runPolicy: Serial`);

add('ConfigMap', ['configmap', 'cm', 'k8s-configmap'],
  'ConfigMap with a key and a file / 包含键值和文件的 ConfigMap',
  `apiVersion: v1
kind: ConfigMap
${metadata()}
data:
  %{2:LOG_LEVEL}: "%{3:info}"
  %{4:app.properties}: |
    %{5:feature.enabled=true}`);

add('Secret', ['secret', 'k8s-secret'],
  'Secret (Opaque) written as stringData; keep real values out of Git / 使用 stringData 的 Opaque Secret（不要把真实值提交到 Git）',
  `apiVersion: v1
kind: Secret
${metadata()}
type: Opaque
stringData:
  %{2:username}: "%{3:app}"
  %{4:password}: "%{5:change-me}"`);

add('PersistentVolumeClaim', ['persistentvolumeclaim', 'pvc', 'k8s-pvc'],
  'PersistentVolumeClaim for the default storage class / 使用默认存储类的 PersistentVolumeClaim',
  `apiVersion: v1
kind: PersistentVolumeClaim
${metadata()}
spec:
  accessModes:
    - %{2|ReadWriteOnce,ReadWriteOncePod,ReadWriteMany,ReadOnlyMany|}
  volumeMode: Filesystem
  resources:
    requests:
      storage: %{3:10Gi}`);

add('Namespace', ['namespace', 'ns', 'k8s-namespace'],
  'Namespace that enforces a Pod Security Standard / 强制执行 Pod 安全标准的 Namespace',
  `apiVersion: v1
kind: Namespace
metadata:
  name: %{1:my-namespace}
  labels:
    app.kubernetes.io/name: $1
    pod-security.kubernetes.io/enforce: %{2|restricted,baseline,privileged|}
    pod-security.kubernetes.io/enforce-version: latest
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: restricted`);

add('ServiceAccount', ['serviceaccount', 'sa', 'k8s-serviceaccount'],
  'ServiceAccount that does not mount its token unless a pod asks / 默认不挂载令牌的 ServiceAccount',
  `apiVersion: v1
kind: ServiceAccount
${metadata()}
automountServiceAccountToken: false`);

function rbac(cluster) {
  const role = cluster ? 'ClusterRole' : 'Role';
  const binding = cluster ? 'ClusterRoleBinding' : 'RoleBinding';
  const resource = cluster ? '%{2:namespaces}' : '%{2:configmaps}';
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ${role}
${metadata()}
rules:
  - apiGroups:
      - "%{3:}"
    resources:
      - ${resource}
    verbs:
      - get
      - list
      - watch
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ${binding}
${metadata()}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${role}
  name: $1
subjects:
  - kind: ServiceAccount
    name: %{4:my-app}
    namespace: %{5:default}`;
}

add('Role and RoleBinding', ['role', 'rolebinding', 'k8s-role', 'k8s-rolebinding'],
  'Role with least-privilege rules, bound to a ServiceAccount / 最小权限的 Role，并绑定到 ServiceAccount',
  rbac(false));

add('ClusterRole and ClusterRoleBinding', ['clusterrole', 'clusterrolebinding', 'k8s-clusterrole', 'k8s-clusterrolebinding'],
  'ClusterRole with read-only rules, bound to a ServiceAccount / 只读权限的 ClusterRole，并绑定到 ServiceAccount',
  rbac(true));

add('NetworkPolicy', ['networkpolicy', 'netpol', 'k8s-networkpolicy'],
  'NetworkPolicy allowing traffic to the app only from chosen pods / 只允许指定 Pod 访问应用的 NetworkPolicy',
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
${metadata()}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: $1
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: %{2:frontend}
      ports:
        - protocol: TCP
          port: %{3:8080}`);

add('NetworkPolicy (default deny)', ['networkpolicy-deny', 'netpol-deny', 'default-deny', 'k8s-networkpolicy-deny'],
  'NetworkPolicy denying all ingress and egress (DNS too) for every pod of the namespace / 拒绝命名空间内所有 Pod 全部入站和出站流量（包括 DNS）的 NetworkPolicy',
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: %{1:default-deny-all}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress`);

add('PodDisruptionBudget', ['poddisruptionbudget', 'pdb', 'k8s-pdb'],
  'PodDisruptionBudget keeping the app available during node drains / 在节点排空时保持应用可用的 PodDisruptionBudget',
  `apiVersion: policy/v1
kind: PodDisruptionBudget
${metadata()}
spec:
  maxUnavailable: %{2:1}
  unhealthyPodEvictionPolicy: AlwaysAllow
${indent(matchLabelsSelector, 2)}`);

export function kubernetesSnippetsJson() {
  return `${JSON.stringify(snippets, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeOrCheck(join(dirname(fileURLToPath(import.meta.url)), '..', 'snippets', 'kubernetes.json'), kubernetesSnippetsJson(), 'node scripts/build-kubernetes-snippets.mjs');
}

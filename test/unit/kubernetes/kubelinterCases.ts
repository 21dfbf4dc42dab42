// The conformance cases of kube-linter's opt-in checks (one positive, one negative each), shared
// by kubelinter-optin.test.ts and the every-rule-has-a-case test of rules-meaning.test.ts.

export const deploy = (name: string, podSpec: string, extra = { meta: '', spec: '' }) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}${extra.meta}
spec:${extra.spec}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${podSpec}      containers:
        - name: app
          image: nginx:1.27
`;

export const role = (kind: 'Role' | 'ClusterRole', name: string, rules: string, labels = '') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ${name}${kind === 'Role' ? '\n  namespace: dev' : ''}${labels}
rules:
${rules}`;

export const binding = (kind: 'RoleBinding' | 'ClusterRoleBinding', roleKind: string, roleName: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b-${roleName}${kind === 'RoleBinding' ? '\n  namespace: dev' : ''}
subjects:
  - kind: ServiceAccount
    name: robot
    namespace: dev
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${roleName}
`;

export const docs = (...parts: string[]) => parts.join('---\n');

export interface Conformance { rule: string; alias: string; positive: string; negative: string; count?: number }

export const kubeLinterOptInCases: Conformance[] = [
  {
    rule: 'rbac-can-create-pods', alias: 'access-to-create-pods',
    positive: docs(role('Role', 'maker', '  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get", "create"]\n'), binding('RoleBinding', 'Role', 'maker')),
    negative: docs(role('Role', 'reader', '  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get"]\n'), binding('RoleBinding', 'Role', 'reader')),
  },
  {
    rule: 'rbac-can-read-secrets', alias: 'access-to-secrets',
    positive: docs(role('ClusterRole', 'peek', '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["list"]\n'), binding('ClusterRoleBinding', 'ClusterRole', 'peek')),
    negative: docs(role('ClusterRole', 'cm', '  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["list"]\n'), binding('ClusterRoleBinding', 'ClusterRole', 'cm')),
  },
  {
    rule: 'rbac-cluster-admin-bound', alias: 'cluster-admin-role-binding',
    positive: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'),
    negative: binding('ClusterRoleBinding', 'ClusterRole', 'view'),
  },
  {
    rule: 'rbac-wildcard', alias: 'wildcard-in-rules', count: 2,
    positive: role('ClusterRole', 'all', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n'),
    negative: role('ClusterRole', 'some', '  - apiGroups: ["*"]\n    resources: ["pods"]\n    verbs: ["get"]\n'),
  },
  {
    rule: 'default-service-account-used', alias: 'default-service-account',
    positive: deploy('a', '      serviceAccountName: default\n'),
    negative: deploy('a', '      serviceAccountName: app\n'),
  },
  {
    rule: 'network-policy-peer-selects-nothing', alias: 'dangling-networkpolicypeer-podselector',
    positive: docs(deploy('web', ''), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: frontend\n'),
    negative: docs(deploy('web', ''), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector:\n            matchExpressions:\n              - {key: app, operator: In, values: [web]}\n        - namespaceSelector: {}\n          podSelector:\n            matchLabels:\n              app: elsewhere\n'),
  },
  {
    rule: 'service-monitor-selects-nothing', alias: 'dangling-servicemonitor',
    positive: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app1\n  labels:\n    app.kubernetes.io/name: app1\nspec:\n  ports: [{port: 80}]\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: m\nspec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: app\n',
    negative: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: app1\n  namespace: mon\n  labels:\n    app.kubernetes.io/name: app1\nspec:\n  ports: [{port: 80}]\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: m\nspec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: app1\n  namespaceSelector:\n    matchNames: [mon]\n',
  },
  {
    rule: 'dns-config-option-missing', alias: 'dnsconfig-options',
    positive: deploy('a', '      dnsConfig:\n        options:\n          - name: ndots\n            value: "5"\n'),
    negative: deploy('a', '      dnsConfig:\n        options:\n          - name: ndots\n            value: "2"\n'),
  },
  {
    rule: 'env-reference-missing', alias: 'env-value-from',
    positive: docs('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      env:\n        - name: B\n          valueFrom:\n            configMapKeyRef: {name: cfg, key: b}\n        - name: S\n          valueFrom:\n            secretKeyRef: {name: nowhere, key: x}\n'),
    negative: docs('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      env:\n        - name: A\n          valueFrom:\n            configMapKeyRef: {name: cfg, key: a}\n        - name: S\n          valueFrom:\n            secretKeyRef: {name: nowhere, key: x, optional: true}\n'),
    count: 2,
  },
  {
    rule: 'service-type-exposed', alias: 'exposed-services',
    positive: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  ports: [{port: 80}]\n',
    negative: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: ClusterIP\n  ports: [{port: 80}]\n',
  },
  {
    rule: 'hpa-min-replicas-low', alias: 'hpa-minimum-three-replicas',
    positive: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: a}\n  maxReplicas: 5\n',
    negative: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: a}\n  minReplicas: 3\n  maxReplicas: 5\n',
  },
  {
    rule: 'replicas-below-three', alias: 'minimum-three-replicas',
    positive: deploy('a', '', { meta: '', spec: '\n  replicas: 2' }),
    negative: deploy('a', '', { meta: '', spec: '\n  replicas: 3' }),
  },
  {
    rule: 'node-affinity-missing', alias: 'no-node-affinity',
    positive: deploy('a', '      affinity:\n        podAntiAffinity: {}\n'),
    negative: deploy('a', '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions: [{key: pool, operator: In, values: [web]}]\n'),
  },
  {
    rule: 'update-strategy-not-rolling', alias: 'no-rolling-update-strategy',
    positive: deploy('a', '', { meta: '', spec: '\n  strategy:\n    type: Recreate' }),
    negative: deploy('a', '', { meta: '', spec: '\n  strategy:\n    type: RollingUpdate' }),
  },
  {
    rule: 'pod-not-isolated', alias: 'non-isolated-pod',
    positive: docs(deploy('web', ''), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n    matchLabels:\n      app: other\n'),
    negative: docs(deploy('web', ''), 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: np\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n'),
  },
  {
    rule: 'priority-class-not-accepted', alias: 'priority-class-name',
    positive: deploy('a', '      priorityClassName: ultra\n'),
    negative: deploy('a', '      priorityClassName: system-cluster-critical\n'),
  },
  {
    rule: 'secret-read-into-env', alias: 'read-secret-from-env-var',
    positive: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      env:\n        - name: TOKEN\n          valueFrom:\n            secretKeyRef: {name: s, key: t}\n',
    negative: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      env:\n        - name: MODE\n          valueFrom:\n            configMapKeyRef: {name: s, key: t}\n',
  },
  {
    rule: 'owner-email-annotation-missing', alias: 'required-annotation-email',
    positive: deploy('a', '', { meta: '\n  annotations:\n    email: nobody', spec: '' }),
    negative: deploy('a', '', { meta: '\n  annotations:\n    email: team@example.com', spec: '' }),
  },
  {
    rule: 'owner-label-missing', alias: 'required-label-owner',
    positive: deploy('a', '', { meta: '\n  labels:\n    team: x', spec: '' }),
    negative: deploy('a', '', { meta: '\n  labels:\n    owner: x', spec: '' }),
  },
  {
    rule: 'restart-policy-not-resilient', alias: 'restart-policy',
    positive: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: c\n          image: busybox:1.36\n',
    negative: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n        - name: c\n          image: busybox:1.36\n',
  },
  {
    rule: 'scc-allows-privileged', alias: 'scc-deny-privileged-container',
    positive: 'apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata:\n  name: wide\nallowPrivilegedContainer: true\n',
    negative: 'apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata:\n  name: narrow\nallowPrivilegedContainer: false\n',
  },
  {
    rule: 'keys-not-sorted', alias: 'sorted-keys',
    positive: 'apiVersion: v1\nmetadata:\n  name: c\nkind: ConfigMap\ndata:\n  b: "1"\n  a: "2"\n', count: 2,
    negative: 'apiVersion: v1\ndata:\n  a: "2"\n  b: "1"\nkind: ConfigMap\nmetadata:\n  name: c\n',
  },
  {
    rule: 'proc-mount-unmasked', alias: 'unsafe-proc-mount',
    positive: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      securityContext:\n        procMount: Unmasked\n',
    negative: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n      securityContext:\n        procMount: Default\n',
  },
  {
    rule: 'default-namespace-used', alias: 'use-namespace',
    positive: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: default\nspec:\n  ports: [{port: 80}]\n',
    negative: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: shop\nspec:\n  ports: [{port: 80}]\n',
  },
];


/** Their rule ids: team conventions (owner label, sorted keys, a namespace…) that the suite's good manifest does not follow. */
export const kubeLinterOptInIds: ReadonlySet<string> = new Set(kubeLinterOptInCases.map((c) => c.rule));

/** `.kube-linter.yaml` custom checks run under one rule; its case brings the config file. */
export const kubeLinterCustomCheckCase = {
  rule: 'kube-linter-custom-check',
  positive: deploy('a', ''),
  negative: deploy('a', '', { meta: '\n  labels:\n    team: payments', spec: '' }),
  options: {
    filePath: '/repo/app.yaml',
    files: { readText: (path: string) => (path === '/repo/.kube-linter.yaml' ? 'customChecks:\n  - name: required-label-team\n    template: required-label\n    params: {key: team}\n' : undefined) },
  },
};

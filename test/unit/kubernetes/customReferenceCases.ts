// One case per rule of rules/customReferences.ts (OpenShift and catalog references) and of the target
// release (rules/apiVersions.ts api-version-too-new), for rules-meaning.test.ts. The fuller tests are
// in openshift.test.ts, catalog.test.ts and k8sVersion.test.ts.

const service = (name: string, labels = 'app: web') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels:
    ${labels}
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: 8080
`;

const route = (to: string, port = 'http') => `apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: web
spec:
  to:
    kind: Service
    name: ${to}
  port:
    targetPort: ${port}
`;

const buildConfig = (tag: string) => `apiVersion: build.openshift.io/v1
kind: BuildConfig
metadata:
  name: web
spec:
  strategy:
    type: Docker
    dockerStrategy: {}
  output:
    to:
      kind: ImageStreamTag
      name: ${tag}
`;

const imageStream = `apiVersion: image.openshift.io/v1
kind: ImageStream
metadata:
  name: web
`;

const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: public
spec:
  gatewayClassName: envoy
  listeners:
    - name: http
      protocol: HTTP
      port: 80
`;

const httpRoute = (parent: string, backend: string, port = 80) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
spec:
  parentRefs:
    - name: ${parent}
  rules:
    - backendRefs:
        - name: ${backend}
          port: ${port}
`;

const scaledObject = (target: string) => `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: web
spec:
  scaleTargetRef:
    name: ${target}
  triggers:
    - type: cpu
      metricType: Utilization
      metadata:
        value: "60"
`;

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

const flowSchema = (apiVersion: string) => `apiVersion: ${apiVersion}
kind: FlowSchema
metadata:
  name: x
spec:
  priorityLevelConfiguration:
    name: global-default
`;

export const customReferenceCases = [
  { rule: 'route-service-missing', positive: `${service('web')}---\n${route('api')}`, negative: `${service('web')}---\n${route('web')}` },
  { rule: 'buildconfig-imagestream-missing', positive: buildConfig('web:latest'), negative: `${imageStream}---\n${buildConfig('web:latest')}` },
  { rule: 'gateway-route-parent-missing', positive: `${gateway}---\n${service('web')}---\n${httpRoute('private', 'web')}`, negative: `${gateway}---\n${service('web')}---\n${httpRoute('public', 'web')}` },
  { rule: 'gateway-route-backend-missing', positive: `${gateway}---\n${service('web')}---\n${httpRoute('public', 'api')}`, negative: `${gateway}---\n${service('web')}---\n${httpRoute('public', 'web')}` },
  { rule: 'scaledobject-target-missing', positive: scaledObject('api'), negative: `${deployment}---\n${scaledObject('web')}` },
  {
    rule: 'api-version-too-new',
    positive: flowSchema('flowcontrol.apiserver.k8s.io/v1'),
    negative: flowSchema('flowcontrol.apiserver.k8s.io/v1beta3'),
    // The target release from .stevedore.yaml (kube-linter's spelling): the cases' strict profile replaces settings.
    options: { files: { readText: (path: string) => (path === '/work/.stevedore.yaml' ? 'kubernetes-version: 1.28\n' : undefined) }, filePath: '/work/app.yaml' },
  },
  {
    rule: 'field-too-new',
    positive: deployment.replace('      containers:', '      resources:\n        limits:\n          memory: 1Gi\n      containers:'),
    negative: deployment,
    options: { files: { readText: (path: string) => (path === '/work/.stevedore.yaml' ? 'kubernetesVersion: "1.30"\n' : undefined) }, filePath: '/work/app.yaml' },
  },
];

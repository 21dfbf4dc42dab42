import { composeFor, deployment, runAsNonRoot } from '../unit/kubernetes/imageEdgesKit';

/** Manifests that only make sense together (every cross-file check sees files of the other lanes), with Dockerfiles and Compose between them. */
export function crossFileFixture(): Record<string, string> {
  const files: Record<string, string> = {
    'a-app.yaml': deployment({ image: 'acme/web:1.0', container: runAsNonRoot }),
    'b-guess.yaml': deployment({ image: 'registry.example.com/team/worker:2', container: runAsNonRoot }),
    'compose.yaml': composeFor('acme/web:1.0', './web'),
    'web/Dockerfile': 'FROM alpine:3.20\nUSER root\nEXPOSE 8080\n',
    'worker/Dockerfile': 'FROM alpine:3.20 AS build\nRUN make\nFROM build\nUSER root\n',
    'crd/widgets.yaml': [
      'apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  name: widgets.example.com', 'spec:', '  group: example.com',
      '  names: {kind: Widget, plural: widgets}', '  scope: Namespaced', '  versions:', '    - name: v1', '      served: true', '      storage: true',
      '      schema:', '        openAPIV3Schema:', '          type: object', '          properties:', '            spec:', '              type: object',
      '              properties:', '                size: {type: integer}', '',
    ].join('\n'),
    'zz/widget.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n',
    'kustomize/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\nimages:\n  - name: acme/kustom\n    newTag: "2"\n',
    'kustomize/app.yaml': deployment({ image: 'acme/kustom:1', container: runAsNonRoot }).replace(/name: web/g, 'name: kustom'),
  };
  for (let i = 0; i < 60; i++) {
    // Services whose pods are in a file far away (another lane), and some that select nothing.
    files[`svc/s${String(i).padStart(2, '0')}.yaml`] = `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  selector:\n    app: ${i % 3 === 0 ? `nobody-${i}` : `app-${i}`}\n  ports:\n    - port: 80\n      targetPort: ${i % 4 === 0 ? 'web' : 8080}\n`;
    files[`tools/t${String(i).padStart(2, '0')}/Dockerfile`] = `FROM ubuntu:22.04\nRUN apt-get update && apt-get install curl${i}\nUSER ${i % 2 ? 'root' : '1000'}\n`;
    files[`workloads/w${String(i).padStart(2, '0')}.yaml`] = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: app-${i}`, 'spec:', `  replicas: ${i % 5}`, '  selector:', '    matchLabels:', `      app: app-${i}`,
      '  template:', '    metadata:', '      labels:', `        app: app-${i}`, '    spec:', '      containers:', `        - name: c`, `          image: acme/web:${i % 2 ? '1.0' : '1.1'}`,
      '          envFrom:', `            - configMapRef: {name: ${i % 7 === 0 ? 'missing-config' : 'shared-config'}}`,
      '          ports:', '            - containerPort: 8080', '',
    ].join('\n');
  }
  files['zz/config.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared-config\ndata:\n  key: value\n';
  files['zz/hpa.yaml'] = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app-3}\n  minReplicas: 1\n  maxReplicas: 3\n';
  files['zz/pdb.yaml'] = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels:\n      app: app-1\n';
  return files;
}

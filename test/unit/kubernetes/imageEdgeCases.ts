// One case per rule of rules/imageEdges.ts (checks along the image graph's edges), for
// rules-meaning.test.ts. The fuller tests, per rule and per evidence kind, are in imageEdges.test.ts.
import type { DiagnoseOptions } from './k8sTestKit';
import { composeFor, deployment, runAsNonRoot, workspaceOf } from './imageEdgesKit';

const at = (files: Record<string, string>): DiagnoseOptions => ({ workspace: workspaceOf({ 'compose.yaml': composeFor(), ...files }), uri: 'file:///w/app.yaml' });
const ports = (port: number) => `\n          ports:\n            - containerPort: ${port}`;

export const imageEdgeCases = [
  { rule: 'image-root-vs-run-as-non-root', positive: deployment({ container: runAsNonRoot }), negative: deployment({ container: `${runAsNonRoot}\n            runAsUser: 1000` }), options: at({ 'web/Dockerfile': 'FROM alpine\nUSER root\n' }) },
  { rule: 'image-user-not-numeric', positive: deployment({ container: runAsNonRoot }), negative: deployment({ container: `${runAsNonRoot}\n            runAsUser: 1000` }), options: at({ 'web/Dockerfile': 'FROM node:20\nUSER node\n' }) },
  { rule: 'container-port-vs-expose', positive: deployment({ container: ports(8080) }), negative: deployment({ container: ports(3000) }), options: at({ 'web/Dockerfile': 'FROM alpine\nEXPOSE 3000\n' }) },
  { rule: 'image-healthcheck-without-probe', positive: deployment(), negative: deployment({ container: '\n          readinessProbe:\n            httpGet:\n              path: /\n              port: 80' }), options: at({ 'web/Dockerfile': 'FROM alpine\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' }) },
  { rule: 'args-ignored-by-shell-entrypoint', positive: deployment({ container: '\n          args: ["-v"]' }), negative: deployment({ container: '\n          command: ["run"]\n          args: ["-v"]' }), options: at({ 'web/Dockerfile': 'FROM alpine\nENTRYPOINT run\n' }) },
  { rule: 'read-only-root-unmounted-volume', positive: deployment({ container: '\n          securityContext:\n            readOnlyRootFilesystem: true' }), negative: deployment({ container: '\n          securityContext:\n            readOnlyRootFilesystem: false' }), options: at({ 'web/Dockerfile': 'FROM alpine\nVOLUME /data\n' }) },
  { rule: 'env-differs-from-image', positive: deployment({ container: '\n          env:\n            - name: MODE\n              value: dev' }), negative: deployment({ container: '\n          env:\n            - name: MODE\n              value: prod' }), options: at({ 'web/Dockerfile': 'FROM alpine\nENV MODE=prod\n' }) },
  {
    rule: 'image-tag-differs-in-workspace', positive: deployment(), negative: deployment({ image: 'acme/web:0.9' }),
    options: at({ 'web/Dockerfile': 'FROM alpine\n', 'old.yaml': deployment({ image: 'acme/web:0.9' }).replace('name: web\nspec', 'name: old\nspec') }),
  },
  // A Service (its own file) whose targetPort the selected Deployment's image does not EXPOSE.
  {
    rule: 'service-target-port-vs-expose',
    positive: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n',
    negative: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 3000\n',
    options: { workspace: workspaceOf({ 'compose.yaml': composeFor(), 'web/Dockerfile': 'FROM node:20\nEXPOSE 3000\n', 'app.yaml': deployment() }), uri: 'file:///w/svc.yaml' },
  },
  // No Compose file: only the folder name links `acme/web` to web/Dockerfile.
  { rule: 'image-edge-guess', positive: deployment({ container: runAsNonRoot }), negative: deployment({ container: `${runAsNonRoot}\n            runAsUser: 1000` }), options: { workspace: workspaceOf({ 'web/Dockerfile': 'FROM node:20\nUSER node\n' }), uri: 'file:///w/app.yaml' } },
];

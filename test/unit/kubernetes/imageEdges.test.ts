import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { applyEdits } from './k8sTestKit';
import { composeFor, deployment, edgeFindings, runAsNonRoot } from './imageEdgesKit';

/** The edge rules (rules/imageEdges.ts) over small workspaces: each rule reports on its edge and stays quiet without one. */

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const only = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

const rootDockerfile = 'FROM alpine:3.20\nRUN echo hi\n';
const namedUserDockerfile = 'FROM debian:12\nRUN groupadd -g 1001 app && useradd -u 1001 -g app -m app\nUSER app\n';

test('runAsNonRoot with an image ending USER root is an error on a strong (Compose) edge', () => {
  const files = { 'web/Dockerfile': 'FROM alpine\nUSER root\n', 'compose.yaml': composeFor(), 'app.yaml': deployment({ container: runAsNonRoot }) };
  const found = only(edgeFindings(files, 'app.yaml'), 'image-root-vs-run-as-non-root');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, DiagnosticSeverity.Error);
  assert.match(String(found[0].message), /USER root/);
});

test('runAsNonRoot at pod level with no USER at all is an error; runAsUser set or a numeric USER is fine', () => {
  const base = { 'web/Dockerfile': rootDockerfile, 'compose.yaml': composeFor() };
  const pod = '\n      securityContext:\n        runAsNonRoot: true';
  assert.deepEqual(codes(edgeFindings({ ...base, 'app.yaml': deployment({ pod }) }, 'app.yaml')), ['image-root-vs-run-as-non-root']);
  assert.deepEqual(codes(edgeFindings({ ...base, 'app.yaml': deployment({ pod: `${pod}\n        runAsUser: 1000` }) }, 'app.yaml')), []);
  assert.deepEqual(codes(edgeFindings({ ...base, 'web/Dockerfile': 'FROM alpine\nUSER 1000\n', 'app.yaml': deployment({ pod }) }, 'app.yaml')), []);
  assert.deepEqual(codes(edgeFindings({ ...base, 'app.yaml': deployment() }, 'app.yaml')), [], 'no runAsNonRoot: nothing to say');
});

test('a non-numeric USER is a warning with a runAsUser fix from useradd -u', () => {
  const files = { 'web/Dockerfile': namedUserDockerfile, 'compose.yaml': composeFor(), 'app.yaml': deployment({ container: runAsNonRoot }) };
  const [finding] = only(edgeFindings(files, 'app.yaml'), 'image-user-not-numeric');
  assert.equal(finding.severity, DiagnosticSeverity.Warning);
  assert.match(String(finding.message), /cannot verify/);
  const fix = (finding.data as { fixes: { edits: never[] }[] }).fixes[0];
  const fixed = applyEdits(files['app.yaml'], fix.edits);
  assert.match(fixed, /runAsNonRoot: true\n\s+runAsUser: 1001\n/);
  assert.deepEqual(codes(edgeFindings({ ...files, 'app.yaml': fixed }, 'app.yaml')), [], 'fixed: quiet');
});

test('a non-numeric USER from the node base image gets UID 1000; an unknown user gets no fix', () => {
  const node = { 'web/Dockerfile': 'FROM node:20-alpine\nUSER node\n', 'compose.yaml': composeFor(), 'app.yaml': deployment({ container: runAsNonRoot }) };
  const [withFix] = only(edgeFindings(node, 'app.yaml'), 'image-user-not-numeric');
  assert.match(JSON.stringify(withFix.data), /runAsUser: 1000/);
  const unknown = { ...node, 'web/Dockerfile': 'FROM alpine\nUSER app\n' };
  const [noFix] = only(edgeFindings(unknown, 'app.yaml'), 'image-user-not-numeric');
  assert.equal(noFix.data, undefined);
});

test('containerPort vs EXPOSE: both directions, info; matching ports are quiet', () => {
  const base = { 'web/Dockerfile': 'FROM alpine\nEXPOSE 3000 9090/udp\n', 'compose.yaml': composeFor() };
  const mismatch = edgeFindings({ ...base, 'app.yaml': deployment({ container: '\n          ports:\n            - containerPort: 8080' }) }, 'app.yaml');
  assert.equal(only(mismatch, 'container-port-vs-expose').length, 3);
  assert.ok(mismatch.every((d) => d.severity === DiagnosticSeverity.Information));
  const agree = deployment({ container: '\n          ports:\n            - containerPort: 3000\n            - containerPort: 9090\n              protocol: UDP' });
  assert.deepEqual(codes(edgeFindings({ ...base, 'app.yaml': agree }, 'app.yaml')), []);
  assert.deepEqual(codes(edgeFindings({ ...base, 'app.yaml': deployment() }, 'app.yaml')), [], 'no ports listed: nothing compared');
});

test('HEALTHCHECK without probes: info with an httpGet readinessProbe fix; a probe makes it quiet', () => {
  const files = { 'web/Dockerfile': 'FROM alpine\nHEALTHCHECK --interval=10s CMD wget -qO- http://127.0.0.1:8080/ready || exit 1\n', 'compose.yaml': composeFor(), 'app.yaml': deployment() };
  const [finding] = only(edgeFindings(files, 'app.yaml'), 'image-healthcheck-without-probe');
  assert.equal(finding.severity, DiagnosticSeverity.Information);
  const fixed = applyEdits(files['app.yaml'], (finding.data as { fixes: { edits: never[] }[] }).fixes[0].edits);
  assert.match(fixed, /readinessProbe:\n\s+httpGet:\n\s+path: \/ready\n\s+port: 8080/);
  assert.deepEqual(codes(edgeFindings({ ...files, 'app.yaml': fixed }, 'app.yaml')), []);
  const noHttp = { ...files, 'web/Dockerfile': 'FROM alpine\nHEALTHCHECK CMD pg_isready\n' };
  assert.equal(only(edgeFindings(noHttp, 'app.yaml'), 'image-healthcheck-without-probe')[0].data, undefined, 'not HTTP: no fix');
});

test('args with a shell-form ENTRYPOINT: warning; exec form or command set: quiet', () => {
  const args = '\n          args: ["--port", "80"]';
  const files = { 'web/Dockerfile': 'FROM alpine\nENTRYPOINT /app/run --serve\n', 'compose.yaml': composeFor(), 'app.yaml': deployment({ container: args }) };
  const [finding] = only(edgeFindings(files, 'app.yaml'), 'args-ignored-by-shell-entrypoint');
  assert.equal(finding.severity, DiagnosticSeverity.Warning);
  assert.deepEqual(codes(edgeFindings({ ...files, 'web/Dockerfile': 'FROM alpine\nENTRYPOINT ["/app/run"]\n' }, 'app.yaml')), []);
  assert.deepEqual(codes(edgeFindings({ ...files, 'app.yaml': deployment({ container: `${args}\n          command: ["/app/run"]` }) }, 'app.yaml')), []);
});

test('readOnlyRootFilesystem over an unmounted VOLUME: info with an emptyDir fix; a mount covering it is quiet', () => {
  const ro = '\n          securityContext:\n            readOnlyRootFilesystem: true';
  const files = { 'web/Dockerfile': 'FROM alpine\nVOLUME ["/var/cache/app"]\n', 'compose.yaml': composeFor(), 'app.yaml': deployment({ container: ro }) };
  const [finding] = only(edgeFindings(files, 'app.yaml'), 'read-only-root-unmounted-volume');
  assert.equal(finding.severity, DiagnosticSeverity.Information);
  const fixed = applyEdits(files['app.yaml'], (finding.data as { fixes: { edits: never[] }[] }).fixes[0].edits);
  assert.match(fixed, /volumeMounts:\n\s+- name: var-cache-app\n\s+mountPath: \/var\/cache\/app/);
  assert.match(fixed, /volumes:\n\s+- name: var-cache-app\n\s+emptyDir: \{\}/);
  assert.deepEqual(codes(edgeFindings({ ...files, 'app.yaml': fixed }, 'app.yaml')), []);
});

test('env set to another literal than the image ENV: info; the same value or valueFrom: quiet', () => {
  const env = (value: string) => `\n          env:\n            - name: MODE\n              value: ${value}`;
  const files = { 'web/Dockerfile': 'FROM alpine\nENV MODE=production PATHS=$HOME\n', 'compose.yaml': composeFor(), 'app.yaml': deployment({ container: env('debug') }) };
  const [finding] = only(edgeFindings(files, 'app.yaml'), 'env-differs-from-image');
  assert.equal(finding.severity, DiagnosticSeverity.Information);
  assert.match(String(finding.message), /production/);
  assert.deepEqual(codes(edgeFindings({ ...files, 'app.yaml': deployment({ container: env('production') }) }, 'app.yaml')), []);
});

test('the same built image at different tags across the workspace: info', () => {
  const files = { 'web/Dockerfile': 'FROM alpine\n', 'compose.yaml': composeFor('acme/web'), 'app.yaml': deployment({ image: 'acme/web:1.0' }), 'old.yaml': deployment({ image: 'acme/web:0.9' }).replace('name: web\nspec', 'name: old\nspec') };
  const [finding] = only(edgeFindings(files, 'app.yaml'), 'image-tag-differs-in-workspace');
  assert.equal(finding.severity, DiagnosticSeverity.Information);
  assert.match(String(finding.message), /0\.9/);
  assert.deepEqual(codes(edgeFindings({ ...files, 'old.yaml': files['app.yaml'].replace('name: web\nspec', 'name: old\nspec') }, 'app.yaml')), []);
});

test('evidence kinds: skaffold, Tilt, kustomize rename, stevedore.images all make strong edges', () => {
  const manifest = deployment({ image: 'registry.example.com/team/api:2.0', container: runAsNonRoot });
  const dockerfile = { 'svc/api.Dockerfile': 'FROM alpine\n' };
  const skaffold = { ...dockerfile, 'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: registry.example.com/team/api\n      context: svc\n      docker:\n        dockerfile: api.Dockerfile\n', 'app.yaml': manifest };
  const tilt = { ...dockerfile, Tiltfile: "docker_build('registry.example.com/team/api', 'svc', dockerfile='svc/api.Dockerfile')\n", 'app.yaml': manifest };
  const setting = { ...dockerfile, 'app.yaml': manifest };
  const kustomize = {
    ...dockerfile, 'app.yaml': deployment({ image: 'api', container: runAsNonRoot }),
    'kustomization.yaml': 'resources:\n  - app.yaml\nimages:\n  - name: api\n    newName: registry.example.com/team/api\n    newTag: "2.0"\n',
    Tiltfile: "docker_build('registry.example.com/team/api', 'svc', dockerfile='svc/api.Dockerfile')\n",
  };
  for (const [kind, files, settings] of [['skaffold', skaffold, undefined], ['tilt', tilt, undefined], ['setting', setting, { images: { 'registry.example.com/team/api': 'svc/api.Dockerfile' } }], ['kustomize', kustomize, undefined]] as const) {
    const found = edgeFindings(files as Record<string, string>, 'app.yaml', settings);
    assert.deepEqual(codes(found), ['image-root-vs-run-as-non-root'], kind);
    assert.equal(found[0].severity, DiagnosticSeverity.Error, kind);
  }
});

test('no evidence, no findings: an unrelated Dockerfile and a different image stay quiet', () => {
  const files = { 'other/Dockerfile': rootDockerfile, 'compose.yaml': composeFor('acme/other', './other'), 'app.yaml': deployment({ container: runAsNonRoot }) };
  assert.deepEqual(codes(edgeFindings(files, 'app.yaml')), []);
  // A Compose service that builds without naming its image links nothing.
  assert.deepEqual(codes(edgeFindings({ 'site/Dockerfile': rootDockerfile, 'compose.yaml': 'services:\n  web:\n    build: ./site\n', 'app.yaml': deployment({ container: runAsNonRoot }) }, 'app.yaml')), []);
});

test('a weak folder-name edge reports at info at most, under image-edge-guess', () => {
  const files = { 'web/Dockerfile': 'FROM alpine\nUSER root\nENTRYPOINT run.sh\n', 'app.yaml': deployment({ container: `${runAsNonRoot}\n          args: ["x"]\n          ports:\n            - containerPort: 1` }) };
  const found = edgeFindings(files, 'app.yaml');
  assert.deepEqual(codes(found), ['image-edge-guess', 'image-edge-guess']);
  assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Information));
  assert.match(String(found[0].message), /web\/Dockerfile/);
  // Two Dockerfiles in folders named `web`: no guess at all.
  assert.deepEqual(codes(edgeFindings({ ...files, 'b/web/Dockerfile': rootDockerfile }, 'app.yaml')), []);
});

test('two Dockerfiles claiming one image make a weak edge (info only)', () => {
  const files = {
    'a/Dockerfile': rootDockerfile, 'b/Dockerfile': rootDockerfile,
    'compose.yaml': 'services:\n  a:\n    build: ./a\n    image: acme/web\n  b:\n    build: ./b\n    image: acme/web\n',
    'app.yaml': deployment({ container: runAsNonRoot }),
  };
  const found = edgeFindings(files, 'app.yaml');
  assert.deepEqual(codes(found), ['image-edge-guess']);
  assert.equal(found[0].severity, DiagnosticSeverity.Information);
});

test('messages in Chinese', () => {
  const files = { 'web/Dockerfile': namedUserDockerfile, 'compose.yaml': composeFor(), 'app.yaml': deployment({ container: runAsNonRoot }) };
  const [finding] = edgeFindings(files, 'app.yaml', undefined, 'zh-cn');
  assert.match(String(finding.message), /无法确认/);
});

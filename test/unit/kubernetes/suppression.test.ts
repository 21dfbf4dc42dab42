import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceFiles } from '../../../server/src/common/service';
import { CachedFiles } from '../../../server/src/config/cachedFiles';
import { isIgnoredByConfig, parseKubeLinterConfig } from '../../../server/src/config/kubeLinter';
import { ProjectConfig } from '../../../server/src/config/projectConfig';
import { codesOf, variant } from './k8sTestKit';

/** The nearest `.kube-linter.yaml` as the fronts find it. */
function findKubeLinterConfig(filePath: string, files: WorkspaceFiles, roots: string[] = []) {
  return new ProjectConfig(new CachedFiles((path) => files.readText(path)), { roots }).kubeLinterFor(filePath);
}

const latest = variant('image: nginx:1.27', 'image: nginx:latest');
const annotate = (text: string, annotations: string) => text.replace('  labels:\n    app: web\nspec:', `  labels:\n    app: web\n  annotations:\n${annotations}\nspec:`);

test('kube-linter ignore-check annotation silences that check for the object only', () => {
  assert.ok(!codesOf(annotate(latest, '    ignore-check.kube-linter.io/latest-tag: "pinned by CI"')).includes('image-tag-mutable'));
  // By our id as well.
  assert.ok(!codesOf(annotate(latest, '    ignore-check.kube-linter.io/image-tag-mutable: ""')).includes('image-tag-mutable'));
  // Another check's annotation does not hide this one.
  assert.ok(codesOf(annotate(latest, '    ignore-check.kube-linter.io/run-as-non-root: ""')).includes('image-tag-mutable'));
});

test('kube-linter.io/ignore-all silences everything in the object, not in its neighbours', () => {
  const text = annotate(variant('  selector:\n    app: web\n  ports:', '  selector:\n    app: nothing\n  ports:', latest), '    kube-linter.io/ignore-all: "legacy"');
  const codes = codesOf(text);
  assert.ok(!codes.includes('image-tag-mutable'));
  assert.ok(codes.includes('service-selects-nothing'));
});

test('# stevedore-ignore on the line before the key, or at its end', () => {
  assert.ok(!codesOf(latest.replace('          image: nginx:latest', '          # stevedore-ignore image-tag-mutable -- vendor image\n          image: nginx:latest')).includes('image-tag-mutable'));
  assert.ok(!codesOf(latest.replace('          image: nginx:latest', '          image: nginx:latest # stevedore-ignore latest-tag')).includes('image-tag-mutable'));
  // Another rule named: still reported.
  assert.ok(codesOf(latest.replace('          image: nginx:latest', '          # stevedore-ignore cpu-request-missing\n          image: nginx:latest')).includes('image-tag-mutable'));
  // Only the next line is covered.
  assert.ok(codesOf(latest.replace('      containers:', '      # stevedore-ignore image-tag-mutable\n      containers:')).includes('image-tag-mutable'));
});

test('# stevedore-ignore-document covers one document', () => {
  const text = `# stevedore-ignore-document image-tag-mutable\n${latest}---\n${latest.split('---\n')[0].replace('name: web\n  labels', 'name: web2\n  labels')}`;
  const tagged = codesOf(text).filter((c) => c === 'image-tag-mutable');
  assert.equal(tagged.length, 1);
});

test('settings per rule: by id or kube-linter name, off or another severity', () => {
  assert.ok(!codesOf(latest, { settings: { kubernetes: { rules: { 'latest-tag': 'off' } } } }).includes('image-tag-mutable'));
  const text = variant('          imagePullPolicy: IfNotPresent\n', '');
  assert.ok(codesOf(text, { settings: { profile: 'strict' } }).includes('image-pull-policy-unset'));
  assert.ok(!codesOf(text, { settings: { profile: 'strict', kubernetes: { rules: { 'image-pull-policy-unset': 'off' } } } }).includes('image-pull-policy-unset'));
});

function filesFrom(map: Record<string, string>): WorkspaceFiles {
  return { readText: (path) => map[path] };
}

test('.kube-linter.yaml is found from the file directory upwards', () => {
  const files = filesFrom({ '/repo/.kube-linter.yaml': 'checks:\n  exclude: [latest-tag]\n' });
  const config = findKubeLinterConfig('/repo/deploy/app/web.yaml', files);
  assert.equal(config?.path, '/repo/.kube-linter.yaml');
  assert.deepEqual(config?.exclude, ['latest-tag']);
  assert.equal(findKubeLinterConfig('/repo/deploy/web.yaml', files, ['/repo/deploy']), undefined);
});

test('.kube-linter.yaml exclude, include, doNotAutoAddDefaults, addAllBuiltIn', () => {
  const run = (config: string, text = latest) => codesOf(text, { filePath: '/repo/web.yaml', files: filesFrom({ '/repo/.kube-linter.yml': config }) });
  assert.ok(!run('checks:\n  exclude: ["latest-tag"]\n').includes('image-tag-mutable'));
  // Defaults off: only included checks of kube-linter run; our own syntax and schema checks stay.
  const onlyIncluded = run('checks:\n  doNotAutoAddDefaults: true\n  include: [latest-tag]\n', variant('replicas: 1', 'replicas: "1"', latest));
  assert.ok(onlyIncluded.includes('image-tag-mutable'));
  assert.ok(onlyIncluded.includes('schema-type'));
  assert.ok(!run('checks:\n  doNotAutoAddDefaults: true\n').includes('image-tag-mutable'));
  // A check kube-linter does not enable by default runs when included, raised to a warning.
  const noProbe = variant('          livenessProbe:\n            httpGet:\n              path: /\n              port: http\n', '');
  assert.ok(!run('checks: {}\n', noProbe).includes('liveness-probe-missing'));
  assert.ok(run('checks:\n  include: [no-liveness-probe]\n', noProbe).includes('liveness-probe-missing'));
  assert.ok(run('checks:\n  addAllBuiltIn: true\n', noProbe).includes('liveness-probe-missing'));
  // Exclude wins over include.
  assert.ok(!run('checks:\n  include: [latest-tag]\n  exclude: [latest-tag]\n').includes('image-tag-mutable'));
  // The user's settings win over the file.
  const settings = { kubernetes: { rules: { 'latest-tag': 'error' } } };
  assert.ok(codesOf(latest, { settings, filePath: '/repo/web.yaml', files: filesFrom({ '/repo/.kube-linter.yaml': 'checks:\n  exclude: [latest-tag]\n' }) }).includes('image-tag-mutable'));
});

test('.kube-linter.yaml ignorePaths and broken files', () => {
  const config = parseKubeLinterConfig('checks:\n  ignorePaths: ["charts/**", "**/test/*.yaml"]\n', '/repo/.kube-linter.yaml')!;
  assert.equal(isIgnoredByConfig(config, '/repo/charts/a/templates/x.yaml'), true);
  assert.equal(isIgnoredByConfig(config, '/repo/app/test/x.yaml'), true);
  assert.equal(isIgnoredByConfig(config, '/repo/app/x.yaml'), false);
  assert.equal(parseKubeLinterConfig('checks: [unclosed', '/repo/.kube-linter.yaml'), undefined);
  assert.deepEqual(codesOf(latest, { filePath: '/repo/charts/a/templates/x.yaml', files: filesFrom({ '/repo/.kube-linter.yaml': 'checks:\n  ignorePaths: ["charts/**"]\n' }) }), []);
});

// Rule profiles: which rules each profile runs (stated in every rule's metadata), the setting, and
// the config layers that still go on top of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileSeverity } from '../../../server/src/common/rules';
import { defaultSettings, normalizeSettings } from '../../../server/src/common/settings';
import { overlayEditorSettings, parseStevedoreConfig } from '../../../server/src/config/stevedoreConfig';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { kubernetesRules } from '../../../server/src/kubernetes/rules';
import { codesOf, diagnose } from '../dockerfile/rules-helpers';

const strictOnly = (rules: typeof dockerfileRules.rules | typeof kubernetesRules.rules) => rules.filter((rule) => rule.meta.profile === 'strict').map((rule) => rule.meta.id).sort();

/**
 * The reviewed choice, written out: changing a rule's profile changes what every user sees by
 * default, so it changes this list too. Dockerfiles stay close to hadolint's defaults (every rule
 * with a hadolint or BuildKit name runs); strict adds our own tidiness advice.
 */
test('the strict-only Dockerfile rules', () => {
  assert.deepEqual(strictOnly(dockerfileRules.rules), ['chown-after-copy', 'debian-frontend-env', 'healthcheck-missing', 'inline-ignore-pragma', 'mkdir-before-workdir', 'npm-install-instead-of-ci', 'unused-stage']);
  // Peer rules run by default, except the ones hadolint itself leaves off (DL1001, DL3057).
  const offInHadolint = ['healthcheck-missing', 'inline-ignore-pragma'];
  const hadolintOrBuildkit = dockerfileRules.rules.filter((rule) => rule.meta.aliases.length > 0 || (rule.meta.groups?.length ?? 0) > 0);
  assert.deepEqual(hadolintOrBuildkit.filter((rule) => rule.meta.profile !== 'recommended' && !offInHadolint.includes(rule.meta.id)).map((rule) => rule.meta.id), []);
});

/** Manifests: completeness and hardening advice (probes, resources, spreading, read-only root…) is strict. */
test('the strict-only Kubernetes rules', () => {
  // kube-linter's opt-in checks are strict too (kubeLinterOptIn.ts, rbac.ts): off by default, as in kube-linter.
  assert.deepEqual(strictOnly(kubernetesRules.rules), [
    'cpu-request-missing', 'default-namespace-used', 'default-service-account-used', 'dns-config-option-missing', 'env-reference-missing',
    'hpa-min-replicas-low', 'image-pull-policy-unset', 'job-ttl-missing', 'keys-not-sorted', 'liveness-probe-missing', 'memory-limit-missing',
    'net-raw-not-dropped', 'network-policy-peer-selects-nothing', 'no-pod-anti-affinity', 'node-affinity-missing', 'owner-email-annotation-missing',
    'owner-label-missing', 'pdb-unhealthy-eviction-policy', 'pod-not-isolated', 'priority-class-not-accepted', 'privileged-port',
    'proc-mount-unmasked', 'rbac-can-create-pods', 'rbac-can-read-secrets', 'rbac-cluster-admin-bound', 'rbac-wildcard', 'readiness-probe-missing',
    'replicas-below-three', 'restart-policy-not-resilient', 'root-filesystem-writable', 'scc-allows-privileged', 'secret-read-into-env',
    'service-monitor-selects-nothing', 'service-type-exposed', 'update-strategy-not-rolling', 'writable-host-path',
  ]);
  // Whatever breaks a deployment stays on: syntax and meaning checks are never strict-only.
  for (const rules of [dockerfileRules.rules, kubernetesRules.rules]) {
    assert.deepEqual(rules.filter((rule) => rule.meta.category === 'syntax' && rule.meta.profile !== 'recommended').map((rule) => rule.meta.id), []);
    assert.deepEqual(rules.filter((rule) => rule.meta.severity === 'error' && rule.meta.profile !== 'recommended').map((rule) => rule.meta.id), []);
  }
});

test('a profile decides the starting severity only', () => {
  const probe = kubernetesRules.find('liveness-probe-missing')!.meta;
  const selector = kubernetesRules.find('selector-mismatch')!.meta;
  assert.equal(profileSeverity(probe, 'recommended'), 'off');
  assert.equal(profileSeverity(probe, 'strict'), probe.severity);
  assert.equal(profileSeverity(selector, 'recommended'), 'error');
  assert.equal(profileSeverity(selector, 'strict'), 'error');
});

test('stevedore.profile: recommended by default, strict when asked, anything else falls back', () => {
  assert.equal(defaultSettings.profile, 'recommended');
  assert.equal(normalizeSettings({ profile: 'strict' }).profile, 'strict');
  assert.equal(normalizeSettings({ profile: 'pedantic' }).profile, 'recommended');
  assert.equal(normalizeSettings({ profile: 3 }).profile, 'recommended');
});

test('.stevedore.yaml: profile at the top level, under stevedore:, or dotted; a bad value is a problem', () => {
  for (const text of ['profile: strict\n', 'stevedore:\n  profile: strict\n', 'stevedore.profile: strict\n']) {
    const { config, problems } = parseStevedoreConfig(text, '/w/.stevedore.yaml');
    assert.deepEqual(problems, [], text);
    assert.equal(config?.settings.profile, 'strict', text);
  }
  const { config, problems } = parseStevedoreConfig('profile: loud\n', '/w/.stevedore.yaml');
  assert.match(problems.join('\n'), /"profile" should be recommended or strict/);
  assert.equal(config?.settings.profile, 'recommended');
});

test('the editor\'s profile goes on top of the project\'s, unless left at the default', () => {
  const project = (profile: string) => parseStevedoreConfig(`profile: ${profile}\n`, '/w/.stevedore.yaml').config!.settings;
  assert.equal(overlayEditorSettings(project('strict'), normalizeSettings(undefined)).profile, 'strict');
  assert.equal(overlayEditorSettings(project('recommended'), normalizeSettings({ profile: 'strict' })).profile, 'strict');
});

const tidyDockerfile = 'FROM node:22-alpine AS build\nRUN true\nFROM node:22-alpine\nRUN apk add --no-cache curl=8.12.1-r0\nRUN echo one\nRUN echo two\n';

test('Dockerfile: strict rules are off by default and on under strict; hadolint\'s defaults stay on', () => {
  const quiet = codesOf(diagnose(tidyDockerfile));
  assert.ok(!quiet.includes('unused-stage'), quiet.join());
  assert.ok(quiet.includes('consecutive-run'), 'DL3059 is on in hadolint\'s defaults, so here too');
  assert.ok(codesOf(diagnose(tidyDockerfile, { settings: { profile: 'strict' } })).includes('unused-stage'));
});

test('Dockerfile: a setting or .hadolint.yaml naming a strict rule turns it on; ignoring one turns it off under strict', () => {
  assert.ok(codesOf(diagnose(tidyDockerfile, { settings: { dockerfile: { rules: { 'unused-stage': 'warning' } } } })).includes('unused-stage'));
  const hadolint = (config: string, settings?: unknown) => codesOf(diagnose(tidyDockerfile, { settings, files: { '/work/app/.hadolint.yaml': config } }));
  assert.ok(hadolint('override:\n  info:\n    - unused-stage\n').includes('unused-stage'));
  assert.ok(!hadolint('ignored:\n  - unused-stage\n', { profile: 'strict' }).includes('unused-stage'));
  assert.ok(codesOf(diagnose(tidyDockerfile, { files: { '/work/app/.stevedore.yaml': 'profile: strict\n' } })).includes('unused-stage'));
});

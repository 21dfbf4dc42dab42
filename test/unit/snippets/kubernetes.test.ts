// Every Kubernetes snippet, expanded with its defaults (and with each choice, and with a typed name),
// must be valid YAML of Kubernetes objects that our own diagnostics find nothing to warn about.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseAllDocuments } from 'yaml';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { contextFor, manifest } from '../helpers';
import { expandSnippet, tabStops, type ExpandOptions } from '../../../server/src/common/snippetSyntax';
import { assertBilingual, assertPrefixes, assertTabStopsInOrder, loadSnippets, prefixesOf, repoRoot } from './snippetFile';

// Parsed YAML is walked freely here; the assertions are the type checks.
type Json = Record<string, any>;

const entries = loadSnippets('snippets/kubernetes.json');
const snippet = (name: string) => {
  const found = entries.find(([n]) => n === name);
  assert.ok(found, `snippet ${name}`);
  return found[1];
};
const POD_OWNERS = ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod'];

function objectsOf(text: string): Json[] {
  const docs = parseAllDocuments(text);
  return docs.map((doc, i) => {
    assert.deepEqual(doc.errors.map((e) => e.message), [], `YAML errors in document ${i}`);
    const value = doc.toJS() as Json;
    assert.ok(value && typeof value === 'object', `document ${i} is a mapping`);
    return value;
  });
}

/** The expanded Deployment snippet: the workload that Services, PDBs, HPAs… of other snippets point at. */
function workloadFor(options: ExpandOptions): string {
  return expandSnippet(snippet('Deployment').body, { values: options.values });
}

/** Warnings and errors from our diagnostics (info and hints are fine). */
function problems(text: string, options: ExpandOptions = {}): Diagnostic[] {
  let ctx = contextFor();
  const kinds = objectsOf(text).map((o) => o.kind as string);
  if (!kinds.some((k) => POD_OWNERS.includes(k))) {
    const index = new WorkspaceIndex();
    index.updateText('file:///work/workload.yaml', workloadFor(options));
    ctx = { ...ctx, workspace: index };
  }
  const diagnostics = kubernetesService.diagnose!(manifest(text, 'file:///work/snippet.yaml'), ctx);
  return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
}

function describeProblems(list: Diagnostic[]): string {
  return list.map((d) => `${d.code}: ${d.message} (line ${d.range.start.line + 1})`).join('\n');
}

/** The pod spec and pod labels of a workload object, wherever its kind keeps them. */
function podOf(object: Json): { spec: Json; labels: Json } | undefined {
  switch (object.kind) {
    case 'Pod': return { spec: object.spec, labels: object.metadata?.labels ?? {} };
    case 'CronJob': {
      const template = object.spec?.jobTemplate?.spec?.template;
      return { spec: template?.spec, labels: template?.metadata?.labels ?? {} };
    }
    default: {
      if (!POD_OWNERS.includes(object.kind)) return undefined;
      const template = object.spec?.template;
      return { spec: template?.spec, labels: template?.metadata?.labels ?? {} };
    }
  }
}

function assertSubset(selector: Json | undefined, labels: Json, what: string): void {
  assert.ok(selector && Object.keys(selector).length > 0, `${what}: empty selector`);
  for (const [key, value] of Object.entries(selector)) assert.equal(labels[key], value, `${what}: selector ${key}=${value} not in labels ${JSON.stringify(labels)}`);
}

/** Selectors of every object point at pods that exist in the snippet itself or in the Deployment snippet. */
function assertSelectorsMatch(name: string, objects: Json[], workloadObjects: Json[]): void {
  const podLabels = [...objects, ...workloadObjects].map(podOf).filter((p) => p !== undefined).map((p) => p.labels);
  const selectsSomePod = (selector: Json | undefined, what: string) => {
    assert.ok(selector && Object.keys(selector).length > 0, `${name}: ${what} has an empty selector`);
    assert.ok(podLabels.some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v)), `${name}: ${what} selects no pod of the snippet`);
  };
  for (const object of objects) {
    const pod = podOf(object);
    const what = `${name} ${object.kind}`;
    if (pod && object.kind !== 'Pod' && object.kind !== 'Job' && object.kind !== 'CronJob') {
      assertSubset(object.kind === 'ReplicationController' ? object.spec.selector : object.spec.selector?.matchLabels, pod.labels, what);
    }
    const antiAffinity = pod?.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution as Json[] | undefined;
    for (const term of antiAffinity ?? []) assertSubset(term.podAffinityTerm.labelSelector.matchLabels, pod!.labels, `${what} anti-affinity`);
    if (object.kind === 'Service') selectsSomePod(object.spec.selector, 'Service');
    if (object.kind === 'PodDisruptionBudget') selectsSomePod(object.spec.selector.matchLabels, 'PodDisruptionBudget');
    if (object.kind === 'NetworkPolicy' && Object.keys(object.spec.podSelector ?? {}).length > 0) selectsSomePod(object.spec.podSelector.matchLabels, 'NetworkPolicy');
    if (object.kind === 'HorizontalPodAutoscaler') {
      const target = object.spec.scaleTargetRef;
      assert.ok([...objects, ...workloadObjects].some((o) => o.kind === target.kind && o.metadata.name === target.name) || target.kind !== 'Deployment', `${name}: HPA target ${target.kind}/${target.name} missing`);
    }
    if (object.metadata?.labels?.['app.kubernetes.io/name'] !== undefined && !['Namespace'].includes(object.kind)) {
      assert.equal(object.metadata.labels['app.kubernetes.io/name'], object.metadata.name, `${what}: name label follows the name`);
    }
  }
}

/** The hardening every workload snippet promises, checked directly (independent of which rules exist). */
function assertHardened(name: string, object: Json): void {
  const pod = podOf(object);
  if (!pod) return;
  const what = `${name} ${object.kind}`;
  const spec = pod.spec;
  assert.equal(spec.automountServiceAccountToken, false, `${what}: automountServiceAccountToken`);
  assert.equal(spec.securityContext?.runAsNonRoot, true, `${what}: pod runAsNonRoot`);
  assert.equal(spec.securityContext?.seccompProfile?.type, 'RuntimeDefault', `${what}: seccompProfile`);
  const isBatch = object.kind === 'Job' || object.kind === 'CronJob';
  if (isBatch) {
    const jobSpec = object.kind === 'Job' ? object.spec : object.spec.jobTemplate.spec;
    assert.ok(Number.isInteger(jobSpec.ttlSecondsAfterFinished), `${what}: ttlSecondsAfterFinished`);
    assert.ok(['Never', 'OnFailure'].includes(spec.restartPolicy), `${what}: restartPolicy`);
  }
  if ((object.spec?.replicas ?? 1) > 1) assert.ok(spec.affinity?.podAntiAffinity || spec.topologySpreadConstraints, `${what}: replicas > 1 need anti-affinity`);
  const volumeNames = new Set([...(spec.volumes ?? []), ...(object.spec?.volumeClaimTemplates ?? []).map((t: Json) => t.metadata)].map((v: Json) => v.name));
  for (const container of spec.containers as Json[]) {
    const where = `${what} container ${container.name}`;
    assert.match(container.image, /^[^:@\s]+(?::\d+)?(?:\/[^:@\s]+)*:[\w][\w.-]*$/, `${where}: image has a tag`);
    assert.doesNotMatch(container.image, /:latest$/, `${where}: image is pinned`);
    for (const field of ['cpu', 'memory']) {
      assert.ok(container.resources?.requests?.[field], `${where}: requests.${field}`);
      assert.ok(container.resources?.limits?.[field], `${where}: limits.${field}`);
    }
    const sc = container.securityContext ?? {};
    assert.equal(sc.allowPrivilegeEscalation, false, `${where}: allowPrivilegeEscalation`);
    assert.equal(sc.readOnlyRootFilesystem, true, `${where}: readOnlyRootFilesystem`);
    assert.equal(sc.runAsNonRoot, true, `${where}: runAsNonRoot`);
    assert.ok(sc.runAsUser >= 10000, `${where}: runAsUser is a high non-root uid`);
    assert.deepEqual(sc.capabilities?.drop, ['ALL'], `${where}: capabilities drop ALL`);
    for (const mount of container.volumeMounts ?? []) assert.ok(volumeNames.has(mount.name), `${where}: volume ${mount.name} is defined`);
    if (!isBatch) {
      const portNames = new Set((container.ports ?? []).map((p: Json) => p.name));
      for (const probe of ['livenessProbe', 'readinessProbe']) {
        assert.ok(container[probe], `${where}: ${probe}`);
        const port = container[probe].httpGet?.port ?? container[probe].tcpSocket?.port;
        if (typeof port === 'string') assert.ok(portNames.has(port), `${where}: ${probe} port ${port} is declared`);
      }
    }
  }
}

describe('kubernetes snippets: the file', () => {
  it('is what scripts/build-kubernetes-snippets.mjs generates', () => {
    execFileSync(process.execPath, [resolve(repoRoot, 'scripts', 'build-kubernetes-snippets.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('covers every kind the issue asks for', () => {
    const kinds = new Set(entries.flatMap(([, e]) => objectsOf(expandSnippet(e.body)).map((o) => o.kind as string)));
    for (const kind of ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'HorizontalPodAutoscaler',
      'Pod', 'Service', 'Ingress', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'Namespace', 'ServiceAccount', 'Role', 'RoleBinding',
      'ClusterRole', 'ClusterRoleBinding', 'NetworkPolicy', 'PodDisruptionBudget']) {
      assert.ok(kinds.has(kind), `no snippet creates a ${kind}`);
    }
    const serviceTypes = entries.flatMap(([, e]) => objectsOf(expandSnippet(e.body))).filter((o) => o.kind === 'Service')
      .map((o) => (o.spec.clusterIP === 'None' ? 'headless' : o.spec.type));
    for (const type of ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless']) assert.ok(serviceTypes.includes(type), `no ${type} Service snippet`);
  });

  it('prefixes are unique, lower-case, and include the names people type', () => {
    assertPrefixes(entries);
    const all = new Set(entries.flatMap(([, e]) => prefixesOf(e)));
    for (const p of ['deployment', 'k8s-deployment', 'daemonset', 'k8s-daemonset', 'svc', 'service', 'statefulset', 'cronjob', 'ingress', 'pdb', 'hpa', 'configmap']) {
      assert.ok(all.has(p), `prefix ${p}`);
    }
  });
});

for (const [name, entry] of entries) {
  describe(`kubernetes snippet: ${name}`, () => {
    it('has an English and a Chinese description and tab stops in order', () => {
      assertBilingual(name, entry.description);
      assertTabStopsInOrder(name, entry.body);
    });

    it('expands to Kubernetes objects with no warning or error', () => {
      const text = expandSnippet(entry.body);
      for (const object of objectsOf(text)) {
        assert.ok(object.apiVersion, `${name}: apiVersion`);
        assert.ok(object.kind, `${name}: kind`);
        assert.match(object.metadata?.name ?? '', /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, `${name}: metadata.name is a DNS label`);
      }
      const found = problems(text);
      assert.equal(found.length, 0, `${name}:\n${describeProblems(found)}\n---\n${text}`);
    });

    it('every choice gives a clean manifest too', () => {
      for (const stop of tabStops(entry.body).filter((s) => s.choices)) {
        stop.choices!.forEach((choice, i) => {
          const options = { choices: { [stop.index]: i } };
          const found = problems(expandSnippet(entry.body, options), options);
          assert.equal(found.length, 0, `${name} with ${choice}:\n${describeProblems(found)}`);
        });
      }
    });

    it('labels and selectors match, also after typing another name', () => {
      const variants: Record<number, string>[] = [{}, { 1: 'billing-api' }];
      for (const values of variants) {
        const options: ExpandOptions = { values };
        const text = expandSnippet(entry.body, options);
        assertSelectorsMatch(name, objectsOf(text), objectsOf(workloadFor(options)));
        const found = problems(text, options);
        assert.equal(found.length, 0, `${name} with ${JSON.stringify(values)}:\n${describeProblems(found)}`);
      }
    });

    it('the image follows the name until it is given one of its own', () => {
      for (const object of objectsOf(expandSnippet(entry.body, { values: { 1: 'billing-api' } }))) {
        const pod = podOf(object);
        for (const container of (pod?.spec?.containers ?? []) as Json[]) {
          assert.equal(container.image, 'registry.example.com/billing-api:1.0.0', `${name} ${object.kind} container ${container.name}`);
        }
      }
    });

    it('workloads are hardened: pinned image, resources, probes, non-root, read-only root, no token', () => {
      for (const object of objectsOf(expandSnippet(entry.body))) assertHardened(name, object);
    });
  });
}

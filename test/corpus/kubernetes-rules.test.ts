import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { diagnoseManifestWith } from '../../server/src/kubernetes/diagnostics';
import type { ManifestFile } from '../../server/src/kubernetes/model';
import { objectsOf } from '../../server/src/kubernetes/objects';
import { kubernetesRules } from '../../server/src/kubernetes/rules';
import { builtinGroups, getKindSchema, type CustomKindSource } from '../../server/src/kubernetes/schema';
import { customSchemasFor } from '../../server/src/kubernetes/schema/customSchemas';
import { documentIndexAt } from '../../server/src/kubernetes/suppression';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { assertMatchesSnapshot } from '../snapshot';
import { contextFor, manifest } from '../unit/helpers';
import { corpusAvailable, corpusEntries, corpusMissingMessage, readCorpusFile, type CorpusEntry } from './corpus';
import { filesWhereProfilesDisagree, findingsSnapshot } from './findings';

/**
 * All Kubernetes rules over the shared corpus, each repository indexed as one workspace (file names
 * are un-flattened: `a__b.yaml` → `a/b.yaml`, so kustomizations find their patches):
 * - no rule throws;
 * - every error-severity finding is a reviewed, real problem (removed APIs, typos in archived
 *   examples, test fixtures of policy engines…), listed in the snapshot;
 * - custom resources are flagged by schema rules only against a CRD of their repository;
 * - Helm templates get at most one "templated file" notice and nothing else;
 * - every finding of the plain manifests (file, line, column, rule) matches the reviewed snapshot,
 *   with the number per rule as a summary. `UPDATE_SNAPSHOTS=1` rewrites it; a missing one fails.
 * The rules run under the strict profile: every rule is measured, and the snapshot does not move
 * when a rule changes profile (test/unit/common/profiles.test.ts pins which rules are strict-only).
 */
const snapshotPath = join(__dirname, 'kubernetes-rules.snapshot.json');
const everyRule = { profile: 'strict' };

interface Result {
  entry: CorpusEntry;
  file: ManifestFile;
  diagnostics: Diagnostic[];
  /** The same file under the default (recommended) profile. */
  recommended: Diagnostic[];
  crashes: string[];
  /** The custom kinds the file saw: its repository's CRDs. */
  custom: CustomKindSource | undefined;
}

const uriOf = (entry: CorpusEntry) => {
  const [area, repo, name] = entry.path.split('/');
  return `file:///corpus/${area}/${repo}/${name.replace(/__/g, '/')}`;
};

function run(): Result[] {
  const entries = corpusEntries().filter((e) => e.kind === 'yaml');
  const byRepo = new Map<string, CorpusEntry[]>();
  for (const entry of entries) {
    const repo = entry.path.split('/').slice(0, 2).join('/');
    byRepo.set(repo, [...(byRepo.get(repo) ?? []), entry]);
  }
  const results: Result[] = [];
  for (const repoEntries of byRepo.values()) {
    const index = new WorkspaceIndex();
    const files = repoEntries.map((entry) => {
      const file = manifest(readCorpusFile(entry), uriOf(entry));
      index.updateFile(uriOf(entry), file);
      return { entry, file };
    });
    for (const { entry, file } of files) {
      const crashes: string[] = [];
      // No workspace files: a stray .kube-linter.yaml above the corpus must not change the counts.
      const ctx = { ...contextFor('en', { filePath: entry.absolutePath, settings: everyRule }), workspace: index };
      const diagnostics = diagnoseManifestWith(file, ctx, (id, error) => crashes.push(`${id}: ${String(error)}`));
      const recommended = diagnoseManifestWith(file, { ...contextFor('en', { filePath: entry.absolutePath }), workspace: index });
      results.push({ entry, file, diagnostics, recommended, crashes, custom: customSchemasFor(ctx) });
    }
  }
  return results;
}

const results = corpusAvailable ? run() : [];
const describe = (r: Result, d: Diagnostic) => `${r.entry.path}:${d.range.start.line + 1} ${d.code}`;
const skip = corpusAvailable ? false : corpusMissingMessage;

/** What the snapshot records for the plain manifests (Helm templates have their own test). */
function current() {
  const plain = results.filter((r) => r.entry.area === 'k8s');
  const errors = plain
    .flatMap((r) => r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => describe(r, d)))
    .sort();
  const { counts, findings } = findingsSnapshot(plain.map((r) => ({ path: r.entry.path, diagnostics: r.diagnostics })));
  return { counts, errors, findings };
}

test('every corpus manifest and Helm template is diagnosed without a rule crashing', { skip }, () => {
  assert.ok(results.filter((r) => r.entry.area === 'k8s').length > 700, `only ${results.length} manifests found`);
  assert.deepEqual(results.flatMap((r) => r.crashes.map((c) => `${r.entry.path}: ${c}`)), []);
});

test('error-severity findings are only of rules that mark real problems', { skip }, () => {
  // Every error is a real fault of the file, listed in the snapshot (compared below): removed API
  // versions, misspelled or misplaced fields in archived examples, lowercase enum values, duplicate
  // keys, kustomize fragments outside this corpus, and YAML our parser rejects for bad flow indentation.
  const allowedRules = new Set(['api-version-removed', 'api-version-kind-mismatch', 'schema-unknown-field', 'schema-required', 'schema-enum', 'schema-type', 'yaml-syntax', 'yaml-duplicate-key']);
  assert.deepEqual(current().errors.filter((line) => !allowedRules.has(line.split(' ').pop()!)), []);
});

test('custom resources are flagged by schema rules only against a CRD of their repository, the catalog or OpenShift\'s schema', { skip }, () => {
  const flagged: string[] = [];
  let customObjects = 0;
  let withCrd = 0;
  for (const r of results) {
    const objects = objectsOf(r.file);
    customObjects += objects.filter((o) => !builtinGroups.has(o.group)).length;
    withCrd += objects.filter((o) => !builtinGroups.has(o.group) && r.custom?.getKind(o.apiVersion, o.kind)).length;
    for (const d of r.diagnostics) {
      if (!String(d.code).startsWith('schema-') && d.code !== 'api-version-kind-mismatch') continue;
      const doc = documentIndexAt(r.file, r.file.document.offsetAt(d.range.start));
      const object = objects.find((o) => o.doc.index === doc);
      if (!object || builtinGroups.has(object.group)) continue;
      // A CRD of the repository, the built-in catalog (both through r.custom) or OpenShift's schema.
      assert.ok(r.custom?.getKind(object.apiVersion, object.kind) ?? getKindSchema(object.apiVersion, object.kind), `${describe(r, d)}: no CRD, catalog entry or OpenShift schema describes ${object.kind}`);
      flagged.push(describe(r, d));
    }
  }
  assert.ok(customObjects > 200, `only ${customObjects} custom resources seen`);
  assert.ok(withCrd >= 20, `only ${withCrd} custom resources with a CRD in their repository`);
  // Reviewed: istio's federation sample sets `className`, which the older spire CRD shipped with
  // another istio sample does not have (the API server would drop it); gateway-api's invalid
  // examples leave out a required namespace and an ExternalAuth filter's backendRef on purpose
  // (the latter checked against the built-in catalog); kyverno's deprecated-OpenShift-API fixtures
  // write RBAC shapes into OpenShift's authorization kinds (`spec:` holding the rules, `apiGroup`
  // in subjects and roleRef, which are ObjectReferences there).
  assert.deepEqual(flagged.sort(), [
    'k8s/istio__istio/samples__security__spire-trust-domain-federation__cluster-federated-trust-domain.yaml:6 schema-unknown-field',
    'k8s/kubernetes-sigs__gateway-api/hack__invalid-examples__experimental__httproute__invalid-filter-externalauth-bad-http-path.yaml:9 schema-required',
    'k8s/kubernetes-sigs__gateway-api/hack__invalid-examples__standard__referencegrant__missing-ns.yaml:10 schema-required',
    ...[5, 17, 21, 27, 40, 44].map((line) => `k8s/kyverno__policies/openshift-cel__disallow-deprecated-apis__.kyverno-test__resources.yaml:${line} schema-unknown-field`),
  ].sort());
});

test('gateway-api invalid examples are custom resources: flagged by schema rules only where their CRD is in the corpus', { skip }, () => {
  const invalid = results.filter((r) => r.entry.path.includes('hack__invalid-examples__'));
  assert.ok(invalid.length >= 10);
  const flagged: string[] = [];
  for (const r of invalid) {
    assert.ok(objectsOf(r.file).every((o) => !builtinGroups.has(o.group)), r.entry.path);
    flagged.push(...r.diagnostics.filter((d) => String(d.code).startsWith('schema-')).map((d) => describe(r, d)));
  }
  // Of the CRDs these examples break, only ReferenceGrant's is in the corpus; the built-in catalog
  // (the experimental channel, a superset of the standard one) catches the ExternalAuth filter
  // without its backendRef. The rest break CEL validations or patterns, which are not checked.
  assert.deepEqual(flagged.sort(), [
    'k8s/kubernetes-sigs__gateway-api/hack__invalid-examples__experimental__httproute__invalid-filter-externalauth-bad-http-path.yaml:9 schema-required',
    'k8s/kubernetes-sigs__gateway-api/hack__invalid-examples__standard__referencegrant__missing-ns.yaml:10 schema-required',
  ]);
});

test('deliberately broken built-in manifests of policy test suites are flagged', { skip }, () => {
  // kyverno's "disallow deprecated APIs" fixtures use removed apiVersions on purpose.
  const fixtures = results.filter((r) => /check-deprecated-apis__\.kyverno-test__resource\.yaml$/.test(r.entry.path));
  assert.ok(fixtures.length >= 2);
  for (const r of fixtures) assert.ok(r.diagnostics.some((d) => d.code === 'api-version-removed'), r.entry.path);
});

test('Helm templates get at most one clear notice and nothing else', { skip }, () => {
  const templates = results.filter((r) => r.entry.area === 'k8s-templated');
  assert.ok(templates.length >= 40, `only ${templates.length} templates`);
  for (const r of templates) {
    assert.ok(r.diagnostics.length <= 1, `${r.entry.path}: ${r.diagnostics.map((d) => d.code).join(', ')}`);
    for (const d of r.diagnostics) {
      assert.equal(d.code, 'templated-file');
      assert.equal(d.severity, DiagnosticSeverity.Information);
    }
  }
  assert.ok(templates.filter((r) => r.diagnostics.length === 1).length >= 30);
});

test('the default profile reports the same findings, less those of the strict-only rules', { skip }, () => {
  const strictOnly = new Set(kubernetesRules.rules.filter((rule) => rule.meta.profile === 'strict').map((rule) => rule.meta.id));
  assert.deepEqual(filesWhereProfilesDisagree(results, strictOnly), []);
  assert.ok(results.some((r) => r.recommended.length < r.diagnostics.length), 'the strict-only rules find something in the corpus');
});

test('errors and findings per file and line match the reviewed snapshot (UPDATE_SNAPSHOTS=1 to rewrite)', { skip }, () => {
  assertMatchesSnapshot(snapshotPath, current());
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments, type Document } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../server/src/common/service';
import { documentFindingsMode } from '../../../server/src/kubernetes/documentFindings';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { parseManifestIncremental } from '../../../server/src/kubernetes/incrementalParse';
import { plainEnvironmentFrom, withPlainEnvironment } from '../../../server/src/kubernetes/parseEnvironment';
import { allKinds, apiVersionInfo, kindsAt, removedApiVersions } from '../../../server/src/kubernetes/schema';
import { classifyApiVersion } from '../../../server/src/kubernetes/schema/apiVersions';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { isPlaceholder } from '../../../server/src/kubernetes/templating';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { largeManifest } from '../../../bench/inputs';
import { corpusEntries, readCorpusFile } from '../../corpus/corpus';
import { contextFor } from '../helpers';
import { seededRandom as random } from '../seededRandom';

/**
 * The speed-ups of opening a big manifest (issue #19) change no result:
 * - the per-document check (documentFindings.ts: one report list and watch state per rule run,
 *   objects read once per document, a yield every few hundred lines) gives what each rule's
 *   whole-file `check` gives, over the corpus and over randomly edited generated manifests;
 * - apiVersionInfo (answers kept per apiVersion, kind and target; kinds by apiVersion from a table)
 *   answers as the classification over the schema's kinds does;
 * - isPlaceholder (a `$` / `{{` look before the pattern) answers as the pattern alone;
 * - a parse under withPlainEnvironment reads every variable as outside it, and the real
 *   `process.env` is back afterwards, also when the parse throws.
 */

let scratch = 0;

/** Diagnostics of `text` from a fresh parse under a new URI (no cache shared), per document or whole-file. */
function diagnose(text: string, ctx: FeatureContext, wholeFile: boolean): Diagnostic[] {
  documentFindingsMode.wholeFile = wholeFile;
  try {
    const document = TextDocument.create(`file:///scratch/open-speedups-${++scratch}/app.yaml`, 'yaml', 1, text);
    return kubernetesService.diagnose!(kubernetesService.parse(document), ctx);
  } finally {
    documentFindingsMode.wholeFile = false;
  }
}

function contexts(): FeatureContext[] {
  const index = new WorkspaceIndex();
  index.updateFile('file:///scratch/other/services.yaml', parseManifestFile(TextDocument.create('file:///scratch/other/services.yaml', 'yaml', 1, largeManifest(8))));
  return [
    { ...contextFor('en'), workspace: new WorkspaceIndex() },
    { ...contextFor('zh-cn', { settings: { profile: 'strict' } }), workspace: index },
  ];
}

test('the per-document check equals every rule over the whole file, over the corpus manifests', () => {
  const entries = corpusEntries().filter((entry) => entry.kind === 'yaml');
  let compared = 0;
  for (const ctx of contexts()) {
    for (const entry of entries) {
      const text = readCorpusFile(entry);
      assert.deepEqual(diagnose(text, ctx, false), diagnose(text, ctx, true), entry.path);
      compared++;
    }
  }
  // Without the shared corpus the generated manifests below still compare.
  assert.ok(entries.length === 0 || compared > 20, `${compared} files compared`);
});

test('the per-document check equals every rule over the whole file, after random edits of a generated manifest', () => {
  const next = random(1907);
  const inserts = [' ', 'x', '\n', '#', ': ', '---\n', '  replicas: 5\n', 'name: renamed', '{', '${IMAGE}', '{{ .Values.tag }}', '  hostNetwork: true\n'];
  for (const ctx of contexts()) {
    let text = largeManifest(40);
    let findings = 0;
    for (let edit = 0; edit < 12; edit++) {
      const at = Math.floor(next() * (text.length + 1));
      text = text.slice(0, at) + inserts[Math.floor(next() * inserts.length)]! + text.slice(at);
      const byDocument = diagnose(text, ctx, false);
      assert.deepEqual(byDocument, diagnose(text, ctx, true), `edit ${edit}`);
      findings += byDocument.length;
    }
    assert.ok(findings > 0, 'the edits left something to report');
  }
});

test('apiVersionInfo and kindsAt answer as the classification over the schema\'s kinds, asked once or again', () => {
  const kinds = allKinds();
  const servedAt = (apiVersion: string) => kinds.filter((k) => k.apiVersion === apiVersion).map((k) => k.kind);
  const apiVersions = [...new Set([...kinds.map((k) => k.apiVersion), ...removedApiVersions.map((r) => r.apiVersion), 'example.com/v1', 'apps/v2', 'v1beta1', ''])];
  const kindNames = [undefined, ...new Set(['Deployment', 'Ingress', 'CronJob', 'PodSecurityPolicy', 'FlowSchema', 'Endpoints', 'Widget', ...kinds.slice(0, 40).map((k) => k.kind)])];
  const targets = [undefined, '1.16', '1.22', '1.25', '1.29', '1.31', '1.32', '1.36'];
  let asked = 0;
  for (const apiVersion of apiVersions) {
    assert.deepEqual(kindsAt(apiVersion), servedAt(apiVersion), apiVersion);
    for (const kind of kindNames) {
      for (const target of targets) {
        const expected = classifyApiVersion(apiVersion, kind, servedAt(apiVersion), target);
        assert.deepEqual(apiVersionInfo(apiVersion, kind, target), expected, `${apiVersion} ${kind} ${target}`);
        assert.deepEqual(apiVersionInfo(apiVersion, kind, target), expected, `${apiVersion} ${kind} ${target}, again`);
        asked++;
      }
    }
  }
  assert.ok(asked > 1000, `${asked} combinations`);
  // kindsAt hands out its own list: changing it changes no later answer.
  const list = kindsAt('apps/v1');
  list.push('Changed');
  assert.ok(!kindsAt('apps/v1').includes('Changed'));
});

test('isPlaceholder answers as its pattern alone', () => {
  const pattern = /\$\{[^}]*\}|\$\([A-Za-z_][\w.]*\)|^\$[A-Za-z_]\w*$|\{\{.*\}\}/;
  const values: unknown[] = ['', 'nginx', '${IMAGE}', '$IMAGE', '$(VAR)', '$(1bad)', 'a$b', '$', '{{ .Values.x }}', '{{', '{ {x}}', 'x {{y}} z', '{{a\n}}', 'cost: $5', '${', '$A_b9', '$9', 8080, null, undefined, true, { value: '${X}' }];
  for (const value of values) assert.equal(isPlaceholder(value), typeof value === 'string' && pattern.test(value), JSON.stringify(value) ?? String(value));
});

test('a parse under withPlainEnvironment reads the variables as outside it and leaves process.env as it was', () => {
  const real = process.env;
  const names = [...Object.keys(real), 'LOG_TOKENS', 'LOG_STREAM', 'STEVEDORE_NOT_SET'];
  const inside = withPlainEnvironment(() => names.map((name) => [name, process.env[name], name in process.env]));
  assert.deepEqual(inside, names.map((name) => [name, real[name], name in real]));
  assert.equal(process.env, real);
  assert.throws(() => withPlainEnvironment(() => { throw new Error('parse failed'); }), /parse failed/);
  assert.equal(process.env, real);
  // Big manifests parsed under it (both parses swap from 16 KB) have the documents yaml gives without it.
  const text = `${largeManifest(400)}---\nkind: [unclosed\n---\n%YAML 1.2\n---\nbroken: "quote\n`;
  assert.ok(text.length >= plainEnvironmentFrom);
  const plain = parseAllDocuments(text, { prettyErrors: false });
  const described = (docs: readonly Document.Parsed[]) => docs.map((d) => [d.range, d.errors.map((e) => [e.code, e.pos]), d.errors.length > 0 ? null : String(d), JSON.stringify(d.toJS({ maxAliasCount: -1 }))]);
  const whole = parseManifestFile(TextDocument.create('file:///scratch/open-speedups-env/a.yaml', 'yaml', 1, text));
  const incremental = parseManifestIncremental(TextDocument.create('file:///scratch/open-speedups-env/b.yaml', 'yaml', 1, text));
  assert.equal(process.env, real);
  assert.ok(Array.isArray(plain));
  assert.deepEqual(described(whole.documents.map((d) => d.yaml)), described(plain as Document.Parsed[]));
  assert.deepEqual(described(incremental.documents.map((d) => d.yaml)), described(plain as Document.Parsed[]));
});

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isScalar, Scalar, visit, type YAMLError } from 'yaml';
import { contentKeyOf, parseManifestIncremental } from '../../../server/src/kubernetes/incrementalParse';
import { parseManifestFile, type ManifestFile } from '../../../server/src/kubernetes/model';
import { corpusAvailable, corpusMissingMessage, corpusRoot } from '../../corpus/corpus';
import { goodManifest } from './k8sTestKit';

/**
 * Everything a feature reads from a parse, with the source text each offset points at: documents,
 * every node's range and text, every error's and warning's position and text. Errors are listed for
 * the whole file, as the syntax rule reads them: yaml hands a stray token right after a `---` (a `]`
 * alone on the line) to the document before, which a parse starting at that `---` cannot know.
 */
function describe(file: ManifestFile): unknown {
  const text = file.document.getText();
  const at = (range: readonly number[]) => [...range, text.slice(range[0], range[range.length - 1])];
  const documents = file.documents.map((d) => {
    const nodes: unknown[] = [];
    visit(d.yaml, {
      Node(_key, node) {
        nodes.push(node.range ? at(node.range) : null);
      },
    });
    return { index: d.index, kind: d.kind, apiVersion: d.apiVersion, start: d.start, end: d.end, range: at(d.yaml.range), nodes };
  });
  const problem = (e: YAMLError) => [e.name, e.code, e.message, ...at(e.pos)];
  const errors = file.documents.flatMap((d) => d.yaml.errors.map(problem));
  const warnings = file.documents.flatMap((d) => d.yaml.warnings.map(problem));
  return { documents, errors, warnings };
}

/** Plain (unquoted, single-line) scalars must span exactly their own source text in the model's text. */
function assertPlainScalarsMatchTheirText(file: ManifestFile, label: string): number {
  const text = file.document.getText();
  let checked = 0;
  for (const d of file.documents) {
    visit(d.yaml, {
      Scalar(_key, node) {
        if (node.type !== Scalar.PLAIN || !node.range || node.value === null || typeof node.value === 'object') return;
        const source = text.slice(node.range[0], node.range[1]);
        if (source.includes('\n')) return;
        assert.equal(source, String(node.source ?? source), label);
        // The parsed value of a plain scalar round-trips from its text (numbers and booleans included).
        if (typeof node.value === 'string') assert.equal(source, node.value, `${label}: scalar at ${node.range[0]}`);
        checked++;
      },
    });
  }
  return checked;
}

const documentCount = 10;
/** Ten documents, one with a syntax error near the end so later errors have positions to keep. */
const manyDocuments = `# header comment\n${Array.from({ length: documentCount }, (_, i) => goodManifest.replaceAll('web', `web${i}`)).join('---\n')}---\nkind: broken: [\n---\nanchored: &shared {a: 1}\nalias: *shared\n`;

test('a model held across edits still describes its own text', () => {
  const uri = 'file:///incremental/held.yaml';
  const v1Text = manyDocuments;
  const v1 = parseManifestIncremental(TextDocument.create(uri, 'yaml', 1, v1Text));
  const before = describe(v1);
  assert.ok(v1.documents.some((d) => d.yaml.errors.length > 0 && d.index > 2), 'the fixture has errors after the edited documents');

  // Insert lines into the first document: every later document moves down in v2.
  const v2Text = v1Text.replace('  replicas: 1\n', '  replicas: 1\n  minReadySeconds: 5\n  paused: false\n');
  const v2 = parseManifestIncremental(TextDocument.create(uri, 'yaml', 2, v2Text));
  // Then delete from the second document: documents after it move up again in v3.
  const v3Text = v2Text.replace('    app: web1\n', '');
  const v3 = parseManifestIncremental(TextDocument.create(uri, 'yaml', 3, v3Text));

  assert.deepEqual(describe(v1), before, 'v1 unchanged by the v2 and v3 parses');
  assert.ok(assertPlainScalarsMatchTheirText(v1, 'v1') > 100);
  for (const [label, model, text] of [['v2', v2, v2Text], ['v3', v3, v3Text]] as const) {
    assert.deepEqual(describe(model), describe(parseManifestFile(TextDocument.create(uri, 'yaml', 9, text))), `${label} equals a whole-file parse`);
    assertPlainScalarsMatchTheirText(model, label);
  }
  // The keys a feature looks up still sit where v1's text has them.
  const lastDeploymentName = v1.documents.filter((d) => d.kind === 'Deployment').at(-1)!.yaml.getIn(['metadata', 'name'], true);
  assert.ok(isScalar(lastDeploymentName) && lastDeploymentName.range);
  assert.equal(v1Text.slice(lastDeploymentName.range[0], lastDeploymentName.range[1]), `web${documentCount - 1}`);
});

test('a document that does not move is shared, one that moves is a copy with the same content key', () => {
  const uri = 'file:///incremental/sharing.yaml';
  const v1 = parseManifestIncremental(TextDocument.create(uri, 'yaml', 1, manyDocuments));
  // Editing the last document in place (same length) moves nothing before it: those are reused as they are.
  const v2 = parseManifestIncremental(TextDocument.create(uri, 'yaml', 2, manyDocuments.replace('{a: 1}', '{a: 2}')));
  for (let i = 0; i < v2.documents.length - 1; i++) assert.equal(v2.documents[i]!.yaml, v1.documents[i]!.yaml, `document ${i}`);
  // Growing the first document moves every other one: those must not be v2's objects, but stand for the same content.
  const v3 = parseManifestIncremental(TextDocument.create(uri, 'yaml', 3, manyDocuments.replace('{a: 1}', '{a: 2}').replace('replicas: 1', 'replicas: 10')));
  assert.notEqual(contentKeyOf(v3.documents[0]!.yaml), contentKeyOf(v2.documents[0]!.yaml), 'the edited document is new content');
  for (let i = 1; i < v3.documents.length; i++) {
    assert.notEqual(v3.documents[i]!.yaml, v2.documents[i]!.yaml, `document ${i}`);
    assert.equal(contentKeyOf(v3.documents[i]!.yaml), contentKeyOf(v2.documents[i]!.yaml), `document ${i}`);
  }
});

/**
 * Where yaml reads a document's end from what follows it: each case is parsed after an edit
 * elsewhere (so the tricky chunk is reused or re-parsed next to reused ones) and compared with a
 * whole-file parse.
 */
const boundaryCases: [name: string, text: string][] = [
  ['an unclosed quote with no closing quote after it reads to the end of the file', 'a: 1\n---\nb: "open\n---\nc: 1\n---\nd: 2\n'],
  ['an unclosed quote with a closing quote later stops before the `---`', "a: 1\n---\nb: 'open\n---\nc: 1\n---\nd: 'x'\n"],
  ['a flow collection left open ends at the `---` with an error', 'a: 1\n---\nb: [1,\n---\nc: 1\n'],
  ['blank lines after an empty value belong to no document', 'a: 1\n---\nmetadata:\n*a\n\n---\nc: 1\n'],
  ['a stray `]` after `---` is reported once', 'a: 1\n---\n]\nb: 1\n---\nc: 1\n'],
  ['stray text before the first `---` belongs to the first document', '# c\n}\n# d\n---\na: 1\n---\nb: 1\n'],
  ['a directive after `...` applies to the next document', 'a: 1\n...\n%YAML 1.1\n---\nb: yes\n---\nc: 1\n'],
  ['`---` after a lone carriage return is no marker', 'a: 1\n---\nb: x\r---\nc: 1\n'],
];

for (const [name, text] of boundaryCases) {
  test(`boundaries: ${name}`, () => {
    const uri = `file:///incremental/boundary-${encodeURIComponent(name)}.yaml`;
    const versions = [text, text.replace('a: 1', 'a: 12345'), text.replace('c: 1', 'c: 123'), text];
    for (const [i, version] of versions.entries()) {
      const incremental = parseManifestIncremental(TextDocument.create(uri, 'yaml', i + 1, version));
      assert.deepEqual(describe(incremental), describe(parseManifestFile(TextDocument.create(uri, 'yaml', i + 1, version))), `version ${i + 1}`);
    }
  });
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * below);
  };
}

/** Text a user might type or paste, including ones that add, remove or break documents. */
const insertions = ['x', '\n', '  ', 'é😀', '# note\n', '---\n', '\n---\n', 'key: value\n', ': ', '- item\n', '[', ']', '{', '}', '"', "'", '&a ', '*a', '\t', '\r', '...\n', '%YAML 1.1\n', '  extra:\n    nested: 1\n'];

function randomEdit(text: string, next: (below: number) => number): string {
  const at = next(text.length + 1);
  switch (next(3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + next(40));
    case 1: {
      // Replace a whole line: the common "paste over" edit.
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      return text.slice(0, lineStart) + insertions[next(insertions.length)]! + (lineEnd < 0 ? '' : text.slice(lineEnd));
    }
    default:
      return text.slice(0, at) + insertions[next(insertions.length)]! + text.slice(at);
  }
}

const corpusManifests = [
  'k8s/GoogleCloudPlatform__microservices-demo/release__kubernetes-manifests.yaml',
  'k8s/istio__istio/samples__bookinfo__platform__kube__bookinfo-psa.yaml',
  'k8s/kyverno__policies/pod-security__baseline__restrict-sysctls__.kyverno-test__resource.yaml',
  'k8s/istio__istio/samples__security__spire__spire-quickstart.yaml',
].filter((path) => existsSync(join(corpusRoot, path)));

test('random edits over corpus manifests: every incremental result, and every model held since, equals a whole-file parse', { skip: corpusAvailable && corpusManifests.length > 0 ? false : corpusMissingMessage }, () => {
  for (const [fileIndex, path] of corpusManifests.entries()) {
    const next = random(1000 + fileIndex);
    const uri = `file:///incremental/corpus-${fileIndex}.yaml`;
    let text = readFileSync(join(corpusRoot, path), 'utf8');
    const held: { model: ManifestFile; text: string; description: unknown }[] = [];
    for (let version = 1; version <= 40; version++) {
      if (version > 1) text = randomEdit(text, next);
      const incremental = parseManifestIncremental(TextDocument.create(uri, 'yaml', version, text));
      const description = describe(incremental);
      assert.deepEqual(description, describe(parseManifestFile(TextDocument.create(uri, 'yaml', version, text))), `${path}, version ${version}`);
      held.push({ model: incremental, text, description });
    }
    // Later parses reused (and moved) these models' documents: none of them may have changed.
    for (const [i, { model, text: own, description }] of held.entries()) {
      assert.equal(model.document.getText(), own);
      assert.deepEqual(describe(model), description, `${path}, held version ${i + 1}`);
    }
  }
});

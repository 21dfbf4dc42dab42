import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-types';
import type { FeatureContext, ProjectFile } from '../../../server/src/common/service';
import { CrdStore } from '../../../server/src/kubernetes/crds';
import { customSchemasFor } from '../../../server/src/kubernetes/schema/customSchemas';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { contextFor, manifest } from '../helpers';
import { messageOf } from './k8sTestKit';

/**
 * Custom resources are checked, hovered and completed against their schema, whether it comes from
 * a file named in `kubernetes.customSchemas` (read by the front: `ctx.project.customSchemaFiles`)
 * or from a CustomResourceDefinition anywhere in the workspace index.
 */

const gadgetCrd = (colors = '[red, blue]') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.toys.example.org
spec:
  group: toys.example.org
  scope: Namespaced
  names: {kind: Widget, plural: widgets, listKind: WidgetList}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            metadata:
              type: object
              properties:
                name: {type: string, maxLength: 30}
            spec:
              type: object
              required: [size]
              properties:
                size:
                  type: integer
                  description: Number of cogs turning inside the widget.
                color:
                  type: string
                  enum: ${colors}
                port:
                  x-kubernetes-int-or-string: true
                  anyOf: [{type: integer}, {type: string}]
                tuning:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
                tags:
                  type: object
                  additionalProperties: {type: string}
                note:
                  type: string
                  nullable: true
                target:
                  oneOf: [{type: string}, {type: object}]
                startAt:
                  type: string
                  format: date-time
                payload:
                  type: object
                  x-kubernetes-embedded-resource: true
                  x-kubernetes-preserve-unknown-fields: true
                parts:
                  type: array
                  items:
                    type: object
                    required: [name, finish]
                    properties:
                      name: {type: string}
                      weight: {x-kubernetes-int-or-string: true}
                      finish: {type: string, default: matte}
            status:
              type: object
              required: [phase]
              properties:
                phase: {type: string}
`;

const brokenWidget = `apiVersion: toys.example.org/v1
kind: Widget
metadata:
  name: sprocket
spec:
  sise: 3
  color: green
`;

const fineWidget = `apiVersion: toys.example.org/v1
kind: Widget
metadata:
  name: sprocket
  namespace: toys
  labels:
    team: gears
  annotations:
    owner: someone
spec:
  size: 4
  color: blue
  port: http
  tuning:
    anything: [1, 2]
    nested: {deep: true}
  tags:
    shelf: top
  note: null
  target: {kind: Shelf}
  startAt: "2030-01-01T00:00:00Z"
  payload:
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: inner
    data:
      a: b
  parts:
    - name: axle
      weight: 12
    - name: wheel
      weight: "30%"
status:
  anything: goes
`;

const settingsContext = (files: ProjectFile[]): FeatureContext => ({ ...contextFor('en'), project: { customSchemaFiles: files } });
const workspaceContext = (index: WorkspaceIndex): FeatureContext => ({ ...contextFor('en'), workspace: index });

function indexWith(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.updateText(uri, text);
  return index;
}

const schemaFindings = (text: string, ctx: FeatureContext): Diagnostic[] =>
  kubernetesService.diagnose!(manifest(text, 'file:///toys/widget.yaml'), ctx).filter((d) => String(d.code).startsWith('schema-'));

const summary = (found: Diagnostic[]) => found.map((d) => `${d.code}: ${messageOf(d)}`);

function assertTheThreeErrors(found: Diagnostic[]): void {
  assert.deepEqual(summary(found), [
    'schema-unknown-field: Unknown field ‘sise’ in Widget.spec; did you mean ‘size’?',
    'schema-required: Widget.spec is missing the required field ‘size’.',
    'schema-enum: ‘green’ is not a valid color; expected red, blue.',
  ]);
  for (const d of found) assert.equal(d.severity, 1);
  const unknown = found[0]!;
  assert.deepEqual(unknown.range, { start: { line: 5, character: 2 }, end: { line: 5, character: 6 } });
}

test('a CRD named in customSchemas: unknown field with did-you-mean, missing required field, enum', () => {
  assertTheThreeErrors(schemaFindings(brokenWidget, settingsContext([{ path: '/toys/schemas/widget.yaml', text: gadgetCrd() }])));
});

test('a CRD anywhere in the workspace does the same without any setting', () => {
  const index = indexWith({ 'file:///toys/crds/widget.yaml': gadgetCrd() });
  assertTheThreeErrors(schemaFindings(brokenWidget, workspaceContext(index)));
});

test('a valid custom resource gets nothing: int-or-string, open objects, maps, null, oneOf, embedded objects, full metadata, a required field with a default, a partial status', () => {
  const viaSettings = settingsContext([{ path: '/toys/schemas/widget.yaml', text: gadgetCrd() }]);
  assert.deepEqual(summary(schemaFindings(fineWidget, viaSettings)), []);
  assert.deepEqual(summary(schemaFindings(fineWidget, workspaceContext(indexWith({ 'file:///toys/crds/widget.yaml': gadgetCrd() })))), []);
  // What the schema does state is still checked inside lists and typed maps.
  const wrongTypes = fineWidget.replace('size: 4', 'size: four').replace('shelf: top', 'shelf: 3').replace('- name: axle', '- nme: axle');
  assert.deepEqual(summary(schemaFindings(wrongTypes, viaSettings)), [
    'schema-unknown-field: Unknown field ‘nme’ in Widget.spec.parts[]; did you mean ‘name’?',
    'schema-type: Expected integer, found the string "four".',
    'schema-type: Expected string, found the number 3.',
    'schema-required: Widget.spec.parts[] is missing the required field ‘name’.',
  ]);
});

test('a custom resource whose kind no CRD describes is left alone', () => {
  const index = indexWith({ 'file:///toys/crds/widget.yaml': gadgetCrd() });
  assert.deepEqual(schemaFindings(brokenWidget.replace('kind: Widget', 'kind: Gizmo'), workspaceContext(index)), []);
  assert.deepEqual(schemaFindings(brokenWidget.replace('toys.example.org/v1', 'toys.example.org/v2'), workspaceContext(index)), []);
});

function hoverAt(text: string, ctx: FeatureContext): string | undefined {
  const offset = text.indexOf('|');
  const file = manifest(text.slice(0, offset) + text.slice(offset + 1));
  const hover: Hover | null = kubernetesService.hover!(file, file.document.positionAt(offset), ctx);
  return hover ? (hover.contents as { value: string }).value : undefined;
}

function completionLabels(text: string, ctx: FeatureContext): string[] {
  const offset = text.indexOf('|');
  const file = manifest(text.slice(0, offset) + text.slice(offset + 1));
  const list = kubernetesService.complete!(file, file.document.positionAt(offset), ctx);
  return (list?.items ?? []).map((item: CompletionItem) => item.label);
}

test('hover and completion of a custom resource from a workspace CRD', () => {
  const ctx = workspaceContext(indexWith({ 'file:///toys/crds/widget.yaml': gadgetCrd() }));
  assert.match(hoverAt('apiVersion: toys.example.org/v1\nkind: Widget\nspec:\n  si|ze: 3\n', ctx)!, /Number of cogs turning/);
  const keys = completionLabels('apiVersion: toys.example.org/v1\nkind: Widget\nspec:\n  size: 3\n  |\n', ctx);
  assert.ok(keys.includes('color') && keys.includes('parts'), keys.join(', '));
  assert.ok(!keys.includes('size'), 'a key already present is not offered again');
  assert.deepEqual(completionLabels('apiVersion: toys.example.org/v1\nkind: Widget\nspec:\n  color: |\n', ctx).sort(), ['blue', 'red']);
  // The kind itself is offered after `kind:`.
  assert.ok(completionLabels('apiVersion: toys.example.org/v1\nkind: Wid|\n', ctx).includes('Widget'));
  // Items of a `kind: List` and of a `WidgetList` resolve against the CRD too.
  const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: toys.example.org/v1\n    kind: Widget\n    spec:\n      si|ze: 3\n';
  assert.match(hoverAt(list, ctx)!, /Number of cogs turning/);
  assert.match(hoverAt('apiVersion: toys.example.org/v1\nkind: WidgetList\nitems:\n  - spec:\n      si|ze: 3\n', ctx)!, /Number of cogs turning/);
});

test('a CRD that changes in the index counts as a change, and its new schema applies', () => {
  const index = indexWith({ 'file:///toys/crds/widget.yaml': gadgetCrd() });
  const ctx = workspaceContext(index);
  assert.equal(schemaFindings(brokenWidget, ctx).filter((d) => d.code === 'schema-enum').length, 1);
  const generation = index.crdGeneration;
  // A comment does not change the schema: nothing to re-validate.
  assert.equal(index.updateText('file:///toys/crds/widget.yaml', `# toys\n${gadgetCrd()}`), false);
  assert.equal(index.crdGeneration, generation);
  assert.equal(index.updateText('file:///toys/crds/widget.yaml', gadgetCrd('[red, blue, green]')), true);
  assert.notEqual(index.crdGeneration, generation);
  assert.deepEqual(schemaFindings(brokenWidget, ctx).map((d) => d.code), ['schema-unknown-field', 'schema-required']);
  // Half-typed YAML in the CRD file: the CRD is gone rather than wrong, so nothing is reported.
  assert.equal(index.updateText('file:///toys/crds/widget.yaml', `${gadgetCrd()}  oops: [\n`), true);
  assert.deepEqual(schemaFindings(brokenWidget, ctx), []);
  // The file deleted: the kind is unknown again.
  index.updateText('file:///toys/crds/widget.yaml', gadgetCrd());
  assert.equal(index.remove('file:///toys/crds/widget.yaml'), true);
  assert.deepEqual(schemaFindings(brokenWidget, ctx), []);
});

test('unchanged sources give the same custom kinds object (nothing is converted again)', () => {
  const files = [{ path: '/toys/schemas/widget.yaml', text: gadgetCrd() }];
  const first = customSchemasFor(settingsContext(files));
  assert.ok(first);
  assert.equal(customSchemasFor(settingsContext([{ ...files[0]! }])), first);
  const index = indexWith({ 'file:///toys/crds/widget.yaml': gadgetCrd() });
  const fromIndex = customSchemasFor(workspaceContext(index));
  index.updateText('file:///toys/app.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  assert.equal(customSchemasFor(workspaceContext(index)), fromIndex);
});

test("the setting's file wins over a workspace CRD of the same kind; other kinds of both are served", () => {
  const index = indexWith({ 'file:///toys/crds/widget.yaml': gadgetCrd() });
  const ctx: FeatureContext = { ...workspaceContext(index), project: { customSchemaFiles: [{ path: '/elsewhere/widget.yaml', text: gadgetCrd('[red, blue, green]') }] } };
  assert.deepEqual(schemaFindings(brokenWidget, ctx).map((d) => d.code), ['schema-unknown-field', 'schema-required']);
  const gizmo = gadgetCrd().replace(/Widget/g, 'Gizmo').replace('widgets', 'gizmos');
  const both: FeatureContext = { ...workspaceContext(index), project: { customSchemaFiles: [{ path: '/elsewhere/gizmo.yaml', text: gizmo }] } };
  assert.equal(schemaFindings(brokenWidget, both).length, 3);
  assert.equal(schemaFindings(brokenWidget.replace('kind: Widget', 'kind: Gizmo'), both).length, 3);
});

test('two sets of custom schemas defining the same kind differently do not mix their definitions', () => {
  const integerSize = settingsContext([{ path: '/a/widget.yaml', text: gadgetCrd() }]);
  const stringSize = settingsContext([{ path: '/b/widget.yaml', text: gadgetCrd().replace('type: integer', 'type: string') }]);
  const text = brokenWidget.replace('sise: 3', 'size: large').replace('color: green', 'color: red');
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(summary(schemaFindings(text, integerSize)), ['schema-type: Expected integer, found the string "large".']);
    assert.deepEqual(summary(schemaFindings(text, stringSize)), []);
  }
});

test('CRDs that keep unknown fields (v1beta1 default, preserveUnknownFields) report no unknown field', () => {
  const v1beta1 = `apiVersion: apiextensions.k8s.io/v1beta1
kind: CustomResourceDefinition
metadata:
  name: widgets.toys.example.org
spec:
  group: toys.example.org
  version: v1
  names: {kind: Widget, plural: widgets}
  validation:
    openAPIV3Schema:
      properties:
        spec:
          required: [size]
          properties:
            size: {type: integer}
`;
  const ctx = workspaceContext(indexWith({ 'file:///toys/crds/old.yaml': v1beta1 }));
  assert.deepEqual(schemaFindings(brokenWidget, ctx).map((d) => d.code), ['schema-required']);
  const pruned = workspaceContext(indexWith({ 'file:///toys/crds/old.yaml': v1beta1.replace('  version: v1\n', '  version: v1\n  preserveUnknownFields: false\n') }));
  assert.deepEqual(summary(schemaFindings(brokenWidget, pruned)), [
    'schema-unknown-field: Unknown field ‘sise’ in Widget.spec; did you mean ‘size’?',
    'schema-unknown-field: Unknown field ‘color’ in Widget.spec.',
    'schema-required: Widget.spec is missing the required field ‘size’.',
  ]);
});

test('JSON schemas follow JSON Schema: keys beyond properties are allowed unless additionalProperties is false', () => {
  const schema = (closed: boolean) => JSON.stringify({
    type: 'object',
    properties: {
      apiVersion: { type: 'string', enum: ['toys.example.org/v1'] },
      kind: { type: 'string', enum: ['Widget'] },
      spec: { type: 'object', properties: { size: { type: 'integer' } }, ...(closed ? { additionalProperties: false } : {}) },
    },
  });
  const text = 'apiVersion: toys.example.org/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 2\n  sise: 3\n';
  assert.deepEqual(schemaFindings(text, settingsContext([{ path: '/s/open.json', text: schema(false) }])), []);
  assert.deepEqual(schemaFindings(text, settingsContext([{ path: '/s/closed.json', text: schema(true) }])).map((d) => d.code), ['schema-unknown-field']);
});

test('a CRD list (kubectl get crd -o yaml) in the workspace is picked up', () => {
  const list = `apiVersion: v1\nkind: List\nitems:\n${gadgetCrd().split('\n').filter(Boolean).map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)).join('\n')}\n`;
  assertTheThreeErrors(schemaFindings(brokenWidget, workspaceContext(indexWith({ 'file:///toys/crds/all.yaml': list }))));
});

test('the CRD store is bounded: oversized CRDs and CRDs past the cap are left out', () => {
  const store = new CrdStore({ maxCrds: 2, maxCrdChars: 100, maxTotalChars: 1000 });
  assert.equal(store.set('file:///a.yaml', ['{"a":1}', 'x'.repeat(101)]), true);
  assert.equal(store.set('file:///b.yaml', ['{"b":1}', '{"c":1}']), true);
  assert.deepEqual(store.all(), ['{"a":1}', '{"b":1}']);
  // Dropping a file makes room again; the order is by URI, whatever the order of arrival.
  assert.equal(store.set('file:///a.yaml', []), true);
  assert.equal(store.set('file:///0.yaml', ['{"z":1}']), true);
  assert.deepEqual(store.all(), ['{"z":1}', '{"b":1}']);
  assert.equal(store.set('file:///0.yaml', ['{"z":1}']), false);
});

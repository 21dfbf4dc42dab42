import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, tree } from './helpers';

/**
 * `stevedore lint` checks custom resources against their CRD: one found anywhere in the linted
 * tree (no configuration), or one named by `.stevedore.yaml` `kubernetes.customSchemas`, relative
 * to that file, even outside the linted folder.
 */

const widgetCrd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.toys.example.org
spec:
  group: toys.example.org
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: integer, description: Number of cogs.}
                color: {type: string, enum: [red, blue]}
`;

const widget = `apiVersion: toys.example.org/v1
kind: Widget
metadata:
  name: sprocket
spec:
  sise: 3
  color: green
`;

interface JsonReport {
  files: { path: string; diagnostics: { ruleId: string; severity: string; line: number; message: string }[] }[];
}

async function findingsOf(args: string[], cwd: string, path: string): Promise<{ code: number; found: string[] }> {
  const run = await cli([...args, '--format', 'json'], { cwd });
  const report = JSON.parse(run.stdout) as JsonReport;
  const file = report.files.find((f) => f.path === path);
  return { code: run.code, found: (file?.diagnostics ?? []).filter((d) => d.ruleId.startsWith('schema-')).map((d) => `${d.line} ${d.severity} ${d.ruleId}: ${d.message}`) };
}

const theThreeErrors = [
  '5 error schema-required: Widget.spec is missing the required field ‘size’.',
  '6 error schema-unknown-field: Unknown field ‘sise’ in Widget.spec; did you mean ‘size’?',
  '7 error schema-enum: ‘green’ is not a valid color; expected red, blue.',
];

describe('stevedore lint: custom resources', () => {
  it('checks a custom resource against a CRD found in the linted tree, with no configuration', async () => {
    const root = tree({ 'crds/widget.yaml': widgetCrd, 'widget.yaml': widget });
    const { code, found } = await findingsOf(['lint', '.'], root, 'widget.yaml');
    assert.deepEqual(found, theThreeErrors);
    assert.equal(code, 1);
  });

  it('a valid custom resource passes', async () => {
    const root = tree({ 'crds/widget.yaml': widgetCrd, 'widget.yaml': widget.replace('sise: 3', 'size: 3').replace('green', 'blue') });
    const { found } = await findingsOf(['lint', '.'], root, 'widget.yaml');
    assert.deepEqual(found, []);
  });

  it('checks it against a CRD outside the linted folder named by .stevedore.yaml customSchemas', async () => {
    const root = tree({
      'schemas/widget-crd.yaml': widgetCrd,
      'app/.stevedore.yaml': 'kubernetes:\n  customSchemas: [../schemas/widget-crd.yaml]\n',
      'app/widget.yaml': widget,
    });
    const { code, found } = await findingsOf(['lint', 'app'], root, 'app/widget.yaml');
    assert.deepEqual(found, theThreeErrors);
    assert.equal(code, 1);
  });
});

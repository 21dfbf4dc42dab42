import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, tree } from './helpers';

// `stevedore lint` finds the label schema in the .hadolint.yaml on disk, as the editor does.
describe('stevedore lint: the label schema of .hadolint.yaml', () => {
  const dockerfile = 'FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20\nLABEL org.opencontainers.image.version=next team=core\nCOPY --from=build /etc/hostname /x\n';
  const schema = 'label-schema:\n  org.opencontainers.image.version: semver\n  org.opencontainers.image.source: url\nstrict-labels: true\n';

  it('reports what the schema asks for, on the lines where it belongs', async () => {
    const root = tree({ 'app/Dockerfile': dockerfile, '.hadolint.yaml': schema });
    const run = await cli(['lint', '--format', 'json', 'app'], { cwd: root });
    const findings = (JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string; line: number }[] }[] }).files.flatMap((f) => f.diagnostics);
    const label = findings.filter((d) => /label/.test(d.ruleId)).map((d) => `${d.line} ${d.ruleId}`).sort();
    assert.deepEqual(label, ['3 required-label-missing', '4 label-not-in-schema', '4 label-semver-invalid']);
  });

  it('reports none of it without the schema', async () => {
    const root = tree({ 'app/Dockerfile': dockerfile });
    const run = await cli(['lint', '--format', 'json', 'app'], { cwd: root });
    assert.doesNotMatch(run.stdout, /required-label-missing|label-not-in-schema|label-semver-invalid/);
  });
});

// The zh-cn pass: the label rules speak Chinese, with the label name quoted in 「」.
import * as assert from 'node:assert/strict';
import { diagnosticCode, openAndActivate, stevedoreDiagnostics, waitFor } from '../util';

suite('标签模式 (label schema, zh-cn)', () => {
  test('the findings of the label schema are in Chinese', async () => {
    const { document } = await openAndActivate('labels/Dockerfile');
    const missing = await waitFor('required-label-missing', () => stevedoreDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'required-label-missing'));
    assert.match(missing.message, /缺|标签/);
    assert.match(missing.message, /「org\.opencontainers\.image\.source」/);
    const version = stevedoreDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'label-semver-invalid');
    assert.ok(version, 'label-semver-invalid is there too');
    assert.match(version.message, /语义化版本/);
  });
});

// Pod Security findings in the Chinese pass: the control is named in Chinese.
import * as assert from 'node:assert/strict';
import { diagnosticCode, openAndActivate, stevedoreDiagnostics, waitFor } from '../util';

suite('Pod 安全标准（中文）', () => {
  test('命名空间强制执行 restricted 时，结果用中文写出控制项', async () => {
    const { document } = await openAndActivate('pod-security/namespaced.yaml');
    const finding = await waitFor('the enforced Restricted finding', () => stevedoreDiagnostics(document.uri).find((d) => diagnosticCode(d) === 'pod-security-restricted'));
    assert.match(finding.message, /权限提升/);
    assert.match(finding.message, /命名空间\s*.pss-enforced.\s*强制执行受限/);
  });
});

// The zh-cn pass: an OpenShift DeploymentConfig's hover says, in Chinese, that it is deprecated and what replaces it.
import * as assert from 'node:assert/strict';
import { hoverText, openAndActivate, positionOf, waitFor } from '../util';

suite('OpenShift 类型（OpenShift kinds, zh-cn）', () => {
  test('the DeploymentConfig hover carries the deprecation note in Simplified Chinese', async () => {
    const { document } = await openAndActivate('catalog/deploymentconfig.yaml');
    const text = await waitFor('the DeploymentConfig hover', async () => {
      const found = await hoverText(document.uri, positionOf(document, 'DeploymentConfig', 2));
      return found.includes('OpenShift') ? found : undefined;
    });
    assert.match(text, /自 OpenShift 4\.14 起已弃用：请改用 Kubernetes 的 Deployment/);
    assert.match(text, /部署器 Pod/);
    assert.doesNotMatch(text, /Deprecated since/);
  });

  test('a Gateway API field: the CRD\'s English, said so in Chinese', async () => {
    const { document } = await openAndActivate('catalog/httproute.yaml');
    const text = await waitFor('the hover of parentRefs', async () => {
      const found = await hoverText(document.uri, positionOf(document, 'parentRefs', 2));
      return found.includes('Gateways') ? found : undefined;
    });
    assert.match(text, /暂无中文说明，以下为 CRD 的英文原文/);
  });
});

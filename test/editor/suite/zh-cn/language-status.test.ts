// The language status items in the Chinese editor: the server's summary in the docs language
// (`auto` follows the display language), the client's own words from l10n/bundle.l10n.zh-cn.json.
import * as assert from 'node:assert/strict';
import type { StevedoreApi } from '../../../../client/src/extension';
import type { LanguageStatusView } from '../../../../client/src/languageStatus';
import { openAndActivate, stevedore, waitFor } from '../util';

function status(): { document: LanguageStatusView; server: LanguageStatusView } {
  return (stevedore().exports as StevedoreApi).languageStatus();
}

function waitForSummary(text: string): Promise<LanguageStatusView> {
  return waitFor(`the language status to read "${text}" (it reads "${status().document.text}")`, () => {
    const { document } = status();
    return document.text === text && !document.busy ? document : undefined;
  });
}

suite('语言状态 (language status, zh-cn)', () => {
  test('a multi-stage Dockerfile is summarised in Chinese', async () => {
    await openAndActivate('Dockerfile.multistage');
    const item = await waitForSummary('Dockerfile · 3 个阶段');
    assert.equal(item.detail, '构建阶段：builder 基于 golang:${GO_VERSION}-alpine；tester 基于 builder；阶段 2 基于 alpine:3.20');
  });

  test('a Deployment is summarised in Chinese, and the server item speaks Chinese', async () => {
    await openAndActivate('deployment.yaml');
    assert.equal((await waitForSummary('Kubernetes 1.36 · Deployment')).detail, '1 个对象：Deployment/web');
    await waitFor('the server item in Chinese', () => status().server.detail === '语言服务器运行中');
  });
});

// The Compose language in the zh-cn pass: hover follows the editor's display language.
import * as assert from 'node:assert/strict';
import { hoverText, openAndActivate, positionOf, waitFor } from '../util';

const fixture = 'compose/compose.yaml';

suite('Compose 悬停提示（zh-cn）', () => {
  test('hover on a service key is in Simplified Chinese', async () => {
    const { document } = await openAndActivate(fixture);
    const text = await waitFor('the hover on depends_on', async () => (await hoverText(document.uri, positionOf(document, 'depends_on:', 3))) || undefined);
    assert.match(text, /要在本服务之前启动/);
    assert.doesNotMatch(text, /Services to start before this one/);
  });

  test('a Swarm-only key and a service name are described in Chinese', async () => {
    const { document } = await openAndActivate(fixture);
    const placement = await waitFor('the hover on placement', async () => (await hoverText(document.uri, positionOf(document, 'placement:', 2))) || undefined);
    assert.match(placement, /仅 Swarm/);
    const web = await waitFor('the hover on web', async () => (await hoverText(document.uri, positionOf(document, '  web:', 3))) || undefined);
    assert.match(web, /镜像：/);
    assert.match(web, /服务/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, tree } from './helpers';

/**
 * Every output format prints messages as plain text: code quoted as ‘code’ (English) or
 * 「code」 (Chinese), no Markdown backticks, in the terminal, in JSON, in SARIF's `message.text`,
 * in GitHub annotations, in Checkstyle and in GitLab's code-quality report.
 */
const files = {
  // apt-get-install-recommends quotes two pieces of code; the manifest has a YAML syntax error.
  Dockerfile: 'FROM debian:12.5\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
  'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  key: value: more\n',
};

const formats = ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab'] as const;

describe('command-line messages are plain text in every format', () => {
  for (const format of formats) {
    it(`${format}, English and Chinese`, async () => {
      const root = tree(files);
      const en = await cli(['lint', '--format', format, '--lang', 'en', '.'], { cwd: root });
      const zh = await cli(['lint', '--format', format, '--lang', 'zh-cn', '.'], { cwd: root });
      // JSON-based formats escape nothing in these characters, XML neither: the text is there as is.
      assert.ok(en.stdout.includes('‘apt-get install’ also installs recommended packages'), en.stdout);
      assert.ok(en.stdout.includes('YAML: A value cannot start a new mapping on the line of its key'), en.stdout);
      assert.ok(zh.stdout.includes('「apt-get install」会同时安装推荐的软件包'), zh.stdout);
      assert.ok(zh.stdout.includes('YAML 语法错误：值不能在键的同一行开始新的映射'), zh.stdout);
      // SARIF also carries every rule's docs, Markdown on purpose (help.markdown): its results are checked below.
      if (format !== 'sarif') for (const out of [en.stdout, zh.stdout]) assert.ok(!out.includes('`'), 'no Markdown code marks');
    });
  }

  it('SARIF results carry the plain message as text', async () => {
    const root = tree(files);
    const run = await cli(['lint', '--format', 'sarif', '--lang', 'en', '.'], { cwd: root });
    const sarif = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; message: { text: string } }[] }[] };
    const results = sarif.runs[0].results;
    assert.ok(results.length >= 2);
    for (const result of results) assert.doesNotMatch(result.message.text, /`/, `${result.ruleId}: ${result.message.text}`);
  });
});

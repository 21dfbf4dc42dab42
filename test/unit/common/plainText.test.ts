import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeSpan, plainMessage } from '../../../server/src/common/plainText';
import { toDiagnostic, type RuleMeta } from '../../../server/src/common/rules';

const en = (markdown: string) => plainMessage(markdown, 'en');
const zh = (markdown: string) => plainMessage(markdown, 'zh-cn');

test('English: code spans become single curly quotes, the rest of the text is kept', () => {
  assert.equal(en('No Service named `web` in the workspace (it may exist in the cluster).'), 'No Service named ‘web’ in the workspace (it may exist in the cluster).');
  assert.equal(en('Use `npm ci` instead of `npm install`.'), 'Use ‘npm ci’ instead of ‘npm install’.');
  assert.equal(en('Nothing to render here.'), 'Nothing to render here.');
});

test('Chinese: code spans become corner brackets with no space beside them', () => {
  assert.equal(zh('工作区中没有名为 `web` 的 Service（它可能存在于集群中）。'), '工作区中没有名为「web」的 Service（它可能存在于集群中）。');
  assert.equal(zh('Service `web` 没有端口 `80`。'), 'Service「web」没有端口「80」。');
  assert.equal(zh('`apt-get install` 会同时安装推荐的软件包；请加上 `--no-install-recommends`。'), '「apt-get install」会同时安装推荐的软件包；请加上「--no-install-recommends」。');
  // Full-width punctuation carries its own space; the space between Han and Latin words stays.
  assert.equal(zh('计划 `x` 无效 ；请使用 cron 表达式 。'), '计划「x」无效；请使用 cron 表达式。');
  assert.equal(zh('容器 `web` （默认）'), '容器「web」（默认）');
});

test('spaces inside code are kept exactly; doubled spaces outside shrink to one', () => {
  assert.equal(en('Run `a  b` now,  please.'), 'Run ‘a  b’ now, please.');
  assert.equal(zh('请执行  `a  b`  命令。'), '请执行「a  b」命令。');
  // CommonMark strips one space from each side of a padded span.
  assert.equal(en('the `` `x` `` span'), 'the ‘`x`’ span');
});

test('strong and emphasis marks go; stars that are not marks stay', () => {
  assert.equal(en('**Never** run as root, *really*.'), 'Never run as root, really.');
  assert.equal(zh('这是**重要**的，*务必*检查。'), '这是重要的，务必检查。');
  assert.equal(en('**use `x`** now'), 'use ‘x’ now');
  assert.equal(en('remove /var/lib/apt/lists/* and *.pyc, 2 * 3'), 'remove /var/lib/apt/lists/* and *.pyc, 2 * 3');
  assert.equal(en('excluded by .dockerignore ("secrets/**") and ("keys/**")'), 'excluded by .dockerignore ("secrets/**") and ("keys/**")');
  assert.equal(en('Pattern `*.txt` or `**/x`'), 'Pattern ‘*.txt’ or ‘**/x’');
});

test('backticks: inside longer fences they are code, unmatched they are text', () => {
  assert.equal(en(`Invalid escape character ${codeSpan('x')}; use ${codeSpan('\\')} or ${codeSpan('`')}.`), 'Invalid escape character ‘x’; use ‘\\’ or ‘`’.');
  assert.equal(en(`The command ${codeSpan('echo `date`')} runs`), 'The command ‘echo `date`’ runs');
  assert.equal(en('a stray ` stays'), 'a stray ` stays');
  // An empty value quoted by a template (`${''}`) is an empty quote, not two stray backticks.
  assert.equal(en('The name `` is empty'), 'The name ‘’ is empty');
});

test('quote characters in the code pick the other pair; apostrophes and straight quotes are left alone', () => {
  assert.equal(en('value `it’s` here'), 'value “it’s” here');
  assert.equal(zh('值 `「x」` 这里'), '值“「x」”这里');
  assert.equal(en("It's `a`, isn't it? Use \"x\"."), "It's ‘a’, isn't it? Use \"x\".");
  assert.equal(en("`echo 'hi'` prints"), "‘echo 'hi'’ prints");
});

test('codeSpan fences text of any shape so it reads back unchanged', () => {
  for (const text of ['plain', 'a`b', '``double``', '`', ' padded ', 'ends with `', '']) {
    const rendered = en(`x ${codeSpan(text)} y`);
    assert.equal(rendered.slice(3, -3), text, `${JSON.stringify(text)} → ${rendered}`);
  }
});

test('toDiagnostic renders the message in the diagnostic language', () => {
  const meta: RuleMeta = {
    id: 'demo', aliases: [], severity: 'warning', category: 'style', profile: 'recommended',
    title: { en: 'Demo', zh: '示例' }, docs: { en: 'Demo.', zh: '示例。' },
  } as RuleMeta;
  const finding = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: { en: 'Set `x` to **1**.', zh: '请把 `x` 设为 **1**。' } };
  assert.equal(toDiagnostic(meta, 'warning', finding, 'en').message, 'Set ‘x’ to 1.');
  assert.equal(toDiagnostic(meta, 'warning', finding, 'zh-cn').message, '请把「x」设为 1。');
});

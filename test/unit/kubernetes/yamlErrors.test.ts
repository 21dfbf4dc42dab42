import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describeYamlError, yamlErrorWordings } from '../../../server/src/common/yamlErrors';
import { diagnose } from './k8sTestKit';

const yamlDist = join(__dirname, '..', '..', '..', 'node_modules', 'yaml', 'dist');

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

function syntaxMessages(text: string, lang: 'en' | 'zh-cn'): string[] {
  return diagnose(text, { lang }).filter((d) => d.code === 'yaml-syntax').map(messageOf);
}

/** Chinese through and through: no English word left once quoted code and the name YAML are set aside. */
function assertAllChinese(message: string): void {
  const prose = message.replace(/「[^」]*」|“[^”]*”/g, '').replace(/YAML/g, '');
  assert.doesNotMatch(prose, /[A-Za-z]{2,}/, message);
  assert.match(prose, /\p{Script=Han}/u, message);
}

const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n';

/** The mistakes people make, one per common error code, and what each message must say. */
const common: { code: string; text: string; en: RegExp; zh: RegExp }[] = [
  { code: 'BLOCK_AS_IMPLICIT_KEY', text: `${head}data:\n  key: value: more\n`, en: /cannot start a new mapping on the line of its key/, zh: /值不能在键的同一行开始新的映射/ },
  { code: 'BAD_INDENT', text: `${head}data:\n  a: "1"\n b: "2"\n`, en: /not aligned with the other keys/, zh: /没有与同一映射中的其他键对齐/ },
  { code: 'MISSING_CHAR', text: `${head}data:\n  a: "unclosed\n`, en: /double-quoted string is not closed: a ‘"’ is missing/, zh: /双引号字符串没有闭合：缺少「"」/ },
  { code: 'MULTILINE_IMPLICIT_KEY', text: `${head}data\n  a: "1"\n`, en: /key must fit on one line/, zh: /键必须写在一行内/ },
  { code: 'UNEXPECTED_TOKEN', text: `${head}data:\n  a: "1"\n]\n`, en: /Unexpected ‘\]’ here/, zh: /此处出现了意外的「\]」/ },
  { code: 'BAD_SCALAR_START', text: `${head}data:\n  a: @home\n`, en: /unquoted value cannot start with ‘@’/, zh: /不加引号的值不能以「@」开头/ },
  { code: 'BAD_DQ_ESCAPE', text: `${head}data:\n  path: "C:\\q"\n`, en: /Invalid escape sequence ‘\\q’/, zh: /转义序列「\\q」无效/ },
  { code: 'BLOCK_IN_FLOW', text: `${head}data: [\n  - a\n]\n`, en: /Inside ‘\[ \]’ or ‘\{ \}’/, zh: /在「\[ \]」或「\{ \}」内/ },
  { code: 'BAD_ALIAS', text: `${head}data:\n  a: *\n`, en: /alias needs a name after ‘\*’/, zh: /别名的「\*」后面需要写名称/ },
  { code: 'MULTIPLE_ANCHORS', text: `${head}data:\n  a: &x &y "1"\n`, en: /only one anchor/, zh: /只能有一个锚点/ },
  { code: 'MISSING_CHAR (flow)', text: `${head}data: {a: "1", b: "2"\n`, en: /flow mapping \(‘\{ \}’\)/, zh: /流式映射（「\{ \}」）/ },
];

for (const { code, text, en, zh } of common) {
  test(`${code}: one message in English and one in Chinese, in our words`, () => {
    const english = syntaxMessages(text, 'en');
    const chinese = syntaxMessages(text, 'zh-cn');
    assert.ok(english.length > 0, `no yaml-syntax finding for ${JSON.stringify(text)}`);
    assert.ok(english.some((m) => en.test(m)), english.join('\n'));
    assert.ok(chinese.some((m) => zh.test(m)), chinese.join('\n'));
    for (const message of english) assert.match(message, /^YAML: /);
    for (const message of chinese) {
      assert.match(message, /^YAML 语法错误：/);
      assertAllChinese(message);
    }
    for (const message of [...english, ...chinese]) assert.doesNotMatch(message, /`/, 'plain text, no Markdown');
  });
}

test('the codes with their own rule have wordings too (duplicate keys, tabs)', () => {
  assert.match(describeYamlError({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique' }).zh, /键重复/);
  assert.match(describeYamlError({ code: 'TAB_AS_INDENT', message: 'Tabs are not allowed as indentation' }).en, /cannot be indented with tabs/);
});

test('an error code the table does not know keeps the parser text, in both languages', () => {
  const unknown = { code: 'SOMETHING_NEW', message: 'Something new went wrong\nat line 3' } as unknown as Parameters<typeof describeYamlError>[0];
  assert.deepEqual(describeYamlError(unknown), { en: 'Something new went wrong', zh: 'Something new went wrong' });
});

test('a known code with a message no pattern expects gets the code\'s general wording', () => {
  assert.deepEqual(describeYamlError({ code: 'UNEXPECTED_TOKEN', message: 'Some future wording' }), yamlErrorWordings.UNEXPECTED_TOKEN.general);
});

test('every error code of the installed yaml package has a wording', () => {
  const declaration = readFileSync(join(yamlDist, 'errors.d.ts'), 'utf8');
  const union = /export type ErrorCode = ([^;]+);/.exec(declaration)?.[1] ?? '';
  const codes = [...union.matchAll(/'([A-Z_0-9]+)'/g)].map((m) => m[1]).sort();
  assert.ok(codes.length >= 20, union);
  assert.deepEqual(Object.keys(yamlErrorWordings).sort(), codes);
  for (const code of codes) {
    const { general } = yamlErrorWordings[code as keyof typeof yamlErrorWordings];
    assert.ok(general.en && general.zh, code);
    assertAllChinese(general.zh.replace(/`[^`]*`/g, '「」'));
  }
});

/**
 * The parser's own messages, read from its sources (`onError(…, 'CODE', 'message')`), each with
 * sample values for its `${…}` parts: every one finds its specific wording, except those listed
 * here, which the code's general wording covers well. A yaml upgrade that rewords a message
 * fails here, so the table is reviewed.
 */
const coveredByGeneral = new Set([
  'Block scalar header not found', 'Map comment with trailing content', // internal states (IMPOSSIBLE)
  'Source contains multiple documents; please use YAML.parseAllDocuments()', // we parse all documents
  'Unexpected x token', 'Unsupported token x', 'Expected a flow scalar value, but found: x', // token types no user wrote
  'Implicit keys need to be on a single line', // the general wording of MULTILINE_IMPLICIT_KEY is this one's
]);
const samples: Record<string, string> = {
  fcName: 'flow sequence', flow: 'flow map', "flow ?? 'collection'": 'collection',
  'kt.tag': 'tag:yaml.org,2002:map', expType: 'seq', "kt.collection ?? 'scalar'": 'map',
  badChar: 'reserved character @', raw: '\\q', tagName: '!thing', source: '|x', 'token.source': '?',
};

test('every message the yaml parser words itself finds a specific wording', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.js')) files.push(join(dir, entry.name));
    }
  };
  walk(yamlDist);
  const call = /'([A-Z][A-Z_0-9]+)',\s*(['"`])((?:\\.|(?!\2)[^\\\n])*)\2/g;
  const missing: string[] = [];
  let seen = 0;
  for (const file of files) {
    for (const [, code, , raw] of readFileSync(file, 'utf8').matchAll(call)) {
      const wording = yamlErrorWordings[code as keyof typeof yamlErrorWordings];
      if (!wording) continue;
      const message = raw.replace(/\$\{([^}]*)\}/g, (_, expression: string) => samples[expression] ?? 'x');
      seen++;
      if (coveredByGeneral.has(message)) continue;
      if (wording.specific && !wording.specific.some(({ pattern }) => pattern.test(message))) missing.push(`${code}: ${message}`);
    }
  }
  assert.ok(seen >= 40, `only ${seen} parser messages found in ${yamlDist}`);
  assert.deepEqual(missing, []);
});

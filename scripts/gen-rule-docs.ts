// Generates the rule pages from the rule registries, one set per docs language:
//   docs/rules/<id>.md, docs/rules/README.md               English
//   docs/rules/zh-cn/<id>.md, docs/rules/zh-cn/README.md   Simplified Chinese
//   docs/rules/rules.json                                  every rule's id, language, names and titles
// The pages ship with the extension and the npm package: diagnostics link to them and
// "Stevedore: Explain rule" opens them (its quick pick reads rules.json), offline, in the user's
// docs language. The rule counts live here (README.md links to them), so no count is kept by hand.
// Run: node --import tsx scripts/gen-rule-docs.ts   (`--check`: exit 1 when stale; npm test runs
// it first). A unit test (test/unit/dockerfile/rules-docs.test.ts) fails when the committed pages
// are stale.
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pick, type DocsLanguage, type Localized } from '../server/src/common/localized';
import { ruleDocsPath, type RuleMeta } from '../server/src/common/rules';
import { dockerfileRules } from '../server/src/dockerfile/rules';
import { kubernetesRules } from '../server/src/kubernetes/rules';
import { composeRules } from '../server/src/compose/rules';
import { ruleModuleOf, testFilesMentioning } from './rule-sources';

type Language = 'Dockerfile' | 'Kubernetes' | 'Compose';

interface DocumentedRule {
  meta: RuleMeta;
  language: Language;
}

const docsLanguages: readonly DocsLanguage[] = ['en', 'zh-cn'];


const severityWords: Record<string, Localized> = {
  error: { en: 'error', zh: '错误' },
  warning: { en: 'warning', zh: '警告' },
  info: { en: 'info', zh: '信息' },
  hint: { en: 'hint', zh: '提示' },
};

/** Which profile runs the rule (RuleMeta.profile): the default one, or only the strict one. */
const profileWords: Record<string, Localized> = {
  recommended: { en: 'recommended (on by default)', zh: '推荐（默认启用）' },
  strict: { en: 'strict (on with `stevedore.profile: strict`)', zh: '严格（设置 `stevedore.profile: strict` 后启用）' },
};

const categoryWords: Record<string, Localized> = {
  syntax: { en: 'syntax', zh: '语法' },
  semantics: { en: 'semantics', zh: '语义' },
  'best-practice': { en: 'best practice', zh: '最佳实践' },
  security: { en: 'security', zh: '安全' },
  style: { en: 'style', zh: '风格' },
};

/** The words of a page's frame, per language. */
const words = {
  otherLanguage: { en: '[简体中文](zh-cn/{id}.md)', zh: '[English](../{id}.md)' },
  allRules: { en: '[All rules](README.md)', zh: '[全部规则](README.md)' },
  language: { en: 'Language', zh: '语言' },
  category: { en: 'Category', zh: '类别' },
  severity: { en: 'Default severity', zh: '默认级别' },
  profile: { en: 'Profile', zh: '规则集' },
  aliases: { en: 'Also known as', zh: '别名' },
  fix: { en: 'Quick fix', zh: '快速修复' },
  yes: { en: 'yes', zh: '有' },
  no: { en: 'no', zh: '无' },
  turningOff: { en: 'Turning it off', zh: '如何关闭' },
  source: { en: 'Source', zh: '源码' },
  sourceLine: { en: 'Rule: {module} (export {export}). Unit tests: {tests}.', zh: '规则：{module}（导出名 {export}）。单元测试：{tests}。' },
  otherTests: { en: 'plus {count} among the command line, protocol, editor and corpus tests', zh: '另有 {count} 个测试文件提到它（命令行、协议、编辑器、语料库）' },
  noTests: { en: 'none yet', zh: '暂无' },
} satisfies Record<string, Localized>;

/** The heading over `meta.differences`: the peers a language's rules are compared with. */
const differencesHeading: Record<Language, Localized> = {
  Dockerfile: { en: 'Differences from hadolint and BuildKit', zh: '与 hadolint 和 BuildKit 的差异' },
  Kubernetes: { en: 'Differences from kube-linter', zh: '与 kube-linter 的差异' },
  Compose: { en: 'Differences from docker compose config', zh: '与 docker compose config 的差异' },
};

const settingKey: Record<Language, string> = { Dockerfile: 'stevedore.dockerfile.rules', Kubernetes: 'stevedore.kubernetes.rules', Compose: 'stevedore.compose.rules' };

export function documentedRules(): DocumentedRule[] {
  const rules: DocumentedRule[] = [
    ...dockerfileRules.rules.map((rule) => ({ meta: rule.meta, language: 'Dockerfile' as const })),
    ...kubernetesRules.rules.map((rule) => ({ meta: rule.meta, language: 'Kubernetes' as const })),
    ...composeRules.rules.map((rule) => ({ meta: rule.meta, language: 'Compose' as const })),
  ];
  const seen = new Set<string>();
  for (const { meta } of rules) {
    if (seen.has(meta.id)) throw new Error(`two rules share the id ${meta.id}; their documentation pages would collide`);
    seen.add(meta.id);
  }
  return rules;
}

const code = (names: readonly string[]) => (names.length ? names.map((n) => `\`${n}\``).join(', ') : '—');

function suppressionExample(rule: DocumentedRule): Localized {
  const { meta, language } = rule;
  const alias = meta.aliases[0];
  const setting = `\`\`\`json\n"${settingKey[language]}": { "${meta.id}": "off" }\n\`\`\``;
  if (language === 'Compose') {
    const comment = `\`\`\`yaml\n# stevedore-ignore ${meta.id}\n\`\`\``;
    return {
      en: `Ignore one line with a comment on the line above it (or at the end of the line):\n\n${comment}\n\nthe whole file with \`# stevedore-ignore-file ${meta.id}\`, or every file in the settings:\n\n${setting}`,
      zh: `在该行上一行（或行尾）添加注释即可忽略该行：\n\n${comment}\n\n用 \`# stevedore-ignore-file ${meta.id}\` 忽略整个文件，或在设置中对所有文件关闭：\n\n${setting}`,
    };
  }
  if (language === 'Kubernetes') {
    return {
      en: `Turn it off or change its severity in the settings:\n\n${setting}`,
      zh: `在设置中关闭它或修改其严重级别：\n\n${setting}`,
    };
  }
  const comments = [`# stevedore-ignore ${meta.id}`, alias && /^DL\d+$/.test(alias) ? `# hadolint ignore=${alias}` : undefined].filter(Boolean).join('\n');
  return {
    en: `Ignore one instruction with a comment on the line above it:\n\n\`\`\`dockerfile\n${comments}\n\`\`\`\n\nthe whole file with \`# stevedore-ignore-file ${meta.id}\`, or every file in the settings:\n\n${setting}`,
    zh: `在指令上一行添加注释即可忽略该指令：\n\n\`\`\`dockerfile\n${comments}\n\`\`\`\n\n用 \`# stevedore-ignore-file ${meta.id}\` 忽略整个文件，或在设置中对所有文件关闭：\n\n${setting}`,
  };
}

/** The "Source" line: the rule's module and the test files naming its id, so a maintainer finds them from the id. */
function sourceLine(meta: RuleMeta, lang: DocsLanguage): string {
  const t = (text: Localized) => pick(text, lang);
  const module = ruleModuleOf(meta.id);
  if (!module) throw new Error(`no rule module declares ${meta.id}`);
  // The unit tests hold a rule's cases; the other layers (CLI, protocol, editor) are only counted.
  const tests = testFilesMentioning(meta.id);
  const unit = tests.filter((file) => file.startsWith('test/unit/'));
  const others = tests.length - unit.length;
  const named = unit.map((file) => `\`${file}\``);
  if (others > 0) named.push(fill(t(words.otherTests), { count: others }));
  const list = named.length ? named.join(lang === 'zh-cn' ? '、' : ', ') : t(words.noTests);
  return fill(t(words.sourceLine), { module: `\`${module.file}\``, export: `\`${module.exportName}\``, tests: list });
}

export function renderRulePage(rule: DocumentedRule, lang: DocsLanguage): string {
  const { meta, language } = rule;
  const t = (text: Localized) => pick(text, lang);
  const names = [...meta.aliases, ...(meta.groups ?? [])];
  return [
    `<!-- Generated by scripts/gen-rule-docs.ts from the rule registry. Do not edit. -->`,
    `# ${meta.id}`,
    '',
    `**${t(meta.title)}**`,
    '',
    `${t(words.otherLanguage).replace('{id}', meta.id)} · ${t(words.allRules)}`,
    '',
    '| | |',
    '| --- | --- |',
    `| ${t(words.language)} | ${language} |`,
    `| ${t(words.category)} | ${t(categoryWords[meta.category])} |`,
    `| ${t(words.severity)} | ${t(severityWords[meta.severity])} |`,
    `| ${t(words.profile)} | ${t(profileWords[meta.profile])} |`,
    `| ${t(words.aliases)} | ${code(names)} |`,
    `| ${t(words.fix)} | ${t(meta.fixable ? words.yes : words.no)} |`,
    '',
    t(meta.docs),
    '',
    ...(meta.differences ? [`## ${t(differencesHeading[language])}`, '', t(meta.differences), ''] : []),
    `## ${t(words.turningOff)}`,
    '',
    t(suppressionExample(rule)),
    '',
    `## ${t(words.source)}`,
    '',
    sourceLine(meta, lang),
    '',
  ].join('\n');
}

/** How rules are configured and silenced in Dockerfiles; the same logic serves the server and the CLI. */
const configurationSection: Record<'en' | 'zh', string[]> = {
  en: [
    '## Configuring Dockerfile rules',
    '',
    'Severity is decided in layers, later ones winning: the rule default under the profile (`strict` rules are off under `recommended`) → the nearest `.hadolint.yaml` / `.hadolint.yml` (searched from the Dockerfile\'s directory up to the repository root: `ignored`, `override.error|warning|info|style`; `trustedRegistries`, `label-schema`, `strict-labels`, `failure-threshold` and `no-fail` are read too) → `# check=error=true` (BuildKit checks become errors) → the `stevedore.dockerfile.rules` setting (`{"DL3008": "off", "from-as-casing": "error"}`; keys are ids, aliases or BuildKit group names).',
    '',
    '| Comment | Effect |',
    '| --- | --- |',
    '| `# stevedore-ignore <id>[,<id>…]` | the next instruction only (the comment may sit anywhere in the comment block directly above it) |',
    '| `# stevedore-ignore` | every rule on the next instruction |',
    '| `# stevedore-ignore-file <id>[,<id>…]` | the whole file |',
    '| `# stevedore-ignore-file` | every rule in the whole file |',
    '| `# hadolint ignore=DL3008,DL3009` | the next instruction, in hadolint\'s spelling |',
    '| `# hadolint global ignore=DL3008` | the whole file, in hadolint\'s spelling |',
    '| `# check=skip=StageNameCasing,…` | BuildKit directive at the top of the file |',
    '| `# check=skip=all` | every rule that is a BuildKit check |',
    '',
    'Every diagnostic also offers the quick fixes "Ignore <id> on this line" and "Ignore <id> in this file", which write these comments.',
    '',
  ],
  zh: [
    '## 配置 Dockerfile 规则',
    '',
    '严重级别按层决定，后者覆盖前者：当前规则集下的规则默认值（`recommended` 规则集下 `strict` 规则关闭）→ 最近的 `.hadolint.yaml` / `.hadolint.yml`（从 Dockerfile 所在目录向上查找到仓库根目录：`ignored`、`override.error|warning|info|style`；也会读取 `trustedRegistries`、`label-schema`、`strict-labels`、`failure-threshold` 和 `no-fail`）→ `# check=error=true`（BuildKit 检查变为错误）→ `stevedore.dockerfile.rules` 设置（`{"DL3008": "off", "from-as-casing": "error"}`；键可以是 id、别名或 BuildKit 分组名）。',
    '',
    '| 注释 | 作用 |',
    '| --- | --- |',
    '| `# stevedore-ignore <id>[,<id>…]` | 仅作用于下一条指令（注释可位于其正上方注释块中的任意位置） |',
    '| `# stevedore-ignore` | 下一条指令上的所有规则 |',
    '| `# stevedore-ignore-file <id>[,<id>…]` | 整个文件 |',
    '| `# stevedore-ignore-file` | 整个文件的所有规则 |',
    '| `# hadolint ignore=DL3008,DL3009` | 下一条指令（hadolint 写法） |',
    '| `# hadolint global ignore=DL3008` | 整个文件（hadolint 写法） |',
    '| `# check=skip=StageNameCasing,…` | 文件顶部的 BuildKit 解析器指令 |',
    '| `# check=skip=all` | 所有对应 BuildKit 检查的规则 |',
    '',
    '每条诊断都提供“在此行忽略”和“在此文件中忽略”两个快速修复，会自动写入上述注释。',
    '',
  ],
};

const indexWords = {
  heading: { en: '# Rules', zh: '# 规则' },
  otherLanguage: { en: '[简体中文](zh-cn/README.md)', zh: '[English](../README.md)' },
  intro: {
    en: 'Every diagnostic Stevedore reports links to its page here; in VS Code the page opens inside the editor (click the rule\'s code in the Problems panel or the hover, or run "Stevedore: Explain Rule"). Rules answer to their id and to the names peer tools use (hadolint `DLxxxx` codes, BuildKit check names, kube-linter check names), in settings, `.hadolint.yaml` and ignore comments.',
    zh: 'Stevedore 报告的每条诊断都链接到这里的对应页面；在 VS Code 中页面直接在编辑器内打开（点击“问题”面板或悬停提示中的规则代码，或运行“Stevedore: 说明规则”）。规则既可以用其 id 指代，也可以用其他工具使用的名称（hadolint 的 `DLxxxx` 编号、BuildKit 检查名、kube-linter 检查名）指代，适用于设置、`.hadolint.yaml` 和忽略注释。',
  },
  counts: {
    en: '**{total} rules**: [{dockerfile} for Dockerfiles](#dockerfile), [{kubernetes} for Kubernetes manifests](#kubernetes) and [{compose} for Compose files](#compose).',
    zh: '共 **{total} 条规则**：[Dockerfile {dockerfile} 条](#dockerfile)，[Kubernetes 清单 {kubernetes} 条](#kubernetes)，[Compose 文件 {compose} 条](#compose)。',
  },
  profiles: {
    en: 'Two profiles decide which rules run before any per-rule setting. `recommended`, the default, runs the rules for problems that break or endanger a build or a deployment: syntax, meaning, security, and hadolint\'s default checks for Dockerfiles. `strict` adds completeness and hardening advice (probes, resource requests and limits, a read-only root filesystem, dropped capabilities, pod anti-affinity, `imagePullPolicy`…). Choose it with the `stevedore.profile` setting or `profile: strict` in `.stevedore.yaml`; a rule named in `stevedore.dockerfile.rules` / `stevedore.kubernetes.rules`, in `.hadolint.yaml` `override`, or in `.kube-linter.yaml` `include` (or `addAllBuiltIn`) runs whatever the profile. Each rule\'s profile is in the tables below.',
    zh: '在逐条规则的设置之前，由规则集决定哪些规则运行。默认的 `recommended`（推荐）只运行针对会破坏或危及构建与部署的问题的规则：语法、语义、安全，以及 Dockerfile 的 hadolint 默认检查。`strict`（严格）再加上完整性与加固方面的建议（探针、资源请求与上限、只读根文件系统、移除能力、Pod 反亲和性、`imagePullPolicy` 等）。可通过 `stevedore.profile` 设置或在 `.stevedore.yaml` 中写 `profile: strict` 选择；在 `stevedore.dockerfile.rules` / `stevedore.kubernetes.rules`、`.hadolint.yaml` 的 `override` 或 `.kube-linter.yaml` 的 `include`（或 `addAllBuiltIn`）中点名的规则，不论规则集如何都会运行。每条规则所属的规则集见下表。',
  },
  order: {
    en: '{count} rules, in the order they report: by category, then as their modules list them.',
    zh: '{count} 条规则，按报告顺序排列：先按类别，再按所在模块中的顺序。',
  },
  header: {
    en: '| Rule | Also known as | Severity | Category | Profile | Fix | Summary |',
    zh: '| 规则 | 别名 | 级别 | 类别 | 规则集 | 修复 | 说明 |',
  },
} satisfies Record<string, Localized>;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

export function renderIndex(rules: readonly DocumentedRule[], lang: DocsLanguage): string {
  const t = (text: Localized) => pick(text, lang);
  const dockerfileCount = rules.filter((r) => r.language === 'Dockerfile').length;
  const kubernetesCount = rules.filter((r) => r.language === 'Kubernetes').length;
  const composeCount = rules.filter((r) => r.language === 'Compose').length;
  const lines = [
    `<!-- Generated by scripts/gen-rule-docs.ts from the rule registry. Do not edit. -->`,
    t(indexWords.heading),
    '',
    t(indexWords.otherLanguage),
    '',
    t(indexWords.intro),
    '',
    fill(t(indexWords.counts), { total: rules.length, dockerfile: dockerfileCount, kubernetes: kubernetesCount, compose: composeCount }),
    '',
    t(indexWords.profiles),
    '',
    ...configurationSection[lang === 'zh-cn' ? 'zh' : 'en'],
  ];
  for (const language of ['Dockerfile', 'Kubernetes', 'Compose'] as const) {
    const list = rules.filter((r) => r.language === language);
    if (list.length === 0) continue;
    lines.push(`## ${language}`, '', fill(t(indexWords.order), { count: list.length }), '', t(indexWords.header), '| --- | --- | --- | --- | --- | --- | --- |');
    for (const { meta } of list) {
      lines.push(`| [${meta.id}](${meta.id}.md) | ${code([...meta.aliases, ...(meta.groups ?? [])])} | ${t(severityWords[meta.severity])} | ${t(categoryWords[meta.category])} | ${meta.profile} | ${meta.fixable ? t(words.yes) : ''} | ${t(meta.title)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * What the editor's "Explain rule" quick pick lists without asking the server: ids, the names a
 * user may type (aliases, groups) and the titles in both languages. Paths follow ruleDocsPath.
 */
export function renderRuleList(rules: readonly DocumentedRule[]): string {
  const list = rules.map(({ meta, language }) => ({
    id: meta.id,
    language: language.toLowerCase(),
    names: [...meta.aliases, ...(meta.groups ?? [])],
    title: meta.title,
  }));
  // One rule a line: readable, and a diff shows which rules changed.
  return `[\n${list.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`;
}

/** The folder of the generated files: docs/rules/ of the repository. */
export const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');

/** `docs/rules/zh-cn/x.md` → `zh-cn/x.md`: names in renderAll are relative to docsDir. */
const withinDocsDir = (path: string) => path.replace(/^docs\/rules\//, '');

/** Every file the docs folder should hold, by path relative to docsDir (`/`-separated). */
export function renderAll(): Map<string, string> {
  const rules = documentedRules();
  const files = new Map<string, string>();
  for (const lang of docsLanguages) {
    for (const rule of rules) files.set(withinDocsDir(ruleDocsPath(rule.meta.id, lang)), renderRulePage(rule, lang));
    files.set(withinDocsDir(ruleDocsPath('README', lang)), renderIndex(rules, lang));
  }
  files.set('rules.json', renderRuleList(rules));
  return files;
}

/** Generated files present on disk that renderAll no longer produces (a rule was removed or renamed). */
export function extraFiles(files: Map<string, string>): string[] {
  const folders = new Set([...files.keys()].map((name) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '')));
  const extra: string[] = [];
  for (const folder of folders) {
    let names: string[];
    try { names = readdirSync(join(docsDir, folder)); } catch { continue; }
    for (const name of names) {
      const path = folder ? `${folder}/${name}` : name;
      if ((name.endsWith('.md') || name.endsWith('.json')) && !files.has(path)) extra.push(path);
    }
  }
  return extra;
}

function main(): void {
  const files = renderAll();
  if (process.argv.includes('--check')) {
    const stale = [...files].filter(([name, text]) => { try { return readFileSync(join(docsDir, name), 'utf8') !== text; } catch { return true; } }).map(([name]) => name);
    const extra = extraFiles(files);
    if (stale.length || extra.length) {
      console.error(`docs/rules is stale (${[...stale, ...extra].join(', ')}): run node --import tsx scripts/gen-rule-docs.ts`);
      process.exit(1);
    }
    return;
  }
  for (const name of extraFiles(files)) unlinkSync(join(docsDir, name));
  let written = 0;
  for (const [name, text] of files) {
    const path = join(docsDir, name);
    let current: string | undefined;
    try { current = readFileSync(path, 'utf8'); } catch { current = undefined; }
    if (current !== text) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      written++;
    }
  }
  console.log(`rule docs: ${files.size} files, ${written} updated in ${docsDir}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

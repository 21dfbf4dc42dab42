import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ruleDocsPath } from '../../../server/src/common/rules';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { kubernetesRules } from '../../../server/src/kubernetes/rules';
import { findPackageRoot, installedRuleDocs, localRuleDoc, repositoryLinks, ruleHelpUri, withRuleDocLinks, type RuleDocsSource } from '../../../server/src/ruleDocLinks';

const repoRoot = resolve(__dirname, '..', '..', '..');
const installed: RuleDocsSource = { packageRoot: repoRoot };
const published: RuleDocsSource = { packageRoot: repoRoot, repository: repositoryLinks('github:example/stevedore') };

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
const finding = (code: string, source = 'stevedore'): Diagnostic => ({ range, severity: DiagnosticSeverity.Warning, code, source, message: 'm' });

describe('rule page paths', () => {
  it('English pages sit in docs/rules, Chinese ones in docs/rules/zh-cn', () => {
    assert.equal(ruleDocsPath('apt-get-missing-yes', 'en'), 'docs/rules/apt-get-missing-yes.md');
    assert.equal(ruleDocsPath('apt-get-missing-yes', 'zh-cn'), 'docs/rules/zh-cn/apt-get-missing-yes.md');
    assert.equal(ruleDocsPath('README', 'zh-cn'), 'docs/rules/zh-cn/README.md');
  });

  it('every rule has its page in both languages, titled in that language', () => {
    for (const { meta } of [...dockerfileRules.rules, ...kubernetesRules.rules]) {
      for (const [lang, title] of [['en', meta.title.en], ['zh-cn', meta.title.zh]] as const) {
        const page = localRuleDoc(installed, meta.id, lang);
        assert.ok(page && existsSync(page), `${meta.id} (${lang}) has no page`);
        assert.ok(readFileSync(page, 'utf8').includes(`**${title}**`), `${meta.id} (${lang}) page lacks its title`);
      }
    }
  });
});

describe('repository links', () => {
  it('reads the shapes package.json allows for GitHub and GitLab', () => {
    const github = { home: 'https://github.com/o/r', files: 'https://github.com/o/r/blob/HEAD/' };
    assert.deepEqual(repositoryLinks('github:o/r'), github);
    assert.deepEqual(repositoryLinks('o/r'), github);
    assert.deepEqual(repositoryLinks({ type: 'git', url: 'git+https://github.com/o/r.git' }), github);
    assert.deepEqual(repositoryLinks('git@github.com:o/r.git'), github);
    assert.deepEqual(repositoryLinks('https://gitlab.com/group/sub/r'), { home: 'https://gitlab.com/group/sub/r', files: 'https://gitlab.com/group/sub/r/-/blob/HEAD/' });
  });

  it('makes up nothing for a missing repository or a host it cannot address', () => {
    for (const repository of [undefined, '', {}, { url: 42 }, 'https://example.com/o/r.git', 'https://github.com/o/r/tree/main', 'bitbucket:o/r']) {
      assert.equal(repositoryLinks(repository), undefined, JSON.stringify(repository));
    }
  });

  it('the package names no repository (there is none to point to), so links are to the installed pages', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { repository?: unknown };
    assert.equal(pkg.repository, undefined);
    assert.deepEqual(installedRuleDocs(), { packageRoot: repoRoot, repository: undefined });
  });
});

describe('finding the installed pages', () => {
  it('from the bundles in dist/ and from the sources in server/src/', () => {
    assert.equal(findPackageRoot(join(repoRoot, 'dist')), repoRoot);
    assert.equal(findPackageRoot(join(repoRoot, 'server', 'src')), repoRoot);
  });

  it('gives up when no docs/rules is near', () => {
    assert.equal(findPackageRoot('/a/b/c/d/e/f', () => false), undefined);
    assert.equal(localRuleDoc({}, 'apt-get-missing-yes', 'en'), undefined);
  });
});

describe('language server links', () => {
  it('link each rule code to its installed page, in the document\'s docs language', () => {
    const [en] = withRuleDocLinks([finding('apt-get-missing-yes')], 'en', installed);
    assert.equal(en.codeDescription?.href, `file://${repoRoot}/docs/rules/apt-get-missing-yes.md`);
    const [zh] = withRuleDocLinks([finding('apt-get-missing-yes')], 'zh-cn', installed);
    assert.equal(zh.codeDescription?.href, `file://${repoRoot}/docs/rules/zh-cn/apt-get-missing-yes.md`);
    assert.ok(existsSync(fileURLToPath(zh.codeDescription!.href)));
  });

  it('stay local even when the repository is known (editors open them offline)', () => {
    const [d] = withRuleDocLinks([finding('image-untagged')], 'en', published);
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/image-untagged\.md$/);
  });

  it('leave other diagnostics alone and never change the engine\'s objects', () => {
    const engine = [finding('no-such-rule'), finding('image-untagged', 'yaml'), finding('../../etc/passwd')];
    const linked = withRuleDocLinks(engine, 'en', installed);
    assert.deepEqual(linked.map((d) => d.codeDescription), [undefined, undefined, undefined]);
    const original = finding('image-untagged');
    withRuleDocLinks([original], 'en', installed);
    assert.equal(original.codeDescription, undefined);
  });
});

describe('command line help links', () => {
  it('point at the web page when the repository is known', () => {
    assert.equal(ruleHelpUri(published, 'image-untagged', 'en'), 'https://github.com/example/stevedore/blob/HEAD/docs/rules/image-untagged.md');
    assert.equal(ruleHelpUri(published, 'image-untagged', 'zh-cn'), 'https://github.com/example/stevedore/blob/HEAD/docs/rules/zh-cn/image-untagged.md');
  });

  it('point at the installed page otherwise, and at nothing for a code without a page', () => {
    assert.equal(ruleHelpUri(installed, 'image-untagged', 'en'), `file://${repoRoot}/docs/rules/image-untagged.md`);
    assert.equal(ruleHelpUri(installed, 'unknown', 'en'), undefined);
    assert.equal(ruleHelpUri(published, 'unknown', 'en'), undefined);
    assert.equal(ruleHelpUri({}, 'image-untagged', 'en'), undefined);
  });
});

import type { Rule } from '../../common/rules';
import type { ManifestRuleSubject } from './context';

export const yamlSyntax: Rule<ManifestRuleSubject> = {
  meta: {
    id: 'yaml-syntax',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    title: { en: 'YAML syntax error', zh: 'YAML 语法错误' },
    docs: {
      en: 'The document is not valid YAML, so kubectl and the API server cannot read it.',
      zh: '该文档不是合法的 YAML，kubectl 和 API 服务器都无法读取它。',
    },
  },
  check({ file }, report) {
    for (const doc of file.documents) {
      if (!doc.isKubernetes) continue;
      for (const error of doc.yaml.errors) {
        const [from, to] = error.pos;
        report({
          range: { start: file.document.positionAt(from), end: file.document.positionAt(Math.max(to, from + 1)) },
          // The parser's own message is precise and English-only; we prefix our wording.
          message: { en: `YAML: ${firstLine(error.message)}`, zh: `YAML 语法错误：${firstLine(error.message)}` },
        });
      }
    }
  },
};

function firstLine(text: string): string {
  return text.split('\n')[0];
}

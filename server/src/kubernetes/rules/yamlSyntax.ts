import type { YAMLError } from 'yaml';
import type { Localized } from '../../common/localized';
import type { ManifestFile } from '../model';
import { describeYamlError } from '../../common/yamlErrors';
import type { KubeRule } from './context';

/** Parser errors with their own rule (and wording); everything else is a plain syntax error. */
const ownRules = new Set(['DUPLICATE_KEY', 'TAB_AS_INDENT']);

export const yamlSyntax: KubeRule = {
  meta: {
    id: 'yaml-syntax',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'YAML syntax error', zh: 'YAML 语法错误' },
    docs: {
      en: 'The document is not valid YAML, so kubectl and the API server cannot read it. Common causes: a missing space after `:`, an unclosed quote or bracket, or a line indented differently from its siblings.',
      zh: '该文档不是合法的 YAML，kubectl 和 API 服务器都无法读取它。常见原因：`:` 后缺少空格、引号或括号未闭合、某一行的缩进与同级不一致。',
    },
  },
  check({ file }, report) {
    // One mistake often derails the parser for a few tokens: one error per line is enough.
    const reportedLines = new Set<number>();
    for (const error of parserErrors(file)) {
      if (ownRules.has(error.code)) continue;
      const [from, to] = error.pos;
      const line = file.document.positionAt(from).line;
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      report({
        range: { start: file.document.positionAt(from), end: file.document.positionAt(Math.max(to, from + 1)) },
        // The parser's messages are English only and written for YAML implementers: ours are in both languages.
        message: yamlSyntaxMessage(error),
      });
    }
  },
};

export function* parserErrors(file: ManifestFile): Generator<YAMLError> {
  for (const doc of file.documents) yield* doc.yaml.errors;
}

function yamlSyntaxMessage(error: Pick<YAMLError, 'code' | 'message'>): Localized {
  const text = describeYamlError(error);
  return { en: `YAML: ${text.en}`, zh: `YAML 语法错误：${text.zh}` };
}

import type { YAMLError } from 'yaml';
import type { Localized } from '../../common/localized';
import { describeYamlError } from '../../common/yamlErrors';
import type { ComposeRule } from './context';

export const composeYamlSyntax: ComposeRule = {
  meta: {
    id: 'compose-yaml-syntax',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'YAML syntax error in a Compose file', zh: 'Compose 文件中的 YAML 语法错误' },
    docs: {
      en: 'The file is not valid YAML, so `docker compose` and `docker stack deploy` refuse to read it. Look for a missing space after `:`, an unclosed quote or bracket, a tab in the indentation, a key written twice in one mapping, or a line indented differently from its neighbours.',
      zh: '该文件不是合法的 YAML，`docker compose` 和 `docker stack deploy` 都会拒绝读取。请检查：`:` 后是否缺少空格、引号或括号是否未闭合、缩进中是否用了 Tab、同一映射中是否有重复的键，以及某一行的缩进是否与相邻行不一致。',
    },
  },
  check({ model }, report) {
    // One mistake often derails the parser for a few tokens: one error per line is enough.
    const reportedLines = new Set<number>();
    for (const doc of model.documents) {
      for (const error of doc.errors) {
        const [from, to] = error.pos;
        const start = model.document.positionAt(from);
        if (reportedLines.has(start.line)) continue;
        reportedLines.add(start.line);
        report({ range: { start, end: model.document.positionAt(Math.max(to, from + 1)) }, message: syntaxMessage(error) });
      }
    }
  },
};

function syntaxMessage(error: Pick<YAMLError, 'code' | 'message'>): Localized {
  const text = describeYamlError(error);
  return { en: `YAML: ${text.en}`, zh: `YAML 语法错误：${text.zh}` };
}

export const composeMultipleDocuments: ComposeRule = {
  meta: {
    id: 'compose-multiple-documents',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'More than one YAML document in a Compose file', zh: 'Compose 文件中有多个 YAML 文档' },
    docs: {
      en: 'A Compose file is one YAML document. Compose does not read a second document after `---`: put its services in the first one, or in a file of its own passed with another `-f` (or listed under `include:`).',
      zh: 'Compose 文件只能是一个 YAML 文档，Compose 不会读取 `---` 之后的第二个文档。请把其中的服务并入第一个文档，或放进单独的文件，再用另一个 `-f` 传入（或写进 `include:`）。',
    },
  },
  check({ model }, report) {
    for (const doc of model.documents.slice(1)) {
      if (doc.contents === null || doc.contents === undefined) continue;
      const start = doc.range[0];
      report({
        range: { start: model.document.positionAt(start), end: model.document.positionAt(Math.min(doc.range[1], model.text.indexOf('\n', start) < 0 ? model.text.length : model.text.indexOf('\n', start))) },
        message: { en: 'Compose reads only the first YAML document of a file; this one is ignored.', zh: 'Compose 只读取文件中的第一个 YAML 文档，这个文档会被忽略。' },
      });
    }
  },
};

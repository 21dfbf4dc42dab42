import { looksLikeKubernetes, templatingOf } from '../templating';
import type { KubeRule } from './context';

export const templatedFile: KubeRule = {
  meta: {
    id: 'templated-file', aliases: [], severity: 'info', category: 'syntax', profile: 'recommended',
    title: { en: 'Template file, not checked', zh: '模板文件，未检查' },
    docs: {
      en: 'The file contains template actions (`{{ … }}`, as in Helm charts), so it is not a manifest until rendered, and checking the raw text would only produce noise. Stevedore skips it. Render it (`helm template`) to check the output. When the actions only fill in values of some documents (`image: {{ .image }}`), only those documents are skipped and the rest of the file is checked.',
      zh: '该文件包含模板指令（`{{ … }}`，如 Helm Chart 中那样），在渲染之前并不是清单，直接检查原文只会产生大量误报，因此 Stevedore 跳过了它。请先渲染（`helm template`）再检查输出结果。如果模板指令只填写某些文档中的值（如 `image: {{ .image }}`），则只跳过这些文档，文件的其余部分照常检查。',
    },
  },
  check({ file }, report) {
    const templating = templatingOf(file);
    if (!templating || !looksLikeKubernetes(file)) return;
    const { offset } = templating;
    const start = file.document.positionAt(offset);
    report({
      range: { start, end: file.document.positionAt(Math.min(offset + 2, file.document.getText().length)) },
      message: templating.wholeFile
        ? { en: 'Template file ({{ … }}): not checked. Render it (e.g. helm template) to lint the result.', zh: '模板文件（{{ … }}）：未检查。请先渲染（例如 helm template）再检查结果。' }
        : { en: `Template values ({{ … }}) in ${templating.documents.size} document(s): those are not checked until rendered; the others are.`, zh: `有 ${templating.documents.size} 个文档含模板值（{{ … }}）：这些文档在渲染前不检查，其余文档照常检查。` },
    });
  },
};

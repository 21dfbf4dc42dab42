import type { KubeRule } from './context';
import { parserErrors } from './yamlSyntax';

export const yamlTabIndent: KubeRule = {
  meta: {
    id: 'yaml-tab-indent', fixable: true,
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Tab used for indentation', zh: '使用了 Tab 缩进' },
    docs: {
      en: 'YAML forbids tab characters in indentation; only spaces count. Replace the tabs with spaces (two per level is the Kubernetes convention).',
      zh: 'YAML 不允许用 Tab 字符缩进，只认空格。请把 Tab 换成空格（Kubernetes 的惯例是每级两个空格）。',
    },
  },
  check({ file }, report) {
    const text = file.document.getText();
    for (const error of parserErrors(file)) {
      if (error.code !== 'TAB_AS_INDENT') continue;
      const start = error.pos[0];
      let end = start;
      while (end < text.length && text[end] === '\t') end++;
      const from = file.document.positionAt(start);
      // Replace each tab by two spaces: what the line was meant to look like.
      const fix = { range: { start: from, end: file.document.positionAt(end) }, newText: '  '.repeat(Math.max(end - start, 1)) };
      report({
        range: { start: from, end: file.document.positionAt(Math.max(end, start + 1)) },
        message: { en: 'Tabs are not allowed in YAML indentation; use spaces.', zh: 'YAML 缩进中不允许使用 Tab，请改用空格。' },
        fixes: [{ title: { en: 'Replace tabs with spaces', zh: '将 Tab 替换为空格' }, edits: [fix], safe: true }],
      });
    }
  },
};

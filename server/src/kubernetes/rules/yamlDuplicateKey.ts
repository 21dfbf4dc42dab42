import type { KubeRule } from './context';
import { parserErrors } from './yamlSyntax';

export const yamlDuplicateKey: KubeRule = {
  meta: {
    id: 'yaml-duplicate-key',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Duplicate key', zh: '重复的键' },
    docs: {
      en: 'The same key appears twice in one mapping. Tools disagree on which value wins (kubectl keeps one silently, strict validators reject the file), so one of your settings is lost. Keep a single entry.',
      zh: '同一个映射中出现了两次相同的键。不同工具对保留哪个值的处理不一致（kubectl 会静默保留其中一个，严格的校验器则直接拒绝该文件），因此总有一项配置会丢失。请只保留一项。',
    },
  },
  check({ file }, report) {
    const text = file.document.getText();
    for (const error of parserErrors(file)) {
      if (error.code !== 'DUPLICATE_KEY') continue;
      const start = error.pos[0];
      // The parser marks the key's first character; widen to the whole key.
      const key = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n]{0,256}?)(?=\s*:)/.exec(text.slice(start, start + 300))?.[0] ?? '';
      const name = key.replace(/^["']|["']$/g, '');
      report({
        range: { start: file.document.positionAt(start), end: file.document.positionAt(start + Math.max(key.length, 1)) },
        message: { en: `Duplicate key \`${name}\`: only one of its values will be used.`, zh: `重复的键 \`${name}\`：只有其中一个值会生效。` },
      });
    }
  },
};

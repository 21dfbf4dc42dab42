import { pairOf } from '../../common/yamlNodes';
import { nodeRange } from '../model';
import { deleteLinesEdit } from '../edits';
import type { ComposeRule } from './context';

export const composeObsoleteVersion: ComposeRule = {
  meta: {
    id: 'compose-obsolete-version',
    aliases: [],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    tag: 'unnecessary',
    fixable: true,
    title: { en: 'Obsolete top-level `version`', zh: '过时的顶层 `version`' },
    docs: {
      en: 'The Compose Specification has no file versions: `docker compose` ignores the top-level `version` and prints a warning that it is obsolete, and every key is checked against the one current schema whatever the number says. Remove the line. (`docker stack deploy` still accepts it, and does not need it either.)',
      zh: 'Compose 规范不再区分文件版本：`docker compose` 会忽略顶层的 `version` 并警告它已过时，而且不论写的是哪个版本号，所有键都按当前唯一的一份 schema 检查。删掉这一行即可。（`docker stack deploy` 仍接受它，但同样不需要它。）',
    },
  },
  check({ model }, report) {
    const pair = pairOf(model.root, 'version');
    if (!pair) return;
    const end = (pair.value as { range?: [number, number, number] } | null)?.range ?? pair.key.range;
    report({
      range: { start: nodeRange(model, pair.key).start, end: nodeRange(model, { range: end }).end },
      message: { en: '`version` is obsolete: Compose ignores it. Remove it.', zh: '`version` 已过时，Compose 会忽略它，请删除。' },
      fixes: [{ title: { en: 'Remove the obsolete `version` line', zh: '删除过时的 `version` 行' }, edits: [deleteLinesEdit(model, pair.key.range![0], end?.[1] ?? pair.key.range![1])], safe: true }],
    });
  },
};

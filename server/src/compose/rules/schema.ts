import type { Fix, RuleMeta } from '../../common/rules';
import { nodeRange } from '../model';
import { schemaProblems, type SchemaProblemKind } from '../schemaCheck';
import type { ComposeRule } from './context';

/**
 * The Compose Specification's schema, checked the way `docker compose config` would refuse the
 * file: one rule per kind of problem, so each can be configured on its own. The walk is shared
 * (schemaCheck.ts) and done once per parse.
 */
function schemaRule(kind: SchemaProblemKind, meta: Omit<RuleMeta, 'aliases' | 'profile'>, fixes?: (problem: ReturnType<typeof schemaProblems>[number]) => Fix[] | undefined): ComposeRule {
  return {
    meta: { aliases: [], profile: 'recommended', ...meta },
    check({ model }, report) {
      for (const problem of schemaProblems(model)) {
        if (problem.kind !== kind) continue;
        report({ range: nodeRange(model, problem.node), message: problem.message, fixes: fixes?.(problem) });
      }
    },
  };
}

export const composeUnknownKey: ComposeRule = {
  ...schemaRule('unknown-key', {
    id: 'compose-unknown-key',
    severity: 'error',
    category: 'syntax',
    fixable: true,
    title: { en: 'Unknown key in a Compose file', zh: 'Compose 文件中的未知键' },
    docs: {
      en: 'The Compose Specification has no such key here, so `docker compose` refuses the file (`additional properties … not allowed`). It is often a misspelling (`enviroment`, `depend_on`) or a key put at the wrong level (`ports` under `build`). The quick fix renames it to the closest known key. Keys starting with `x-` are free for your own use.',
      zh: 'Compose 规范在这个位置没有这个键，因此 `docker compose` 会拒绝该文件（`additional properties … not allowed`）。这通常是拼写错误（`enviroment`、`depend_on`），或把键放错了层级（把 `ports` 写在 `build` 下）。快速修复会把它改成最接近的已知键。以 `x-` 开头的键可以自由使用。',
    },
  }),
  check({ model }, report) {
    for (const problem of schemaProblems(model)) {
      if (problem.kind !== 'unknown-key') continue;
      const range = nodeRange(model, problem.node);
      const fixes: Fix[] | undefined = problem.suggestion
        ? [{ title: { en: `Rename to \`${problem.suggestion}\``, zh: `改为 \`${problem.suggestion}\`` }, edits: [{ range, newText: problem.suggestion }] }]
        : undefined;
      report({ range, message: problem.message, fixes });
    }
  },
};

export const composeInvalidType = schemaRule('type', {
  id: 'compose-invalid-type',
  severity: 'error',
  category: 'syntax',
  title: { en: 'Value of the wrong type', zh: '值的类型不对' },
  docs: {
    en: 'The value has a shape the key does not accept: a list where a mapping belongs, a mapping where text belongs, or nothing at all after `key:`. `docker compose` refuses the file. Numbers are accepted where text is expected; values with `${VARIABLES}` are judged only once Compose fills them in.',
    zh: '值的形式不被该键接受：该写映射的地方写了列表，该写文本的地方写了映射，或者 `key:` 后面什么都没写。`docker compose` 会拒绝该文件。需要文本的地方写数字是允许的；含有 `${VARIABLES}` 的值要等 Compose 填入变量后才能判断，这里不检查。',
  },
});

export const composeInvalidValue = schemaRule('value', {
  id: 'compose-invalid-value',
  severity: 'error',
  category: 'syntax',
  title: { en: 'Value outside the allowed ones', zh: '值不在允许范围内' },
  docs: {
    en: 'The key takes one of a fixed set of values — `restart` (`no`, `always`, `on-failure[:max]`, `unless-stopped`), `depends_on` conditions, `pull_policy`, `deploy.mode`, mount types… — or a name of a fixed form (service, network and volume names use letters, digits, `.`, `_` and `-`). Anything else is refused by Compose or by the engine when the container is created.',
      zh: '该键只接受一组固定的值——`restart`（`no`、`always`、`on-failure[:max]`、`unless-stopped`）、`depends_on` 的条件、`pull_policy`、`deploy.mode`、挂载类型等——或固定格式的名称（服务、网络和卷的名称只能使用字母、数字、`.`、`_` 和 `-`）。其他值会被 Compose 拒绝，或在创建容器时被引擎拒绝。',
  },
});

export const composeMissingKey = schemaRule('required', {
  id: 'compose-missing-key',
  severity: 'error',
  category: 'syntax',
  title: { en: 'Required key missing', zh: '缺少必需的键' },
  docs: {
    en: 'Some entries are incomplete without a key: a long-form volume needs `type`, `extends` needs `service`, a `develop.watch` rule needs `path` and `action`, a long-form secret or config needs `source`. `docker compose` refuses the file until it is there.',
    zh: '有些条目缺了某个键就不完整：长格式的卷需要 `type`，`extends` 需要 `service`，`develop.watch` 规则需要 `path` 和 `action`，长格式的 secret 或 config 需要 `source`。补上之前 `docker compose` 会拒绝该文件。',
  },
});

export const composeDeprecatedKey = schemaRule('deprecated', {
  id: 'compose-deprecated-key',
  severity: 'warning',
  category: 'best-practice',
  tag: 'deprecated',
  title: { en: 'Deprecated key', zh: '已弃用的键' },
  docs: {
    en: 'The key still works but the specification has replaced it, such as `external: {name: …}`, now written `external: true` with the resource\'s own `name`. (The top-level `version` has its own rule, `compose-obsolete-version`.)',
    zh: '该键仍然可用，但规范已经用别的写法替代了它，例如 `external: {name: …}` 现在应写为 `external: true`，并使用资源自己的 `name`。（顶层 `version` 有单独的规则 `compose-obsolete-version`。）',
  },
});

export const composeInvalidDuration = schemaRule('duration', {
  id: 'compose-invalid-duration',
  severity: 'error',
  category: 'syntax',
  title: { en: 'Invalid duration', zh: '无效的时长' },
  docs: {
    en: 'Durations (`healthcheck.interval`, `stop_grace_period`, `deploy.update_config.delay`…) are written as numbers with units: `ns`, `us`, `ms`, `s`, `m`, `h`, combined as in `1m30s`. A bare number or a unit like `sec` or `1 min` is refused.',
    zh: '时长（`healthcheck.interval`、`stop_grace_period`、`deploy.update_config.delay` 等）要写成数字加单位：`ns`、`us`、`ms`、`s`、`m`、`h`，可以组合，例如 `1m30s`。只写数字，或写 `sec`、`1 min` 这样的单位，都会被拒绝。',
  },
});

export const composeInvalidSize = schemaRule('bytes', {
  id: 'compose-invalid-size',
  severity: 'error',
  category: 'syntax',
  title: { en: 'Invalid byte size', zh: '无效的字节大小' },
  docs: {
    en: 'Sizes (`mem_limit`, `shm_size`, `deploy.resources.limits.memory`…) are a number of bytes or a number with a unit: `b`, `k`, `m`, `g` (also `kb`, `mb`, `gb`, `KiB`…), as in `512m` or `1.5g`.',
    zh: '大小（`mem_limit`、`shm_size`、`deploy.resources.limits.memory` 等）写成字节数，或数字加单位：`b`、`k`、`m`、`g`（也可写 `kb`、`mb`、`gb`、`KiB` 等），例如 `512m` 或 `1.5g`。',
  },
});

export const composeInvalidPort = schemaRule('port', {
  id: 'compose-invalid-port',
  severity: 'error',
  category: 'syntax',
  title: { en: 'Invalid port or port mapping', zh: '无效的端口或端口映射' },
  docs: {
    en: '`ports` entries are `CONTAINER`, `HOST:CONTAINER` or `IP:HOST:CONTAINER`, where each port may be a range (`8000-8010`) and a `/udp` or `/tcp` may follow; `expose` entries are a port, a range, or a port with its protocol. Ports go from 1 to 65535, and a host range must be as long as the container range it maps.',
    zh: '`ports` 的条目写成 `CONTAINER`、`HOST:CONTAINER` 或 `IP:HOST:CONTAINER`，每个端口都可以是范围（`8000-8010`），后面可跟 `/udp` 或 `/tcp`；`expose` 的条目是端口、端口范围或带协议的端口。端口取值 1 到 65535，主机端口范围的长度必须与它映射的容器端口范围相同。',
  },
});

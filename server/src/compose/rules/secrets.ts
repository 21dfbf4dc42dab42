import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { codeSpan } from '../../common/plainText';
import { credentialName, credentialValue } from '../../common/secretNames';
import { effectivePairs, keyText, nodeRange, resolveAlias, resolvedMap, servicesOf, type ComposeModel } from '../model';
import { isInterpolated } from '../schemaCheck';
import type { ComposeRule } from './context';

/** The credential heuristic of both languages (common/secretNames.ts): names read word by word. */
export const looksLikeCredential = credentialName;

/** Values that cannot be a credential (common/secretNames.ts), and `${VAR}`: the value comes from elsewhere. */
export function couldBeCredential(value: string): boolean {
  return credentialValue(value) && !isInterpolated(value.trim());
}

interface EnvironmentEntry {
  name: string;
  value: string;
  node: Node;
}

/** A service's `environment`, map or `KEY=VALUE` list form, with where each value is written. */
function environmentOf(model: ComposeModel, service: unknown): EnvironmentEntry[] {
  const pair = effectivePairs(model, resolvedMap(model, service)).find((candidate) => keyText(candidate) === 'environment');
  const environment = resolveAlias(model, pair?.value);
  const entries: EnvironmentEntry[] = [];
  if (isMap(environment)) {
    for (const item of effectivePairs(model, environment)) {
      const name = keyText(item);
      const value = resolveAlias(model, item.value);
      if (name === undefined || !isScalar(value) || value.value === null || value.value === undefined) continue;
      entries.push({ name, value: String(value.value), node: value });
    }
  } else if (isSeq(environment)) {
    for (const item of environment.items) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      const equals = item.value.indexOf('=');
      if (equals <= 0) continue;
      entries.push({ name: item.value.slice(0, equals), value: item.value.slice(equals + 1), node: item });
    }
  }
  return entries;
}

export const composeSecretInEnvironment: ComposeRule = {
  meta: {
    id: 'compose-secret-in-environment',
    aliases: [],
    severity: 'warning',
    category: 'security',
    profile: 'recommended',
    title: { en: 'Credential written in `environment`', zh: '在 `environment` 中明文书写凭据' },
    docs: {
      en: 'A variable whose name says it holds a credential (`DB_PASSWORD`, `API_KEY`, `authToken`) has its value written in the Compose file: everyone who can read the repository can read it, and `docker inspect` shows it on every container. Declare a `secrets:` entry (from a file kept out of version control, or from an environment variable) and mount it into the service; many images read `<NAME>_FILE` variables that point at `/run/secrets/<name>`. Or write `${DB_PASSWORD}` and keep the value in an untracked `.env`. Names that describe the credential rather than hold it (`PASSWORD_FILE`, `TOKEN_TTL`, `DB_USER`) and values that cannot be one (empty, `true`, small numbers, paths) are left alone.',
      zh: '名称表明其为凭据的变量（`DB_PASSWORD`、`API_KEY`、`authToken`），其值直接写在了 Compose 文件中：能读取代码仓库的人都能看到它，`docker inspect` 也会在每个容器上显示它。请声明一个 `secrets:` 条目（来自不纳入版本控制的文件，或来自环境变量）并挂载到服务中；很多镜像支持指向 `/run/secrets/<name>` 的 `<NAME>_FILE` 变量。也可以写成 `${DB_PASSWORD}`，把值放在不纳入版本控制的 `.env` 中。描述凭据而非保存凭据的名称（`PASSWORD_FILE`、`TOKEN_TTL`、`DB_USER`），以及不可能是凭据的值（空值、`true`、较小的数字、路径）不会被报告。',
    },
  },
  check({ model }, report) {
    for (const service of servicesOf(model)) {
      for (const entry of environmentOf(model, service.pair.value)) {
        if (!looksLikeCredential(entry.name) || !couldBeCredential(entry.value)) continue;
        report({
          range: nodeRange(model, entry.node),
          message: {
            en: `${codeSpan(entry.name)} of ${codeSpan(service.name)} looks like a credential written in plain text; use \`secrets\` or a \`\${${entry.name}}\` from an untracked \`.env\`.`,
            zh: `${codeSpan(service.name)} 的 ${codeSpan(entry.name)} 看起来是以明文书写的凭据；请使用 \`secrets\`，或改为 \`\${${entry.name}}\` 并把值放在不纳入版本控制的 \`.env\` 中。`,
          },
        });
      }
    }
  },
};

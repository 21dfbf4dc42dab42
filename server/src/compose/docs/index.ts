import type { Localized } from '../../common/localized';
import { runtimeDocs } from './runtime';
import { servicePartDocs } from './serviceParts';
import { serviceDocs } from './service';
import { topLevelDocs } from './topLevel';
import type { KeyDoc, KeyDocs } from './types';

export type { Audience, KeyDoc, KeyDocs } from './types';
export { valueTables, type ValueDoc, type ValueTable } from './values';

/** Every key's docs, by schema node id (`service.image`, `healthcheck.test`). */
export const keyDocs: KeyDocs = { ...topLevelDocs, ...serviceDocs, ...servicePartDocs, ...runtimeDocs };

export function keyDoc(nodeId: string): KeyDoc | undefined {
  return keyDocs[nodeId];
}

/** What a named entry is (hover on `web:` under `services:`…), by the section it sits in. */
export const entryDocs: Record<string, Localized> = {
  services: {
    en: 'A service: containers run from one image with one set of settings. Other services reach it on the shared networks by this name.',
    zh: '一个服务：用同一镜像、同一组设置运行的容器。其他服务可在共享网络上通过这个名字访问它。',
  },
  networks: {
    en: 'A network, created by Compose as `<project>_<name>` unless it is `external` or has a `name`. Services join it under their `networks`.',
    zh: '一个网络，Compose 会以 `<project>_<name>` 创建它，除非它是 `external` 或设置了 `name`。服务在自己的 `networks` 中加入它。',
  },
  volumes: {
    en: 'A named volume, created by Compose as `<project>_<name>` unless it is `external` or has a `name`. Services mount it under their `volumes`.',
    zh: '一个命名卷，Compose 会以 `<project>_<name>` 创建它，除非它是 `external` 或设置了 `name`。服务在自己的 `volumes` 中挂载它。',
  },
  configs: {
    en: 'A config: a file given to the services that list it under their `configs`.',
    zh: '一个配置：提供给在自己 `configs` 中列出它的服务的文件。',
  },
  secrets: {
    en: 'A secret: mounted at `/run/secrets/<name>` in the services that list it under their `secrets`.',
    zh: '一个密钥：挂载到在自己 `secrets` 中列出它的服务的 `/run/secrets/<name>`。',
  },
  models: {
    en: 'A model served to the services that list it under their `models`.',
    zh: '一个模型，提供给在自己 `models` 中列出它的服务。',
  },
};

/** `x-…` keys: extension fields. */
export const extensionDoc: Localized = {
  en: 'An extension field: Compose ignores keys starting with `x-`. Use them for shared fragments you reuse with YAML anchors (`x-common: &common` … `<<: *common`) or for other tools\' settings.',
  zh: '扩展字段：Compose 会忽略以 `x-` 开头的键。可用来存放通过 YAML 锚点复用的公共片段（`x-common: &common` … `<<: *common`），或其他工具的设置。',
};

/** The notes that tell which tool reads a key. */
export const audienceNotes: Record<NonNullable<KeyDoc['audience']>, Localized> = {
  'swarm-only': {
    en: '**Swarm only:** `docker compose up` ignores this; `docker stack deploy` uses it.',
    zh: '**仅 Swarm：**`docker compose up` 会忽略它；`docker stack deploy` 会使用它。',
  },
  'compose-only': {
    en: '**Not for Swarm:** `docker stack deploy` ignores this (or refuses it); `docker compose` uses it.',
    zh: '**不适用于 Swarm：**`docker stack deploy` 会忽略（或拒绝）它；`docker compose` 会使用它。',
  },
};

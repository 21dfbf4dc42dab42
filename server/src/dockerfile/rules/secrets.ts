// Secrets written into the image, where anyone who pulls it can read them.
import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';

type Subject = DockerfileRuleSubject;

const secretWord = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/**
 * BuildKit's allow-list words (a name that holds a whole `_`-separated `public`, `file` or `version`
 * names where a secret is, or what it is, not the secret itself), plus GPG/PGP: `GPG_KEY` in
 * official images is a public key fingerprint (our one deliberate difference from BuildKit).
 */
const notASecretWord = /(?:^|_)(?:public|file|version|gpg|pgp)(?:_|$)/i;

export const secretsInArgOrEnv: Rule<Subject> = {
  meta: {
    id: 'secrets-in-arg-or-env', scope: 'instruction',
    aliases: ['DL3064', 'SecretsUsedInArgOrEnv'],
    severity: 'warning',
    category: 'security',
    profile: 'recommended',
    title: { en: 'Secret passed through ARG or ENV', zh: '通过 ARG 或 ENV 传递密钥' },
    differences: {
      en: 'Follows BuildKit\'s word lists (secret words and the `public`, `file`, `version` allow-words, each a whole `_`-separated word), with one addition: a name with the word `gpg` or `pgp` is not reported, because official images set `GPG_KEY` to the fingerprint of a public signing key, which is no secret.',
      zh: '沿用 BuildKit 的词表（密钥词以及 `public`、`file`、`version` 放行词，均按以 `_` 分隔的完整单词匹配），另加一条：名称中含有 `gpg` 或 `pgp` 一词时不报告，因为官方镜像把 `GPG_KEY` 设为公开签名密钥的指纹，它并不是机密。',
    },
    docs: {
      en: 'ARG and ENV values are stored in the image metadata and build history (`docker history`), where anyone who pulls the image can read them. Names such as `*_PASSWORD`, `*_TOKEN`, `*_SECRET` or `*_KEY` suggest a secret. As in BuildKit, a name with `public`, `file` or `version` as one of its `_`-separated words is not reported (`PUBLIC_KEY`, `SECRET_PASSPHRASE_FILE`, `AUTH_MODULE_VERSION`: a path or a version is not the secret); neither are GPG/PGP key fingerprints such as `GPG_KEY`.\n\nUse a secret mount instead: `RUN --mount=type=secret,id=token,env=TOKEN …` with `docker build --secret id=token,…`.',
      zh: 'ARG 和 ENV 的值会保存在镜像元数据和构建历史（`docker history`）中，任何拉取镜像的人都能读到。`*_PASSWORD`、`*_TOKEN`、`*_SECRET`、`*_KEY` 这类名称通常意味着密钥。与 BuildKit 一致，名称中以 `_` 分隔的某个词是 `public`、`file` 或 `version` 时不报告（如 `PUBLIC_KEY`、`SECRET_PASSPHRASE_FILE`、`AUTH_MODULE_VERSION`：路径或版本号本身不是密钥）；`GPG_KEY` 这类 GPG/PGP 公钥指纹也不报告。\n\n请改用密钥挂载：`RUN --mount=type=secret,id=token,env=TOKEN …`，并配合 `docker build --secret id=token,…`。',
    },
  },
  check({ model }, report) {
    // The same few names are declared again in every stage: judge each name once per check.
    const verdicts = new Map<string, boolean>();
    for (const declaration of factsOf(model).semantics.declarations) {
      let secret = verdicts.get(declaration.name);
      if (secret === undefined) {
        secret = secretWord.test(declaration.name) && !notASecretWord.test(declaration.name);
        verdicts.set(declaration.name, secret);
      }
      if (!secret) continue;
      report({
        range: declaration.nameRange,
        message: { en: `${declaration.kind} ${declaration.name} looks like a secret and will be stored in the image; use a secret mount.`, zh: `${declaration.kind} ${declaration.name} 看起来是密钥，会被保存在镜像中；请使用密钥挂载。` },
      });
    }
  },
};

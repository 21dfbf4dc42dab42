import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf } from './facts';

type Subject = DockerfileRuleSubject;

export const redundantTargetPlatform: Rule<Subject> = {
  meta: {
    id: 'redundant-target-platform', fixable: true,
    aliases: ['DL3065', 'RedundantTargetPlatform'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    tag: 'unnecessary',
    title: { en: 'Redundant --platform=$TARGETPLATFORM', zh: '多余的 --platform=$TARGETPLATFORM' },
    docs: {
      en: 'A stage is built for the target platform unless told otherwise, so `FROM --platform=$TARGETPLATFORM` changes nothing. (`--platform=$BUILDPLATFORM`, which runs a stage natively for cross-compiling, is meaningful.)\n\nRemove the flag.',
      zh: '阶段默认就是为目标平台构建的，因此 `FROM --platform=$TARGETPLATFORM` 没有任何作用。（`--platform=$BUILDPLATFORM` 用于在构建机上原生运行以便交叉编译，是有意义的。）\n\n请删除该标志。',
    },
  },
  check({ model }, report) {
    for (const stage of factsOf(model).semantics.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) continue;
      const range = flag.getRange();
      const line = model.document.getText({ start: range.end, end: { line: range.end.line, character: range.end.character + 64 } });
      const trailing = /^[ \t]*/.exec(line)![0].length;
      const start = { line: range.start.line, character: Math.max(0, range.start.character - 2) };
      const written = model.document.getText({ start, end: range.start });
      report({
        range: flag.getRange(),
        message: { en: '--platform=$TARGETPLATFORM is the default; remove it.', zh: '--platform=$TARGETPLATFORM 就是默认行为；请删除。' },
        fixes: [fix({ en: 'Remove --platform', zh: '删除 --platform' }, [replace({ start: written === '--' ? start : range.start, end: { line: range.end.line, character: range.end.character + trailing } }, '')])],
      });
    }
  },
};

export const fromPlatformFlagConst: Rule<Subject> = {
  meta: {
    id: 'from-platform-flag-const',
    aliases: ['FromPlatformFlagConstDisallowed', 'DL3029'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'FROM --platform with a fixed value', zh: 'FROM --platform 使用了固定值' },
    docs: {
      en: 'A fixed platform (`FROM --platform=linux/amd64 …`) pins the stage to one architecture even in multi-platform builds, where it then runs under emulation or produces the wrong binaries. Use `$BUILDPLATFORM` (build tools) or `$TARGETPLATFORM`, or leave the flag out.\n\nNot reported when the stage name mentions the platform (e.g. `AS build-amd64`), which shows the pin is deliberate.',
      zh: '固定平台（`FROM --platform=linux/amd64 …`）会把阶段锁定在一种架构上，即使进行多平台构建也是如此，结果要么在模拟器中运行，要么产出错误架构的二进制文件。请使用 `$BUILDPLATFORM`（构建工具）或 `$TARGETPLATFORM`，或者干脆不写该标志。\n\n如果阶段名称中包含该平台（例如 `AS build-amd64`），说明是有意锁定，不做报告。',
    },
    differences: {
      en: 'Follows BuildKit. hadolint\'s DL3029 reports every `--platform` whose value does not mention `BUILDPLATFORM` or `TARGETPLATFORM`; Stevedore, like BuildKit, reports only fixed values: a value from another build argument (`--platform=$DEPLOY_PLATFORM`) is chosen per build, and a stage whose name mentions the platform (`AS build-amd64`) pins it on purpose.',
      zh: '与 BuildKit 一致。hadolint 的 DL3029 会报告所有值中不含 `BUILDPLATFORM` 或 `TARGETPLATFORM` 的 `--platform`；Stevedore 与 BuildKit 一样只报告固定值：来自其他构建参数的值（`--platform=$DEPLOY_PLATFORM`）是每次构建时选定的，而名称中包含平台的阶段（`AS build-amd64`）是有意锁定的。',
    },
  },
  check({ model }, report) {
    for (const stage of factsOf(model).semantics.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || !value || value.includes('$')) continue;
      const name = (stage.name ?? '').toLowerCase();
      const parts = value.toLowerCase().split('/');
      if (name && parts.some((part) => part && name.includes(part))) continue;
      report({
        range: flag.getValueRange() ?? flag.getRange(),
        message: { en: `--platform=${value} pins this stage to one platform; use $BUILDPLATFORM or $TARGETPLATFORM.`, zh: `--platform=${value} 把该阶段锁定在单一平台；请使用 $BUILDPLATFORM 或 $TARGETPLATFORM。` },
      });
    }
  },
};

const secretWord = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
/**
 * BuildKit's allow-list words (a name that holds a whole `_`-separated `public`, `file` or `version`
 * names where a secret is, or what it is, not the secret itself), plus GPG/PGP: `GPG_KEY` in
 * official images is a public key fingerprint (our one deliberate difference from BuildKit).
 */
const notASecretWord = /(?:^|_)(?:public|file|version|gpg|pgp)(?:_|$)/i;

export const secretsInArgOrEnv: Rule<Subject> = {
  meta: {
    id: 'secrets-in-arg-or-env',
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

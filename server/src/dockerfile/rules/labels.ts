import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import spdxLicenseIds from 'spdx-license-ids/index.json';
import spdxDeprecatedIds from 'spdx-license-ids/deprecated.json';
import type { Localized } from '../../common/localized';
import { codeSpan } from '../../common/plainText';
import type { Rule, RuleMeta } from '../../common/rules';
import type { HadolintLabelType } from '../../config/hadolint';
import { perModel } from '../perModel';
import type { Stage } from '../semantic';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';
import { shippedStagesLacking } from './stageCoverage';

/**
 * Image labels: the key format Docker asks for (always on, as in hadolint), and hadolint's label
 * schema from `.hadolint.yaml` (`label-schema`, `strict-labels`): which labels every image must
 * set, which it may set, and the form of their values. Without a schema the schema rules are
 * silent, as in hadolint.
 */

type Subject = DockerfileRuleSubject;

interface LabelPair {
  key: string;
  value: string;
  keyRange: Range;
  valueRange: Range;
  instruction: Instruction;
}

interface LabelProperty {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Range;
  getValueRange(): Range | null;
}

/**
 * Every `key=value` of the file's LABEL instructions, in order. Triggers (`ONBUILD LABEL`) are
 * left out: they label the images built from this one, not this one.
 */
function labelPairs(subject: Subject): readonly LabelPair[] {
  return labelPairsOf(subject.model);
}

// Read once per model: the key format rule and the six schema rules all walk the same pairs.
const labelPairsOf = perModel((model): readonly LabelPair[] => {
  const pairs: LabelPair[] = [];
  for (const instruction of factsOf(model).instructionsWith('LABEL')) {
    const properties = (instruction as unknown as { getProperties(): LabelProperty[] }).getProperties();
    for (const property of properties) {
      const key = property.getName();
      if (!key) continue;
      const keyRange = property.getNameRange();
      pairs.push({ key, value: property.getValue() ?? '', keyRange, valueRange: property.getValueRange() ?? keyRange, instruction });
    }
  }
  return pairs;
});

const schemaOf = (subject: Subject): Record<string, HadolintLabelType> => subject.config?.hadolint?.config.labelSchema ?? {};

/** A value written with a variable is known only at build time: its form cannot be judged here. */
const usesVariable = (text: string) => /\$(?:\{|[A-Za-z_])/.test(text);

const message = (en: string, zh: string): Localized => ({ en, zh });

// ---------------------------------------------------------------------------------------------
// Key format (DL3048)

/** Namespaces Docker keeps for its own labels. */
const reservedNamespaces = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** What is wrong with a key, or undefined when it has the form Docker recommends. */
function keyProblem(key: string): Localized | undefined {
  const reserved = reservedNamespaces.find((prefix) => key.startsWith(prefix));
  if (reserved) return message(`the \`${reserved}\` namespace is reserved for Docker's own labels`, `\`${reserved}\` 命名空间保留给 Docker 自己的标签使用`);
  // The first character (code point) outside the allowed set; no match, and nothing allocated, for a well-formed key.
  const illegal = /[^a-z0-9._/-]/u.exec(key)?.[0];
  if (illegal !== undefined) {
    return /[A-Z]/.test(illegal)
      ? message('keys are written in lower case', '键应使用小写字母')
      : message(`${codeSpan(illegal)} is not allowed in a key (lower-case letters, digits, \`.\`, \`-\`, \`_\` and \`/\` are)`, `键中不能出现 ${codeSpan(illegal)}（可用小写字母、数字、\`.\`、\`-\`、\`_\` 和 \`/\`）`);
  }
  if (!/^[a-z]/.test(key)) return message('a key starts with a lower-case letter', '键应以小写字母开头');
  if (!/[a-z0-9]$/.test(key)) return message('a key ends with a lower-case letter or a digit', '键应以小写字母或数字结尾');
  if (key.includes('..') || key.includes('--')) return message('a key has no doubled `.` or `-`', '键中不能有连续的 `.` 或 `-`');
  return undefined;
}

export const labelKeyFormat: Rule<Subject> = {
  meta: {
    id: 'label-key-format', scope: 'instruction',
    aliases: ['DL3048'],
    severity: 'info',
    category: 'style',
    profile: 'recommended',
    title: { en: 'Label key not in the recommended form', zh: '标签键不符合推荐格式' },
    docs: {
      en: 'Docker asks label keys to be lower-case reverse-DNS names (`org.example.team`, `org.opencontainers.image.version`): they start with a lower-case letter, end with a letter or a digit, use only lower-case letters, digits, `.`, `-` (and, as hadolint accepts, `_` and `/`), and never double a `.` or `-`. The `com.docker.`, `io.docker.` and `org.dockerproject.` namespaces belong to Docker. Tools that read labels (registries, scanners, `docker inspect` filters) rely on that form.\n\nRename the key, e.g. `LABEL Version=1` → `LABEL org.opencontainers.image.version=1`.',
      zh: 'Docker 要求标签键使用小写的反向域名形式（如 `org.example.team`、`org.opencontainers.image.version`）：以小写字母开头，以字母或数字结尾，只含小写字母、数字、`.`、`-`（hadolint 也接受 `_` 和 `/`），且不能出现连续的 `.` 或 `-`。`com.docker.`、`io.docker.` 和 `org.dockerproject.` 命名空间归 Docker 所有。读取标签的工具（镜像仓库、扫描器、`docker inspect` 过滤）都依赖这种格式。\n\n请重命名该键，例如 `LABEL Version=1` → `LABEL org.opencontainers.image.version=1`。',
    },
    differences: {
      en: 'A key written with a variable (`LABEL ${PREFIX}.team=x`) is not judged: its name is known only at build time (hadolint reports the `$`). Keys of `ONBUILD LABEL` triggers are not checked, as in hadolint.',
      zh: '用变量写成的键（`LABEL ${PREFIX}.team=x`）不做判断：它的名称要到构建时才知道（hadolint 会因 `$` 而报告）。与 hadolint 一样，不检查 `ONBUILD LABEL` 触发器中的键。',
    },
  },
  check(subject, report) {
    for (const pair of labelPairs(subject)) {
      if (usesVariable(pair.key)) continue;
      const problem = keyProblem(pair.key);
      if (!problem) continue;
      report({
        range: pair.keyRange,
        message: message(`Label key ${codeSpan(pair.key)}: ${problem.en}.`, `标签键 ${codeSpan(pair.key)}：${problem.zh}。`),
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Required labels (DL3049)

export const requiredLabelMissing: Rule<Subject> = {
  meta: {
    id: 'required-label-missing', scope: 'file',
    aliases: ['DL3049'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: { en: 'Required label missing', zh: '缺少必需的标签' },
    docs: {
      en: 'Active only when `.hadolint.yaml` has a `label-schema`: every label it names must be set on each image the build can produce (e.g. `org.opencontainers.image.source`, so a registry links the image to its code).\n\nA stage has a label when it sets it or builds on a stage that has it (`FROM base`). Only the images the build ships are reported, each once at its FROM: stages that other stages build on, or copy or mount files from, only help build them.\n\n```yaml\n# .hadolint.yaml\nlabel-schema:\n  org.opencontainers.image.source: url\n  org.opencontainers.image.version: semver\n```\n\nAdd the label to the stage (`LABEL org.opencontainers.image.source="https://…"`), or to the stage it builds on.',
      zh: '仅当 `.hadolint.yaml` 中有 `label-schema` 时生效：其中列出的每个标签，都必须设置在构建可能产出的每个镜像上（例如 `org.opencontainers.image.source`，镜像仓库据此把镜像关联到源代码）。\n\n阶段自己设置了某标签，或基于已有该标签的阶段构建（`FROM base`），就算有这个标签。只报告构建最终产出的镜像，每个镜像在其 FROM 处报告一次：被其他阶段作为基础、或被复制或挂载文件（`COPY --from`、`RUN --mount=…,from=`）的阶段只是辅助构建。\n\n```yaml\n# .hadolint.yaml\nlabel-schema:\n  org.opencontainers.image.source: url\n  org.opencontainers.image.version: semver\n```\n\n请在该阶段（或它所基于的阶段）中添加标签（`LABEL org.opencontainers.image.source="https://…"`）。',
    },
    differences: {
      en: 'hadolint also reports the stages an unlabelled image builds on (one finding per stage of the chain), and spares a base that a later stage labels only when that stage has no name of its own (`FROM base`, not `FROM base AS final`); Stevedore reports each shipped image once and never its bases. Stevedore also counts `RUN --mount=…,from=<stage>` and stage numbers (`COPY --from=0`) as helper uses, where hadolint looks at `COPY --from=<name>` only.',
      zh: 'hadolint 还会报告未设置标签的镜像所基于的各个阶段（链上每个阶段一条），并且只有当后续阶段没有自己的名称时（`FROM base`，而不是 `FROM base AS final`），才放过被该阶段设置了标签的基础阶段；Stevedore 对每个产出的镜像只报告一次，从不报告它的基础阶段。Stevedore 还把 `RUN --mount=…,from=<阶段>` 和阶段序号（`COPY --from=0`）也算作辅助用途，hadolint 只看 `COPY --from=<名称>`。',
    },
  },
  check(subject, report) {
    const required = Object.keys(schemaOf(subject));
    if (required.length === 0) return;
    const { stageOf } = factsOf(subject.model);
    const pairs = labelPairs(subject);
    for (const label of required) {
      const labelled = new Set<Stage>();
      for (const pair of pairs) {
        if (pair.key !== label) continue;
        const stage = stageOf(pair.instruction);
        if (stage) labelled.add(stage);
      }
      for (const stage of shippedStagesLacking(subject, labelled)) {
        const range = stage.baseImageRange ? { start: stage.from.getRange().start, end: stage.baseImageRange.end } : stage.from.getRange();
        report({
          range,
          message: message(`This image does not set the label ${codeSpan(label)}, which the label schema in .hadolint.yaml requires.`, `该镜像没有设置 .hadolint.yaml 的标签模式所要求的标签 ${codeSpan(label)}。`),
        });
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Labels outside the schema (DL3050)

export const labelNotInSchema: Rule<Subject> = {
  meta: {
    id: 'label-not-in-schema', scope: 'instruction',
    aliases: ['DL3050'],
    severity: 'info',
    category: 'best-practice',
    profile: 'recommended',
    title: { en: 'Label outside the label schema', zh: '标签不在标签模式中' },
    docs: {
      en: 'Active only when `.hadolint.yaml` sets `strict-labels: true`: then the `label-schema` lists every label an image may carry, and any other label is reported (with strict labels and no schema, every label is).\n\nRemove the label, or add it to `label-schema` in `.hadolint.yaml`.',
      zh: '仅当 `.hadolint.yaml` 设置了 `strict-labels: true` 时生效：此时 `label-schema` 列出了镜像可以带的全部标签，其他标签都会报告（开启严格标签但没有标签模式时，所有标签都会报告）。\n\n请删除该标签，或把它加入 `.hadolint.yaml` 的 `label-schema`。',
    },
    differences: {
      en: 'Reported once per label, at its key; hadolint reports the LABEL instruction once however many of its labels are outside the schema.',
      zh: '每个标签各报告一次，位置在它的键上；hadolint 对一条 LABEL 指令只报告一次，不论其中有几个标签不在模式中。',
    },
  },
  check(subject, report) {
    if (subject.config?.hadolint?.config.strictLabels !== true) return;
    const schema = schemaOf(subject);
    for (const pair of labelPairs(subject)) {
      if (Object.hasOwn(schema, pair.key)) continue;
      report({
        range: pair.keyRange,
        message: message(`The label ${codeSpan(pair.key)} is not in the label schema of .hadolint.yaml (strict-labels is on).`, `标签 ${codeSpan(pair.key)} 不在 .hadolint.yaml 的标签模式中（已开启 strict-labels）。`),
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Empty labels (DL3051)

export const labelEmpty: Rule<Subject> = {
  meta: {
    id: 'label-empty', scope: 'instruction',
    aliases: ['DL3051'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: { en: 'Schema label set to an empty value', zh: '模式中的标签值为空' },
    docs: {
      en: 'Active only for the labels named in `label-schema` of `.hadolint.yaml`: such a label is expected to say something, and `LABEL org.opencontainers.image.version=""` satisfies the schema in name only (often a build argument that was not passed).\n\nGive it a value, or pass the build argument that fills it.',
      zh: '仅对 `.hadolint.yaml` 的 `label-schema` 中列出的标签生效：这样的标签应当有实际内容，`LABEL org.opencontainers.image.version=""` 只是名义上满足了模式（常见原因是没有传入用于填充它的构建参数）。\n\n请给它一个值，或传入填充它的构建参数。',
    },
  },
  check(subject, report) {
    const schema = schemaOf(subject);
    for (const pair of labelPairs(subject)) {
      if (!Object.hasOwn(schema, pair.key) || pair.value !== '') continue;
      report({
        range: pair.keyRange,
        message: message(`The label ${codeSpan(pair.key)} is empty.`, `标签 ${codeSpan(pair.key)} 的值为空。`),
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Value forms (DL3052–DL3056, DL3058)

/** An absolute URI (RFC 3986): a scheme, a colon, then only characters a URI may hold. */
export function isUri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/.test(value);
}

/** An RFC 3339 date-time: `2024-05-01T12:30:00Z`, fractions of a second and a `±hh:mm` offset allowed. */
export function isRfc3339(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/** Semantic Versioning 2.0.0: `1.2.3`, with an optional `-pre.release` and `+build`. */
export function isSemver(value: string): boolean {
  const number = '(?:0|[1-9]\\d*)';
  const pre = `(?:${number}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
  return new RegExp(`^${number}\\.${number}\\.${number}(?:-${pre}(?:\\.${pre})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`).test(value);
}

/** A git commit hash: lower-case hex, abbreviated (7 to 39 digits) or whole (40, or 64 for SHA-256 repositories). */
export function isGitHash(value: string): boolean {
  return /^[0-9a-f]+$/.test(value) && ((value.length >= 7 && value.length <= 40) || value.length === 64);
}

/** An e-mail address (RFC 5322 addr-spec): a dot-atom or quoted local part, `@`, a domain name or a bracketed literal. */
export function isEmail(value: string): boolean {
  const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  const local = `(?:${atom}(?:\\.${atom})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")`;
  const label = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
  const domain = `(?:${label}(?:\\.${label})*|\\[[^\\[\\]\\\\\\s]*\\])`;
  return new RegExp(`^${local}@${domain}$`).test(value);
}

const licenseIds = new Map<string, string>([...spdxDeprecatedIds, ...spdxLicenseIds].map((id) => [id.toLowerCase(), id]));

/**
 * An SPDX license expression: license ids of the SPDX list (matched case-insensitively, as SPDX
 * says; `+` for "or later"), `LicenseRef-…`, joined by AND / OR, `WITH <exception>`, parentheses.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g) ?? [];
  let pos = 0;
  const peekWord = () => tokens[pos]?.toUpperCase();
  const license = (): boolean => {
    const token = tokens[pos];
    if (token === undefined) return false;
    if (token === '(') {
      pos++;
      if (!expression() || tokens[pos] !== ')') return false;
      pos++;
      return true;
    }
    const ref = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(token);
    const id = licenseIds.has(token.replace(/\+$/, '').toLowerCase());
    if (!ref && !id) return false;
    pos++;
    if (peekWord() === 'WITH') {
      pos++;
      if (!/^[A-Za-z0-9.-]+$/.test(tokens[pos] ?? '')) return false;
      pos++;
    }
    return true;
  };
  const expression = (): boolean => {
    if (!license()) return false;
    while (peekWord() === 'AND' || peekWord() === 'OR') {
      pos++;
      if (!license()) return false;
    }
    return true;
  };
  return expression() && pos === tokens.length;
}

type CheckedType = Exclude<HadolintLabelType, 'text'>;

interface ValueForm {
  type: CheckedType;
  id: string;
  alias: string;
  valid(value: string): boolean;
  title: Localized;
  /** What the value should be, completing "should be …". */
  expected: Localized;
  docs: Localized;
  differences?: Localized;
}

const emptyAndVariables: Localized = {
  en: 'An empty value is left to `label-empty` (hadolint reports it here too), and a value written with a variable (`"${VERSION}"`) is not judged: it is known only at build time (hadolint judges the text `${VERSION}`; its documentation suggests the type `text` for such labels).',
  zh: '空值交给 `label-empty` 报告（hadolint 在这里也会报告），用变量写成的值（`"${VERSION}"`）不做判断：它要到构建时才知道（hadolint 会按文本 `${VERSION}` 判断；其文档建议这类标签使用 `text` 类型）。',
};

const both = (first: Localized, second: Localized): Localized => ({ en: `${first.en} ${second.en}`, zh: `${first.zh}${second.zh}` });

const schemaIntro = (type: string): Localized => ({
  en: `Active only for labels that \`label-schema\` in \`.hadolint.yaml\` gives the type \`${type}\``,
  zh: `仅对 \`.hadolint.yaml\` 的 \`label-schema\` 中类型为 \`${type}\` 的标签生效`,
});

const valueForms: Record<CheckedType, ValueForm> = {
  url: {
    type: 'url', id: 'label-url-invalid', alias: 'DL3052', valid: isUri,
    title: { en: 'Label is not a URL', zh: '标签值不是 URL' },
    expected: { en: 'an absolute URL such as https://example.org/project', zh: '绝对 URL，例如 https://example.org/project' },
    docs: {
      en: `${schemaIntro('url').en}: the value must be an absolute URI (RFC 3986) with a scheme, such as \`https://github.com/org/repo\`.`,
      zh: `${schemaIntro('url').zh}：值必须是带协议的绝对 URI（RFC 3986），例如 \`https://github.com/org/repo\`。`,
    },
    differences: emptyAndVariables,
  },
  rfc3339: {
    type: 'rfc3339', id: 'label-time-invalid', alias: 'DL3053', valid: isRfc3339,
    title: { en: 'Label is not an RFC 3339 time', zh: '标签值不是 RFC 3339 时间' },
    expected: { en: 'an RFC 3339 date and time such as 2024-05-01T12:30:00Z', zh: 'RFC 3339 日期时间，例如 2024-05-01T12:30:00Z' },
    docs: {
      en: `${schemaIntro('rfc3339').en}: the value must be a date and time in RFC 3339 form, with a time zone: \`2024-05-01T12:30:00Z\` or \`2024-05-01T14:30:00.5+02:00\` (\`date --rfc-3339=seconds\` writes a space for the \`T\`; \`date -u +%Y-%m-%dT%H:%M:%SZ\` does not).`,
      zh: `${schemaIntro('rfc3339').zh}：值必须是带时区的 RFC 3339 日期时间：\`2024-05-01T12:30:00Z\` 或 \`2024-05-01T14:30:00.5+02:00\`（\`date --rfc-3339=seconds\` 用空格代替 \`T\`；\`date -u +%Y-%m-%dT%H:%M:%SZ\` 则不会）。`,
    },
    differences: emptyAndVariables,
  },
  spdx: {
    type: 'spdx', id: 'label-license-invalid', alias: 'DL3054', valid: isSpdxExpression,
    title: { en: 'Label is not an SPDX license', zh: '标签值不是 SPDX 许可证' },
    expected: { en: 'an SPDX license identifier or expression such as MIT or Apache-2.0 OR MIT', zh: 'SPDX 许可证标识符或表达式，例如 MIT 或 Apache-2.0 OR MIT' },
    docs: {
      en: `${schemaIntro('spdx').en}: the value must name licenses from the SPDX list (\`MIT\`, \`Apache-2.0\`, \`GPL-3.0-or-later\`), as \`org.opencontainers.image.licenses\` expects.`,
      zh: `${schemaIntro('spdx').zh}：值必须使用 SPDX 列表中的许可证名称（\`MIT\`、\`Apache-2.0\`、\`GPL-3.0-or-later\`），这也是 \`org.opencontainers.image.licenses\` 要求的格式。`,
    },
    differences: both({
      en: 'Stevedore accepts SPDX license expressions (`Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`, `LicenseRef-…`), the form the OCI `org.opencontainers.image.licenses` label is defined with, and matches ids case-insensitively as SPDX says; hadolint accepts a single license id only.',
      zh: 'Stevedore 接受 SPDX 许可证表达式（`Apache-2.0 OR MIT`、`GPL-2.0-only WITH Classpath-exception-2.0`、`LicenseRef-…`），OCI 的 `org.opencontainers.image.licenses` 标签就是按这种格式定义的，并按 SPDX 的规定不区分大小写匹配标识符；hadolint 只接受单个许可证标识符。',
    }, emptyAndVariables),
  },
  hash: {
    type: 'hash', id: 'label-git-hash-invalid', alias: 'DL3055', valid: isGitHash,
    title: { en: 'Label is not a git commit hash', zh: '标签值不是 git 提交哈希' },
    expected: { en: 'a git commit hash (lower-case hex, 7 to 40 digits)', zh: 'git 提交哈希（小写十六进制，7 到 40 位）' },
    docs: {
      en: `${schemaIntro('hash').en}: the value must be a git commit hash in lower-case hex, whole (\`git rev-parse HEAD\`) or abbreviated (\`git rev-parse --short HEAD\`).`,
      zh: `${schemaIntro('hash').zh}：值必须是小写十六进制的 git 提交哈希，完整形式（\`git rev-parse HEAD\`）或缩写形式（\`git rev-parse --short HEAD\`）均可。`,
    },
    differences: both({
      en: 'Stevedore accepts abbreviations of any length from 7 to 40 digits (git lengthens them in large repositories) and 64-digit hashes of SHA-256 repositories; hadolint accepts exactly 7 or 40 digits.',
      zh: 'Stevedore 接受 7 到 40 位之间任意长度的缩写（大型仓库中 git 会加长缩写）以及 SHA-256 仓库的 64 位哈希；hadolint 只接受恰好 7 位或 40 位。',
    }, emptyAndVariables),
  },
  semver: {
    type: 'semver', id: 'label-semver-invalid', alias: 'DL3056', valid: isSemver,
    title: { en: 'Label is not a semantic version', zh: '标签值不是语义化版本' },
    expected: { en: 'a semantic version such as 1.4.2 or 2.0.0-rc.1', zh: '语义化版本，例如 1.4.2 或 2.0.0-rc.1' },
    docs: {
      en: `${schemaIntro('semver').en}: the value must follow Semantic Versioning 2.0.0: three numbers without leading zeros (\`1.4.2\`), optionally a pre-release (\`-rc.1\`) and build metadata (\`+20240501\`). A leading \`v\` is not part of the version.`,
      zh: `${schemaIntro('semver').zh}：值必须符合语义化版本 2.0.0：三个不带前导零的数字（\`1.4.2\`），可带预发布部分（\`-rc.1\`）和构建元数据（\`+20240501\`）。开头的 \`v\` 不属于版本号。`,
    },
    differences: emptyAndVariables,
  },
  email: {
    type: 'email', id: 'label-email-invalid', alias: 'DL3058', valid: isEmail,
    title: { en: 'Label is not an e-mail address', zh: '标签值不是电子邮件地址' },
    expected: { en: 'an e-mail address such as team@example.org', zh: '电子邮件地址，例如 team@example.org' },
    docs: {
      en: `${schemaIntro('email').en}: the value must be a bare e-mail address (RFC 5322 addr-spec) such as \`team@example.org\`, without a display name (\`Team <team@example.org>\` is not one).`,
      zh: `${schemaIntro('email').zh}：值必须是单纯的电子邮件地址（RFC 5322 addr-spec），例如 \`team@example.org\`，不带显示名称（\`Team <team@example.org>\` 不符合）。`,
    },
    differences: emptyAndVariables,
  },
};

function valueFormRule(form: ValueForm): Rule<Subject> {
  const meta: RuleMeta = {
    id: form.id,
    scope: 'instruction',
    aliases: [form.alias],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: form.title,
    docs: form.docs,
    differences: form.differences,
  };
  return {
    meta,
    check(subject, report) {
      const schema = schemaOf(subject);
      for (const pair of labelPairs(subject)) {
        if (!Object.hasOwn(schema, pair.key) || schema[pair.key] !== form.type) continue;
        if (pair.value === '' || usesVariable(pair.value) || form.valid(pair.value)) continue;
        report({
          range: pair.valueRange,
          message: message(
            `The label ${codeSpan(pair.key)} should be ${form.expected.en} (label-schema type ${form.type}), not ${codeSpan(pair.value)}.`,
            `标签 ${codeSpan(pair.key)} 应为${form.expected.zh}（label-schema 类型 ${form.type}），而不是 ${codeSpan(pair.value)}。`,
          ),
        });
      }
    },
  };
}

export const labelUrlInvalid = valueFormRule(valueForms.url);
export const labelTimeInvalid = valueFormRule(valueForms.rfc3339);
export const labelLicenseInvalid = valueFormRule(valueForms.spdx);
export const labelGitHashInvalid = valueFormRule(valueForms.hash);
export const labelSemverInvalid = valueFormRule(valueForms.semver);
export const labelEmailInvalid = valueFormRule(valueForms.email);

import { byName, type ValueDoc } from './types';

/** BuildKit's build checks, by the names `# check=skip=` takes. Descriptions are ours. */
export const buildChecks: readonly ValueDoc[] = [
  { name: 'StageNameCasing', summary: { en: 'Stage names should be lower case.', zh: '阶段名应使用小写。' } },
  { name: 'FromAsCasing', summary: { en: 'The `AS` keyword should have the same casing as `FROM`.', zh: '`AS` 关键字的大小写应与 `FROM` 一致。' } },
  { name: 'NoEmptyContinuation', summary: { en: 'Empty lines inside a continued instruction are deprecated.', zh: '续行指令中间的空行已被弃用。' } },
  { name: 'ConsistentInstructionCasing', summary: { en: 'All instructions should use the same casing, all upper or all lower.', zh: '所有指令应使用统一的大小写，全大写或全小写。' } },
  { name: 'DuplicateStageName', summary: { en: 'Two stages should not share a name.', zh: '不应有两个阶段同名。' } },
  { name: 'ReservedStageName', summary: { en: 'Stage names should not be reserved words such as `scratch`.', zh: '阶段名不应使用 `scratch` 等保留字。' } },
  { name: 'JSONArgsRecommended', summary: { en: 'Use the JSON (exec) form for CMD and ENTRYPOINT so the program receives signals.', zh: 'CMD 和 ENTRYPOINT 应使用 JSON（exec）形式，以便程序接收信号。' } },
  { name: 'MaintainerDeprecated', summary: { en: 'MAINTAINER is deprecated; use an `org.opencontainers.image.authors` label.', zh: 'MAINTAINER 已弃用；请使用 `org.opencontainers.image.authors` 标签。' } },
  { name: 'UndefinedArgInFrom', summary: { en: 'A FROM line uses an ARG that was not declared before the first FROM.', zh: 'FROM 行使用了未在第一个 FROM 之前声明的 ARG。' } },
  { name: 'WorkdirRelativePath', summary: { en: 'A relative WORKDIR without an earlier absolute one depends on the base image.', zh: '之前没有绝对路径 WORKDIR 时使用相对路径，结果取决于基础镜像。' } },
  { name: 'UndefinedVar', summary: { en: 'A variable is used before it is defined.', zh: '变量在定义之前就被使用了。' } },
  { name: 'MultipleInstructionsDisallowed', summary: { en: 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts; earlier ones are dead.', zh: '一个阶段中只有最后一条 CMD、ENTRYPOINT 或 HEALTHCHECK 生效，前面的都无效。' } },
  { name: 'LegacyKeyValueFormat', summary: { en: 'Use `key=value` instead of the legacy space-separated form in ENV and LABEL.', zh: 'ENV 和 LABEL 应使用 `key=value`，而不是旧的空格分隔形式。' } },
  { name: 'InvalidBaseImagePlatform', summary: { en: 'The base image has no variant for the target platform. Stevedore does not run this check: it needs the image index from the registry, and Stevedore never goes on the network.', zh: '基础镜像没有目标平台对应的版本。Stevedore 不执行这项检查：它需要从镜像仓库获取镜像索引，而 Stevedore 从不访问网络。' } },
  { name: 'RedundantTargetPlatform', summary: { en: '`--platform=$TARGETPLATFORM` is the default and can be removed.', zh: '`--platform=$TARGETPLATFORM` 本就是默认值，可以删除。' } },
  { name: 'SecretsUsedInArgOrEnv', summary: { en: 'A name that looks like a secret is set with ARG or ENV, which stay in the image.', zh: '用 ARG 或 ENV 设置了疑似密钥的变量，它们会保留在镜像中。' } },
  { name: 'InvalidDefaultArgInFrom', summary: { en: 'With its default values a global ARG makes the base image name empty or invalid.', zh: '使用全局 ARG 的默认值时，基础镜像名称为空或无效。' } },
  { name: 'FromPlatformFlagConstDisallowed', summary: { en: '`FROM --platform` should not be a constant value.', zh: '`FROM --platform` 不应使用常量值。' } },
  { name: 'CopyIgnoredFile', summary: { en: 'COPY or ADD names a file that .dockerignore excludes.', zh: 'COPY 或 ADD 引用了被 .dockerignore 排除的文件。' } },
  { name: 'InvalidDefinitionDescription', summary: { en: 'A comment right above a stage or ARG should read `# <name> <description>`. Experimental: runs only with `# check=experimental=InvalidDefinitionDescription`.', zh: '紧挨在阶段或 ARG 上方的注释应写成 `# <名称> <描述>` 的格式。属于实验性检查：只有写了 `# check=experimental=InvalidDefinitionDescription` 才会运行。' } },
  { name: 'ExposeProtoCasing', summary: { en: 'The protocol in EXPOSE should be lower case.', zh: 'EXPOSE 中的协议应使用小写。' } },
  { name: 'ExposeInvalidFormat', summary: { en: 'EXPOSE should not contain an IP address or a host port mapping.', zh: 'EXPOSE 中不应包含 IP 地址或主机端口映射。' } },
];

export const buildCheckDocs = byName(buildChecks);

/**
 * Checks BuildKit runs only when `# check=experimental=<name>` (or `all`) asks for them; `skip`
 * does not touch them. Lower-cased.
 */
export const experimentalBuildChecks: ReadonlySet<string> = new Set(['invaliddefinitiondescription']);

/**
 * Checks BuildKit runs once over the whole file rather than while it reads one instruction, so a
 * `# check=skip=` comment above an instruction does not reach them (only the top-of-file directive
 * does). Lower-cased.
 */
export const fileScopedBuildChecks: ReadonlySet<string> = new Set([
  'noemptycontinuation', 'consistentinstructioncasing', 'duplicatestagename', 'reservedstagename', 'invaliddefaultarginfrom',
]);

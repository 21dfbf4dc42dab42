import { closest } from '../../common/didYouMean';
import type { Rule } from '../../common/rules';
import { withLinesInMessage } from '../findingLines';
import type { Stage } from '../semantic';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf } from './facts';
import { isImageReference } from './from';
import { predefinedArgs, wellKnownEnvironment } from './tables';
import { expandedReferencesOf } from './expandedVariables';

type Subject = DockerfileRuleSubject;

/** The stage's ancestry ends in `scratch` or another stage, so every variable it has is in this file. */
function knowsWholeEnvironment(stage: Stage | undefined): boolean {
  let current = stage;
  for (let depth = 0; current && depth < 256; depth++) {
    if (current.baseStage) {
      current = current.baseStage;
      continue;
    }
    return (current.baseImage ?? '').toLowerCase() === 'scratch';
  }
  return false;
}

export const undefinedArgInFrom: Rule<Subject> = {
  meta: {
    id: 'undefined-arg-in-from', scope: 'stage', fixable: true,
    aliases: ['UndefinedArgInFrom'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'FROM uses an undeclared ARG', zh: 'FROM 使用了未声明的 ARG' },
    docs: {
      en: '`FROM` sees only the ARGs declared before the first `FROM` (global ARGs) and the predefined platform args (`TARGETPLATFORM`, `BUILDPLATFORM`…). Any other variable expands to an empty string.\n\nDeclare it with `ARG NAME=<default>` at the top of the file.',
      zh: '`FROM` 只能看到第一个 `FROM` 之前声明的 ARG（全局 ARG）以及预定义的平台参数（`TARGETPLATFORM`、`BUILDPLATFORM` 等）。其他变量都会展开为空字符串。\n\n请在文件顶部用 `ARG NAME=<默认值>` 声明它。',
    },
  },
  check({ model }, report) {
    const globals = factsOf(model).semantics.globalArgs.map((d) => d.name);
    for (const reference of expandedReferencesOf(model)) {
      if (reference.keyword !== 'FROM' || reference.declared || predefinedArgs.has(reference.name)) continue;
      const suggestion = closest(reference.name, globals);
      report({
        range: reference.nameRange,
        message: suggestion
          ? { en: `FROM uses ARG ${reference.name}, which is not declared before the first FROM; did you mean ${suggestion}?`, zh: `FROM 使用的 ARG ${reference.name} 没有在第一个 FROM 之前声明；是否想写 ${suggestion}？` }
          : { en: `FROM uses ARG ${reference.name}, which is not declared before the first FROM.`, zh: `FROM 使用的 ARG ${reference.name} 没有在第一个 FROM 之前声明。` },
        fixes: suggestion ? [fix({ en: `Change to ${suggestion}`, zh: `改为 ${suggestion}` }, [replace(reference.nameRange, suggestion)])] : undefined,
      });
    }
  },
};

export const undefinedVariable: Rule<Subject> = {
  meta: {
    id: 'undefined-variable', scope: 'stage', fixable: true,
    aliases: ['UndefinedVar'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Variable used before it is defined', zh: '变量在定义之前被使用' },
    differences: {
      en: 'BuildKit knows the environment of the base image it pulls; Stevedore does not, so in stages built on an external image it reports only likely typos of declared names and names the stage declares later, where BuildKit reports every name the image does not set either. Instructions before the first FROM (which BuildKit refuses) are checked for typos of global ARGs only.',
      zh: 'BuildKit 知道它拉取的基础镜像的环境变量，Stevedore 不知道；因此对基于外部镜像的阶段，Stevedore 只报告疑似已声明名称的拼写错误以及本阶段稍后才声明的名称，而 BuildKit 会报告镜像中也没有设置的所有名称。第一个 FROM 之前的指令（BuildKit 会拒绝）只检查疑似全局 ARG 的拼写错误。',
    },
    docs: {
      en: 'Instructions that BuildKit expands itself (`COPY`, `ADD`, `ENV`, `LABEL`, `WORKDIR`, `USER`, `EXPOSE`, `VOLUME`, `STOPSIGNAL`) see only the ARGs and ENVs declared earlier in the same stage (plus ENVs of the stage it builds on and the predefined args). A global ARG must be re-declared with `ARG NAME` inside the stage. An undefined variable silently becomes an empty string.\n\nStevedore cannot see the environment of an external base image, so in stages built on one it reports only names that look like typos of a declared variable, and names the stage declares only later (used too early); stages built on `scratch` or on other stages are checked fully. Before the first FROM (a fragment) only likely typos of global ARGs are reported. BuildKit knows the environment of the base image and so reports more in stages built on external images. `${NAME:-default}` forms are never reported. `RUN`, `CMD` and `ENTRYPOINT` are expanded by the shell at run time and are not checked.',
      zh: 'BuildKit 自己负责展开的指令（`COPY`、`ADD`、`ENV`、`LABEL`、`WORKDIR`、`USER`、`EXPOSE`、`VOLUME`、`STOPSIGNAL`）只能看到同一阶段中之前声明的 ARG 和 ENV（以及其基础阶段的 ENV 和预定义参数）。全局 ARG 必须在阶段内用 `ARG NAME` 重新声明。未定义的变量会悄悄变成空字符串。\n\nStevedore 无法得知外部基础镜像中的环境变量，因此对基于外部镜像的阶段，只报告看起来像是已声明变量拼写错误的名称，以及本阶段稍后才声明的名称（使用得太早）；基于 `scratch` 或其他阶段的阶段会完整检查。第一个 FROM 之前（片段）只报告疑似全局 ARG 拼写错误的名称。BuildKit 知道基础镜像的环境变量，因此对基于外部镜像的阶段会报告得更多。`${NAME:-默认值}` 形式从不报告。`RUN`、`CMD` 和 `ENTRYPOINT` 在运行时由 shell 展开，不做检查。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    const { semantics } = facts;
    const declaredInStage = new Map<number, string[]>();
    for (const declaration of semantics.declarations) {
      if (!declaration.stage) continue;
      const list = declaredInStage.get(declaration.stage.index) ?? [];
      list.push(declaration.name);
      declaredInStage.set(declaration.stage.index, list);
    }
    const globals = semantics.globalArgs.map((d) => d.name);
    for (const reference of expandedReferencesOf(model)) {
      if (reference.declared || reference.keyword === 'FROM' || reference.hasModifier) continue;
      if (predefinedArgs.has(reference.name) || wellKnownEnvironment.has(reference.name)) continue;
      if (!reference.stage) {
        // Before the first FROM (a fragment): the environment is unknown, so only a likely typo of a global ARG.
        const typo = closest(reference.name, globals.filter((c) => c !== reference.name));
        if (!typo) continue;
        report({
          range: reference.nameRange,
          message: { en: `${reference.name} is not defined; did you mean ${typo}?`, zh: `${reference.name} 未定义；是否想写 ${typo}？` },
          fixes: [fix({ en: `Change to ${typo}`, zh: `改为 ${typo}` }, [replace(reference.nameRange, typo)])],
        });
        continue;
      }
      const candidates = [...(declaredInStage.get(reference.stage.index) ?? []), ...globals];
      // Declared later in this stage (by another instruction): used too early, whatever the base image sets.
      const later = semantics.declarations.find((d) => d.stage === reference.stage && d.name === reference.name && d.instruction !== reference.instruction);
      if (later) {
        // The message names a line: written again when the stage's findings move (findingLines.ts).
        const { name } = reference;
        report(withLinesInMessage({ range: reference.nameRange }, (shift) => {
          const line = later.line + shift + 1;
          return { en: `${name} is used before its ${later.kind} on line ${line}; here it expands to an empty string.`, zh: `${name} 在第 ${line} 行的 ${later.kind} 之前就被使用了；此处会展开为空字符串。` };
        }));
        continue;
      }
      const suggestion = closest(reference.name, candidates.filter((c) => c !== reference.name));
      const isGlobal = globals.includes(reference.name);
      if (!isGlobal && !suggestion && !knowsWholeEnvironment(reference.stage)) continue;
      report({
        range: reference.nameRange,
        message: isGlobal
          ? { en: `${reference.name} is a global ARG; declare "ARG ${reference.name}" in this stage to use it.`, zh: `${reference.name} 是全局 ARG；需要在本阶段声明 "ARG ${reference.name}" 才能使用。` }
          : suggestion
            ? { en: `${reference.name} is not defined; did you mean ${suggestion}?`, zh: `${reference.name} 未定义；是否想写 ${suggestion}？` }
            : { en: `${reference.name} is not defined in this stage; it expands to an empty string.`, zh: `${reference.name} 在本阶段未定义，会展开为空字符串。` },
        fixes: suggestion && !isGlobal ? [fix({ en: `Change to ${suggestion}`, zh: `改为 ${suggestion}` }, [replace(reference.nameRange, suggestion)])] : undefined,
      });
    }
  },
};

/** Expands `$NAME` / `${NAME}` / `${NAME:-x}` with global ARG defaults as a build without --build-arg would. */
function expandWithDefaults(text: string, defaults: Map<string, string | null>): string | undefined {
  let unknown = false;
  const expanded = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced: string | undefined, modifier: string | undefined, word: string | undefined, plain: string | undefined) => {
    const name = (braced ?? plain)!;
    if (predefinedArgs.has(name) || !defaults.has(name)) {
      unknown = true;
      return '';
    }
    const value = defaults.get(name) ?? '';
    if (modifier === ':-') return value === '' ? word ?? '' : value;
    if (modifier === '-') return defaults.get(name) === null ? word ?? '' : value;
    if (modifier === ':+') return value === '' ? '' : word ?? '';
    if (modifier === '+') return defaults.get(name) === null ? '' : word ?? '';
    return value;
  });
  return unknown ? undefined : expanded;
}

export const invalidDefaultArgInFrom: Rule<Subject> = {
  meta: {
    id: 'invalid-default-arg-in-from', scope: 'stage',
    aliases: ['InvalidDefaultArgInFrom'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'FROM is invalid with the ARG defaults', zh: '使用 ARG 默认值时 FROM 无效' },
    docs: {
      en: 'When a global ARG used in `FROM` has no default (or an empty one), a build without `--build-arg` expands the image to an empty or broken name (`alpine:`). Give the ARG a default that makes a valid image, e.g. `ARG TAG=3.20`.',
      zh: '如果 `FROM` 中使用的全局 ARG 没有默认值（或默认值为空），那么不带 `--build-arg` 构建时，镜像名会展开为空或残缺的名称（如 `alpine:`）。请为该 ARG 提供能组成有效镜像名的默认值，例如 `ARG TAG=3.20`。',
    },
  },
  check({ model }, report) {
    const { semantics } = factsOf(model);
    const defaults = new Map<string, string | null>();
    for (const declaration of semantics.globalArgs) defaults.set(declaration.name, declaration.value);
    for (const stage of semantics.stages) {
      const image = stage.baseImage;
      if (!image || !stage.baseImageRange || !image.includes('$')) continue;
      // BuildKit removes quotes while expanding: `alpine:"${TAG}"` is `alpine:3.20`.
      const expanded = expandWithDefaults(image, defaults)?.replace(/["']/g, '');
      if (expanded === undefined || expanded.includes('$')) continue;
      if (expanded !== '' && (isImageReference(expanded) || expanded.toLowerCase() === 'scratch')) continue;
      report({
        range: stage.baseImageRange,
        message: expanded === ''
          ? { en: `With the ARG defaults, "${image}" expands to an empty image name; give the ARG a default.`, zh: `使用 ARG 默认值时，"${image}" 会展开为空的镜像名；请为该 ARG 提供默认值。` }
          : { en: `With the ARG defaults, "${image}" expands to "${expanded}", which is not a valid image; fix the default.`, zh: `使用 ARG 默认值时，"${image}" 会展开为 "${expanded}"，这不是有效的镜像名；请修正默认值。` },
      });
    }
  },
};

export const envSelfReference: Rule<Subject> = {
  meta: {
    id: 'env-self-reference', scope: 'stage',
    aliases: ['DL3044'],
    // hadolint says error, but the file builds: often the old value is the same (base-image ENV).
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'ENV uses a variable it defines itself', zh: 'ENV 引用了自身定义的变量' },
    docs: {
      en: 'All values of one `ENV` are expanded before any of them is set, so in `ENV A=1 B=$A` the `$A` is the *old* A (empty here), not `1`.\n\nSplit it into two ENV instructions.',
      zh: '同一条 `ENV` 中的所有值会在赋值之前一起展开，因此 `ENV A=1 B=$A` 里的 `$A` 是*旧的* A（这里为空），而不是 `1`。\n\n请拆分为两条 ENV 指令。',
    },
  },
  check({ model }, report) {
    const { semantics } = factsOf(model);
    const byInstruction = new Map<unknown, { name: string; end: number }[]>();
    for (const declaration of semantics.declarations) {
      if (declaration.kind !== 'ENV') continue;
      const list = byInstruction.get(declaration.instruction) ?? [];
      // Where the whole `NAME=value` ends: `ENV PATH=/x:$PATH` refers to its own old value on purpose.
      const end = (declaration.valueRange ?? declaration.nameRange).end;
      list.push({ name: declaration.name, end: model.document.offsetAt(end) });
      byInstruction.set(declaration.instruction, list);
    }
    // Compared as document offsets: the reference's range is worked out only for a finding.
    for (const reference of expandedReferencesOf(model)) {
      const declared = byInstruction.get(reference.instruction);
      if (!declared) continue;
      const earlier = declared.some((d) => d.name === reference.name && d.end <= reference.start);
      if (!earlier) continue;
      report({
        range: reference.range,
        message: { en: `${reference.name} is set in this same ENV, so $${reference.name} still has its old value here; split the ENV.`, zh: `${reference.name} 在同一条 ENV 中赋值，这里的 $${reference.name} 仍是旧值；请拆分这条 ENV。` },
      });
    }
  },
};

// What FROM says: the stage name, the image reference and the platform.
import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf } from './facts';

type Subject = DockerfileRuleSubject;

/** BuildKit's stage-name pattern. */
const stageNamePattern = /^[a-z][a-z0-9-_.]*$/i;

export const invalidStageName: Rule<Subject> = {
  meta: {
    id: 'invalid-stage-name', scope: 'instruction',
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Invalid stage name', zh: '阶段名称无效' },
    docs: {
      en: 'A stage name (`FROM … AS <name>`) must start with a letter and contain only letters, digits, `-`, `_` and `.`. BuildKit rejects other names.',
      zh: '阶段名称（`FROM … AS <名称>`）必须以字母开头，只能包含字母、数字、`-`、`_` 和 `.`。其他名称会被 BuildKit 拒绝。',
    },
  },
  check({ model }, report) {
    for (const stage of factsOf(model).semantics.stages) {
      if (stage.name === undefined || !stage.nameRange || stageNamePattern.test(stage.name) || stage.name.includes('$')) continue;
      report({
        range: stage.nameRange,
        message: { en: `"${stage.name}" is not a valid stage name: start with a letter; use letters, digits, -, _ and . only.`, zh: `"${stage.name}" 不是有效的阶段名称：必须以字母开头，只能使用字母、数字、-、_ 和 .。` },
      });
    }
  },
};

const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const host = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::\\d+)?';
const referencePattern = new RegExp(`^(?:${host}/)?${component}(?:/${component})*(?::[\\w][\\w.-]{0,127})?(?:@[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,})?$`);

/** Whether text is a valid image reference (docker/distribution grammar). Variables are not checked. */
export function isImageReference(text: string): boolean {
  if (text.length > 512) return false;
  return referencePattern.test(text);
}

export const invalidImageReference: Rule<Subject> = {
  meta: {
    id: 'invalid-image-reference', scope: 'file', fixable: true,
    aliases: [],
    severity: 'error',
    category: 'syntax',
    profile: 'recommended',
    title: { en: 'Invalid image reference', zh: '镜像引用格式无效' },
    docs: {
      en: 'An image reference is `[registry[:port]/]name[:tag][@digest]`, where the repository path is lower case (letters, digits and `.`, `_`, `-` separators) and a tag has at most 128 characters. Anything else fails with "invalid reference format".\n\nReferences containing `$` variables are checked only after the build expands them, so they are skipped here.',
      zh: '镜像引用的格式为 `[仓库地址[:端口]/]名称[:标签][@摘要]`，其中仓库路径必须为小写（字母、数字，以及 `.`、`_`、`-` 分隔符），标签最多 128 个字符。其他写法都会报 "invalid reference format" 错误。\n\n包含 `$` 变量的引用要到构建展开后才能确定，因此这里跳过。',
    },
  },
  check({ model }, report) {
    const facts = factsOf(model);
    for (const reference of facts.stageReferences) {
      // `--from=<image>`: a name that is no stage must be a valid reference (`--from=Nginx:1` is not).
      if (reference.kind === 'from' || reference.target || reference.text.includes('$') || !/[/:@]/.test(reference.text)) continue;
      if (isImageReference(reference.text)) continue;
      report({ range: reference.range, message: { en: `"${reference.text}" is neither a stage nor a valid image reference.`, zh: `"${reference.text}" 既不是阶段，也不是有效的镜像引用。` } });
    }
    for (const stage of facts.semantics.stages) {
      // Quotes disappear during BuildKit's word processing: `FROM "alpine:3.20"` is fine.
      // (replace only when there is a quote: a regular expression per stage showed in profiles of long files)
      const image = stage.baseImage && /["']/.test(stage.baseImage) ? stage.baseImage.replace(/["']/g, '') : stage.baseImage;
      if (!image || !stage.baseImageRange || image.includes('$') || stage.baseStage || image.toLowerCase() === 'scratch') continue;
      if (isImageReference(image)) continue;
      const lower = image.replace(/^([^/:@]+\/)?([^:@]+)/, (_m, registry: string | undefined, path: string) => `${registry ?? ''}${path.toLowerCase()}`);
      const canFix = lower !== image && isImageReference(lower);
      report({
        range: stage.baseImageRange,
        message: canFix
          ? { en: `Image names must be lower case: "${image}".`, zh: `镜像名称必须为小写："${image}"。` }
          : { en: `"${image}" is not a valid image reference.`, zh: `"${image}" 不是有效的镜像引用。` },
        fixes: canFix ? [fix({ en: `Change to ${lower}`, zh: `改为 ${lower}` }, [replace(stage.baseImageRange, lower)])] : undefined,
      });
    }
  },
};

export const redundantTargetPlatform: Rule<Subject> = {
  meta: {
    id: 'redundant-target-platform', scope: 'stage', fixable: true,
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
    id: 'from-platform-flag-const', scope: 'stage',
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

import type { Rule } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf } from './facts';

type Subject = DockerfileRuleSubject;

/** BuildKit's stage-name pattern. */
const stageNamePattern = /^[a-z][a-z0-9-_.]*$/i;

export const invalidStageName: Rule<Subject> = {
  meta: {
    id: 'invalid-stage-name',
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
    id: 'invalid-image-reference', fixable: true,
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
      const image = stage.baseImage?.replace(/["']/g, '');
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

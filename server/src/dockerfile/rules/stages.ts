import { closest } from '../../common/didYouMean';
import type { Rule } from '../../common/rules';
import type { Stage, StageReference } from '../semantic';
import { findStage, sameStageName } from '../semantic';
import type { DockerfileRuleSubject } from './context';
import { fix, replace } from './edits';
import { factsOf } from './facts';
import { reservedStageNames } from './tables';

type Subject = DockerfileRuleSubject;

const isFlagReference = (reference: StageReference) => reference.kind === 'copy-from' || reference.kind === 'mount-from';
const looksLikeImage = (text: string) => /[/:@.]/.test(text);
const flagName = (reference: StageReference) => (reference.kind === 'copy-from' ? 'COPY --from' : 'RUN --mount from=');

export const copyFromUnknownStage: Rule<Subject> = {
  meta: {
    id: 'copy-from-unknown-stage', scope: 'file', fixable: true,
    aliases: ['DL3022'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Stage reference to no earlier stage', zh: '引用的阶段不在之前定义' },
    docs: {
      en: '`FROM <name>`, `COPY --from=<name>` and `RUN --mount=…,from=<name>` look for a stage defined *before* the current one. A name that matches no earlier stage is pulled as an image instead (for `builder`, `docker.io/library/builder`), which is almost never what was meant; a later stage cannot be used at all.\n\nFix the name, move the stage up, or write a full image reference (`alpine:3.20`).',
      zh: '`FROM <名称>`、`COPY --from=<名称>` 和 `RUN --mount=…,from=<名称>` 只会查找当前阶段*之前*定义的阶段。名称如果不匹配任何之前的阶段，就会被当作镜像去拉取（例如 `builder` 会变成 `docker.io/library/builder`），这几乎从来都不是本意；之后定义的阶段则完全无法使用。\n\n请修正名称、把该阶段移到前面，或写出完整的镜像引用（如 `alpine:3.20`）。',
    },
  },
  check({ model }, report) {
    const { semantics, stageOf, stageReferences } = factsOf(model);
    const { stages } = semantics;
    const variableNames = stages.some((s) => s.name?.includes('$'));
    const suggestions = new Map<string, string | undefined>();
    const suggestionFor = (text: string, before: number): string | undefined => {
      const key = `${before}\u0000${text}`;
      if (!suggestions.has(key)) suggestions.set(key, closest(text, stages.filter((s) => s.index < before && s.name).map((s) => s.name!)));
      return suggestions.get(key);
    };
    for (const reference of stageReferences) {
      if (reference.text.includes('$')) continue;
      const current = stageOf(reference.instruction);
      const text = reference.text;
      if (!current) {
        // Before the first FROM every stage is a later one, and a stage index names none.
        if (reference.kind === 'from') continue;
        const written = `${flagName(reference).replace(/=$/, '')}=${text}`;
        if (/^\d+$/.test(text) || findStage(stages, text)) {
          report({ range: reference.range, message: { en: `${written} names no stage defined before it; only earlier stages can be used.`, zh: `${written} 在它之前没有对应的阶段；只能使用之前定义的阶段。` } });
        } else if (!looksLikeImage(text) && !variableNames) {
          report({ range: reference.range, message: { en: `No stage named "${text}" before this one, so it is pulled as an image; check the name.`, zh: `此前没有名为 "${text}" 的阶段，因此会被当作镜像拉取；请检查名称。` } });
        }
        continue;
      }
      if (reference.kind === 'from') {
        // `FROM builder` before `… AS builder`: BuildKit pulls an image called builder instead.
        const later = !current.baseStage && !/[/:@]/.test(text) ? stages.find((s) => s.index > current.index && s.name && sameStageName(s.name, text)) : undefined;
        if (later) {
          report({ range: reference.range, message: { en: `Stage "${text}" is defined after this FROM, so an image named "${text}" would be pulled; move the stage up.`, zh: `阶段 "${text}" 定义在这条 FROM 之后，因此会去拉取名为 "${text}" 的镜像；请把该阶段移到前面。` } });
        }
        continue;
      }
      if (/^\d+$/.test(text)) {
        const index = Number(text);
        if (index > current.index) {
          report({ range: reference.range, message: { en: `${flagName(reference)}=${text} refers to a later stage; only earlier stages can be used.`, zh: `${flagName(reference)}=${text} 指向之后的阶段；只能使用之前的阶段。` } });
        }
        continue;
      }
      if (findStage(stages, text, current) || (current.name && sameStageName(current.name, text))) continue;
      const later = findStage(stages, text);
      if (later) {
        report({ range: reference.range, message: { en: `Stage "${text}" is defined after this one, so an image named "${text}" would be pulled; move the stage up.`, zh: `阶段 "${text}" 定义在当前阶段之后，因此会去拉取名为 "${text}" 的镜像；请把该阶段移到前面。` } });
        continue;
      }
      // An image reference, or stage names we cannot know (`AS ${NAME}`).
      if (looksLikeImage(text) || variableNames) continue;
      const suggestion = suggestionFor(text, current.index);
      report({
        range: reference.range,
        message: suggestion
          ? { en: `No stage named "${text}" before this one; did you mean "${suggestion}"?`, zh: `当前阶段之前没有名为 "${text}" 的阶段；是否想写 "${suggestion}"？` }
          : { en: `No stage named "${text}" before this one, so it is pulled as an image; check the name.`, zh: `当前阶段之前没有名为 "${text}" 的阶段，因此会被当作镜像拉取；请检查名称。` },
        fixes: suggestion ? [fix({ en: `Change to ${suggestion}`, zh: `改为 ${suggestion}` }, [replace(reference.range, suggestion)])] : undefined,
      });
    }
  },
};

export const copyFromOwnStage: Rule<Subject> = {
  meta: {
    id: 'copy-from-own-stage', scope: 'file',
    aliases: ['DL3023'],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: '--from names its own stage', zh: '--from 指向了自身所在的阶段' },
    docs: {
      en: 'A stage cannot copy from (or mount) itself: its files do not exist yet while it is being built. BuildKit fails with a dependency cycle.\n\nCopy within the stage with `RUN cp`, or copy from an earlier stage.',
      zh: '阶段不能从自身复制（或挂载）文件：构建过程中它的文件还不存在。BuildKit 会因循环依赖而失败。\n\n请在阶段内使用 `RUN cp`，或从之前的阶段复制。',
    },
  },
  check({ model }, report) {
    const { semantics, stageOf, stageReferences } = factsOf(model);
    for (const reference of stageReferences) {
      if (!isFlagReference(reference)) continue;
      const current = stageOf(reference.instruction);
      if (!current) continue;
      const own = /^\d+$/.test(reference.text) ? Number(reference.text) === current.index : !!current.name && sameStageName(current.name, reference.text) && !findStage(semantics.stages, reference.text, current);
      if (!own) continue;
      report({ range: reference.range, message: { en: `${flagName(reference)} refers to the stage it is in; use an earlier stage.`, zh: `${flagName(reference)} 指向了自身所在的阶段；请使用之前的阶段。` } });
    }
  },
};

export const duplicateStageName: Rule<Subject> = {
  meta: {
    id: 'duplicate-stage-name', scope: 'file',
    aliases: ['DL3024', 'DuplicateStageName'],
    // BuildKit builds such a file (it warns); hadolint calls it an error.
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Stage name used twice', zh: '阶段名称重复' },
    docs: {
      en: 'Stage names are compared without regard to case and must be unique: `--from`, `--target` and `FROM <stage>` could not tell the stages apart.\n\nRename one of them.',
      zh: '阶段名称比较时不区分大小写，并且必须唯一：否则 `--from`、`--target` 和 `FROM <阶段>` 无法区分它们。\n\n请重命名其中一个。',
    },
  },
  check({ model }, report) {
    const seen = new Map<string, Stage>();
    for (const stage of factsOf(model).semantics.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const key = stage.name.toLowerCase();
      const first = seen.get(key);
      if (first) {
        report({ range: stage.nameRange, message: { en: `Stage name "${stage.name}" is already used on line ${first.from.getRange().start.line + 1}; rename it.`, zh: `阶段名称 "${stage.name}" 已在第 ${first.from.getRange().start.line + 1} 行使用；请重命名。` } });
      } else {
        seen.set(key, stage);
      }
    }
  },
};

export const reservedStageName: Rule<Subject> = {
  meta: {
    id: 'reserved-stage-name', scope: 'instruction',
    aliases: ['DL3063', 'ReservedStageName'],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Reserved word as stage name', zh: '阶段名称使用了保留字' },
    docs: {
      en: '`scratch` (the empty base image) and `context` (the build context) have a meaning of their own in `FROM` and `--from`; a stage with that name makes those references ambiguous.\n\nPick another name.',
      zh: '`scratch`（空基础镜像）和 `context`（构建上下文）在 `FROM` 和 `--from` 中有特殊含义；用它们作阶段名称会让引用产生歧义。\n\n请换一个名称。',
    },
  },
  check({ model }, report) {
    for (const stage of factsOf(model).semantics.stages) {
      if (!stage.name || !stage.nameRange || !reservedStageNames.has(stage.name.toLowerCase())) continue;
      report({ range: stage.nameRange, message: { en: `"${stage.name}" is reserved; choose another stage name.`, zh: `"${stage.name}" 是保留字；请换一个阶段名称。` } });
    }
  },
};

export const unusedStage: Rule<Subject> = {
  meta: {
    id: 'unused-stage', scope: 'file',
    aliases: [],
    severity: 'info',
    category: 'semantics',
    profile: 'strict',
    title: { en: 'Stage is never used', zh: '阶段从未被使用' },
    docs: {
      en: 'BuildKit builds only the target stage (the last one by default) and the stages it depends on. A stage that no `FROM`, `COPY --from` or `--mount from=` uses, and that is not the last, is skipped unless you pass `--target <name>`.\n\nDelete it, or ignore this rule for stages that exist to be targeted.',
      zh: 'BuildKit 只构建目标阶段（默认是最后一个）及其依赖的阶段。如果一个阶段既不是最后一个，也没有被任何 `FROM`、`COPY --from` 或 `--mount from=` 使用，那么除非指定 `--target <名称>`，否则它会被跳过。\n\n请删除它；若该阶段就是供 `--target` 使用的，可忽略此规则。',
    },
    tag: 'unnecessary',
  },
  check({ model }, report) {
    const { semantics, stageReferences } = factsOf(model);
    const { stages } = semantics;
    if (stages.length < 2) return;
    const used = new Set<number>();
    for (const reference of stageReferences) {
      if (reference.text.includes('$')) {
        // A variable may name any stage: assume every stage could be used.
        return;
      }
      if (reference.target) used.add(reference.target.index);
    }
    for (const stage of stages.slice(0, -1)) {
      if (used.has(stage.index)) continue;
      const range = stage.nameRange ?? stage.from.getInstructionRange();
      report({
        range,
        message: stage.name
          ? { en: `Stage "${stage.name}" is not used by the final stage; it is built only with --target ${stage.name}.`, zh: `最终阶段没有用到阶段 "${stage.name}"；只有使用 --target ${stage.name} 时才会构建它。` }
          : { en: `Stage ${stage.index} is not used by any later stage and has no name, so it is never built.`, zh: `阶段 ${stage.index} 没有被后续阶段使用，也没有名称，因此永远不会被构建。` },
      });
    }
  },
};

export const stageNameCasing: Rule<Subject> = {
  meta: {
    id: 'stage-name-casing', scope: 'file', fixable: true,
    aliases: ['StageNameCasing'],
    severity: 'warning',
    category: 'style',
    profile: 'recommended',
    title: { en: 'Stage name is not lower case', zh: '阶段名称不是小写' },
    docs: {
      en: 'Stage names are matched case-insensitively but shown lower-cased by BuildKit; writing them in lower case avoids two spellings of the same stage.\n\nThe quick fix renames the stage and every reference to it.',
      zh: '阶段名称匹配时不区分大小写，但 BuildKit 会以小写显示；统一用小写可以避免同一阶段出现两种写法。\n\n快速修复会重命名该阶段及所有对它的引用。',
    },
  },
  check({ model }, report) {
    const { semantics, stageReferences } = factsOf(model);
    for (const stage of semantics.stages) {
      if (!stage.name || !stage.nameRange || stage.name === stage.name.toLowerCase() || stage.name.includes('$')) continue;
      const lower = stage.name.toLowerCase();
      const edits = [replace(stage.nameRange, lower)];
      for (const reference of stageReferences) {
        if (reference.target === stage && !/^\d+$/.test(reference.text)) edits.push(replace(reference.range, lower));
      }
      report({
        range: stage.nameRange,
        message: { en: `Stage name "${stage.name}" should be lower case.`, zh: `阶段名称 "${stage.name}" 应为小写。` },
        fixes: [fix({ en: `Rename to ${lower}`, zh: `重命名为 ${lower}` }, edits)],
      });
    }
  },
};

export const fromAsCasing: Rule<Subject> = {
  meta: {
    id: 'from-as-casing', scope: 'instruction', fixable: true,
    aliases: ['FromAsCasing'],
    severity: 'warning',
    category: 'style',
    profile: 'recommended',
    title: { en: 'AS does not match the case of FROM', zh: 'AS 的大小写与 FROM 不一致' },
    docs: {
      en: 'Write `FROM … AS name` or `from … as name`, not a mix: BuildKit warns about `FROM … as`, and a consistent case keeps the file easy to scan.',
      zh: '请写成 `FROM … AS name` 或 `from … as name`，不要混用：BuildKit 会对 `FROM … as` 给出警告，统一的大小写也让文件更易阅读。',
    },
  },
  check({ model }, report) {
    for (const stage of factsOf(model).semantics.stages) {
      if (!stage.name) continue;
      const args = stage.from.getArguments();
      const as = args[1];
      if (!as) continue;
      const keyword = stage.from.getInstruction();
      const wanted = keyword === keyword.toUpperCase() ? 'AS' : keyword === keyword.toLowerCase() ? 'as' : undefined;
      if (!wanted || as.getValue() === wanted) continue;
      report({
        range: as.getRange(),
        message: { en: `Write "${wanted}" to match "${keyword}".`, zh: `请写成 "${wanted}"，与 "${keyword}" 保持一致。` },
        fixes: [fix({ en: `Change to ${wanted}`, zh: `改为 ${wanted}` }, [replace(as.getRange(), wanted)])],
      });
    }
  },
};

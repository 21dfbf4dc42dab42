import { pick, type Localized } from '../common/localized';
import type { DocumentSummary, FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { semanticsOf, type Stage } from './semantic';

/**
 * What the editor's language status says about a Dockerfile: how many build stages, and what each
 * is built from ("builder from golang:1.23", "stage 2 from builder").
 */

/** Enough to recognise the file at a glance; the rest is counted. */
const maxListedStages = 6;

const words = {
  noStage: { en: 'no stage yet', zh: '尚无构建阶段' },
  oneStage: { en: '1 stage', zh: '1 个阶段' },
  stages: { en: '{n} stages', zh: '{n} 个阶段' },
  noStageDetail: { en: 'No FROM instruction yet: a Dockerfile starts its first build stage with FROM.', zh: '还没有 FROM 指令：Dockerfile 的第一个构建阶段以 FROM 开始。' },
  stagesLabel: { en: 'Stages: ', zh: '构建阶段：' },
  unnamed: { en: 'stage {n}', zh: '阶段 {n}' },
  from: { en: '{stage} from {base}', zh: '{stage} 基于 {base}' },
  noBase: { en: '(no image)', zh: '（未指定镜像）' },
  separator: { en: '; ', zh: '；' },
  more: { en: '; {n} more', zh: '；另有 {n} 个' },
} satisfies Record<string, Localized>;

function fill(text: Localized, ctx: FeatureContext, values: Record<string, string | number>): string {
  return pick(text, ctx.lang).replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function describeStage(stage: Stage, ctx: FeatureContext): string {
  const name = stage.name ?? fill(words.unnamed, ctx, { n: stage.index });
  return fill(words.from, ctx, { stage: name, base: stage.baseImage ?? pick(words.noBase, ctx.lang) });
}

export function summarizeDockerfile(model: DockerfileModel, ctx: FeatureContext): DocumentSummary {
  const { stages } = semanticsOf(model);
  if (stages.length === 0) {
    return { language: 'dockerfile', text: `Dockerfile · ${pick(words.noStage, ctx.lang)}`, detail: pick(words.noStageDetail, ctx.lang) };
  }
  const count = stages.length === 1 ? pick(words.oneStage, ctx.lang) : fill(words.stages, ctx, { n: stages.length });
  const listed = stages.slice(0, maxListedStages).map((stage) => describeStage(stage, ctx)).join(pick(words.separator, ctx.lang));
  const more = stages.length > maxListedStages ? fill(words.more, ctx, { n: stages.length - maxListedStages }) : '';
  return { language: 'dockerfile', text: `Dockerfile · ${count}`, detail: `${pick(words.stagesLabel, ctx.lang)}${listed}${more}` };
}

import type { Stage } from '../semantic';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';

/**
 * The stages of the file that the build can ship and that lack something every shipped image
 * should have (a required label, a HEALTHCHECK), given the stages that provide it themselves.
 *
 * A stage has it when it provides it or builds on a stage that has it (`FROM base`). Only the
 * stages nothing else uses are shipped images: a stage other stages build on (`FROM base`), or
 * copy or mount files from (`COPY --from`, `RUN --mount=…,from=`), only helps build them, and a
 * shipped image that lacks the thing is reported once, at its own FROM, not again at its bases.
 */
export function shippedStagesLacking(subject: DockerfileRuleSubject, providing: ReadonlySet<Stage>): Stage[] {
  const { semantics, stageReferences } = factsOf(subject.model);
  const has = new Set<Stage>();
  for (const stage of semantics.stages) {
    if (providing.has(stage) || (stage.baseStage && has.has(stage.baseStage))) has.add(stage);
  }
  const helpers = new Set<Stage>();
  for (const reference of stageReferences) if (reference.target) helpers.add(reference.target);
  for (const stage of semantics.stages) if (stage.baseStage) helpers.add(stage.baseStage);
  return semantics.stages.filter((stage) => !has.has(stage) && !helpers.has(stage));
}

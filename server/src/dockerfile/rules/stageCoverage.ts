import type { Stage } from '../semantic';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';

/**
 * The stages of the file that the build can ship and that lack something every shipped image
 * should have (a required label, a HEALTHCHECK), given the stages that provide it themselves.
 *
 * A stage has it when it provides it or builds on a stage that has it (`FROM base`). A stage
 * that lacks it is still not reported when it only helps build others: files are copied or
 * mounted from it (`COPY --from`, `RUN --mount=…,from=`), or a later stage that has it builds on
 * it, directly or through other stages.
 */
export function shippedStagesLacking(subject: DockerfileRuleSubject, providing: ReadonlySet<Stage>): Stage[] {
  const { semantics, stageReferences } = factsOf(subject.model);
  const has = new Set<Stage>();
  for (const stage of semantics.stages) {
    if (providing.has(stage) || (stage.baseStage && has.has(stage.baseStage))) has.add(stage);
  }
  const helpers = new Set<Stage>();
  for (const reference of stageReferences) {
    if (reference.kind !== 'from' && reference.target) helpers.add(reference.target);
  }
  for (const stage of has) {
    for (let base = stage.baseStage; base && !helpers.has(base); base = base.baseStage) helpers.add(base);
  }
  return semantics.stages.filter((stage) => !has.has(stage) && !helpers.has(stage));
}

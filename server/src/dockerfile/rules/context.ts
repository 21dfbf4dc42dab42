import type { FeatureContext } from '../../common/service';
import type { EffectiveRuleConfig } from '../../config/ruleConfig';
import type { DockerfileModel } from '../model';

/** What every Dockerfile rule receives: the parsed file and the run's context. */
export interface DockerfileRuleSubject {
  model: DockerfileModel;
  ctx: FeatureContext;
  /** The effective rule configuration (`.hadolint.yaml` + settings), e.g. `trustedRegistries`. */
  config?: EffectiveRuleConfig;
}

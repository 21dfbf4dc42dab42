import type { Rule } from '../../common/rules';
import type { FeatureContext } from '../../common/service';
import type { ComposeModel } from '../model';

/** What every Compose rule receives: the parsed file and the run's context (settings, project files). */
export interface ComposeRuleSubject {
  model: ComposeModel;
  ctx: FeatureContext;
}

export type ComposeRule = Rule<ComposeRuleSubject>;

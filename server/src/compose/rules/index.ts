import { RuleRegistry } from '../../common/rules';
import type { ComposeRuleSubject } from './context';
import { composeRuleList } from './index.generated';

/**
 * Every Compose rule. The list is not kept by hand: scripts/gen-rule-index.mjs collects each
 * module's exported rules into index.generated.ts, in reporting order (by category, then by module, as each module declares them).
 */
export const composeRules = new RuleRegistry<ComposeRuleSubject>(composeRuleList);

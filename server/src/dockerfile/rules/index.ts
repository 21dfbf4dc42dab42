import { RuleRegistry } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { dockerfileRuleList } from './index.generated';

/**
 * Every Dockerfile rule, one module each (or a few related rules per module). The list is not kept
 * by hand: scripts/gen-rule-index.mjs collects each module's exported rules into index.generated.ts,
 * in reporting order (by category, then by module, as each module declares them).
 */
export const dockerfileRules = new RuleRegistry<DockerfileRuleSubject>(dockerfileRuleList);

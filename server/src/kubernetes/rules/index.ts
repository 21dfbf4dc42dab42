import { RuleRegistry } from '../../common/rules';
import type { ManifestRuleSubject } from './context';
import { kubernetesRuleList } from './index.generated';

/**
 * Every Kubernetes rule. The list is not kept by hand: scripts/gen-rule-index.mjs collects each
 * module's exported rules into index.generated.ts, in reporting order (by category, then by module, as each module declares them).
 */
export const kubernetesRules = new RuleRegistry<ManifestRuleSubject>(kubernetesRuleList);

import { RuleRegistry } from '../../common/rules';
import type { ManifestRuleSubject } from './context';
import { yamlSyntax } from './yamlSyntax';

/** Every Kubernetes rule, one module each. */
export const kubernetesRules = new RuleRegistry<ManifestRuleSubject>([
  yamlSyntax,
]);

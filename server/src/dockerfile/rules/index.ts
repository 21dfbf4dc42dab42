import { RuleRegistry } from '../../common/rules';
import type { DockerfileRuleSubject } from './context';
import { bestPracticeRules } from './bestPracticeRules';
import { coreRules } from './coreRules';
import { unknownInstruction } from './unknownInstruction';

/** Every Dockerfile rule, one module each. Order is the order diagnostics are reported in. */
export const dockerfileRules = new RuleRegistry<DockerfileRuleSubject>([
  unknownInstruction,
  ...coreRules,
  ...bestPracticeRules,
]);

import type { Diagnostic } from 'vscode-languageserver-types';
import { configuredSeverity } from '../common/rules';
import type { FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { dockerfileRules } from './rules';

export function diagnoseDockerfile(model: DockerfileModel, ctx: FeatureContext): Diagnostic[] {
  const table = ctx.settings.dockerfile.rules;
  return dockerfileRules.run({ model, ctx }, ctx.lang, (rule) => configuredSeverity(rule.meta, table));
}

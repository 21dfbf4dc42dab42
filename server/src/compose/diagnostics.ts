import type { Diagnostic } from 'vscode-languageserver-types';
import { configuredSeverity, profileSeverity, type Rule } from '../common/rules';
import type { FeatureContext } from '../common/service';
import type { SeverityName } from '../common/settings';
import type { ComposeModel } from './model';
import { composeRules } from './rules';
import type { ComposeRuleSubject } from './rules/context';
import { applySuppressions } from './suppression';

export function diagnoseCompose(model: ComposeModel, ctx: FeatureContext): Diagnostic[] {
  return diagnoseComposeWith(model, ctx);
}

/** Same, reporting rules that throw (the corpus tests and the CLI want to know; the editor does not). */
export function diagnoseComposeWith(model: ComposeModel, ctx: FeatureContext, onRuleError?: (ruleId: string, error: unknown) => void): Diagnostic[] {
  const subject: ComposeRuleSubject = { model, ctx };
  const severityOf = severityResolver(ctx);
  const diagnostics = composeRules.run(subject, ctx.lang, severityOf, (rule, error) => onRuleError?.(rule.meta.id, error));
  return applySuppressions(model, diagnostics, namesOfRule);
}

function namesOfRule(code: string): readonly string[] {
  const rule = composeRules.find(code);
  return rule ? [rule.meta.id, ...rule.meta.aliases, ...(rule.meta.groups ?? [])] : [code];
}

/** The user's `stevedore.compose.rules` entry wins; otherwise the rule's default under the profile. */
function severityResolver(ctx: FeatureContext): (rule: Rule<ComposeRuleSubject>) => SeverityName {
  const table = ctx.settings.compose?.rules ?? {};
  return (rule) => configuredSeverity(rule.meta, table, profileSeverity(rule.meta, ctx.settings.profile));
}

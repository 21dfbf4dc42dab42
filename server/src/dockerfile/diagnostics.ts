import type { Diagnostic } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import { ruleConfigFrom, type EffectiveRuleConfig } from '../config/ruleConfig';
import type { DockerfileModel } from './model';
import { dockerfileRules } from './rules';
import { runDockerfileRules, type DockerfileRule } from './stageFindings';
import { suppressionsOf, withoutSuppressed } from './suppression';

/** The effective rule configuration for a Dockerfile: the profile, `.hadolint.yaml`, `# check=error=true`, settings. */
export function dockerfileRuleConfig(model: DockerfileModel, ctx: FeatureContext): EffectiveRuleConfig {
  const hadolint = ctx.project?.hadolint;
  return ruleConfigFrom({
    profile: ctx.settings.profile,
    settingsTable: ctx.settings.dockerfile.rules,
    hadolint: hadolint?.config,
    buildkitChecksAreErrors: suppressionsOf(model).buildkitChecksAreErrors,
  }, hadolint);
}

/** Runs every enabled rule once over the parsed model, then drops findings that comments suppress. */
export function diagnoseDockerfile(model: DockerfileModel, ctx: FeatureContext): Diagnostic[] {
  return diagnoseDockerfileWith(model, ctx);
}

/**
 * Same, reporting rules that throw (they never take the other rules down); the corpus test listens.
 * Instruction- and stage-scoped rules reuse the findings of stages an edit did not change
 * (stageFindings.ts); `fromScratch` runs every rule over the whole file instead (the differential
 * test compares the two).
 */
export function diagnoseDockerfileWith(model: DockerfileModel, ctx: FeatureContext, onRuleError?: (ruleId: string, error: unknown) => void, fromScratch = false): Diagnostic[] {
  const config = dockerfileRuleConfig(model, ctx);
  const subject = { model, ctx, config };
  const severityOf = (rule: DockerfileRule) => config.severityOf(rule.meta);
  const reportError = (rule: DockerfileRule, error: unknown) => onRuleError?.(rule.meta.id, error);
  const diagnostics = fromScratch
    ? dockerfileRules.run(subject, ctx.lang, severityOf, reportError)
    : runDockerfileRules(dockerfileRules.rules, subject, severityOf, reportError);
  return withoutSuppressed(model, diagnostics, (code) => dockerfileRules.find(code)?.meta, { hadolintPragmasDisabled: ctx.project?.hadolint?.config.disableIgnorePragma === true });
}

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { profileSeverity, toDiagnostic, type Rule } from '../common/rules';
import type { FeatureContext } from '../common/service';
import type { SeverityName } from '../common/settings';
import { isIgnoredByConfig, kubeLinterDecision, type KubeLinterConfig } from '../config/kubeLinter';
import type { ManifestFile } from './model';
import { kubernetesRules } from './rules';
import { isPatchFile, type KubeRule, type ManifestRuleSubject } from './rules/context';
import { templatedFile } from './rules/templated';
import { applySuppressions, documentIndexAt } from './suppression';
import { looksLikeKubernetes, templatingOffset } from './templating';

export function diagnoseManifest(file: ManifestFile, ctx: FeatureContext): Diagnostic[] {
  return diagnoseManifestWith(file, ctx);
}

/** Same, reporting rules that throw (the corpus tests and the CLI want to know; the editor does not). */
export function diagnoseManifestWith(file: ManifestFile, ctx: FeatureContext, onRuleError?: (ruleId: string, error: unknown) => void): Diagnostic[] {
  const config = ctx.project?.kubeLinter;
  const severityOf = severityResolver(ctx, config);
  // Templates (Helm charts) are not manifests until rendered: one notice, nothing else.
  if (templatingOffset(file) !== undefined) {
    if (!looksLikeKubernetes(file)) return [];
    const severity = severityOf(templatedFile);
    if (severity === 'off') return [];
    const out: Diagnostic[] = [];
    templatedFile.check({ file, ctx }, (finding) => out.push(toDiagnostic(templatedFile.meta, severity, finding, ctx.lang)));
    return out;
  }
  // YAML that is not Kubernetes (compose files, CI workflows…) gets nothing from us.
  if (!looksLikeKubernetes(file)) return [];
  if (config && isIgnoredByConfig(config, ctx.filePath)) return [];
  const subject = { file, ctx };
  const patch = isPatchFile(subject);
  const diagnostics = kubernetesRules.run(subject, ctx.lang, (rule) => (patch && !appliesToPatches(rule) ? 'off' : severityOf(rule)), (rule, error) => onRuleError?.(rule.meta.id, error));
  return applySuppressions(file, withoutAdviceOnIncompleteDocuments(file, diagnostics), namesOfRule);
}

/**
 * A document with a YAML syntax error or a missing required field is being written: advice about
 * it (best practice, security, style) waits until it is whole, so the errors that matter are not
 * buried. Errors still show, whatever their rule.
 */
function withoutAdviceOnIncompleteDocuments(file: ManifestFile, diagnostics: Diagnostic[]): Diagnostic[] {
  const incomplete = new Set(file.documents.filter((doc) => doc.yaml.errors.length > 0).map((doc) => doc.index));
  const documentOf = (diagnostic: Diagnostic) => documentIndexAt(file, file.document.offsetAt(diagnostic.range.start));
  for (const diagnostic of diagnostics) if (diagnostic.code === 'schema-required') incomplete.add(documentOf(diagnostic));
  if (incomplete.size === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error || !isAdvice(String(diagnostic.code)) || !incomplete.has(documentOf(diagnostic)));
}

const correctnessCategories = new Set(['syntax', 'semantics']);

function isAdvice(code: string): boolean {
  const rule = kubernetesRules.find(code);
  return rule !== undefined && !correctnessCategories.has(rule.meta.category);
}

/** Patches are fragments: syntax and field shapes apply, completeness and meaning do not. */
function appliesToPatches(rule: Rule<ManifestRuleSubject>): boolean {
  return rule.meta.category === 'syntax' && rule.meta.id !== 'schema-required';
}

function namesOfRule(code: string): readonly string[] {
  const rule = kubernetesRules.find(code);
  return rule ? [rule.meta.id, ...rule.meta.aliases] : [code];
}

/**
 * Severity of a rule for this file: the user's setting wins, then `.kube-linter.yaml` (which can
 * switch checks on or off: `include` and `addAllBuiltIn` turn on kube-linter's checks whatever the
 * profile), then the rule's default under the profile (`strict` rules are off under `recommended`).
 */
function severityResolver(ctx: FeatureContext, config: KubeLinterConfig | undefined): (rule: Rule<ManifestRuleSubject>) => SeverityName {
  const table = ctx.settings.kubernetes.rules;
  const lowerTable = new Map(Object.entries(table).map(([key, value]) => [key.toLowerCase(), value]));
  return (rule) => {
    const meta = (rule as KubeRule).meta;
    for (const name of [meta.id, ...meta.aliases]) {
      const configured = lowerTable.get(name.toLowerCase());
      if (configured) return configured;
    }
    const byProfile = profileSeverity(meta, ctx.settings.profile);
    if (!config) return byProfile;
    switch (kubeLinterDecision(config, [meta.id, ...meta.aliases], meta.aliases.length > 0, meta.kubeLinterDefault === true)) {
      case 'excluded':
      case 'not-enabled':
        return 'off';
      case 'included':
        // Asking for a check by name means wanting to see it: lift hints and infos to warnings.
        return meta.severity === 'hint' || meta.severity === 'info' ? 'warning' : meta.severity;
      default:
        return config.addAllBuiltIn && meta.aliases.length > 0 ? meta.severity : byProfile;
    }
  };
}

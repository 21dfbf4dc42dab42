import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { profileSeverity, toDiagnostic, type Finding, type Rule, type RuleMeta } from '../common/rules';
import type { FeatureContext } from '../common/service';
import type { SeverityName } from '../common/settings';
import { isIgnoredByConfig, kubeLinterDecision, type KubeLinterConfig } from '../config/kubeLinter';
import { checkByDocument, keepOnlyDocumentsOf } from './documentFindings';
import type { ManifestFile } from './model';
import { kubernetesRules } from './rules';
import { isPatchFile, type KubeRule, type KubeRuleMeta, type ManifestRuleSubject } from './rules/context';
import { templatedFile } from './rules/templated';
import { documentIndexAt, isSuppressed } from './suppression';
import { isTemplatedAt, looksLikeKubernetes, templatingOf } from './templating';

export function diagnoseManifest(file: ManifestFile, ctx: FeatureContext): Diagnostic[] {
  return diagnoseManifestWith(file, ctx);
}

/** Same, reporting rules that throw (the corpus tests and the CLI want to know; the editor does not). */
export function diagnoseManifestWith(file: ManifestFile, ctx: FeatureContext, onRuleError?: (ruleId: string, error: unknown) => void): Diagnostic[] {
  return runToEnd(diagnoseManifestSteps(file, ctx, onRuleError));
}

/** Runs a check given in steps (diagnoseManifestSteps) in one go: the CLI's and the tests' way. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The check of `diagnoseManifestWith`, in steps: it yields after each rule and, inside a rule, after
 * each `---` document it checks afresh. Yielding does nothing by itself (run to the end, the result
 * is the same); the language server uses the steps to answer other requests during a long check
 * and to drop a check that a newer version of the document has made useless.
 */
export function* diagnoseManifestSteps(file: ManifestFile, ctx: FeatureContext, onRuleError?: (ruleId: string, error: unknown) => void): Generator<void, Diagnostic[], void> {
  const config = ctx.project?.kubeLinter;
  const severityOf = severityResolver(ctx, config);
  // Templates (Helm charts) are not manifests until rendered: one notice, nothing else.
  const templating = templatingOf(file);
  if (templating?.wholeFile) {
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
  const diagnostics: Diagnostic[] = [];
  // Every rule that is not off, in the registry's order; a rule that throws keeps what it reported and never stops the others.
  for (const rule of kubernetesRules.rules as readonly KubeRule[]) {
    const ruleSeverity = patch && !appliesToPatches(rule) ? 'off' : severityOf(rule);
    if (ruleSeverity === 'off') continue;
    const report = (finding: Finding) => {
      const names = namesOfFinding(rule.meta, finding.peer);
      if (isSuppressed(file, finding.range, names.names)) return;
      const severity = rule.meta.peerPerFinding ? severityOf(rule, names) : ruleSeverity;
      if (severity !== 'off') diagnostics.push(toDiagnostic(rule.meta, severity, finding, ctx.lang));
    };
    try {
      yield* checkByDocument(rule, subject, report);
    } catch (error) {
      onRuleError?.(rule.meta.id, error);
    }
    yield;
  }
  keepOnlyDocumentsOf(file);
  // Documents with a template action in a value wait for rendering; the others are checked (one notice says so).
  const rendered = templating ? diagnostics.filter((d) => d.code === templatedFile.meta.id || !isTemplatedAt(file, file.document.offsetAt(d.range.start))) : diagnostics;
  return withoutAdviceOnIncompleteDocuments(file, withoutRepeatsInLists(file, rendered));
}

/**
 * The items of a `kind: List` are checked as objects and as part of the list's document: a rule
 * that walks a whole document may find the same thing twice there. One diagnostic per rule and place.
 */
function withoutRepeatsInLists(file: ManifestFile, diagnostics: Diagnostic[]): Diagnostic[] {
  const lists = new Set(file.documents.filter((doc) => doc.kind?.endsWith('List')).map((doc) => doc.index));
  if (lists.size === 0) return diagnostics;
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (!lists.has(documentIndexAt(file, file.document.offsetAt(d.range.start)))) return true;
    const key = `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

/** The names a finding answers to in settings, `.kube-linter.yaml` and ignore annotations or comments. */
interface FindingNames {
  names: string[];
  /** These names include a kube-linter check. */
  kubeLinterCheck: boolean;
  /** kube-linter runs that check without configuration. */
  enabledByDefault: boolean;
}

/**
 * A rule answers to its id, aliases and groups, except when its peers each cover some of its
 * findings (`peerPerFinding`): then a finding answers to the id and its own peer only, so
 * excluding kube-linter's `startup-port` leaves liveness-probe findings alone.
 */
function namesOfFinding(meta: RuleMeta & { kubeLinterDefault?: boolean }, peer: string | undefined): FindingNames {
  const byDefault = meta.kubeLinterDefault === true;
  const peers = [...meta.aliases, ...(meta.groups ?? [])];
  if (!meta.peerPerFinding) return { names: [meta.id, ...peers], kubeLinterCheck: peers.length > 0, enabledByDefault: byDefault };
  return peer ? { names: [peer, meta.id], kubeLinterCheck: true, enabledByDefault: byDefault } : { names: [meta.id], kubeLinterCheck: false, enabledByDefault: false };
}

/** Every name set a rule's findings can have: the rule runs when one of them is on. */
function possibleNames(meta: KubeRuleMeta): FindingNames[] {
  if (!meta.peerPerFinding) return [namesOfFinding(meta, undefined)];
  return [undefined, ...meta.aliases, ...(meta.groups ?? [])].map((peer) => namesOfFinding(meta, peer));
}

/**
 * Severity of a rule (or of one of its peers' findings) for this file: the user's setting wins,
 * then `.kube-linter.yaml` (which can switch checks on or off: `include` and `addAllBuiltIn` turn
 * on kube-linter's checks whatever the profile), then the rule's default under the profile
 * (`strict` rules are off under `recommended`).
 */
function severityResolver(ctx: FeatureContext, config: KubeLinterConfig | undefined): (rule: Rule<ManifestRuleSubject>, names?: FindingNames) => SeverityName {
  const table = ctx.settings.kubernetes.rules;
  const lowerTable = new Map(Object.entries(table).map(([key, value]) => [key.toLowerCase(), value]));
  const severityFor = (meta: KubeRuleMeta, set: FindingNames): SeverityName => {
    for (const name of set.names) {
      const configured = lowerTable.get(name.toLowerCase());
      if (configured) return configured;
    }
    const byProfile = profileSeverity(meta, ctx.settings.profile);
    if (!config) return byProfile;
    switch (kubeLinterDecision(config, set.names, set.kubeLinterCheck, set.enabledByDefault)) {
      case 'excluded':
      case 'not-enabled':
        return 'off';
      case 'included':
        // Asking for a check by name means wanting to see it: lift hints and infos to warnings.
        return meta.severity === 'hint' || meta.severity === 'info' ? 'warning' : meta.severity;
      default:
        return config.addAllBuiltIn && set.kubeLinterCheck ? meta.severity : byProfile;
    }
  };
  return (rule, names) => {
    const meta = (rule as KubeRule).meta;
    if (names) return severityFor(meta, names);
    let severity: SeverityName = 'off';
    for (const set of possibleNames(meta)) {
      severity = severityFor(meta, set);
      if (severity !== 'off') break;
    }
    return severity;
  };
}

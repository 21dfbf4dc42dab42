import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { pick, type DocsLanguage, type Localized } from './localized';
import { plainMessage } from './plainText';
import type { RuleProfile, SeverityName } from './settings';

/**
 * In reporting order: what stops the build first, cosmetics last. Rules run and report by
 * category, then by module, in the order each module declares them (scripts/gen-rule-index.mjs
 * writes the registries so), which keeps related rules together without a hand-kept list.
 */
export const ruleCategories = ['syntax', 'semantics', 'best-practice', 'security', 'style'] as const;
export type RuleCategory = (typeof ruleCategories)[number];
export type RuleSeverity = Exclude<SeverityName, 'off'>;

/** What the registry, the docs generator and the config layer know about a rule. */
export interface RuleMeta {
  /** kebab-case, stable: users write it in settings and ignore comments. */
  id: string;
  /** Equivalent codes of peer tools (hadolint `DL3008`, BuildKit `FromAsCasing`, kube-linter names). */
  aliases: string[];
  severity: RuleSeverity;
  category: RuleCategory;
  /**
   * The profile that turns the rule on: `recommended` rules run by default, `strict` ones only
   * under `stevedore.profile: strict` or when a setting or config file names them. Stated on every
   * rule (the rule tables in docs/rules show the choice).
   */
  profile: RuleProfile;
  /** One line for tables and completion. */
  title: Localized;
  /** Markdown: why it matters and what to do. */
  docs: Localized;
  /** Marks findings as unnecessary (faded) or deprecated (struck through) in the editor. */
  tag?: 'unnecessary' | 'deprecated';
  /**
   * Peer names that cover several of our rules at once (BuildKit's `MultipleInstructionsDisallowed`
   * is our multiple-cmd, multiple-entrypoint and multiple-healthcheck). Settings and ignore
   * comments naming a group address every rule in it; unlike aliases a group need not be unique.
   */
  groups?: string[];
  /** Some findings carry a quick fix (shown in the docs and rule tables). */
  fixable?: boolean;
  /**
   * Where and why this rule differs from the peer tools whose names it carries (hadolint,
   * BuildKit, kube-linter): each deliberate difference, rendered on the rule's page.
   */
  differences?: Localized;
  /**
   * The rule's aliases and groups name peer checks that each cover only some of its findings
   * (kube-linter's liveness-port, readiness-port and startup-port are one rule here): each finding
   * says its peer in `Finding.peer`, and configuring a peer name acts on that peer's findings only.
   */
  peerPerFinding?: boolean;
  /**
   * Dockerfile rules: what a finding can depend on, so that after an edit only what the edit can
   * change is checked again (dockerfile/stageFindings.ts). `instruction`: the instruction itself and
   * the text before the first FROM (directives, global ARGs); `stage`: the stage's own text, the
   * stages it builds on (`FROM <stage>`), whether it ships (is the final stage or one it builds on)
   * and the text before the first FROM — never another stage's name, index or use; `file`: anything
   * (other stages, the whole text, project files such as `.dockerignore`, line numbers in messages).
   * Unset means `file`.
   */
  scope?: 'instruction' | 'stage' | 'file';
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /** Safe to apply without review (used by `lint --fix` and "fix all"). */
  safe?: boolean;
}

export interface Finding {
  range: Range;
  /** Text with Markdown's inline marks (`code`, **strong**); diagnostics carry it as plain text. */
  message: Localized;
  fixes?: Fix[];
  /** The alias or group (a peer tool's check) this finding belongs to, for rules with `peerPerFinding`. */
  peer?: string;
}

export interface Rule<Subject> {
  meta: RuleMeta;
  check(subject: Subject, report: (finding: Finding) => void): void;
}

/**
 * Where a rule's page (or `README` for the rule index) lives in the package, relative to its root:
 * `docs/rules/<id>.md`, the Chinese one in `docs/rules/zh-cn/`. scripts/gen-rule-docs.ts writes
 * them; the fronts turn the path into a link (the engine does not know where it is installed).
 */
export function ruleDocsPath(page: string, lang: DocsLanguage): string {
  return lang === 'zh-cn' ? `docs/rules/zh-cn/${page}.md` : `docs/rules/${page}.md`;
}

const severityToLsp: Record<RuleSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Data carried on each diagnostic so a code action can apply its fixes without re-running the rule. */
export interface DiagnosticFixData {
  ruleId: string;
  fixes: { title: string; edits: TextEdit[]; safe: boolean }[];
  /**
   * The document version the diagnostic (and its fixes' edits) was computed for, stamped by a
   * front that knows versions (the language server, `lint --fix` passes): edits are never applied
   * to another version (see lsp/codeActionRequest.ts and common/safeFixes.ts).
   */
  version?: number;
}

/** Looks a rule up by id or by any alias, case-insensitively. */
export class RuleRegistry<Subject> {
  private readonly byName = new Map<string, Rule<Subject>>();

  constructor(readonly rules: readonly Rule<Subject>[]) {
    for (const rule of rules) {
      for (const name of [rule.meta.id, ...rule.meta.aliases]) {
        const key = name.toLowerCase();
        if (this.byName.has(key)) throw new Error(`rule name ${name} is registered twice`);
        this.byName.set(key, rule);
      }
    }
  }

  find(idOrAlias: string): Rule<Subject> | undefined {
    return this.byName.get(idOrAlias.toLowerCase());
  }

  /** Every rule a name addresses: the one with that id or alias, or all rules of a group. */
  matching(name: string): Rule<Subject>[] {
    const single = this.find(name);
    if (single) return [single];
    const key = name.toLowerCase();
    return this.rules.filter((rule) => rule.meta.groups?.some((group) => group.toLowerCase() === key));
  }

  /**
   * Runs every rule that is not switched off. `severityOf` answers the configured severity for a
   * rule (settings, config files); a crashing rule is reported once and never takes the others down.
   */
  run(
    subject: Subject, lang: DocsLanguage, severityOf: (rule: Rule<Subject>) => SeverityName, onRuleError?: (rule: Rule<Subject>, error: unknown) => void,
    /** The severity of one finding (its peer, where it is): `off` drops it. Defaults to the rule's. */
    severityOfFinding?: (rule: Rule<Subject>, finding: Finding, ruleSeverity: RuleSeverity) => SeverityName,
  ): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const rule of this.rules) {
      const severity = severityOf(rule);
      if (severity === 'off') continue;
      try {
        rule.check(subject, (finding) => {
          const own = severityOfFinding ? severityOfFinding(rule, finding, severity) : severity;
          if (own !== 'off') diagnostics.push(toDiagnostic(rule.meta, own, finding, lang));
        });
      } catch (error) {
        onRuleError?.(rule, error);
      }
    }
    return diagnostics;
  }
}

export function toDiagnostic(meta: RuleMeta, severity: RuleSeverity, finding: Finding, lang: DocsLanguage): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: severityToLsp[severity],
    code: meta.id,
    source: 'stevedore',
    // Messages are written with Markdown's inline marks; the editor, the terminal and SARIF show plain text.
    message: plainMessage(pick(finding.message, lang), lang),
  };
  if (meta.tag) diagnostic.tags = [meta.tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated];
  if (finding.fixes?.length) {
    const data: DiagnosticFixData = {
      ruleId: meta.id,
      fixes: finding.fixes.map((fix) => ({ title: pick(fix.title, lang), edits: fix.edits, safe: fix.safe ?? false })),
    };
    diagnostic.data = data;
  }
  return diagnostic;
}

/** The severity a rule starts from under a profile, before config files and settings name it. */
export function profileSeverity(meta: RuleMeta, profile: RuleProfile): SeverityName {
  return meta.profile === 'recommended' || profile === 'strict' ? meta.severity : 'off';
}

/** Every name a rule answers to, lower-cased: id, aliases, then groups. */
export function ruleNames(meta: RuleMeta): string[] {
  return [meta.id, ...meta.aliases, ...(meta.groups ?? [])].map((name) => name.toLowerCase());
}

/**
 * Settings name severities in the user's words; `hint` and `info` map to LSP's lower levels.
 * An entry for the rule's id or alias wins over one for a group it belongs to.
 */
export function configuredSeverity(meta: RuleMeta, table: Record<string, SeverityName>, fallback: SeverityName = meta.severity): SeverityName {
  const own = [meta.id, ...meta.aliases].map((n) => n.toLowerCase());
  const groups = (meta.groups ?? []).map((n) => n.toLowerCase());
  let groupValue: SeverityName | undefined;
  for (const [key, value] of Object.entries(table)) {
    const name = key.toLowerCase();
    if (own.includes(name)) return value;
    if (groupValue === undefined && groups.includes(name)) groupValue = value;
  }
  return groupValue ?? fallback;
}

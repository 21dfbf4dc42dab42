import { baseName } from '../../common/paths';
import type { Finding, Rule, RuleMeta } from '../../common/rules';
import type { FeatureContext } from '../../common/service';
import type { ManifestFile } from '../model';
import { objectsOf, type ObjectFacts } from '../objects';
import { asWorkspaceIndex, substituteViewOf, workspaceViewFor, type WorkspaceView } from '../workspace';

/** What every Kubernetes rule receives: the parsed file (all its documents) and the run's context. */
export interface ManifestRuleSubject {
  file: ManifestFile;
  ctx: FeatureContext;
}

export interface KubeRuleMeta extends RuleMeta {
  /** kube-linter enables this check without configuration (matters for `.kube-linter.yaml`). */
  kubeLinterDefault?: boolean;
}

export interface KubeRule extends Rule<ManifestRuleSubject> {
  meta: KubeRuleMeta;
  /**
   * The same check over some of the file's objects (`check` is this over all of them). perObject
   * and perContainer rules have it, so diagnostics can re-check only the `---` documents an edit
   * changed and reuse the others' findings (documentFindings.ts).
   */
  checkObjects?(objects: readonly ObjectFacts[], subject: ManifestRuleSubject, report: (finding: Finding) => void): void;
}

/** The Kubernetes objects of the file (computed once per parse, shared by all rules). */
export function objectsOfSubject(subject: ManifestRuleSubject): ObjectFacts[] {
  return objectsOf(subject.file);
}

/** The workspace as the cross-object rules see it (this file as typed + the other indexed files). */
export function workspaceOf(subject: ManifestRuleSubject): WorkspaceView {
  // A document's check gets a view of its own (documentFindings.ts) without reading the context.
  return substituteViewOf(subject.file) ?? workspaceViewFor(subject.file, asWorkspaceIndex(subject.ctx.workspace));
}

/** A rule that looks at each object in turn: most rules. */
export function perObject(meta: KubeRuleMeta, check: (object: ObjectFacts, subject: ManifestRuleSubject, report: (finding: Finding) => void) => void): KubeRule {
  const checkObjects: KubeRule['checkObjects'] = (objects, subject, report) => {
    for (const object of objects) check(object, subject, report);
  };
  return { meta, check: (subject, report) => checkObjects(objectsOf(subject.file), subject, report), checkObjects };
}

/**
 * A rule written as one pass over objects (`checkObjects`): its `check` is that pass over every
 * object of the file, and diagnostics can run it on the changed `---` documents alone.
 */
export function byObjects(rule: Omit<KubeRule, 'check'> & { checkObjects: NonNullable<KubeRule['checkObjects']> }): KubeRule {
  return { ...rule, check: (subject, report) => rule.checkObjects(objectsOf(subject.file), subject, report) };
}

/**
 * A kustomize patch (or strategic-merge fragment) is not a complete object: only syntax and
 * schema shape apply. Known from the workspace's kustomizations, a `$patch` directive, or the name.
 */
export function isPatchFile(subject: ManifestRuleSubject): boolean {
  const base = baseName(subject.file.document.uri);
  if (/patch/i.test(base) || subject.file.document.getText().includes('$patch')) return true;
  return workspaceOf(subject).kustomizeRole() === 'patch';
}

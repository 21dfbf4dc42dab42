import { inScope, type KubeLinterTemplate, type TemplateParams, type TemplateRun } from './kubeLinterParams';
import { objectTemplates } from './kubeLinterObjectTemplates';
import { rbacTemplates } from './kubeLinterRbacTemplates';
import { workspaceTemplates } from './kubeLinterWorkspaceTemplates';

export type { KubeLinterTemplate, TemplateParams } from './kubeLinterParams';

/**
 * kube-linter's check templates, in our words (kubeLinterRbacTemplates.ts, kubeLinterObjectTemplates.ts,
 * kubeLinterWorkspaceTemplates.ts; shared helpers in kubeLinterParams.ts): each takes the parameters kube-linter documents for
 * it (names matched case-insensitively, as kube-linter does) so the same code serves our built-in
 * opt-in rules (kubeLinterOptIn.ts, rbac.ts: the template with kube-linter's default parameters)
 * and the `customChecks` of a `.kube-linter.yaml` (kubeLinterCustomChecks.ts).
 */

export const kubeLinterTemplates: ReadonlyMap<string, KubeLinterTemplate> = new Map([
  ...rbacTemplates, ...objectTemplates, ...workspaceTemplates,
].map((template) => [template.key, template]));

/** Runs a template over one object when the object is in scope. */
export function runTemplate(key: string, params: TemplateParams, run: Omit<TemplateRun, 'params'>, scope?: readonly string[]): void {
  const template = kubeLinterTemplates.get(key);
  if (!template || !inScope(run.object, scope && scope.length > 0 ? scope : template.scope)) return;
  if (template.podSpec && !run.object.workload) return;
  template.check({ ...run, params });
}

/**
 * `.kube-linter.yaml` `customChecks`: a kube-linter check built from one of its templates with
 * parameters of the user's choosing, e.g.
 *
 *     customChecks:
 *       - name: required-label-team
 *         template: required-label
 *         params: {key: team}
 *         scope: {objectKinds: [DeploymentLike]}
 *
 * We run the ones whose template we know (kubernetes/rules/kubeLinterTemplates.ts) under the rule
 * `kube-linter-custom-check`; the others are kube-linter's alone.
 */
export interface KubeLinterCustomCheck {
  name: string;
  template: string;
  params: Record<string, unknown>;
  /** `scope.objectKinds`; empty = the template's own kinds. */
  objectKinds: string[];
  remediation?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseCustomChecks(raw: unknown): KubeLinterCustomCheck[] {
  if (!Array.isArray(raw)) return [];
  const checks: KubeLinterCustomCheck[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.template !== 'string') continue;
    const scope = isRecord(entry.scope) ? entry.scope : {};
    checks.push({
      name: entry.name.trim(),
      template: entry.template.trim(),
      params: isRecord(entry.params) ? entry.params : {},
      objectKinds: Array.isArray(scope.objectKinds) ? scope.objectKinds.filter((k): k is string => typeof k === 'string') : [],
      remediation: typeof entry.remediation === 'string' ? entry.remediation : undefined,
    });
  }
  return checks;
}

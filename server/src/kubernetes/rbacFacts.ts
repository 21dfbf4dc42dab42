import { isScalar, isSeq } from 'yaml';
import type { ObjectFacts } from './objects';
import { mapAt, mapItems, seqAt, stringMap } from './yamlNodes';

/**
 * What a Role or ClusterRole grants, kept small enough for the workspace index: the RBAC rules
 * (binding → role) read it across files. Only the resource and verb names matter to the checks.
 */
export interface PolicyRuleFacts {
  resources: string[];
  verbs: string[];
}

export interface RoleFacts {
  rules: PolicyRuleFacts[];
  /** `aggregationRule.clusterRoleSelectors[].matchLabels`: the ClusterRoles folded into this one. */
  aggregationSelectors: Record<string, string>[];
}

const roleKinds = new Set(['Role', 'ClusterRole']);

function strings(node: unknown): string[] {
  return isSeq(node) ? node.items.filter(isScalar).map((item) => String(item.value)) : [];
}

export function roleFacts(object: ObjectFacts): RoleFacts | undefined {
  if (!roleKinds.has(object.kind) || object.group !== 'rbac.authorization.k8s.io') return undefined;
  const rules = mapItems(seqAt(object.root, 'rules')).map((rule) => ({
    resources: strings(rule.get('resources', true)),
    verbs: strings(rule.get('verbs', true)),
  }));
  const aggregationSelectors = mapItems(seqAt(mapAt(object.root, 'aggregationRule'), 'clusterRoleSelectors')).map((s) => stringMap(mapAt(s, 'matchLabels')));
  return { rules, aggregationSelectors };
}

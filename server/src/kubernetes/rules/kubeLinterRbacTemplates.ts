import { isScalar, isSeq } from 'yaml';
import type { ObjectFacts } from '../objects';
import type { PolicyRuleFacts } from '../rbacFacts';
import { sameNamespace, type IndexedObject, type WorkspaceView } from '../workspace';
import { mapAt, mapItems, nodeRange, scalarAt, seqAt, stringAt, valueOf } from '../yamlNodes';
import { workspaceOf } from './context';
import { objectLabel } from './hostAccess';
import { listParam, param, regex, type KubeLinterTemplate } from './kubeLinterParams';

/** kube-linter's RBAC templates: access to resources through bindings, cluster-admin, wildcards. */

/** The roles of the workspace a binding's roleRef names (ClusterRoles: with those they aggregate). */
function boundRoles(view: WorkspaceView, object: ObjectFacts): { role: IndexedObject; via?: string }[] {
  const roleRef = mapAt(object.root, 'roleRef');
  const kind = stringAt(roleRef, 'kind');
  const name = stringAt(roleRef, 'name');
  if (!kind || !name) return [];
  const namespace = object.kind === 'RoleBinding' ? object.namespace : undefined;
  const found = view.ofKind(kind).filter((r) => r.name === name && (kind !== 'Role' || sameNamespace(r.namespace, namespace)));
  const out: { role: IndexedObject; via?: string }[] = found.map((role) => ({ role }));
  for (const role of found) {
    for (const selector of role.rbac?.aggregationSelectors ?? []) {
      if (Object.keys(selector).length === 0) continue;
      for (const other of view.ofKind('ClusterRole')) {
        if (other !== role && Object.entries(selector).every(([k, v]) => other.labels[k] === v)) out.push({ role: other, via: role.name });
      }
    }
  }
  return out;
}

function matchesAny(patterns: RegExp[], name: string): boolean {
  return name === '*' || patterns.some((re) => re.test(name));
}

/** `create on pods, deployments` for each rule of the role granting a listed verb on a listed resource. */
function grants(rules: readonly PolicyRuleFacts[], resources: RegExp[], verbs: RegExp[]): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    const res = rule.resources.filter((r) => matchesAny(resources, r));
    const vs = rule.verbs.filter((v) => matchesAny(verbs, v));
    if (res.length > 0 && vs.length > 0) out.push(`${vs.join(', ')} on ${res.join(', ')}`);
  }
  return out;
}

const accessToResources: KubeLinterTemplate = {
  key: 'access-to-resources',
  scope: ['RoleBinding', 'ClusterRoleBinding'],
  check({ object, subject, params, report }) {
    if (object.group !== 'rbac.authorization.k8s.io') return;
    const resources = listParam(params, 'resources').map(regex).filter((r): r is RegExp => !!r);
    const verbs = listParam(params, 'verbs').map(regex).filter((r): r is RegExp => !!r);
    const roleRef = mapAt(object.root, 'roleRef');
    const nameNode = scalarAt(roleRef, 'name');
    const range = nodeRange(subject.file, nameNode ?? roleRef ?? object.root);
    const roles = boundRoles(workspaceOf(subject), object);
    if (roles.length === 0) {
      if (param(params, 'flagRolesNotFound') === true && nameNode) {
        report({ range, message: { en: `The bound ${stringAt(roleRef, 'kind') ?? 'role'} \`${String(nameNode.value)}\` is not in the workspace.`, zh: `绑定的 ${stringAt(roleRef, 'kind') ?? '角色'} \`${String(nameNode.value)}\` 不在工作区中。` } });
      }
      return;
    }
    for (const { role, via } of roles) {
      const found = grants(role.rbac?.rules ?? [], resources, verbs);
      if (found.length === 0) continue;
      const through = via ? { en: ` (aggregated into \`${via}\`)`, zh: `（聚合到 \`${via}\`）` } : { en: '', zh: '' };
      report({
        range,
        message: {
          en: `${objectLabel(object)} grants ${role.kind} \`${role.name}\`${through.en}, which allows ${found.join('; ')}.`,
          zh: `${objectLabel(object)} 授予了 ${role.kind} \`${role.name}\`${through.zh}，它允许 ${found.join('；')}。`,
        },
      });
    }
  },
};

const clusterAdminRoleBinding: KubeLinterTemplate = {
  key: 'cluster-admin-role-binding',
  scope: ['ClusterRoleBinding'],
  check({ object, subject, report }) {
    if (object.group !== 'rbac.authorization.k8s.io') return;
    const roleRef = mapAt(object.root, 'roleRef');
    const nameNode = scalarAt(roleRef, 'name');
    if (nameNode?.value !== 'cluster-admin' || stringAt(roleRef, 'kind') !== 'ClusterRole') return;
    const subjects = mapItems(seqAt(object.root, 'subjects')).map((s) => `${stringAt(s, 'kind') ?? '?'} ${stringAt(s, 'name') ?? '?'}`).join(', ') || '—';
    report({
      range: nodeRange(subject.file, nameNode),
      message: { en: `${objectLabel(object)} gives cluster-admin (every permission on everything) to ${subjects}.`, zh: `${objectLabel(object)} 把 cluster-admin（对一切资源的全部权限）授予了 ${subjects}。` },
    });
  },
};

const wildcardInRules: KubeLinterTemplate = {
  key: 'wildcard-in-rules',
  scope: ['Role', 'ClusterRole'],
  check({ object, subject, report }) {
    if (object.group !== 'rbac.authorization.k8s.io') return;
    for (const rule of mapItems(seqAt(object.root, 'rules'))) {
      for (const [field, what] of [['resources', { en: 'resources', zh: '资源' }], ['verbs', { en: 'verbs', zh: '操作' }]] as const) {
        const list = valueOf(rule, field);
        if (!isSeq(list)) continue;
        for (const item of list.items) {
          if (!isScalar(item) || item.value !== '*') continue;
          report({
            range: nodeRange(subject.file, item),
            message: { en: `A wildcard in ${what.en} grants whatever exists now and anything added later (new resources, CRDs).`, zh: `${what.zh}中的通配符会授予现有以及今后新增（新资源、CRD）的一切。` },
          });
        }
      }
    }
  },
};

export const rbacTemplates: readonly KubeLinterTemplate[] = [accessToResources, clusterAdminRoleBinding, wildcardInRules];

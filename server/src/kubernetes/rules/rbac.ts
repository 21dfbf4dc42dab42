import { optInRule } from './kubeLinterOptIn';

/**
 * kube-linter's RBAC checks (CIS Benchmark 5.1). Bindings are followed to the Role or ClusterRole
 * they name anywhere in the workspace (the index keeps each role's rules, rbacFacts.ts), including
 * the ClusterRoles an aggregated ClusterRole folds in.
 */

export const rbacCanCreatePods = optInRule({
  id: 'rbac-can-create-pods', kubeLinterName: 'access-to-create-pods', severity: 'info', category: 'security',
  title: { en: 'Binding grants creating pods', zh: '绑定授予了创建 Pod 的权限' },
  docs: {
    en: 'Whoever can create pods (or Deployments, Jobs and the other kinds that create them) can run a pod with any service account of the namespace and mount its Secrets — a path to more privileges (CIS Benchmark 5.1.4). The binding is reported when the role it grants allows `create` on such resources.',
    zh: '能够创建 Pod（或 Deployment、Job 等会创建 Pod 的类型）的人，可以用命名空间中任意服务账号运行 Pod 并挂载其 Secret，从而获得更多权限（CIS 基准 5.1.4）。当绑定授予的角色允许对这些资源执行 `create` 时报告该绑定。',
  },
  differences: {
    en: "A RoleBinding is also followed to the ClusterRole it names (kube-linter looks only for a Role), roles are looked up in every file of the workspace, and `cronjobs` counts as well as kube-linter's `cronjob`.",
    zh: 'RoleBinding 引用 ClusterRole 时也会跟踪过去（kube-linter 只查找 Role），角色会在工作区的所有文件中查找，并且除了 kube-linter 的 `cronjob` 之外也计入 `cronjobs`。',
  },
}, 'access-to-resources', { resources: ['^pods$', '^deployments$', '^statefulsets$', '^replicasets$', '^cronjobs?$', '^jobs$', '^daemonsets$'], verbs: ['^create$'] });

export const rbacCanReadSecrets = optInRule({
  id: 'rbac-can-read-secrets', kubeLinterName: 'access-to-secrets', severity: 'info', category: 'security',
  title: { en: 'Binding grants access to Secrets', zh: '绑定授予了访问 Secret 的权限' },
  docs: {
    en: 'Secrets hold the credentials of the namespace (service account tokens, passwords, keys); reading them is often enough to take over other identities (CIS Benchmark 5.1.2). The binding is reported when the role it grants allows get, list, watch, create or delete on `secrets`.',
    zh: 'Secret 保存着命名空间中的凭据（服务账号令牌、密码、密钥），能读取它们往往就足以冒用其他身份（CIS 基准 5.1.2）。当绑定授予的角色允许对 `secrets` 执行 get、list、watch、create 或 delete 时报告该绑定。',
  },
  differences: {
    en: 'A RoleBinding is also followed to the ClusterRole it names (kube-linter looks only for a Role), and roles are looked up in every file of the workspace.',
    zh: 'RoleBinding 引用 ClusterRole 时也会跟踪过去（kube-linter 只查找 Role），角色会在工作区的所有文件中查找。',
  },
}, 'access-to-resources', { resources: ['^secrets$'], verbs: ['^get$', '^list$', '^delete$', '^create$', '^watch$'] });

export const rbacClusterAdminBound = optInRule({
  id: 'rbac-cluster-admin-bound', kubeLinterName: 'cluster-admin-role-binding', severity: 'warning', category: 'security',
  title: { en: 'cluster-admin bound to a subject', zh: 'cluster-admin 被绑定给了主体' },
  docs: {
    en: 'A ClusterRoleBinding to the `cluster-admin` ClusterRole gives its subjects every permission on every resource of the cluster. Create a role with just the permissions needed (CIS Benchmark 5.1.1).',
    zh: '绑定到 `cluster-admin` ClusterRole 的 ClusterRoleBinding 会把集群中所有资源的全部权限授予其主体。请创建只包含所需权限的角色（CIS 基准 5.1.1）。',
  },
}, 'cluster-admin-role-binding');

export const rbacWildcard = optInRule({
  id: 'rbac-wildcard', kubeLinterName: 'wildcard-in-rules', severity: 'info', category: 'security',
  title: { en: 'Wildcard in a Role rule', zh: 'Role 规则中使用了通配符' },
  docs: {
    en: 'A `*` in a Role\'s or ClusterRole\'s `resources` or `verbs` grants everything that exists today and whatever is added later — new API resources, CRDs, new verbs. List the resources and verbs the subject needs (CIS Benchmark 5.1.3).',
    zh: 'Role 或 ClusterRole 的 `resources` 或 `verbs` 中的 `*` 会授予现有的一切以及今后新增的内容（新的 API 资源、CRD、新的操作）。请列出主体真正需要的资源和操作（CIS 基准 5.1.3）。',
  },
}, 'wildcard-in-rules');

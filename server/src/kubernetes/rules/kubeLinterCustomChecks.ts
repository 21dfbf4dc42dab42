import type { KubeRule } from './context';
import { objectsOfSubject } from './context';
import { kubeLinterTemplates, runTemplate } from './kubeLinterTemplates';

/**
 * The `customChecks` of the nearest `.kube-linter.yaml`: each names a kube-linter template and its
 * parameters (a required label of the team's choosing, another replica minimum…). We run those
 * whose template we implement; findings carry the custom check's name, and excluding that name in
 * `checks.exclude` (or a `ignore-check.kube-linter.io/<name>` annotation) silences it.
 */
export const kubeLinterCustomCheck: KubeRule = {
  meta: {
    id: 'kube-linter-custom-check', aliases: [], severity: 'warning', category: 'best-practice', profile: 'recommended',
    title: { en: 'kube-linter custom check', zh: 'kube-linter 自定义检查' },
    docs: {
      en: 'Runs the `customChecks` of `.kube-linter.yaml` whose template Stevedore implements: `access-to-resources`, `cluster-admin-role-binding`, `wildcard-in-rules`, `service-account`, `dangling-networkpolicypeer-podselector`, `dangling-servicemonitor`, `dnsconfig-options`, `env-value-from`, `forbidden-service-types`, `hpa-minimum-replicas`, `minimum-replicas`, `no-node-affinity`, `update-configuration` (`strategyTypeRegex`, `maxPodsUnavailable`, `minPodsUnavailable`, `maxSurge`, `minSurge`), `non-isolated-pod`, `priority-class-name`, `read-secret-from-env-var`, `required-annotation`, `required-label`, `restart-policy`, `scc-deny-privileged-container`, `sorted-keys`, `unsafe-proc-mount` and `use-namespace`, with the parameters kube-linter documents and the `scope.objectKinds` given. Each finding starts with the custom check\'s name. Without custom checks the rule does nothing.',
      zh: '运行 `.kube-linter.yaml` 中 Stevedore 实现了其模板的 `customChecks`：`access-to-resources`、`cluster-admin-role-binding`、`wildcard-in-rules`、`service-account`、`dangling-networkpolicypeer-podselector`、`dangling-servicemonitor`、`dnsconfig-options`、`env-value-from`、`forbidden-service-types`、`hpa-minimum-replicas`、`minimum-replicas`、`no-node-affinity`、`update-configuration`（`strategyTypeRegex`、`maxPodsUnavailable`、`minPodsUnavailable`、`maxSurge`、`minSurge`）、`non-isolated-pod`、`priority-class-name`、`read-secret-from-env-var`、`required-annotation`、`required-label`、`restart-policy`、`scc-deny-privileged-container`、`sorted-keys`、`unsafe-proc-mount` 和 `use-namespace`，使用 kube-linter 文档中的参数和给定的 `scope.objectKinds`。每条结果以自定义检查的名称开头。没有自定义检查时此规则不做任何事。',
    },
  },
  check(subject, report) {
    const config = subject.ctx.project?.kubeLinter;
    const checks = (config?.customChecks ?? []).filter((c) => kubeLinterTemplates.has(c.template));
    if (checks.length === 0) return;
    const excluded = new Set((config?.exclude ?? []).map((name) => name.toLowerCase()));
    for (const object of objectsOfSubject(subject)) {
      const ignored = ignoredByAnnotation(object.annotations);
      for (const check of checks) {
        const name = check.name.toLowerCase();
        if (excluded.has(name) || ignored.has(name)) continue;
        runTemplate(check.template, check.params, {
          object, subject,
          report: (finding) => report({ ...finding, message: { en: `[${check.name}] ${finding.message.en}`, zh: `[${check.name}] ${finding.message.zh}` } }),
        }, check.objectKinds);
      }
    }
  },
};

/** kube-linter's `ignore-check.kube-linter.io/<check>` annotations (all checks for `ignore-all`: not ours to widen). */
function ignoredByAnnotation(annotations: Record<string, string>): Set<string> {
  const out = new Set<string>();
  for (const key of Object.keys(annotations)) {
    const match = /^ignore-check\.kube-linter\.io\/(.+)$/.exec(key);
    if (match) out.add(match[1].toLowerCase());
  }
  return out;
}

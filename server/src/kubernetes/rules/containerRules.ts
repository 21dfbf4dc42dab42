import type { Finding } from '../../common/rules';
import type { ContainerFacts, ContainerRole, ObjectFacts, WorkloadFacts } from '../objects';
import { objectsOf } from '../objects';
import type { KubeRule, KubeRuleMeta, ManifestRuleSubject } from './context';

export interface ContainerCheck {
  container: ContainerFacts;
  workload: WorkloadFacts;
  object: ObjectFacts;
  subject: ManifestRuleSubject;
  report: (finding: Finding) => void;
}

/** A rule that looks at each container of each workload, for the given container roles. */
export function perContainer(meta: KubeRuleMeta, roles: ContainerRole[], check: (c: ContainerCheck) => void): KubeRule {
  return {
    meta,
    check(subject, report) {
      for (const object of objectsOf(subject.file)) {
        const workload = object.workload;
        if (!workload) continue;
        for (const container of workload.containers) {
          if (roles.includes(container.role)) check({ container, workload, object, subject, report });
        }
      }
    },
  };
}

export const runningContainers: ContainerRole[] = ['container', 'initContainer'];
export const allContainers: ContainerRole[] = ['container', 'initContainer', 'ephemeralContainer'];

/** "container `web`" / "容器 `web`" for messages. */
export function containerLabel(container: ContainerFacts): { en: string; zh: string } {
  const name = container.name ?? '?';
  if (container.role === 'initContainer') return { en: `init container \`${name}\``, zh: `初始化容器 \`${name}\`` };
  if (container.role === 'ephemeralContainer') return { en: `ephemeral container \`${name}\``, zh: `临时容器 \`${name}\`` };
  return { en: `container \`${name}\``, zh: `容器 \`${name}\`` };
}

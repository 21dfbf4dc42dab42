import type { Rule } from '../../common/rules';
import type { Stage } from '../semantic';
import type { DockerfileRuleSubject } from './context';
import { factsOf } from './facts';
import { shippedStagesLacking } from './stageCoverage';

type Subject = DockerfileRuleSubject;

export const healthcheckMissing: Rule<Subject> = {
  meta: {
    id: 'healthcheck-missing', scope: 'file',
    aliases: ['DL3057'],
    severity: 'info',
    category: 'best-practice',
    profile: 'strict',
    title: { en: 'Image without a HEALTHCHECK', zh: '镜像没有 HEALTHCHECK' },
    docs: {
      en: 'Without a `HEALTHCHECK`, Docker and Swarm only know whether the main process is running, not whether it still answers: a service stuck in a deadlock keeps receiving traffic. Each image the build can ship should say how to check it (`HEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1`), or say on purpose that it has no check (`HEALTHCHECK NONE`, e.g. for images run as Kubernetes pods, whose probes are set in the manifest).\n\nA stage has a health check when it sets one or builds on a stage that does. Only the images the build ships are reported, each once at its FROM: stages that other stages build on, or copy or mount files from, only help build them. Off unless the `strict` profile is on (hadolint does not run it by default either).',
      zh: '没有 `HEALTHCHECK` 时，Docker 和 Swarm 只知道主进程是否还在运行，而不知道它是否还能响应：陷入死锁的服务仍会继续接收流量。构建可能产出的每个镜像都应说明如何检查它（`HEALTHCHECK CMD curl -fsS http://localhost:8080/health || exit 1`），或者明确表示不需要检查（`HEALTHCHECK NONE`，例如作为 Kubernetes Pod 运行的镜像，其探针在清单中配置）。\n\n阶段自己设置了健康检查，或基于已设置的阶段构建，就算有健康检查。只报告构建最终产出的镜像，每个镜像在其 FROM 处报告一次：被其他阶段作为基础、或被复制或挂载文件的阶段只是辅助构建。仅在启用 `strict` 规则集时生效（hadolint 默认也不运行它）。',
    },
    differences: {
      en: 'hadolint also reports stages that files are copied from (`COPY --from=build`) and the stages an unchecked image builds on; Stevedore reports each shipped image once, at its own FROM.',
      zh: 'hadolint 还会报告被复制文件的阶段（`COPY --from=build`）以及未设置检查的镜像所基于的阶段；Stevedore 对每个产出的镜像只在其 FROM 处报告一次。',
    },
  },
  check(subject, report) {
    const { instructionsWith, stageOf } = factsOf(subject.model);
    const providing = new Set<Stage>();
    for (const instruction of instructionsWith('HEALTHCHECK')) {
      const stage = stageOf(instruction);
      if (stage) providing.add(stage);
    }
    for (const stage of shippedStagesLacking(subject, providing)) {
      const range = stage.baseImageRange ? { start: stage.from.getRange().start, end: stage.baseImageRange.end } : stage.from.getRange();
      report({
        range,
        message: {
          en: 'This image has no HEALTHCHECK; add one, or HEALTHCHECK NONE when the platform checks it another way.',
          zh: '该镜像没有 HEALTHCHECK；请添加一个，如果平台用其他方式检查，则写 HEALTHCHECK NONE。',
        },
      });
    }
  },
};

import { isScalar, type YAMLMap } from 'yaml';
import type { Localized } from '../../common/localized';
import { mapAt, nodeRange, valueOf } from '../yamlNodes';
import { byObjects, type KubeRule, type KubeRuleMeta } from './context';
import { containerFieldRange, containerLabel, perContainer } from './containerRules';

/** Pods that run to completion do not need liveness/readiness probes. */
const batchKinds = new Set(['Job', 'CronJob']);

function missingProbeRule(field: 'livenessProbe' | 'readinessProbe', meta: KubeRuleMeta, what: Localized): KubeRule {
  return perContainer(meta, ['container'], ({ container, object, subject, report }) => {
    if (batchKinds.has(object.kind) || valueOf(container.node, field) !== undefined) return;
    report({
      range: containerFieldRange(subject.file, container, [field]),
      message: { en: `The ${containerLabel(container).en} has no ${what.en}.`, zh: `${containerLabel(container).zh}没有${what.zh}。` },
    });
  });
}

export const livenessProbeMissing = missingProbeRule('livenessProbe', {
  id: 'liveness-probe-missing', aliases: ['no-liveness-probe'], severity: 'info', category: 'best-practice', profile: 'strict',
  title: { en: 'No liveness probe', zh: '未配置存活探针' },
  docs: {
    en: 'Without a liveness probe a hung process (deadlock, stuck event loop) keeps its pod forever. Add a cheap `livenessProbe` that fails only when a restart would help.',
    zh: '没有存活探针时，卡死的进程（死锁、事件循环阻塞）会一直占着 Pod。请添加一个开销小的 `livenessProbe`，只在重启确实有帮助时才失败。',
  },
}, { en: 'liveness probe', zh: '存活探针（livenessProbe）' });

export const readinessProbeMissing = missingProbeRule('readinessProbe', {
  id: 'readiness-probe-missing', aliases: ['no-readiness-probe'], severity: 'info', category: 'best-practice', profile: 'strict',
  title: { en: 'No readiness probe', zh: '未配置就绪探针' },
  docs: {
    en: 'Without a readiness probe, Services send traffic to the pod as soon as the container starts — before the app listens — and keep sending it while the app is overloaded. Add a `readinessProbe`.',
    zh: '没有就绪探针时，容器一启动（应用尚未开始监听）Service 就会把流量转给它，应用过载时也不会停止转发。请添加 `readinessProbe`。',
  },
}, { en: 'readiness probe', zh: '就绪探针（readinessProbe）' });

const probeFields = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
/** kube-linter has one check per probe. */
const peerOfProbe: Record<(typeof probeFields)[number], string> = { livenessProbe: 'liveness-port', readinessProbe: 'readiness-port', startupProbe: 'startup-port' };

function probePortNode(probe: YAMLMap | undefined) {
  for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
    const port = valueOf(mapAt(probe, handler), 'port');
    if (isScalar(port)) return port;
  }
  return undefined;
}

export const probePortUnknown = byObjects({
  meta: {
    id: 'probe-port-unknown',
    aliases: ['liveness-port', 'readiness-port', 'startup-port'],
    peerPerFinding: true,
    kubeLinterDefault: true,
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Probe targets a port the container does not expose', zh: '探针指向容器未暴露的端口' },
    docs: {
      en: 'A probe names a port that is not among the container\'s `ports`. A named port that does not exist makes the probe fail every time (and a failing liveness probe restarts the container in a loop); a number that is not declared is usually a typo or a stale port.',
      zh: '探针使用的端口不在容器的 `ports` 中。不存在的命名端口会导致探针每次都失败（存活探针失败会让容器反复重启）；未声明的端口号通常是笔误或遗留的旧端口。',
    },
  },
  checkObjects(objects, subject, report) {
    for (const object of objects) {
      for (const container of object.workload?.containers ?? []) {
        if (container.role !== 'container') continue;
        for (const field of probeFields) {
          const port = probePortNode(mapAt(container.node, field));
          if (!port) continue;
          const value = port.value;
          const targeted = container.ports.filter((p) => (typeof value === 'number' ? p.number === value : p.name === value));
          // Probes connect over TCP (HTTP and gRPC too): a UDP or SCTP port does not answer them.
          if (targeted.some((p) => p.protocol.toUpperCase() === 'TCP')) continue;
          // Containers need not declare their ports: an undeclared number is only suspicious when others are declared.
          if (targeted.length === 0 && typeof value === 'number' && container.ports.length === 0) continue;
          const protocol = targeted[0]?.protocol;
          report({
            range: nodeRange(subject.file, port),
            message: protocol
              ? {
                en: `The ${field} of the ${containerLabel(container).en} targets port \`${String(value)}\`, which is a ${protocol} port; probes connect over TCP.`,
                zh: `${containerLabel(container).zh}的 ${field} 指向端口 \`${String(value)}\`，但它是 ${protocol} 端口，而探针通过 TCP 连接。`,
              }
              : {
                en: `The ${field} of the ${containerLabel(container).en} targets port \`${String(value)}\`, which the container does not declare.`,
                zh: `${containerLabel(container).zh}的 ${field} 指向端口 \`${String(value)}\`，但容器没有声明该端口。`,
              },
            peer: peerOfProbe[field],
          });
        }
      }
    }
  },
});

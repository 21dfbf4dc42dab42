import { isScalar, type Scalar } from 'yaml';
import type { Localized } from '../../common/localized';
import type { ManifestFile } from '../model';
import type { ObjectFacts } from '../objects';
import { isPlaceholder } from '../templating';
import { mapAt, mapItems, nodeRange, scalarAt, seqAt, valueOf } from '../yamlNodes';
import type { Finding } from '../../common/rules';
import { perObject, type KubeRule, type KubeRuleMeta } from './context';
import { objectLabel } from './hostAccess';

interface PortValue {
  node: Scalar;
  /** What the number or name is (containerPort, targetPort…), for messages. */
  field: string;
  /** Name allowed here (int-or-string fields). */
  namedAllowed: boolean;
}

const probeFields = ['livenessProbe', 'readinessProbe', 'startupProbe'];

/** Every port number or port name an object declares or refers to. */
function portValues(object: ObjectFacts): PortValue[] {
  const out: PortValue[] = [];
  const push = (node: unknown, field: string, namedAllowed: boolean) => {
    if (isScalar(node) && node.value !== null && !isPlaceholder(node.value)) out.push({ node, field, namedAllowed });
  };
  for (const container of object.workload?.containers ?? []) {
    for (const port of container.ports) {
      push(valueOf(port.node, 'containerPort'), 'containerPort', false);
      push(valueOf(port.node, 'name'), 'name', true);
      const hostPort = scalarAt(port.node, 'hostPort');
      if (hostPort?.value !== 0) push(hostPort, 'hostPort', false);
    }
    for (const probe of probeFields) {
      for (const handler of ['httpGet', 'tcpSocket', 'grpc']) push(valueOf(mapAt(container.node, probe, handler), 'port'), `${probe}.${handler}.port`, handler !== 'grpc');
    }
  }
  if (object.kind === 'Service' && object.builtIn) {
    for (const port of mapItems(seqAt(object.spec, 'ports'))) {
      push(valueOf(port, 'port'), 'port', false);
      push(valueOf(port, 'targetPort'), 'targetPort', true);
      const nodePort = scalarAt(port, 'nodePort');
      if (nodePort?.value !== 0) push(nodePort, 'nodePort', false); // 0: let the cluster choose
    }
  }
  return out;
}

/** IANA service name rules Kubernetes applies to port names. Returns the problem, if any. */
export function portNameProblem(name: string): Localized | undefined {
  if (name.length > 15) return { en: `is ${name.length} characters long; port names are limited to 15`, zh: `长度为 ${name.length} 个字符，端口名称最多 15 个字符` };
  if (!/^[a-z0-9-]+$/.test(name)) return { en: 'may only contain lowercase letters, digits and "-"', zh: '只能包含小写字母、数字和 "-"' };
  if (!/[a-z]/.test(name)) return { en: 'must contain at least one letter', zh: '必须至少包含一个字母' };
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return { en: 'must not start or end with "-" or contain "--"', zh: '不能以 "-" 开头或结尾，也不能包含 "--"' };
  return undefined;
}

/**
 * A rule over the port values of each object: per object, so an edit re-checks only the `---`
 * documents it changed (documentFindings.ts). The values are read once per object for all four rules.
 */
function perPort(meta: KubeRuleMeta, visit: (port: PortValue, object: ObjectFacts, file: ManifestFile, report: (finding: Finding) => void) => void): KubeRule {
  return perObject(meta, (object, { file }, report) => {
    for (const port of portValuesOf(object)) visit(port, object, file, report);
  });
}

const portValuesCache = new WeakMap<ObjectFacts, PortValue[]>();

function portValuesOf(object: ObjectFacts): PortValue[] {
  let values = portValuesCache.get(object);
  if (!values) portValuesCache.set(object, (values = portValues(object)));
  return values;
}

export const invalidPortName: KubeRule = perPort({
  // kube-linter's invalid-target-ports covers names and Service target port numbers: a group of both rules.
  id: 'invalid-port-name', aliases: [], groups: ['invalid-target-ports'], kubeLinterDefault: true, severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'Invalid port name', zh: '端口名称无效' },
  docs: {
    en: 'Container port names (and the names a Service `targetPort` or a probe refers to) must be valid IANA service names: at most 15 characters, lowercase letters, digits and single hyphens, with at least one letter. The API server rejects other names.',
    zh: '容器端口名称（以及 Service 的 `targetPort` 或探针所引用的名称）必须是合法的 IANA 服务名：最多 15 个字符，只含小写字母、数字和单个连字符，且至少包含一个字母。API 服务器会拒绝其他名称。',
  },
}, (port, _object, file, report) => {
  if (typeof port.node.value !== 'string' || !port.namedAllowed) return;
  // A quoted number (`name: "8080"`) is a name too, and the API server rejects it: no letter.
  const name = port.node.value;
  const problem = portNameProblem(name);
  if (!problem) return;
  report({ range: nodeRange(file, port.node), message: { en: `Port name \`${name}\` ${problem.en}.`, zh: `端口名称 \`${name}\` ${problem.zh}。` } });
});

export const portOutOfRange: KubeRule = perPort({
  id: 'port-out-of-range', aliases: [], groups: ['invalid-target-ports'], peerPerFinding: true, kubeLinterDefault: true, severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'Port number out of range', zh: '端口号超出范围' },
  docs: {
    en: 'Port numbers must be between 1 and 65535.',
    zh: '端口号必须在 1 到 65535 之间。',
  },
}, (port, _object, file, report) => {
  const value = port.node.value;
  if (typeof value !== 'number' || (Number.isInteger(value) && value >= 1 && value <= 65535)) return;
  report({
    range: nodeRange(file, port.node),
    message: { en: `${port.field} ${value} is not a port number (1–65535).`, zh: `${port.field} ${value} 不是有效的端口号（1–65535）。` },
    // kube-linter checks the numbers of Service target ports only.
    peer: port.field === 'targetPort' ? 'invalid-target-ports' : undefined,
  });
});

export const sshPortExposed: KubeRule = perPort({
  id: 'ssh-port-exposed', aliases: ['ssh-port'], kubeLinterDefault: true, severity: 'warning', category: 'security', profile: 'recommended',
  title: { en: 'SSH port exposed', zh: '暴露了 SSH 端口' },
  docs: {
    en: 'A container exposes port 22. Running an SSH server in a container widens the attack surface and bypasses Kubernetes access control; use `kubectl exec` or `kubectl debug` instead.',
    zh: '容器暴露了 22 端口。在容器中运行 SSH 服务会扩大攻击面并绕过 Kubernetes 的访问控制；请改用 `kubectl exec` 或 `kubectl debug`。',
  },
}, (port, object, file, report) => {
  if (port.field !== 'containerPort' || port.node.value !== 22) return;
  report({ range: nodeRange(file, port.node), message: { en: `${objectLabel(object)} exposes the SSH port 22.`, zh: `${objectLabel(object)} 暴露了 SSH 端口 22。` } });
});

export const privilegedPort: KubeRule = perPort({
  id: 'privileged-port', aliases: ['privileged-ports'], severity: 'hint', category: 'security', profile: 'strict',
  title: { en: 'Privileged port', zh: '特权端口' },
  docs: {
    en: 'Listening on a port below 1024 needs root or the NET_BIND_SERVICE capability inside the container. Listen on a high port and let the Service map the well-known port to it.',
    zh: '在容器内监听 1024 以下的端口需要 root 或 NET_BIND_SERVICE 能力。请监听高位端口，再由 Service 把常用端口映射过去。',
  },
}, (port, object, file, report) => {
  const value = port.node.value;
  if (port.field !== 'containerPort' || typeof value !== 'number' || value < 1 || value >= 1024 || value === 22) return;
  report({ range: nodeRange(file, port.node), message: { en: `${objectLabel(object)} listens on privileged port ${value}.`, zh: `${objectLabel(object)} 监听了特权端口 ${value}。` } });
});

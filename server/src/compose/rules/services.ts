import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { codeSpan } from '../../common/plainText';
import { effectivePairs, effectiveValue, keyText, nodeRange, resolveAlias, resolvedMap, servicesOf, type ComposeModel, type NamedEntry } from '../model';
import { isInterpolated, parsePort } from '../schemaCheck';
import { scalarText, stringList } from '../serviceInfo';
import type { ComposeRule } from './context';

/** Rules about one service's settings, or about services that clash with each other. */

function pairNode(model: ComposeModel, map: unknown, key: string): { key: Scalar; value: unknown } | undefined {
  const pair = effectivePairs(model, resolvedMap(model, map)).find((candidate) => keyText(candidate) === key);
  return pair && isScalar(pair.key) ? { key: pair.key, value: resolveAlias(model, pair.value) } : undefined;
}

/** `image: nginx` or `nginx:latest`: which image runs depends on the day it is pulled. */
export function mutableTag(image: string): 'none' | 'latest' | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'none';
  return image.slice(colon + 1) === 'latest' ? 'latest' : undefined;
}

export const composeImageTagMutable: ComposeRule = {
  meta: {
    id: 'compose-image-tag-mutable',
    aliases: [],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: { en: 'Image without a fixed tag', zh: '镜像没有固定标签' },
    docs: {
      en: 'An `image` with no tag, or the `latest` tag, changes whenever someone pushes: two machines (or two Swarm nodes) can run different code, and going back to yesterday\'s version is guesswork. Pin a version tag, or a digest (`@sha256:…`). A service that also has `build` names the image it builds, so it is left alone; so are images written with `${VARIABLES}`. The Dockerfile rule `image-latest-tag` and the Kubernetes rule `image-tag-mutable` say the same for their files.',
      zh: '没有标签或使用 `latest` 标签的 `image`，每次有人推送都会变化：两台机器（或两个 Swarm 节点）可能运行不同的代码，回到昨天的版本也只能靠猜。请固定版本标签，或使用摘要（`@sha256:…`）。同时设置了 `build` 的服务，其 `image` 是构建产物的名字，不会报告；含有 `${VARIABLES}` 的镜像也不报告。Dockerfile 规则 `image-latest-tag` 与 Kubernetes 规则 `image-tag-mutable` 对各自的文件做同样的检查。',
    },
  },
  check({ model }, report) {
    for (const service of servicesOf(model)) {
      const image = pairNode(model, service.value, 'image');
      const text = image ? scalarText(model, image.value) : undefined;
      if (!image || text === undefined || isInterpolated(text) || text.trim() === '') continue;
      if (pairNode(model, service.value, 'build')) continue;
      const problem = mutableTag(text);
      if (!problem) continue;
      report({
        range: nodeRange(model, image.value as Node),
        message: problem === 'latest'
          ? { en: `The image ${codeSpan(text)} uses the moving \`latest\` tag; pin a version.`, zh: `镜像 ${codeSpan(text)} 使用了会变化的 \`latest\` 标签，请固定版本。` }
          : { en: `The image ${codeSpan(text)} has no tag, so \`latest\` is pulled; pin a version.`, zh: `镜像 ${codeSpan(text)} 没有标签，实际拉取的是 \`latest\`，请固定版本。` },
      });
    }
  },
};

/** How many containers a service asks for: `deploy.replicas`, else `scale`. */
function replicasOf(model: ComposeModel, service: NamedEntry): { count: number; node: Node } | undefined {
  const deploy = pairNode(model, service.value, 'deploy');
  const replicas = deploy ? pairNode(model, deploy.value, 'replicas') : undefined;
  const scale = pairNode(model, service.value, 'scale');
  for (const found of [replicas, scale]) {
    const count = found ? Number(scalarText(model, found.value)) : NaN;
    if (found && Number.isInteger(count)) return { count, node: found.value as Node };
  }
  return undefined;
}

export const composeContainerNameScaled: ComposeRule = {
  meta: {
    id: 'compose-container-name-scaled',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: '`container_name` on a service with several replicas', zh: '设置了 `container_name` 的服务却有多个副本' },
    docs: {
      en: 'A container name is unique on the engine, so a service with a fixed `container_name` can run one container only: with `deploy.replicas` (or `scale`) above 1, `docker compose up` fails. Drop `container_name` (Compose names the containers `<project>-<service>-<n>`, and other services reach them by the service name) or run one replica.',
      zh: '容器名在引擎上必须唯一，所以设置了固定 `container_name` 的服务只能运行一个容器：`deploy.replicas`（或 `scale`）大于 1 时，`docker compose up` 会失败。请删除 `container_name`（Compose 会把容器命名为 `<project>-<service>-<n>`，其他服务通过服务名访问它们），或只运行一个副本。',
    },
  },
  check({ model }, report) {
    for (const service of servicesOf(model)) {
      const name = pairNode(model, service.value, 'container_name');
      const replicas = replicasOf(model, service);
      if (!name || !replicas || replicas.count <= 1) continue;
      report({
        range: nodeRange(model, name.key),
        message: {
          en: `${codeSpan(service.name)} asks for ${replicas.count} replicas but has a fixed \`container_name\`: only one container can have that name.`,
          zh: `${codeSpan(service.name)} 需要 ${replicas.count} 个副本，却设置了固定的 \`container_name\`：同名的容器只能有一个。`,
        },
      });
    }
  },
};

interface Published {
  service: string;
  profiles: string[];
  port: number;
  protocol: string;
  hostIp: string;
  node: Node;
}

/** The host ports a service publishes (short and long forms), with where each is written. */
function publishedPorts(model: ComposeModel, service: NamedEntry): Published[] {
  const ports = pairNode(model, service.value, 'ports')?.value;
  if (!isSeq(ports)) return [];
  // Only the profiles (serviceInfo would read the image, build, ports, dependencies and health check too).
  const profiles = stringList(model, effectiveValue(model, service.value, 'profiles'));
  const out: Published[] = [];
  for (const raw of ports.items) {
    const item = resolveAlias(model, raw);
    if (isScalar(item)) {
      const text = scalarText(model, item);
      if (text === undefined || isInterpolated(text)) continue;
      const parsed = parsePort(text);
      if (!parsed) continue;
      for (const port of parsed.published) out.push({ service: service.name, profiles, port, protocol: parsed.protocol, hostIp: parsed.hostIp ?? '', node: item });
    } else if (isMap(item)) {
      const published = scalarText(model, pairNode(model, item, 'published')?.value);
      if (published === undefined || isInterpolated(published) || !/^\d+$/.test(published)) continue;
      const protocol = scalarText(model, pairNode(model, item, 'protocol')?.value) ?? 'tcp';
      const hostIp = scalarText(model, pairNode(model, item, 'host_ip')?.value) ?? '';
      out.push({ service: service.name, profiles, port: Number(published), protocol, hostIp, node: item });
    }
  }
  return out;
}

/** Two addresses clash when one of them listens on every interface, or both name the same one. */
const sameAddress = (a: string, b: string) => a === b || a === '' || b === '' || a === '0.0.0.0' || b === '0.0.0.0';

/** Services in disjoint profiles never run together: their ports cannot clash. */
const canRunTogether = (a: string[], b: string[]) => a.length === 0 || b.length === 0 || a.some((profile) => b.includes(profile));

export const composeHostPortConflict: ComposeRule = {
  meta: {
    id: 'compose-host-port-conflict',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Host port published twice', zh: '同一个主机端口被发布了两次' },
    docs: {
      en: 'Only one container can listen on a host port (per address and protocol). When two services — or two entries of one service — publish the same one, the second container fails to start with "port is already allocated". Publish another host port, bind them to different addresses, or leave the host port out to let the engine pick one. Services in profiles that never run together are not compared.',
      zh: '一个主机端口（按地址和协议区分）只能被一个容器监听。如果两个服务——或同一服务的两个条目——发布了同一个端口，第二个容器会启动失败，报错 "port is already allocated"。请改用其他主机端口、绑定到不同的地址，或不写主机端口让引擎自动挑选。不会同时运行的 profile 中的服务不做比较。',
    },
  },
  check({ model }, report) {
    const seen: Published[] = [];
    const reported = new Set<Node>();
    for (const service of servicesOf(model)) {
      for (const entry of publishedPorts(model, service)) {
        const earlier = seen.find((other) => other.port === entry.port && other.protocol === entry.protocol && sameAddress(other.hostIp, entry.hostIp) && canRunTogether(other.profiles, entry.profiles) && other.node !== entry.node);
        seen.push(entry);
        if (!earlier || reported.has(entry.node)) continue;
        reported.add(entry.node);
        const where = earlier.service === entry.service ? { en: 'another entry of this service', zh: '本服务的另一个条目' } : { en: codeSpan(earlier.service), zh: codeSpan(earlier.service) };
        report({
          range: nodeRange(model, entry.node),
          message: {
            en: `Host port ${entry.port}/${entry.protocol} is already published by ${where.en}; the second container cannot bind it.`,
            zh: `主机端口 ${entry.port}/${entry.protocol} 已被${where.zh}发布，第二个容器将无法绑定它。`,
          },
        });
      }
    }
  },
};

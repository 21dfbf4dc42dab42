import { at, textOf, type Merged, type MergedEntry } from '../merge';
import { readDockerfileText, stageChainOf, type DockerfileText, type TextStage } from '../dockerfileText';
import { resolvedText } from '../project';
import { parsePort } from '../schemaCheck';
import type { ComposeRule, ComposeRuleSubject } from './context';
import { buildPathsOf, isCurrent, rangeOf, referenceView, type ReferenceView } from './referencesKit';

/**
 * Compose's side of the image graph: a service that builds its image compared with the Dockerfile
 * it builds from (`build.context` + `build.dockerfile`, read through the project's file reader),
 * the way the Kubernetes edge rules compare a container with its image. Findings go only to
 * places written in the file being checked; without the Dockerfile's text nothing is said.
 */

interface BuiltService {
  name: string;
  service: Merged;
  dockerfile: DockerfileText;
  /** The stage the service's image is built from (`build.target`, else the last) and the ones under it. */
  chain: TextStage[];
}

function builtServices(subject: ComposeRuleSubject, view: ReferenceView): BuiltService[] {
  const files = subject.ctx.project?.files;
  if (!files) return [];
  const out: BuiltService[] = [];
  for (const [name, entry] of view.services?.entries ?? []) {
    const service = entry.value;
    const paths = buildPathsOf(view, service);
    if (!service || !paths?.dockerfile) continue;
    const text = files.readText(paths.dockerfile);
    if (text === undefined) continue;
    const dockerfile = readDockerfileText(text);
    if (dockerfile.stages.length === 0) continue;
    const target = textOf(at(service, 'build', 'target'))?.toLowerCase();
    const index = target === undefined ? dockerfile.stages.length - 1 : dockerfile.stages.findIndex((stage) => stage.name === target);
    // An unknown target is compose-build-target-unknown's finding.
    if (index < 0) continue;
    out.push({ name, service, dockerfile, chain: stageChainOf(dockerfile.stages, index) });
  }
  return out;
}

/**
 * Build arguments every build accepts without an ARG: the proxy variables (either case), the
 * platform variables BuildKit fills in, SOURCE_DATE_EPOCH, and the BUILDKIT_* switches read by
 * the builder itself.
 */
const proxyArgs = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'];
const platformArgs = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

export function isPredefinedBuildArg(name: string): boolean {
  return proxyArgs.includes(name.toUpperCase()) || platformArgs.includes(name) || name === 'SOURCE_DATE_EPOCH' || name.startsWith('BUILDKIT_');
}

/** `build.args` as written: a map's keys, or a list's `KEY=value` / `KEY` items. */
function buildArgs(service: Merged): { name: string; node: Merged; keyEntry?: MergedEntry }[] {
  const args = at(service, 'build', 'args');
  if (args?.kind === 'map') return [...args.entries.values()].map((entry) => ({ name: entry.key, node: entry.value ?? args, keyEntry: entry }));
  if (args?.kind === 'seq') {
    return args.items.flatMap((item) => {
      const text = textOf(item);
      return text ? [{ name: text.split('=')[0].trim(), node: item }] : [];
    });
  }
  return [];
}

export const composeBuildArgUnused: ComposeRule = {
  meta: {
    id: 'compose-build-arg-unused',
    aliases: [],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Build argument the Dockerfile never declares', zh: 'Dockerfile 没有声明的构建参数' },
    docs: {
      en: 'A key of `build.args` reaches the build only through an `ARG` of that name in the Dockerfile (before the first `FROM`, or in a stage). When the Dockerfile the service builds from declares no such `ARG`, the value is dropped without a word from BuildKit (the classic builder warned that it was "not consumed"): usually a renamed or misspelled argument, so the build quietly uses the default. The arguments every build accepts are not reported: the proxy variables (`HTTP_PROXY`, `https_proxy`…), the platform variables (`TARGETPLATFORM`, `BUILDARCH`…), `SOURCE_DATE_EPOCH` and `BUILDKIT_*`. Checked when the Dockerfile is in the workspace.',
      zh: '`build.args` 中的键只有在 Dockerfile 里有同名 `ARG`（第一个 `FROM` 之前，或某个阶段中）时才会进入构建。若服务所构建的 Dockerfile 没有声明这个 `ARG`，该值会被丢弃，BuildKit 不会提示（旧的构建器会警告它“未被使用”）：这通常是参数改了名或拼错了，构建便悄悄使用默认值。所有构建都接受的参数不报告：代理变量（`HTTP_PROXY`、`https_proxy` 等）、平台变量（`TARGETPLATFORM`、`BUILDARCH` 等）、`SOURCE_DATE_EPOCH` 和 `BUILDKIT_*`。Dockerfile 在工作区中时才检查。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    for (const built of builtServices(subject, view)) {
      const declared = new Set([...built.dockerfile.globalArgs, ...built.dockerfile.stages.flatMap((stage) => stage.args)]);
      for (const arg of buildArgs(built.service)) {
        if (!arg.name || arg.name.includes('$') || declared.has(arg.name) || isPredefinedBuildArg(arg.name)) continue;
        const where = arg.keyEntry ? { source: arg.keyEntry.keySource, node: arg.keyEntry.keyNode } : arg.node;
        if (where.source !== view.project.current) continue;
        report({
          range: rangeOf(where as Merged),
          message: {
            en: `The Dockerfile of \`${built.name}\` declares no \`ARG ${arg.name}\`, so this build argument is ignored.`,
            zh: `\`${built.name}\` 的 Dockerfile 没有声明 \`ARG ${arg.name}\`，这个构建参数会被忽略。`,
          },
        });
      }
    }
  },
};

interface Port {
  port: number;
  protocol: string;
}

/** The image's EXPOSE along the stage chain; undefined when a word is not a literal port (a variable). */
function exposedBy(chain: TextStage[]): Port[] | undefined {
  const ports: Port[] = [];
  for (const word of chain.flatMap((stage) => stage.expose)) {
    const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(word);
    if (!match) return undefined;
    const first = Number(match[1]);
    const last = match[2] ? Math.min(Number(match[2]), first + 100) : first;
    for (let port = first; port <= last; port++) ports.push({ port, protocol: match[3]?.toLowerCase() ?? 'tcp' });
  }
  return ports;
}

/** Container ports a service names in `ports` (short or long form) or `expose`, each with its node. */
function servicePorts(view: ReferenceView, service: Merged): { ports: Port[]; node: Merged }[] | undefined {
  const out: { ports: Port[]; node: Merged }[] = [];
  const text = (node: Merged | undefined): string | undefined => {
    const raw = textOf(node);
    return raw === undefined ? undefined : resolvedText(raw, view.project.lookup);
  };
  const expand = (from: number, to: number, protocol: string): Port[] =>
    Array.from({ length: Math.max(0, Math.min(to - from + 1, 101)) }, (_, i) => ({ port: from + i, protocol }));
  const ports = at(service, 'ports');
  for (const item of ports?.kind === 'seq' ? ports.items : []) {
    if (item.kind === 'map') {
      const target = Number(text(at(item, 'target')));
      if (!Number.isInteger(target)) return undefined;
      out.push({ ports: [{ port: target, protocol: (text(at(item, 'protocol')) ?? 'tcp').toLowerCase() }], node: at(item, 'target') ?? item });
      continue;
    }
    const mapping = parsePort(text(item) ?? '');
    if (!mapping) return undefined;
    out.push({ ports: expand(mapping.target[0], mapping.target[1], mapping.protocol.toLowerCase()), node: item });
  }
  const expose = at(service, 'expose');
  for (const item of expose?.kind === 'seq' ? expose.items : []) {
    const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(text(item) ?? '');
    if (!match) return undefined;
    out.push({ ports: expand(Number(match[1]), Number(match[2] ?? match[1]), match[3]?.toLowerCase() ?? 'tcp'), node: item });
  }
  return out;
}

const same = (a: Port, b: Port): boolean => a.port === b.port && a.protocol === b.protocol;
const portList = (ports: Port[]): string => ports.map((p) => `${p.port}/${p.protocol}`).join(', ');

export const composePortVsExpose: ComposeRule = {
  meta: {
    id: 'compose-port-vs-expose',
    aliases: [],
    severity: 'info',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Service ports and the Dockerfile\'s EXPOSE disagree', zh: '服务端口与 Dockerfile 的 EXPOSE 不一致' },
    docs: {
      en: 'For a service built from a Dockerfile in the workspace, compares the container ports of `ports` and `expose` with the `EXPOSE` of the stage it builds (`build.target`, else the last, with the stages it starts from): a container port the Dockerfile does not expose, or an exposed port the service names in neither list — the latter only when the service lists ports at all, since a service reached only inside its network needs none. A mismatch often means one side changed and the other was forgotten, so the published port leads nowhere. Neither setting opens or closes a port, and a base image may expose more than the Dockerfile says, so this is information to check. `EXPOSE` written with variables is not judged.',
      zh: '对于从工作区中的 Dockerfile 构建的服务，把 `ports` 和 `expose` 中的容器端口与所构建阶段（`build.target`，否则为最后一个阶段，连同它所基于的阶段）的 `EXPOSE` 比较：Dockerfile 没有暴露的容器端口，或两个列表都没有写到的暴露端口——后者只在服务列出了端口时才报告，因为只在内部网络中访问的服务不需要写端口。不一致往往意味着改了一边忘了另一边，发布的端口便无处可达。这两个设置本身都不会打开或关闭端口，且基础镜像可能暴露了 Dockerfile 之外的端口，所以这只是值得核对的信息。含变量的 `EXPOSE` 不做判断。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    for (const built of builtServices(subject, view)) {
      const exposed = exposedBy(built.chain);
      const declared = servicePorts(view, built.service);
      if (!exposed || exposed.length === 0 || !declared || declared.length === 0) continue;
      for (const { ports, node } of declared) {
        const missing = ports.filter((port) => !exposed.some((e) => same(e, port)));
        if (missing.length === 0 || !isCurrent(view, node)) continue;
        report({
          range: rangeOf(node),
          message: {
            en: `\`${built.name}\` uses container port ${portList(missing)}, which its Dockerfile does not EXPOSE (${portList(exposed)}).`,
            zh: `\`${built.name}\` 使用了容器端口 ${portList(missing)}，但它的 Dockerfile 没有 EXPOSE 该端口（已暴露：${portList(exposed)}）。`,
          },
        });
      }
      const named = declared.flatMap((entry) => entry.ports);
      const unnamed = exposed.filter((e) => !named.some((port) => same(e, port)));
      const service = built.service.kind === 'map' ? built.service : undefined;
      const key = ['ports', 'expose'].map((k) => service?.entries.get(k)).find((entry) => entry?.keySource === view.project.current);
      if (unnamed.length === 0 || !key) continue;
      report({
        range: rangeOf({ source: key.keySource, node: key.keyNode, kind: 'scalar', value: key.key }),
        message: {
          en: `The Dockerfile of \`${built.name}\` exposes ${portList(unnamed)}, which the service names in neither \`ports\` nor \`expose\`.`,
          zh: `\`${built.name}\` 的 Dockerfile 暴露了 ${portList(unnamed)}，但服务的 \`ports\` 和 \`expose\` 都没有写到它。`,
        },
      });
    }
  },
};

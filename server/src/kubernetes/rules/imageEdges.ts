import { isScalar } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { userIsNumeric, userIsRoot, userName, type ImageFacts } from '../../common/imageFacts';
import { imageGraphOf, imageName, type ImageEdge } from '../../common/imageGraph';
import type { Finding, Fix } from '../../common/rules';
import { edgeForImage, evidenceWords } from '../imageLinks';
import type { ContainerFacts, WorkloadFacts } from '../objects';
import { booleanAt, mapItems, nodeRange, numberAt, pairOf, scalarAt, seqAt, stringAt } from '../yamlNodes';
import { containerLabel, perContainer, runningContainers, type ContainerCheck } from './containerRules';
import type { KubeRuleMeta } from './context';
import { appendToMap, ensureTree, yamlScalar } from './edits';
import { asWorkspaceIndex } from '../workspace';

/**
 * Checks along the image graph's edges: a container compared with the Dockerfile that builds its
 * image (common/imageGraph.ts). Each check runs on strong edges under its own rule and severity;
 * on weak edges (a guess from a folder name, or several Dockerfiles claiming the image) the most
 * useful ones run under `image-edge-guess`, an info-level rule, so a guess never reports above info.
 */

type EdgeCheck = (c: ContainerCheck, edge: ImageEdge) => Finding[];

const label = (c: ContainerCheck) => containerLabel(c.container);

function imageRange(c: ContainerCheck) {
  return nodeRange(c.subject.file, c.container.imageNode ?? c.container.node);
}

/** The container's `securityContext` setting, else the pod's. */
function effective<T>(c: ContainerCheck, read: (map: unknown, key: string) => T | undefined, key: string): T | undefined {
  return read(c.container.securityContext, key) ?? read(c.workload.podSecurityContext, key);
}

/** UIDs of users well-known base images create (the official `node` images run their `node` user as 1000). */
const baseImageUsers: { image: RegExp; user: string; uid: number }[] = [
  { image: /^(docker\.io\/)?(library\/)?node(:|@|$)/, user: 'node', uid: 1000 },
];

function uidFor(facts: ImageFacts, name: string): number | undefined {
  if (facts.createdUsers[name] !== undefined) return facts.createdUsers[name];
  return baseImageUsers.find((known) => known.user === name && facts.baseImage && known.image.test(facts.baseImage))?.uid;
}

const checkRootImage: EdgeCheck = (c, edge) => {
  if (effective(c, booleanAt, 'runAsNonRoot') !== true || effective(c, numberAt, 'runAsUser') !== undefined) return [];
  if (!userIsRoot(edge.facts.user)) return [];
  // Images known to set a non-root user themselves (distroless :nonroot) are spared when the Dockerfile says nothing.
  if (edge.facts.user === undefined && /nonroot|rootless/i.test(edge.facts.baseImage ?? '')) return [];
  const user = edge.facts.user ?? '';
  return [{
    range: imageRange(c),
    message: user
      ? { en: `The ${label(c).en} sets runAsNonRoot, but its image's Dockerfile ends with \`USER ${user}\`: the kubelet will refuse to start it.`, zh: `${label(c).zh}设置了 runAsNonRoot，但其镜像的 Dockerfile 最后是 \`USER ${user}\`：kubelet 会拒绝启动它。` }
      : { en: `The ${label(c).en} sets runAsNonRoot, but its image's Dockerfile sets no USER, so it runs as root: the kubelet will refuse to start it.`, zh: `${label(c).zh}设置了 runAsNonRoot，但其镜像的 Dockerfile 没有设置 USER，会以 root 运行：kubelet 会拒绝启动它。` },
  }];
};

const checkNamedUser: EdgeCheck = (c, edge) => {
  const user = edge.facts.user;
  if (!user || userIsRoot(user) || userIsNumeric(user)) return [];
  if (effective(c, booleanAt, 'runAsNonRoot') !== true || effective(c, numberAt, 'runAsUser') !== undefined) return [];
  const name = userName(user);
  const uid = uidFor(edge.facts, name);
  const fixes: Fix[] = [];
  if (uid !== undefined && uid !== 0) {
    const edits = ensureTree(c.subject.file, c.container.node, { securityContext: { runAsUser: String(uid) } });
    if (edits.length > 0) fixes.push({ title: { en: `Set runAsUser: ${uid} (the UID of ${name})`, zh: `设置 runAsUser: ${uid}（${name} 的 UID）` }, edits, safe: true });
  }
  return [{
    range: imageRange(c),
    message: {
      en: `The ${label(c).en} sets runAsNonRoot, but its image runs as the user name \`${name}\`: the kubelet cannot verify the user is non-root and will not start it. Set runAsUser${uid !== undefined ? ` (${uid})` : ''}, or a numeric USER in the Dockerfile.`,
      zh: `${label(c).zh}设置了 runAsNonRoot，但其镜像以用户名 \`${name}\` 运行：kubelet 无法确认该用户不是 root，因此不会启动它。请设置 runAsUser${uid !== undefined ? `（${uid}）` : ''}，或在 Dockerfile 中使用数字形式的 USER。`,
    },
    fixes: fixes.length ? fixes : undefined,
  }];
};

const checkPorts: EdgeCheck = (c, edge) => {
  const exposed = edge.facts.exposed;
  const findings: Finding[] = [];
  for (const port of c.container.ports) {
    if (port.number === undefined) continue;
    const protocol = port.protocol.toLowerCase();
    if (exposed.length > 0 && !exposed.some((e) => e.port === port.number && e.protocol === protocol)) {
      const portNode = pairOf(port.node, 'containerPort')?.value ?? port.node;
      findings.push({
        range: nodeRange(c.subject.file, portNode),
        message: { en: `Port ${port.number}/${protocol} is not in the image's EXPOSE (${exposed.map((e) => `${e.port}/${e.protocol}`).join(', ')}).`, zh: `端口 ${port.number}/${protocol} 不在镜像的 EXPOSE 中（${exposed.map((e) => `${e.port}/${e.protocol}`).join('、')}）。` },
      });
    }
  }
  // The other way: only when the container lists ports at all (listing none is common and fine).
  if (c.container.ports.length > 0) {
    for (const e of exposed) {
      if (c.container.ports.some((p) => p.number === e.port && p.protocol.toLowerCase() === e.protocol)) continue;
      findings.push({
        range: nodeRange(c.subject.file, pairOf(c.container.node, 'ports')?.key ?? c.container.node),
        message: { en: `The image exposes ${e.port}/${e.protocol}, which the ${label(c).en} does not declare.`, zh: `镜像暴露了 ${e.port}/${e.protocol}，但${label(c).zh}没有声明它。` },
      });
    }
  }
  return findings;
};

function probeFix(c: ContainerCheck, http: { path: string; port: number }): Fix | undefined {
  const edits = ensureTree(c.subject.file, c.container.node, { readinessProbe: { httpGet: { path: yamlScalar(http.path), port: String(http.port) } } });
  return edits.length ? { title: { en: `Add a readinessProbe: GET ${http.path} on port ${http.port}`, zh: `添加 readinessProbe：在端口 ${http.port} 上 GET ${http.path}` }, edits } : undefined;
}

const checkProbes: EdgeCheck = (c, edge) => {
  const check = edge.facts.healthcheck;
  if (!check || c.container.role !== 'container') return [];
  if (['readinessProbe', 'livenessProbe', 'startupProbe'].some((key) => pairOf(c.container.node, key))) return [];
  const fix = check.http ? probeFix(c, check.http) : undefined;
  return [{
    range: imageRange(c),
    message: { en: `The image has a HEALTHCHECK (\`${check.command}\`), which Kubernetes ignores; the ${label(c).en} has no readiness or liveness probe.`, zh: `镜像定义了 HEALTHCHECK（\`${check.command}\`），但 Kubernetes 会忽略它；${label(c).zh}没有就绪或存活探针。` },
    fixes: fix ? [fix] : undefined,
  }];
};

const checkArgs: EdgeCheck = (c, edge) => {
  if (edge.facts.entrypoint?.form !== 'shell' || pairOf(c.container.node, 'command') || !pairOf(c.container.node, 'args')) return [];
  return [{
    range: nodeRange(c.subject.file, pairOf(c.container.node, 'args')!.key),
    message: { en: `The image's ENTRYPOINT is in shell form (\`${edge.facts.entrypoint.words[0]}\`), which ignores arguments: these args are never seen. Set \`command\` too, or use the exec form in the Dockerfile.`, zh: `镜像的 ENTRYPOINT 是 shell 形式（\`${edge.facts.entrypoint.words[0]}\`），会忽略参数：这些 args 不会生效。请同时设置 \`command\`，或在 Dockerfile 中使用 exec 形式。` },
  }];
};

function mountPaths(container: ContainerFacts): string[] {
  return mapItems(seqAt(container.node, 'volumeMounts')).flatMap((mount) => stringAt(mount, 'mountPath') ?? []);
}

const covers = (mount: string, path: string): boolean => {
  const m = mount.replace(/\/+$/, '');
  const p = path.replace(/\/+$/, '');
  return m === '' || p === m || p.startsWith(`${m}/`);
};

function volumeName(path: string): string {
  return (path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'data').slice(0, 50);
}

function emptyDirFix(c: ContainerCheck, paths: string[]): Fix | undefined {
  const workload: WorkloadFacts = c.workload;
  const edits: TextEdit[] = [];
  // Only when neither list exists yet: appending to existing lists is left to the user.
  if (pairOf(c.container.node, 'volumeMounts') || pairOf(workload.podSpec, 'volumes')) return undefined;
  const mounts = appendToMap(c.subject.file, c.container.node, ['volumeMounts:', ...paths.flatMap((p) => [`  - name: ${volumeName(p)}`, `    mountPath: ${yamlScalar(p)}`])]);
  const volumes = appendToMap(c.subject.file, workload.podSpec, ['volumes:', ...paths.flatMap((p) => [`  - name: ${volumeName(p)}`, '    emptyDir: {}'])]);
  if (!mounts || !volumes) return undefined;
  edits.push(mounts, volumes);
  return { title: { en: `Mount emptyDir volumes on ${paths.join(', ')}`, zh: `在 ${paths.join('、')} 挂载 emptyDir 卷` }, edits };
}

const checkVolumes: EdgeCheck = (c, edge) => {
  if (booleanAt(c.container.securityContext, 'readOnlyRootFilesystem') !== true || edge.facts.volumes.length === 0) return [];
  const mounted = mountPaths(c.container);
  const missing = edge.facts.volumes.filter((path) => !mounted.some((mount) => covers(mount, path)));
  if (missing.length === 0) return [];
  const fix = emptyDirFix(c, missing);
  return [{
    range: nodeRange(c.subject.file, pairOf(c.container.securityContext, 'readOnlyRootFilesystem')?.key ?? c.container.node),
    message: { en: `The root filesystem is read-only, and the image declares VOLUME ${missing.join(', ')} with no volume mounted there: writes to it will fail.`, zh: `根文件系统为只读，而镜像声明了 VOLUME ${missing.join('、')}，此处却没有挂载卷：写入会失败。` },
    fixes: fix ? [fix] : undefined,
  }];
};

const checkEnv: EdgeCheck = (c, edge) => {
  const findings: Finding[] = [];
  for (const entry of mapItems(c.container.env)) {
    const name = stringAt(entry, 'name');
    const value = scalarAt(entry, 'value');
    if (!name || !value || !isScalar(value) || pairOf(entry, 'valueFrom')) continue;
    const image = edge.facts.env[name];
    const text = value.value === null ? '' : String(value.value);
    if (image === undefined || image === text || text.includes('$(')) continue;
    findings.push({
      range: nodeRange(c.subject.file, value),
      message: { en: `\`${name}\` is \`${text}\` here but \`${image}\` in the image's Dockerfile ENV.`, zh: `\`${name}\` 在此处为 \`${text}\`，而镜像 Dockerfile 的 ENV 中为 \`${image}\`。` },
    });
  }
  return findings;
};

const checkTags: EdgeCheck = (c, edge) => {
  const own = imageName(edge.image);
  const index = asWorkspaceIndex(c.subject.ctx.workspace);
  if (!own?.tag || !index) return [];
  const others = new Set<string>();
  const note = (image: string): void => {
    const other = imageName(image);
    if (other?.tag && other.repository === own.repository && other.tag !== own.tag) others.add(other.tag);
  };
  for (const uri of index.fileUris()) {
    if (uri === c.subject.file.document.uri) continue;
    for (const object of index.objectsIn(uri)) for (const image of object.images ?? []) note(image);
  }
  // Compose services' `image:` values, which the image graph holds beside the index.
  for (const [uri, uses] of imageGraphOf(c.subject.ctx.workspace)?.imageUses() ?? []) {
    if (uri !== c.subject.file.document.uri && !index.has(uri)) for (const use of uses) note(use.image);
  }
  if (others.size === 0) return [];
  const tags = [...others].sort().map((t) => `\`${t}\``);
  return [{
    range: imageRange(c),
    message: { en: `Other manifests or Compose files of the workspace use this image at ${tags.join(', ')}, not \`${own.tag}\`.`, zh: `工作区中的其他清单或 Compose 文件使用此镜像时的标签是 ${tags.join('、')}，而不是 \`${own.tag}\`。` },
  }];
};

function edgeRule(meta: KubeRuleMeta, check: EdgeCheck) {
  return perContainer(meta, runningContainers, (c) => {
    const edge = edgeForImage(c.container.image, c.subject.ctx, c.subject.file.document.uri);
    if (edge?.strength !== 'strong') return;
    for (const finding of check(c, edge)) c.report(finding);
  });
}

const edgeDocs = {
  en: '\n\nIt runs only when the workspace says which Dockerfile builds the image: a Compose service with `build:` and `image:`, a skaffold artifact, a Tiltfile `docker_build`, a kustomize `images:` rename leading to one of these, or the `stevedore.images` setting. A guess from a folder name is reported by `image-edge-guess` instead, at info level.',
  zh: '\n\n仅当工作区能说明哪个 Dockerfile 构建了该镜像时才检查：同时有 `build:` 与 `image:` 的 Compose 服务、skaffold 构建产物、Tiltfile 的 `docker_build`、指向上述之一的 kustomize `images:` 改名，或 `stevedore.images` 设置。仅凭文件夹名推测的关联改由 `image-edge-guess` 以提示级别报告。',
};

export const imageRootVsRunAsNonRoot = edgeRule({
  id: 'image-root-vs-run-as-non-root', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'runAsNonRoot on an image that runs as root', zh: 'runAsNonRoot 与以 root 运行的镜像' },
  docs: {
    en: 'With `runAsNonRoot: true` (on the pod or the container) and no `runAsUser`, the kubelet looks at the image\'s user. When the Dockerfile that builds the image ends with `USER root`, `USER 0`, or sets no USER at all, the kubelet refuses to create the container (`CreateContainerConfigError`). Add a non-root `USER` to the Dockerfile\'s final stage, or set `runAsUser` to a non-zero UID.' + edgeDocs.en,
    zh: '设置了 `runAsNonRoot: true`（Pod 或容器级别）而没有 `runAsUser` 时，kubelet 会检查镜像的用户。若构建该镜像的 Dockerfile 以 `USER root`、`USER 0` 结尾或根本没有 USER，kubelet 会拒绝创建容器（`CreateContainerConfigError`）。请在 Dockerfile 的最终阶段加上非 root 的 `USER`，或将 `runAsUser` 设为非零 UID。' + edgeDocs.zh,
  },
}, checkRootImage);

export const imageUserNotNumeric = edgeRule({
  id: 'image-user-not-numeric', aliases: [], severity: 'warning', category: 'semantics', profile: 'recommended', fixable: true,
  title: { en: 'runAsNonRoot on an image with a user name', zh: 'runAsNonRoot 与使用用户名的镜像' },
  docs: {
    en: 'The kubelet checks `runAsNonRoot` against the image\'s user without looking inside the image, so it can only trust a number: with `USER node` it reports "cannot verify user is non-root" and does not start the container. Set `runAsUser` to the user\'s UID — the quick fix does when the Dockerfile creates the user with `useradd -u`/`adduser -u`, or the base image is a well-known one — or write the USER as a number.' + edgeDocs.en,
    zh: 'kubelet 检查 `runAsNonRoot` 时不会查看镜像内部，只能信任数字形式的用户：遇到 `USER node` 时会报告“无法确认用户不是 root”并拒绝启动容器。请将 `runAsUser` 设为该用户的 UID（当 Dockerfile 用 `useradd -u`/`adduser -u` 创建该用户，或基础镜像是常见镜像时，快速修复会自动填写），或把 USER 写成数字。' + edgeDocs.zh,
  },
}, checkNamedUser);

export const containerPortVsExpose = edgeRule({
  id: 'container-port-vs-expose', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'containerPort and the image\'s EXPOSE disagree', zh: 'containerPort 与镜像的 EXPOSE 不一致' },
  docs: {
    en: 'A `containerPort` the image does not `EXPOSE`, or an exposed port the container does not declare, often means one side was changed and the other forgotten: the Service then sends traffic to a port nobody listens on. Neither field opens or closes anything, so this is information to check, not an error.' + edgeDocs.en,
    zh: '`containerPort` 不在镜像的 `EXPOSE` 中，或镜像暴露的端口没有在容器中声明，常常意味着只改了一边：Service 会把流量发往无人监听的端口。这两个字段本身都不会打开或关闭端口，所以这只是值得核对的信息，并非错误。' + edgeDocs.zh,
  },
}, checkPorts);

export const imageHealthcheckWithoutProbe = edgeRule({
  id: 'image-healthcheck-without-probe', aliases: [], severity: 'info', category: 'best-practice', profile: 'recommended', fixable: true,
  title: { en: 'Image HEALTHCHECK but no probe', zh: '镜像有 HEALTHCHECK 但没有探针' },
  docs: {
    en: 'Kubernetes does not run a Dockerfile\'s `HEALTHCHECK`: only probes tell it whether a container is ready or alive. When the image has a health check and the container has no readiness or liveness probe, the check the image\'s authors wrote is lost. When the HEALTHCHECK is a `curl`/`wget` of a localhost URL, the quick fix adds an `httpGet` readiness probe for the same path and port.' + edgeDocs.en,
    zh: 'Kubernetes 不会执行 Dockerfile 中的 `HEALTHCHECK`：只有探针能告诉它容器是否就绪或存活。镜像有健康检查而容器没有就绪或存活探针时，镜像作者写的检查就失效了。若 HEALTHCHECK 是对 localhost URL 的 `curl`/`wget`，快速修复会为相同的路径和端口添加 `httpGet` 就绪探针。' + edgeDocs.zh,
  },
}, checkProbes);

export const argsIgnoredByShellEntrypoint = edgeRule({
  id: 'args-ignored-by-shell-entrypoint', aliases: [], severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'args with a shell-form ENTRYPOINT', zh: 'shell 形式 ENTRYPOINT 下的 args' },
  docs: {
    en: 'A shell-form `ENTRYPOINT` (`ENTRYPOINT node server.js`) runs as `/bin/sh -c "…"`, which drops every argument after it: a container\'s `args` replace the image\'s CMD, but never reach the program. Set `command` as well, or write the ENTRYPOINT in exec form (`["node", "server.js"]`).' + edgeDocs.en,
    zh: 'shell 形式的 `ENTRYPOINT`（`ENTRYPOINT node server.js`）以 `/bin/sh -c "…"` 运行，其后的参数都会被丢弃：容器的 `args` 虽然替换了镜像的 CMD，却传不到程序。请同时设置 `command`，或把 ENTRYPOINT 改为 exec 形式（`["node", "server.js"]`）。' + edgeDocs.zh,
  },
}, checkArgs);

export const readOnlyRootUnmountedVolume = edgeRule({
  id: 'read-only-root-unmounted-volume', aliases: [], severity: 'info', category: 'best-practice', profile: 'recommended', fixable: true,
  title: { en: 'Read-only root filesystem over an unmounted VOLUME', zh: '只读根文件系统下未挂载的 VOLUME' },
  docs: {
    en: 'A Dockerfile `VOLUME` marks a path the program writes to. Kubernetes does not create volumes for it: with `readOnlyRootFilesystem: true` and no volume mounted on that path, those writes fail at run time. Mount a volume there — the quick fix adds an `emptyDir` — when the data need not outlive the pod.' + edgeDocs.en,
    zh: 'Dockerfile 的 `VOLUME` 标出程序要写入的路径。Kubernetes 不会为它创建卷：设置了 `readOnlyRootFilesystem: true` 而该路径上没有挂载卷时，写入会在运行时失败。若数据无需在 Pod 结束后保留，可在此挂载卷（快速修复会添加 `emptyDir`）。' + edgeDocs.zh,
  },
}, checkVolumes);

export const envDiffersFromImage = edgeRule({
  id: 'env-differs-from-image', aliases: [], severity: 'info', category: 'best-practice', profile: 'recommended',
  title: { en: 'env value differs from the image\'s ENV', zh: 'env 值与镜像的 ENV 不同' },
  docs: {
    en: 'The manifest sets an environment variable that the Dockerfile also sets with `ENV`, to another literal value. Overriding is often intended (a port, a mode), but it also hides a stale copy after one side changed; this says where to look.' + edgeDocs.en,
    zh: '清单设置的环境变量在 Dockerfile 中也用 `ENV` 设置过，且字面值不同。覆盖往往是有意的（端口、运行模式），但也可能是一边改了另一边没跟上；此处提示值得核对的位置。' + edgeDocs.zh,
  },
}, checkEnv);

export const imageTagDiffersInWorkspace = edgeRule({
  id: 'image-tag-differs-in-workspace', aliases: [], severity: 'info', category: 'best-practice', profile: 'recommended',
  title: { en: 'One built image, several tags', zh: '同一构建镜像使用了多个标签' },
  docs: {
    en: 'An image built in this workspace is deployed at different tags by different manifests, or named at another tag by a Compose service (`image:`): some workloads run an older build. Usually one tag (set by the pipeline or a kustomize `images:` entry) is meant.' + edgeDocs.en,
    zh: '本工作区构建的镜像在不同清单中以不同标签部署，或在 Compose 服务的 `image:` 中使用了另一个标签：有的工作负载运行的是旧的构建。通常应只使用一个标签（由流水线或 kustomize 的 `images:` 设置）。' + edgeDocs.zh,
  },
}, checkTags);

/** The checks a guessed edge still runs (the others would be noise on a guess). */
const guessChecks: EdgeCheck[] = [checkRootImage, checkNamedUser, checkArgs];

export const imageEdgeGuess = perContainer({
  id: 'image-edge-guess', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended', fixable: true,
  title: { en: 'Possible mismatch with a guessed Dockerfile', zh: '与推测的 Dockerfile 可能不一致' },
  docs: {
    en: 'When nothing in the workspace states which Dockerfile builds an image, but the image\'s last path segment is the name of the folder of exactly one Dockerfile (`acme/web` and `web/Dockerfile`), or several Dockerfiles claim the same image, the link is only a guess. The runAsNonRoot and shell-form ENTRYPOINT checks still run along it, at info level, saying which Dockerfile was assumed. State the link (Compose, skaffold, Tilt or `stevedore.images`) to get the full checks at their own severities.',
    zh: '当工作区中没有任何文件说明哪个 Dockerfile 构建了某镜像，但镜像路径的最后一段恰好是唯一一个 Dockerfile 所在文件夹的名称（`acme/web` 与 `web/Dockerfile`），或有多个 Dockerfile 声称构建同一镜像时，这种关联只是推测。runAsNonRoot 与 shell 形式 ENTRYPOINT 的检查仍会沿它运行，但只作为提示，并说明假定的是哪个 Dockerfile。明确写出关联（Compose、skaffold、Tilt 或 `stevedore.images`）即可按各规则自身的级别完整检查。',
  },
}, runningContainers, (c) => {
  const edge = edgeForImage(c.container.image, c.subject.ctx, c.subject.file.document.uri);
  if (edge?.strength !== 'weak') return;
  const file = edge.dockerfileUri.slice(edge.dockerfileUri.lastIndexOf('/', edge.dockerfileUri.lastIndexOf('/') - 1) + 1);
  const why = evidenceWords[edge.evidence[0].kind];
  for (const check of guessChecks) {
    for (const finding of check(c, edge)) {
      c.report({ ...finding, message: { en: `If \`${decodeURIComponent(file)}\` builds this image (${why.en}): ${finding.message.en}`, zh: `如果此镜像由 \`${decodeURIComponent(file)}\` 构建（${why.zh}）：${finding.message.zh}` } });
    }
  }
});

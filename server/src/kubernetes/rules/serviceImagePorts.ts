import type { ExposedPort } from '../../common/imageFacts';
import { edgeForImage } from '../imageLinks';
import { mapAt, mapItems, nodeRange, scalarAt, seqAt, stringAt, stringMap } from '../yamlNodes';
import type { ObjectFacts } from '../objects';
import { perObject, workspaceOf, type ManifestRuleSubject } from './context';
import { podsMayComeFromElsewhere, workloadsSelectedBy } from './crossObject';
import { objectLabel } from './hostAccess';

/**
 * A Service's numeric `targetPort` compared with the EXPOSE of the images its selected workloads
 * run (the image graph, common/imageGraph.ts). Judged only when every image of every selected
 * workload has a strong edge to a Dockerfile that exposes something: a sidecar from an outside
 * image, a guessed edge or pods from elsewhere may be what listens on the port.
 */

/** What the selected pods' images expose, or undefined when it cannot be known for all of them. */
function exposedBySelected(object: ObjectFacts, subject: ManifestRuleSubject): { exposed: ExposedPort[]; dockerfiles: string[] } | undefined {
  const selector = stringMap(mapAt(object.spec, 'selector'));
  if (Object.keys(selector).length === 0) return undefined;
  const view = workspaceOf(subject);
  const workloads = workloadsSelectedBy(view, selector, object.namespace);
  if (workloads.length === 0 || podsMayComeFromElsewhere(view, selector, object.namespace)) return undefined;
  const exposed: ExposedPort[] = [];
  const dockerfiles: string[] = [];
  for (const workload of workloads) {
    const images = workload.images ?? [];
    if (images.length === 0) return undefined;
    for (const image of images) {
      const edge = edgeForImage(image, subject.ctx, subject.file.document.uri);
      if (edge?.strength !== 'strong' || edge.facts.exposed.length === 0) return undefined;
      exposed.push(...edge.facts.exposed);
      const name = decodeURIComponent(edge.dockerfileUri.slice(edge.dockerfileUri.lastIndexOf('/', edge.dockerfileUri.lastIndexOf('/') - 1) + 1));
      if (!dockerfiles.includes(name)) dockerfiles.push(name);
    }
  }
  return { exposed, dockerfiles };
}

export const serviceTargetPortVsExpose = perObject({
  id: 'service-target-port-vs-expose', aliases: [], severity: 'info', category: 'semantics', profile: 'recommended',
  title: { en: 'Service targetPort the image does not expose', zh: 'Service 的 targetPort 不在镜像的 EXPOSE 中' },
  docs: {
    en: 'A Service sends its traffic to `targetPort` (the `port` when unset) on the pods it selects. When the workspace says which Dockerfiles build the images those pods run, and none of them `EXPOSE`s that port, the Service most likely points at a port nobody listens on — one side was changed and the other forgotten. `EXPOSE` does not open anything, so this is information to check. Only numeric ports are judged (a named `targetPort` is checked against the container ports by `probe-port-unknown` and the schema), and only when every container of every selected workload runs an image with a stated Dockerfile link (Compose `build:` + `image:`, skaffold, Tilt, kustomize `images:` or `stevedore.images`) whose Dockerfile exposes at least one port.',
    zh: 'Service 把流量发往它所选中 Pod 的 `targetPort`（未设置时为 `port`）。若工作区能说明这些 Pod 运行的镜像由哪些 Dockerfile 构建，而其中没有一个 `EXPOSE` 了该端口，Service 很可能指向了无人监听的端口——改了一边，忘了另一边。`EXPOSE` 本身不会打开任何端口，所以这只是值得核对的信息。只判断数字端口；并且只有当每个被选中工作负载的每个容器，其镜像都有明确的 Dockerfile 关联（Compose 的 `build:` + `image:`、skaffold、Tilt、kustomize 的 `images:` 或 `stevedore.images`），且该 Dockerfile 至少暴露一个端口时才检查。',
  },
}, (object, subject, report) => {
  if (object.kind !== 'Service' || !object.builtIn || stringAt(object.spec, 'type') === 'ExternalName') return;
  const ports = mapItems(seqAt(object.spec, 'ports'));
  if (ports.length === 0) return;
  let known: ReturnType<typeof exposedBySelected> | null = null;
  for (const entry of ports) {
    const targetNode = scalarAt(entry, 'targetPort') ?? scalarAt(entry, 'port');
    const number = typeof targetNode?.value === 'number' ? targetNode.value : typeof targetNode?.value === 'string' && /^\d+$/.test(targetNode.value) ? Number(targetNode.value) : undefined;
    if (!targetNode || number === undefined) continue;
    if (known === null) known = exposedBySelected(object, subject);
    if (!known) return;
    const protocol = (stringAt(entry, 'protocol') ?? 'TCP').toLowerCase();
    if (known.exposed.some((port) => port.port === number && port.protocol === protocol)) continue;
    const list = [...new Set(known.exposed.map((port) => `${port.port}/${port.protocol}`))].join(', ');
    const files = known.dockerfiles.map((file) => `\`${file}\``).join(', ');
    report({
      range: nodeRange(subject.file, targetNode),
      message: {
        en: `${objectLabel(object)} sends traffic to ${number}/${protocol}, which the images of the pods it selects do not EXPOSE (${files}: ${list}).`,
        zh: `${objectLabel(object)} 把流量发往 ${number}/${protocol}，但它所选中 Pod 的镜像没有 EXPOSE 该端口（${files}：${list}）。`,
      },
    });
  }
});

import { nodeRange, scalarAt } from '../yamlNodes';
import { containerLabel, perContainer, runningContainers } from './containerRules';
import { ensureTree } from './edits';

export interface ImageReference {
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry:5000/team/app:1.2@sha256:…` without being fooled by the registry's port. */
export function parseImage(image: string): ImageReference {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { repository: rest, digest };
}

/** Images filled in by a tool (`$(IMAGE)`, `${TAG}`, `{{ .Values }}`, kustomize placeholders) are not judged. */
export function isPlaceholderImage(image: string): boolean {
  return /[${}<>]/.test(image) || image.trim() === '';
}

export const imageTagMutable = perContainer({
  id: 'image-tag-mutable',
  aliases: ['latest-tag'],
  kubeLinterDefault: true,
  severity: 'warning',
  category: 'best-practice',
  profile: 'recommended',
  title: { en: 'Image without a fixed tag', zh: '镜像没有固定标签' },
  docs: {
    en: 'An image with no tag, or the `latest` tag, can change under you: two nodes may run different code, and a rollback does not bring the old version back. Pin a version tag, or better a digest (`@sha256:…`).',
    zh: '没有标签或使用 `latest` 标签的镜像随时可能变化：不同节点可能运行不同的代码，回滚也无法恢复旧版本。请固定版本标签，最好使用摘要（`@sha256:…`）。',
  },
}, runningContainers, ({ container, subject, report }) => {
  const image = container.image;
  if (!image || !container.imageNode || isPlaceholderImage(image)) return;
  const ref = parseImage(image);
  if (ref.digest) return;
  if (ref.tag !== undefined && ref.tag !== 'latest' && ref.tag !== '') return;
  report({
    range: nodeRange(subject.file, container.imageNode),
    message: ref.tag === 'latest'
      ? { en: `The image \`${image}\` uses the mutable \`latest\` tag; pin a version.`, zh: `镜像 \`${image}\` 使用了可变的 \`latest\` 标签，请固定版本。` }
      : { en: `The image \`${image}\` has no tag, so \`latest\` is pulled; pin a version.`, zh: `镜像 \`${image}\` 没有标签，实际拉取的是 \`latest\`，请固定版本。` },
  });
});

export const imagePullPolicyUnset = perContainer({
  id: 'image-pull-policy-unset', fixable: true,
  aliases: [],
  severity: 'hint',
  category: 'best-practice',
  profile: 'strict',
  title: { en: 'imagePullPolicy not set', zh: '未设置 imagePullPolicy' },
  docs: {
    en: 'Without `imagePullPolicy`, Kubernetes picks `Always` for `latest` or untagged images and `IfNotPresent` otherwise — so changing a tag silently changes the pull behaviour. Stating it makes the intent explicit.',
    zh: '未设置 `imagePullPolicy` 时，Kubernetes 对 `latest` 或无标签镜像使用 `Always`，否则使用 `IfNotPresent`——改动标签会悄悄改变拉取行为。显式写出可以让意图更清楚。',
  },
}, runningContainers, ({ container, subject, report }) => {
  if (!container.image || scalarAt(container.node, 'imagePullPolicy') || isPlaceholderImage(container.image)) return;
  const ref = parseImage(container.image);
  const policy = ref.digest || (ref.tag && ref.tag !== 'latest') ? 'IfNotPresent' : 'Always';
  const edits = ensureTree(subject.file, container.node, { imagePullPolicy: policy });
  report({
    range: nodeRange(subject.file, container.imageNode ?? container.node),
    message: { en: `The ${containerLabel(container).en} does not set imagePullPolicy (defaults to ${policy}).`, zh: `${containerLabel(container).zh}未设置 imagePullPolicy（默认为 ${policy}）。` },
    fixes: edits.length ? [{ title: { en: `Set imagePullPolicy: ${policy}`, zh: `设置 imagePullPolicy: ${policy}` }, edits, safe: true }] : undefined,
  });
});

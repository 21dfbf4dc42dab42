import { Onbuild, type Argument, type Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { Rule } from '../../common/rules';
import { parseImageRef, type ImageRef } from '../imageRef';
import type { DockerfileModel } from '../model';
import { dockerfileShell, finalStageChain, isWindowsImage, stageOutlines, type StageInfo } from '../shell';
import type { DockerfileRuleSubject } from './context';
import { factsOf, flagsOf } from './facts';
import { perModel } from '../perModel';
import { commandsOf, message, parseArgs } from './shellKit';

/** Base images (tags, registries) and the user the final image runs as. */

interface BaseImage {
  stage: StageInfo;
  ref: ImageRef;
  range: Range;
}

/** FROM images that name a registry image (not a stage, not `scratch`, no build variables); read once per model. */
const baseImages = perModel((model): readonly BaseImage[] => readBaseImages(model));

function readBaseImages(model: DockerfileModel): BaseImage[] {
  const found: BaseImage[] = [];
  for (const stage of dockerfileShell(model).stages) {
    if (stage.base !== undefined || stage.image.includes('$') || stage.image.toLowerCase() === 'scratch') continue;
    const ref = parseImageRef(stage.image);
    const from = stage.from as unknown as { getImageRange(): Range | null };
    const range = from.getImageRange();
    if (ref && range) found.push({ stage, ref, range });
  }
  return found;
}

export const imageUntagged: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'image-untagged', scope: 'stage',
    aliases: ['DL3006'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Base image without a tag', '基础镜像未指定标签'),
    docs: message(
      'Without a tag Docker pulls `:latest`, which moves whenever the publisher pushes: the same Dockerfile builds a different image next month, and a major upgrade can break it silently. Name a tag (`python:3.12-slim`) or, for fully repeatable builds, a digest (`python:3.12-slim@sha256:…`). Stage names, `scratch` and images built from variables are not reported.',
      '不写标签时 Docker 会拉取 `:latest`，而它会随发布者的每次推送而变化：同一个 Dockerfile 下个月会构建出不同的镜像，一次大版本升级就可能悄无声息地破坏构建。请写明标签（`python:3.12-slim`），若要完全可重复的构建，请写摘要（`python:3.12-slim@sha256:…`）。阶段名、`scratch` 以及由变量组成的镜像不会被报告。',
    ),
  },
  check({ model }, report) {
    for (const image of baseImages(model)) {
      if (!image.ref.implicitLatest) continue;
      report({
        range: image.range,
        message: message(`\`${image.ref.original}\` has no tag, so it means \`:latest\`; pin a version.`, `\`${image.ref.original}\` 没有标签，即 \`:latest\`；请固定版本。`),
      });
    }
  },
};

export const imageLatestTag: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'image-latest-tag', scope: 'stage',
    aliases: ['DL3007'],
    severity: 'warning',
    category: 'best-practice',
    profile: 'recommended',
    title: message('Base image tagged latest', '基础镜像使用 latest 标签'),
    docs: message(
      '`latest` is just the tag a publisher moved most recently; it says nothing about the version. Builds stop being repeatable and a new major version can arrive unannounced. Use a release tag, and add a digest if you need the exact same bytes. An image pinned by digest is not reported.',
      '`latest` 只是发布者最近一次移动的标签，并不代表任何具体版本。构建将不可重复，新的大版本也可能不打招呼就到来。请使用发布版本的标签；如需完全相同的内容，再加上摘要。已用摘要固定的镜像不会被报告。',
    ),
  },
  check({ model }, report) {
    for (const image of baseImages(model)) {
      if (image.ref.tag !== 'latest' || image.ref.digest) continue;
      report({
        range: image.range,
        message: message(`\`${image.ref.original}\` follows a moving tag; pin a release version.`, `\`${image.ref.original}\` 使用的是会移动的标签；请固定发布版本。`),
      });
    }
  },
};

/** `docker.io`, `*.example.com` and `registry:5000` style entries of `trustedRegistries`. */
export function registryAllowed(registry: string, trusted: readonly string[]): boolean {
  const host = registry.toLowerCase();
  return trusted.some((entry) => {
    const pattern = entry.toLowerCase().trim();
    if (pattern === host) return true;
    if ((pattern === 'docker.io' || pattern === 'hub.docker.com' || pattern === 'index.docker.io') && host === 'docker.io') return true;
    if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
    return pattern === '*';
  });
}

/**
 * `COPY --from=<image>` and `RUN --mount=…,from=<image>` pull an image just as FROM does: the
 * references that name no stage (nor a stage number) and hold no build variable.
 */
function imagesCopiedOrMounted(model: DockerfileModel): { ref: ImageRef; range: Range }[] {
  const found: { ref: ImageRef; range: Range }[] = [];
  const add = (written: string, range: Range) => {
    const text = written.replace(/^(["'])(.*)\1$/, '$2');
    if (/^\d+$/.test(text) || text.includes('$') || text.toLowerCase() === 'scratch') return;
    const ref = parseImageRef(text);
    if (ref) found.push({ ref, range });
  };
  const facts = factsOf(model);
  for (const reference of facts.stageReferences) {
    if (reference.kind !== 'from' && !reference.target) add(reference.text, reference.range);
  }
  // An ONBUILD COPY/RUN pulls its image in every build FROM this one. Its stage names belong to that
  // build, unknown here: only references that cannot be a stage name (a path, tag or digest) count.
  for (const onbuild of facts.instructionsWith('ONBUILD')) {
    for (const { text, range } of onbuildImageReferences(onbuild)) if (/[/:@]/.test(text)) add(text, range);
  }
  return found;
}

/** The `--from=` of an `ONBUILD COPY` and the `from=` of an `ONBUILD RUN --mount`, as written. */
function onbuildImageReferences(instruction: Instruction): { text: string; range: Range }[] {
  if (!(instruction instanceof Onbuild)) return [];
  const keyword = instruction.getTrigger();
  if (keyword !== 'COPY' && keyword !== 'RUN') return [];
  let trigger: Instruction | null;
  try {
    trigger = instruction.getTriggerInstruction();
  } catch {
    return [];
  }
  const references: { text: string; range: Range }[] = [];
  for (const flag of trigger ? flagsOf(trigger) : []) {
    if (keyword === 'COPY' && flag.getName() === 'from') {
      const text = flag.getValue();
      const range = flag.getValueRange();
      if (text && range) references.push({ text, range });
    } else if (keyword === 'RUN' && flag.getName() === 'mount') {
      for (const option of flag.getOptions()) {
        const text = option.getValue();
        const range = option.getValueRange();
        if (option.getName() === 'from' && text && range) references.push({ text, range });
      }
    }
  }
  return references;
}

export const untrustedRegistry: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'untrusted-registry', scope: 'file',
    aliases: ['DL3026'],
    severity: 'error',
    category: 'security',
    profile: 'recommended',
    title: message('Image from a registry that is not trusted', '镜像来自未受信任的镜像仓库'),
    docs: message(
      'Active only when `trustedRegistries` is set in `.hadolint.yaml` (e.g. `trustedRegistries: [docker.io, "*.corp.example"]`). Every image the build pulls must then come from one of those registries: FROM images, `COPY --from=<image>` and `RUN --mount=…,from=<image>` (stage names and numbers are not images). Docker Hub images without a registry count as `docker.io`. This keeps builds from pulling images from places your organisation has not vetted.',
      '仅当 `.hadolint.yaml` 中设置了 `trustedRegistries`（例如 `trustedRegistries: [docker.io, "*.corp.example"]`）时生效。此时构建拉取的每个镜像都必须来自所列的镜像仓库之一：FROM 镜像、`COPY --from=<镜像>` 以及 `RUN --mount=…,from=<镜像>`（阶段名和阶段序号不算镜像）。未写仓库地址的 Docker Hub 镜像视为 `docker.io`。这样可以避免构建从组织未审核的地方拉取镜像。',
    ),
  },
  check({ model, config }, report) {
    const trusted = config?.trustedRegistries ?? [];
    if (trusted.length === 0) return;
    const images: { ref: ImageRef; range: Range }[] = [...baseImages(model), ...imagesCopiedOrMounted(model)];
    for (const image of images) {
      if (registryAllowed(image.ref.effectiveRegistry, trusted)) continue;
      report({
        range: image.range,
        message: message(`Registry \`${image.ref.effectiveRegistry}\` is not in trustedRegistries (${trusted.join(', ')}).`, `镜像仓库 \`${image.ref.effectiveRegistry}\` 不在 trustedRegistries（${trusted.join('、')}）中。`),
      });
    }
  },
};

/** The user argument of the USER in effect at the end of the final stage (its base stages included). */
function finalUser(model: DockerfileModel): Argument | undefined {
  // The stages as dockerfileShell delimits them, from their FROM lines alone (stageOutlines).
  const instructions = model.ast.getInstructions();
  const stages = stageOutlines(model);
  const lastUserIn = (first: number, end: number): Argument | undefined => {
    for (let i = end - 1; i >= first; i--) if (instructions[i].getKeyword() === 'USER') return instructions[i].getArguments()[0];
    return undefined;
  };
  // A fragment with no FROM at all (linted on its own, or meant to be pasted): its instructions are the image.
  if (stages.length === 0) return lastUserIn(0, instructions.length);
  for (const s of finalStageChain(stages)) {
    const user = lastUserIn(stages[s].fromIndex, stages[s + 1]?.fromIndex ?? instructions.length);
    if (user) return user;
  }
  return undefined;
}

function isRootUser(value: string): boolean {
  const user = value.split(':')[0].trim();
  return user === 'root' || user === '0';
}

export const lastUserRoot: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'last-user-root', scope: 'file',
    aliases: ['DL3002'],
    severity: 'warning',
    category: 'security',
    profile: 'recommended',
    title: message('Final image runs as root', '最终镜像以 root 身份运行'),
    docs: message(
      'The last `USER` of the final stage decides who the container runs as. Switching to root for installation steps is fine, but switch back to an unprivileged user afterwards: a process that is compromised as root inside a container is much closer to the host. Create a user (`useradd -r -u 10001 app`) and end with `USER app` (or a numeric UID).',
      '最终阶段的最后一个 `USER` 决定容器以谁的身份运行。安装步骤中切换到 root 没有问题，但之后请切回非特权用户：以 root 身份被攻破的容器内进程离宿主机要近得多。请创建一个用户（`useradd -r -u 10001 app`），并以 `USER app`（或数字 UID）结束。',
    ),
    differences: message(
      "hadolint (DL3002) also reports a stage that ends as root when a later stage switches user; only the final image's user is reported here, since a builder stage running as root never reaches a container.",
      'hadolint（DL3002）还会报告以 root 结束、但后续阶段已切换用户的阶段；这里只报告最终镜像的用户，因为以 root 运行的构建阶段永远不会成为容器。',
    ),
  },
  check({ model }, report) {
    const value = finalUser(model);
    if (!value || !isRootUser(value.getValue())) return;
    report({
      range: value.getRange(),
      message: message('The image ends as root; switch to an unprivileged user with a final `USER`.', '镜像最终以 root 身份运行；请用最后一个 `USER` 切换到非特权用户。'),
    });
  },
};

/** UIDs given to named users by `useradd -u`/`adduser --uid` earlier in the file. */
function declaredUids(model: DockerfileModel): Map<string, string> {
  const uids = new Map<string, string>();
  for (const { command } of commandsOf(model, new Set(['useradd', 'adduser']))) {
    const parsed = parseArgs(command.args, { shortWithValue: 'cdefgGkKpsubZRhH', longWithValue: ['comment', 'home-dir', 'home', 'expiredate', 'inactive', 'gid', 'ingroup', 'groups', 'skel', 'key', 'password', 'shell', 'uid', 'base-dir', 'root', 'prefix', 'gecos'] });
    const uid = parsed.values('-u').concat(parsed.values('--uid'))[0];
    const name = parsed.positionals[0];
    if (uid && /^\d+$/.test(uid) && name && !name.dynamic) uids.set(name.text, uid);
  }
  return uids;
}

/** Windows containers name their users (`ContainerUser`, `ContainerAdministrator`): there is no UID to give. */
function windowsFinalImage(model: DockerfileModel): boolean {
  const stages = stageOutlines(model);
  const first = finalStageChain(stages).pop();
  return first !== undefined && isWindowsImage(stages[first].image);
}

export const userNonNumeric: Rule<DockerfileRuleSubject> = {
  meta: {
    id: 'user-non-numeric', scope: 'file', fixable: true,
    aliases: ['DL3066'],
    severity: 'info',
    category: 'security',
    profile: 'recommended',
    title: message('Final USER is a name, not a numeric UID', '最终的 USER 是用户名而不是数字 UID'),
    docs: message(
      'A user name only means something inside the image\'s `/etc/passwd`. Platforms that check who a container runs as cannot resolve it: Kubernetes `runAsNonRoot: true` refuses to start a container whose image user is a name ("cannot verify user is non-root"). End with a numeric user, e.g. `USER 10001:10001`. When the file creates the user with `useradd -u`, the quick fix puts in that UID.\n\nWindows images (`mcr.microsoft.com/windows/…`, `servercore`, `nanoserver`) are not reported: their users have names, not UIDs.',
      '用户名只在镜像自己的 `/etc/passwd` 中有意义，需要检查容器运行身份的平台无法解析它：设置了 `runAsNonRoot: true` 的 Kubernetes 会拒绝启动镜像用户为用户名的容器（“cannot verify user is non-root”）。请以数字用户结束，例如 `USER 10001:10001`。若文件中用 `useradd -u` 创建了该用户，快速修复会填入对应的 UID。\n\nWindows 镜像（`mcr.microsoft.com/windows/…`、`servercore`、`nanoserver`）不会被报告：其用户只有名称，没有 UID。',
    ),
    differences: message(
      "hadolint (DL3066) reports every non-numeric USER, in every stage. Only the final image's user is reported here (`root` is left to last-user-root), and Windows images are not, since their users have no UID.",
      'hadolint（DL3066）会报告每个阶段中的每个非数字 USER。这里只报告最终镜像的用户（`root` 交给 last-user-root 处理），并且不报告 Windows 镜像，因为它们的用户没有 UID。',
    ),
  },
  check({ model }, report) {
    const value = finalUser(model);
    if (!value || windowsFinalImage(model)) return;
    const [user, group] = value.getValue().split(':');
    if (/^\d+$/.test(user) || user.includes('$') || isRootUser(user)) return;
    const uid = declaredUids(model).get(user);
    report({
      range: value.getRange(),
      message: message(`User \`${user}\` is a name; give the numeric UID so platforms can verify it is not root.`, `用户 \`${user}\` 是用户名；请给出数字 UID，以便平台确认它不是 root。`),
      fixes: uid && (group === undefined || /^\d+$/.test(group)) ? [{
        title: message(`Use UID ${uid}`, `使用 UID ${uid}`),
        edits: [{ range: value.getRange(), newText: group === undefined ? uid : `${uid}:${group}` }],
        safe: false,
      }] : undefined,
    });
  },
};

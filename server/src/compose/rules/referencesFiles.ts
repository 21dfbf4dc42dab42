import { closest } from '../../common/didYouMean';
import { at, textOf, type Merged } from '../merge';
import { directoryOf } from '../../common/paths';
import { isLocalPath, readSource, resolvePath } from '../project';
import { namesInFile } from '../references';
import { siteRange } from '../references';
import type { ComposeRule } from './context';
import { buildPathsOf, dockerfileStages, isCurrent, pathValue, rangeOf, referenceView, serviceOf, stageHealthcheck, type ReferenceView } from './referencesKit';

/**
 * Files a Compose application points at: the build context folder, the Dockerfile and its stages
 * (`build.target`, HEALTHCHECK), `env_file`s. They are looked up through the front's reader, only
 * inside the workspace folder or repository; without a reader (a file outside any folder, a
 * virtual file) nothing is reported. Values that need a variable the `.env` does not set are not
 * judged.
 */

type FileKind = 'file' | 'directory' | 'missing' | undefined;

function kindOf(subjectFiles: { kindOf(path: string): FileKind } | undefined, path: string): FileKind {
  return subjectFiles?.kindOf(path);
}

/** Merged services with their names, in order. */
function services(view: ReferenceView): [string, Merged][] {
  return [...(view.services?.entries ?? [])].flatMap(([name, entry]) => (entry.value ? [[name, entry.value] as [string, Merged]] : []));
}

export const composeBuildContextMissing: ComposeRule = {
  meta: {
    id: 'compose-build-context-missing',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Build context folder does not exist', zh: '构建上下文目录不存在' },
    docs: {
      en: '`build` (or `build.context`) names a folder that does not exist, relative to the project folder (the folder of the first Compose file; for an included file, its own folder). `docker compose build` fails with "unable to prepare context". Correct the path. Git URLs and other remote contexts are not checked.',
      zh: '`build`（或 `build.context`）指向的目录不存在。路径相对于项目目录（第一个 Compose 文件所在的目录；被 include 的文件相对于它自己的目录）。`docker compose build` 会报 “unable to prepare context” 并失败。请改正路径。Git 地址等远程上下文不检查。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const files = subject.ctx.project?.files;
    if (!files) return;
    for (const [name, service] of services(view)) {
      const paths = buildPathsOf(view, service);
      if (!paths?.context || !paths.contextNode || !isCurrent(view, paths.contextNode)) continue;
      const kind = kindOf(files, paths.context);
      if (kind === 'directory' || kind === undefined) continue;
      report({
        range: rangeOf(paths.contextNode),
        message: kind === 'file'
          ? { en: `The build context of \`${name}\` is a file, not a folder: \`${textOf(paths.contextNode)}\`.`, zh: `\`${name}\` 的构建上下文是一个文件而不是目录：\`${textOf(paths.contextNode)}\`。` }
          : { en: `The build context of \`${name}\` does not exist: \`${textOf(paths.contextNode)}\`.`, zh: `\`${name}\` 的构建上下文不存在：\`${textOf(paths.contextNode)}\`。` },
      });
    }
  },
};

export const composeDockerfileMissing: ComposeRule = {
  meta: {
    id: 'compose-dockerfile-missing',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Dockerfile not found in the build context', zh: '构建上下文中找不到 Dockerfile' },
    docs: {
      en: 'The Dockerfile a service builds from does not exist: `build.dockerfile` is read relative to the build context (not to the Compose file), and without it Compose looks for `Dockerfile` in the context. The build fails before it starts. Correct `build.dockerfile`, or the context.',
      zh: '服务要构建的 Dockerfile 不存在：`build.dockerfile` 相对于构建上下文（而不是 Compose 文件）解析；没有写它时，Compose 在上下文中找 `Dockerfile`。构建会在开始前失败。请改正 `build.dockerfile` 或构建上下文。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const files = subject.ctx.project?.files;
    if (!files) return;
    for (const [name, service] of services(view)) {
      const paths = buildPathsOf(view, service);
      if (!paths?.dockerfile || !paths.context || paths.inline) continue;
      const where = paths.dockerfileNode ?? paths.contextNode ?? paths.build;
      if (!isCurrent(view, where)) continue;
      if (kindOf(files, paths.context) !== 'directory') continue;
      if (kindOf(files, paths.dockerfile) !== 'missing') continue;
      const written = paths.dockerfileNode ? textOf(paths.dockerfileNode) ?? 'Dockerfile' : 'Dockerfile';
      report({
        range: rangeOf(where),
        message: {
          en: `\`${name}\` builds from \`${written}\`, which is not in its build context \`${textOf(paths.contextNode) ?? '.'}\`.`,
          zh: `\`${name}\` 要用 \`${written}\` 构建，但它不在构建上下文 \`${textOf(paths.contextNode) ?? '.'}\` 中。`,
        },
      });
    }
  },
};

export const composeBuildTargetUnknown: ComposeRule = {
  meta: {
    id: 'compose-build-target-unknown',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: '`build.target` is not a stage of the Dockerfile', zh: '`build.target` 不是 Dockerfile 中的阶段' },
    docs: {
      en: '`build.target` must be the name of a stage of the Dockerfile (`FROM … AS name`). When it is not, the build stops with "target stage could not be found". Checked when the Dockerfile is in the workspace.',
      zh: '`build.target` 必须是 Dockerfile 中某个阶段的名字（`FROM … AS name`）。否则构建会报 “target stage could not be found” 并停止。Dockerfile 在工作区中时才检查。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const files = subject.ctx.project?.files;
    if (!files) return;
    for (const [name, service] of services(view)) {
      const targetNode = at(service, 'build', 'target');
      if (!targetNode || !isCurrent(view, targetNode)) continue;
      const target = pathValue(view, targetNode);
      const paths = buildPathsOf(view, service);
      if (!target || !paths?.dockerfile) continue;
      const text = files.readText(paths.dockerfile);
      if (text === undefined) continue;
      const stages = dockerfileStages(text).flatMap((stage) => stage.name ?? []);
      if (stages.includes(target.toLowerCase())) continue;
      const suggestion = closest(target, stages);
      report({
        range: rangeOf(targetNode),
        message: {
          en: `\`${target}\` is not a stage of the Dockerfile of \`${name}\`${stages.length > 0 ? ` (stages: ${stages.map((s) => `\`${s}\``).join(', ')})` : ', which names no stage'}.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
          zh: `\`${target}\` 不是 \`${name}\` 的 Dockerfile 中的阶段${stages.length > 0 ? `（已有阶段：${stages.map((s) => `\`${s}\``).join('、')}）` : '，该文件没有命名任何阶段'}。${suggestion ? `是不是 \`${suggestion}\`？` : ''}`,
        },
      });
    }
  },
};

/** Whether a service's compose settings define a working healthcheck (following `extends` in the application). */
function composeHealthcheck(view: ReferenceView, service: Merged | undefined, depth = 0): 'check' | 'none' | 'absent' {
  const healthcheck = at(service, 'healthcheck');
  if (healthcheck?.kind === 'map') {
    if (textOf(at(healthcheck, 'disable')) === 'true') return 'none';
    const test = at(healthcheck, 'test');
    const first = test?.kind === 'seq' ? textOf(test.items[0]) : textOf(test);
    if (first?.toUpperCase() === 'NONE') return 'none';
    if (test) return 'check';
  }
  const parent = at(service, 'extends');
  const parentName = parent?.kind === 'scalar' ? textOf(parent) : parent?.kind === 'map' && !at(parent, 'file') ? textOf(at(parent, 'service')) : undefined;
  if (parentName && depth < 10) {
    const inherited = composeHealthcheck(view, serviceOf(view, parentName), depth + 1);
    // A healthcheck map without `test` (only timings) still needs the test from the parent or the image.
    if (inherited !== 'absent') return inherited;
  }
  if (parent?.kind === 'map' && at(parent, 'file')) return 'check'; // defined in another file: unknown, assume fine
  return 'absent';
}

export const composeHealthyWithoutHealthcheck: ComposeRule = {
  meta: {
    id: 'compose-healthy-without-healthcheck',
    aliases: [],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: '`service_healthy` on a service with no healthcheck', zh: '对没有健康检查的服务使用 `service_healthy`' },
    docs: {
      en: '`depends_on` with `condition: service_healthy` waits until the dependency reports healthy, which needs a healthcheck: a `healthcheck:` in Compose, or a `HEALTHCHECK` in the image. Without one, `docker compose up` fails with "has no healthcheck configured". Stevedore looks in the Compose files and, for a service built here, in its Dockerfile (the target stage and the stages it starts from). For a service that only names an image, the image may still define one: check it, or add a `healthcheck:`.',
      zh: '带 `condition: service_healthy` 的 `depends_on` 会一直等到被依赖的服务报告健康，这需要健康检查：Compose 中的 `healthcheck:`，或镜像里的 `HEALTHCHECK`。两者都没有时，`docker compose up` 会报 “has no healthcheck configured” 并失败。Stevedore 会查看 Compose 文件，以及本地构建的服务的 Dockerfile（目标阶段和它所基于的阶段）。只写了 `image` 的服务，镜像本身可能定义了健康检查：请确认，或加上 `healthcheck:`。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const files = subject.ctx.project?.files;
    for (const ref of view.names.references) {
      if (ref.kind !== 'depends_on') continue;
      const options = at(at(serviceOf(view, ref.service), 'depends_on'), ref.name);
      if (textOf(at(options, 'condition')) !== 'service_healthy') continue;
      const dependency = serviceOf(view, ref.name);
      if (!dependency) continue;
      const own = composeHealthcheck(view, dependency);
      if (own === 'check') continue;
      if (own === 'none') {
        report({ range: siteRange(ref), message: { en: `\`${ref.name}\` switches its healthcheck off, so \`${ref.service}\` would wait for \`service_healthy\` in vain.`, zh: `\`${ref.name}\` 关闭了健康检查，\`${ref.service}\` 等待 \`service_healthy\` 将永远等不到。` } });
        continue;
      }
      const paths = buildPathsOf(view, dependency);
      if (paths && !paths.inline) {
        const text = paths.dockerfile === undefined ? undefined : files?.readText(paths.dockerfile);
        if (text === undefined) continue; // built from a Dockerfile we cannot read: unknown
        const stages = dockerfileStages(text);
        const target = pathValue(view, at(paths.build, 'target'))?.toLowerCase();
        const index = target ? stages.findIndex((stage) => stage.name === target) : stages.length - 1;
        const image = stageHealthcheck(stages, index);
        if (image === 'check') continue;
        if (image === 'unknown' && stages[index] && !isKnownWithoutHealthcheck(stages[index].base)) continue;
        report({
          range: siteRange(ref),
          message: { en: `\`${ref.service}\` waits for \`${ref.name}\` to be healthy, but neither its Compose settings nor its Dockerfile define a healthcheck.`, zh: `\`${ref.service}\` 等待 \`${ref.name}\` 变为健康，但它的 Compose 设置和 Dockerfile 都没有定义健康检查。` },
        });
        continue;
      }
      const image = textOf(at(dependency, 'image'));
      report({
        range: siteRange(ref),
        message: {
          en: `\`${ref.service}\` waits for \`${ref.name}\` to be healthy, but \`${ref.name}\` has no \`healthcheck\`${image ? ` (unless the image \`${image}\` defines one)` : ''}.`,
          zh: `\`${ref.service}\` 等待 \`${ref.name}\` 变为健康，但 \`${ref.name}\` 没有 \`healthcheck\`${image ? `（除非镜像 \`${image}\` 自带）` : ''}。`,
        },
      });
    }
  },
};

/**
 * Base images of a Dockerfile stage: the common language and OS images ship no HEALTHCHECK, so a
 * stage on them without its own has none; any other image may bring one (unknown, not reported).
 */
function isKnownWithoutHealthcheck(base: string): boolean {
  const name = base.toLowerCase().replace(/^docker\.io\//, '').replace(/^library\//, '').split(/[:@]/)[0];
  return /^(?:scratch|alpine|debian|ubuntu|busybox|centos|fedora|rockylinux|almalinux|amazonlinux|node|python|golang|rust|ruby|php|openjdk|eclipse-temurin|amazoncorretto|maven|gradle|mcr\.microsoft\.com\/dotnet\/(?:sdk|aspnet|runtime)|nginx|httpd|gcr\.io\/distroless\/[a-z0-9-]+)$/.test(name);
}

export const composeEnvFileMissing: ComposeRule = {
  meta: {
    id: 'compose-env-file-missing',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: '`env_file` does not exist', zh: '`env_file` 文件不存在' },
    docs: {
      en: 'A service reads its environment from a file that does not exist (relative to the project folder). Compose stops with "env file … not found". Create the file, correct the path, or, when the file is optional, use the long form with `required: false`.',
      zh: '服务要从一个不存在的文件读取环境变量（路径相对于项目目录）。Compose 会报 “env file … not found” 并停止。请创建该文件、改正路径；如果这个文件是可选的，请改用长格式并写 `required: false`。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const files = subject.ctx.project?.files;
    if (!files) return;
    for (const [name, service] of services(view)) {
      const envFile = at(service, 'env_file');
      const items = envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : [];
      for (const item of items) {
        const pathNode = item.kind === 'map' ? at(item, 'path') : item;
        if (!pathNode || !isCurrent(view, pathNode)) continue;
        if (item.kind === 'map' && textOf(at(item, 'required')) === 'false') continue;
        const path = pathValue(view, pathNode);
        if (!path || !isLocalPath(path)) continue;
        const absolute = resolvePath(pathNode.source.projectDir, path);
        const kind = kindOf(files, absolute);
        if (kind === 'file' || kind === undefined) continue;
        report({
          range: rangeOf(pathNode),
          message: { en: `The env file \`${path}\` of \`${name}\` does not exist.`, zh: `\`${name}\` 的 env 文件 \`${path}\` 不存在。` },
        });
      }
    }
  },
};

export const composeExtendsFileMissing: ComposeRule = {
  meta: {
    id: 'compose-extends-file-missing',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: '`extends` names a file or service that does not exist', zh: '`extends` 指向的文件或服务不存在' },
    docs: {
      en: '`extends: {file: …, service: …}` copies a service from another Compose file. When the file does not exist (relative to this file\'s project folder), or does not define that service, Compose stops before anything starts. Correct the path or the service name.',
      zh: '`extends: {file: …, service: …}` 会从另一个 Compose 文件复制一个服务的设置。如果这个文件不存在（相对于本文件的项目目录），或者其中没有这个服务，Compose 会在启动任何东西之前停止。请改正路径或服务名。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const files = subject.ctx.project?.files;
    if (!files) return;
    for (const [name, service] of services(view)) {
      const extendsValue = at(service, 'extends');
      const fileNode = at(extendsValue, 'file');
      if (!fileNode || !isCurrent(view, fileNode)) continue;
      const path = pathValue(view, fileNode);
      if (!path || !isLocalPath(path)) continue;
      const absolute = resolvePath(fileNode.source.projectDir, path);
      const kind = kindOf(files, absolute);
      if (kind === undefined || kind === 'directory') continue;
      if (kind === 'missing') {
        report({ range: rangeOf(fileNode), message: { en: `\`${name}\` extends a service of \`${path}\`, which does not exist.`, zh: `\`${name}\` 扩展自 \`${path}\` 中的服务，但这个文件不存在。` } });
        continue;
      }
      const serviceNode = at(extendsValue, 'service');
      const wanted = pathValue(view, serviceNode);
      const other = readSource(files, absolute, directoryOf(absolute));
      if (!serviceNode || !wanted || !other) continue;
      const declared = namesInFile(other).declarations.filter((d) => d.section === 'services').map((d) => d.name);
      if (declared.includes(wanted)) continue;
      const suggestion = closest(wanted, declared);
      report({
        range: rangeOf(serviceNode),
        message: {
          en: `\`${path}\` has no service \`${wanted}\`.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
          zh: `\`${path}\` 中没有服务 \`${wanted}\`。${suggestion ? `是不是 \`${suggestion}\`？` : ''}`,
        },
      });
    }
  },
};

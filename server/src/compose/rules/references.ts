import type { TextEdit } from 'vscode-languageserver-types';
import { closest } from '../../common/didYouMean';
import type { Localized } from '../../common/localized';
import type { RuleMeta } from '../../common/rules';
import { at, positionIn, textOf } from '../merge';
import { siteRange, type Reference, type Section } from '../references';
import type { ComposeRule, ComposeRuleSubject } from './context';
import { profilesOf, referenceView, serviceOf, type ReferenceView } from './referencesKit';

/**
 * Names that must be declared: a service's networks, named volumes, configs and secrets need an
 * entry under the top-level key of the same name, and a service named in `depends_on`, `links`,
 * `extends`, `service:` modes or `volumes_from` must exist. Compose refuses the application
 * otherwise ("refers to undefined network"). All of it is judged on the whole application: the
 * override files merged, the included files added; when an included file cannot be read (remote,
 * outside the workspace, a path from an unset variable) nothing is called undeclared.
 */

interface ResourceRule {
  section: Exclude<Section, 'services'>;
  id: string;
  noun: Localized;
  docs: Localized;
  /** Declaring an empty entry is valid for networks and volumes; configs and secrets need a source. */
  fixable: boolean;
}

const resourceRules: ResourceRule[] = [
  {
    section: 'networks', id: 'compose-undeclared-network', noun: { en: 'network', zh: '网络' }, fixable: true,
    docs: {
      en: 'A service joins a network that no top-level `networks:` entry declares. Compose stops with "refers to undefined network" before it creates anything. Declare the network at the top level (an empty entry gives a bridge network of the project), or correct the name. `default` needs no declaration.',
      zh: '服务加入了一个顶层 `networks:` 中没有声明的网络，Compose 会在创建任何资源之前报 “refers to undefined network” 并停止。请在顶层声明这个网络（写一个空条目就会得到项目自己的 bridge 网络），或者改正名字。`default` 网络不需要声明。',
    },
  },
  {
    section: 'volumes', id: 'compose-undeclared-volume', noun: { en: 'volume', zh: '卷' }, fixable: true,
    docs: {
      en: 'A service mounts a named volume (`name:/path`, or `type: volume` with `source: name`) that the top-level `volumes:` does not declare. Compose refuses the file ("refers to undefined volume"). Declare it at the top level, or write a path (`./name:/path`) if a folder of the host was meant.',
      zh: '服务挂载了一个命名卷（`name:/path`，或 `type: volume` 加 `source: name`），但顶层 `volumes:` 中没有声明它，Compose 会拒绝这个文件（“refers to undefined volume”）。请在顶层声明它；如果本意是挂载主机上的目录，请写成路径（`./name:/path`）。',
    },
  },
  {
    section: 'configs', id: 'compose-undeclared-config', noun: { en: 'config', zh: '配置' }, fixable: false,
    docs: {
      en: 'A service uses a config that the top-level `configs:` does not declare. Compose refuses the file. Declare it with its source (`file:`, `environment:`, `content:` or `external: true`).',
      zh: '服务使用了一个顶层 `configs:` 中没有声明的配置，Compose 会拒绝这个文件。请在顶层声明它并写明来源（`file:`、`environment:`、`content:` 或 `external: true`）。',
    },
  },
  {
    section: 'secrets', id: 'compose-undeclared-secret', noun: { en: 'secret', zh: '密钥' }, fixable: false,
    docs: {
      en: 'A service (or its `build`) uses a secret that the top-level `secrets:` does not declare. Compose refuses the file. Declare it with its source (`file:`, `environment:` or `external: true`).',
      zh: '服务（或它的 `build`）使用了一个顶层 `secrets:` 中没有声明的密钥，Compose 会拒绝这个文件。请在顶层声明它并写明来源（`file:`、`environment:` 或 `external: true`）。',
    },
  },
];

/** The insertion that declares `name` under the top-level `section` of the file being checked. */
function declareEdit(view: ReferenceView, section: Section, name: string): TextEdit {
  const source = view.project.current;
  const text = source.text;
  const root = source.yaml.contents as { items?: { key: { value?: unknown; range?: [number, number, number] }; value: unknown }[] } | null;
  const pair = root?.items?.find((item) => item.key?.value === section);
  const map = pair?.value as { items?: { key: { range?: [number, number, number] } }[]; range?: [number, number, number]; flow?: boolean } | null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const key = /^[A-Za-z0-9_.-]+$/.test(name) ? name : JSON.stringify(name);
  if (map && Array.isArray(map.items) && map.items.length > 0 && !map.flow && map.range) {
    const first = map.items[0].key.range![0];
    const indent = positionIn(source, first).character;
    // After the section's last line (its range ends where the next top-level key starts, or at the end).
    let end = map.range[1];
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const lineEnd = text.indexOf('\n', end);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const prefix = lineEnd < 0 ? eol : '';
    return { range: { start: positionIn(source, at), end: positionIn(source, at) }, newText: `${prefix}${' '.repeat(indent)}${key}: {}${eol}` };
  }
  if (pair && (map === null || map === undefined)) {
    // `networks:` with nothing under it yet.
    const keyEnd = pair.key.range![1];
    const lineEnd = text.indexOf('\n', keyEnd);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    return { range: { start: positionIn(source, at), end: positionIn(source, at) }, newText: `${lineEnd < 0 ? eol : ''}  ${key}: {}${eol}` };
  }
  const end = text.length;
  const needsBreak = end > 0 && !text.endsWith('\n');
  return { range: { start: positionIn(source, end), end: positionIn(source, end) }, newText: `${needsBreak ? eol : ''}${section}:${eol}  ${key}: {}${eol}` };
}

function undeclaredResourceRule(spec: ResourceRule): ComposeRule {
  const meta: RuleMeta = {
    id: spec.id,
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    fixable: spec.fixable,
    title: { en: `Undeclared ${spec.noun.en}`, zh: `未声明的${spec.noun.zh}` },
    docs: spec.docs,
  };
  return {
    meta,
    check(subject: ComposeRuleSubject, report) {
      const view = referenceView(subject);
      if (view.project.incomplete) return;
      const declared = view.declared.get(spec.section)!;
      for (const ref of view.names.references) {
        if (ref.section !== spec.section || declared.has(ref.name)) continue;
        if (spec.section === 'networks' && ref.name === 'default') continue;
        const suggestion = closest(ref.name, declared.keys());
        const hint: Localized = suggestion ? { en: ` Did you mean \`${suggestion}\`?`, zh: `是不是 \`${suggestion}\`？` } : { en: '', zh: '' };
        report({
          range: siteRange(ref),
          message: {
            en: `Service \`${ref.service}\` uses the ${spec.noun.en} \`${ref.name}\`, which is not declared under the top-level \`${spec.section}\`.${hint.en}`,
            zh: `服务 \`${ref.service}\` 使用的${spec.noun.zh} \`${ref.name}\` 没有在顶层 \`${spec.section}\` 中声明。${hint.zh}`,
          },
          fixes: spec.fixable
            ? [{ title: { en: `Declare the ${spec.noun.en} \`${ref.name}\` under \`${spec.section}\``, zh: `在 \`${spec.section}\` 中声明${spec.noun.zh} \`${ref.name}\`` }, edits: [declareEdit(view, spec.section, ref.name)] }]
            : undefined,
        });
      }
    },
  };
}

export const composeUndeclaredNetwork = undeclaredResourceRule(resourceRules[0]);
export const composeUndeclaredVolume = undeclaredResourceRule(resourceRules[1]);
export const composeUndeclaredConfig = undeclaredResourceRule(resourceRules[2]);
export const composeUndeclaredSecret = undeclaredResourceRule(resourceRules[3]);

const referenceWords: Record<Reference['kind'], Localized> = {
  depends_on: { en: 'depends on', zh: '依赖' },
  links: { en: 'links to', zh: '链接到' },
  extends: { en: 'extends', zh: '扩展自' },
  network_mode: { en: 'shares the network of', zh: '共用网络栈于' },
  pid: { en: 'shares the process namespace of', zh: '共用进程命名空间于' },
  ipc: { en: 'shares the IPC namespace of', zh: '共用 IPC 命名空间于' },
  volumes_from: { en: 'mounts the volumes of', zh: '挂载卷自' },
  additional_contexts: { en: 'builds with the image of', zh: '构建时使用镜像自' },
  'service-networks': { en: 'joins', zh: '加入' },
  'service-volumes': { en: 'mounts', zh: '挂载' },
  'service-configs': { en: 'uses', zh: '使用' },
  'service-secrets': { en: 'uses', zh: '使用' },
  'build-secrets': { en: 'uses', zh: '使用' },
};

export const composeUndeclaredService: ComposeRule = {
  meta: {
    id: 'compose-undeclared-service',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Reference to a service that does not exist', zh: '引用了不存在的服务' },
    docs: {
      en: 'A service names another service (`depends_on`, `links`, `extends`, `network_mode`/`pid`/`ipc: service:…`, `volumes_from`, `build.additional_contexts: service:…`) that the application does not define, neither in this file, its override files nor its included files. Compose refuses to start ("depends on undefined service"). Correct the name or add the service. A `depends_on` entry with `required: false` may name a missing service.',
      zh: '某个服务引用了应用中不存在的服务（`depends_on`、`links`、`extends`、`network_mode`/`pid`/`ipc: service:…`、`volumes_from`、`build.additional_contexts: service:…`），在本文件、覆盖文件和 include 的文件里都找不到。Compose 会拒绝启动（“depends on undefined service”）。请改正名字或补上这个服务。带 `required: false` 的 `depends_on` 条目可以指向不存在的服务。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    if (view.project.incomplete) return;
    const declared = view.declared.get('services')!;
    for (const ref of view.names.references) {
      if (ref.section !== 'services' || declared.has(ref.name) || ref.optional) continue;
      const suggestion = closest(ref.name, declared.keys());
      report({
        range: siteRange(ref),
        message: {
          en: `Service \`${ref.service}\` ${referenceWords[ref.kind].en} \`${ref.name}\`, which is not a service of this application.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
          zh: `服务 \`${ref.service}\` ${referenceWords[ref.kind].zh} \`${ref.name}\`，但应用中没有这个服务。${suggestion ? `是不是 \`${suggestion}\`？` : ''}`,
        },
      });
    }
  },
};

/** `depends_on` edges of the merged application: service → dependencies. */
function dependencyGraph(view: ReferenceView): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [name, entry] of view.services?.entries ?? []) {
    const deps = at(entry.value, 'depends_on');
    const names = deps?.kind === 'seq' ? deps.items.flatMap((item) => textOf(item) ?? []) : deps?.kind === 'map' ? [...deps.entries.keys()] : [];
    graph.set(name, names.filter((dep) => !dep.includes('$')));
  }
  return graph;
}

export const composeDependsOnSelf: ComposeRule = {
  meta: {
    id: 'compose-depends-on-self',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Service depends on itself', zh: '服务依赖自身' },
    docs: {
      en: 'A service lists itself in `depends_on`. Compose cannot order a service before itself and refuses the application. Remove the entry.',
      zh: '服务在 `depends_on` 中列出了它自己。Compose 无法把一个服务排在它自己前面，会拒绝这个应用。请删掉这一项。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    for (const ref of view.names.references) {
      if (ref.kind !== 'depends_on' || ref.name !== ref.service) continue;
      report({ range: siteRange(ref), message: { en: `Service \`${ref.service}\` depends on itself.`, zh: `服务 \`${ref.service}\` 依赖它自己。` } });
    }
  },
};

export const composeDependsOnCycle: ComposeRule = {
  meta: {
    id: 'compose-depends-on-cycle',
    aliases: [],
    severity: 'error',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Services depend on each other in a cycle', zh: '服务之间循环依赖' },
    docs: {
      en: 'Following `depends_on` from a service leads back to it (`web` → `api` → `web`). Compose has no order to start them in and refuses the application. Break the cycle: usually one side only needs the other at run time, not at start-up, and can retry its connection instead.',
      zh: '沿着 `depends_on` 从某个服务出发又回到了它自己（`web` → `api` → `web`）。Compose 找不到启动顺序，会拒绝这个应用。请打破这个环：通常其中一方只是在运行时需要另一方，并不需要在启动时等待，可以改为重试连接。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    const graph = dependencyGraph(view);
    for (const ref of view.names.references) {
      if (ref.kind !== 'depends_on' || ref.name === ref.service) continue;
      const path = pathBetween(graph, ref.name, ref.service);
      if (!path) continue;
      const cycle = [ref.service, ...path].map((name) => `\`${name}\``).join(' → ');
      report({ range: siteRange(ref), message: { en: `Dependency cycle: ${cycle}.`, zh: `循环依赖：${cycle}。` } });
    }
  },
};

/** The shortest `depends_on` path from `from` to `to` (both included), if any. */
function pathBetween(graph: Map<string, string[]>, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string | undefined>([[from, undefined]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) {
      const path: string[] = [];
      for (let step: string | undefined = node; step !== undefined; step = previous.get(step)) path.unshift(step);
      return path;
    }
    for (const next of graph.get(node) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return undefined;
}

export const composeDependsOnInactiveProfile: ComposeRule = {
  meta: {
    id: 'compose-depends-on-inactive-profile',
    aliases: [],
    severity: 'warning',
    category: 'semantics',
    profile: 'recommended',
    title: { en: 'Dependency may be switched off by profiles', zh: '依赖的服务可能因 profile 未启用而不存在' },
    docs: {
      en: 'A service depends on a service that only runs under certain `profiles`, while the dependent service also runs without them (no `profiles`, or a profile the dependency does not list). With those profiles off, the dependency is not part of the application and Compose refuses to start the dependent service. Give both services the same profiles, remove the profiles from the dependency, or mark the dependency `required: false`.',
      zh: '某个服务依赖的服务只在特定 `profiles` 下运行，而依赖它的服务在这些 profile 之外也会运行（它没有 `profiles`，或有依赖方没有列出的 profile）。这些 profile 未启用时，被依赖的服务不属于应用，Compose 会拒绝启动依赖它的服务。请让两个服务使用相同的 profile，去掉被依赖服务的 profile，或把这条依赖标为 `required: false`。',
    },
  },
  check(subject, report) {
    const view = referenceView(subject);
    for (const ref of view.names.references) {
      if (ref.kind !== 'depends_on' || ref.optional || ref.name === ref.service) continue;
      const dependency = serviceOf(view, ref.name);
      if (!dependency) continue;
      const theirs = profilesOf(dependency);
      if (theirs.length === 0) continue;
      const ours = profilesOf(serviceOf(view, ref.service));
      const uncovered = ours.length === 0 ? undefined : ours.find((profile) => !theirs.includes(profile));
      if (ours.length > 0 && uncovered === undefined) continue;
      const list = theirs.map((p) => `\`${p}\``).join(', ');
      report({
        range: siteRange(ref),
        message: ours.length === 0
          ? { en: `\`${ref.name}\` only runs with the profile ${list}, but \`${ref.service}\` always runs: without that profile Compose refuses to start \`${ref.service}\`.`, zh: `\`${ref.name}\` 只在 profile ${list} 下运行，而 \`${ref.service}\` 总会运行：未启用该 profile 时 Compose 会拒绝启动 \`${ref.service}\`。` }
          : { en: `\`${ref.service}\` runs with the profile \`${uncovered}\`, which \`${ref.name}\` (profiles ${list}) does not list: with only that profile on, the dependency is missing.`, zh: `\`${ref.service}\` 在 profile \`${uncovered}\` 下运行，但 \`${ref.name}\`（profile ${list}）没有列出它：只启用该 profile 时，被依赖的服务不存在。` },
      });
    }
  },
};


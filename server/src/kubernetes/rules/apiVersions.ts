import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { Fix } from '../../common/rules';
import { closest } from '../../common/didYouMean';
import type { ManifestFile } from '../model';
import type { ObjectFacts } from '../objects';
import { allKinds, apiVersionInfo, builtinGroups, fieldAddedIn, getKindSchema, kindsAt, kindsNamed, resolveType, targetRelease, type SchemaType } from '../schema';
import { compareReleases } from '../schema/apiVersions';
import { mapAt, mapItems, nodeRange, pairOf, scalarAt, seqAt, valueOf } from '../yamlNodes';
import { perObject } from './context';
import { appendToMap, insertEarlyInMap, mappingLines, renameKey, replaceScalar } from './edits';

function apiVersionNode(object: ObjectFacts): Node {
  return (pairOf(object.root, 'apiVersion')?.value as Node | undefined) ?? object.root;
}

/**
 * Moves an object to its replacement apiVersion, with the field changes that are mechanical:
 * apps/v1 requires `spec.selector` (taken from the template labels); networking.k8s.io/v1 Ingress
 * renames `backend` to `defaultBackend`, nests `serviceName`/`servicePort` under `service`, and
 * requires `pathType`.
 */
export function migrationFix(file: ManifestFile, object: ObjectFacts, replacement: string): Fix | undefined {
  const versionNode = apiVersionNode(object);
  const first = replaceScalar(file, versionNode, replacement);
  if (!first) return undefined;
  const edits: TextEdit[] = [first];
  if (replacement === 'apps/v1' && object.spec && !valueOf(object.spec, 'selector') && object.workload) {
    const labels = object.workload.templateLabels;
    if (Object.keys(labels).length > 0) {
      const edit = appendToMap(file, object.spec, ['selector:', '  matchLabels:', ...mappingLines(labels, 2)]);
      if (edit) edits.push(edit);
    }
  }
  if (replacement === 'networking.k8s.io/v1' && object.kind === 'Ingress' && object.spec) edits.push(...ingressV1Edits(file, object.spec));
  return { title: { en: `Change apiVersion to ${replacement}`, zh: `将 apiVersion 改为 ${replacement}` }, edits };
}

function ingressV1Edits(file: ManifestFile, spec: YAMLMap): TextEdit[] {
  const edits: TextEdit[] = [];
  const text = file.document.getText();
  const oldDefault = pairOf(spec, 'backend');
  if (oldDefault) {
    const edit = renameKey(file, oldDefault.key, 'defaultBackend');
    if (edit) edits.push(edit);
  }
  const backends: YAMLMap[] = [];
  if (isMap(oldDefault?.value)) backends.push(oldDefault.value);
  for (const rule of mapItems(seqAt(spec, 'rules'))) {
    for (const path of mapItems(seqAt(mapAt(rule, 'http'), 'paths'))) {
      const backend = mapAt(path, 'backend');
      if (backend) backends.push(backend);
      if (!valueOf(path, 'pathType')) {
        const edit = insertEarlyInMap(file, path, ['pathType: ImplementationSpecific']);
        if (edit) edits.push(edit);
      }
    }
  }
  for (const backend of backends) {
    const name = pairOf(backend, 'serviceName');
    const port = pairOf(backend, 'servicePort');
    if (!name || !isScalar(name.value) || backend.flow || !name.key.range || !name.value.range) continue;
    const column = file.document.positionAt(name.key.range[0]).character;
    const pad = ' '.repeat(column);
    const portValue = isScalar(port?.value) ? port.value.value : undefined;
    const portLines = portValue === undefined ? [] : [`${pad}  port:`, `${pad}    ${typeof portValue === 'number' ? 'number' : 'name'}: ${String(portValue)}`];
    const newText = ['service:', `${pad}  name: ${String(name.value.value)}`, ...portLines].join('\n');
    edits.push({ range: { start: file.document.positionAt(name.key.range[0]), end: file.document.positionAt(name.value.range[1]) }, newText });
    if (port?.key.range && isScalar(port.value) && port.value.range) {
      // Delete the servicePort line, including its line break.
      const lineStart = text.lastIndexOf('\n', port.key.range[0] - 1) + 1;
      const next = text.indexOf('\n', port.value.range[1]);
      edits.push({ range: { start: file.document.positionAt(lineStart), end: file.document.positionAt(next < 0 ? text.length : next + 1) }, newText: '' });
    }
  }
  return edits;
}

export const apiVersionRemoved = perObject({
  id: 'api-version-removed', fixable: true, aliases: ['no-extensions-v1beta'], peerPerFinding: true, kubeLinterDefault: true, severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'apiVersion no longer served', zh: 'apiVersion 已不再提供' },
  docs: {
    en: 'Kubernetes stopped serving this apiVersion for this kind by the target release (`stevedore.kubernetes.version`, default 1.36); such clusters reject the manifest ("no matches for kind"). Move to the replacement apiVersion — the quick fix also moves the fields that changed with it where the change is mechanical.',
    zh: '到目标版本（`stevedore.kubernetes.version`，默认 1.36）为止，Kubernetes 已不再为该类型提供此 apiVersion，这样的集群会拒绝该清单（"no matches for kind"）。请改用替代的 apiVersion——快速修复在变更是机械性的情况下，还会一并调整随之变化的字段。',
  },
}, (object, { file, ctx }, report) => {
  const info = apiVersionInfo(object.apiVersion, object.kind, targetRelease(ctx.settings));
  if (info.status !== 'removed') return;
  const fix = info.replacement ? migrationFix(file, object, info.replacement) : undefined;
  const instead = info.replacement ? { en: `; use ${info.replacement}`, zh: `，请改用 ${info.replacement}` } : { en: '', zh: '' };
  report({
    range: nodeRange(file, apiVersionNode(object)),
    message: {
      en: `${object.apiVersion} ${object.kind} was removed in Kubernetes ${info.removedIn}${instead.en}.${info.note ? ` ${info.note.en}` : ''}`,
      zh: `${object.apiVersion} ${object.kind} 已在 Kubernetes ${info.removedIn} 中移除${instead.zh}。${info.note ? info.note.zh : ''}`,
    },
    fixes: fix ? [fix] : undefined,
    // kube-linter's no-extensions-v1beta covers only the extensions/v1beta* APIs.
    peer: /^extensions\/v1beta/.test(object.apiVersion) ? 'no-extensions-v1beta' : undefined,
  });
});

export const apiVersionDeprecated = perObject({
  id: 'api-version-deprecated', aliases: [], severity: 'warning', category: 'semantics', profile: 'recommended', tag: 'deprecated',
  title: { en: 'Deprecated API', zh: '已弃用的 API' },
  docs: {
    en: 'This apiVersion/kind is still served but deprecated, and will be removed in a future release. Plan the move to its replacement.',
    zh: '该 apiVersion/类型目前仍可使用，但已被弃用，将在未来的版本中移除。请尽早迁移到替代的 API。',
  },
}, (object, { file, ctx }, report) => {
  const info = apiVersionInfo(object.apiVersion, object.kind, targetRelease(ctx.settings));
  if (info.status !== 'deprecated') return;
  const sameKindServed = info.replacement && kindsAt(info.replacement).includes(object.kind);
  const fix = sameKindServed ? migrationFix(file, object, info.replacement!) : undefined;
  // Deprecated on the target release and removed in a later one (flowcontrol v1beta3 on 1.29–1.31).
  const until = info.removedIn ? { en: ` and removed in ${info.removedIn}`, zh: `，并将在 ${info.removedIn} 中移除` } : { en: '', zh: '' };
  report({
    range: nodeRange(file, apiVersionNode(object)),
    message: info.note
      ? { en: `${object.apiVersion} ${object.kind} is deprecated since Kubernetes ${info.deprecatedIn}${until.en}. ${info.note.en}`, zh: `${object.apiVersion} ${object.kind} 自 Kubernetes ${info.deprecatedIn} 起已弃用${until.zh}。${info.note.zh}` }
      : { en: `${object.apiVersion} ${object.kind} is deprecated since Kubernetes ${info.deprecatedIn}${until.en}${info.replacement ? `; use ${info.replacement}` : ''}.`, zh: `${object.apiVersion} ${object.kind} 自 Kubernetes ${info.deprecatedIn} 起已弃用${until.zh}${info.replacement ? `，请改用 ${info.replacement}` : ''}。` },
    fixes: fix ? [fix] : undefined,
  });
});

export const apiVersionTooNew = perObject({
  id: 'api-version-too-new', aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'apiVersion newer than the target Kubernetes release', zh: 'apiVersion 比目标 Kubernetes 版本更新' },
  docs: {
    en: 'This apiVersion of the kind is served only from a later Kubernetes release than the one the manifests target (`stevedore.kubernetes.version`, or `kubernetesVersion` in `.stevedore.yaml`), so a cluster of the target release rejects it. Use the apiVersion that release serves (often a beta one), or raise the target when the clusters are upgraded.',
    zh: '该类型的这个 apiVersion 从比清单目标版本（`stevedore.kubernetes.version`，或 `.stevedore.yaml` 中的 `kubernetesVersion`）更新的 Kubernetes 版本才开始提供，目标版本的集群会拒绝它。请使用该版本提供的 apiVersion（通常是 beta 版本），或在集群升级后提高目标版本。',
  },
}, (object, { file, ctx }, report) => {
  const target = targetRelease(ctx.settings);
  const info = apiVersionInfo(object.apiVersion, object.kind, target);
  if (info.status !== 'future') return;
  report({
    range: nodeRange(file, apiVersionNode(object)),
    message: {
      en: `${object.apiVersion} ${object.kind} is served from Kubernetes ${info.addedIn}; the target release is ${target}.`,
      zh: `${object.apiVersion} ${object.kind} 从 Kubernetes ${info.addedIn} 起才提供，而目标版本是 ${target}。`,
    },
  });
});

export const fieldTooNew = perObject({
  id: 'field-too-new', aliases: [], severity: 'warning', category: 'semantics', profile: 'recommended',
  title: { en: 'Field newer than the target Kubernetes release', zh: '字段比目标 Kubernetes 版本更新' },
  docs: {
    en: 'This field of a built-in kind came with a later Kubernetes release than the one the manifests target (`stevedore.kubernetes.version`, or `kubernetesVersion` in `.stevedore.yaml`): a cluster of the target release rejects it (kubectl\'s strict field validation) or drops it. Known for the fields added since 1.29, from the API models of older releases; each is dated to the earliest release that may have it, so a field the target has is never reported.',
    zh: '内置类型的这个字段出现在比清单目标版本（`stevedore.kubernetes.version`，或 `.stevedore.yaml` 中的 `kubernetesVersion`）更新的 Kubernetes 版本中：目标版本的集群会拒绝它（kubectl 的严格字段校验）或丢弃它。已知范围为 1.29 以来新增的字段，依据旧版本的 API 模型；每个字段按可能包含它的最早版本计，因此目标版本已有的字段不会被报告。',
  },
}, (object, { file, ctx }, report) => {
  const target = targetRelease(ctx.settings);
  if (target === '1.36' || !builtinGroups.has(object.group)) return;
  const kind = getKindSchema(object.apiVersion, object.kind);
  if (!kind || kind.source !== 'builtin') return;
  let budget = 50_000;
  const walk = (node: unknown, type: SchemaType | undefined): void => {
    if (!type || --budget < 0) return;
    if (type.type === 'array' && isSeq(node)) for (const item of node.items) walk(item, type.items);
    if (type.type !== 'object' || !isMap(node)) return;
    const def = type.ref ? resolveType(type.ref) : undefined;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      if (!def) {
        walk(pair.value, type.additionalProperties);
        continue;
      }
      const field = def.properties.get(String(pair.key.value));
      if (!field) continue;
      const addedIn = fieldAddedIn(field);
      if (addedIn && compareReleases(target, addedIn) < 0) {
        report({
          range: nodeRange(file, pair.key as Node),
          message: {
            en: `\`${field.name}\` came with Kubernetes ${addedIn}; the target release is ${target}.`,
            zh: `\`${field.name}\` 从 Kubernetes ${addedIn} 起才有，而目标版本是 ${target}。`,
          },
        });
      }
      walk(pair.value, field.type);
    }
  };
  walk(object.root, { type: 'object', ref: kind.root });
});

export const apiVersionKindMismatch = perObject({
  id: 'api-version-kind-mismatch', fixable: true, aliases: [], severity: 'error', category: 'semantics', profile: 'recommended',
  title: { en: 'apiVersion does not serve this kind', zh: 'apiVersion 不提供此类型' },
  docs: {
    en: 'The kind is not served at this apiVersion of a built-in API group (or the kind name is misspelled), so the API server answers "no matches for kind". Use the apiVersion that serves the kind.',
    zh: '该内置 API 组的这个 apiVersion 不提供此类型（或类型名称拼写有误），API 服务器会返回 "no matches for kind"。请使用提供该类型的 apiVersion。',
  },
}, (object, { file }, report) => {
  // `v1 List`, `RoleList`…: kubectl accepts lists of objects. `v1 Config` is a kubeconfig file.
  if (!builtinGroups.has(object.group) || object.kind.endsWith('List') || (object.apiVersion === 'v1' && object.kind === 'Config')) return;
  const info = apiVersionInfo(object.apiVersion, object.kind);
  if (info.status !== 'unknown') return;
  const servers = kindsNamed(object.kind).map((k) => k.apiVersion);
  const kindNode = (pairOf(object.root, 'kind')?.value as Node | undefined) ?? object.root;
  if (servers.length > 0) {
    const best = servers.find((v) => v.startsWith(object.group === '' ? '' : `${object.group}/`)) ?? servers[servers.length - 1];
    const edit = replaceScalar(file, apiVersionNode(object), best);
    report({
      range: nodeRange(file, apiVersionNode(object)),
      message: { en: `${object.kind} is not served at ${object.apiVersion}; use ${servers.join(' or ')}.`, zh: `${object.apiVersion} 不提供 ${object.kind}，请使用 ${servers.join(' 或 ')}。` },
      fixes: edit ? [{ title: { en: `Change apiVersion to ${best}`, zh: `将 apiVersion 改为 ${best}` }, edits: [edit], safe: true }] : undefined,
    });
    return;
  }
  const served = kindsAt(object.apiVersion);
  if (served.length === 0 && !scalarAt(object.root, 'kind')) return;
  const suggestion = closest(object.kind, served.length > 0 ? served : [...new Set(kindsNamedAll())], 3);
  const edit = suggestion ? replaceScalar(file, kindNode, suggestion) : undefined;
  report({
    range: nodeRange(file, kindNode),
    message: {
      en: `Unknown kind \`${object.kind}\` for ${object.apiVersion}${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`,
      zh: `${object.apiVersion} 中没有类型 \`${object.kind}\`${suggestion ? `，是否想写 \`${suggestion}\`？` : '。'}`,
    },
    fixes: edit ? [{ title: { en: `Change kind to ${suggestion}`, zh: `将 kind 改为 ${suggestion}` }, edits: [edit] }] : undefined,
  });
});

let allKindNames: string[] | undefined;
function kindsNamedAll(): string[] {
  // Lazily: the full kind list is only needed for misspelled kinds.
  allKindNames ??= [...new Set(allKinds().map((k) => k.kind))];
  return allKindNames;
}

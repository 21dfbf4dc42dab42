import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { pick, type DocsLanguage, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { kindDocFor } from './kinds';
import type { ManifestFile } from './model';
import { withImageEdge } from './imageLinks';
import { formatPath, pathAt, type CursorPath } from './path';
import { apiVersionInfo, builtinGroups, fieldAddedIn, fieldAt, kindsAt, kindsNamed, openShiftKinds, splitApiVersion, targetRelease, typeLabel, type ApiVersionInfo, type FieldSchema, type KindSchema } from './schema';
import { apiAddedIn } from './schema/apiVersions';
import { catalogKindList, catalogProjectOf, type CatalogProject } from './schema/catalog';
import { enumValueDoc } from './schema/enumDocs';
import { fieldDocsZh } from './schema/fieldDocsZh';
import { customSchemasFor } from './schema/customSchemas';
import { scopeFor } from './schema/forDocument';
import { resourceNames, wellKnownLabels, wellKnownNodeLabels } from './schema/wellKnown';

const labels = {
  required: { en: 'required', zh: '必填' },
  optional: { en: 'optional', zh: '可选' },
  values: { en: 'Allowed values', zh: '可选值' },
  default: { en: 'Default', zh: '默认值' },
  noZh: { en: '', zh: '_（暂无中文说明，以下为 Kubernetes API 的英文原文。）_' },
  openshift: { en: 'OpenShift API group (served by OpenShift clusters, not by Kubernetes itself).', zh: 'OpenShift API 组（由 OpenShift 集群提供，Kubernetes 本身不提供）。' },
  noZhOpenShift: { en: '', zh: '_（暂无中文说明，以下为 OpenShift API 的英文原文。）_' },
  catalog: { en: 'Custom resource; schema from Stevedore\'s built-in catalog', zh: '自定义资源；schema 来自 Stevedore 内置目录' },
  noZhCrd: { en: '', zh: '_（暂无中文说明，以下为 CRD 的英文原文。）_' },
  coreGroup: { en: 'core group', zh: '核心组' },
  group: { en: 'API group', zh: 'API 组' },
  version: { en: 'version', zh: '版本' },
  kinds: { en: 'Kinds', zh: '包含的类型' },
  custom: { en: 'Custom resource (schema from a CRD in the workspace or `stevedore.kubernetes.customSchemas`).', zh: '自定义资源（schema 来自工作区中的 CRD 或 `stevedore.kubernetes.customSchemas`）。' },
} satisfies Record<string, Localized>;

const colon = (lang: DocsLanguage): string => (lang === 'zh-cn' ? '：' : ': ');

export function hoverManifest(file: ManifestFile, position: Position, ctx: FeatureContext): Hover | null {
  const cursor = pathAt(file, position);
  if (!cursor) return null;
  const value = withImageEdge(hoverText(cursor, ctx), file, position, ctx);
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: file.document.positionAt(cursor.replace.start), end: file.document.positionAt(cursor.replace.end) },
  };
}

function hoverText(cursor: CursorPath, ctx: FeatureContext): string | undefined {
  const { doc, path } = cursor;
  if (cursor.target === 'key' && cursor.key === '') return undefined;
  if (path.length === 1 && path[0] === 'kind') return kindHover(doc.kind, doc.apiVersion, ctx);
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionHover(doc.apiVersion, doc.kind, ctx.lang, targetRelease(ctx.settings));
  if (!doc.isKubernetes) return undefined;
  const scope = scopeFor(doc, path, ctx);
  if (!scope) return undefined;
  const kind = scope.schema.kind ? scope.schema : undefined;
  const schema = scope.schema;
  let fieldPath = scope.path;
  // On a sequence entry (`- ReadWriteOnce`), describe the list field.
  while (fieldPath.length > 0 && typeof fieldPath[fieldPath.length - 1] === 'number') fieldPath = fieldPath.slice(0, -1);
  if (fieldPath.length === 0) return undefined;
  const lookup = fieldAt(schema, fieldPath);
  if (!lookup) return undefined;
  const dotted = formatPath(path);
  if (lookup.mapEntry) return mapEntryHover(String(fieldPath[fieldPath.length - 1]), fieldPath, ctx.lang);
  if (!lookup.field) return undefined;
  return fieldHover(lookup.field, dotted, kind, ctx.lang);
}

function fieldHover(field: FieldSchema, dotted: string, kind: KindSchema | undefined, lang: DocsLanguage): string {
  const lines: string[] = [];
  const req = field.required ? labels.required : labels.optional;
  lines.push(`**${field.name}** \`${typeLabel(field.type)}\` · ${pick(req, lang)}`);
  const description = describeField(field, lang);
  if (description) lines.push('', description);
  if (field.enum?.length) lines.push('', ...enumLines(field, lang));
  if (field.default !== undefined) lines.push('', `**${pick(labels.default, lang)}${lang === 'zh-cn' ? '：' : ':'}** \`${field.default}\``);
  const addedIn = fieldAddedIn(field);
  if (addedIn) lines.push('', lang === 'zh-cn' ? `自 Kubernetes ${addedIn} 起提供。` : `Added in Kubernetes ${addedIn}.`);
  const where = kind && kind.kind ? ` — ${kind.kind} (\`${kind.apiVersion}\`)` : '';
  lines.push('', `\`${dotted}\`${where}`);
  return lines.join('\n');
}

/**
 * The allowed values: one line each with what the value does when the docs table knows them all
 * (the enum tables cover every built-in field), else the bare list (custom schemas).
 */
function enumLines(field: FieldSchema, lang: DocsLanguage): string[] {
  const values = field.enum ?? [];
  const shown = (v: string): string => `\`${v === '' ? '""' : v}\``;
  const heading = `**${pick(labels.values, lang)}${lang === 'zh-cn' ? '：' : ':'}**`;
  const docs = values.map((v) => enumValueDoc(`${field.owner}.${field.name}`, v));
  if (docs.some((d) => d === undefined)) return [`${heading} ${values.map(shown).join(' · ')}`];
  return [heading, ...values.map((v, i) => `- ${shown(v)} — ${pick(docs[i]!, lang)}`)];
}

/** Our Chinese text when we have it, else the API's English (said so in Chinese, never passed off as ours). */
export function describeField(field: FieldSchema, lang: DocsLanguage): string | undefined {
  if (lang === 'zh-cn') {
    // `*.name` texts are Kubernetes' meanings: not for a custom resource's own fields (names with `#`).
    const docs = fieldDocsZh();
    const zh = docs[`${field.owner}.${field.name}`] ?? (field.owner.includes('#') ? undefined : docs[`*.${field.name}`]);
    if (zh) return zh;
    const marker = field.owner.includes('#') ? labels.noZhCrd : field.owner.startsWith('openshift.') ? labels.noZhOpenShift : labels.noZh;
    return field.description ? `${marker.zh}\n\n${field.description}` : undefined;
  }
  return field.description;
}

function kindHover(kind: string | undefined, apiVersion: string | undefined, ctx: FeatureContext): string | undefined {
  if (!kind) return undefined;
  // A custom resource may reuse a built-in name (`example.com/v1` Service): never describe it as ours.
  const info = kindDocFor(apiVersion, kind);
  const custom = apiVersion ? customSchemasFor(ctx)?.getKind(apiVersion, kind) : undefined;
  // A CRD of the workspace or the settings overrides the catalog: say where its schema comes from.
  if (custom?.source === 'custom') return `**${kind}** (\`${custom.apiVersion}\`)\n\n${info ? `${pick(info.summary, ctx.lang)}\n\n` : ''}${pick(labels.custom, ctx.lang)}`;
  if (!info) return undefined;
  const lines = [`**${kind}** (\`${info.apiVersion}\`)`, '', pick(info.summary, ctx.lang)];
  if (info.deprecated) lines.push('', `⚠️ ${pick(info.deprecated, ctx.lang)}`);
  const group = apiVersion === undefined ? undefined : splitApiVersion(apiVersion).group;
  const project = apiVersion ? catalogProjectOf(apiVersion, kind) : undefined;
  if (project) lines.push('', catalogLine(project, ctx.lang));
  else if (group !== undefined && !builtinGroups.has(group)) lines.push('', pick(labels.openshift, ctx.lang));
  const served = (project ? catalogKindList().find((k) => k.kind === kind && k.project === project)?.apiVersions ?? []
    : group !== undefined && group.endsWith('.openshift.io') ? openShiftKinds().filter((k) => k.kind === kind).map((k) => k.apiVersion)
      : kindsNamed(kind).map((k) => k.apiVersion)).map((v) => `\`${v}\``);
  if (served.length > 1) lines.push('', `apiVersion: ${served.join(' · ')}`);
  if (apiVersion) {
    const status = statusLine(apiVersionInfo(apiVersion, kind, targetRelease(ctx.settings)), kind, ctx.lang, targetRelease(ctx.settings));
    if (status) lines.push('', status);
  }
  return lines.join('\n');
}

/** `Gateway API · kubernetes-sigs/gateway-api 4564255 (2026-08-21)`: where the catalog's schema was taken. */
function catalogLine(project: CatalogProject, lang: DocsLanguage): string {
  const release = project.version ? ` ${project.version}` : '';
  return `${pick(labels.catalog, lang)}${colon(lang)}${project.name}${release} · \`${project.repo}\` ${project.commit.slice(0, 7)} (${project.date})`;
}

function statusLine(info: ApiVersionInfo, kind: string | undefined, lang: DocsLanguage, target: string): string | undefined {
  const what = `\`${info.apiVersion}\`${kind ? ` ${kind}` : ''}`;
  const zh = lang === 'zh-cn';
  if (info.status === 'future') {
    return zh ? `⚠️ **目标版本 Kubernetes ${target} 尚未提供：** ${what} 从 ${info.addedIn} 起才提供。` : `⚠️ **Not served by the target release, Kubernetes ${target}:** ${what} is served from ${info.addedIn}.`;
  }
  if (info.status !== 'removed' && info.status !== 'deprecated') return undefined;
  const parts: string[] = [];
  if (info.status === 'removed') parts.push(zh ? `⚠️ **已在 Kubernetes ${info.removedIn} 中移除：** ${what}。` : `⚠️ **Removed in Kubernetes ${info.removedIn}:** ${what}.`);
  else parts.push(zh ? `⚠️ **已弃用${info.deprecatedIn ? `（自 ${info.deprecatedIn} 起）` : ''}：** ${what}${info.removedIn ? `，将在 ${info.removedIn} 中移除` : ''}。` : `⚠️ **Deprecated${info.deprecatedIn ? ` since ${info.deprecatedIn}` : ''}:** ${what}${info.removedIn ? `, removed in ${info.removedIn}` : ''}.`);
  if (info.replacement) parts.push(zh ? `请改用 \`${info.replacement}\`。` : `Use \`${info.replacement}\` instead.`);
  if (info.note) parts.push(pick(info.note, lang));
  return parts.join(zh ? '' : ' ');
}

/** When an apiVersion of a kind came, was deprecated and goes, whatever the target: `Added in 1.30 · deprecated in 1.29 · removed in 1.32`. */
function lifecycleLine(info: ApiVersionInfo, kind: string | undefined, lang: DocsLanguage): string | undefined {
  const zh = lang === 'zh-cn';
  const addedIn = info.addedIn ?? (kind ? apiAddedIn[`${info.apiVersion}|${kind}`] : undefined);
  const parts: string[] = [];
  if (addedIn) parts.push(zh ? `自 Kubernetes ${addedIn} 起提供` : `added in Kubernetes ${addedIn}`);
  if (info.deprecatedIn) parts.push(zh ? `${info.deprecatedIn} 起弃用` : `deprecated in ${info.deprecatedIn}`);
  if (info.removedIn) parts.push(zh ? `${info.removedIn} 中移除` : `removed in ${info.removedIn}`);
  if (parts.length === 0) return undefined;
  const text = parts.join(zh ? '，' : ' · ');
  return zh ? `${text}。` : `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function apiVersionHover(apiVersion: string | undefined, kind: string | undefined, lang: DocsLanguage, target: string): string | undefined {
  if (!apiVersion) return undefined;
  const { group, version } = splitApiVersion(apiVersion);
  if (group.endsWith('.openshift.io')) {
    const kinds = openShiftKinds().filter((k) => k.apiVersion === apiVersion).map((k) => k.kind);
    if (kinds.length === 0) return undefined;
    return [`**apiVersion** \`${apiVersion}\``, '', `${pick(labels.group, lang)}${colon(lang)}\`${group}\` · ${pick(labels.version, lang)}${colon(lang)}\`${version}\``, '', pick(labels.openshift, lang), '', `${pick(labels.kinds, lang)}${colon(lang)}${kinds.join(', ')}`].join('\n');
  }
  if (!builtinGroups.has(group)) {
    const kinds = catalogKindList().filter((k) => k.apiVersions.includes(apiVersion));
    if (kinds.length === 0) return undefined; // custom resource groups: nothing we can vouch for
    return [`**apiVersion** \`${apiVersion}\``, '', `${pick(labels.group, lang)}${colon(lang)}\`${group}\` · ${pick(labels.version, lang)}${colon(lang)}\`${version}\``, '', catalogLine(kinds[0]!.project, lang), '', `${pick(labels.kinds, lang)}${colon(lang)}${kinds.map((k) => k.kind).join(', ')}`].join('\n');
  }
  const info = apiVersionInfo(apiVersion, kind, target);
  const groupName = info.group === '' ? pick(labels.coreGroup, lang) : `\`${info.group}\``;
  const lines = [`**apiVersion** \`${apiVersion}\``, '', `${pick(labels.group, lang)}${colon(lang)}${groupName} · ${pick(labels.version, lang)}${colon(lang)}\`${info.version}\``];
  const lifecycle = lifecycleLine(info, kind, lang);
  if (lifecycle) lines.push('', lifecycle);
  const status = statusLine(info, kind, lang, target);
  if (status) lines.push('', status);
  else if (info.status === 'unknown' && kind && kindsNamed(kind).length) {
    const where = kindsNamed(kind).map((k) => `\`${k.apiVersion}\``).join(', ');
    lines.push('', lang === 'zh-cn' ? `⚠️ \`${apiVersion}\` 不提供 ${kind}；${kind} 位于 ${where}。` : `⚠️ \`${apiVersion}\` does not serve ${kind}; ${kind} is served by ${where}.`);
  } else if (info.status === 'served') {
    lines.push('', lang === 'zh-cn' ? `Kubernetes ${target} 提供此版本。` : `Served by Kubernetes ${target}.`);
    const kinds = kindsAt(apiVersion);
    if (kinds.length) lines.push('', `${pick(labels.kinds, lang)}${colon(lang)}${kinds.join(', ')}`);
  }
  return lines.join('\n');
}

function mapEntryHover(key: string, path: readonly (string | number)[], lang: DocsLanguage): string | undefined {
  const parent = path[path.length - 2];
  const doc = parent === 'labels' || parent === 'matchLabels' || parent === 'selector' ? wellKnownLabels[key]
    : parent === 'nodeSelector' ? wellKnownNodeLabels[key]
      : parent === 'limits' || parent === 'requests' || parent === 'capacity' || parent === 'hard' ? resourceNames[key]?.doc : undefined;
  return doc ? `**${key}**\n\n${pick(doc, lang)}` : undefined;
}

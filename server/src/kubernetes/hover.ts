import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { pick, type DocsLanguage, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { kindDocs } from './kinds';
import type { ManifestFile } from './model';
import { formatPath, pathAt, type CursorPath } from './path';
import { apiVersionInfo, builtinGroups, fieldAt, kindsAt, kindsNamed, splitApiVersion, typeLabel, type FieldSchema, type KindSchema } from './schema';
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
  served: { en: 'Served by Kubernetes 1.36.', zh: 'Kubernetes 1.36 提供此版本。' },
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
  const value = hoverText(cursor, ctx);
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
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionHover(doc.apiVersion, doc.kind, ctx.lang);
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
    const zh = fieldDocsZh[`${field.owner}.${field.name}`] ?? (field.owner.startsWith('custom') ? undefined : fieldDocsZh[`*.${field.name}`]);
    if (zh) return zh;
    return field.description ? `${labels.noZh.zh}\n\n${field.description}` : undefined;
  }
  return field.description;
}

function kindHover(kind: string | undefined, apiVersion: string | undefined, ctx: FeatureContext): string | undefined {
  if (!kind) return undefined;
  // A custom resource may reuse a built-in name (`example.com/v1` Service): never describe it as ours.
  const customGroup = apiVersion !== undefined && !builtinGroups.has(splitApiVersion(apiVersion).group);
  const info = customGroup ? undefined : kindDocs[kind];
  if (!info) {
    const custom = apiVersion ? customSchemasFor(ctx)?.getKind(apiVersion, kind) : undefined;
    return custom ? `**${kind}** (\`${custom.apiVersion}\`)\n\n${pick(labels.custom, ctx.lang)}` : undefined;
  }
  const served = kindsNamed(kind).map((k) => `\`${k.apiVersion}\``);
  const lines = [`**${kind}** (\`${info.apiVersion}\`)`, '', pick(info.summary, ctx.lang)];
  if (served.length > 1) lines.push('', `apiVersion: ${served.join(' · ')}`);
  if (apiVersion) {
    const status = statusLine(apiVersion, kind, ctx.lang);
    if (status) lines.push('', status);
  }
  return lines.join('\n');
}

function statusLine(apiVersion: string, kind: string | undefined, lang: DocsLanguage): string | undefined {
  const info = apiVersionInfo(apiVersion, kind);
  if (info.status !== 'removed' && info.status !== 'deprecated') return undefined;
  const what = `\`${apiVersion}\`${kind ? ` ${kind}` : ''}`;
  const zh = lang === 'zh-cn';
  const parts: string[] = [];
  if (info.status === 'removed') parts.push(zh ? `⚠️ **已在 Kubernetes ${info.removedIn} 中移除：** ${what}。` : `⚠️ **Removed in Kubernetes ${info.removedIn}:** ${what}.`);
  else parts.push(zh ? `⚠️ **已弃用${info.deprecatedIn ? `（自 ${info.deprecatedIn} 起）` : ''}：** ${what}。` : `⚠️ **Deprecated${info.deprecatedIn ? ` since ${info.deprecatedIn}` : ''}:** ${what}.`);
  if (info.replacement) parts.push(zh ? `请改用 \`${info.replacement}\`。` : `Use \`${info.replacement}\` instead.`);
  if (info.note) parts.push(pick(info.note, lang));
  return parts.join(zh ? '' : ' ');
}

function apiVersionHover(apiVersion: string | undefined, kind: string | undefined, lang: DocsLanguage): string | undefined {
  if (!apiVersion) return undefined;
  const info = apiVersionInfo(apiVersion, kind);
  if (!builtinGroups.has(info.group)) return undefined; // custom resource groups: nothing we can vouch for
  const groupName = info.group === '' ? pick(labels.coreGroup, lang) : `\`${info.group}\``;
  const lines = [`**apiVersion** \`${apiVersion}\``, '', `${pick(labels.group, lang)}${colon(lang)}${groupName} · ${pick(labels.version, lang)}${colon(lang)}\`${info.version}\``];
  const status = statusLine(apiVersion, kind, lang);
  if (status) lines.push('', status);
  else if (info.status === 'unknown' && kind && kindsNamed(kind).length) {
    const where = kindsNamed(kind).map((k) => `\`${k.apiVersion}\``).join(', ');
    lines.push('', lang === 'zh-cn' ? `⚠️ \`${apiVersion}\` 不提供 ${kind}；${kind} 位于 ${where}。` : `⚠️ \`${apiVersion}\` does not serve ${kind}; ${kind} is served by ${where}.`);
  } else if (info.status === 'served') {
    lines.push('', pick(labels.served, lang));
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

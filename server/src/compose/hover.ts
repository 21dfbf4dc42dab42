import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { pick, type DocsLanguage, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { formatPath, type PathSegment } from '../common/yamlCursor';
import { audienceNotes, entryDocs, extensionDoc, keyDoc, valueTables } from './docs';
import { cursorAt, entriesOf, namedSections, resolvedMap, servicesOf, type ComposeCursor, type ComposeModel } from './model';
import { docIdOf, isExtensionKey, lookupPath, schemaNode, type SchemaNode } from './schema';
import { serviceInfo } from './serviceInfo';

const words = {
  service: { en: 'service', zh: '服务' },
  image: { en: 'Image', zh: '镜像' },
  build: { en: 'Build', zh: '构建' },
  ports: { en: 'Ports', zh: '端口' },
  dependsOn: { en: 'Depends on', zh: '依赖' },
  profiles: { en: 'Profiles', zh: 'Profile' },
  healthcheck: { en: 'Has a healthcheck', zh: '有健康检查' },
  noImage: { en: 'No `image` or `build` yet.', zh: '尚未设置 `image` 或 `build`。' },
  deprecated: { en: 'Deprecated.', zh: '已弃用。' },
  values: { en: 'Values', zh: '可选值' },
  undeclared: { en: 'Not declared in this file.', zh: '本文件中未声明。' },
  sections: {
    services: { en: 'service', zh: '服务' },
    networks: { en: 'network', zh: '网络' },
    volumes: { en: 'volume', zh: '卷' },
    configs: { en: 'config', zh: '配置' },
    secrets: { en: 'secret', zh: '密钥' },
    models: { en: 'model', zh: '模型' },
  } as Record<string, Localized>,
  types: {
    string: { en: 'string', zh: '字符串' },
    number: { en: 'number', zh: '数字' },
    integer: { en: 'integer', zh: '整数' },
    boolean: { en: 'boolean', zh: '布尔值' },
    null: { en: 'null', zh: '空' },
    object: { en: 'mapping', zh: '映射' },
    array: { en: 'list', zh: '列表' },
    duration: { en: 'duration', zh: '时长' },
    bytes: { en: 'byte size', zh: '字节大小' },
  } as Record<string, Localized>,
} satisfies Record<string, Localized | Record<string, Localized>>;

const colon = (lang: DocsLanguage) => (lang === 'zh-cn' ? '：' : ': ');

export function hoverCompose(model: ComposeModel, position: Position, ctx: FeatureContext): Hover | null {
  const cursor = cursorAt(model, position);
  if (!cursor || cursor.inBlockScalar) return null;
  if (cursor.target === 'key' && cursor.key === '') return null;
  const value = hoverText(model, cursor, ctx);
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: model.document.positionAt(cursor.replace.start), end: model.document.positionAt(cursor.replace.end) },
  };
}

function hoverText(model: ComposeModel, cursor: ComposeCursor, ctx: FeatureContext): string | undefined {
  const { path, target } = cursor;
  const lang = ctx.lang;
  const last = path[path.length - 1];
  if (typeof last === 'string' && isExtensionKey(last) && target === 'key') return `**${last}**\n\n${pick(extensionDoc, lang)}`;
  // A named entry: `web:` under `services:`.
  if (target === 'key' && path.length === 2 && typeof path[0] === 'string' && (namedSections as readonly string[]).includes(path[0])) {
    return entryHover(model, path[0], String(path[1]), lang);
  }
  const referenced = referencedService(model, cursor);
  if (referenced) return serviceHover(model, referenced, lang);
  if (target === 'value' || target === 'item') {
    const valueHover = valueText(model, cursor, lang);
    if (valueHover) return valueHover;
  }
  if (target === 'item') return undefined;
  return keyHover(path, lang);
}

/** The service named where the cursor is: `depends_on` items and keys, `links`, `extends.service`, `network_mode: service:x`. */
function referencedService(model: ComposeModel, cursor: ComposeCursor): string | undefined {
  const { path, target } = cursor;
  if (path[0] !== 'services' || path.length < 4) return undefined;
  const rest = path.slice(2);
  const text = model.text.slice(cursor.replace.start, cursor.replace.end).trim().replace(/^["']|["']$/g, '');
  const known = new Set(servicesOf(model).map((entry) => entry.name));
  const name = (candidate: string) => (known.has(candidate) ? candidate : undefined);
  if (rest[0] === 'depends_on' && rest.length === 2) {
    if (target === 'item' || (target === 'key' && typeof rest[1] === 'string')) return name(target === 'key' ? String(rest[1]) : text);
  }
  if (rest[0] === 'links' && rest.length === 2 && target === 'item') return name(text.split(':')[0]!);
  if (rest[0] === 'extends' && rest[1] === 'service' && target === 'value') return name(text);
  if (rest[0] === 'extends' && rest.length === 1 && target === 'value') return name(text);
  if (rest[0] === 'network_mode' && target === 'value' && text.startsWith('service:')) return name(text.slice('service:'.length));
  if (rest[0] === 'volumes_from' && target === 'item') return name(text.split(':')[0]!);
  return undefined;
}

function keyHover(path: readonly PathSegment[], lang: DocsLanguage): string | undefined {
  const id = docIdOf(path);
  const doc = id ? keyDoc(id) : undefined;
  if (!id || !doc) return undefined;
  const node = schemaNode(id);
  const key = String(path[path.length - 1]);
  const lines = [`**${key}** ${typeLine(node, lang)}`.trimEnd(), '', pick(doc, lang)];
  if (doc.audience) lines.push('', pick(audienceNotes[doc.audience], lang));
  if (node?.deprecated && id !== 'compose.version') lines.push('', `⚠️ ${pick(words.deprecated, lang)}`);
  const table = valueTables[id];
  // The colon goes inside the bold and the space after it: `**Values: **` is not bold in Markdown.
  if (table) lines.push('', `**${pick(words.values, lang)}${lang === 'zh-cn' ? '：' : ':'}** ${table.values.map((v) => `\`${v.value}\``).join(' · ')}`);
  lines.push('', `\`${formatPath(path)}\``);
  return lines.join('\n');
}

function typeLine(node: SchemaNode | undefined, lang: DocsLanguage): string {
  if (!node?.types) return '';
  const names = node.format ? [node.format, ...node.types.filter((t) => t !== 'string' && t !== 'number' && t !== 'integer')] : node.types.filter((t) => t !== 'null' || node.types!.length === 1);
  return `\`${names.map((name) => pick(words.types[name] ?? { en: name, zh: name }, lang)).join(' | ')}\``;
}

/** A value of a key with documented values: what it means. */
function valueText(model: ComposeModel, cursor: ComposeCursor, lang: DocsLanguage): string | undefined {
  const id = docIdOf(cursor.path) ?? lookupPath(cursor.path).id;
  if (!id) return undefined;
  const table = valueTables[id];
  if (!table) return undefined;
  const text = model.text.slice(cursor.replace.start, cursor.replace.end).trim().replace(/^["']|["']$/g, '');
  const value = table.values.find((candidate) => candidate.value === text)
    ?? table.values.find((candidate) => candidate.value.endsWith(':') && text.startsWith(candidate.value))
    ?? (text.startsWith('on-failure') ? table.values.find((candidate) => candidate.value === 'on-failure') : undefined);
  if (!value) return undefined;
  return `\`${text}\` — ${pick(value, lang)}`;
}

function entryHover(model: ComposeModel, section: string, name: string, lang: DocsLanguage): string | undefined {
  if (section === 'services') return serviceHover(model, name, lang);
  const doc = entryDocs[section];
  if (!doc) return undefined;
  const kind = words.sections[section];
  return `**${name}** — ${pick(kind!, lang)}\n\n${pick(doc, lang)}`;
}

/** A service at a glance: its image or build, published ports, dependencies. */
export function serviceHover(model: ComposeModel, name: string, lang: DocsLanguage): string {
  const entry = servicesOf(model).find((candidate) => candidate.name === name);
  const lines = [`**${name}** — ${pick(words.service, lang)}`];
  if (!entry) return [...lines, '', pick(words.undeclared, lang)].join('\n');
  const info = serviceInfo(model, entry.value ?? resolvedMap(model, entry.pair.value));
  const facts: string[] = [];
  if (info.image) facts.push(`${pick(words.image, lang)}${colon(lang)}\`${info.image}\``);
  if (info.build) {
    const parts = [info.build.context ?? '.', info.build.dockerfile ? `${info.build.dockerfile}` : undefined].filter(Boolean).join(' · ');
    facts.push(`${pick(words.build, lang)}${colon(lang)}\`${parts}\`${info.build.target ? ` → \`${info.build.target}\`` : ''}`);
  }
  if (!info.image && !info.build) facts.push(pick(words.noImage, lang));
  if (info.ports.length > 0) facts.push(`${pick(words.ports, lang)}${colon(lang)}${info.ports.map((port) => `\`${port}\``).join(', ')}`);
  if (info.dependsOn.length > 0) {
    facts.push(`${pick(words.dependsOn, lang)}${colon(lang)}${info.dependsOn.map((dep) => `\`${dep.name}\`${dep.condition ? ` (${dep.condition})` : ''}`).join(', ')}`);
  }
  if (info.profiles.length > 0) facts.push(`${pick(words.profiles, lang)}${colon(lang)}${info.profiles.map((profile) => `\`${profile}\``).join(', ')}`);
  if (info.hasHealthcheck) facts.push(pick(words.healthcheck, lang));
  return [...lines, '', ...facts.map((fact) => `- ${fact}`)].join('\n');
}

/** Names declared in a top-level section (for completion and hover). */
export function declaredNames(model: ComposeModel, section: string): string[] {
  return entriesOf(model, section).map((entry) => entry.name);
}

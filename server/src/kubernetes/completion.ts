import { isMap, isScalar } from 'yaml';
import {
  CompletionItemKind, CompletionItemTag, InsertTextFormat, InsertTextMode, MarkupKind,
  type CompletionItem, type CompletionList, type Position, type Range,
} from 'vscode-languageserver-types';
import { pick, type DocsLanguage, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { workspaceImages } from '../common/workspaceImages';
import { describeField } from './hover';
import { kindDocFor, kindDocs, kindNames, type KindDoc } from './kinds';
import { openShiftKindDocs } from './kindsOpenShift';
import { catalogKindDocs } from './kindsCatalog';
import type { ManifestDocument, ManifestFile } from './model';
import { snippetCompletions } from './snippets';
import { pathAt, type CursorPath } from './path';
import {
  allKinds, apiVersionInfo, fieldAt, kindsNamed, resolveType, typeLabel,
  type FieldSchema, type ObjectDef, type PathSegment, type SchemaType,
} from './schema';
import { customSchemasFor } from './schema/customSchemas';
import { catalogKindList } from './schema/catalog';
import { scopeFor } from './schema/forDocument';
import { enumDefault, enumValueDoc, type EnumContext } from './schema/enumDocs';
import { popularFields } from './schema/popularFields';
import { itemSnippets, keySnippets, type BlockSnippet } from './schema/snippets';
import { resourceNames, valueHints, wellKnownLabels, wellKnownNodeLabels } from './schema/wellKnown';

export type { ImageCatalog } from '../common/workspaceImages';

const triggerSuggest = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function completeManifest(file: ManifestFile, position: Position, ctx: FeatureContext): CompletionList | null {
  // Whole-manifest snippets where a document can start (an empty document, after `---`, at the end).
  const snippets = snippetCompletions(file, position, ctx);
  const list = completeAtPath(file, position, ctx);
  if (!snippets.length) return list;
  return { isIncomplete: list?.isIncomplete ?? false, items: [...(list?.items ?? []), ...snippets] };
}

function completeAtPath(file: ManifestFile, position: Position, ctx: FeatureContext): CompletionList | null {
  const cursor = pathAt(file, position);
  if (!cursor && file.documents.length === 0 && file.document.getText().trim() === '') return emptyFileItems(file, position);
  if (!cursor || cursor.inBlockScalar || cursor.beforeContent) return null;
  const range: Range = { start: file.document.positionAt(cursor.replace.start), end: file.document.positionAt(cursor.replace.end) };
  const items = cursor.target === 'value' ? valueItems(file, cursor, ctx, range)
    : cursor.target === 'key' ? keyItems(file, cursor, ctx, range)
      : itemEntryItems(file, cursor, ctx, range);
  // Completion triggered by typing `:` or `-` itself: the value needs its separating space.
  const before = cursor.replace.start > 0 ? file.document.getText().charAt(cursor.replace.start - 1) : '';
  if (!cursor.inFlow && (before === ':' || before === '-')) {
    for (const item of items) if (item.textEdit && 'range' in item.textEdit) item.textEdit.newText = ` ${item.textEdit.newText}`;
  }
  return items.length ? { isIncomplete: false, items } : null;
}

// ---------------------------------------------------------------- schema at the cursor

// ---------------------------------------------------------------- values

function valueItems(file: ManifestFile, cursor: CursorPath, ctx: FeatureContext, range: Range): CompletionItem[] {
  const { doc, path } = cursor;
  if (path.length === 1 && path[0] === 'kind') return kindItems(doc, ctx, range);
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionItems(doc, range, ctx);
  if (doc.kind === 'List' && path.length === 3 && path[0] === 'items' && typeof path[1] === 'number' && (path[2] === 'kind' || path[2] === 'apiVersion')) {
    // An entry of a List is an object of its own: same completions as a document's header.
    const item = { ...doc, apiVersion: stringAt(doc, [...path.slice(0, 2), 'apiVersion']), kind: stringAt(doc, [...path.slice(0, 2), 'kind']) };
    return path[2] === 'kind' ? kindItems(item, ctx, range) : apiVersionItems(item, range, ctx);
  }
  const scope = scopeFor(doc, path, ctx);
  if (!scope) return [];
  const lookup = fieldAt(scope.schema, scope.path);
  if (!lookup) return [];
  const object: EnumContext = { kind: doc.kind, sibling: (key) => valueAt(doc, [...path.slice(0, -1), key]) };
  return scalarValueItems(file, lookup.field, lookup.type, lookup.mapEntry ? String(path[path.length - 1]) : undefined, ctx, range, object);
}

function scalarValueItems(
  file: ManifestFile, field: FieldSchema | undefined, type: SchemaType, mapKey: string | undefined,
  ctx: FeatureContext, range: Range, object: EnumContext,
): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (field?.enum) {
    items.push(...enumItems(field, field.enum, range, ctx.lang, object));
  } else if (type.type === 'boolean') {
    for (const value of ['true', 'false']) items.push(valueItem(value, range, CompletionItemKind.Value, value === field?.default ? '0' : '1'));
  } else if (type.type === 'quantity') {
    const quantities = (mapKey && resourceNames[mapKey]?.quantities) || ['100m', '250m', '500m', '128Mi', '512Mi', '1Gi'];
    quantities.forEach((q, i) => items.push(valueItem(q, range, CompletionItemKind.Value, `${i}`.padStart(2, '0'))));
  } else if (field && (field.name === 'image') && (field.owner === 'V1Container' || field.owner === 'V1EphemeralContainer')) {
    imagesFor(file, ctx).forEach((image, i) => items.push(valueItem(image, range, CompletionItemKind.Reference, `${i}`.padStart(4, '0'))));
  } else if (field) {
    const hints = valueHints[`${field.owner}.${field.name}`];
    hints?.forEach((value, i) => items.push(valueItem(value, range, CompletionItemKind.Value, `${i}`)));
  }
  return items;
}

function valueItem(value: string, range: Range, kind: CompletionItemKind, sortText: string): CompletionItem {
  const text = value === '' ? '""' : value;
  return { label: text, kind, sortText, filterText: text, textEdit: { range, newText: text } };
}

const defaultMark: Localized = { en: 'default', zh: '默认值' };
const defaultNote: Localized = { en: 'Used when the field is left out.', zh: '不写该字段时即使用此值。' };

/**
 * The values of an enum field, the default first, each with its one-line meaning as detail (see
 * schema/enumDocs.ts) and, as documentation, that line followed by the field's own description.
 */
function enumItems(field: FieldSchema, values: readonly string[], range: Range, lang: DocsLanguage, object: EnumContext): CompletionItem[] {
  const key = `${field.owner}.${field.name}`;
  let dflt: string | undefined;
  try {
    dflt = enumDefault(key, field.default, object);
  } catch {
    dflt = field.default;
  }
  const fieldDoc = describeField(field, lang);
  const ordered = dflt !== undefined && values.includes(dflt) ? [dflt, ...values.filter((v) => v !== dflt)] : [...values];
  return ordered.map((value, i) => {
    const isDefault = value === dflt;
    const meaning = enumValueDoc(key, value);
    const item = valueItem(value, range, CompletionItemKind.EnumMember, String(i).padStart(2, '0'));
    if (isDefault) item.labelDetails = { description: pick(defaultMark, lang) };
    if (meaning) item.detail = pick(meaning, lang);
    const parts = [`**${item.label}**${isDefault ? ` · ${pick(defaultMark, lang)}` : ''}`];
    if (meaning) parts.push(pick(meaning, lang) + (isDefault ? (lang === 'zh-cn' ? '。' : '. ') + pick(defaultNote, lang) : ''));
    else if (isDefault) parts.push(pick(defaultNote, lang));
    if (fieldDoc) parts.push(`---\n\n**${field.name}**: ${fieldDoc}`);
    item.documentation = { kind: MarkupKind.Markdown, value: parts.join('\n\n') };
    return item;
  });
}

function valueAt(doc: ManifestDocument, path: PathSegment[]): unknown {
  try {
    const value = doc.yaml.getIn(path, true);
    return isScalar(value) ? value.value : value;
  } catch {
    return undefined;
  }
}

/**
 * Kinds beyond Kubernetes' own: OpenShift's, and the catalog's unless `kubernetes.crdCatalog` is
 * off. Each with the apiVersion that serves it (the preferred one first).
 */
function extraKinds(ctx: FeatureContext): { kind: string; apiVersions: string[]; doc: KindDoc }[] {
  const out: { kind: string; apiVersions: string[]; doc: KindDoc }[] = [];
  for (const [groupKind, doc] of Object.entries(openShiftKindDocs)) out.push({ kind: groupKind.slice(groupKind.indexOf('/') + 1), apiVersions: [doc.apiVersion], doc });
  if (ctx.settings?.kubernetes?.crdCatalog !== false) {
    for (const entry of catalogKindList()) {
      const doc = catalogKindDocs[`${entry.group}/${entry.kind}`];
      if (doc) out.push({ kind: entry.kind, apiVersions: [doc.apiVersion, ...entry.apiVersions.filter((v) => v !== doc.apiVersion)], doc });
    }
  }
  return out;
}

function kindDocumentation(doc: KindDoc, lang: DocsLanguage): string {
  return doc.deprecated ? `${pick(doc.summary, lang)}\n\n⚠️ ${pick(doc.deprecated, lang)}` : pick(doc.summary, lang);
}

function kindItems(doc: ManifestDocument, ctx: FeatureContext, range: Range): CompletionItem[] {
  const servedHere = new Set(doc.apiVersion ? allKinds().filter((k) => k.apiVersion === doc.apiVersion).map((k) => k.kind) : []);
  const items: CompletionItem[] = kindNames().map((kind, i) => {
    const info = kindDocs[kind]!;
    const removed = info.apiVersion && apiVersionInfo(info.apiVersion, kind).status === 'removed';
    return {
      label: kind,
      kind: CompletionItemKind.Class,
      detail: info.apiVersion,
      sortText: `${servedHere.has(kind) ? 0 : removed ? 2 : 1}${String(i).padStart(3, '0')}`,
      tags: removed ? [CompletionItemTag.Deprecated] : undefined,
      documentation: { kind: MarkupKind.Markdown, value: pick(info.summary, ctx.lang) },
      textEdit: { range, newText: kind },
    };
  });
  // OpenShift's and the catalog's kinds: after Kubernetes' own, unless the document's apiVersion serves them.
  const labels = new Set(kindNames());
  for (const extra of extraKinds(ctx)) {
    const here = doc.apiVersion !== undefined && extra.apiVersions.includes(doc.apiVersion);
    if (labels.has(extra.kind) && !here) continue;
    labels.add(extra.kind);
    items.push({
      label: extra.kind,
      kind: CompletionItemKind.Class,
      detail: extra.apiVersions[0],
      sortText: `${here ? 0 : extra.doc.common ? 3 : 4}${extra.kind}`,
      tags: extra.doc.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      documentation: { kind: MarkupKind.Markdown, value: kindDocumentation(extra.doc, ctx.lang) },
      textEdit: { range, newText: extra.kind },
    });
  }
  for (const custom of customSchemasFor(ctx)?.kinds() ?? []) {
    if (labels.has(custom.kind)) continue;
    items.push({ label: custom.kind, kind: CompletionItemKind.Class, detail: custom.apiVersion, sortText: `${custom.apiVersion === doc.apiVersion ? 0 : 3}${custom.kind}`, textEdit: { range, newText: custom.kind } });
  }
  return items;
}

const commonApiVersions = ['v1', 'apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'autoscaling/v2', 'rbac.authorization.k8s.io/v1', 'policy/v1'];

function apiVersionItems(doc: ManifestDocument, range: Range, ctx: FeatureContext): CompletionItem[] {
  const extras = extraKinds(ctx);
  const all = [...new Set([...allKinds().map((k) => k.apiVersion), ...extras.flatMap((e) => e.apiVersions)])];
  const extraForKind = doc.kind ? extras.filter((e) => e.kind === doc.kind) : [];
  const forKind = doc.kind ? [...kindsNamed(doc.kind).map((k) => k.apiVersion), ...extraForKind.flatMap((e) => e.apiVersions)] : [];
  const preferred = doc.kind ? kindDocFor(doc.apiVersion, doc.kind)?.apiVersion ?? kindDocs[doc.kind]?.apiVersion ?? extraForKind[0]?.apiVersions[0] : undefined;
  return all.map((apiVersion) => {
    const rank = apiVersion === preferred ? 0 : forKind.includes(apiVersion) ? 1 : !doc.kind && commonApiVersions.includes(apiVersion) ? 2 : 3;
    const index = commonApiVersions.indexOf(apiVersion);
    return {
      label: apiVersion,
      kind: CompletionItemKind.Module,
      detail: forKind.includes(apiVersion) && doc.kind ? doc.kind : undefined,
      sortText: `${rank}${String(index < 0 ? 99 : index).padStart(2, '0')}${apiVersion}`,
      textEdit: { range, newText: apiVersion },
    };
  });
}

// ---------------------------------------------------------------- keys

function keyItems(file: ManifestFile, cursor: CursorPath, ctx: FeatureContext, range: Range): CompletionItem[] {
  const { doc, parent } = cursor;
  if (parent.length === 0 && !doc.isKubernetes) return rootKeysWithoutKind(cursor, range);
  const scope = scopeFor(doc, parent.length === 0 ? [] : parent, ctx);
  if (!scope) return [];
  const lookup = scope.path.length === 0 ? { type: { type: 'object', ref: scope.schema.root } as SchemaType } : fieldAt(scope.schema, scope.path);
  if (!lookup) return [];
  return keysForType(file, cursor, lookup.type, parent, ctx, range);
}

/** A blank file: start a manifest. */
function emptyFileItems(file: ManifestFile, position: Position): CompletionList {
  const line = file.document.getText({ start: { line: position.line, character: 0 }, end: position });
  const range: Range = { start: { line: position.line, character: line.length - line.trimStart().length }, end: position };
  return {
    isIncomplete: false,
    items: ['apiVersion', 'kind'].map((key, i) => ({ label: key, kind: CompletionItemKind.Property, sortText: `0${i}`, textEdit: { range, newText: `${key}: ` }, command: triggerSuggest })),
  };
}

/** A document without apiVersion/kind yet: offer those two, unless this YAML is clearly something else. */
function rootKeysWithoutKind(cursor: CursorPath, range: Range): CompletionItem[] {
  const contents = cursor.doc.yaml.contents;
  const keys = isMap(contents) ? contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((k) => k && k !== cursor.key) : [];
  if (keys.some((k) => k !== 'apiVersion' && k !== 'kind' && k !== 'metadata')) return [];
  return ['apiVersion', 'kind'].filter((k) => !keys.includes(k)).map((key, i) => ({
    label: key,
    kind: CompletionItemKind.Property,
    sortText: `0${i}`,
    textEdit: { range, newText: cursor.hasColon ? key : `${key}: ` },
    command: cursor.hasColon ? undefined : triggerSuggest,
  }));
}

function keysForType(file: ManifestFile, cursor: CursorPath, type: SchemaType, objectPath: PathSegment[], ctx: FeatureContext, range: Range): CompletionItem[] {
  if (type.type !== 'object') return [];
  if (!type.ref) return mapKeyItems(file, cursor, type, objectPath, ctx.lang, range);
  const def = resolveType(type.ref);
  if (!def) return [];
  const present = presentKeys(cursor.doc, objectPath, cursor.key);
  const items: CompletionItem[] = [];
  for (const field of def.properties.values()) {
    if (present.has(field.name)) continue;
    if (objectPath.length === 0 && field.name === 'status') continue; // the server writes it
    items.push(keyItem(field, def, cursor, ctx.lang, range));
    for (const snippet of keySnippets[`${def.name}.${field.name}`] ?? []) {
      if (!cursor.hasColon && !cursor.inFlow) items.push(snippetItem(snippet, cursor.indent, range, ctx.lang, `1${field.name}~`));
    }
  }
  return items;
}

function keyItem(field: FieldSchema, def: ObjectDef, cursor: CursorPath, lang: DocsLanguage, range: Range): CompletionItem {
  const deprecated = /^(Deprecated|DEPRECATED)\b/.test(field.description ?? '');
  const popular = popularFields.has(`${def.name}.${field.name}`) || popularFields.has(`*.${field.name}`);
  const rank = field.required ? 0 : deprecated ? 3 : popular ? 1 : 2;
  const item: CompletionItem = {
    label: field.name,
    kind: CompletionItemKind.Property,
    detail: `${typeLabel(field.type)}${field.required ? (lang === 'zh-cn' ? ' · 必填' : ' · required') : ''}`,
    sortText: `${rank}${field.name}`,
    filterText: field.name,
    tags: deprecated ? [CompletionItemTag.Deprecated] : undefined,
  };
  const doc = describeField(field, lang);
  if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
  if (cursor.hasColon || cursor.inFlow) {
    item.textEdit = { range, newText: cursor.hasColon ? field.name : `${field.name}: ` };
    return item;
  }
  const child = ' '.repeat(cursor.indent + 2);
  const t = field.type;
  if (t.type === 'array') {
    item.textEdit = { range, newText: `${field.name}:\n${child}- $0` };
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.insertTextMode = InsertTextMode.asIs;
  } else if (t.type === 'object') {
    item.textEdit = { range, newText: `${field.name}:\n${child}$0` };
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.insertTextMode = InsertTextMode.asIs;
  } else {
    item.textEdit = { range, newText: `${field.name}: ` };
    if (field.enum || t.type === 'boolean' || t.type === 'quantity' || valueHints[`${def.name}.${field.name}`]) item.command = triggerSuggest;
  }
  return item;
}

function snippetItem(snippet: BlockSnippet, indent: number, range: Range, lang: DocsLanguage, sortText: string): CompletionItem {
  const pad = ' '.repeat(indent);
  return {
    label: snippet.label,
    kind: CompletionItemKind.Snippet,
    detail: pick(snippet.detail, lang),
    sortText,
    filterText: snippet.label.split(/[ :(]/)[0],
    textEdit: { range, newText: snippet.body.replace(/\n/g, `\n${pad}`) },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  };
}

/** Keys of a map: label keys, node labels, resource names. Arbitrary maps (annotations, data) get nothing. */
function mapKeyItems(file: ManifestFile, cursor: CursorPath, type: SchemaType, objectPath: PathSegment[], lang: DocsLanguage, range: Range): CompletionItem[] {
  const last = objectPath[objectPath.length - 1];
  let table: Readonly<Record<string, Localized>> | undefined;
  if (last === 'labels' || last === 'matchLabels' || (last === 'selector' && type.additionalProperties?.type === 'string')) table = wellKnownLabels;
  else if (last === 'nodeSelector') table = wellKnownNodeLabels;
  else if (last === 'limits' || last === 'requests' || last === 'hard') {
    table = Object.fromEntries(Object.entries(resourceNames).map(([name, info]) => [name, info.doc]));
  }
  if (!table) return [];
  const present = presentKeys(cursor.doc, objectPath, cursor.key);
  const pairs: CompletionItem[] = [];
  if (table === wellKnownLabels && !cursor.hasColon) {
    // Labels written elsewhere in the file, as whole `key: value` pairs: selectors must match them.
    let i = 0;
    for (const [key, values] of labelsOf(file)) {
      if (present.has(key)) continue;
      for (const value of values) {
        pairs.push({ label: `${key}: ${value}`, kind: CompletionItemKind.Value, sortText: `!${String(i++).padStart(3, '0')}`, filterText: key, textEdit: { range, newText: `${key}: ${value}` } });
      }
    }
  }
  return pairs.concat(Object.entries(table).filter(([key]) => !present.has(key)).map(([key, doc], i) => ({
    label: key,
    kind: CompletionItemKind.Property,
    sortText: String(i).padStart(2, '0'),
    documentation: { kind: MarkupKind.Markdown, value: pick(doc, lang) },
    textEdit: { range, newText: cursor.hasColon ? key : `${key}: ` },
    command: type.additionalProperties?.type === 'quantity' && !cursor.hasColon ? triggerSuggest : undefined,
  })));
}

const labelCache = new WeakMap<ManifestFile, Map<string, Set<string>>>();
/** Every label (key → values) set in `metadata.labels` or a Pod template of the file; once per version. */
function labelsOf(file: ManifestFile): Map<string, Set<string>> {
  let labels = labelCache.get(file);
  if (labels) return labels;
  labels = new Map();
  for (const doc of file.documents.slice(0, 500)) {
    for (const path of [['metadata', 'labels'], ['spec', 'template', 'metadata', 'labels'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels']]) {
      let node: unknown;
      try { node = doc.yaml.getIn(path, true); } catch { node = undefined; }
      if (!isMap(node)) continue;
      for (const pair of node.items.slice(0, 50)) {
        if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
        const key = String(pair.key.value);
        const value = String(pair.value.value);
        if (!key || value === 'null' || /\s/.test(value)) continue;
        const set = labels.get(key) ?? new Set<string>();
        if (set.size < 20) set.add(value);
        labels.set(key, set);
      }
    }
  }
  labelCache.set(file, labels);
  return labels;
}

/** Keys already written in the mapping at `path` (from the AST), except the one being edited. */
function presentKeys(doc: ManifestDocument, path: PathSegment[], editing: string | undefined): Set<string> {
  const keys = new Set<string>();
  try {
    const node = path.length === 0 ? doc.yaml.contents : doc.yaml.getIn(path, true);
    if (isMap(node)) {
      for (const pair of node.items) if (isScalar(pair.key) && pair.key.value !== null) keys.add(String(pair.key.value));
    }
  } catch {
    // Incomplete YAML: nothing known to be present.
  }
  if (editing !== undefined) keys.delete(editing);
  return keys;
}

// ---------------------------------------------------------------- sequence entries

function itemEntryItems(file: ManifestFile, cursor: CursorPath, ctx: FeatureContext, range: Range): CompletionItem[] {
  const scope = scopeFor(cursor.doc, cursor.path, ctx);
  if (!scope) return [];
  const lookup = fieldAt(scope.schema, scope.path);
  if (!lookup) return [];
  if (lookup.type.type === 'object' && lookup.type.ref) {
    const items = keysForType(file, { ...cursor, key: undefined }, lookup.type, cursor.path, ctx, range);
    if (!cursor.inFlow && cursor.prefix === '') {
      (itemSnippets[lookup.type.ref] ?? []).forEach((snippet, i) => items.push(snippetItem(snippet, cursor.indent, range, ctx.lang, `!${i}`)));
    }
    return items;
  }
  // A list of scalars: the list field's enum (accessModes, verbs…) or hints.
  const listPath = scope.path.slice(0, -1);
  const list = fieldAt(scope.schema, listPath);
  return scalarValueItems(file, list?.field, lookup.type, undefined, ctx, range, { kind: cursor.doc.kind, sibling: () => undefined });
}

function stringAt(doc: ManifestDocument, path: PathSegment[]): string | undefined {
  try {
    const value = doc.yaml.getIn(path);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- images

const imageCache = new WeakMap<ManifestFile, string[]>();

/** `image:` values of this file, then those the workspace knows. */
function imagesFor(file: ManifestFile, ctx: FeatureContext): string[] {
  let local = imageCache.get(file);
  if (!local) {
    local = [];
    const text = file.document.getText();
    for (let i = text.indexOf('image:'); i >= 0 && local.length < 200; i = text.indexOf('image:', i + 6)) {
      const lineEnd = text.indexOf('\n', i);
      const raw = text.slice(i + 6, lineEnd < 0 ? text.length : lineEnd).trim().replace(/\s+#.*$/, '').replace(/^["']|["']$/g, '');
      if (raw && !/\s/.test(raw) && !raw.startsWith('{')) local.push(raw);
    }
    imageCache.set(file, local);
  }
  const images = new Set(local);
  try {
    for (const image of workspaceImages(ctx.workspace)) {
      if (images.size >= 500) break;
      if (typeof image === 'string' && image) images.add(image);
    }
  } catch {
    // A workspace index in a bad state must not break completion.
  }
  return [...images];
}

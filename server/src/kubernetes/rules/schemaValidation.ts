import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Finding, Fix } from '../../common/rules';
import { closest } from '../../common/didYouMean';
import { movedFinding } from '../documentFindings';
import { contentKeyOf } from '../incrementalParse';
import type { ManifestDocument, ManifestFile } from '../model';
import { holdsObjects, objectsOfDocument, type ObjectFacts } from '../objects';
import type { FeatureContext } from '../../common/service';
import { displayName, getKindSchema, resolveType, typeLabel, type CustomKindSource, type FieldSchema, type ObjectDef, type SchemaType } from '../schema';
import { customSchemasFor } from '../schema/customSchemas';
import { isPlaceholder } from '../templating';
import { nodeRange } from '../yamlNodes';
import { workspaceOf, type KubeRule, type KubeRuleMeta } from './context';
import { appendToMap, renameKey, replaceScalar } from './edits';

/**
 * Checks objects against their schema in one walk per file; the four rules below each report their
 * share. Built-in kinds use the Kubernetes 1.36 schema; custom resources the CRD or JSON schema that
 * `customSchemasFor` finds (settings' files, the workspace's CRDs), where only what the schema
 * states is checked (see customSchemas.ts: what it cannot model is `any`, open objects stay open).
 * Kinds without a schema are skipped.
 */
type Category = 'unknown' | 'type' | 'required' | 'enum';

interface SchemaFinding { category: Category; finding: Finding; selectorOnly?: boolean }

/** Per parse, for the custom kinds it was checked against (they change when a CRD does). */
const cache = new WeakMap<ManifestFile, { custom: CustomKindSource | undefined; found: SchemaFinding[] }>();

const header = new Set(['apiVersion', 'kind']);
/**
 * A custom resource's `status` is its controller's to write (the API server ignores it on create and
 * update), so it is not checked: files that carry it are exports or test assertions, often partial.
 */
const customHeader = new Set(['apiVersion', 'kind', 'status']);

function schemaFindings(file: ManifestFile, ctx: FeatureContext): SchemaFinding[] {
  const custom = customSchemasFor(ctx);
  const cached = cache.get(file);
  if (cached && cached.custom === custom) return cached.found;
  const found: SchemaFinding[] = [];
  if (file.isKubernetes) found.push(...halfHeaders(file));
  // Fixes write the file's line ending: findings kept for a document hold only under the same one.
  const crlf = file.lineBreaks?.crlf ?? file.document.getText().includes('\r\n');
  // Document by document; a kept document's objects (and nodes) are not read.
  for (const doc of file.documents) if (holdsObjects(doc)) found.push(...documentSchemaFindings(file, doc, custom, crlf));
  cache.set(file, { custom, found });
  return found;
}

/**
 * Per `---` document content (incrementalParse.ts's content key), its findings as last computed:
 * an edit walks only the documents it changed. A document's findings depend on its text, the
 * schemas (custom ones included) and the line ending; when the document moved, they move by whole
 * lines (a document starts at column 0).
 */
const byDocument = new WeakMap<object, { custom: CustomKindSource | undefined; crlf: boolean; firstLine: number; found: SchemaFinding[] }>();

function documentSchemaFindings(file: ManifestFile, doc: ManifestDocument, custom: CustomKindSource | undefined, crlf: boolean): SchemaFinding[] {
  const key = contentKeyOf(doc.yaml);
  const firstLine = file.document.positionAt(doc.start).line;
  const kept = byDocument.get(key);
  if (kept && kept.custom === custom && kept.crlf === crlf) {
    if (kept.firstLine === firstLine) return kept.found;
    const found = kept.found.map((item) => ({ ...item, finding: movedFinding(item.finding, firstLine - kept.firstLine) }));
    byDocument.set(key, { custom, crlf, firstLine, found });
    return found;
  }
  const found = objectsSchemaFindings(file, objectsOfDocument(doc), custom);
  byDocument.set(key, { custom, crlf, firstLine, found });
  return found;
}

function objectsSchemaFindings(file: ManifestFile, objects: ObjectFacts[], custom: CustomKindSource | undefined): SchemaFinding[] {
  const found: SchemaFinding[] = [];
  for (const object of objects) {
    const kind = getKindSchema(object.apiVersion, object.kind, custom);
    if (!kind) continue;
    const emit = (category: Category, finding: Finding, selectorOnly?: boolean) => found.push({ category, finding, selectorOnly });
    const walker = new Walker(file, object, emit);
    walker.mapping(object.root, resolveType(kind.root), undefined, kind.source === 'custom' || kind.source === 'catalog' ? customHeader : header);
    if (kind.source === 'openshift' && kind.kind === 'Template') checkTemplateObjects(file, object, custom, emit);
  }
  return found;
}

/**
 * A document with `kind` but no `apiVersion` (or the reverse) among Kubernetes documents, or such an
 * item of a `kind: List`: kubectl rejects the file. (Alone in a file it may be any YAML: not ours.)
 */
function halfHeaders(file: ManifestFile): SchemaFinding[] {
  const maps: YAMLMap[] = [];
  for (const doc of file.documents) {
    // Only lists among Kubernetes documents can hold a half header (and reading no other keeps their nodes unread).
    if (doc.isKubernetes && doc.kind !== 'List') continue;
    const root = doc.yaml.contents;
    if (!isMap(root)) continue;
    const items = root.get('items', true);
    if (!doc.isKubernetes) maps.push(root);
    else if (doc.kind === 'List' && isSeq(items)) maps.push(...items.items.filter(isMap));
  }
  const out: SchemaFinding[] = [];
  for (const map of maps) {
    const apiVersion = map.get('apiVersion', true);
    const kind = map.get('kind', true);
    if ((apiVersion === undefined) === (kind === undefined)) continue;
    const missing = apiVersion === undefined ? 'apiVersion' : 'kind';
    const present = (map.items.find((pair) => isScalar(pair.key) && pair.key.value === (missing === 'kind' ? 'apiVersion' : 'kind'))?.key ?? map) as Node;
    out.push({
      category: 'required',
      finding: {
        range: nodeRange(file, present),
        message: { en: `This object has no \`${missing}\`; kubectl rejects a manifest without one.`, zh: `该对象缺少 \`${missing}\`，kubectl 会拒绝没有它的清单。` },
      },
    });
  }
  return out;
}

/**
 * An OpenShift Template's `objects` are manifests in their own right: each is checked against its
 * kind, except values holding a `${PARAM}` / `${{PARAM}}` placeholder, which `oc process` fills in.
 */
function checkTemplateObjects(file: ManifestFile, template: ObjectFacts, custom: CustomKindSource | undefined, emit: (c: Category, f: Finding, selectorOnly?: boolean) => void): void {
  const objects = template.root.get('objects', true);
  if (!isSeq(objects)) return;
  for (const item of objects.items) {
    if (!isMap(item)) continue;
    const apiVersion = item.get('apiVersion');
    const kindName = item.get('kind');
    if (typeof apiVersion !== 'string' || typeof kindName !== 'string' || apiVersion.includes('${') || kindName.includes('${')) continue;
    const kind = getKindSchema(apiVersion, kindName, custom);
    if (!kind) continue;
    new Walker(file, template, emit, true).mapping(item, resolveType(kind.root), undefined, kind.source === 'custom' || kind.source === 'catalog' ? customHeader : header);
  }
}

const placeholder = /\$\{\{?[A-Za-z_][A-Za-z0-9_]*\}?\}/;

/** Quantities: `100m`, `1.5Gi`, `2`, `1e3`. */
const quantity = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

class Walker {
  private budget = 200_000;
  /** `templated`: inside an OpenShift Template, where `${PARAM}` placeholders stand for any value. */
  constructor(private readonly file: ManifestFile, private readonly facts: ObjectFacts, private readonly emit: (c: Category, f: Finding, selectorOnly?: boolean) => void, private readonly templated = false) {}

  value(node: unknown, type: SchemaType, field: FieldSchema | undefined, keyNode: Node | undefined): void {
    if (--this.budget < 0 || node === null || node === undefined || isAlias(node)) return;
    if (isScalar(node) && node.value === null) return; // `key:` with nothing: treated as absent
    if (this.templated && isScalar(node) && typeof node.value === 'string' && placeholder.test(node.value)) return;
    switch (type.type) {
      case 'any': return;
      case 'object':
        if (!isMap(node)) return this.wrongType(node, type);
        if (type.ref) return this.mapping(node, resolveType(type.ref), keyNode);
        if (type.additionalProperties) for (const pair of node.items) this.value(pair.value, type.additionalProperties, undefined, pair.key as Node);
        return;
      case 'array':
        if (!isSeq(node)) return this.wrongType(node, type);
        if (type.items) for (const item of node.items) this.value(item, type.items, undefined, undefined);
        return;
      default:
        return this.scalar(node, type, field);
    }
  }

  mapping(map: YAMLMap, def: ObjectDef | undefined, keyNode: Node | undefined, skip?: Set<string>): void {
    if (!def) return;
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      // `<<` merge keys and kustomize's `$patch`/`$setElementOrder` directives are not fields.
      if (skip?.has(key) || key === '<<' || key.startsWith('$')) continue;
      const field = def.properties.get(key);
      if (!field) {
        // Custom schemas: an open object (preserve-unknown-fields) takes any key, a typed map checks the value.
        if (def.additionalProperties === true) continue;
        if (def.additionalProperties) this.value(pair.value, def.additionalProperties, undefined, pair.key as Node);
        else this.unknownField(pair as Pair<Scalar, unknown>, def, key);
        continue;
      }
      this.value(pair.value, field.type, field, pair.key);
    }
    // Required fields are few per definition: each is looked for among the pairs, with no set of keys built per map.
    let missing: string[] | undefined;
    let keyWithoutValue = false;
    for (const name of def.required) {
      if (skip?.has(name)) continue;
      let given = false;
      let empty = false;
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key) || String(pair.key.value) !== name) continue;
        // `containers:` with nothing after it is null: the API treats the field as missing.
        if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) empty = true;
        else given = true;
      }
      if (given) continue;
      (missing ??= []).push(name);
      if (empty) keyWithoutValue = true;
    }
    if (missing) this.missingFields(map, def, missing, keyNode, keyWithoutValue);
  }

  private scalar(node: unknown, type: SchemaType, field: FieldSchema | undefined): void {
    if (!isScalar(node)) return this.wrongType(node, type);
    const value = node.value;
    // `${PORT}`, `$(REPLICAS)`: filled in before the API server sees it, whatever the field's type.
    if (isPlaceholder(value)) return;
    if (this.templated && typeof value === 'string' && placeholder.test(value)) return;
    let ok: boolean;
    switch (type.type) {
      case 'string': ok = typeof value === 'string'; break;
      case 'integer': ok = typeof value === 'number' && Number.isInteger(value); break;
      case 'number': ok = typeof value === 'number'; break;
      case 'boolean': ok = typeof value === 'boolean'; break;
      case 'int-or-string': ok = typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)); break;
      case 'quantity': ok = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && quantity.test(value.trim())); break;
      default: ok = true;
    }
    if (!ok) return this.wrongType(node, type);
    if (field?.enum && typeof value === 'string' && !field.enum.includes(value)) this.badEnum(node, field);
  }

  private wrongType(node: unknown, type: SchemaType): void {
    const range = nodeRange(this.file, node as Node);
    const shown = isScalar(node) ? describeScalar(node) : isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : 'a value';
    const shownZh = isScalar(node) ? describeScalarZh(node) : isMap(node) ? '映射' : isSeq(node) ? '列表' : '值';
    const fixes: Fix[] = [];
    if (isScalar(node) && type.type === 'string' && node.value !== null && typeof node.value !== 'object') {
      const edit = replaceScalar(this.file, node, JSON.stringify(String(node.source ?? node.value)));
      if (edit) fixes.push({ title: { en: 'Quote the value', zh: '给值加上引号' }, edits: [edit], safe: true });
    }
    if (isScalar(node) && typeof node.value === 'string') {
      const text = node.value.trim();
      if ((type.type === 'boolean' && /^(true|false)$/.test(text)) || ((type.type === 'integer' || type.type === 'int-or-string') && /^-?\d+$/.test(text))) {
        const edit = replaceScalar(this.file, node, text);
        if (edit) fixes.push({ title: { en: 'Remove the quotes', zh: '去掉引号' }, edits: [edit], safe: true });
      }
    }
    const hint = type.type === 'quantity' ? { en: ' (a quantity such as 500m, 1, 128Mi or 1Gi)', zh: '（数量格式，例如 500m、1、128Mi 或 1Gi）' } : { en: '', zh: '' };
    this.emit('type', {
      range,
      message: { en: `Expected ${typeLabel(type)}${hint.en}, found ${shown}.`, zh: `此处应为 ${typeLabel(type)}${hint.zh}，实际是${shownZh}。` },
      fixes: fixes.length ? fixes : undefined,
    });
  }

  private badEnum(node: Scalar, field: FieldSchema): void {
    const allowed = field.enum ?? [];
    const suggestion = closest(String(node.value), allowed, 3);
    const edit = suggestion ? replaceScalar(this.file, node, suggestion) : undefined;
    this.emit('enum', {
      range: nodeRange(this.file, node),
      message: {
        en: `\`${String(node.value)}\` is not a valid ${field.name}; expected ${allowed.join(', ')}.`,
        zh: `\`${String(node.value)}\` 不是有效的 ${field.name}，可选值为 ${allowed.join('、')}。`,
      },
      fixes: edit ? [{ title: { en: `Change to ${suggestion}`, zh: `改为 ${suggestion}` }, edits: [edit], safe: true }] : undefined,
    });
  }

  private unknownField(pair: Pair<Scalar, unknown>, def: ObjectDef, key: string): void {
    const suggestion = closest(key, def.properties.keys(), key.length <= 4 ? 1 : 2);
    const edit = suggestion && !def.properties.has(key) ? renameKey(this.file, pair.key, suggestion) : undefined;
    const where = displayName(def.name);
    this.emit('unknown', {
      range: nodeRange(this.file, pair.key),
      message: {
        en: `Unknown field \`${key}\` in ${where}${suggestion ? `; did you mean \`${suggestion}\`?` : '.'}`,
        zh: `${where} 中没有字段 \`${key}\`${suggestion ? `，是否想写 \`${suggestion}\`？` : '。'}`,
      },
      fixes: edit ? [{ title: { en: `Rename to ${suggestion}`, zh: `重命名为 ${suggestion}` }, edits: [edit], safe: true }] : undefined,
    });
  }

  private missingFields(map: YAMLMap, def: ObjectDef, missing: string[], keyNode: Node | undefined, keyWithoutValue: boolean): void {
    const lines = missing.flatMap((name) => requiredFieldLines(this.facts, def, name, map));
    // Appending a key that is already there (empty) would duplicate it: no fix then.
    const edit = lines.length > 0 && !keyWithoutValue ? appendToMap(this.file, map, lines) : undefined;
    const anchor = keyNode ?? (map.items[0]?.key as Node | undefined) ?? map;
    const names = missing.map((m) => `\`${m}\``).join(', ');
    this.emit('required', {
      range: nodeRange(this.file, anchor),
      message: {
        en: `${displayName(def.name)} is missing the required field${missing.length > 1 ? 's' : ''} ${names}.`,
        zh: `${displayName(def.name)} 缺少必填字段 ${missing.map((m) => `\`${m}\``).join('、')}。`,
      },
      fixes: edit ? [{ title: { en: `Add ${missing.join(', ')}`, zh: `添加 ${missing.join('、')}` }, edits: [edit] }] : undefined,
    }, missing.length === 1 && missing[0] === 'selector');
  }
}

/** What to insert for a missing required field: sensible values where we can infer them, else an empty value of the right type. */
function requiredFieldLines(object: ObjectFacts, def: ObjectDef, name: string, map: YAMLMap): string[] {
  const field = def.properties.get(name);
  if (name === 'selector' && object.workload && Object.keys(object.workload.templateLabels).length > 0 && map === object.spec) {
    return ['selector:', '  matchLabels:', ...Object.entries(object.workload.templateLabels).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)];
  }
  if (name === 'name' && def.name === 'V1Container') {
    const image = map.get('image');
    const base = typeof image === 'string' ? image.split('@')[0].split('/').pop()!.split(':')[0].toLowerCase().replace(/[^a-z0-9-]/g, '-') : '';
    return [`name: ${base || 'app'}`];
  }
  switch (field?.type.type) {
    case 'string': return [`${name}: ""`];
    case 'integer': case 'number': case 'int-or-string': case 'quantity': return [`${name}: 0`];
    case 'boolean': return [`${name}: false`];
    case 'array': return [`${name}: []`];
    default: return [`${name}: {}`];
  }
}

function describeScalar(node: Scalar): string {
  const value = node.value;
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return 'a value';
}

function describeScalarZh(node: Scalar): string {
  const value = node.value;
  if (typeof value === 'string') return `字符串 "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return `布尔值 ${String(value)}`;
  if (typeof value === 'number') return `数字 ${String(value)}`;
  return '值';
}

function schemaRule(category: Category, meta: KubeRuleMeta): KubeRule {
  return {
    meta,
    check(subject, report) {
      const findings = schemaFindings(subject.file, subject.ctx).filter((item) => item.category === category);
      if (findings.length === 0) return;
      // kustomize adds `commonLabels` to selectors: a base without a selector is complete once built.
      const labelled = category === 'required' && findings.some((f) => f.selectorOnly) && workspaceOf(subject).kustomizeRole() === 'selector-labelled';
      for (const item of findings) if (!(labelled && item.selectorOnly)) report(item.finding);
    },
  };
}

export const schemaUnknownField = schemaRule('unknown', {
  id: 'schema-unknown-field', fixable: true, aliases: [], severity: 'error', category: 'syntax', profile: 'recommended',
  title: { en: 'Unknown field', zh: '未知字段' },
  docs: {
    en: 'The field does not exist at this place in the Kubernetes 1.36 schema, or for a custom resource in its CRD (one in the workspace, or named in `stevedore.kubernetes.customSchemas`); objects a CRD leaves open (`x-kubernetes-preserve-unknown-fields`) take any field. The API server drops unknown fields (or rejects them with strict validation), so the setting silently does nothing. Usually a typo, wrong capitalisation, or a field placed at the wrong level.',
    zh: '在 Kubernetes 1.36 的 schema 中（自定义资源则是其 CRD：工作区中的，或 `stevedore.kubernetes.customSchemas` 列出的），此位置不存在该字段；CRD 保留未知字段（`x-kubernetes-preserve-unknown-fields`）的对象可以写任何字段。API 服务器会丢弃未知字段（启用严格校验时直接拒绝），因此这项设置不会产生任何效果。通常是拼写错误、大小写不对，或字段放错了层级。',
  },
});

export const schemaType = schemaRule('type', {
  id: 'schema-type', fixable: true, aliases: [], severity: 'error', category: 'syntax', profile: 'recommended',
  title: { en: 'Wrong value type', zh: '值类型错误' },
  docs: {
    en: 'The value has the wrong type for the field: a number where a string is expected (quote it: `"8080"`), a quoted `"true"` where a boolean is expected, a list where a mapping belongs, or a resource quantity that is not of the form `500m`, `2`, `128Mi`, `1Gi`. kubectl refuses such manifests.',
    zh: '值的类型与字段不符：需要字符串的地方写了数字（请加引号，如 `"8080"`）、需要布尔值的地方写了带引号的 `"true"`、需要映射的地方写了列表，或资源数量不是 `500m`、`2`、`128Mi`、`1Gi` 这样的格式。kubectl 会拒绝这样的清单。',
  },
});

export const schemaRequired = schemaRule('required', {
  id: 'schema-required', fixable: true, aliases: [], severity: 'error', category: 'syntax', profile: 'recommended',
  title: { en: 'Missing required field', zh: '缺少必填字段' },
  docs: {
    en: 'The Kubernetes schema, or a custom resource\'s CRD, requires this field here (for example `containers` in a pod spec, `name` in a container, `selector` in an apps/v1 Deployment). The API server rejects the object without it.',
    zh: 'Kubernetes schema（或自定义资源的 CRD）要求此处必须有该字段（例如 Pod 规格中的 `containers`、容器中的 `name`、apps/v1 Deployment 中的 `selector`）。缺少它时，API 服务器会拒绝该对象。',
  },
});

export const schemaEnum = schemaRule('enum', {
  id: 'schema-enum', fixable: true, aliases: [], severity: 'error', category: 'syntax', profile: 'recommended',
  title: { en: 'Value not allowed', zh: '取值不被允许' },
  docs: {
    en: 'The field accepts only a fixed set of values (for example `imagePullPolicy`: Always, IfNotPresent, Never; Service `type`: ClusterIP, NodePort, LoadBalancer, ExternalName). Values are case-sensitive.',
    zh: '该字段只接受固定的几个取值（例如 `imagePullPolicy`：Always、IfNotPresent、Never；Service 的 `type`：ClusterIP、NodePort、LoadBalancer、ExternalName）。取值区分大小写。',
  },
});

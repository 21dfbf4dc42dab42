import path from 'node:path';
import { isMap, parseAllDocuments } from 'yaml';
import type { FeatureContext } from '../../common/service';
import { registerCustomDefinitions, type CustomKindSource } from './index';
import { splitApiVersion } from './apiVersions';
import type { FieldSchema, KindSchema, ObjectDef, SchemaType } from './types';

/**
 * Custom resources from local files listed in `stevedore.kubernetes.customSchemas` — no network:
 * - CRD manifests (YAML or JSON, several per file): every served version's `openAPIV3Schema`;
 * - JSON schemas carrying their kind: `x-kubernetes-group-version-kind`, or `apiVersion`/`kind`
 *   enums in `properties` (the shape of the common CRD schema catalogs); a JSON file with
 *   `definitions` (or `components.schemas`) holding several such schemas.
 * Paths are relative to the workspace root (or to the open file's folder when there is no root).
 * Files are read through `ctx.files`; a file that is unchanged is not parsed again.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Loaded {
  key: string;
  texts: (string | undefined)[];
  source: CustomKindSource;
}

let last: Loaded | undefined;

export function customSchemasFor(ctx: FeatureContext): CustomKindSource | undefined {
  const entries = ctx.settings.kubernetes.customSchemas.filter((p) => typeof p === 'string' && p.trim() !== '');
  if (entries.length === 0) return undefined;
  const base = ctx.workspaceRoot ?? (ctx.filePath ? path.dirname(ctx.filePath) : undefined);
  const files = entries.slice(0, 200).map((p) => (path.isAbsolute(p) ? p : base ? path.resolve(base, p) : undefined));
  const texts = files.map((f) => (f ? safeRead(ctx, f) : undefined));
  const key = files.join('\n');
  if (last && last.key === key && last.texts.every((t, i) => t === texts[i])) return last.source;
  const kinds = new Map<string, KindSchema>();
  texts.forEach((text, i) => {
    if (text === undefined) return;
    try {
      for (const kind of loadSchemaText(text, i)) kinds.set(`${kind.apiVersion}|${kind.kind}`, kind);
    } catch {
      // A broken schema file gives nothing, never an error out of a hover.
    }
  });
  const list = [...kinds.values()];
  const source: CustomKindSource = { getKind: (apiVersion, kind) => kinds.get(`${apiVersion}|${kind}`), kinds: () => list };
  last = { key, texts, source };
  return source;
}

function safeRead(ctx: FeatureContext, file: string): string | undefined {
  try {
    const text = ctx.files.readText(file);
    return text !== undefined && text.length <= 20_000_000 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Kinds (with their definitions registered) from one file's text. `fileIndex` keeps names unique. */
export function loadSchemaText(text: string, fileIndex = 0): KindSchema[] {
  const docs: unknown[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    docs.push(JSON.parse(text));
  } else {
    for (const doc of parseAllDocuments(text)) {
      if (isMap(doc.contents)) docs.push(doc.toJS({ maxAliasCount: 100 }));
    }
  }
  const kinds: KindSchema[] = [];
  for (const doc of docs) {
    if (!isObject(doc)) continue;
    if (doc.kind === 'CustomResourceDefinition') kinds.push(...fromCrd(doc, fileIndex));
    else if (doc.kind === 'List' && Array.isArray(doc.items)) {
      for (const item of doc.items) if (isObject(item) && item.kind === 'CustomResourceDefinition') kinds.push(...fromCrd(item, fileIndex));
    } else kinds.push(...fromJsonSchema(doc, fileIndex));
  }
  return kinds;
}

function fromCrd(crd: Json, fileIndex: number): KindSchema[] {
  const spec = isObject(crd.spec) ? crd.spec : {};
  const group = typeof spec.group === 'string' ? spec.group : '';
  const kind = isObject(spec.names) && typeof spec.names.kind === 'string' ? spec.names.kind : undefined;
  if (!group || !kind) return [];
  const namespaced = spec.scope !== 'Cluster';
  const result: KindSchema[] = [];
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  for (const v of versions) {
    if (!isObject(v) || typeof v.name !== 'string' || v.served === false) continue;
    const schema = isObject(v.schema) && isObject(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema
      : isObject(spec.validation) && isObject(spec.validation.openAPIV3Schema) ? spec.validation.openAPIV3Schema : undefined;
    const apiVersion = `${group}/${v.name}`;
    result.push(registerKind(apiVersion, kind, namespaced, schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, fileIndex, {}));
  }
  return result;
}

function fromJsonSchema(doc: Json, fileIndex: number): KindSchema[] {
  const result: KindSchema[] = [];
  const defs = isObject(doc.definitions) ? doc.definitions : isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : undefined;
  const candidates: Json[] = defs ? Object.values(defs).filter(isObject) : [doc];
  for (const schema of candidates) {
    for (const [apiVersion, kind] of kindsOfSchema(schema)) {
      result.push(registerKind(apiVersion, kind, true, schema, fileIndex, defs ?? {}));
    }
  }
  return result;
}

function kindsOfSchema(schema: Json): [string, string][] {
  const gvks = schema['x-kubernetes-group-version-kind'];
  if (Array.isArray(gvks)) {
    return gvks.filter(isObject).filter((g) => typeof g.kind === 'string' && typeof g.version === 'string')
      .map((g) => [g.group ? `${String(g.group)}/${String(g.version)}` : String(g.version), String(g.kind)]);
  }
  const props = isObject(schema.properties) ? schema.properties : {};
  const apiVersions = isObject(props.apiVersion) && Array.isArray(props.apiVersion.enum) ? props.apiVersion.enum : [];
  const kinds = isObject(props.kind) && Array.isArray(props.kind.enum) ? props.kind.enum : [];
  const out: [string, string][] = [];
  for (const a of apiVersions) for (const k of kinds) if (typeof a === 'string' && typeof k === 'string') out.push([a, k]);
  return out;
}

function registerKind(apiVersion: string, kind: string, namespaced: boolean, schema: Json, fileIndex: number, refs: Json): KindSchema {
  const prefix = `custom${fileIndex}:${apiVersion}/${kind}`;
  const defs: ObjectDef[] = [];
  const converter = new Converter(prefix, refs, defs);
  const rootType = converter.convert(schema, 'root', 0);
  const root = rootType.ref ? defs.find((d) => d.name === rootType.ref) : undefined;
  const rootDef: ObjectDef = root ?? { name: `${prefix}#root`, properties: new Map(), required: [], additionalProperties: true };
  // Every object has the standard header whatever the CRD says about it.
  const properties = new Map(rootDef.properties);
  const header: [string, SchemaType, string][] = [
    ['apiVersion', { type: 'string' }, 'APIVersion defines the versioned schema of this representation of an object.'],
    ['kind', { type: 'string' }, 'Kind is a string value representing the REST resource this object represents.'],
    ['metadata', { type: 'object', ref: 'V1ObjectMeta' }, "Standard object's metadata."],
  ];
  for (const [name, type, description] of header) {
    const existing = properties.get(name);
    if (!existing || (name === 'metadata' && !existing.type.ref)) {
      properties.set(name, { name, type, description: existing?.description ?? description, required: false, owner: rootDef.name });
    }
  }
  const finalRoot: ObjectDef = { ...rootDef, name: `${prefix}#root`, properties };
  registerCustomDefinitions([...defs.filter((d) => d !== root), finalRoot]);
  const { group, version } = splitApiVersion(apiVersion);
  return { apiVersion, group, version, kind, root: finalRoot.name, namespaced, source: 'custom' };
}

/** OpenAPI v3 (structural) schema → our definitions. Bounded depth; `$ref`s resolved in the same file. */
class Converter {
  private count = 0;
  private readonly refNames = new Map<string, string>();

  constructor(private readonly prefix: string, private readonly refs: Json, private readonly out: ObjectDef[]) {}

  convert(schema: unknown, where: string, depth: number): SchemaType {
    if (!isObject(schema) || depth > 40 || this.count > 5000) return { type: 'any' };
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (ref) return this.convertRef(ref, depth);
    if (schema['x-kubernetes-int-or-string'] === true) return { type: 'int-or-string' };
    const allOf = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
    if (allOf.length === 1 && !schema.properties) return this.convert({ ...allOf[0], ...schema, allOf: undefined }, where, depth);
    const type = typeof schema.type === 'string' ? schema.type : schema.properties ? 'object' : undefined;
    switch (type) {
      case 'string': return schema.format === 'int-or-string' ? { type: 'int-or-string' } : typeof schema.format === 'string' ? { type: 'string', format: schema.format } : { type: 'string' };
      case 'integer': return typeof schema.format === 'string' ? { type: 'integer', format: schema.format } : { type: 'integer' };
      case 'number': return { type: 'number' };
      case 'boolean': return { type: 'boolean' };
      case 'array': return { type: 'array', items: this.convert(schema.items, `${where}[]`, depth + 1) };
      case 'object': return this.convertObject(schema, where, depth);
      default: return { type: 'any' };
    }
  }

  private convertRef(ref: string, depth: number): SchemaType {
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    const known = this.refNames.get(name);
    if (known) return { type: 'object', ref: known };
    const target = this.refs[name];
    if (!isObject(target)) return { type: 'any' };
    if (target.type && target.type !== 'object') return this.convert(target, name, depth + 1);
    const defName = `${this.prefix}#${name}`;
    this.refNames.set(name, defName);
    return this.convertObject(target, name, depth + 1, defName);
  }

  private convertObject(schema: Json, where: string, depth: number, fixedName?: string): SchemaType {
    const props = isObject(schema.properties) ? schema.properties : undefined;
    const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
    if (!props) {
      if (isObject(schema.additionalProperties)) return { type: 'object', additionalProperties: this.convert(schema.additionalProperties, `${where}.*`, depth + 1) };
      return preserve || schema.additionalProperties === true || schema.additionalProperties === undefined ? { type: 'object' } : { type: 'object', additionalProperties: { type: 'any' } };
    }
    this.count++;
    const name = fixedName ?? `${this.prefix}#${where}`;
    const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
    const properties = new Map<string, FieldSchema>();
    const def: ObjectDef = {
      name,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      properties,
      required,
      additionalProperties: preserve ? true : isObject(schema.additionalProperties) ? this.convert(schema.additionalProperties, `${where}.*`, depth + 1) : undefined,
    };
    this.out.push(def);
    for (const [key, value] of Object.entries(props)) {
      if (!isObject(value)) continue;
      const field: FieldSchema = {
        name: key,
        type: this.convert(value, `${where}.${key}`, depth + 1),
        description: typeof value.description === 'string' ? value.description : undefined,
        required: required.includes(key),
        owner: name,
      };
      const values = Array.isArray(value.enum) ? value.enum.filter((e) => typeof e === 'string' || typeof e === 'number' || typeof e === 'boolean').map(String) : [];
      if (values.length) field.enum = values;
      if (value.default !== undefined) field.default = typeof value.default === 'string' ? value.default : JSON.stringify(value.default);
      properties.set(key, field);
    }
    return { type: 'object', ref: name };
  }
}

import { isMap, parseAllDocuments } from 'yaml';
import type { FeatureContext, ProjectFile } from '../../common/service';
import { asWorkspaceIndex, type WorkspaceIndex } from '../workspace';
import { registerCustomDefinitions, type CustomKindSource } from './index';
import { splitApiVersion } from './apiVersions';
import { catalogKind, setCatalogConverter } from './catalog';
import type { FieldSchema, KindSchema, ObjectDef, SchemaType } from './types';

/**
 * Custom resources, from two places — no network, and no file read here (the fronts read them):
 * - the files `kubernetes.customSchemas` names (`ctx.project.customSchemaFiles`):
 *   - CRD manifests (YAML or JSON, several per file): every served version's `openAPIV3Schema`;
 *   - JSON schemas carrying their kind: `x-kubernetes-group-version-kind`, or `apiVersion`/`kind`
 *     enums in `properties` (the shape of the common CRD schema catalogs); a JSON file with
 *     `definitions` (or `components.schemas`) holding several such schemas;
 * - the CustomResourceDefinitions of the workspace (`ctx.workspace`, the Kubernetes workspace
 *   index, keeps them per file): no setting needed.
 * When both define the same apiVersion and kind, the setting's file wins: it is the one explicit
 * choice, and the way to override a stale copy of a CRD lying in the workspace. Among settings'
 * files the later wins; among workspace CRDs, the file first in URI order.
 * Each text is converted once: settings' file sets are cached by paths and texts (the last few
 * sets: the CLI alternates between the sets of several `.stevedore.yaml`), workspace CRDs by their
 * JSON until the index's CRD generation changes.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Kinds by `apiVersion|kind`. */
class KindTable implements CustomKindSource {
  private readonly list: readonly KindSchema[];

  constructor(readonly byKey: ReadonlyMap<string, KindSchema>) {
    this.list = [...byKey.values()];
  }

  getKind(apiVersion: string, kind: string): KindSchema | undefined {
    return this.byKey.get(`${apiVersion}|${kind}`);
  }

  kinds(): readonly KindSchema[] {
    return this.list;
  }
}

const keyOf = (kind: KindSchema) => `${kind.apiVersion}|${kind.kind}`;

/**
 * The custom kinds a document sees (undefined: none), one object per unchanged set of sources:
 * the settings' files, then the workspace's CRDs, then the built-in catalog of popular CRDs
 * (catalog.ts) unless `kubernetes.crdCatalog` is off — a CRD of the workspace overrides the
 * catalog's copy of the same group, version and kind.
 */
export function customSchemasFor(ctx: FeatureContext): CustomKindSource | undefined {
  const fromSettings = settingsKinds(ctx.project?.customSchemaFiles ?? []);
  const fromWorkspace = workspaceKinds(asWorkspaceIndex(ctx.workspace));
  const own = !fromWorkspace ? fromSettings : !fromSettings ? fromWorkspace : merged(fromSettings, fromWorkspace);
  return ctx.settings?.kubernetes?.crdCatalog === false ? own : withCatalog(own);
}

/** Some kinds, then the catalog's. `kinds()` lists only the former: the catalog is listed by catalog.ts. */
class WithCatalog implements CustomKindSource {
  constructor(private readonly own: KindTable | undefined) {}

  getKind(apiVersion: string, kind: string): KindSchema | undefined {
    return this.own?.getKind(apiVersion, kind) ?? catalogKind(apiVersion, kind);
  }

  kinds(): readonly KindSchema[] {
    return this.own?.kinds() ?? [];
  }
}

const catalogOnly = new WithCatalog(undefined);
const withCatalogOf = new WeakMap<KindTable, WithCatalog>();

/** The same object for the same table, so callers caching by source (schemaValidation.ts) keep their cache. */
function withCatalog(own: KindTable | undefined): WithCatalog {
  if (!own) return catalogOnly;
  let source = withCatalogOf.get(own);
  if (!source) withCatalogOf.set(own, (source = new WithCatalog(own)));
  return source;
}

// --- settings' files ---

interface SettingsEntry {
  files: readonly ProjectFile[];
  table: KindTable | undefined;
}

const maxSettingsSets = 8;
const maxSchemaFiles = 200;
const maxSchemaChars = 20_000_000;
/** Most recently used first. */
const settingsSets: SettingsEntry[] = [];

function settingsKinds(files: readonly ProjectFile[]): KindTable | undefined {
  if (files.length === 0) return undefined;
  const at = settingsSets.findIndex((entry) => sameFiles(entry.files, files));
  if (at >= 0) {
    const [entry] = settingsSets.splice(at, 1);
    settingsSets.unshift(entry!);
    return entry!.table;
  }
  const kinds = new Map<string, KindSchema>();
  for (const file of files.slice(0, maxSchemaFiles)) {
    if (file.text.length > maxSchemaChars) continue;
    try {
      for (const kind of loadSchemaText(file.text)) kinds.set(keyOf(kind), kind);
    } catch {
      // A broken schema file gives nothing, never an error out of a hover.
    }
  }
  const table = kinds.size > 0 ? new KindTable(kinds) : undefined;
  settingsSets.unshift({ files: files.map((f) => ({ path: f.path, text: f.text })), table });
  // Dropping a set drops its kinds, and with them their definitions (see registerCustomDefinitions).
  settingsSets.length = Math.min(settingsSets.length, maxSettingsSets);
  return table;
}

function sameFiles(a: readonly ProjectFile[], b: readonly ProjectFile[]): boolean {
  return a.length === b.length && a.every((file, i) => file.path === b[i]!.path && file.text === b[i]!.text);
}

// --- the workspace's CRDs ---

interface WorkspaceEntry {
  generation: number;
  /** Kinds converted from each CRD's JSON, reused across generations while the JSON is the same. */
  byCrd: Map<string, readonly KindSchema[]>;
  table: KindTable | undefined;
}

const workspaceEntries = new WeakMap<WorkspaceIndex, WorkspaceEntry>();

function workspaceKinds(index: WorkspaceIndex | undefined): KindTable | undefined {
  if (!index) return undefined;
  const previous = workspaceEntries.get(index);
  if (previous && previous.generation === index.crdGeneration) return previous.table;
  const byCrd = new Map<string, readonly KindSchema[]>();
  const kinds = new Map<string, KindSchema>();
  for (const json of index.customResourceDefinitions()) {
    let converted = byCrd.get(json) ?? previous?.byCrd.get(json);
    if (!converted) {
      try {
        converted = fromCrd(JSON.parse(json) as Json);
      } catch {
        converted = [];
      }
    }
    byCrd.set(json, converted);
    for (const kind of converted) if (!kinds.has(keyOf(kind))) kinds.set(keyOf(kind), kind);
  }
  const table = kinds.size > 0 ? new KindTable(kinds) : undefined;
  workspaceEntries.set(index, { generation: index.crdGeneration, byCrd, table });
  return table;
}

// --- both ---

const mergedTables = new WeakMap<KindTable, { workspace: KindTable; table: KindTable }>();

function merged(settings: KindTable, workspace: KindTable): KindTable {
  const cached = mergedTables.get(settings);
  if (cached && cached.workspace === workspace) return cached.table;
  // The setting's files win (see above).
  const table = new KindTable(new Map([...workspace.byKey, ...settings.byKey]));
  mergedTables.set(settings, { workspace, table });
  return table;
}

/** Kinds (with their definitions registered) from one file's text: CRDs or JSON schemas. */
export function loadSchemaText(text: string): KindSchema[] {
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
    if (doc.kind === 'CustomResourceDefinition') kinds.push(...fromCrd(doc));
    else if (doc.kind === 'List' && Array.isArray(doc.items)) {
      for (const item of doc.items) if (isObject(item) && item.kind === 'CustomResourceDefinition') kinds.push(...fromCrd(item));
    } else kinds.push(...fromJsonSchema(doc));
  }
  return kinds;
}

/** What the conversion of a schema needs besides the schema. */
interface ConvertOptions {
  /** `$ref` targets by name (a JSON schema file's `definitions`). */
  refs: Json;
  /**
   * Whether an object without `additionalProperties` takes keys beyond its `properties`: yes in
   * JSON Schema and in CRDs that keep unknown fields (`preserveUnknownFields`, the v1beta1 default);
   * no in structural CRD schemas, where the API server prunes them.
   */
  openByDefault: boolean;
}

function fromCrd(crd: Json): KindSchema[] {
  const spec = isObject(crd.spec) ? crd.spec : {};
  const group = typeof spec.group === 'string' ? spec.group : '';
  const kind = isObject(spec.names) && typeof spec.names.kind === 'string' ? spec.names.kind : undefined;
  if (!group || !kind) return [];
  const namespaced = spec.scope !== 'Cluster';
  // apiextensions.k8s.io/v1beta1 kept unknown fields unless told otherwise; v1 requires pruning.
  const v1beta1 = typeof crd.apiVersion === 'string' && crd.apiVersion.endsWith('/v1beta1');
  const options: ConvertOptions = { refs: {}, openByDefault: spec.preserveUnknownFields === true || (v1beta1 && spec.preserveUnknownFields !== false) };
  const versions = Array.isArray(spec.versions) ? spec.versions : typeof spec.version === 'string' ? [{ name: spec.version }] : [];
  const result: KindSchema[] = [];
  for (const v of versions) {
    if (!isObject(v) || typeof v.name !== 'string' || v.served === false) continue;
    const schema = isObject(v.schema) && isObject(v.schema.openAPIV3Schema) ? v.schema.openAPIV3Schema
      : isObject(spec.validation) && isObject(spec.validation.openAPIV3Schema) ? spec.validation.openAPIV3Schema : undefined;
    result.push(registerKind(`${group}/${v.name}`, kind, namespaced, schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, options));
  }
  return result;
}

function fromJsonSchema(doc: Json): KindSchema[] {
  const result: KindSchema[] = [];
  const defs = isObject(doc.definitions) ? doc.definitions : isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : undefined;
  const candidates: Json[] = defs ? Object.values(defs).filter(isObject) : [doc];
  for (const schema of candidates) {
    for (const [apiVersion, kind] of kindsOfSchema(schema)) {
      result.push(registerKind(apiVersion, kind, true, schema, { refs: defs ?? {}, openByDefault: true }));
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

// The catalog's schemas are structural CRD schemas; `$ref: #/shared/<Name>` points at a spec two kinds share.
setCatalogConverter((apiVersion, kind, namespaced, schema, shared) => ({
  ...registerKind(apiVersion, kind, namespaced, schema, { refs: shared, openByDefault: false }),
  source: 'catalog',
}));

/** Numbers every conversion: its definitions' names never meet another conversion's (see schema/index.ts). */
let conversions = 0;

function registerKind(apiVersion: string, kind: string, namespaced: boolean, schema: Json, options: ConvertOptions): KindSchema {
  const prefix = `c${++conversions}:${apiVersion}/${kind}`;
  const converter = new Converter(prefix, options);
  const rootName = converter.nameFor(kind);
  const rootType = converter.convert(schema, kind, 0, rootName);
  const converted = rootType.ref === rootName ? converter.defs.get(rootName) : undefined;
  const rootDef: ObjectDef = converted ?? { name: rootName, properties: new Map(), required: [], additionalProperties: true };
  // Every object has the standard header whatever the CRD says about it: a CRD may only constrain
  // `metadata.name`, and the API server treats `metadata` as the full ObjectMeta.
  const properties = new Map(rootDef.properties);
  const header: [string, SchemaType, string][] = [
    ['apiVersion', { type: 'string' }, 'APIVersion defines the versioned schema of this representation of an object.'],
    ['kind', { type: 'string' }, 'Kind is a string value representing the REST resource this object represents.'],
    ['metadata', { type: 'object', ref: 'V1ObjectMeta' }, "Standard object's metadata."],
  ];
  for (const [name, type, description] of header) {
    const existing = properties.get(name);
    properties.set(name, { name, type, description: existing?.description ?? description, required: false, owner: rootName });
  }
  converter.defs.set(rootName, { ...rootDef, properties, required: rootDef.required.filter((name) => !header.some(([h]) => h === name)) });
  registerCustomDefinitions(prefix, converter.defs);
  const { group, version } = splitApiVersion(apiVersion);
  return { apiVersion, group, version, kind, root: rootName, namespaced, source: 'custom', definitions: converter.defs };
}

/**
 * OpenAPI v3 (structural) schema → our definitions. Bounded depth and size; `$ref`s resolved in
 * the same file. Whatever it does not model (`anyOf`/`oneOf`/`not`, a list of types, patterns,
 * bounds) becomes `any` or is left out: the checks built on it must never report what the API
 * server would accept.
 */
class Converter {
  readonly defs = new Map<string, ObjectDef>();
  private readonly refNames = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly prefix: string, private readonly options: ConvertOptions) {}

  /** A definition name for a label (`Widget.spec`, a `$ref` target's name), unique in this conversion. */
  nameFor(label: string): string {
    let name = `${this.prefix}#${label}`;
    for (let n = 2; this.taken.has(name); n++) name = `${this.prefix}#${label}~${n}`;
    this.taken.add(name);
    return name;
  }

  convert(schema: unknown, where: string, depth: number, fixedName?: string): SchemaType {
    if (!isObject(schema) || depth > 40 || this.defs.size > 5000) return { type: 'any' };
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (ref) return this.convertRef(ref, depth);
    // The catalog's embedded Kubernetes types (scripts/gen-crd-catalog.mjs): the built-in definition.
    if (typeof schema['x-stevedore-k8s'] === 'string') return { type: 'object', ref: schema['x-stevedore-k8s'] };
    if (schema['x-kubernetes-int-or-string'] === true) return { type: 'int-or-string' };
    const allOf = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
    if (allOf.length === 1 && !schema.properties) return this.convert({ ...allOf[0], ...schema, allOf: undefined }, where, depth, fixedName);
    const type = typeof schema.type === 'string' ? schema.type : schema.properties ? 'object' : undefined;
    switch (type) {
      case 'string': return schema.format === 'int-or-string' ? { type: 'int-or-string' } : typeof schema.format === 'string' ? { type: 'string', format: schema.format } : { type: 'string' };
      case 'integer': return typeof schema.format === 'string' ? { type: 'integer', format: schema.format } : { type: 'integer' };
      case 'number': return { type: 'number' };
      case 'boolean': return { type: 'boolean' };
      case 'array': return { type: 'array', items: this.convert(schema.items, `${where}[]`, depth + 1) };
      case 'object': return this.convertObject(schema, where, depth, fixedName);
      default: return { type: 'any' };
    }
  }

  private convertRef(ref: string, depth: number): SchemaType {
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    const known = this.refNames.get(name);
    if (known) return { type: 'object', ref: known };
    const target = this.options.refs[name];
    if (!isObject(target)) return { type: 'any' };
    // Only objects with properties become named definitions (they are what can refer to themselves).
    // `io.example.v1.WidgetSpec` reads as `WidgetSpec` in messages.
    const label = name.slice(name.lastIndexOf('.') + 1);
    if (!isObject(target.properties)) return this.convert(target, label, depth + 1);
    const defName = this.nameFor(label);
    this.refNames.set(name, defName);
    return this.convert(target, label, depth + 1, defName);
  }

  private convertObject(schema: Json, where: string, depth: number, fixedName?: string): SchemaType {
    const props = isObject(schema.properties) ? schema.properties : undefined;
    const extra = schema.additionalProperties;
    const open = schema['x-kubernetes-preserve-unknown-fields'] === true || extra === true || (extra === undefined && this.options.openByDefault);
    if (!props) {
      // No properties: a map when the values are typed, else any object (never "every key unknown").
      if (isObject(extra) && !open) return { type: 'object', additionalProperties: this.convert(extra, `${where}.*`, depth + 1) };
      return { type: 'object' };
    }
    const name = fixedName ?? this.nameFor(where);
    // The API server fills in a default before it checks `required`: such a field may be left out.
    const hasDefault = (key: string) => isObject(props[key]) && (props[key] as Json).default !== undefined;
    const required = Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string' && !hasDefault(r)) : [];
    const properties = new Map<string, FieldSchema>();
    const def: ObjectDef = {
      name,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      properties,
      required,
      additionalProperties: open ? true : isObject(extra) ? this.convert(extra, `${where}.*`, depth + 1) : undefined,
    };
    this.defs.set(name, def);
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
    // An embedded object (a pod template's metadata, a whole manifest) always has the object header.
    if (schema['x-kubernetes-embedded-resource'] === true) {
      for (const key of ['apiVersion', 'kind', 'metadata']) {
        if (!properties.has(key)) properties.set(key, { name: key, type: key === 'metadata' ? { type: 'object' } : { type: 'string' }, required: false, owner: name });
      }
    }
    return { type: 'object', ref: name };
  }
}

/**
 * Kubernetes 1.36 schema, shipped in the extension: no network, ever.
 *
 * API (all lookups are O(1) after the first call, which parses the JSON once):
 * - `getKindSchema(apiVersion, kind, custom?)` → KindSchema | undefined — built-in kinds, then the
 *   custom resources of `custom` (see customSchemas.ts: `customSchemasFor(ctx)`: the files of
 *   `kubernetes.customSchemas` and the CRDs of the workspace index).
 * - `kindsNamed(kind)` / `allKinds()` — every built-in kind (for completion and "did you mean").
 * - `resolveType(ref)` → ObjectDef | undefined — a definition by name (`V1PodSpec`, or a custom one).
 * - `fieldAt(kindSchema, path)` → FieldLookup | undefined — the type/field at a path such as
 *   `['spec', 'template', 'spec', 'containers', 0, 'image']`; map keys (`metadata.labels.app`) and
 *   `any` values resolve too; undefined when the path leaves the schema.
 * - `objectDefOf(type)` → ObjectDef | undefined — the definition a `SchemaType` points at.
 * - `apiVersionInfo(apiVersion, kind?)` → served / deprecated / removed (release, replacement) / unknown;
 *   `builtinGroups` tells a custom group from a built-in one; `kindsAt(apiVersion)`.
 * - `typeLabel(type)` / `displayName(ref)` — short names for messages (`[]Container`, `map[string]string`).
 * Per document (forDocument.ts): `kindSchemaFor(doc, ctx)` (built-in or custom resource),
 * `scopeFor(doc, path, ctx)` (also `kind: List` items and the metadata-only fallback for unknown kinds).
 * Custom resources (customSchemas.ts): `customSchemasFor(ctx)` converts each CRD/JSON-schema text once.
 * Docs: `fieldDocsZh` (Chinese field docs by `Definition.field`), `wellKnown.ts` (labels, resource names, hints).
 */
import { classifyApiVersion, splitApiVersion } from './apiVersions';
import type { ApiVersionInfo, FieldLookup, FieldSchema, KindSchema, ObjectDef, PathSegment, SchemaType } from './types';

export type * from './types';
export { splitApiVersion, removedApiVersions, builtinGroups } from './apiVersions';

interface CompactProperty { t: string; d?: string; e?: string[]; df?: string }
interface CompactDefinition { d?: string; p: Record<string, CompactProperty>; r?: string[] }
interface CompactSchema {
  version: string;
  kinds: [apiVersion: string, kind: string, root: string, namespaced: 0 | 1][];
  defs: Record<string, CompactDefinition>;
}

interface Loaded {
  raw: CompactSchema;
  kinds: Map<string, KindSchema>;
  byKind: Map<string, KindSchema[]>;
  defs: Map<string, ObjectDef>;
}

let loaded: Loaded | undefined;

/**
 * Definitions of custom kinds, one table per converted kind, found by the name prefix before `#`
 * (`c12:example.com/v1/Widget#Widget.spec`; built-in names never contain `#`). Every conversion gets
 * a fresh prefix, so two sources defining the same kind never overwrite each other. The tables are
 * held weakly: the `KindSchema` that owns one (and whatever caches that kind) keeps it alive, and
 * when no source uses it any more it is collected and its entry dropped — no release calls needed,
 * and a workspace whose CRDs keep changing does not pile up old definitions.
 */
const customTables = new Map<string, WeakRef<ReadonlyMap<string, ObjectDef>>>();
const forgetTable = new FinalizationRegistry<string>((prefix) => {
  if (customTables.get(prefix)?.deref() === undefined) customTables.delete(prefix);
});

function customDef(ref: string): ObjectDef | undefined {
  const hash = ref.indexOf('#');
  return hash < 0 ? undefined : customTables.get(ref.slice(0, hash))?.deref()?.get(ref);
}

function load(): Loaded {
  if (loaded) return loaded;
  // `require` inside the function keeps the 0.5 MB JSON out of start-up: it is evaluated on first use.
  // The bundle carries the schema as JSON text (scripts/build.mjs); tests load the .json directly.
  const bundled = require('./k8s-1.36.json') as CompactSchema | string;
  const raw = typeof bundled === 'string' ? (JSON.parse(bundled) as CompactSchema) : bundled;
  const kinds = new Map<string, KindSchema>();
  const byKind = new Map<string, KindSchema[]>();
  for (const [apiVersion, kind, root, namespaced] of raw.kinds) {
    const { group, version } = splitApiVersion(apiVersion);
    const schema: KindSchema = { apiVersion, group, version, kind, root, namespaced: namespaced === 1, source: 'builtin' };
    kinds.set(`${apiVersion}|${kind}`, schema);
    const list = byKind.get(kind) ?? [];
    list.push(schema);
    byKind.set(kind, list);
  }
  loaded = { raw, kinds, byKind, defs: new Map() };
  return loaded;
}

/** The schema's Kubernetes release. */
export const kubernetesVersion = '1.36';

/** A kind at an apiVersion; custom resources come from `custom` (CRDs listed in settings). */
export function getKindSchema(apiVersion: string, kind: string, custom?: CustomKindSource): KindSchema | undefined {
  return load().kinds.get(`${apiVersion}|${kind}`) ?? custom?.getKind(apiVersion, kind);
}

/** Something that knows extra kinds: the custom schemas of a workspace. */
export interface CustomKindSource {
  getKind(apiVersion: string, kind: string): KindSchema | undefined;
  kinds(): readonly KindSchema[];
}

/** Built-in kinds served at an apiVersion. */
export function kindsAt(apiVersion: string): string[] {
  return allKinds().filter((k) => k.apiVersion === apiVersion).map((k) => k.kind);
}

/**
 * Served / deprecated / removed (with release and replacement) / unknown, for an apiVersion and
 * optionally a kind. `unknown` with a group outside `builtinGroups` means a custom resource.
 */
export function apiVersionInfo(apiVersion: string, kind?: string): ApiVersionInfo {
  return classifyApiVersion(apiVersion, kind, kindsAt(apiVersion));
}

/** Built-in kinds with this name (several apiVersions for HorizontalPodAutoscaler, Event). */
export function kindsNamed(kind: string): readonly KindSchema[] {
  return load().byKind.get(kind) ?? [];
}

/** Every built-in kind, sorted by apiVersion then kind. */
export function allKinds(): KindSchema[] {
  return [...load().kinds.values()];
}

/**
 * Makes a custom kind's definitions findable by `resolveType` for as long as `table` is alive (the
 * kind's `KindSchema.definitions`). Every name in it must start with `${prefix}#`, and the prefix
 * must be new (customSchemas.ts numbers its conversions).
 */
export function registerCustomDefinitions(prefix: string, table: ReadonlyMap<string, ObjectDef>): void {
  customTables.set(prefix, new WeakRef(table));
  forgetTable.register(table, prefix);
}

/** A definition by name, parsed on first use. */
export function resolveType(ref: string): ObjectDef | undefined {
  const custom = customDef(ref);
  if (custom) return custom;
  const state = load();
  const cached = state.defs.get(ref);
  if (cached) return cached;
  const compact = state.raw.defs[ref];
  if (!compact) return undefined;
  const required = compact.r ?? [];
  const properties = new Map<string, FieldSchema>();
  for (const [name, prop] of Object.entries(compact.p)) {
    properties.set(name, {
      name,
      type: parseType(prop.t),
      description: prop.d,
      required: required.includes(name),
      enum: prop.e,
      default: prop.df,
      owner: ref,
    });
  }
  const def: ObjectDef = { name: ref, description: compact.d, properties, required };
  state.defs.set(ref, def);
  return def;
}

const typeCache = new Map<string, SchemaType>();

/** Parses the compact type notation: `#Ref`, `[]T`, `{}T`, `name` or `name:format`. */
export function parseType(text: string): SchemaType {
  const cached = typeCache.get(text);
  if (cached) return cached;
  let type: SchemaType;
  if (text.startsWith('#')) type = { type: 'object', ref: text.slice(1) };
  else if (text.startsWith('[]')) type = { type: 'array', items: parseType(text.slice(2)) };
  else if (text.startsWith('{}')) type = { type: 'object', additionalProperties: parseType(text.slice(2)) };
  else {
    const [name, format] = text.split(':') as [SchemaType['type'], string | undefined];
    type = format ? { type: name, format } : { type: name };
  }
  typeCache.set(text, type);
  return type;
}

/** The definition an object type points at. */
export function objectDefOf(type: SchemaType | undefined): ObjectDef | undefined {
  return type?.ref ? resolveType(type.ref) : undefined;
}

const anyType: SchemaType = { type: 'any' };

/** The type (and declared field) at `path` inside a kind; undefined when the path is not in the schema. */
export function fieldAt(kind: KindSchema, path: readonly PathSegment[]): FieldLookup | undefined {
  let lookup: FieldLookup = { type: { type: 'object', ref: kind.root } };
  for (const segment of path) {
    const next = step(lookup.type, segment);
    if (!next) return undefined;
    lookup = next;
  }
  return lookup;
}

/** One step down from a type: a property, a map entry or an array item. */
export function step(type: SchemaType, segment: PathSegment): FieldLookup | undefined {
  if (type.type === 'any') return { type: anyType };
  if (typeof segment === 'number') {
    return type.type === 'array' && type.items ? { type: type.items } : undefined;
  }
  if (type.type !== 'object') return undefined;
  if (type.ref) {
    const def = resolveType(type.ref);
    const field = def?.properties.get(segment);
    if (field) return { type: field.type, field, parent: def };
    if (def?.additionalProperties === true) return { type: anyType, mapEntry: true };
    if (def?.additionalProperties) return { type: def.additionalProperties, mapEntry: true };
    return undefined;
  }
  if (type.additionalProperties) return { type: type.additionalProperties, mapEntry: true };
  return { type: anyType, mapEntry: true };
}

/** A short human name for a type: `string`, `integer (int32)`, `[]Container`, `map[string]string`. */
export function typeLabel(type: SchemaType): string {
  switch (type.type) {
    case 'array': return `[]${type.items ? typeLabel(type.items) : 'any'}`;
    case 'object':
      if (type.ref) return displayName(type.ref);
      if (type.additionalProperties) return `map[string]${typeLabel(type.additionalProperties)}`;
      return 'object';
    case 'int-or-string': return 'int-or-string';
    case 'quantity': return 'quantity';
    default: return type.format ? `${type.type} (${type.format})` : type.type;
  }
}

/**
 * `V1PodSpec` → `PodSpec`, `V2MetricSpec` → `MetricSpec`, `CoreV1EndpointPort` → `EndpointPort`;
 * custom definitions show what follows `#` (`Widget.spec`, or a JSON schema's definition name).
 */
export function displayName(ref: string): string {
  const hash = ref.indexOf('#');
  if (hash >= 0) return ref.slice(hash + 1);
  return ref.replace(/^[A-Z][a-z]*V\d(?=[A-Z])|^V\d(?:(?:alpha|beta)\d)?(?=[A-Z])/, '');
}

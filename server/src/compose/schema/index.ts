import { bundledData } from '../../common/bundledData';
import type { PathSegment } from '../../common/yamlCursor';

/**
 * The Compose Specification's schema in its compact form (scripts/gen-compose-schema.mjs writes
 * compose-schema.json from the spec's JSON schema). One node per key; `use` points at a shared
 * definition (a service's `healthcheck` uses `healthcheck`), whose keys are documented once.
 */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

export interface SchemaNode {
  types?: JsonType[];
  enum?: (string | number | boolean | null)[];
  /** Keys of a mapping → node ids. */
  props?: Record<string, string>;
  required?: string[];
  /** A map of named entries (services, labels…): the node of each entry's value. */
  entries?: string;
  /** Names the entries must match. */
  entryPattern?: string;
  /** A sequence: the node of its items. */
  items?: string;
  /** Unknown keys are errors (besides `x-…` where `extensions`). */
  closed?: boolean;
  extensions?: boolean;
  deprecated?: boolean;
  /** `duration` (Go durations: `1m30s`), `bytes` (`512m`, `1g`, or a number). */
  format?: 'duration' | 'bytes';
  pattern?: string;
  /** The shared definition this key's value follows. */
  use?: string;
}

interface GeneratedSchema {
  source: string;
  root: string;
  nodes: Record<string, SchemaNode>;
}

/** The root's node id: gen-compose-schema.mjs always names it `compose` (a unit test holds the file to it). */
export const rootNodeId = 'compose';

let loaded: GeneratedSchema | undefined;

/**
 * The schema, read on first use: `require` inside the function keeps it out of start-up, and the
 * bundle reads it from a data file beside it as text (scripts/bundle-options.mjs); tests load the
 * .json directly.
 */
function schema(): GeneratedSchema {
  if (!loaded) {
    loaded = bundledData<GeneratedSchema>(require('./compose-schema.json'));
  }
  return loaded;
}

const resolvedCache = new Map<string, SchemaNode>();

/** A node with its `use` folded in: the key's own constraints plus the shared definition's keys. */
export function schemaNode(id: string | undefined): SchemaNode | undefined {
  if (id === undefined) return undefined;
  const cached = resolvedCache.get(id);
  if (cached) return cached;
  const own = schema().nodes[id];
  if (!own) return undefined;
  let node = own;
  if (own.use) {
    const shared = schemaNode(own.use) ?? {};
    const types = [...new Set([...(own.types ?? []), ...(shared.types ?? [])])] as JsonType[];
    node = { ...shared, ...own, types: types.length > 0 ? types : undefined, props: shared.props ?? own.props };
  }
  resolvedCache.set(id, node);
  return node;
}

export const allNodeIds = (): string[] => Object.keys(schema().nodes);

/** Every key the schema documents: the node ids that are some mapping's property. */
export function documentedKeyIds(): string[] {
  const ids: string[] = [];
  for (const node of Object.values(schema().nodes)) for (const id of Object.values(node.props ?? {})) ids.push(id);
  return ids;
}

export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/** Where a path leads in the schema: the node id at the end (the key's id, for docs), or why not. */
export interface SchemaLookup {
  /** Node id of the value at the path. */
  id?: string;
  /** The path runs through an `x-…` key, or into a free-form value: no schema applies. */
  free?: boolean;
  /** The last segment is a named entry (a service name, a label key…) rather than a fixed key. */
  entry?: boolean;
}

/** Follows a path from the root (`['services', 'web', 'healthcheck', 'test']`) through the schema. */
export function lookupPath(path: readonly PathSegment[]): SchemaLookup {
  let id: string | undefined = rootNodeId;
  let entry = false;
  for (const segment of path) {
    const node = schemaNode(id);
    if (!node) return { free: true };
    entry = false;
    if (typeof segment === 'number') {
      if (!node.items) return { free: true };
      id = node.items;
      continue;
    }
    if (node.props?.[segment]) {
      id = node.props[segment];
      continue;
    }
    if (isExtensionKey(segment) && (node.extensions || !node.closed)) return { free: true };
    if (node.entries) {
      id = node.entries;
      entry = true;
      continue;
    }
    return { free: true };
  }
  return { id, entry };
}

/** The id under which a key's docs are kept: the node id of the key's value. */
export function docIdOf(path: readonly PathSegment[]): string | undefined {
  const found = lookupPath(path);
  return found.free || found.entry ? undefined : found.id;
}

/** Where the schema was generated from (the spec file and its hash). */
export const schemaSource = (): string => schema().source;

import type { FeatureContext } from '../../common/service';
import type { ManifestDocument } from '../model';
import { customSchemasFor } from './customSchemas';
import { getKindSchema } from './index';
import type { KindSchema, PathSegment } from './types';

/** Only the standard object metadata: what an unknown kind or custom resource still gets. */
export const metadataOnlyKind: KindSchema = {
  apiVersion: '', group: '', version: '', kind: '', root: 'V1ObjectMeta', namespaced: true, source: 'builtin',
};

/**
 * The schema of a document: its built-in kind, or a custom resource (a file of `customSchemas`, or
 * a CRD in the workspace: see customSchemas.ts). Undefined for unknown kinds (callers fall back to
 * `metadata` only, see `metadataOnlyKind`).
 */
export function kindSchemaFor(doc: ManifestDocument, ctx: FeatureContext): KindSchema | undefined {
  if (!doc.apiVersion || !doc.kind) return undefined;
  return getKindSchema(doc.apiVersion, doc.kind, customSchemasFor(ctx));
}

/** Where a path is resolved: the schema, and the path inside it. */
export interface SchemaScope {
  schema: KindSchema;
  path: PathSegment[];
}

/**
 * The schema for a path of a document. `kind: List` (and `<Kind>List`) documents resolve each entry
 * of `items` against that entry's own kind; unknown kinds keep only `metadata`.
 */
export function scopeFor(doc: ManifestDocument, path: PathSegment[], ctx: FeatureContext): SchemaScope | undefined {
  if (!doc.isKubernetes) return undefined;
  if (doc.kind && doc.kind.endsWith('List') && path[0] === 'items' && typeof path[1] === 'number') {
    const item = listItemKind(doc, path[1]);
    const schema = item && getKindSchema(item.apiVersion, item.kind, customSchemasFor(ctx));
    const rest = path.slice(2);
    if (schema) return { schema, path: rest };
    return rest[0] === 'metadata' ? { schema: metadataOnlyKind, path: rest.slice(1) } : undefined;
  }
  const schema = kindSchemaFor(doc, ctx);
  if (schema) return { schema, path };
  if (path[0] === 'metadata') return { schema: metadataOnlyKind, path: path.slice(1) };
  return undefined;
}

function listItemKind(doc: ManifestDocument, index: number): { apiVersion: string; kind: string } | undefined {
  try {
    const apiVersion = doc.yaml.getIn(['items', index, 'apiVersion']);
    const kind = doc.yaml.getIn(['items', index, 'kind']);
    if (typeof kind === 'string' && typeof apiVersion === 'string') return { apiVersion, kind };
    // `RoleList` items are Roles of the list's apiVersion.
    if (doc.kind !== 'List' && doc.apiVersion) return { apiVersion: doc.apiVersion, kind: doc.kind!.slice(0, -4) };
  } catch {
    // incomplete YAML
  }
  return undefined;
}

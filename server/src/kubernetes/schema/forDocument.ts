import type { FeatureContext } from '../../common/service';
import type { ManifestDocument } from '../model';
import { customSchemasFor } from './customSchemas';
import { getKindSchema } from './index';
import type { KindSchema } from './types';

/** Only the standard object metadata: what an unknown kind or custom resource still gets. */
export const metadataOnlyKind: KindSchema = {
  apiVersion: '', group: '', version: '', kind: '', root: 'V1ObjectMeta', namespaced: true, source: 'builtin',
};

/**
 * The schema of a document: its built-in kind, or a custom resource from `customSchemas`.
 * Undefined for unknown kinds (callers fall back to `metadata` only, see `metadataOnlyKind`).
 */
export function kindSchemaFor(doc: ManifestDocument, ctx: FeatureContext): KindSchema | undefined {
  if (!doc.apiVersion || !doc.kind) return undefined;
  return getKindSchema(doc.apiVersion, doc.kind, customSchemasFor(ctx));
}

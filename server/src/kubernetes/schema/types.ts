/**
 * The shape of the Kubernetes schema as the engine sees it. Built-in kinds come from the generated
 * `k8s-1.36.json` (see scripts/gen-k8s-schema.mjs); custom resources from CRDs and JSON schemas
 * (customSchemas.ts: the files of `kubernetes.customSchemas` and the CRDs found in the workspace).
 */

/** One step of a path into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;

export type TypeName = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'int-or-string' | 'quantity' | 'any';

/**
 * A value's type.
 * - `object` with `ref`: a named definition (`resolveType(ref)` gives its properties);
 * - `object` with `additionalProperties`: a map (labels, annotations, resources.limits…);
 * - `object` with neither: any object;
 * - `array` with `items`;
 * - scalars with an optional `format` (int32, int64, double, date-time, byte);
 * - `int-or-string` (IntOrString: `8080` or `"http"`, `1` or `"25%"`), `quantity` (resource.Quantity:
 *   `100m`, `1Gi`, `2`), `any` (RawExtension, JSON: anything goes).
 */
export interface SchemaType {
  type: TypeName;
  format?: string;
  ref?: string;
  items?: SchemaType;
  additionalProperties?: SchemaType;
}

export interface FieldSchema {
  name: string;
  type: SchemaType;
  /** The API's English description (may be missing for fields that only point at another type). */
  description?: string;
  required: boolean;
  enum?: readonly string[];
  /** The default the API states, as text (`"1"`, `"ClusterFirst"`, `"25%"`). */
  default?: string;
  /** Name of the definition that declares the field (`V1Container`): docs tables key on `owner.name`. */
  owner: string;
}

export interface ObjectDef {
  name: string;
  description?: string;
  properties: ReadonlyMap<string, FieldSchema>;
  required: readonly string[];
  /**
   * Custom schemas only: `true` when unknown keys are allowed (x-kubernetes-preserve-unknown-fields,
   * `additionalProperties: true`), a type when extra keys are a typed map (their values are checked
   * against it). Absent: keys outside `properties` are unknown. Built-in definitions never allow them.
   */
  additionalProperties?: boolean | SchemaType;
}

/** A kind at an apiVersion, and where its schema starts. */
export interface KindSchema {
  apiVersion: string;
  /** `''` for the core group. */
  group: string;
  version: string;
  kind: string;
  /** The root definition (`V1Deployment`). */
  root: string;
  namespaced: boolean;
  /**
   * `builtin`: Kubernetes itself; `openshift`: OpenShift's API groups (openshift.json); `catalog`: the
   * bundled CRDs of popular projects (catalog.ts); `custom`: a CRD of the workspace or the settings.
   */
  source: 'builtin' | 'openshift' | 'catalog' | 'custom';
  /**
   * Custom kinds only: every definition the kind's schema made, by name. Holding the kind keeps
   * them alive; `resolveType` finds them by name while it is (see `registerCustomDefinitions`).
   */
  definitions?: ReadonlyMap<string, ObjectDef>;
}

/** What `fieldAt` finds at a path. */
export interface FieldLookup {
  /** The type of the value at the path. */
  type: SchemaType;
  /** The declared field when the path ends with a property key (not an index, not a map entry). */
  field?: FieldSchema;
  /** The object definition that declares `field`. */
  parent?: ObjectDef;
  /** The path ends with a key of a map (`metadata.labels.app`): `type` is the map's value type. */
  mapEntry?: boolean;
}

/** `future`: served by a newer release than the target one (`addedIn`). */
export type ApiVersionStatus = 'served' | 'deprecated' | 'removed' | 'future' | 'unknown';

export interface ApiVersionInfo {
  apiVersion: string;
  group: string;
  version: string;
  status: ApiVersionStatus;
  /** Kubernetes release that first served it, when that is 1.28 or later. */
  addedIn?: string;
  /** Kubernetes release that deprecated / removed it (`"1.16"`). */
  deprecatedIn?: string;
  removedIn?: string;
  /** The apiVersion to use instead, when there is one. */
  replacement?: string;
  /** Why there is no direct replacement (PodSecurityPolicy → Pod Security Admission). */
  note?: { en: string; zh: string };
}

import { isMap, type Document } from 'yaml';
import { contentKeyOf } from './incrementalParse';
import type { ManifestFile } from './model';

/**
 * The CustomResourceDefinitions the workspace index has seen, per file, so custom resources get
 * their schema without any setting (schema/customSchemas.ts turns them into kinds). Kept as JSON
 * text: far smaller than the YAML trees or JS objects, and comparing two texts tells whether a CRD
 * changed. Bounded: a CRD over `maxCrdChars` is skipped, and past `maxCrds` CRDs or
 * `maxTotalChars` in all, further ones are left out (first come, first kept).
 */

export interface CrdLimits {
  maxCrds: number;
  maxCrdChars: number;
  maxTotalChars: number;
}

const defaultLimits: CrdLimits = { maxCrds: 400, maxCrdChars: 4_000_000, maxTotalChars: 40_000_000 };

export class CrdStore {
  private readonly byUri = new Map<string, readonly string[]>();
  private totalChars = 0;
  private count = 0;
  private sorted: string[] | undefined;
  /** Bumped whenever a CRD appears, changes or goes away. */
  generation = 0;

  constructor(private readonly limits: CrdLimits = defaultLimits) {}

  /** Records the CRDs of a file (an empty list forgets the file). Returns whether anything changed. */
  set(uri: string, crds: readonly string[]): boolean {
    const previous = this.byUri.get(uri) ?? [];
    if (previous.length === crds.length && previous.every((json, i) => json === crds[i])) return false;
    this.count -= previous.length;
    this.totalChars -= previous.reduce((sum, json) => sum + json.length, 0);
    const kept: string[] = [];
    for (const json of crds) {
      if (json.length > this.limits.maxCrdChars || this.count >= this.limits.maxCrds || this.totalChars + json.length > this.limits.maxTotalChars) continue;
      kept.push(json);
      this.count++;
      this.totalChars += json.length;
    }
    if (kept.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, kept);
    const changed = kept.length !== previous.length || kept.some((json, i) => json !== previous[i]);
    if (changed) {
      this.generation++;
      this.sorted = undefined;
    }
    return changed;
  }

  /** Every kept CRD (its JSON), files in URI order so the editor and the CLI agree on who wins. */
  all(): readonly string[] {
    this.sorted ??= [...this.byUri.keys()].sort().flatMap((uri) => this.byUri.get(uri)!);
    return this.sorted;
  }
}

const jsonOfDocument = new WeakMap<object, string[]>();

/**
 * The CRDs of a parsed file as JSON (`{ apiVersion, kind, spec }`: the rest does not shape the schema), also
 * inside a `kind: List` (`kubectl get crd -o yaml`). A document with YAML errors gives none: half
 * a CRD being typed would make false errors in the files that use it.
 */
export function crdsOf(file: ManifestFile, maxChars = defaultLimits.maxCrdChars): string[] {
  const out: string[] = [];
  for (const doc of file.documents) {
    const isCrd = doc.kind === 'CustomResourceDefinition' && doc.apiVersion?.startsWith('apiextensions.k8s.io/');
    if (!isCrd && !(doc.kind === 'List' && doc.apiVersion === 'v1')) continue;
    // Unchanged documents keep their content key across versions of a parse, moved or not (incrementalParse.ts): convert once.
    const key = contentKeyOf(doc.yaml);
    let json = jsonOfDocument.get(key);
    if (!json) {
      json = doc.yaml.errors.length > 0 || doc.end - doc.start > maxChars || !isMap(doc.yaml.contents) ? [] : crdJsonOf(doc.yaml);
      jsonOfDocument.set(key, json);
    }
    out.push(...json);
  }
  return out;
}

function crdJsonOf(yaml: Document.Parsed): string[] {
  let value: unknown;
  try {
    value = yaml.toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  const items = isRecord(value) && value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
  return items.filter((item): item is Record<string, unknown> => isRecord(item) && item.kind === 'CustomResourceDefinition' && isRecord(item.spec))
    .map((item) => JSON.stringify({ apiVersion: item.apiVersion, kind: item.kind, spec: item.spec }));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

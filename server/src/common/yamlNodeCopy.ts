import { Alias, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, type Schema, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Copies of `yaml` nodes with their ranges moved, for the incremental parses of Kubernetes
 * (`---` documents after an edit) and Compose (entries after an edited one): the previous
 * version's tree keeps its own ranges, so a model handed out earlier never changes under a reader.
 */

type Copyable = Scalar | Alias | YAMLMap | YAMLSeq | Pair;

/**
 * Copies `from`'s own fields onto `fresh` (an instance built by the same constructor), with the
 * range moved by `delta`. A function the constructor already gave `fresh` stays (`!!omap` nodes
 * carry methods bound to themselves, which must stay bound to the copy); other functions are copied
 * (a merge key's `addToJSMap`). Built with constructors and plain assignments rather than yaml's
 * `clone()`, whose property-descriptor copies make nodes several times slower to create.
 */
export function copyFields<T extends Copyable>(fresh: T, from: T, delta: number): T {
  const target = fresh as unknown as Record<string, unknown>;
  const source = from as unknown as Record<string, unknown>;
  // for…in over own keys, not Object.keys: no array of key names per copied node (about a fifth of what copying allocated).
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
    const value = source[key];
    if (typeof value !== 'function' || !Object.prototype.hasOwnProperty.call(target, key)) target[key] = value;
  }
  const range = (from as { range?: number[] | null }).range;
  if (range) target.range = range.map((offset) => offset + delta);
  return fresh;
}

/** A node and everything under it, moved by `delta`. */
export function copyNode(node: unknown, delta: number): unknown {
  if (isScalar(node)) return copyFields(new Scalar(node.value), node, delta);
  if (isAlias(node)) return copyFields(new Alias(node.source), node, delta);
  if (isPair(node)) {
    const copy = copyFields(new Pair(null), node, delta);
    copy.key = copyNode(node.key, delta);
    copy.value = copyNode(node.value, delta);
    return copy;
  }
  if (isMap(node) || isSeq(node)) {
    // The node's own class (YAMLMap, YAMLSeq or a subclass such as YAMLOMap), so tag handling is kept.
    const construct = node.constructor as new (schema?: Schema) => YAMLMap | YAMLSeq;
    const copy = copyFields(new construct(node.schema), node, delta);
    copy.items = node.items.map((item: unknown) => copyNode(item, delta)) as typeof copy.items;
    return copy;
  }
  return node;
}

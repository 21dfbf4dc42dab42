import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node } from 'yaml';

/**
 * Aliases (`*name`) resolved through an index of the document's anchors (`&name`), built in one
 * walk per parsed document. The `yaml` package's own `Alias.resolve(doc)` walks the whole document
 * on every call: a Compose file that merges one anchor into each of its services paid that walk
 * per service, per rule, per edit (most of the edit → diagnostics time on a 1,000-line file).
 */

interface AnchorSite {
  node: Node;
  offset: number;
}

const indexes = new WeakMap<Document, Map<string, AnchorSite[]>>();

function anchorIndex(doc: Document): Map<string, AnchorSite[]> {
  let index = indexes.get(doc);
  if (index) return index;
  index = new Map();
  const found = index;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 200 || !node || typeof node !== 'object') return;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor && (isMap(node) || isSeq(node) || isScalar(node))) {
      const list = found.get(anchor) ?? [];
      list.push({ node: node as Node, offset: (node as Node).range?.[0] ?? 0 });
      found.set(anchor, list);
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key, depth + 1);
        visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(doc.contents, 0);
  indexes.set(doc, index);
  return index;
}

/** The node an alias names: the anchor of that name defined last before it (YAML lets a name be redefined). */
export function resolveAliasIn(doc: Document, alias: Alias): Node | undefined {
  const candidates = anchorIndex(doc).get(alias.source);
  if (!candidates) return undefined;
  const at = alias.range?.[0] ?? Infinity;
  let found: Node | undefined;
  for (const candidate of candidates) if (candidate.offset < at) found = candidate.node;
  return found;
}

/** A node with an alias replaced by what it names; any other value as it is. */
export function withoutAlias(doc: Document, node: unknown): unknown {
  return isAlias(node) ? resolveAliasIn(doc, node) : node;
}

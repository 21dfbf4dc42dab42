import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { yamlPathAt, type PathSegment, type YamlCursorPath } from '../common/yamlCursor';
import { withoutAlias } from '../common/yamlAnchors';
import { pairOf } from '../common/yamlNodes';

/**
 * A Compose file (or a Swarm stack file, the same format) parsed once per version: the text, the
 * `yaml` Document with comments and ranges kept, and a LineCounter for positions. Compose reads one
 * YAML document; a second `---` document is kept in `documents` for the rules to report.
 * Offsets are UTF-16 indices into the text, like TextDocument's.
 */
export interface ComposeModel {
  document: TextDocument;
  text: string;
  lineCounter: LineCounter;
  /** The document Compose reads (the first one; an empty file gives an empty document). */
  yaml: Document.Parsed;
  /** Every `---` document of the file, the first being `yaml`. */
  documents: Document.Parsed[];
  /** The top-level mapping, when the document is one. */
  root: YAMLMap | undefined;
}

/** The sections of a Compose file whose entries are named and referenced by name. */
export const namedSections = ['services', 'networks', 'volumes', 'configs', 'secrets'] as const;
export type NamedSection = (typeof namedSections)[number];

export function parseCompose(document: TextDocument): ComposeModel {
  const text = document.getText();
  const lineCounter = new LineCounter();
  // `merge: true`: Compose files share settings through `<<: *anchor` merge keys (YAML 1.1), which Compose honours.
  // No source tokens: nothing reads them, and on a 1,000-line file they are a third of the parse's garbage.
  const documents = Array.from(parseAllDocuments(text, { lineCounter, prettyErrors: false, merge: true }));
  const yaml = documents[0] ?? emptyDocument(text, lineCounter);
  if (documents.length === 0) documents.push(yaml);
  const root = isMap(yaml.contents) ? yaml.contents : undefined;
  return { document, text, lineCounter, yaml, documents, root };
}

/** parseAllDocuments gives no document for an empty text; parseDocument gives an empty one. */
function emptyDocument(text: string, lineCounter: LineCounter): Document.Parsed {
  lineCounter.lineStarts.length = 0;
  return parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
}

/** The mapping under a top-level key (`services`, `networks`…), when it is one. */
export function topLevelMap(model: ComposeModel, key: string): YAMLMap | undefined {
  const value = pairOf(model.root, key)?.value;
  return isMap(value) ? value : undefined;
}

/** An entry of a named section: `web:` under `services:`, `backend:` under `networks:`. */
export interface NamedEntry {
  name: string;
  /** The key scalar: where the name is written (definition, rename). */
  key: Scalar;
  pair: Pair;
  /** The entry's settings, when they are a mapping (`networks: {backend: }` has none). */
  value: YAMLMap | undefined;
}

/** The declared entries of a section, in the file's order (duplicates kept: the rules report them). */
export function entriesOf(model: ComposeModel, section: NamedSection | string): NamedEntry[] {
  const map = topLevelMap(model, section);
  if (!map) return [];
  const entries: NamedEntry[] = [];
  for (const pair of map.items) {
    if (!isScalar(pair.key) || pair.key.value === null || pair.key.value === undefined) continue;
    const name = String(pair.key.value);
    if (name === '<<') continue;
    entries.push({ name, key: pair.key, pair, value: resolvedMap(model, pair.value) });
  }
  return entries;
}

/** The services of the file. */
export function servicesOf(model: ComposeModel): NamedEntry[] {
  return entriesOf(model, 'services');
}

/** A node, following an alias (`*anchor`) to what it names, read as a mapping. */
export function resolvedMap(model: ComposeModel, node: unknown): YAMLMap | undefined {
  const target = resolveAlias(model, node);
  return isMap(target) ? target : undefined;
}

/** A node with an alias (`*anchor`) replaced by the node it names (common/yamlAnchors.ts: one index per parse). */
export function resolveAlias(model: ComposeModel, node: unknown): unknown {
  return withoutAlias(model.yaml, node);
}

/**
 * The pairs of a mapping as Compose sees them: its own keys, then keys brought in by `<<: *anchor`
 * (or `<<: [*a, *b]`) that it does not set itself. Each pair keeps the node where it is written.
 */
export function effectivePairs(model: ComposeModel, map: YAMLMap | undefined, depth = 0): Pair[] {
  if (!map) return [];
  const cached = pairsCache.get(map);
  if (cached) return cached;
  const pairs = mergedPairs(model, map, depth);
  pairsCache.set(map, pairs);
  return pairs;
}

/** A parse's mappings never change (an edit makes a new model): their merged pairs are kept. */
const pairsCache = new WeakMap<YAMLMap, Pair[]>();

function mergedPairs(model: ComposeModel, map: YAMLMap, depth: number): Pair[] {
  const own: Pair[] = [];
  const merged: Pair[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair)) {
      if (depth > 10) continue;
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) merged.push(...effectivePairs(model, resolvedMap(model, source), depth + 1));
    } else {
      own.push(pair);
    }
  }
  if (merged.length === 0) return own;
  const ownKeys = new Set(own.map(keyText));
  const seen = new Set<string | undefined>();
  return [...own, ...merged.filter((pair) => {
    const key = keyText(pair);
    if (ownKeys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  })];
}

/** `<<` as a key: a YAML 1.1 merge key. */
export function isMergeKey(pair: Pair): boolean {
  const key = pair.key as unknown;
  return (isScalar(key) && key.value === '<<') || (typeof key === 'object' && key !== null && (key as { source?: string }).source === '<<');
}

export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && pair.key.value !== undefined ? String(pair.key.value) : undefined;
}

/** The value of a key as Compose sees it (own or merged in), aliases resolved. */
export function effectiveValue(model: ComposeModel, map: YAMLMap | undefined, key: string): unknown {
  const pair = effectivePairs(model, map).find((candidate) => keyText(candidate) === key);
  return pair ? resolveAlias(model, pair.value) : undefined;
}

/** LSP range of a node (its value, not the trailing comment). */
export function nodeRange(model: ComposeModel, node: { range?: [number, number, number] | null } | null | undefined, fallback = 0): Range {
  const range = node?.range;
  const start = range ? range[0] : fallback;
  const end = range ? Math.max(range[1], start) : fallback;
  return offsetRange(model, start, end);
}

export function offsetRange(model: ComposeModel, start: number, end: number): Range {
  return { start: model.document.positionAt(start), end: model.document.positionAt(end) };
}

/** Where the cursor is, worked out from the lines while the user types (incomplete YAML welcome). */
export type ComposeCursor = YamlCursorPath<ComposeModel>;

export function cursorAt(model: ComposeModel, position: Position): ComposeCursor | undefined {
  return yamlPathAt(model, position, () => model);
}

/** What the parsed tree holds at an offset: the path down to it and the node found there. */
export interface NodeAt {
  /** Keys and indices from the root down to the node (a key's own name included when on it). */
  path: PathSegment[];
  /** The key scalar (`onKey`) or the value node at the offset. */
  node: Node | undefined;
  /** The pair whose key or value holds the offset, if any. */
  pair?: Pair;
  onKey: boolean;
  /** The mapping or sequence that directly holds the node. */
  parent?: Node;
}

/**
 * The node at an offset in the parsed document: exact for a complete file (hover, definition,
 * rename). Aliases are not followed: the node is where the text is.
 */
export function nodeAt(model: ComposeModel, offset: number): NodeAt | undefined {
  const path: PathSegment[] = [];
  let node: unknown = model.yaml.contents;
  let parent: Node | undefined;
  for (let depth = 0; depth < 200 && node; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const name = isScalar(key) ? String(key.value ?? '') : undefined;
        if (key?.range && key.range[0] <= offset && offset <= key.range[1]) {
          return { path: name === undefined ? path : [...path, name], node: key, pair, onKey: true, parent: node };
        }
        if (value?.range && value.range[0] <= offset && offset <= value.range[1] && name !== undefined) {
          path.push(name);
          if (!isMap(value) && !isSeq(value)) return { path, node: value, pair, onKey: false, parent: node };
          parent = node;
          next = value;
          break;
        }
      }
      if (next === undefined) return { path, node, onKey: false, parent };
      node = next;
    } else if (isSeq(node)) {
      let next: unknown;
      for (let index = 0; index < node.items.length; index++) {
        const item = node.items[index] as Node | null;
        const range = isPair(item) ? (item.key as Node | null)?.range : item?.range;
        if (range && range[0] <= offset && offset <= range[1]) {
          path.push(index);
          if (!isMap(item) && !isSeq(item)) return { path, node: item ?? undefined, onKey: false, parent: node };
          parent = node;
          next = item;
          break;
        }
      }
      if (next === undefined) return { path, node, onKey: false, parent };
      node = next;
    } else {
      return { path, node: node as Node, onKey: false, parent };
    }
  }
  return undefined;
}

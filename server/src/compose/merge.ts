import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import { resolveAliasIn } from '../common/yamlAnchors';

/**
 * Several Compose files read as one application, the way `docker compose -f a -f b` and the
 * default `compose.yaml` + `compose.override.yaml` pair do (compose-go's override package and the
 * spec's merge chapter): maps merge key by key, sequences append, scalars are replaced; `command`,
 * `entrypoint` and `healthcheck.test` are replaced whole; `build: path` reads as `build.context`;
 * `depends_on` and service `networks` given as lists read as maps; `volumes`, `secrets` and
 * `configs` of a service keep one entry per target; `!reset` removes a value and `!override`
 * replaces it without merging. YAML anchors, aliases and `<<` merge keys are followed.
 *
 * Every merged node remembers the file and the YAML node it came from, so a finding about the
 * merged application points at the line that wrote it, in whichever file that is.
 */

/** One parsed Compose file. */
export interface ComposeSource {
  /** Absolute path (or the document's URI when it has no path). */
  path: string;
  text: string;
  yaml: Document.Parsed;
  lineCounter: LineCounter;
  /** The folder relative paths in this file resolve against (the project directory). */
  projectDir: string;
}

interface Origin {
  source: ComposeSource;
  node: Node;
}

export interface MergedEntry {
  key: string;
  /** The key as written (for ranges); the last file that wrote the key. */
  keyNode: Scalar;
  keySource: ComposeSource;
  /** Absent for `key:` with no value, and for list-form entries (`depends_on: [db]`). */
  value?: Merged;
}

export interface MergedMap extends Origin {
  kind: 'map';
  entries: Map<string, MergedEntry>;
}

export interface MergedSeq extends Origin {
  kind: 'seq';
  items: Merged[];
}

export interface MergedScalar extends Origin {
  kind: 'scalar';
  value: unknown;
  node: Scalar;
}

export type Merged = MergedMap | MergedSeq | MergedScalar;

export function parseComposeSource(path: string, text: string, projectDir: string): ComposeSource {
  const lineCounter = new LineCounter();
  const yaml = parseDocument(text, { lineCounter, keepSourceTokens: true, prettyErrors: false, merge: true, uniqueKeys: false });
  return { path, text, yaml, lineCounter, projectDir };
}

/** A position in a source from an offset (UTF-16). */
export function positionIn(source: ComposeSource, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

export function rangeIn(source: ComposeSource, start: number, end: number): Range {
  return { start: positionIn(source, start), end: positionIn(source, end) };
}

/** The range a node covers in its source (its value part, without trailing comments). */
export function nodeRangeIn(source: ComposeSource, node: { range?: [number, number, number] | null }): Range {
  const range = node.range ?? [0, 0, 0];
  return rangeIn(source, range[0], range[1]);
}

const maxAliasDepth = 20;

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || key.value === '<<' || key.source === '<<');
}

function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return key.source ?? '';
  return undefined;
}

/**
 * The mappings and sequences fromNode is converting (the current one and those around it). An
 * alias to one of them names a node that contains the alias (`x: &a {y: {<<: *a}}`): following it
 * would copy the node into itself again at every level, many times over when several entries
 * inside it do so (a file whose `services:` line was deleted, its services now inside an anchored
 * `x-` block that they merge, ran the server out of memory). Such an alias is left out.
 */
const converting = new Set<unknown>();

/** A YAML node of a source as a merged tree of one file (aliases and `<<` resolved). */
export function fromNode(source: ComposeSource, node: unknown, depth = 0): Merged | undefined {
  if (depth > maxAliasDepth) return undefined;
  // Through the anchor index (common/yamlAnchors.ts): Alias.resolve walks the whole document each call.
  if (isAlias(node)) return fromNode(source, resolveAliasIn(source.yaml, node), depth + 1);
  if ((isMap(node) || isSeq(node)) && converting.has(node)) return undefined;
  if (isMap(node) || isSeq(node)) {
    converting.add(node);
    try {
      return fromCollection(source, node, depth);
    } finally {
      converting.delete(node);
    }
  }
  if (isScalar(node)) return { kind: 'scalar', source, node, value: node.value };
  return undefined;
}

function fromCollection(source: ComposeSource, node: YAMLMap | YAMLSeq, depth: number): Merged {
  if (isMap(node)) {
    const map: MergedMap = { kind: 'map', source, node, entries: new Map() };
    const inherited: MergedMap[] = [];
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        const targets = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const target of targets) {
          const merged = fromNode(source, target, depth + 1);
          if (merged?.kind === 'map') inherited.push(merged);
        }
        continue;
      }
      const key = keyText(pair.key);
      if (key === undefined) continue;
      map.entries.set(key, { key, keyNode: pair.key as Scalar, keySource: source, value: fromNode(source, pair.value, depth) });
    }
    // `<<` entries fill in what the map does not say itself; earlier anchors win over later ones.
    for (const base of inherited) {
      for (const [key, entry] of base.entries) if (!map.entries.has(key)) map.entries.set(key, entry);
    }
    return map;
  }
  const items: Merged[] = [];
  for (const item of node.items) {
    const merged = fromNode(source, item, depth);
    if (merged) items.push(merged);
  }
  return { kind: 'seq', source, node, items };
}

/** The top-level map of one file (an empty one when the file is not a map). */
export function fileRoot(source: ComposeSource): MergedMap {
  let root = fileRoots.get(source);
  if (!root) {
    root = convertFileRoot(source);
    fileRoots.set(source, root);
  }
  return root;
}

/**
 * Each source's top-level map, converted once: a check of a Compose file converts its whole tree
 * for the project's merge (mergeSources) and again for its names (references.ts), ~2 ms and a few
 * hundred KB of garbage per keystroke on the bench's 1,000-line file. A source's YAML is never
 * changed once parsed, and nothing changes a merged tree (mergeNodes and withoutResets copy).
 * test/unit/compose/fileRootMemo.test.ts compares the kept trees with fresh conversions.
 */
const fileRoots = new WeakMap<ComposeSource, MergedMap>();

/** fileRoot without the memo (its differential test compares both). */
export function convertFileRoot(source: ComposeSource): MergedMap {
  const merged = fromNode(source, source.yaml.contents);
  return merged?.kind === 'map' ? merged : { kind: 'map', source, node: source.yaml.contents ?? (source.yaml as unknown as Node), entries: new Map() };
}

type Strategy = (base: Merged | undefined, override: Merged | undefined, path: string[]) => Merged | undefined;

/** A path pattern (`services.*.command`) against a path of keys. */
function matches(pattern: string[], path: string[]): boolean {
  if (pattern.length !== path.length) return false;
  return pattern.every((part, i) => part === '*' || part === path[i]);
}

const replace: Strategy = (_base, override) => override;

/** `build: ./dir` is `build: {context: ./dir}`. */
function asBuildMap(value: Merged | undefined): Merged | undefined {
  if (value?.kind !== 'scalar') return value;
  const keyNode = value.node;
  return { kind: 'map', source: value.source, node: value.node, entries: new Map([['context', { key: 'context', keyNode, keySource: value.source, value }]]) };
}

/** `[a, b]` is `{a: , b: }` (depends_on, a service's networks). */
function listAsMap(value: Merged | undefined): Merged | undefined {
  if (value?.kind !== 'seq') return value;
  const map: MergedMap = { kind: 'map', source: value.source, node: value.node, entries: new Map() };
  for (const item of value.items) {
    if (item.kind !== 'scalar') continue;
    const key = String(item.value ?? '');
    map.entries.set(key, { key, keyNode: item.node, keySource: item.source });
  }
  return map;
}

/** What makes two entries of a service's `volumes`, `secrets` or `configs` the same mount. */
function mountTarget(item: Merged, defaultFolder: string | undefined): string | undefined {
  if (item.kind === 'map') {
    const target = item.entries.get('target')?.value;
    if (target?.kind === 'scalar' && target.value !== null && target.value !== undefined) return String(target.value);
    const source = item.entries.get('source')?.value;
    if (defaultFolder && source?.kind === 'scalar') return `${defaultFolder}/${String(source.value)}`;
    return undefined;
  }
  if (item.kind !== 'scalar' || item.value === null || item.value === undefined) return undefined;
  const text = String(item.value);
  if (defaultFolder !== undefined) return `${defaultFolder}/${text}`;
  const parts = text.split(':');
  return parts.length >= 2 ? parts[1] : parts[0];
}

function uniqueBy(defaultFolder: string | undefined): Strategy {
  return (base, override) => {
    if (base?.kind !== 'seq' || override?.kind !== 'seq') return override ?? base;
    const items = [...base.items];
    for (const item of override.items) {
      const key = mountTarget(item, defaultFolder);
      const same = key === undefined ? -1 : items.findIndex((existing) => mountTarget(existing, defaultFolder) === key);
      if (same >= 0) items[same] = item;
      else items.push(item);
    }
    return { ...override, items };
  };
}

const specials: [string[], Strategy][] = [
  [['services', '*', 'command'], replace],
  [['services', '*', 'entrypoint'], replace],
  [['services', '*', 'healthcheck', 'test'], replace],
  [['services', '*', 'build'], (base, override, path) => mergeNodes(asBuildMap(base), asBuildMap(override), path, true)],
  [['services', '*', 'depends_on'], (base, override, path) => mergeNodes(listAsMap(base), listAsMap(override), path, true)],
  [['services', '*', 'networks'], (base, override, path) => mergeNodes(listAsMap(base), listAsMap(override), path, true)],
  [['services', '*', 'volumes'], uniqueBy(undefined)],
  [['services', '*', 'secrets'], uniqueBy('/run/secrets')],
  [['services', '*', 'configs'], uniqueBy('')],
];

function tagOf(value: Merged | undefined): string | undefined {
  return value?.node.tag;
}

/** Merges `override` onto `base` at `path` (keys from the top). Neither input is changed. */
export function mergeNodes(base: Merged | undefined, override: Merged | undefined, path: string[] = [], skipSpecials = false): Merged | undefined {
  if (override === undefined) return base;
  if (base === undefined) return override;
  if (!skipSpecials) {
    for (const [pattern, strategy] of specials) if (matches(pattern, path)) return strategy(base, override, path);
  }
  if (base.kind === 'map' && override.kind === 'map') {
    const entries = new Map(base.entries);
    for (const [key, entry] of override.entries) {
      const tag = tagOf(entry.value);
      if (tag === '!reset') {
        entries.delete(key);
        continue;
      }
      const existing = entries.get(key);
      if (!existing || tag === '!override') {
        entries.set(key, entry);
        continue;
      }
      entries.set(key, { ...entry, value: mergeNodes(existing.value, entry.value, [...path, key]) ?? existing.value });
    }
    return { ...override, entries };
  }
  if (base.kind === 'seq' && override.kind === 'seq') return { ...override, items: [...base.items, ...override.items] };
  return override;
}

/** `!reset` in the first file means nothing to reset: it reads as absent. */
function withoutResets(node: Merged | undefined): Merged | undefined {
  if (node?.kind !== 'map') return node;
  // A new map only from the first change on (most files have no `!reset`: each check used to copy every map's entries).
  let entries: Map<string, MergedEntry> | undefined;
  let index = 0;
  for (const [key, entry] of node.entries) {
    const reset = tagOf(entry.value) === '!reset';
    const value = reset ? undefined : withoutResets(entry.value);
    if (!entries && (reset || value !== entry.value)) entries = firstEntries(node.entries, index);
    index++;
    if (entries && !reset) entries.set(key, value === entry.value ? entry : { ...entry, value });
  }
  return entries ? { ...node, entries } : node;
}

/** A map's first `count` entries, in order. */
function firstEntries(entries: ReadonlyMap<string, MergedEntry>, count: number): Map<string, MergedEntry> {
  const out = new Map<string, MergedEntry>();
  for (const [key, entry] of entries) {
    if (out.size >= count) break;
    out.set(key, entry);
  }
  return out;
}

/** Files in `-f` order merged into one top-level map. */
export function mergeSources(sources: readonly ComposeSource[]): MergedMap | undefined {
  let merged: Merged | undefined;
  for (const source of sources) merged = merged === undefined ? withoutResets(fileRoot(source)) : mergeNodes(merged, fileRoot(source));
  return merged?.kind === 'map' ? merged : undefined;
}

/** The sections `include:` copies into the including application. */
export const resourceSections = ['services', 'networks', 'volumes', 'configs', 'secrets'] as const;
export type ResourceSection = (typeof resourceSections)[number];

/**
 * Adds an included application's resources to `root`: a name the application already declares
 * keeps its own definition (Compose warns about the clash and does not merge).
 */
export function addIncluded(root: MergedMap, included: MergedMap): MergedMap {
  const entries = new Map(root.entries);
  for (const section of resourceSections) {
    const theirs = included.entries.get(section)?.value;
    if (theirs?.kind !== 'map' || theirs.entries.size === 0) continue;
    const ours = entries.get(section);
    if (ours?.value?.kind === 'map') {
      const combined = new Map(ours.value.entries);
      for (const [name, entry] of theirs.entries) if (!combined.has(name)) combined.set(name, entry);
      entries.set(section, { ...ours, value: { ...ours.value, entries: combined } });
    } else {
      entries.set(section, included.entries.get(section)!);
    }
  }
  return { ...root, entries };
}

/** Follows keys through a merged tree: `at(root, 'services', 'web', 'build')`. */
export function at(node: Merged | undefined, ...keys: string[]): Merged | undefined {
  let current = node;
  for (const key of keys) {
    if (current?.kind !== 'map') return undefined;
    current = current.entries.get(key)?.value;
  }
  return current;
}

/** A scalar read as text (strings, numbers, booleans); undefined for anything else. */
export function textOf(node: Merged | undefined): string | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

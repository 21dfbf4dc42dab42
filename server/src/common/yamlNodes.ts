import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { YamlSource } from './yamlCursor';

/**
 * Small, allocation-free accessors over the `yaml` AST. Rules read YAML (manifests, Compose files) through these so
 * that a wrong shape (a list where a map belongs, a null) simply reads as "absent".
 */

export type KeyedPair = Pair<Scalar, unknown>;

export function pairOf(map: unknown, key: string): KeyedPair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isScalar(item.key) && item.key.value === key) return item as KeyedPair;
  }
  return undefined;
}

export function valueOf(map: unknown, key: string): Node | undefined {
  const value = pairOf(map, key)?.value;
  return value === null || value === undefined ? undefined : (value as Node);
}

export function mapAt(map: unknown, ...keys: string[]): YAMLMap | undefined {
  let node: unknown = map;
  for (const key of keys) node = valueOf(node, key);
  return isMap(node) ? node : undefined;
}

export function seqAt(map: unknown, ...keys: string[]): YAMLSeq | undefined {
  let node: unknown = map;
  for (const key of keys) node = valueOf(node, key);
  return isSeq(node) ? node : undefined;
}

/** The items of a sequence that are maps (containers, ports, env entries…). */
export function mapItems(seq: YAMLSeq | undefined): YAMLMap[] {
  if (!seq) return [];
  return seq.items.filter((item): item is YAMLMap => isMap(item));
}

export function scalarAt(map: unknown, key: string): Scalar | undefined {
  const node = valueOf(map, key);
  return isScalar(node) ? node : undefined;
}

/** A scalar read as text: strings and numbers both count (`name: 8080`). */
export function stringAt(map: unknown, key: string): string | undefined {
  const value = scalarAt(map, key)?.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

export function numberAt(map: unknown, key: string): number | undefined {
  const value = scalarAt(map, key)?.value;
  return typeof value === 'number' ? value : undefined;
}

export function booleanAt(map: unknown, key: string): boolean | undefined {
  const value = scalarAt(map, key)?.value;
  return typeof value === 'boolean' ? value : undefined;
}

/** `{key: "value"}` maps such as labels and selectors, keeping only scalar values. */
export function stringMap(map: YAMLMap | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!map) return out;
  for (const item of map.items) {
    if (!isScalar(item.key)) continue;
    const value = isScalar(item.value) ? item.value.value : undefined;
    out[String(item.key.value)] = value === null || value === undefined ? '' : String(value);
  }
  return out;
}

export function nodeRange(file: YamlSource, node: { range?: [number, number, number] | null } | null | undefined, fallback = 0): Range {
  const range = node?.range;
  const start = range ? range[0] : fallback;
  const end = range ? Math.max(range[1], start) : fallback;
  return { start: file.document.positionAt(start), end: file.document.positionAt(end) };
}

/** The range of a key (what users see as "the field"), e.g. `image` in `image: nginx`. */
export function keyRange(file: YamlSource, pair: KeyedPair | undefined, fallback: Node | undefined): Range {
  return nodeRange(file, pair?.key ?? fallback);
}

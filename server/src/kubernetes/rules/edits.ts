import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ManifestFile } from '../model';

/**
 * Text edits for quick fixes that keep the user's layout: new keys go on their own line, indented
 * like their siblings, right after the map's last entry. Flow maps (`{a: b}`) get no fix: rewriting
 * them would reformat the user's text.
 */

/** The column of a block map's keys, or undefined for flow or empty maps. */
export function keyColumn(file: ManifestFile, map: YAMLMap): number | undefined {
  if (map.flow || map.items.length === 0) return undefined;
  const key = map.items[0].key as Node | null;
  if (!key?.range) return undefined;
  return file.document.positionAt(key.range[0]).character;
}

/** Offset just after the last non-blank character of a node (block nodes end past their newline). */
function contentEnd(text: string, node: Node): number {
  let end = node.range ? node.range[1] : 0;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Offset of the end of the line holding `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** The line ending of the lines a fix adds: CRLF when the file has any (known from the parse, else read). */
function lineEndingOf(file: ManifestFile): string {
  const crlf = file.lineBreaks ? file.lineBreaks.crlf : file.document.getText().includes('\r\n');
  return crlf ? '\r\n' : '\n';
}

/**
 * Offset of the end of the line where `node`'s content ends (before its line break): where an entry
 * after it goes. `anchor` is the entry's key, at or before `node`, on the line the reading starts
 * from: only those lines are read, so a rule checking one `---` document reads nothing of the others
 * (documentFindings.ts). The whole text is read when the file has a lone CR (a line break to the
 * editor, not to the `\n` scan this stands for) or the nodes have no place.
 */
function endOfContentLine(file: ManifestFile, anchor: Node | null, node: Node): number {
  const doc = file.document;
  if (file.lineBreaks && !file.lineBreaks.loneCr && anchor?.range && node.range && node.range[1] >= anchor.range[0]) {
    const from = doc.offsetAt({ line: doc.positionAt(anchor.range[0]).line, character: 0 });
    const lines = doc.getText({ start: doc.positionAt(from), end: doc.positionAt(node.range[1]) });
    let end = lines.length;
    while (end > 0 && /\s/.test(lines[end - 1])) end--;
    if (end > 0) {
      // The rest of that line, its line break left out.
      const position = doc.positionAt(from + end);
      return from + end + doc.getText({ start: position, end: { line: position.line, character: Number.MAX_SAFE_INTEGER } }).length;
    }
  }
  const text = doc.getText();
  return lineEnd(text, contentEnd(text, node));
}

/**
 * Appends YAML lines to a block map. `lines` are written relative to the map's indentation
 * (nested lines start with two spaces per level).
 */
export function appendToMap(file: ManifestFile, map: YAMLMap, lines: string[]): TextEdit | undefined {
  const column = keyColumn(file, map);
  if (column === undefined) return undefined;
  const last = map.items[map.items.length - 1];
  const lastNode = (last.value as Node | null) ?? (last.key as Node);
  const at = endOfContentLine(file, last.key as Node, lastNode);
  const indent = ' '.repeat(column);
  const eol = lineEndingOf(file);
  const position = file.document.positionAt(at);
  return { range: { start: position, end: position }, newText: lines.map((line) => `${eol}${indent}${line}`).join('') };
}

/**
 * Adds lines to a block map right after its first single-line `key: scalar` entry instead of at
 * its end — for edits that must not touch the map's last lines (another edit rewrites them).
 */
export function insertEarlyInMap(file: ManifestFile, map: YAMLMap, lines: string[]): TextEdit | undefined {
  const column = keyColumn(file, map);
  const pair = map.items.find((item) => isScalar(item.value) && (item.value as Node).range);
  if (column === undefined || !pair) return appendToMap(file, map, lines);
  const at = endOfContentLine(file, pair.key as Node, pair.value as Node);
  const eol = lineEndingOf(file);
  const position = file.document.positionAt(at);
  return { range: { start: position, end: position }, newText: lines.map((line) => `${eol}${' '.repeat(column)}${line}`).join('') };
}

/** Replaces a scalar's text, keeping its quotes style simple. */
export function replaceScalar(file: ManifestFile, node: Node, newText: string): TextEdit | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  return { range: { start: file.document.positionAt(node.range[0]), end: file.document.positionAt(node.range[1]) }, newText };
}

/**
 * Deletes a `key: scalar` entry of a block map, its whole line included. Not for the map's only
 * entry (that would leave `parent:` with no value) nor for entries spanning several lines.
 */
export function removeEntry(file: ManifestFile, map: YAMLMap, key: string): TextEdit | undefined {
  if (map.flow || map.items.length < 2) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  const keyNode = pair?.key as Node | undefined;
  const valueNode = pair?.value as Node | null | undefined;
  if (!keyNode?.range || !isScalar(valueNode) || !valueNode.range) return undefined;
  const start = file.document.positionAt(keyNode.range[0]);
  const end = file.document.positionAt(valueNode.range[1]);
  const before = file.document.getText({ start: { line: start.line, character: 0 }, end: start });
  if (start.line !== end.line || before.trim() !== '') return undefined;
  return { range: { start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } }, newText: '' };
}

/** Renames a key in place (`serviceAccount:` → `serviceAccountName:`). */
export function renameKey(file: ManifestFile, key: Node, newKey: string): TextEdit | undefined {
  if (!isScalar(key) || !key.range) return undefined;
  return { range: { start: file.document.positionAt(key.range[0]), end: file.document.positionAt(key.range[1]) }, newText: newKey };
}

/** A `key: value` entry of string pairs as YAML lines, values quoted when YAML would misread them. */
export function mappingLines(entries: Record<string, string>, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  return Object.entries(entries).map(([key, value]) => `${pad}${key}: ${yamlScalar(value)}`);
}

export function yamlScalar(value: string): string {
  if (value === '' || /^[\s'"!&*#|>%@`{[\]},?:-]|[:#]\s|\s$|^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

export function isBlockMap(node: unknown): node is YAMLMap {
  return isMap(node) && !node.flow && node.items.length > 0;
}

/** Nested YAML to add: leaves are raw YAML text (`"false"` is written as `false`; quote inside if needed). */
export interface YamlTree {
  [key: string]: string | YamlTree;
}

/**
 * Adds what is missing of `tree` under a block map, never overwriting an existing value:
 * `ensureTree(container, {resources: {requests: {cpu: '100m'}}})` appends `cpu` to an existing
 * `requests`, or `requests:` with `cpu` to an existing `resources`, or the whole block to the
 * container. Returns no edits when everything is already there or the layout is a flow map.
 */
export function ensureTree(file: ManifestFile, map: YAMLMap, tree: YamlTree): TextEdit[] {
  const edits: TextEdit[] = [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const existing = map.get(key, true);
    if (existing === undefined || existing === null) {
      lines.push(...renderTree(key, value, 0));
    } else if (typeof value !== 'string' && isBlockMap(existing)) {
      edits.push(...ensureTree(file, existing, value));
    }
  }
  if (lines.length > 0) {
    const edit = appendToMap(file, map, lines);
    if (edit) edits.push(edit);
  }
  return edits;
}

function renderTree(key: string, value: string | YamlTree, depth: number): string[] {
  const pad = '  '.repeat(depth);
  if (typeof value === 'string') return [`${pad}${key}: ${value}`];
  return [`${pad}${key}:`, ...Object.entries(value).flatMap(([k, v]) => renderTree(k, v, depth + 1))];
}

import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

/** A step of a path into a YAML document: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** A YAML text parsed once per version (a Kubernetes manifest file, a Compose file). */
export interface YamlSource {
  document: TextDocument;
}

/** One parsed YAML document of a source (a `---` document of a manifest, the single document of a Compose file). */
export interface YamlSourceDocument {
  yaml: Document.Parsed;
}

/**
 * Where the cursor is in a YAML document, as a schema path (`spec.template.spec.containers[0].image`),
 * worked out while the user types: the YAML may be incomplete (a key without a colon, a bare `- `,
 * an empty indented line). Block style is resolved from the lines above the cursor by indentation —
 * that stays right when the parser cannot make sense of the text yet; flow collections
 * (`{…}`, `[…]`) are resolved from the YAML AST.
 *
 * `target`:
 * - `key`: on a key, on a word that can only be a key (a bare word in a mapping), or on an empty line
 *   where a key may go. `path` = container + key (the key may be `''` or partial); `parent` = container.
 * - `value`: after `key:` on the same line, or inside a block scalar (`|`, `>`). `path` = container + key.
 * - `item`: a sequence entry with no key yet (`- `, `- Rea`). `path` = sequence + index; the schema
 *   tells whether a key (items are objects) or a value (scalars) is expected.
 */
export interface YamlCursorPath<D extends YamlSourceDocument = YamlSourceDocument> {
  doc: D;
  target: 'key' | 'value' | 'item';
  /** Path of the node at the cursor (see `target`). */
  path: PathSegment[];
  /** Path of the mapping (or, for `item`, the sequence) that contains it. */
  parent: PathSegment[];
  /** The key the cursor is on / after (`key`, `value`). */
  key?: string;
  /** Offsets of the text a completion replaces: the key, the value, or the item's text. */
  replace: { start: number; end: number };
  /** What is typed in `replace` before the cursor. */
  prefix: string;
  /** Column where the keys of the containing mapping start (for multi-line insertions). */
  indent: number;
  /** Inside a flow collection (`{…}` or `[…]`): insert plain text, no new lines. */
  inFlow: boolean;
  /** Inside a block scalar's text: no completions, hover shows the owning key. */
  inBlockScalar: boolean;
  /** `key` target: a `:` already follows the key on the line (complete the name only). */
  hasColon?: boolean;
  /** The cursor sits in the indentation (or on the dashes) before the line's content: nothing to complete there. */
  beforeContent?: boolean;
}

/** `['spec', 'containers', 0, 'image']` → `spec.containers[0].image`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** What a line holds, as far as structure goes. Columns are UTF-16 code units within the line. */
interface LineInfo {
  indent: number;
  /** Columns of the `- ` sequence indicators at the start of the line. */
  dashes: number[];
  /** First column after the indentation and the dashes. */
  content: number;
  /** Blank, or only a comment. */
  blank: boolean;
  docMarker: boolean;
  key?: string;
  keyStart: number;
  keyEnd: number;
  /** Column after the colon. */
  afterColon: number;
  /** The value on the line (trimmed, no comment), and where it sits. */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Where a trailing comment starts (or the line's length). */
  commentStart: number;
}

interface Container {
  path: PathSegment[];
  /** Index of the element among its siblings (for sequence items). */
  index: number;
  /** The ancestor key holds a block scalar: everything under it is text. */
  blockScalar?: PathSegment[];
}

/** Per parsed version: the analysed lines (filled on demand). Line offsets come from the TextDocument's own index. */
const lineCache = new WeakMap<YamlSource, { infos: (LineInfo | undefined)[]; text: string }>();

function linesOf(file: YamlSource): { infos: (LineInfo | undefined)[]; text: string } {
  let cached = lineCache.get(file);
  if (!cached) {
    cached = { infos: [], text: file.document.getText() };
    lineCache.set(file, cached);
  }
  return cached;
}

function lineStartOf(file: YamlSource, line: number): number {
  return file.document.offsetAt({ line, character: 0 });
}

function lineText(file: YamlSource, line: number): string {
  const { text } = linesOf(file);
  const start = lineStartOf(file, line);
  let end = line + 1 < file.document.lineCount ? lineStartOf(file, line + 1) - 1 : text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, Math.max(start, end));
}

function lineInfo(file: YamlSource, line: number): LineInfo {
  const cache = linesOf(file);
  const hit = cache.infos[line];
  if (hit) return hit;
  const info = analyzeLine(lineText(file, line));
  cache.infos[line] = info;
  return info;
}

/** Splits one line into indentation, `- ` indicators, key, value and comment. Linear, no regexes on user text. */
export function analyzeLine(text: string): LineInfo {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const indent = i;
  const dashes: number[] = [];
  while (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  const content = i;
  const docMarker = indent === 0 && dashes.length === 0 && (text.startsWith('---') || text.startsWith('...')) && (text.length === 3 || /\s/.test(text[3]!));
  const info: LineInfo = {
    indent, dashes, content, blank: false, docMarker, keyStart: content, keyEnd: content, afterColon: content,
    value: '', valueStart: content, valueEnd: content, commentStart: text.length,
  };
  if (content >= text.length || text[content] === '#') {
    info.blank = dashes.length === 0;
    info.commentStart = content;
    return info;
  }
  // The key: quoted, or plain up to the first `: ` / `:` at the end. Flow collections have no key here.
  let keyEnd = -1;
  let key: string | undefined;
  const first = text[content]!;
  if (first === '"' || first === "'") {
    let j = content + 1;
    while (j < text.length && text[j] !== first) j += text[j] === '\\' && first === '"' ? 2 : 1;
    let k = j + 1;
    while (k < text.length && text[k] === ' ') k++;
    if (j < text.length && text[k] === ':' && (k + 1 === text.length || /\s/.test(text[k + 1]!))) {
      key = text.slice(content + 1, j);
      keyEnd = j + 1;
      info.afterColon = k + 1;
    }
  } else if (first !== '{' && first !== '[' && first !== '|' && first !== '>') {
    for (let j = content; j < text.length; j++) {
      const ch = text[j];
      if (ch === '#' && j > content && /\s/.test(text[j - 1]!)) break;
      if (ch === ':' && (j + 1 === text.length || text[j + 1] === ' ' || text[j + 1] === '\t')) {
        let end = j;
        while (end > content && text[end - 1] === ' ') end--;
        key = text.slice(content, end);
        keyEnd = end;
        info.afterColon = j + 1;
        break;
      }
    }
  }
  const valueFrom = key !== undefined ? info.afterColon : content;
  let v = valueFrom;
  while (v < text.length && (text[v] === ' ' || text[v] === '\t')) v++;
  let comment = text.length;
  let quote: string | undefined;
  for (let j = v; j < text.length; j++) {
    const ch = text[j];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if ((ch === '"' || ch === "'") && j === v) {
      quote = ch;
    } else if (ch === '#' && (j === v || /\s/.test(text[j - 1]!))) {
      comment = j;
      break;
    }
  }
  let end = comment;
  while (end > v && /\s/.test(text[end - 1]!)) end--;
  if (key !== undefined) {
    info.key = key;
    info.keyEnd = keyEnd;
  }
  info.value = text.slice(v, end);
  info.valueStart = v;
  info.valueEnd = Math.max(v, end);
  info.commentStart = comment;
  return info;
}

/** A value that opens a block scalar: `|`, `>`, with chomping/indentation indicators. */
function isBlockScalarHeader(value: string): boolean {
  const first = value[0];
  if (first !== '|' && first !== '>') return false;
  for (let i = 1; i < value.length; i++) if (!'+-0123456789'.includes(value[i]!)) return false;
  return true;
}

interface Entry { col: number; dash: boolean }

function entriesOf(info: LineInfo): Entry[] {
  const entries: Entry[] = info.dashes.map((col) => ({ col, dash: true }));
  if (info.key !== undefined) entries.push({ col: info.keyStart, dash: false });
  return entries;
}

/**
 * The container of an element that starts at column `col` on `line` (`dash`: the element is a
 * sequence entry). Looks left on the same line first, then up by indentation. Each call moves
 * strictly up, so the whole walk is linear in the lines above the cursor.
 */
function containerOf(file: YamlSource, line: number, col: number, dash: boolean, leftOnLine: Entry[]): Container {
  // Something to the left on the same line: `- - x` or `- key:`; the element lives in that item.
  const left = leftOnLine[leftOnLine.length - 1];
  if (left) {
    const outer = containerOf(file, line, left.col, left.dash, leftOnLine.slice(0, -1));
    return { path: [...outer.path, outer.index], index: 0, blockScalar: outer.blockScalar };
  }
  let index = 0;
  for (let i = line - 1; i >= 0; i--) {
    const info = lineInfo(file, i);
    if (info.docMarker) break;
    if (info.blank) continue;
    const entries = entriesOf(info);
    if (entries.length === 0) continue; // a scalar line, a flow collection, a continuation
    if (info.indent > col) continue;
    // Innermost entry on that line that can hold or neighbour us.
    for (let e = entries.length - 1; e >= 0; e--) {
      const entry = entries[e]!;
      if (entry.col > col) continue;
      if (entry.col === col) {
        if (entry.dash === dash) {
          // A sibling: same mapping, or the previous item of the same sequence.
          if (dash) index++;
          if (e > 0) {
            const outer = containerOf(file, i, entries[e - 1]!.col, entries[e - 1]!.dash, entries.slice(0, e - 1));
            return { path: [...outer.path, outer.index], index, blockScalar: outer.blockScalar };
          }
          break; // keep scanning up for the container of the siblings
        }
        if (dash && !entry.dash) {
          // `key:` then `- item` at the same column: a compact sequence belongs to that key.
          return childOfKey(file, i, info, entries.slice(0, e), index);
        }
        // A key at the column of an earlier `- `: that sequence ended; keep looking up.
        break;
      }
      // entry.col < col: we are inside this entry.
      if (entry.dash) {
        const outer = containerOf(file, i, entry.col, true, entries.slice(0, e));
        return { path: [...outer.path, outer.index], index, blockScalar: outer.blockScalar };
      }
      return childOfKey(file, i, info, entries.slice(0, e), index);
    }
  }
  return { path: [], index };
}

function childOfKey(file: YamlSource, line: number, info: LineInfo, left: Entry[], index: number): Container {
  const outer = containerOf(file, line, info.keyStart, false, left);
  const path = [...outer.path, info.key!];
  if (outer.blockScalar) return { path, index, blockScalar: outer.blockScalar };
  if (isBlockScalarHeader(info.value)) return { path, index, blockScalar: path };
  return { path, index };
}

/**
 * The schema path at a position, or undefined outside any document or inside a comment.
 * `documentFor` names the parsed document holding an offset (for flow collections, read from the AST).
 */
export function yamlPathAt<D extends YamlSourceDocument>(file: YamlSource, position: Position, documentFor: (offset: number) => D | undefined): YamlCursorPath<D> | undefined {
  if (position.line < 0 || position.line >= file.document.lineCount) return undefined;
  const lineStart = lineStartOf(file, position.line);
  const text = lineText(file, position.line);
  const col = Math.min(position.character, text.length);
  const offset = lineStart + col;
  const doc = documentFor(offset);
  if (!doc) return undefined;
  const info = lineInfo(file, position.line);
  if (info.docMarker) return undefined;
  if (!info.blank && col > info.commentStart) return undefined;

  const mayBeFlow = text.slice(0, col).includes('{') || text.slice(0, col).includes('[')
    || (!info.blank && info.key === undefined && info.dashes.length === 0);
  const flow = mayBeFlow ? flowPathAt(doc, offset, file) : undefined;
  if (flow) return flow;

  const base = { doc, inFlow: false, inBlockScalar: false };
  const at = (start: number, end: number) => ({ start: lineStart + start, end: lineStart + end });

  if (info.blank) {
    // An empty line: the indentation the cursor is at says which mapping the new key joins.
    const container = containerOf(file, position.line, col, false, []);
    if (container.blockScalar) return blockScalarPath(base, container.blockScalar, at(col, col), col);
    return { ...base, target: 'key', path: [...container.path, ''], parent: container.path, key: '', replace: at(col, col), prefix: '', indent: col };
  }

  const entries = entriesOf(info);
  const dashEntries = entries.filter((e) => e.dash);
  if (info.key !== undefined) {
    const container = containerOf(file, position.line, info.keyStart, false, dashEntries);
    if (container.blockScalar) return blockScalarPath(base, container.blockScalar, at(col, col), info.indent);
    const path = [...container.path, info.key];
    if (col <= info.keyEnd || col < info.afterColon) {
      const from = Math.min(info.keyStart, col);
      return {
        ...base, target: 'key', path, parent: container.path, key: info.key, replace: at(info.keyStart, info.keyEnd),
        prefix: text.slice(info.keyStart, Math.max(info.keyStart, col)), indent: info.keyStart, hasColon: true, beforeContent: from < info.keyStart,
      };
    }
    if (isBlockScalarHeader(info.value)) return undefined;
    const start = Math.min(info.valueStart, col);
    const end = Math.max(info.valueEnd, col);
    return { ...base, target: 'value', path, parent: container.path, key: info.key, replace: at(start, end), prefix: text.slice(start, col), indent: info.keyStart };
  }

  if (dashEntries.length > 0 && col >= info.content) {
    // `- ` or `- word`: an entry of the sequence at the last dash.
    const last = dashEntries[dashEntries.length - 1]!;
    const container = containerOf(file, position.line, last.col, true, dashEntries.slice(0, -1));
    if (container.blockScalar) return blockScalarPath(base, container.blockScalar, at(col, col), info.indent);
    const end = Math.max(info.valueEnd, col);
    return {
      ...base, target: 'item', path: [...container.path, container.index], parent: container.path,
      replace: at(info.content, end), prefix: text.slice(info.content, col), indent: Math.max(info.content, last.col + 2),
    };
  }
  if (dashEntries.length > 0) {
    // Cursor before/on the dash: treat as the start of that entry.
    const last = dashEntries[dashEntries.length - 1]!;
    const container = containerOf(file, position.line, last.col, true, dashEntries.slice(0, -1));
    return {
      ...base, target: 'item', path: [...container.path, container.index], parent: container.path,
      replace: at(col, col), prefix: '', indent: info.content, inBlockScalar: !!container.blockScalar, beforeContent: true,
    };
  }

  // A bare word: a key being typed (no colon yet), or a line of a block scalar.
  const container = containerOf(file, position.line, info.content, false, []);
  if (container.blockScalar) return blockScalarPath(base, container.blockScalar, at(col, col), info.indent);
  const end = Math.max(info.valueEnd, col);
  const word = text.slice(info.content, end);
  return {
    ...base, target: 'key', path: [...container.path, word], parent: container.path, key: word, replace: at(info.content, end),
    prefix: text.slice(info.content, Math.max(info.content, col)), indent: info.content, beforeContent: col < info.content,
  };
}

function blockScalarPath<D extends YamlSourceDocument>(base: { doc: D }, path: PathSegment[], replace: { start: number; end: number }, indent: number): YamlCursorPath<D> {
  return {
    doc: base.doc, target: 'value', path, parent: path.slice(0, -1), key: String(path[path.length - 1]),
    replace, prefix: '', indent, inFlow: false, inBlockScalar: true,
  };
}

/**
 * Inside a flow collection, the AST knows best. Returns undefined when the cursor is not inside one
 * (the block walk handles it). The path down to the flow collection comes from the AST too.
 */
function flowPathAt<D extends YamlSourceDocument>(doc: D, offset: number, file: YamlSource): YamlCursorPath<D> | undefined {
  const root = doc.yaml.contents as Node | null;
  if (!root) return undefined;
  const path: PathSegment[] = [];
  let node: unknown = root;
  let inFlow = false;
  const indent = 0;
  for (let depth = 0; depth < 100; depth++) {
    if (isMap(node)) {
      if (node.flow) inFlow = true;
      let next: unknown;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const keyText = isScalar(key) ? String(key.value ?? '') : undefined;
        if (key?.range && key.range[0] <= offset && offset <= key.range[1] && keyText !== undefined) {
          if (!inFlow) return undefined;
          const replace = { start: key.range[0], end: key.range[1] };
          return {
            doc, target: 'key', path: [...path, keyText], parent: [...path], key: keyText, replace,
            prefix: file.document.getText().slice(key.range[0], offset), indent, inFlow, inBlockScalar: false, hasColon: value !== null && value !== undefined,
          };
        }
        if (value?.range && value.range[0] <= offset && offset <= value.range[1] && keyText !== undefined) {
          path.push(keyText);
          next = value;
          if (isScalar(value)) {
            if (!inFlow) return undefined;
            return {
              doc, target: 'value', path, parent: path.slice(0, -1), key: keyText,
              replace: { start: value.range[0], end: value.range[1] }, prefix: file.document.getText().slice(value.range[0], offset),
              indent, inFlow, inBlockScalar: false,
            };
          }
          break;
        }
      }
      if (next === undefined) {
        if (!inFlow) return undefined;
        // Between entries of a flow map: a new key goes here.
        return { doc, target: 'key', path: [...path, ''], parent: [...path], key: '', replace: { start: offset, end: offset }, prefix: '', indent, inFlow, inBlockScalar: false };
      }
      node = next;
    } else if (isSeq(node)) {
      if (node.flow) inFlow = true;
      let found = -1;
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i] as Node | null;
        const range = isPair(item) ? (item.key as Node | null)?.range : item?.range;
        if (range && range[0] <= offset && offset <= range[1]) found = i;
      }
      if (found < 0) {
        if (!inFlow) return undefined;
        return { doc, target: 'item', path: [...path, node.items.length], parent: [...path], replace: { start: offset, end: offset }, prefix: '', indent, inFlow, inBlockScalar: false };
      }
      path.push(found);
      const item = node.items[found] as Node;
      if (isScalar(item)) {
        if (!inFlow) return undefined;
        return {
          doc, target: 'item', path, parent: path.slice(0, -1), replace: { start: item.range![0], end: item.range![1] },
          prefix: file.document.getText().slice(item.range![0], offset), indent, inFlow, inBlockScalar: false,
        };
      }
      node = item;
    } else {
      return undefined;
    }
  }
  return undefined;
}

import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Pair, parseAllDocuments, Scalar, type Schema, type YAMLError, type YAMLMap } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { copyFields, copyNode } from '../common/yamlNodeCopy';
import { parseCompose, type ComposeModel } from './model';

/**
 * Re-parses only the entry an edit falls in: typing inside one service of a 1,000-line Compose file
 * parses that service's lines (a few dozen) and splices them into the previous version's tree, the
 * entries after it moved by the edit's length (a copy of their nodes, far cheaper than parsing).
 *
 * The result is the tree a whole-file parse gives (parseCompose): same nodes, ranges, errors and
 * warnings in the same order, same line starts. test/unit/compose/incrementalDiagnostics.test.ts
 * compares both after random edits. Anything this module is not sure of takes the whole-file parse:
 * - the edit must lie inside one entry of a top-level block mapping (`services:`, `networks:`…),
 *   below its key line, and that entry must have a next sibling (the last entry's end decides where
 *   the section and the file end);
 * - the entry's old and new text hold no anchor (`&`: aliases elsewhere may name it), no comment,
 *   tab or carriage return, and every line after the key line is blank or indented deeper than the
 *   key (so nothing of the entry can close or reopen the sections around it);
 * - the file has a single document and no directive or `---`/`...` line;
 * - parsed on its own and followed by a sibling key, the entry ends cleanly: one entry with the same
 *   key, the sibling read as a key of its own, no error or warning past the entry (an unclosed
 *   quote or flow collection would run into the next entry).
 *
 * Models returned earlier are never changed: nodes before the entry are shared with the previous
 * version (nothing in the engine mutates a parsed tree), the nodes after it are copies.
 */

const maxFiles = 32;
const previous = new Map<string, ComposeModel>();

/** How many parses reused the previous tree or read the whole file (the tests show reuse happens). */
export const incrementalParseCounts = { spliced: 0, full: 0 };

export function parseComposeIncremental(document: TextDocument): ComposeModel {
  const text = document.getText();
  const before = previous.get(document.uri);
  let model = before ? spliced(before, text, document) : undefined;
  if (model) incrementalParseCounts.spliced++;
  else {
    model = parseCompose(document);
    incrementalParseCounts.full++;
  }
  previous.delete(document.uri);
  previous.set(document.uri, model);
  if (previous.size > maxFiles) previous.delete(previous.keys().next().value!);
  return model;
}

/** Drops the tree kept for a file's next version (the file was closed). */
export function forgetComposeParse(uri: string): void {
  previous.delete(uri);
}

const options = { prettyErrors: false, merge: true } as const;
/** A document marker or directive at the start of a line: another document, another reading. */
const documentMarker = /^(?:---|\.\.\.)(?:[ \t\r\n]|$)|^%/m;
/** What the entry's text must not hold (see the module comment). */
const unsafeInEntry = /[&#\t\r]/;

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The key's column when only spaces precede it on its line, else -1. */
function keyColumn(text: string, keyStart: number): number {
  const lineStart = lineStartOf(text, keyStart);
  for (let i = lineStart; i < keyStart; i++) if (text.charCodeAt(i) !== 32) return -1;
  return keyStart - lineStart;
}

/** Every line after the first is blank (spaces only) or indented deeper than `column`. */
function nestedBelow(entry: string, column: number): boolean {
  let lineStart = entry.indexOf('\n') + 1;
  while (lineStart > 0 && lineStart < entry.length) {
    let i = lineStart;
    while (entry.charCodeAt(i) === 32) i++;
    const blank = i >= entry.length || entry.charCodeAt(i) === 10;
    if (!blank && i - lineStart <= column) return false;
    lineStart = entry.indexOf('\n', lineStart) + 1;
  }
  return true;
}

function splitErrors<E extends YAMLError>(errors: readonly E[], start: number, end: number): { before: E[]; after: E[] } | undefined {
  const before: E[] = [];
  const after: E[] = [];
  let last = -Infinity;
  for (const error of errors) {
    const [from, to] = error.pos;
    // Out of order, or across the entry's bounds: not sure which side it belongs to.
    if (from < last || (from < start && to > start) || (from < end && to > end)) return undefined;
    last = from;
    if (from < start) before.push(error);
    else if (from >= end) after.push(error);
  }
  return { before, after };
}

/*
 * The splice is written as several small functions, not one: V8 optimises a hot function as a
 * whole, and the single function this used to be (array spreads, closures, many node shapes) took
 * 130–570 ms and ~7 MB of compiler memory per optimisation, redone a dozen times in the first hundred
 * edits as new node shapes deoptimised it. That compiler memory set the server's peak RSS while a
 * Compose file was edited (docs/performance.md, "Compose edits and the optimising compiler").
 */

/** Where an edit falls: the top-level section, its entry, and the entry's text bounds. */
interface EditedEntry {
  section: Pair;
  sectionIndex: number;
  entries: YAMLMap;
  entry: Pair;
  entryIndex: number;
  next: Pair;
  column: number;
  /** The entry's first offset (its key line's start) and the next entry's key line start, in the old text. */
  start: number;
  end: number;
  /** The edit's length change. */
  delta: number;
}

function spliced(old: ComposeModel, text: string, document: TextDocument): ComposeModel | undefined {
  if (text === old.text) return sameText(old, document);
  const root = old.root;
  if (!root || !splicableRoot(old, root)) return undefined;
  const place = editedEntry(old.text, text, root);
  if (!place) return undefined;
  const newEntry = checkedNewEntry(old, text, place);
  if (newEntry === undefined) return undefined;
  const errors = splitErrors(old.yaml.errors, place.start, place.end);
  const warnings = splitErrors(old.yaml.warnings, place.start, place.end);
  // An error before the entry may leave the parser reading it otherwise than on its own.
  if (!errors || !warnings || errors.before.length > 0) return undefined;
  const oldEntry = old.text.slice(place.start, place.end);
  if (!readsAsAlone(oldEntry, place.column, place.entry.key as Scalar, errorsWithin(old.yaml.errors, place.start, place.end), place.start)) return undefined;
  const fresh = parseEntry(newEntry, place.column, place.entry.key as Scalar);
  if (!fresh) return undefined;
  // The next edit of this entry checks this version of it: its errors are known.
  lastAlone = { text: newEntry, column: place.column, errors: errorList(fresh.doc.errors, 0) };
  return splicedModel(old, text, document, place, fresh, newEntry.length, errors, warnings);
}

function sameText(old: ComposeModel, document: TextDocument): ComposeModel {
  return { ...old, document };
}

function splicableRoot(old: ComposeModel, root: YAMLMap): boolean {
  return old.documents.length === 1 && !root.flow && !root.anchor && !root.tag && old.yaml.contents === root;
}

/** The entry of a top-level section an edit (old text → new text) falls in, below its key line; undefined when it is not one. */
function editedEntry(oldText: string, text: string, root: YAMLMap): EditedEntry | undefined {
  // The edit: what lies between the common prefix and the common suffix.
  const shorter = Math.min(oldText.length, text.length);
  let prefix = 0;
  while (prefix < shorter && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const editEnd = oldText.length - suffix;
  const delta = text.length - oldText.length;

  // The top-level section and its entry the edit falls in.
  const sectionIndex = lastStartingBefore(root.items, prefix);
  const section = root.items[sectionIndex];
  const entries = section?.value;
  if (!section || !isScalar(section.key) || !isMap(entries) || entries.flow || entries.anchor || entries.tag) return undefined;
  if (keyColumn(oldText, section.key.range![0]) !== 0) return undefined;
  const entryIndex = lastStartingBefore(entries.items, prefix);
  const entry = entries.items[entryIndex];
  const next = entries.items[entryIndex + 1];
  if (!entry || !next || !isScalar(entry.key) || !isScalar(next.key)) return undefined;
  const keyStart = entry.key.range![0];
  const column = keyColumn(oldText, keyStart);
  if (column <= 0 || keyColumn(oldText, next.key.range![0]) !== column) return undefined;
  const start = keyStart - column;
  const end = lineStartOf(oldText, next.key.range![0]);
  const keyLineEnd = oldText.indexOf('\n', keyStart) + 1;
  if (keyLineEnd === 0 || prefix < keyLineEnd || editEnd > end) return undefined;
  return { section, sectionIndex, entries, entry, entryIndex, next, column, start, end, delta };
}

/** The entry's new text, when neither it nor the old one holds what the splice cannot follow (see the module comment). */
function checkedNewEntry(old: ComposeModel, text: string, place: EditedEntry): string | undefined {
  const oldEntry = old.text.slice(place.start, place.end);
  const newEntry = text.slice(place.start, place.end + place.delta);
  if (!newEntry.endsWith('\n') || unsafeInEntry.test(oldEntry) || unsafeInEntry.test(newEntry)) return undefined;
  if (!nestedBelow(oldEntry, place.column) || !nestedBelow(newEntry, place.column)) return undefined;
  if (documentMarker.test(text)) return undefined;
  if (hasDuplicateKey(place.entries, (place.entry.key as Scalar).value)) return undefined;
  return newEntry;
}

function errorsWithin(errors: readonly YAMLError[], start: number, end: number): YAMLError[] {
  const within: YAMLError[] = [];
  for (const error of errors) if (error.pos[0] >= start && error.pos[0] < end) within.push(error);
  return within;
}

type ParsedEntry = NonNullable<ReturnType<typeof parseEntry>>;

/** The new model: the previous tree with the entry's fresh nodes in place of the old ones and the nodes after them moved. */
function splicedModel(
  old: ComposeModel, text: string, document: TextDocument, place: EditedEntry, fresh: ParsedEntry, newEntryLength: number,
  errors: { before: YAMLError[]; after: YAMLError[] }, warnings: { before: YAMLError[]; after: YAMLError[] },
): ComposeModel {
  const { start, delta } = place;
  const { pair, doc, sentinelKey, lineStarts } = fresh;
  shiftInPlace(pair, start);
  // The lines before the key belong to the previous entry: what they attach to the key stays.
  const oldKey = place.entry.key as Scalar;
  setOrDelete(pair.key as Scalar, 'spaceBefore', oldKey.spaceBefore);
  setOrDelete(pair.key as Scalar, 'commentBefore', oldKey.commentBefore);

  const nextCopy = copyNode(place.next, delta) as Pair;
  // Whether blank lines come before the next key depends on how the edited entry ends.
  setOrDelete(nextCopy.key as Scalar, 'spaceBefore', sentinelKey.spaceBefore);
  const entriesCopy = copyContainer(place.entries, delta, replacedItems(place.entries.items, place.entryIndex, pair, nextCopy, delta));
  const sectionCopy = copyFields(new Pair(null), place.section, 0);
  sectionCopy.key = place.section.key;
  sectionCopy.value = entriesCopy;
  const root = old.root!;
  const rootCopy = copyContainer(root, delta, replacedItems(root.items, place.sectionIndex, sectionCopy, undefined, delta));

  const yaml = Object.assign(new Document(), old.yaml) as Document.Parsed;
  yaml.contents = rootCopy as Document.Parsed['contents'];
  yaml.range = [old.yaml.range[0], old.yaml.range[1] + delta, old.yaml.range[2] + delta];
  yaml.errors = joinedErrors(errors.before, doc.errors, start, errors.after, delta);
  yaml.warnings = joinedErrors(warnings.before, doc.warnings, start, warnings.after, delta);
  const lineCounter = new LineCounter();
  lineCounter.lineStarts = joinedLineStarts(old.lineCounter.lineStarts, lineStarts, start, place.end, newEntryLength, delta);
  return { document, text, lineCounter, yaml, documents: [yaml], root: rootCopy };
}

/**
 * `items` with the one at `index` replaced by `replacement` (and the one after it by `nextReplacement`
 * when given), the items after those copied and moved by `delta`; the ones before are shared.
 */
function replacedItems(items: readonly Pair[], index: number, replacement: Pair, nextReplacement: Pair | undefined, delta: number): Pair[] {
  const out: Pair[] = items.slice(0, index);
  out.push(replacement);
  let i = index + 1;
  if (nextReplacement) {
    out.push(nextReplacement);
    i++;
  }
  for (; i < items.length; i++) out.push(copyNode(items[i], delta) as Pair);
  return out;
}

/** The errors before the entry, the entry's own (moved to where it starts), then those after it (moved by the edit). */
function joinedErrors<E extends YAMLError>(before: readonly E[], own: readonly E[], start: number, after: readonly E[], delta: number): E[] {
  const out: E[] = before.slice();
  for (const error of own) out.push(copyError(error, start));
  for (const error of after) out.push(copyError(error, delta));
  return out;
}

/**
 * The line starts the parser noted (it misses some in broken text, so they are not the text's
 * newlines): the previous version's around the entry, the entry's own parse's inside it.
 */
function joinedLineStarts(oldStarts: readonly number[], entryStarts: readonly number[], start: number, end: number, newEntryLength: number, delta: number): number[] {
  const out: number[] = [];
  for (const offset of oldStarts) if (offset <= start) out.push(offset);
  for (const offset of entryStarts) if (offset > 0 && offset <= newEntryLength) out.push(offset + start);
  for (const offset of oldStarts) if (offset > end) out.push(offset + delta);
  return out;
}

/** The index of the last pair whose key starts at or before `offset` (pairs in the file's order). */
function lastStartingBefore(items: readonly Pair[], offset: number): number {
  let found = -1;
  for (let i = 0; i < items.length; i++) {
    const key = items[i].key as { range?: [number, number, number] | null } | null;
    if (!key?.range) return -1;
    if (key.range[0] > offset) break;
    found = i;
  }
  return found;
}

function hasDuplicateKey(map: YAMLMap, value: unknown): boolean {
  let count = 0;
  for (const pair of map.items) if (isScalar(pair.key) && pair.key.value === value) count++;
  return count !== 1;
}

/** The last entry checked by readsAsAlone, with its errors as a parse of it alone gives them. */
let lastAlone: { text: string; column: number; errors: string | undefined } | undefined;

const errorList = (errors: readonly YAMLError[], delta: number) => errors.map((error) => `${error.code} ${error.pos[0] + delta} ${error.pos[1] + delta} ${error.message}`).join('\n');

/**
 * Whether the previous version's entry read in the whole file as it reads alone: it ends cleanly
 * and the whole-file parse found in it the errors a parse of it alone finds. Then the entries after
 * it were read from a clean start, as they will be after the new entry (their nodes are reused).
 */
function readsAsAlone(entryText: string, column: number, key: Scalar, errorsInFile: readonly YAMLError[], start: number): boolean {
  if (lastAlone?.text !== entryText || lastAlone.column !== column) {
    const parsed = parseEntry(entryText, column, key);
    lastAlone = { text: entryText, column, errors: parsed && errorList(parsed.doc.errors, 0) };
  }
  return lastAlone.errors !== undefined && lastAlone.errors === errorList(errorsInFile, -start);
}

/** A sibling key after the entry, as the next entry's key line is in the file. */
const sentinelName = 'x';

/**
 * The entry parsed on its own, followed by a sibling key: the parser sees the indentation the
 * whole file shows it (the entry's lines, then a key at the entry's column). Undefined unless the
 * entry and the sibling come out as two clean entries (see the module comment).
 */
function parseEntry(entryText: string, column: number, oldKey: Scalar): { pair: Pair; doc: Document.Parsed; sentinelKey: Scalar; lineStarts: number[] } | undefined {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(`${entryText}${' '.repeat(column)}${sentinelName}:\n`, { ...options, lineCounter });
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const doc = docs[0];
  const map = doc.contents;
  if (!isMap(map) || map.flow || map.anchor || map.tag || map.items.length !== 2 || doc.directives?.docStart) return undefined;
  const [pair, sentinel] = map.items;
  const key = pair.key;
  const sentinelKey = sentinel.key;
  if (!isScalar(key) || key.value !== oldKey.value || key.type !== oldKey.type || key.range?.[0] !== column || key.anchor || key.tag !== oldKey.tag) return undefined;
  if (!isScalar(sentinelKey) || sentinelKey.value !== sentinelName || sentinelKey.range?.[0] !== entryText.length + column) return undefined;
  const value = sentinel.value;
  if (!isScalar(value) || value.value !== null || !value.range || value.range[0] < entryText.length) return undefined;
  const outside = (error: YAMLError) => error.pos[1] > entryText.length;
  if (doc.errors.some(outside) || doc.warnings.some(outside)) return undefined;
  return { pair, doc, sentinelKey, lineStarts: lineCounter.lineStarts };
}

function setOrDelete<T extends object>(target: T, key: keyof T & string, value: unknown): void {
  const record = target as Record<string, unknown>;
  if (value === undefined) delete record[key];
  else record[key] = value;
}

/** Moves freshly parsed nodes (nobody else holds them yet) by `delta`, in place. */
function shiftInPlace(node: unknown, delta: number): void {
  if (isPair(node)) {
    shiftInPlace(node.key, delta);
    shiftInPlace(node.value, delta);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const range = (node as { range?: number[] | null }).range;
  if (range) for (let i = 0; i < range.length; i++) range[i] += delta;
  if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) shiftInPlace(item, delta);
}

function copyError<E extends YAMLError>(error: E, delta: number): E {
  if (delta === 0) return error;
  const copy = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as E;
  copy.pos = [error.pos[0] + delta, error.pos[1] + delta];
  return copy;
}

/** A mapping that starts where it did and ends `delta` later, holding `items`. */
function copyContainer(map: YAMLMap, delta: number, items: Pair[]): YAMLMap {
  const construct = map.constructor as new (schema?: Schema) => YAMLMap;
  const copy = copyFields(new construct(map.schema), map, 0);
  const range = map.range!;
  copy.range = [range[0], range[1] + delta, range[2] + delta];
  copy.items = items as typeof copy.items;
  return copy;
}


import { Composer, isScalar, LineCounter, Parser, type Document, type YAMLError } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { copyNode } from '../common/yamlNodeCopy';
import { lineBreaksOf, topLevelString, type ManifestDocument, type ManifestFile } from './model';
import { parseWithPlainEnvironment } from './parseEnvironment';

/**
 * Re-parses only the `---` documents that changed since the previous version of the same file.
 * Typing in one document of a 50,000-line, 1,000-document manifest then costs one document's
 * parse plus a light copy of each document after it (range, errors, warnings): their nodes are
 * copied only when something reads them, and what is kept per document (rule findings, index
 * summaries, schema findings, suppressions) lets a check after an edit read none of them.
 *
 * Returned models are never mutated afterwards: a reused document that moves is copied, not shifted
 * in place; one that stays put is shared between the two versions' models.
 *
 * The result has the same shape as `parseManifestFile`: absolute UTF-16 offsets in every node range
 * and error position. Source tokens (CST) are not kept: no feature reads them.
 */

interface Chunk {
  text: string;
  /** Offset of the chunk in the file its documents' ranges currently refer to. */
  start: number;
  docs: Document.Parsed[];
  /** Parsed with a `---` line after it, as every chunk but the file's last is followed (see parseChunk). */
  followed: boolean;
}

const maxFiles = 32;
const previous = new Map<string, Chunk[]>();

/** Splits before each line that starts a document (`---` at column 0); leading comments join the next chunk. */
export function splitDocuments(text: string): { start: number; text: string }[] {
  const starts = [0];
  // After `\n` only: yaml breaks lines there, not at a lone `\r` or U+2028 as a multiline `^` would.
  const marker = /\n---(?=[ \t\r\n]|$)/g;
  for (let match = marker.exec(text); match; match = marker.exec(text)) starts.push(match.index + 1);
  const pieces = starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
  // Comments and blank lines before the first marker belong to the first document, as in a whole-file parse.
  if (pieces.length > 1 && /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:#[^\n]*)?$/.test(pieces[0].text)) {
    pieces[1] = { start: 0, text: pieces[0].text + pieces[1].text };
    pieces.shift();
  }
  return pieces;
}

/** A YAMLError like `error` with its own position array, so shifting it leaves the original alone. */
function copyError<E extends YAMLError>(error: E, delta: number): E {
  const copy = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as E;
  copy.pos = [error.pos[0] + delta, error.pos[1] + delta];
  return copy;
}

/** One key per document content, shared by a document and its moved copies: see contentKeyOf. */
const contentKeySlot = Symbol('contentKey');

/**
 * What this module notes on a document it hands out, as properties under symbols of its own rather
 * than WeakMap entries (several per moved document per keystroke, which the garbage collector
 * pays for): its content key, its header, and for a moved copy not yet built, where its nodes come from.
 */
interface Noted {
  [contentKeySlot]?: object;
  [headerSlot]?: { apiVersion?: string; kind?: string };
  [waitingSlot]?: { source: Document.Parsed; delta: number };
}

const noted = (doc: Document.Parsed) => doc as Document.Parsed & Noted;

/**
 * An object that stands for a document's content across versions of a file: the same for a
 * document and every moved copy of it. Key caches of facts that hold no offsets (a CRD's JSON) by
 * it, so a document that only moved is not converted again; anything with offsets belongs to the
 * model (the ManifestFile) instead. A small token rather than the original document, so copies do
 * not keep the original's tree alive.
 */
export function contentKeyOf(doc: Document.Parsed): object {
  let key = noted(doc)[contentKeySlot];
  if (!key) {
    key = {};
    noted(doc)[contentKeySlot] = key;
  }
  return key;
}

/** How many reused documents moved, and how many of those had their nodes copied (tests show the copies are rare). */
export const incrementalParseCounts = { moved: 0, built: 0 };

/**
 * Moved documents whose nodes are not copied yet: the document whose nodes they will copy (never
 * itself one waiting), and by how much its ranges move.
 */
const waitingSlot = Symbol('waiting');

/**
 * A reused document moved by `delta`. Models returned earlier may still hold the original (a request
 * that started on the previous version, the CLI's fix loop, the workspace index), so the moved
 * version is a copy: every node, error and warning gets its own range, the original is untouched.
 *
 * Its nodes are copied when something first reads its `contents`: after an edit most documents
 * only move, and what is kept per document (rule findings, index summaries, schema findings) needs
 * none of their nodes, so typing in a 50,000-line manifest copies nothing but the edited document's
 * neighbours' headers. Its range, errors and warnings are moved at once (they are few).
 */
function shiftedCopy(doc: Document.Parsed, delta: number): Document.Parsed {
  if (delta === 0) return doc; // Shared as is: nothing in the engine mutates a parsed document.
  incrementalParseCounts.moved++;
  // A copy still waiting copies from the same source, moved by both deltas.
  const before = noted(doc)[waitingSlot];
  const source = before?.source ?? doc;
  const total = (before?.delta ?? 0) + delta;
  // A bare object of the document's class with its own fields: it shares the original's schema,
  // directives and options (read-only) and gets its own range and diagnostics; `doc.clone()` would
  // deep-copy the contents with descriptors.
  const copy = Object.create(Object.getPrototypeOf(doc)) as Document.Parsed;
  for (const key of Reflect.ownKeys(doc)) if (key !== 'contents') (copy as unknown as Record<PropertyKey, unknown>)[key] = (doc as unknown as Record<PropertyKey, unknown>)[key];
  copy.range = doc.range.map((offset) => offset + delta) as Document.Parsed['range'];
  copy.errors = doc.errors.map((error) => copyError(error, delta));
  copy.warnings = doc.warnings.map((warning) => copyError(warning, delta));
  // The key and header came with the fields above (a document whose nodes were never read still gets both here).
  noted(copy)[contentKeySlot] = contentKeyOf(doc);
  noted(copy)[headerSlot] = headerOf(doc);
  noted(copy)[waitingSlot] = { source, delta: total };
  Object.defineProperty(copy, 'contents', {
    configurable: true,
    enumerable: true,
    get(this: Document.Parsed) {
      const contents = copyNode(source.contents, total) as Document.Parsed['contents'];
      incrementalParseCounts.built++;
      noted(copy)[waitingSlot] = undefined;
      Object.defineProperty(copy, 'contents', { value: contents, writable: true, enumerable: true, configurable: true });
      return contents;
    },
    set(this: Document.Parsed, value: Document.Parsed['contents']) {
      noted(copy)[waitingSlot] = undefined;
      Object.defineProperty(copy, 'contents', { value, writable: true, enumerable: true, configurable: true });
    },
  });
  return copy;
}

/**
 * A document's contents for questions about its shape only (is it a map? which keys?): a moved
 * copy whose nodes are not copied yet answers from its source, whose ranges are those of an
 * earlier version. Never read a range through it.
 */
export function contentsForShape(doc: Document.Parsed): Document.Parsed['contents'] {
  return (noted(doc)[waitingSlot]?.source ?? doc).contents;
}

/** A document's top-level `apiVersion` and `kind`, read once per content (moved copies share them). */
const headerSlot = Symbol('header');

function headerOf(doc: Document.Parsed): { apiVersion?: string; kind?: string } {
  let header = noted(doc)[headerSlot];
  if (!header) {
    const contents = contentsForShape(doc);
    header = { apiVersion: topLevelString(contents, 'apiVersion'), kind: topLevelString(contents, 'kind') };
    noted(doc)[headerSlot] = header;
  }
  return header;
}

/** The `---` line every chunk but the last is followed by in the file. */
const nextMarker = '---\n';

/**
 * Parses one chunk as the whole file reads it. yaml reads a document's end differently at the end of
 * its input than before a `---`: blank lines there belong to no document, a flow collection left
 * open ends with an error at the marker. So a chunk that the file continues after is parsed with a
 * `---` after it, and the empty document that marker starts is dropped.
 *
 * `open` when that marker did not start a clean document of its own: the chunk does not end where
 * the file's reading of it would, so it must be parsed together with what follows. Rare, and bounded
 * by a whole-file parse: an unclosed quote (yaml reads it across `---`, to the next closing quote
 * or the end of the file), stray text with no document before the first `---`, or directives and
 * comments after a `...` (they belong to the next document).
 */
function parseChunk(text: string, start: number, followed: boolean): { chunk: Chunk; open: boolean } {
  const docs = parseAt(followed ? text + nextMarker : text, start);
  let open = false;
  if (followed) {
    const marker = docs.pop();
    const empty = marker?.contents;
    const end = start + text.length;
    const clean = marker?.range[0] === end && isScalar(empty) && empty.value === null && empty.range![0] >= end;
    open = !clean || marker.errors.length > 0 || marker.warnings.length > 0 || marker.commentBefore != null || /^%/m.test(text);
  }
  return { chunk: { text, start, docs, followed }, open };
}

/**
 * parseAllDocuments (without pretty errors) of text that starts at `start` in the file: yaml's
 * parser counts offsets from where it is told to start, so every range and error position is the
 * file's from the outset, with no walk over the nodes to move them.
 */
function parseAt(source: string, start: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = start;
  return Array.from(new Composer({ prettyErrors: false }).compose(parser.parse(source)));
}

/** The chunks of the file's pieces: reused from the previous version where the text is the same, parsed otherwise. */
function parseChunks(pieces: { start: number; text: string }[], reusableFollowed: Map<string, Chunk[]>, reusableLast: Map<string, Chunk[]>): Chunk[] {
  const chunks: Chunk[] = [];
  for (let next = 0; next < pieces.length; ) {
    let piece = pieces[next++]!;
    let followed = next < pieces.length;
    const old = (followed ? reusableFollowed : reusableLast).get(piece.text)?.shift();
    if (old) {
      chunks.push({ text: piece.text, start: piece.start, docs: old.docs.map((doc) => shiftedCopy(doc, piece.start - old.start)), followed });
      continue;
    }
    let parsed = parseChunk(piece.text, piece.start, followed);
    // The file reads this chunk on into the next one: parse them as one (rare; at worst a whole-file parse).
    while (parsed.open) {
      piece = { start: piece.start, text: piece.text + pieces[next++]!.text };
      followed = next < pieces.length;
      parsed = parseChunk(piece.text, piece.start, followed);
    }
    chunks.push(parsed.chunk);
  }
  return chunks;
}

/** Drops the documents kept for a file's next version (the file was closed). */
export function forgetManifestParse(uri: string): void {
  previous.delete(uri);
}

export function parseManifestIncremental(document: TextDocument): ManifestFile {
  const text = document.getText();
  // A chunk's parse depends on its text and on whether the file goes on after it (see parseChunk):
  // one map for each (keys are the texts themselves, not copies with a mark in front).
  const reusableFollowed = new Map<string, Chunk[]>();
  const reusableLast = new Map<string, Chunk[]>();
  for (const chunk of previous.get(document.uri) ?? []) {
    const reusable = chunk.followed ? reusableFollowed : reusableLast;
    const list = reusable.get(chunk.text);
    if (list) list.push(chunk); else reusable.set(chunk.text, [chunk]);
  }
  const pieces = splitDocuments(text);
  // A big text is parsed with a plain copy of process.env, which yaml reads once per token (parseEnvironment.ts).
  const chunks = parseWithPlainEnvironment(text.length, () => parseChunks(pieces, reusableFollowed, reusableLast));
  previous.delete(document.uri);
  previous.set(document.uri, chunks);
  if (previous.size > maxFiles) previous.delete(previous.keys().next().value!);

  const documents: ManifestDocument[] = [];
  for (const chunk of chunks) {
    for (const yaml of chunk.docs) {
      // The same description as describeDocument's, with the header read once per content.
      const { apiVersion, kind } = headerOf(yaml);
      const [start, , end] = yaml.range ?? [0, 0, text.length];
      documents.push({ index: documents.length, yaml, apiVersion, kind, isKubernetes: apiVersion !== undefined && kind !== undefined, start, end });
    }
  }
  // Line starts of the whole text, counted when first asked for: no feature needs them after an edit.
  let lineCounter: LineCounter | undefined;
  return {
    document,
    get lineCounter() { return (lineCounter ??= lineCounterOf(text)); },
    documents, isKubernetes: documents.some((d) => d.isKubernetes), lineBreaks: lineBreaksOf(text),
  };
}

function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  return lineCounter;
}

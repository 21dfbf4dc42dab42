import { LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeDocument, type ManifestDocument, type ManifestFile } from './model';

/**
 * Re-parses only the `---` documents that changed since the previous version of the same file.
 * Typing in one document of a 3,000-line, 60-document manifest then costs one document's parse
 * plus an offset shift of the others (a walk over their nodes, far cheaper than parsing them).
 *
 * The result has the same shape as `parseManifestFile`: absolute UTF-16 offsets in every node range
 * and error position. Source tokens (CST) are not kept: no feature reads them.
 */

interface Chunk {
  text: string;
  /** Offset of the chunk in the file its documents' ranges currently refer to. */
  start: number;
  docs: Document.Parsed[];
}

const maxFiles = 32;
const previous = new Map<string, Chunk[]>();

/** Splits before each line that starts a document (`---` at column 0); leading comments join the next chunk. */
export function splitDocuments(text: string): { start: number; text: string }[] {
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let match = marker.exec(text); match; match = marker.exec(text)) if (match.index > 0) starts.push(match.index);
  const pieces = starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
  // Comments and blank lines before the first marker belong to the first document, as in a whole-file parse.
  if (pieces.length > 1 && /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*(?:#[^\n]*)?$/.test(pieces[0].text)) {
    pieces[1] = { start: 0, text: pieces[0].text + pieces[1].text };
    pieces.shift();
  }
  return pieces;
}

function shiftDocument(doc: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  const shift = (range: number[] | null | undefined) => {
    if (range) for (let i = 0; i < range.length; i++) range[i] += delta;
  };
  shift(doc.range);
  for (const error of doc.errors) shift(error.pos);
  for (const warning of doc.warnings) shift(warning.pos);
  visit(doc, {
    Node(_key, node) {
      shift(node.range);
    },
  });
}

function parseChunk(text: string, start: number): Chunk {
  const docs = Array.from(parseAllDocuments(text, { prettyErrors: false }));
  for (const doc of docs) shiftDocument(doc, start);
  return { text, start, docs };
}

export function parseManifestIncremental(document: TextDocument): ManifestFile {
  const text = document.getText();
  const reusable = new Map<string, Chunk[]>();
  for (const chunk of previous.get(document.uri) ?? []) {
    const list = reusable.get(chunk.text);
    if (list) list.push(chunk); else reusable.set(chunk.text, [chunk]);
  }
  const chunks = splitDocuments(text).map((piece) => {
    const old = reusable.get(piece.text)?.shift();
    if (!old) return parseChunk(piece.text, piece.start);
    for (const doc of old.docs) shiftDocument(doc, piece.start - old.start);
    return { text: piece.text, start: piece.start, docs: old.docs };
  });
  previous.delete(document.uri);
  previous.set(document.uri, chunks);
  if (previous.size > maxFiles) previous.delete(previous.keys().next().value!);

  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  const documents: ManifestDocument[] = [];
  for (const chunk of chunks) for (const yaml of chunk.docs) documents.push(describeDocument(yaml, documents.length, text.length));
  return { document, lineCounter, documents, isKubernetes: documents.some((d) => d.isKubernetes) };
}

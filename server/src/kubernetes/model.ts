import { LineCounter, isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseWithPlainEnvironment } from './parseEnvironment';

/** One `---` document of a YAML file. Offsets are UTF-16 indices into the file, like TextDocument's. */
export interface ManifestDocument {
  index: number;
  yaml: Document.Parsed;
  apiVersion?: string;
  kind?: string;
  /** Has top-level `apiVersion` and `kind`: only such documents get anything from us. */
  isKubernetes: boolean;
  start: number;
  end: number;
}

/** A YAML file parsed once per version into its documents (comments and ranges kept). */
export interface ManifestFile {
  document: TextDocument;
  lineCounter: LineCounter;
  documents: ManifestDocument[];
  isKubernetes: boolean;
  /**
   * How the text breaks lines, read once per version (quick fixes write CRLF when the file has any).
   * Absent on a file built without a parse: the fixes then read the text.
   */
  lineBreaks?: LineBreaks;
}

export interface LineBreaks {
  crlf: boolean;
  /** A CR not followed by LF: editors break lines there, YAML and `\n` scans do not. */
  loneCr: boolean;
}

export function lineBreaksOf(text: string): LineBreaks {
  // Most files hold no CR at all, which one fast scan tells.
  if (!text.includes('\r')) return { crlf: false, loneCr: false };
  return { crlf: text.includes('\r\n'), loneCr: /\r(?!\n)/.test(text) };
}

export function parseManifestFile(document: TextDocument): ManifestFile {
  const text = document.getText();
  const lineCounter = new LineCounter();
  // A big file is parsed with a plain copy of process.env, which yaml reads once per token (parseEnvironment.ts).
  const parsed = parseWithPlainEnvironment(text.length, () => parseAllDocuments(text, { lineCounter, keepSourceTokens: true, prettyErrors: false }));
  const documents = Array.from(parsed).map((yaml, index) => describeDocument(yaml, index, text.length));
  return { document, lineCounter, documents, isKubernetes: documents.some((d) => d.isKubernetes), lineBreaks: lineBreaksOf(text) };
}

export function describeDocument(yaml: Document.Parsed, index: number, textLength: number): ManifestDocument {
  const apiVersion = topLevelString(yaml.contents, 'apiVersion');
  const kind = topLevelString(yaml.contents, 'kind');
  const [start, , end] = yaml.range ?? [0, 0, textLength];
  return { index, yaml, apiVersion, kind, isKubernetes: apiVersion !== undefined && kind !== undefined, start, end };
}

/** A top-level key's value as a string, when the document is a map and the value a string or number. */
export function topLevelString(contents: unknown, key: string): string | undefined {
  if (!isMap(contents)) return undefined;
  const node = contents.get(key, true);
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return undefined;
}

/** The document that holds an offset (the last one starting at or before it). Binary search: O(log documents). */
export function documentAtOffset(file: ManifestFile, offset: number): ManifestDocument | undefined {
  const docs = file.documents;
  let lo = 0;
  let hi = docs.length - 1;
  let found: ManifestDocument | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]!.start <= offset) {
      found = docs[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

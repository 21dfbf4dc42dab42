import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { contentKeyOf } from './incrementalParse';
import type { ManifestDocument, ManifestFile } from './model';
import { holdsObjects, objectsOfDocument, type ObjectFacts } from './objects';

/**
 * Ways to silence a finding, checked after the rules ran:
 * - kube-linter's annotations on the object: `ignore-check.kube-linter.io/<check>: "<reason>"`
 *   and `kube-linter.io/ignore-all`;
 * - comments: `# stevedore-ignore <id>[, <id>…]` on the line before the offending key (or at the end
 *   of that line), and `# stevedore-ignore-document <id>…` anywhere in a document for all of it.
 *   Without ids, every rule is silenced there.
 * Rule names may be our ids or any alias (kube-linter check names), case-insensitive.
 */

export const ignoreCheckPrefix = 'ignore-check.kube-linter.io/';
export const ignoreAllAnnotation = 'kube-linter.io/ignore-all';

/** `all` stands for "every rule". */
type NameSet = Set<string>;

interface Suppressions {
  /** Line → names silenced on that line. */
  lines: Map<number, NameSet>;
  /** Document index → names silenced in the whole document (comments and annotations). */
  documents: Map<number, NameSet>;
}

const commentPattern = /#\s*stevedore-ignore(-document)?\b([^\n#]*)/g;

function parseNames(text: string): NameSet {
  const names = text.split(/[\s,]+/).map((n) => n.trim().toLowerCase()).filter((n) => n && n !== '--');
  // Everything after `--` is a free-text reason.
  return new Set(names.length === 0 ? ['all'] : names.slice(0, names.indexOf('--') < 0 ? undefined : names.indexOf('--')));
}

function add(map: Map<number, NameSet>, key: number, names: NameSet): void {
  const current = map.get(key);
  if (current) for (const n of names) current.add(n);
  else map.set(key, new Set(names));
}

const cache = new WeakMap<ManifestFile, Suppressions>();

export function suppressionsOf(file: ManifestFile): Suppressions {
  let found = cache.get(file);
  if (found) return found;
  found = { lines: new Map(), documents: new Map() };
  const text = file.document.getText();
  if (text.includes('stevedore-ignore')) {
    commentPattern.lastIndex = 0;
    for (let match = commentPattern.exec(text); match; match = commentPattern.exec(text)) {
      const names = parseNames(match[2].split('--')[0]);
      const position = file.document.positionAt(match.index);
      if (match[1]) {
        add(found.documents, documentIndexAt(file, match.index), names);
        continue;
      }
      const lineText = text.slice(text.lastIndexOf('\n', match.index - 1) + 1, match.index);
      // A comment alone on its line covers the next line that has content; a trailing one covers its own line.
      if (lineText.trim() === '') add(found.lines, nextContentLine(text, match.index, position.line), names);
      else add(found.lines, position.line, names);
    }
  }
  for (const doc of file.documents) {
    if (!holdsObjects(doc)) continue;
    const names = documentAnnotationSuppressions(doc);
    if (names.size > 0) add(found.documents, doc.index, names);
  }
  cache.set(file, found);
  return found;
}

/** Per document content (incrementalParse.ts's content key): the names its objects' annotations silence. */
const byDocument = new WeakMap<object, NameSet>();

function documentAnnotationSuppressions(doc: ManifestDocument): NameSet {
  const key = contentKeyOf(doc.yaml);
  let names = byDocument.get(key);
  if (!names) {
    names = new Set();
    for (const object of objectsOfDocument(doc)) for (const name of annotationSuppressions(object)) names.add(name);
    byDocument.set(key, names);
  }
  return names;
}

export function annotationSuppressions(object: ObjectFacts): NameSet {
  const names: NameSet = new Set();
  for (const key of Object.keys(object.annotations)) {
    if (key === ignoreAllAnnotation) names.add('all');
    else if (key.startsWith(ignoreCheckPrefix)) names.add(key.slice(ignoreCheckPrefix.length).toLowerCase());
  }
  return names;
}

function nextContentLine(text: string, offset: number, line: number): number {
  let at = text.indexOf('\n', offset);
  let current = line;
  while (at >= 0 && current < line + 50) {
    current++;
    const next = text.indexOf('\n', at + 1);
    const content = text.slice(at + 1, next < 0 ? text.length : next).trim();
    if (content !== '' && !content.startsWith('#')) return current;
    at = next;
  }
  return line + 1;
}

/** Index of the document holding an offset (binary search: documents are in order). */
export function documentIndexAt(file: ManifestFile, offset: number): number {
  const docs = file.documents;
  let low = 0;
  let high = docs.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (docs[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return docs[found]?.index ?? 0;
}

/** Whether a finding at `range`, answering to `names` (its rule's id and peer names), was silenced. */
export function isSuppressed(file: ManifestFile, range: Range, names: readonly string[]): boolean {
  const suppressions = suppressionsOf(file);
  if (suppressions.lines.size === 0 && suppressions.documents.size === 0) return false;
  const hits = (set: NameSet | undefined) => !!set && (set.has('all') || names.some((n) => set.has(n.toLowerCase())));
  if (hits(suppressions.lines.get(range.start.line))) return true;
  if (suppressions.documents.size === 0) return false;
  return hits(suppressions.documents.get(documentIndexAt(file, file.document.offsetAt(range.start))));
}

/** Drops the diagnostics the user silenced. `namesOf` gives a rule's id and aliases by code. */
export function applySuppressions(file: ManifestFile, diagnostics: Diagnostic[], namesOf: (code: string) => readonly string[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => !isSuppressed(file, diagnostic.range, namesOf(String(diagnostic.code ?? ''))));
}

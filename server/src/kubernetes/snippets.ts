import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { pick, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { expandSnippet } from '../common/snippetSyntax';
import type { ManifestFile } from './model';
import snippetFile from '../../../snippets/kubernetes.json';

/**
 * Whole-manifest snippets (snippets/kubernetes.json) offered as completions only where a new Kubernetes
 * object can start: in an empty YAML file, in an empty document (between `---` separators) of a file whose
 * other documents are Kubernetes objects, or on a fresh line at the end of such a file, where the item also
 * inserts the `---` separator. Never in a file holding other YAML (a CI workflow, a compose file, Helm
 * values with content), even after a `---`. A static VS Code snippet contribution would show them in every
 * YAML file and in the middle of mappings, where inserting a Deployment breaks the file; here they also
 * speak the user's language.
 */

interface SnippetDefinition {
  name: string;
  prefixes: string[];
  body: string;
  description: Localized;
  /** The text inserted with every default taken, shown as the item's documentation. */
  preview: string;
}

let definitions: SnippetDefinition[] | undefined;

function loadDefinitions(): SnippetDefinition[] {
  if (definitions) return definitions;
  const loaded: SnippetDefinition[] = [];
  for (const [name, raw] of Object.entries(snippetFile as Record<string, { prefix: string | string[]; body: string | string[]; description: string }>)) {
    const body = Array.isArray(raw.body) ? raw.body.join('\n') : raw.body;
    // Descriptions read "English / 中文"; the last " / " separates the two.
    const split = raw.description.lastIndexOf(' / ');
    const description = split > 0 ? { en: raw.description.slice(0, split), zh: raw.description.slice(split + 3) } : { en: raw.description, zh: raw.description };
    let preview: string;
    try {
      preview = expandSnippet(body);
    } catch {
      preview = body;
    }
    loaded.push({ name, prefixes: Array.isArray(raw.prefix) ? raw.prefix : [raw.prefix], body, description, preview });
  }
  definitions = loaded;
  return loaded;
}

const separator = /^(?:---|\.\.\.)(?:\s|$)/;
const meaningful = (line: string) => line.trim() !== '' && !/^\s*#/.test(line) && !/^%/.test(line);

type Placement = 'document' | 'append';

/**
 * The file's lines, read one at a time: a completion request looks at the cursor's line and its
 * neighbours up to the next separator, so splitting a 50,000-line file per request (what this did)
 * cost more than the rest of completion. Lines are the TextDocument's, which are the lines of
 * `split(/\r?\n/)` unless a CR stands alone (then the TextDocument breaks there and the split does
 * not): such a file keeps the split, so the answers stay what they were.
 */
interface Lines {
  count: number;
  at(line: number): string;
}

function linesOf(file: ManifestFile): Lines {
  const document = file.document;
  if (!file.lineBreaks || file.lineBreaks.loneCr) {
    const split = document.getText().split(/\r?\n/);
    return { count: split.length, at: (line) => split[line]! };
  }
  const count = document.lineCount;
  return {
    count,
    at: (line) => {
      const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      return text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
    },
  };
}

/** Where a snippet may go at `position`, or undefined when a new object cannot start there. */
function placementAt(file: ManifestFile, position: Position): Placement | undefined {
  const lines = linesOf(file);
  if (position.line < 0 || position.line >= lines.count) return undefined;
  const line = lines.at(position.line);
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  // Only a word typed at column 0 (or nothing at all), with nothing after the cursor.
  if (!/^[A-Za-z0-9-]*$/.test(before) || after.trim() !== '' || separator.test(line)) return undefined;
  let contentAbove = false;
  for (let i = position.line - 1; i >= 0; i--) {
    const text = lines.at(i);
    if (separator.test(text)) break;
    if (meaningful(text)) { contentAbove = true; break; }
  }
  let contentBelow = false;
  for (let i = position.line + 1; i < lines.count; i++) {
    const text = lines.at(i);
    if (separator.test(text)) break;
    if (meaningful(text)) { contentBelow = true; break; }
  }
  if (!otherDocumentsAreKubernetes(file, position)) return undefined;
  if (!contentAbove && !contentBelow) return 'document';
  // After the last object of a Kubernetes file: start a new document.
  if (contentAbove && !contentBelow && file.isKubernetes && position.line >= lastMeaningfulLine(lines)) return 'append';
  return undefined;
}

/**
 * The documents that are neither a Kubernetes object (being written) nor empty, once per parsed
 * version: most files have none, so a request checks a few documents instead of all of them.
 */
const documentsWithOtherContent = new WeakMap<ManifestFile, ManifestFile['documents']>();

function otherContentOf(file: ManifestFile): ManifestFile['documents'] {
  let found = documentsWithOtherContent.get(file);
  if (!found) {
    found = file.documents.filter((doc) => {
      if (doc.apiVersion !== undefined || doc.kind !== undefined) return false;
      const contents = doc.yaml.contents;
      // An empty document (or one with only comments) parses to a null scalar.
      return !(contents === null || contents === undefined || (isScalar(contents) && contents.value === null));
    });
    documentsWithOtherContent.set(file, found);
  }
  return found;
}

/**
 * Whether every document with content, apart from the word being typed at the cursor, is a Kubernetes
 * object (or one being written: it names `apiVersion` or `kind`). True for a file with nothing else in it.
 * A workflow, a compose file or Helm values name neither key at the top, so a `---` there offers nothing.
 */
function otherDocumentsAreKubernetes(file: ManifestFile, position: Position): boolean {
  return otherContentOf(file).every((doc) => {
    const contents = doc.yaml.contents;
    // A bare scalar on the cursor's line is the snippet prefix being typed (`deploy`), not content.
    if (isScalar(contents) && contents.range) {
      const start = file.document.positionAt(contents.range[0]).line;
      const end = file.document.positionAt(contents.range[1]).line;
      if (start === position.line && end === position.line) return true;
    }
    return false;
  });
}

function lastMeaningfulLine(lines: Lines): number {
  for (let i = lines.count - 1; i >= 0; i--) if (meaningful(lines.at(i))) return i;
  return -1;
}

/** The prefix that best matches what was typed: the one it starts, else one containing it, else the first. */
function bestPrefix(prefixes: string[], typed: string): string {
  const word = typed.toLowerCase();
  return prefixes.find((p) => p.startsWith(word)) ?? prefixes.find((p) => p.includes(word)) ?? prefixes[0]!;
}

/**
 * Snippet completions for the position (empty when no manifest can start there). The Kubernetes
 * completion module merges these into its list.
 */
export function snippetCompletions(file: ManifestFile, position: Position, ctx: FeatureContext): CompletionItem[] {
  try {
    const placement = placementAt(file, position);
    if (!placement) return [];
    const lineText = file.document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    const typed = lineText.slice(0, position.character);
    const range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: lineText.length } };
    const lead = placement === 'append' ? '---\n' : '';
    return loadDefinitions().map((snippet): CompletionItem => {
      const prefix = bestPrefix(snippet.prefixes, typed);
      return {
        label: prefix,
        labelDetails: { description: snippet.name },
        kind: CompletionItemKind.Snippet,
        detail: pick(snippet.description, ctx.lang),
        documentation: { kind: MarkupKind.Markdown, value: `\`\`\`yaml\n${lead}${snippet.preview}\`\`\`` },
        filterText: prefix,
        // After an existing object the field completions of the language come first.
        sortText: `${placement === 'append' ? '~' : ''}${prefix}`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: lead + snippet.body },
      };
    });
  } catch {
    return [];
  }
}

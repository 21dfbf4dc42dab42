import type { TextDocument } from 'vscode-languageserver-textdocument';
import { languageKindOf, type LanguageKind } from '../common/fileKinds';
import type { LanguageService } from '../common/service';
import { languageServices } from '../services';

export interface ParsedDocument {
  kind: LanguageKind;
  service: LanguageService<unknown>;
  model: unknown;
}

/**
 * Parses each open document at most once per version, lazily: several requests against the same
 * version (hover, diagnostics, semantic tokens…) share one parse.
 */
export class ParsedDocumentCache {
  private readonly entries = new Map<string, { version: number; parsed: ParsedDocument }>();

  /**
   * `kindOf` picks the engine (default: by language id and name); the server's also reads the
   * `stevedore.compose.files` setting, so a setting change can move a document to another engine.
   */
  constructor(private readonly kindOf: (document: TextDocument) => LanguageKind | undefined = (document) => languageKindOf(document.languageId, document.uri)) {}

  get(document: TextDocument): ParsedDocument | undefined {
    const cached = this.entries.get(document.uri);
    const kind = this.kindOf(document);
    if (cached && cached.version === document.version && cached.parsed.kind === kind) return cached.parsed;
    // Let the stale model go before building the new one: it is garbage either way, and freeing it
    // first keeps two models of a large file from being alive (and copied by the GC) at once.
    if (cached) this.entries.delete(document.uri);
    if (!kind) return undefined;
    const service = languageServices[kind];
    const parsed: ParsedDocument = { kind, service, model: service.parse(document) };
    this.entries.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  /** The document was closed: its model goes, and so does what its engine kept for the next version. */
  delete(uri: string): void {
    this.entries.get(uri)?.parsed.service.forget?.(uri);
    this.entries.delete(uri);
  }
}

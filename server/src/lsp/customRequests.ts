import type { DocumentSummary } from '../common/service';

/**
 * Stevedore's requests beyond LSP, named once for the server and the VS Code client (other editors
 * may send them too).
 */

/** What the engine recognised in an open document: the editor's language status shows it. */
export const documentSummaryRequest = 'stevedore/documentSummary';

export interface DocumentSummaryParams {
  textDocument: { uri: string };
}

/** null when the document is not open on the server, or is no language of ours. */
export type DocumentSummaryResult = DocumentSummary | null;

import { pathToFileURL } from 'node:url';
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { parseManifestFile } from '../../../server/src/kubernetes/model';
import { WorkspaceIndexer } from '../../../server/src/lsp/workspaceIndexer';

export interface IndexerKitOptions {
  /** Collects each batch of documents the indexer asks to re-check. */
  revalidated?: string[][];
  maxFileBytes?: number;
  maxFiles?: number;
  sliceMs?: number;
  /** Collects every log line. */
  logs?: string[];
}

/**
 * A workspace indexer over one folder, started as the server starts it. `finished` settles when
 * the first walk is done; `walked(n)` when the n-th walk is (folders added later are walked too).
 */
export function startIndexer(root: string, options: IndexerKitOptions = {}) {
  let walks = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const walked = (count: number): Promise<void> => new Promise((resolve) => {
    if (walks >= count) resolve();
    else waiters.push({ count, resolve });
  });
  const indexer = new WorkspaceIndexer({
    modelOf: (document) => parseManifestFile(document),
    revalidate: (uris) => options.revalidated?.push(uris),
    // Each walk logs one line when it is done.
    log: (message) => {
      options.logs?.push(message);
      if (!message.includes('indexed')) return;
      walks++;
      for (const waiter of waiters.filter((w) => w.count <= walks)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    maxFileBytes: options.maxFileBytes,
    maxFiles: options.maxFiles,
    sliceMs: options.sliceMs,
    debounceMs: 1,
  });
  indexer.initialize({ workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }], capabilities: {} } as unknown as InitializeParams);
  indexer.start({ client: { register: async () => ({}) } } as unknown as Connection);
  return { indexer, finished: walked(1), walked };
}

import { TextDocument } from 'vscode-languageserver-textdocument';
import { summarizeManifest, type ManifestSummary } from '../cli/sharedIndex';
import { parseManifestFile } from '../kubernetes/model';
import { mightBeKubernetes } from './manifestPrecheck';

/**
 * What the index worker (indexWorker.ts) answers for one manifest of the workspace walk, as plain
 * data: the walk on the main thread then does with it what it does with the file's text.
 * - `unread`: missing, not a file, or over the size cap (the walk leaves the index alone);
 * - `skipped`: read, but the pre-check says it is no Kubernetes manifest (the walk drops it);
 * - `parsed`: parsed; `summary` is what the index keeps of it (none: the index keeps nothing).
 */
export type WalkResult =
  | { uri: string; state: 'unread' }
  | { uri: string; state: 'skipped' }
  | { uri: string; state: 'parsed'; summary?: ManifestSummary };

/** A file the walk asks the worker to read: its absolute path and its URI. */
export interface WalkFile { path: string; uri: string }

/** Main thread → worker: read and summarise these files (the worker's reply: walkResultsWire.ts `WalkReply`). */
export interface WalkRequest { id: number; files: WalkFile[] }

/** The result for a file's text (undefined: unread), as the main-thread walk's indexText would index it. */
export function walkResultOf(file: WalkFile, text: string | undefined): WalkResult {
  if (text === undefined) return { uri: file.uri, state: 'unread' };
  if (!mightBeKubernetes(file.path, text)) return { uri: file.uri, state: 'skipped' };
  const summary = summarizeManifest(file.uri, parseManifestFile(TextDocument.create(file.uri, 'yaml', 0, text)));
  return summary ? { uri: file.uri, state: 'parsed', summary } : { uri: file.uri, state: 'parsed' };
}

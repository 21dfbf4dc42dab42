import { deserialize, serialize } from 'node:v8';
import type { ManifestSummary } from '../cli/sharedIndex';
import type { WalkResult } from './walkSummaries';

/**
 * How the index worker's answers for a chunk of files cross to the main thread: byte arrays, not
 * objects. A chunk's summaries arrive as one transferred buffer (no copy, and nothing in the main
 * thread's heap), and each file's summary becomes objects only when the walk adds that file, a
 * slice at a time. Posted as objects, the 64 files of a chunk were all deserialised in one turn,
 * and the young-generation collections that followed copied all of them (they stay in the index).
 * The URI is not sent three times per file either: the walk already holds it, and the objects get
 * that one string. Each summary is a V8 serialisation (what `postMessage` itself uses), so what
 * comes out is what a posted object would be, `undefined` fields and all.
 */
export interface PackedWalkResults {
  /** Per file, in the chunk's order: 0 unread, 1 skipped, 2 parsed (nothing to keep), 3 parsed with a summary. */
  states: Uint8Array;
  /** Where each file's summary ends in `bytes` (a file without one ends where the previous did). */
  ends: Uint32Array;
  bytes: Uint8Array;
}

/** Worker → main thread: the results of a `WalkRequest` (walkSummaries.ts), in its files' order, packed. */
export interface WalkReply { id: number; results: PackedWalkResults }

const unread = 0;
const skipped = 1;
const parsedEmpty = 2;
const summarised = 3;

/** The buffers to transfer with a packed chunk (postMessage's transfer list). */
export function transferablesOf(packed: PackedWalkResults): ArrayBuffer[] {
  return [packed.states.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer, packed.bytes.buffer as ArrayBuffer];
}

/** The worker's side: a chunk's results as byte arrays (the results themselves are left as they were). */
export function packWalkResults(results: readonly WalkResult[]): PackedWalkResults {
  const states = new Uint8Array(results.length);
  const ends = new Uint32Array(results.length);
  const parts: Uint8Array[] = [];
  let length = 0;
  results.forEach((result, k) => {
    if (result.state === 'unread') states[k] = unread;
    else if (result.state === 'skipped') states[k] = skipped;
    else if (!result.summary) states[k] = parsedEmpty;
    else {
      states[k] = summarised;
      const { objects, crds, uses } = result.summary;
      // The URIs are the file's own (the receiver puts its copy back): sent as '' in their places.
      const uris = objects.map((object) => object.uri);
      for (const object of objects) object.uri = '';
      try {
        parts.push(serialize({ objects, crds, uses }));
      } finally {
        objects.forEach((object, i) => { object.uri = uris[i]; });
      }
      length += parts[parts.length - 1].length;
    }
    ends[k] = length;
  });
  // A buffer of its own (Buffer.concat may hand out a slice of Node's shared pool, which cannot be transferred).
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { states, ends, bytes };
}

/** The main thread's side: the result for the chunk's `k`th file, whose URI is `uri`, made into objects now. */
export function unpackWalkResult(packed: PackedWalkResults, k: number, uri: string): WalkResult {
  const state = packed.states[k];
  if (state === unread) return { uri, state: 'unread' };
  if (state === skipped) return { uri, state: 'skipped' };
  if (state === parsedEmpty) return { uri, state: 'parsed' };
  const start = k === 0 ? 0 : packed.ends[k - 1];
  const view = Buffer.from(packed.bytes.buffer, packed.bytes.byteOffset + start, packed.ends[k] - start);
  const { objects, crds, uses } = deserialize(view) as Omit<ManifestSummary, 'uri'>;
  for (const object of objects) object.uri = uri;
  return { uri, state: 'parsed', summary: { uri, objects, crds, uses } };
}

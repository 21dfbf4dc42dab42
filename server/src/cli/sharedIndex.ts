import { imageGraphOf, type ImageUse } from '../common/imageGraph';
import type { GraphFeed } from '../imageGraphFeed';
import { crdsOf } from '../kubernetes/crds';
import type { ManifestFile } from '../kubernetes/model';
import { WorkspaceIndex, type IndexedObject, type WorkspaceLimits } from '../kubernetes/workspace';

/**
 * What one manifest gives the workspace index, as plain data a worker thread can send: its object
 * summaries, its CRDs and its containers' `image:` places. Lanes that each parse part of the
 * manifests swap these, and every lane builds the same index (files in discovery order) without
 * parsing the others' files. A file that gives the index nothing (no object) has no summary.
 */
export interface ManifestSummary {
  uri: string;
  objects: IndexedObject[];
  crds: string[];
  uses: ImageUse[];
}

/** The index's limits in the command line (lint.ts uses the same). */
export const cliIndexLimits: WorkspaceLimits = { maxFiles: 100_000, maxObjectsPerFile: 2000 };

/**
 * The summary a lane sends for a manifest it parsed: worked out by indexing the parse alone in a
 * throw-away index, so the index's own code decides what it keeps (templated documents left out,
 * objects capped, image places). Undefined when the index would keep nothing of the file.
 */
export function summarizeManifest(uri: string, file: ManifestFile): ManifestSummary | undefined {
  const scratch = new WorkspaceIndex(cliIndexLimits);
  scratch.updateFile(uri, file);
  const objects = scratch.objectsIn(uri);
  if (objects.length === 0) return undefined;
  const uses = [...(imageGraphOf(scratch)?.imageUses() ?? [])].find(([usesUri]) => usesUri === uri)?.[1] ?? [];
  return { uri, objects: [...objects], crds: crdsOf(file), uses };
}

/** Puts a summary into an index as `updateFile` puts a parse of a file the index does not hold yet. */
export function importSummary(index: WorkspaceIndex, summary: ManifestSummary): void {
  index.addSummarisedFile(summary.uri, summary.objects, summary.crds, summary.uses);
}

/** What lanes swap: manifests' summaries and evidence files' graph feeds. */
export type LaneShare = ManifestSummary | GraphFeed;

export function isGraphFeed(share: LaneShare): share is GraphFeed {
  return 'claims' in share;
}

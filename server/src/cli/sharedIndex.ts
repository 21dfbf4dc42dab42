import { imageGraphOf, type ImageUse } from '../common/imageGraph';
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

/**
 * The parts of `WorkspaceIndex` that `updateFile` changes. The index has no way in for a file
 * summarised elsewhere (its owner is reworking it), so `importSummary` does what `updateFile` does
 * for a file new to the index, on these parts. `canImportSummaries` checks they are still there; if
 * not, the command line keeps every manifest in one lane, as before. The differential test
 * test/cli/shared-index.test.ts compares the reports with the one-lane run's.
 */
interface IndexParts {
  files: Map<string, IndexedObject[]>;
  imageUseFiles: Set<string>;
  crds: { set(uri: string, crds: readonly string[]): boolean };
  limits: WorkspaceLimits;
  changed(): void;
}

function partsOf(index: WorkspaceIndex): IndexParts {
  return index as unknown as IndexParts;
}

/** Whether this build's index has the parts `importSummary` fills (and fills them as `updateFile` would). */
export function canImportSummaries(): boolean {
  const parts = partsOf(new WorkspaceIndex(cliIndexLimits));
  return parts.files instanceof Map && parts.imageUseFiles instanceof Set && typeof parts.crds?.set === 'function' && typeof parts.changed === 'function' && typeof parts.limits?.maxFiles === 'number';
}

/** Puts a summary into an index as `updateFile` puts a parse of a file the index does not hold yet. */
export function importSummary(index: WorkspaceIndex, summary: ManifestSummary): void {
  const parts = partsOf(index);
  if (parts.files.has(summary.uri)) throw new Error(`${summary.uri} is indexed twice`);
  if (parts.files.size >= parts.limits.maxFiles) return;
  if (summary.uses.length > 0) parts.imageUseFiles.add(summary.uri);
  imageGraphOf(index)?.setImageUses(summary.uri, summary.uses);
  parts.files.set(summary.uri, summary.objects);
  parts.crds.set(summary.uri, summary.crds);
  parts.changed();
}

import { TextDocument } from 'vscode-languageserver-textdocument';
import { isDockerfileName } from './common/fileKinds';
import { composeEvidence, evidenceKindOf, evidenceOf, type EvidenceFileKind } from './common/imageEvidence';
import type { BuildClaim, ImageGraph, ImageRename, ImageUse } from './common/imageGraph';
import { imageFactsOf } from './dockerfile/imageFacts';
import { parseDockerfile, type DockerfileModel } from './dockerfile/model';

/**
 * How both fronts (the language server's indexer, the command line) put a file into the image
 * graph: a Dockerfile gives its final stage's facts, a Compose / skaffold / Tilt / kustomize
 * file its evidence. Returns whether the graph changed (other open files then re-check).
 */
export function feedImageGraph(graph: ImageGraph, uri: string, text: string | undefined, model?: DockerfileModel): boolean {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  if (model || isDockerfileName(name)) {
    if (text === undefined) return graph.remove(uri);
    const parsed = model ?? parseDockerfile(TextDocument.create(uri, 'dockerfile', 0, text));
    return graph.setDockerfile(uri, imageFactsOf(parsed));
  }
  const kind = evidenceKindOf(name);
  if (!kind) return false;
  if (text === undefined) return graph.remove(uri);
  return applyGraphFeed(graph, evidenceFeed(uri, text, kind));
}

/**
 * What a Compose, skaffold, Tilt or kustomize file gives the image graph, as plain data (the command
 * line's lanes work it out once per run and send it to each other, cli/sharedIndex.ts).
 */
export interface GraphFeed {
  uri: string;
  claims: BuildClaim[];
  renames: ImageRename[];
  /** A Compose file's services' `image:` places. */
  uses?: ImageUse[];
}

function evidenceFeed(uri: string, text: string, kind: EvidenceFileKind): GraphFeed {
  // A Compose service's `image:` is also a place that runs the image (references from the Dockerfile, tags across files).
  if (kind === 'compose') {
    const { claims, uses } = composeEvidence(uri, text);
    return { uri, claims, renames: [], uses };
  }
  const { claims, renames } = evidenceOf(uri, text, kind);
  return { uri, claims, renames };
}

/** The graph feed of an evidence file (undefined for any other file: a Dockerfile joins the graph otherwise). */
export function graphFeedOf(uri: string, text: string): GraphFeed | undefined {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const kind = evidenceKindOf(name);
  return kind && !isDockerfileName(name) ? evidenceFeed(uri, text, kind) : undefined;
}

/** Puts a feed into the graph (image places first, then the evidence); whether the graph changed. */
export function applyGraphFeed(graph: ImageGraph, feed: GraphFeed): boolean {
  const usesChanged = feed.uses !== undefined && graph.setImageUses(feed.uri, feed.uses);
  return graph.setEvidence(feed.uri, feed.claims, feed.renames) || usesChanged;
}

/**
 * A Dockerfile put into the graph without reading it: its facts are worked out from its text when
 * a question first needs them (the command line asks about few of its Dockerfiles, often none).
 * Only the text is kept, not a parse: a run over thousands of Dockerfiles would otherwise hold
 * every syntax tree until the end. Answers are those of `feedImageGraph`.
 */
export function feedDockerfileLazily(graph: ImageGraph, uri: string, text: string): void {
  graph.setDockerfileLazily(uri, () => imageFactsOf(parseDockerfile(TextDocument.create(uri, 'dockerfile', 0, text))));
}

/** Whether a file name is one the graph reads (the indexer's walk and watcher ask). */
export function feedsImageGraph(name: string): boolean {
  return isDockerfileName(name) || evidenceKindOf(name) !== undefined;
}

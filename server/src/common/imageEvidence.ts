import { LineCounter, isMap, isScalar, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import { isComposeName } from './fileKinds';
import type { BuildClaim, ImageRename, ImageUse } from './imageGraph';

/**
 * Reads "this image is built from that Dockerfile" out of the files that say it: Compose
 * services with `build:` and `image:`, skaffold's `build.artifacts`, Tilt's `docker_build(…)`
 * lines, and kustomize's `images:` renames. Pure: texts in, claims out (paths resolved against
 * the file's URI). Each reader stays quiet on files it cannot read.
 */

export type EvidenceFileKind = 'compose' | 'skaffold' | 'tilt' | 'kustomize';

/** Which reader a file name asks for (Compose names as the Compose language knows them). */
export function evidenceKindOf(fileName: string): EvidenceFileKind | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  if (base === 'Tiltfile') return 'tilt';
  if (/^skaffold(\.[\w-]+)?\.ya?ml$/i.test(base)) return 'skaffold';
  if (/^kustomization\.ya?ml$/i.test(base) || base === 'Kustomization') return 'kustomize';
  if (isComposeName(base)) return 'compose';
  return undefined;
}

/** A path (relative or absolute, `/` or `\`) against a folder URI ending in `/`. */
export function resolveUri(folderUri: string, path: string): string {
  const clean = path.replace(/\\/g, '/');
  try {
    return new URL(clean.startsWith('/') ? `file://${clean}` : clean, folderUri).toString();
  } catch {
    return folderUri + clean;
  }
}

function asFolder(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function dirUri(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

function plain(node: unknown): unknown {
  return node && typeof (node as Node).toJSON === 'function' ? (node as Node).toJSON() : node;
}

function records(text: string): unknown[] {
  try {
    return recordsOf(parseAllDocuments(text));
  } catch {
    return [];
  }
}

/** The plain values of a stream's documents (a document that failed to parse whole is left out); may throw (alias limits). */
function recordsOf(docs: readonly Document[]): unknown[] {
  return docs.flatMap((doc) => ('errors' in doc && doc.errors.length > 0 && !doc.contents) ? [] : [plain(doc.contents)]);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

export interface EvidenceFromFile {
  claims: BuildClaim[];
  renames: ImageRename[];
}

export function evidenceOf(uri: string, text: string, kind = evidenceKindOf(uri)): EvidenceFromFile {
  switch (kind) {
    case 'compose': return { claims: composeClaims(uri, text), renames: [] };
    case 'skaffold': return { claims: skaffoldClaims(uri, text), renames: [] };
    case 'tilt': return { claims: tiltClaims(uri, text), renames: [] };
    case 'kustomize': return { claims: [], renames: kustomizeRenames(uri, text) };
    default: return { claims: [], renames: [] };
  }
}

/** Compose: a service that both builds (`build: ./dir` or `{context, dockerfile}`) and names the image. */
export function composeClaims(uri: string, text: string): BuildClaim[] {
  return claimsOfCompose(uri, records(text));
}

function claimsOfCompose(uri: string, docs: readonly unknown[]): BuildClaim[] {
  const claims: BuildClaim[] = [];
  for (const doc of docs) {
    if (!isRecord(doc) || !isRecord(doc.services)) continue;
    for (const [service, value] of Object.entries(doc.services)) {
      if (!isRecord(value)) continue;
      const image = str(value.image);
      const build = value.build;
      if (!image || build === undefined) continue;
      const context = typeof build === 'string' ? str(build) : isRecord(build) ? str(build.context) ?? '.' : undefined;
      if (!context || /^[a-z]+:\/\//i.test(context) || context.startsWith('git@')) continue;
      const dockerfile = isRecord(build) ? str(build.dockerfile) ?? 'Dockerfile' : 'Dockerfile';
      const dockerfileUri = resolveUri(asFolder(resolveUri(dirUri(uri), context)), dockerfile);
      claims.push({ image, dockerfileUri, evidence: { kind: 'compose', sourceUri: uri, detail: `services.${service}: build ${context}, image ${image}` } });
    }
  }
  return claims;
}

/** skaffold: `build.artifacts[]` (also under `profiles[]`), `context` defaults to `.`, `docker.dockerfile` to `Dockerfile`. */
export function skaffoldClaims(uri: string, text: string): BuildClaim[] {
  const claims: BuildClaim[] = [];
  const fromBuild = (build: unknown): void => {
    if (!isRecord(build) || !Array.isArray(build.artifacts)) return;
    for (const artifact of build.artifacts) {
      if (!isRecord(artifact)) continue;
      const image = str(artifact.image);
      if (!image) continue;
      // Other builders (buildpacks, ko, jib) use no Dockerfile.
      if (['buildpacks', 'ko', 'jib', 'bazel', 'custom'].some((builder) => builder in artifact)) continue;
      const context = str(artifact.context) ?? '.';
      const dockerfile = (isRecord(artifact.docker) ? str(artifact.docker.dockerfile) : undefined) ?? 'Dockerfile';
      const dockerfileUri = resolveUri(asFolder(resolveUri(dirUri(uri), context)), dockerfile);
      claims.push({ image, dockerfileUri, evidence: { kind: 'skaffold', sourceUri: uri, detail: `build.artifacts: ${image} ← ${context}/${dockerfile}` } });
    }
  };
  for (const doc of records(text)) {
    if (!isRecord(doc)) continue;
    fromBuild(doc.build);
    if (Array.isArray(doc.profiles)) for (const profile of doc.profiles) if (isRecord(profile)) fromBuild(profile.build);
  }
  return claims;
}

const dockerBuildCall = /\bdocker_build\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]+)\3([^)]*)\)/g;

/**
 * Tilt: `docker_build('ref', 'context', dockerfile='path')`. Both paths are relative to the
 * Tiltfile; without `dockerfile=` Tilt reads `<context>/Dockerfile`. A pattern, not Starlark:
 * calls built from variables are not read.
 */
export function tiltClaims(uri: string, text: string): BuildClaim[] {
  const claims: BuildClaim[] = [];
  for (const line of text.replace(/#[^\n]*/g, '').matchAll(dockerBuildCall)) {
    const [, , image, , context, rest] = line;
    const named = /\bdockerfile\s*=\s*(['"])([^'"]+)\1/.exec(rest);
    const dockerfileUri = named ? resolveUri(dirUri(uri), named[2]) : resolveUri(asFolder(resolveUri(dirUri(uri), context)), 'Dockerfile');
    claims.push({ image, dockerfileUri, evidence: { kind: 'tilt', sourceUri: uri, detail: `docker_build('${image}', '${context}'${named ? `, dockerfile='${named[2]}'` : ''})` } });
  }
  return claims;
}

/** kustomize: `images: [{name, newName}]` — the manifests' `name` is deployed as `newName`. */
export function kustomizeRenames(uri: string, text: string): ImageRename[] {
  const renames: ImageRename[] = [];
  for (const doc of records(text)) {
    if (!isRecord(doc) || !Array.isArray(doc.images)) continue;
    for (const entry of doc.images) {
      if (!isRecord(entry)) continue;
      const name = str(entry.name);
      const newName = str(entry.newName);
      if (name && newName) renames.push({ name, newName, sourceUri: uri });
    }
  }
  return renames;
}

/** Compose: where each service names its image (`services.<name>.image`), for references from the Dockerfile. */
export function composeImageUses(text: string): ImageUse[] {
  try {
    const lineCounter = new LineCounter();
    return imageUsesOf(parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter);
  } catch {
    return [];
  }
}

/**
 * A Compose file's `composeClaims` and `composeImageUses` from one parse (the image graph's feed
 * wants both; parsing the file once for each was a third of the feed's time). The answers are
 * theirs: the first document of the stream is the one `parseDocument` returns, and `uniqueKeys`
 * only adds errors, which neither reads.
 */
export function composeEvidence(uri: string, text: string): { claims: BuildClaim[]; uses: ImageUse[] } {
  const lineCounter = new LineCounter();
  let docs: readonly Document[];
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  } catch {
    return { claims: [], uses: composeImageUses(text) };
  }
  let claims: BuildClaim[];
  try {
    claims = claimsOfCompose(uri, recordsOf(docs));
  } catch {
    claims = [];
  }
  let uses: ImageUse[];
  try {
    uses = docs.length > 0 ? imageUsesOf(docs[0], lineCounter) : [];
  } catch {
    uses = [];
  }
  return { claims, uses };
}

function imageUsesOf(doc: Document, lineCounter: LineCounter): ImageUse[] {
  const uses: ImageUse[] = [];
  const services = isMap(doc.contents) ? doc.contents.get('services', true) : undefined;
  if (!isMap(services)) return [];
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line - 1, character: col - 1 };
  };
  for (const item of services.items) {
    const image = isMap(item.value) ? item.value.get('image', true) : undefined;
    if (!isScalar(image) || typeof image.value !== 'string' || image.value.trim() === '' || !image.range) continue;
    uses.push({ image: image.value.trim(), range: { start: position(image.range[0]), end: position(image.range[1]) } });
  }
  return uses;
}

import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import type { ManifestFile } from './model';
import { imageDefinition } from './imageLinks';
import { objectsOf, selectorMatches, type ObjectFacts } from './objects';
import { pathAt } from './path';
import { workloadsSelectedBy } from './rules/crossObject';
import { asWorkspaceIndex, sameNamespace, workspaceViewFor, type IndexedObject, type WorkspaceView } from './workspace';

/**
 * Go to definition / find references between Kubernetes objects, across the workspace:
 * a Service's or PodDisruptionBudget's selector → the workloads it selects; an HPA's target, a
 * StatefulSet's serviceName, an Ingress backend, a configMapKeyRef / secretRef / volume → the
 * object named. References go the other way: from an object to everything that names or selects it.
 */

const contains = (range: Range, position: Position): boolean =>
  (range.start.line < position.line || (range.start.line === position.line && range.start.character <= position.character))
  && (range.end.line > position.line || (range.end.line === position.line && range.end.character >= position.character));

const locationOf = (object: IndexedObject): Location => ({ uri: object.uri, range: object.range });

interface Target {
  view: WorkspaceView;
  object: ObjectFacts;
  summary: IndexedObject;
  path: (string | number)[];
}

function targetAt(file: ManifestFile, position: Position, ctx: FeatureContext): Target | undefined {
  const cursor = pathAt(file, position);
  if (!cursor) return undefined;
  const objects = objectsOf(file);
  const index = objects.findIndex((o) => o.doc === cursor.doc);
  if (index < 0) return undefined;
  const view = workspaceViewFor(file, asWorkspaceIndex(ctx.workspace));
  const inDocument = (o: IndexedObject) => {
    const offset = file.document.offsetAt(o.range.start);
    return offset >= cursor.doc.start && offset <= cursor.doc.end;
  };
  const summary = view.ownObjects.find((o) => o.kind === objects[index].kind && inDocument(o));
  if (!summary) return undefined;
  return { view, object: objects[index], summary, path: cursor.path };
}

const startsWith = (path: (string | number)[], prefix: string[]) => prefix.every((segment, i) => path[i] === segment);

/** The selector under the cursor, when the cursor is in one that selects pods. */
function selectorAtCursor(target: Target): Record<string, string> | undefined {
  const { object, path, summary } = target;
  if (object.kind === 'Service' && startsWith(path, ['spec', 'selector'])) return summary.selector;
  if (object.selector && startsWith(path, ['spec', 'selector'])) return object.selector.matchLabels;
  return undefined;
}

export function definitionManifest(file: ManifestFile, position: Position, ctx: FeatureContext): Location[] | null {
  // A container's `image:` → the final stage of the Dockerfile that builds it (image graph).
  const dockerfile = imageDefinition(file, position, ctx);
  if (dockerfile) return dockerfile;
  const target = targetAt(file, position, ctx);
  if (!target) return null;
  const selector = selectorAtCursor(target);
  if (selector && Object.keys(selector).length > 0) {
    const found = workloadsSelectedBy(target.view, selector, target.object.namespace);
    return found.length > 0 ? found.map(locationOf) : null;
  }
  const ref = target.summary.refs?.find((r) => contains(r.range, position));
  if (!ref) return null;
  const found = target.view.ofKind(ref.kind).filter((o) => o.name === ref.name && sameNamespace(o.namespace, target.object.namespace));
  return found.length > 0 ? found.map(locationOf) : null;
}

export function referencesManifest(file: ManifestFile, position: Position, includeDeclaration: boolean, ctx: FeatureContext): Location[] {
  const target = targetAt(file, position, ctx);
  if (!target) return [];
  // On a reference: the references of what it names.
  const ref = target.summary.refs?.find((r) => contains(r.range, position));
  const subject = ref
    ? target.view.ofKind(ref.kind).find((o) => o.name === ref.name && sameNamespace(o.namespace, target.object.namespace))
      ?? { ...target.summary, kind: ref.kind, name: ref.name, range: ref.range, podLabels: undefined, uri: '' }
    : target.summary;
  const out: Location[] = [];
  if (includeDeclaration && subject.uri) out.push(locationOf(subject));
  for (const other of target.view.all()) {
    if (!sameNamespace(other.namespace, subject.namespace)) continue;
    for (const r of other.refs ?? []) if (r.kind === subject.kind && r.name === subject.name) out.push({ uri: other.uri, range: r.range });
    // Services and PodDisruptionBudgets that select this workload's pods.
    if (subject.podLabels && other.selector && (other.kind === 'Service' || other.kind === 'PodDisruptionBudget') && selectorMatches(other.selector, subject.podLabels)) {
      out.push(locationOf(other));
    }
  }
  return dedupe(out);
}

function dedupe(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

import type { ObjectFacts } from '../objects';
import { sameNamespace, type IndexedObject } from '../workspace';

export { selectorMatches } from '../objects';

export function sameNamespaceOf(indexed: IndexedObject, object: ObjectFacts): boolean {
  return sameNamespace(indexed.namespace, object.namespace);
}

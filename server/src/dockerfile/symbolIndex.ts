import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';
import {
  positionIn, semanticsOf, type DockerfileSemantics, type Stage, type StageReference, type VariableDeclaration, type VariableReference,
} from './semantic';

/**
 * Groups the semantic model's declarations and references into "symbols": everything that must
 * change together on rename. A variable symbol joins a declaration with the references that resolve
 * to it, with same-named declarations in the same scope (`ENV PATH=…` twice), with the in-stage
 * `ARG NAME` that re-declares a global ARG, and with a base stage's ENV that a child stage overrides.
 * References that resolve to nothing in the file (`$HOME`) form a group per stage and name.
 */

export interface VariableSymbol {
  readonly kind: 'variable';
  readonly name: string;
  readonly declarations: readonly VariableDeclaration[];
  readonly references: readonly VariableReference[];
}

export interface StageSymbol {
  readonly kind: 'stage';
  readonly stage: Stage;
  readonly references: readonly StageReference[];
}

/** What sits under the cursor, and the exact range of the name there. */
export type SymbolHit =
  | { readonly kind: 'variable'; readonly symbol: VariableSymbol; readonly range: Range; readonly declaration?: VariableDeclaration; readonly reference?: VariableReference }
  | { readonly kind: 'stage'; readonly symbol: StageSymbol; readonly range: Range; readonly reference?: StageReference }
  /** `--from=<name>` naming no stage of this file: an external image. */
  | { readonly kind: 'image'; readonly reference: StageReference; readonly range: Range };

interface SymbolIndex {
  readonly ofDeclaration: Map<VariableDeclaration, VariableSymbol>;
  readonly ofReference: Map<VariableReference, VariableSymbol>;
  readonly ofStage: Map<Stage, StageSymbol>;
}

const indexCache = new WeakMap<DockerfileSemantics, SymbolIndex>();

export function symbolIndexOf(model: DockerfileModel): SymbolIndex {
  const semantics = semanticsOf(model);
  let index = indexCache.get(semantics);
  if (!index) {
    index = buildIndex(semantics);
    indexCache.set(semantics, index);
  }
  return index;
}

export function symbolAt(model: DockerfileModel, position: Position): SymbolHit | undefined {
  const semantics = semanticsOf(model);
  const index = symbolIndexOf(model);
  for (const declaration of semantics.declarations) {
    if (positionIn(declaration.nameRange, position)) {
      return { kind: 'variable', symbol: index.ofDeclaration.get(declaration)!, range: declaration.nameRange, declaration };
    }
  }
  for (const reference of semantics.references) {
    if (positionIn(reference.range, position)) {
      return { kind: 'variable', symbol: index.ofReference.get(reference)!, range: reference.nameRange, reference };
    }
  }
  for (const stage of semantics.stages) {
    if (stage.nameRange && positionIn(stage.nameRange, position)) {
      return { kind: 'stage', symbol: index.ofStage.get(stage)!, range: stage.nameRange };
    }
  }
  for (const reference of semantics.stageReferences) {
    if (!positionIn(reference.range, position)) continue;
    if (reference.target) return { kind: 'stage', symbol: index.ofStage.get(reference.target)!, range: reference.range, reference };
    if (reference.kind !== 'from') return { kind: 'image', reference, range: reference.range };
  }
  return undefined;
}

function buildIndex(semantics: DockerfileSemantics): SymbolIndex {
  const { declarations, references } = semantics;
  // Union-find over declarations (0..d-1), references (d..d+r-1) and one synthetic node per
  // (stage, name) of unresolved references.
  const parent: number[] = [];
  const makeNode = (): number => parent.push(parent.length) - 1;
  const find = (node: number): number => {
    let root = node;
    while (parent[root] !== root) root = parent[root];
    while (parent[node] !== root) {
      const next = parent[node];
      parent[node] = root;
      node = next;
    }
    return root;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const declarationNode = new Map<VariableDeclaration, number>();
  for (const declaration of declarations) declarationNode.set(declaration, makeNode());
  const referenceNode = references.map(() => makeNode());

  const scopeKey = (stage: Stage | undefined, name: string): string => `${stage ? stage.index : 'global'}\u0000${name}`;
  const firstInScope = new Map<string, VariableDeclaration>();
  for (const declaration of declarations) {
    const node = declarationNode.get(declaration)!;
    const key = scopeKey(declaration.stage, declaration.name);
    const first = firstInScope.get(key);
    if (first) union(node, declarationNode.get(first)!);
    else firstInScope.set(key, declaration);
    if (declaration.inherits) union(node, declarationNode.get(declaration.inherits)!);
  }
  // A child stage's ENV overriding its base stage's ENV of the same name is the same variable.
  for (const declaration of declarations) {
    if (declaration.kind !== 'ENV' || !declaration.stage) continue;
    for (let base = declaration.stage.baseStage, depth = 0; base && depth < semantics.stages.length; base = base.baseStage, depth++) {
      const inBase = firstInScope.get(scopeKey(base, declaration.name));
      if (inBase && inBase.kind === 'ENV') {
        union(declarationNode.get(declaration)!, declarationNode.get(inBase)!);
        break;
      }
    }
  }
  const unresolvedNode = new Map<string, number>();
  references.forEach((reference, i) => {
    if (reference.declaration) {
      union(referenceNode[i], declarationNode.get(reference.declaration)!);
    } else {
      const key = scopeKey(reference.stage, reference.name);
      let node = unresolvedNode.get(key);
      if (node === undefined) {
        node = makeNode();
        unresolvedNode.set(key, node);
      }
      union(referenceNode[i], node);
    }
  });

  type MutableSymbol = { kind: 'variable'; name: string; declarations: VariableDeclaration[]; references: VariableReference[] };
  const groups = new Map<number, MutableSymbol>();
  const groupOf = (node: number, name: string): MutableSymbol => {
    const root = find(node);
    let group = groups.get(root);
    if (!group) {
      group = { kind: 'variable', name, declarations: [], references: [] };
      groups.set(root, group);
    }
    return group;
  };
  const ofDeclaration = new Map<VariableDeclaration, VariableSymbol>();
  const ofReference = new Map<VariableReference, VariableSymbol>();
  for (const declaration of declarations) {
    const group = groupOf(declarationNode.get(declaration)!, declaration.name);
    group.declarations.push(declaration);
    ofDeclaration.set(declaration, group);
  }
  references.forEach((reference, i) => {
    const group = groupOf(referenceNode[i], reference.name);
    group.references.push(reference);
    ofReference.set(reference, group);
  });
  const stageReferences = new Map<Stage, StageReference[]>(semantics.stages.map((stage) => [stage, []]));
  for (const reference of semantics.stageReferences) if (reference.target) stageReferences.get(reference.target)?.push(reference);
  const ofStage = new Map<Stage, StageSymbol>();
  for (const stage of semantics.stages) ofStage.set(stage, { kind: 'stage', stage, references: stageReferences.get(stage)! });
  return { ofDeclaration, ofReference, ofStage };
}

import {
  DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { UserFacingError } from '../common/errors';
import { imageGraphOf } from '../common/imageGraph';
import type { FeatureContext, PrepareRenameResult } from '../common/service';
import type { DockerfileModel } from './model';
import { comparePositions, sameStageName, semanticsOf, type Stage } from './semantic';
import { symbolAt, type StageSymbol, type SymbolHit, type VariableSymbol } from './symbolIndex';

/**
 * Go to definition, find references, highlights and rename for build stages and ARG/ENV
 * variables. Everything reads the scope-aware model in semantic.ts, so renaming a stage-local ARG
 * leaves another stage's same-named ARG alone, and renaming a stage follows every `--from=`.
 */

/** BuildKit's rule for `AS <name>` (it compares names lower-cased). */
const stageNamePattern = /^[a-z][a-z0-9_.-]*$/i;
const variableNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function dockerfileDefinition(model: DockerfileModel, position: Position, _ctx: FeatureContext): Location[] | null {
  const hit = symbolAt(model, position);
  if (!hit || hit.kind === 'image') return null;
  const uri = model.document.uri;
  if (hit.kind === 'stage') return [{ uri, range: stageDefinitionRange(hit.symbol.stage) }];
  if (hit.declaration) {
    // On `ARG NAME` inside a stage, the definition is the global ARG it brings in.
    const target = hit.declaration.inherits ?? hit.declaration;
    return [{ uri, range: target.nameRange }];
  }
  const declaration = hit.reference?.declaration;
  return declaration ? [{ uri, range: declaration.nameRange }] : null;
}

export function dockerfileReferences(model: DockerfileModel, position: Position, includeDeclaration: boolean, ctx: FeatureContext): Location[] {
  const hit = symbolAt(model, position);
  const runs = imageRunners(model, position, ctx);
  if (!hit || hit.kind === 'image') return runs;
  const uri = model.document.uri;
  return [
    ...occurrences(hit).filter((o) => includeDeclaration || !o.isDeclaration).map((o) => ({ uri, range: o.range })),
    ...runs,
  ];
}

/**
 * On the first line or the final stage's FROM line: the `image:` places in manifests and Compose
 * files that run the image this Dockerfile builds, as the workspace's image graph links them
 * (common/imageGraph.ts; stated links only, no folder-name guesses).
 */
function imageRunners(model: DockerfileModel, position: Position, ctx: FeatureContext): Location[] {
  const final = semanticsOf(model).stages.at(-1);
  const fromLine = final?.from.getRange().start.line;
  if (position.line !== 0 && position.line !== fromLine) return [];
  return imageGraphOf(ctx.workspace)?.usesOf(model.document.uri) ?? [];
}

export function dockerfileHighlights(model: DockerfileModel, position: Position, _ctx: FeatureContext): DocumentHighlight[] {
  const hit = symbolAt(model, position);
  if (!hit) return [];
  if (hit.kind === 'image') {
    // Highlight every `--from=` naming the same external image.
    return semanticsOf(model).stageReferences
      .filter((r) => !r.target && r.kind !== 'from' && r.text === hit.reference.text)
      .map((r) => ({ range: r.range, kind: DocumentHighlightKind.Read }));
  }
  return occurrences(hit).map((o) => ({ range: o.range, kind: o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function dockerfilePrepareRename(model: DockerfileModel, position: Position, _ctx: FeatureContext): PrepareRenameResult {
  const hit = symbolAt(model, position);
  if (!hit) return null;
  checkRenamable(hit);
  const text = model.document.getText(hit.range);
  return { range: hit.range, placeholder: text };
}

export function dockerfileRename(model: DockerfileModel, position: Position, newName: string, _ctx: FeatureContext): WorkspaceEdit | null {
  const hit = symbolAt(model, position);
  if (!hit) return null;
  checkRenamable(hit);
  const name = newName.trim();
  if (hit.kind === 'stage') validateStageName(model, hit.symbol, name);
  else if (hit.kind === 'variable') validateVariableName(model, hit.symbol, name);
  const edits: TextEdit[] = occurrences(hit)
    .filter((o) => o.renamable)
    .map((o) => ({ range: o.range, newText: name }));
  edits.sort((a, b) => comparePositions(a.range.start, b.range.start));
  return { changes: { [model.document.uri]: dedupe(edits) } };
}

interface Occurrence {
  range: Range;
  isDeclaration: boolean;
  /** `--from=1` names a stage by index: it is a reference, but stays as it is on rename. */
  renamable: boolean;
}

function occurrences(hit: Exclude<SymbolHit, { kind: 'image' }>): Occurrence[] {
  if (hit.kind === 'stage') return stageOccurrences(hit.symbol);
  return variableOccurrences(hit.symbol);
}

function stageOccurrences(symbol: StageSymbol): Occurrence[] {
  const result: Occurrence[] = [];
  if (symbol.stage.nameRange) result.push({ range: symbol.stage.nameRange, isDeclaration: true, renamable: true });
  for (const reference of symbol.references) {
    result.push({ range: reference.range, isDeclaration: false, renamable: !/^\d+$/.test(reference.text) });
  }
  return sortByPosition(result);
}

function variableOccurrences(symbol: VariableSymbol): Occurrence[] {
  return sortByPosition([
    ...symbol.declarations.map((d) => ({ range: d.nameRange, isDeclaration: true, renamable: true })),
    ...symbol.references.map((r) => ({ range: r.nameRange, isDeclaration: false, renamable: true })),
  ]);
}

function sortByPosition<T extends { range: Range }>(items: T[]): T[] {
  return items.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  return edits.filter((edit, i) => i === 0 || comparePositions(edits[i - 1].range.start, edit.range.start) !== 0);
}

function stageDefinitionRange(stage: Stage): Range {
  return stage.nameRange ?? stage.from.getInstructionRange();
}

function checkRenamable(hit: SymbolHit): asserts hit is Exclude<SymbolHit, { kind: 'image' }> {
  if (hit.kind === 'image') {
    throw new UserFacingError({
      en: `"${hit.reference.text}" is an image, not a stage of this Dockerfile, so there is nothing here to rename.`,
      zh: `“${hit.reference.text}”是一个镜像，而不是本 Dockerfile 中的构建阶段，因此这里没有可以重命名的内容。`,
    });
  }
  if (hit.kind === 'stage') {
    if (!hit.symbol.stage.name) {
      throw new UserFacingError({
        en: `Stage ${hit.symbol.stage.index} has no name. Give it one with "AS <name>" on its FROM line first.`,
        zh: `第 ${hit.symbol.stage.index} 个构建阶段没有名称。请先在它的 FROM 行加上“AS <名称>”。`,
      });
    }
    if (hit.reference && /^\d+$/.test(hit.reference.text)) {
      throw new UserFacingError({
        en: `"--from=${hit.reference.text}" refers to a stage by its index. Rename the stage at its "AS ${hit.symbol.stage.name}" instead.`,
        zh: `“--from=${hit.reference.text}”是按序号引用构建阶段的。请在该阶段的“AS ${hit.symbol.stage.name}”处重命名。`,
      });
    }
    return;
  }
  if (hit.symbol.declarations.length === 0) {
    throw new UserFacingError({
      en: `$${hit.symbol.name} is not declared by an ARG or ENV in scope here; it comes from the base image or the build environment, so renaming it would change what the build sees.`,
      zh: `$${hit.symbol.name} 在此作用域中没有由 ARG 或 ENV 声明，它来自基础镜像或构建环境，重命名会改变构建时读取到的值。`,
    });
  }
}

function validateStageName(model: DockerfileModel, symbol: StageSymbol, name: string): void {
  if (!stageNamePattern.test(name)) {
    throw new UserFacingError({
      en: `"${name}" is not a valid stage name: start with a letter, then use letters, digits, "-", "_" or ".".`,
      zh: `“${name}”不是有效的构建阶段名称：必须以字母开头，之后只能包含字母、数字、“-”“_”或“.”。`,
    });
  }
  const clash = semanticsOf(model).stages.find((s) => s !== symbol.stage && s.name !== undefined && sameStageName(s.name, name));
  if (clash) {
    throw new UserFacingError({
      en: `Another stage is already named "${clash.name}" (stage names are case-insensitive).`,
      zh: `已有另一个构建阶段名为“${clash.name}”（阶段名称不区分大小写）。`,
    });
  }
}

function validateVariableName(model: DockerfileModel, symbol: VariableSymbol, name: string): void {
  if (!variableNamePattern.test(name)) {
    throw new UserFacingError({
      en: `"${name}" is not a valid variable name: use letters, digits and "_", not starting with a digit.`,
      zh: `“${name}”不是有效的变量名：只能包含字母、数字和“_”，且不能以数字开头。`,
    });
  }
  if (name === symbol.name) return;
  // Refuse a name that is already declared in one of the scopes the symbol lives in: the
  // renamed references could silently start resolving to the other variable.
  const scopes = new Set(symbol.declarations.map((d) => d.stage?.index ?? -1));
  for (const reference of symbol.references) scopes.add(reference.stage?.index ?? -1);
  const clash = semanticsOf(model).declarations.find((d) => d.name === name && scopes.has(d.stage?.index ?? -1));
  if (clash) {
    throw new UserFacingError({
      en: `${clash.kind} ${name} is already declared on line ${clash.line + 1}; renaming to it would merge two variables.`,
      zh: `第 ${clash.line + 1} 行已经用 ${clash.kind} 声明了 ${name}，重命名为它会把两个变量混在一起。`,
    });
  }
}

import { Arg, Env, type Instruction } from 'dockerfile-ast';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { semanticsOf, type Stage } from './semantic';

/**
 * Outline: global ARGs at the top level, then one container per build stage holding its
 * instructions. ARG/ENV instructions show the variables they declare, so the outline doubles as
 * an index of build arguments and environment.
 */
export function dockerfileSymbols(model: DockerfileModel, _ctx: FeatureContext): DocumentSymbol[] {
  const semantics = semanticsOf(model);
  const result: DocumentSymbol[] = [];
  const firstFrom = semantics.stages[0]?.from.getRange().start.line ?? Number.POSITIVE_INFINITY;
  for (const instruction of model.ast.getInstructions()) {
    if (instruction.getRange().start.line >= firstFrom) break;
    result.push(instructionSymbol(instruction));
  }
  for (const stage of semantics.stages) result.push(stageSymbol(stage));
  return result;
}

function stageSymbol(stage: Stage): DocumentSymbol {
  const name = stage.name ?? `stage ${stage.index}`;
  const selectionRange = stage.nameRange ?? stage.from.getInstructionRange();
  return {
    name,
    detail: stage.baseImage ?? '',
    kind: SymbolKind.Class,
    range: stage.range,
    selectionRange: within(selectionRange, stage.range),
    children: stage.instructions.slice(1).map(instructionSymbol),
  };
}

function instructionSymbol(instruction: Instruction): DocumentSymbol {
  const keyword = instruction.getKeyword();
  const range = instruction.getRange();
  const selectionRange = within(instruction.getInstructionRange(), range);
  if (instruction instanceof Arg || instruction instanceof Env) {
    const properties = instruction.getProperties().filter((p) => p.getName());
    if (properties.length > 0) {
      const names = properties.map((p) => p.getName()).join(', ');
      return {
        name: `${keyword} ${names}`,
        detail: properties.length === 1 ? properties[0].getValue() ?? '' : '',
        kind: keyword === 'ARG' ? SymbolKind.Variable : SymbolKind.Constant,
        range,
        selectionRange: within(properties[0].getNameRange(), range),
        children: properties.length > 1
          ? properties.map((p) => ({
            name: p.getName(), detail: p.getValue() ?? '', kind: keyword === 'ARG' ? SymbolKind.Variable : SymbolKind.Constant,
            range: within(p.getRange(), range), selectionRange: within(p.getNameRange(), range),
          }))
          : undefined,
      };
    }
  }
  return { name: keyword, detail: summarize(instruction), kind: SymbolKind.Function, range, selectionRange };
}

/** A short, single-line preview of the arguments (the outline is no place for a 40-line RUN). */
function summarize(instruction: Instruction): string {
  let text: string;
  try {
    text = instruction.getArguments().map((a) => a.getValue()).join(' ');
  } catch {
    text = '';
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** VS Code rejects symbols whose selection range escapes the full range; clamp defensively. */
function within(inner: Range, outer: Range): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const start = before(inner.start, outer.start) || before(outer.end, inner.start) ? outer.start : inner.start;
  const end = before(outer.end, inner.end) || before(inner.end, start) ? start : inner.end;
  return { start, end };
}

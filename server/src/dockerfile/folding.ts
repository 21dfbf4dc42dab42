import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { heredocsOf, semanticsOf } from './semantic';

/**
 * Folding: whole build stages, instructions spread over continuation lines, heredoc bodies
 * and runs of two or more comment lines. Editors keep one range per start line, so when two
 * candidates start on the same line the larger one wins.
 */
export function dockerfileFolding(model: DockerfileModel, _ctx: FeatureContext): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine <= startLine) return;
    const existing = byStart.get(startLine);
    if (!existing || existing.endLine < endLine) byStart.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
  };

  for (const stage of semanticsOf(model).stages) add(stage.range.start.line, stage.range.end.line, FoldingRangeKind.Region);

  for (const instruction of model.ast.getInstructions()) {
    const range = instruction.getRange();
    add(range.start.line, range.end.line);
    let previousEnd = -1;
    for (const heredoc of heredocsOf(instruction)) {
      const end = heredoc.getDelimiterRange() ?? heredoc.getContentRange();
      if (!end) continue;
      // Fold from the line that opens the heredoc, so the body collapses under its `<<EOF`;
      // with `<<A <<B` the second body starts after A's delimiter line.
      add(Math.max(heredoc.getStartRange().start.line, previousEnd), end.end.line);
      previousEnd = end.end.line;
    }
  }

  addCommentBlocks(model, add);
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

function addCommentBlocks(model: DockerfileModel, add: (start: number, end: number, kind?: FoldingRangeKind) => void): void {
  const lines = [...new Set(model.ast.getComments().map((c) => c.getRange().start.line))].sort((a, b) => a - b);
  let blockStart = -1;
  let previous = -2;
  for (const line of lines) {
    if (line !== previous + 1) {
      if (blockStart >= 0) add(blockStart, previous, FoldingRangeKind.Comment);
      blockStart = line;
    }
    previous = line;
  }
  if (blockStart >= 0) add(blockStart, previous, FoldingRangeKind.Comment);
}

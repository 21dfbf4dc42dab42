import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { UserFacingError } from '../../server/src/common/errors';
import type { LanguageKind } from '../../server/src/common/fileKinds';
import type { FeatureContext } from '../../server/src/common/service';
import { languageServices } from '../../server/src/services';

/** A request that took longer than this counts as a hang. */
export const hangThresholdMs = 1000;

export interface SlowCall {
  feature: string;
  position?: Position;
  ms: number;
}

/**
 * Positions spread over a document: the start, middle and end of a sample of lines, plus the end of
 * the file. Deterministic, so a failure names a position that reproduces.
 */
export function samplePositions(text: string, maxLines = 12): Position[] {
  const lines = text.split('\n');
  const step = Math.max(1, Math.floor(lines.length / maxLines));
  const positions: Position[] = [];
  for (let line = 0; line < lines.length; line += step) {
    const length = lines[line].length;
    positions.push({ line, character: 0 }, { line, character: Math.floor(length / 2) }, { line, character: length });
  }
  positions.push({ line: lines.length - 1, character: lines[lines.length - 1].length }, { line: lines.length + 3, character: 99 });
  return positions;
}

/**
 * Runs every feature a language implements over a text: whole-document ones once, positional ones
 * at each position. Throws (with the feature and position) when a feature throws; returns calls
 * slower than the hang threshold.
 */
export function exerciseAllFeatures(kind: LanguageKind, uri: string, text: string, ctx: FeatureContext, positions: Position[], afterAll?: (model: unknown) => void): SlowCall[] {
  const service = languageServices[kind];
  const slow: SlowCall[] = [];
  const time = <R>(feature: string, position: Position | undefined, run: () => R): R => {
    const started = performance.now();
    let result: R;
    try {
      result = run();
    } catch (error) {
      // A refusal meant for the user (e.g. renaming an undeclared `$HOME`) is an answer, not a crash.
      if (error instanceof UserFacingError) return undefined as R;
      const where = position ? ` at ${position.line}:${position.character}` : '';
      throw new Error(`${feature}${where} threw: ${error instanceof Error ? error.stack : String(error)}`);
    }
    const ms = performance.now() - started;
    if (ms > hangThresholdMs) slow.push({ feature, position, ms });
    return result;
  };
  const document = TextDocument.create(uri, kind, 1, text);
  const model = time('parse', undefined, () => service.parse(document));
  const diagnostics = time('diagnose', undefined, () => service.diagnose?.(model, ctx) ?? []);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  time('codeActions', undefined, () => service.codeActions?.(model, whole, diagnostics, ctx));
  time('symbols', undefined, () => service.symbols?.(model, ctx));
  time('folding', undefined, () => service.folding?.(model, ctx));
  time('links', undefined, () => service.links?.(model, ctx));
  time('semanticTokens', undefined, () => service.semanticTokens?.(model, ctx));
  const options = { tabSize: 4, insertSpaces: true };
  time('format', undefined, () => service.format?.(model, options, ctx));
  time('formatRange', undefined, () => service.formatRange?.(model, whole, options, ctx));
  for (const position of positions) {
    time('hover', position, () => service.hover?.(model, position, ctx));
    const completion = time('complete', position, () => service.complete?.(model, position, ctx));
    if (service.resolveCompletion && completion?.items[0]) {
      const item = completion.items[0];
      time('resolveCompletion', position, () => service.resolveCompletion!(item, ctx));
    }
    time('signatureHelp', position, () => service.signatureHelp?.(model, position, ctx));
    time('definition', position, () => service.definition?.(model, position, ctx));
    time('references', position, () => service.references?.(model, position, true, ctx));
    time('highlights', position, () => service.highlights?.(model, position, ctx));
    const rename = time('prepareRename', position, () => service.prepareRename?.(model, position, ctx));
    if (rename) time('rename', position, () => service.rename?.(model, position, 'renamed_x', ctx));
    time('formatOnType', position, () => service.formatOnType?.(model, position, '\n', options, ctx));
  }
  afterAll?.(model);
  return slow;
}

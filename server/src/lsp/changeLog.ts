import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * How a position moved through one change. Incremental changes carry their range; a whole-text
 * change is summed up by the lines it kept at the start and at the end.
 */
type Step =
  | { kind: 'range'; range: Range; text: string }
  | { kind: 'whole'; keptHead: number; keptTail: number; oldLines: number; newLines: number };

/** Per document, a bounded log of changes: enough to map a diagnostic of a recent version onto the current text. */
const maxStepsPerDocument = 5000;

/**
 * The edits each document went through since recent versions. A diagnostic computed for version 3
 * of a document (the editor hands it back with a code action request) can then be placed in
 * version 7's text: a line inserted above it moves it down one line.
 */
export class DocumentChangeLog {
  private readonly logs = new Map<string, { entries: { from: number; steps: Step[] }[]; steps: number }>();

  /** Call with the document before the changes are applied (its version is the one they start from). */
  record(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
    const before = document.getText();
    let text: string | undefined = before;
    const steps: Step[] = [];
    for (const change of changes) {
      if ('range' in change) {
        steps.push({ kind: 'range', range: change.range, text: change.text });
        text = undefined;
      } else {
        // Lines kept around a whole-text change are found against the text it replaced: known only
        // when no ranged change came before it in the same batch (editors send one or the other).
        steps.push(text === undefined ? { kind: 'whole', keptHead: 0, keptTail: 0, oldLines: 0, newLines: 0 } : wholeChange(text, change.text));
        text = change.text;
      }
    }
    let log = this.logs.get(document.uri);
    if (!log) {
      log = { entries: [], steps: 0 };
      this.logs.set(document.uri, log);
    }
    log.entries.push({ from: document.version, steps });
    // A running count: summing the whole log on every keystroke grew with the log (up to 5,000 steps).
    log.steps += steps.length;
    while (log.steps > maxStepsPerDocument && log.entries.length > 1) log.steps -= log.entries.shift()!.steps.length;
  }

  forget(uri: string): void {
    this.logs.delete(uri);
  }

  /**
   * Where `position` of version `from` is in the document now; undefined when the log does not
   * reach back that far or the text around the position was replaced.
   */
  map(uri: string, from: number, position: Position): Position | undefined {
    const entries = this.logs.get(uri)?.entries;
    if (!entries) return undefined;
    // Entries follow each other (each starts at the version the previous one produced).
    const first = entries.findIndex((entry) => entry.from === from);
    if (first < 0) return undefined;
    let current: Position | undefined = position;
    for (const entry of entries.slice(first)) {
      for (const step of entry.steps) {
        current = mapThrough(step, current);
        if (!current) return undefined;
      }
    }
    return current;
  }
}

function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function wholeChange(before: string, after: string): Step {
  const a = before.split('\n');
  const b = after.split('\n');
  let keptHead = 0;
  while (keptHead < a.length - 1 && keptHead < b.length - 1 && a[keptHead] === b[keptHead]) keptHead++;
  let keptTail = 0;
  while (keptTail < a.length - keptHead - 1 && keptTail < b.length - keptHead - 1 && a[a.length - 1 - keptTail] === b[b.length - 1 - keptTail]) keptTail++;
  return { kind: 'whole', keptHead, keptTail, oldLines: a.length, newLines: b.length };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function mapThrough(step: Step, position: Position): Position | undefined {
  if (step.kind === 'whole') {
    if (position.line < step.keptHead) return position;
    if (position.line >= step.oldLines - step.keptTail) return { line: position.line + step.newLines - step.oldLines, character: position.character };
    return undefined;
  }
  const { start, end } = step.range;
  if (before(position, start)) return position;
  if (before(position, end)) return undefined;
  // After the replaced range: shift by what the change added or removed.
  const insertedLines = lineCount(step.text) - 1;
  const lastLineLength = step.text.length - (step.text.lastIndexOf('\n') + 1);
  if (position.line > end.line) return { line: position.line - (end.line - start.line) + insertedLines, character: position.character };
  const character = (insertedLines === 0 ? start.character + lastLineLength : lastLineLength) + (position.character - end.character);
  return { line: start.line + insertedLines, character };
}

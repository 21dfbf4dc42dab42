import type { Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { DockerfileModel } from './model';

/**
 * Where the cursor sits inside an instruction, read from the raw text rather than the AST so it
 * works on half-typed lines (`RUN --mount=type=cache,`, `COPY --fr`, `ARG $`). Completion and
 * signature help share it. The scan covers one instruction only and is linear in its length.
 */

/** A whitespace-separated word of an instruction; offsets are into the document text. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface InstructionCursor {
  readonly instruction: Instruction;
  /** The keyword that governs the arguments, upper-cased: for `ONBUILD RUN …` it is RUN. */
  readonly keyword: string;
  /** The keyword token as written (the trigger's keyword for ONBUILD). */
  readonly keywordToken: Token;
  /** True when the instruction is an ONBUILD (whose trigger may not be typed yet). */
  readonly onbuild: boolean;
  /** The cursor is on the keyword (or on the not-yet-typed ONBUILD trigger). */
  readonly inKeyword: boolean;
  /** The words after the keyword. */
  readonly args: readonly Token[];
  /** Index in `args` of the word the cursor touches, or -1 when it sits in whitespace. */
  readonly current: number;
  /** How many words end before the cursor. */
  readonly before: number;
  readonly offset: number;
}

/** The instruction whose lines hold `line` (a continuation line belongs to its instruction). */
export function instructionOnLine(model: DockerfileModel, line: number): Instruction | undefined {
  for (const instruction of model.ast.getInstructions()) {
    const range = instruction.getRange();
    if (range.start.line > line) return undefined;
    if (range.end.line >= line) return instruction;
  }
  return undefined;
}

/** Splits an instruction (and trailing text up to `until`) into words, skipping continuations and comment lines. */
export function tokenize(text: string, from: number, until: number, escapeChar: string): Token[] {
  const tokens: Token[] = [];
  let i = from;
  let start = -1;
  let quote = '';
  let atLineStart = false;
  const flush = (end: number): void => {
    if (start >= 0) tokens.push({ text: text.slice(start, end), start, end });
    start = -1;
  };
  while (i < until) {
    const ch = text[i];
    if (atLineStart) {
      // Comment lines inside a continued instruction are dropped by the parser.
      let j = i;
      while (j < until && (text[j] === ' ' || text[j] === '\t')) j++;
      atLineStart = false;
      if (text[j] === '#') {
        while (j < until && text[j] !== '\n') j++;
        i = j + 1;
        atLineStart = true;
        continue;
      }
    }
    if (ch === escapeChar) {
      let j = i + 1;
      while (j < until && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '\r') j++;
      if (text[j] === '\n' || j >= until) {
        // A line continuation separates words like whitespace does.
        if (!quote) flush(i);
        i = j + 1;
        atLineStart = true;
        continue;
      }
      if (start < 0) start = i;
      i += 2;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\n') quote = '';
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      flush(i);
      if (ch === '\n') atLineStart = true;
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (ch === '"' || ch === "'") quote = ch;
    i++;
  }
  flush(Math.min(i, until));
  return tokens;
}

/** Analyses the instruction at `position`, or undefined outside instructions (blank and comment lines). */
export function cursorAt(model: DockerfileModel, position: Position): InstructionCursor | undefined {
  const instruction = instructionOnLine(model, position.line);
  if (!instruction) return undefined;
  const document = model.document;
  const text = document.getText();
  const offset = document.offsetAt(position);
  const range = instruction.getRange();
  const start = document.offsetAt(range.start);
  // Trailing whitespace after the last word is not part of the instruction's range.
  const end = Math.max(document.offsetAt(range.end), offset);
  if (offset < start) return undefined;
  const tokens = tokenize(text, start, end, model.ast.getEscapeCharacter());
  if (tokens.length === 0) return undefined;
  const touches = (t: Token): boolean => t.start <= offset && offset <= t.end;
  let keywordToken = tokens[0];
  let args = tokens.slice(1);
  let keyword = keywordToken.text.toUpperCase();
  let inKeyword = touches(keywordToken);
  const onbuild = keyword === 'ONBUILD';
  if (onbuild && !inKeyword) {
    const trigger = args[0];
    if (!trigger || touches(trigger) || trigger.start > offset) {
      return { instruction, keyword: '', keywordToken: trigger ?? { text: '', start: offset, end: offset }, onbuild, inKeyword: true, args: [], current: -1, before: 0, offset };
    }
    keywordToken = trigger;
    keyword = trigger.text.toUpperCase();
    args = args.slice(1);
    inKeyword = false;
  }
  const current = args.findIndex(touches);
  let before = 0;
  while (before < args.length && args[before].end < offset) before++;
  return { instruction, keyword, keywordToken, onbuild, inKeyword, args, current, before, offset };
}

/** The word under the cursor, or an empty word at the cursor. */
export function currentToken(cursor: InstructionCursor): Token {
  return cursor.current >= 0 ? cursor.args[cursor.current] : { text: '', start: cursor.offset, end: cursor.offset };
}

/** Words before the one under the cursor. */
export function precedingArgs(cursor: InstructionCursor): readonly Token[] {
  return cursor.args.slice(0, cursor.current >= 0 ? cursor.current : cursor.before);
}

export function isFlagToken(token: Token): boolean {
  return token.text.startsWith('--');
}

/** True while only flags precede the cursor, i.e. a flag may still be written here. */
export function inFlagZone(cursor: InstructionCursor): boolean {
  return precedingArgs(cursor).every(isFlagToken);
}

/** Positional index of the word at the cursor, not counting flags. */
export function positionalIndex(cursor: InstructionCursor): number {
  return precedingArgs(cursor).filter((t) => !isFlagToken(t)).length;
}

export function offsetRange(model: DockerfileModel, start: number, end: number): Range {
  return { start: model.document.positionAt(start), end: model.document.positionAt(end) };
}

import { Onbuild, type Instruction } from 'dockerfile-ast';
import type { FormattingOptions, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { heredocsOf } from './semantic';

/**
 * Formatting that never changes what BuildKit reads:
 * - instructions start at column 0, keywords (and FROM … AS) optionally upper-cased, one space
 *   after the keyword;
 * - continuation lines get the indentation unit, keeping any deeper nesting relative to the
 *   shallowest continuation line (so `if …; then \` blocks keep their shape);
 * - trailing whitespace is trimmed and runs of blank lines collapse to one.
 *
 * Indentation unit: `stevedore.format.continuationIndent` spaces (default 4), or one tab when the
 * editor asks for tabs (`insertSpaces: false`). A tab counts as `tabSize` columns when measuring.
 *
 * Never touched: heredoc bodies and delimiters, parser directives, text inside quotes (a
 * continuation line that starts inside a string keeps its leading spaces: they are part of the
 * string), a continuation line glued to the previous one (`hel\` + `lo` is one word: adding
 * indentation would split it), and the continuation lines of instructions that keep their text
 * verbatim (WORKDIR, USER, legacy `ENV NAME value`), where every space of the joined line counts.
 */

type LinePlan = { kind: 'keep' } | { kind: 'replace'; text: string } | { kind: 'delete' };

interface Layout {
  lines: string[];
  /** What happens to each line, by index. */
  plans: LinePlan[];
}

const lineBreak = /\r\n|\r|\n/;

export function formatDockerfile(model: DockerfileModel, options: FormattingOptions, ctx: FeatureContext): TextEdit[] {
  const layout = plan(model, options, ctx);
  const edits = toEdits(layout);
  // The editor's own "insert final newline" preference, when it sends one.
  const lastLine = layout.lines.length - 1;
  if (options.insertFinalNewline === true && lastLine >= 0 && plannedText(layout.plans, layout.lines, lastLine) !== '') {
    const eol = /\r\n|\r|\n/.exec(model.document.getText())?.[0] ?? '\n';
    const end = { line: lastLine, character: layout.lines[lastLine].length };
    edits.push({ range: { start: end, end }, newText: eol });
  }
  return edits;
}

export function formatDockerfileRange(model: DockerfileModel, range: Range, options: FormattingOptions, ctx: FeatureContext): TextEdit[] {
  const first = range.start.line;
  // A selection ending at column 0 of a line does not include that line.
  const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return toEdits(plan(model, options, ctx), first, last);
}

/**
 * After Enter on a line that ends with the escape char, indent the new continuation line. Typing
 * the escape char itself needs nothing yet (the line it continues onto does not exist).
 */
export function formatDockerfileOnType(model: DockerfileModel, position: Position, ch: string, options: FormattingOptions, ctx: FeatureContext): TextEdit[] {
  const escapeChar = model.ast.getEscapeCharacter();
  if (ch !== '\n' || position.line === 0) return [];
  const lines = model.document.getText().split(lineBreak);
  const current = lines[position.line] ?? '';
  const protectedLines = protectedLineSet(model);
  if (protectedLines.has(position.line) || protectedLines.has(position.line - 1)) return [];
  const previousIndex = position.line - 1;
  const previous = lines[previousIndex];
  if (!endsWithEscape(previous, escapeChar) || isCommentLine(previous)) return [];
  const instruction = instructionOnLine(model, previousIndex);
  // WORKDIR, USER, legacy ENV: indentation on the new line would become part of the value.
  if (!instruction || !indentationIsFree(instruction)) return [];
  const start = instruction.getRange().start.line;
  if (quoteStateAfter(lines.slice(start, previousIndex + 1), escapeChar) !== 'none') return [];
  // The first continuation gets the unit; later ones follow the line above (the user's nesting).
  let anchor = previousIndex;
  while (anchor > start && (isCommentLine(lines[anchor]) || lines[anchor].trim() === '')) anchor--;
  const indent = anchor === start ? indentUnit(options, ctx) : leadingWhitespace(lines[anchor]);
  const existing = leadingWhitespace(current);
  if (existing === indent) return [];
  return [{ range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: existing.length } }, newText: indent }];
}

function indentUnit(options: FormattingOptions, ctx: FeatureContext): string {
  if (options.insertSpaces === false) return '\t';
  const size = Number.isInteger(ctx.settings.format.continuationIndent) ? ctx.settings.format.continuationIndent : 4;
  return ' '.repeat(Math.max(0, Math.min(16, size)));
}

function plan(model: DockerfileModel, options: FormattingOptions, ctx: FeatureContext): Layout {
  const lines = model.document.getText().split(lineBreak);
  const plans: LinePlan[] = lines.map(() => ({ kind: 'keep' }));
  const escapeChar = model.ast.getEscapeCharacter();
  const protectedLines = protectedLineSet(model);
  const setText = (line: number, text: string): void => {
    if (text !== lines[line]) plans[line] = { kind: 'replace', text };
  };
  const unit = indentUnit(options, ctx);
  const tabSize = options.tabSize > 0 ? options.tabSize : 4;

  const inInstruction = new Set<number>();
  for (const instruction of model.ast.getInstructions()) {
    const { start, end } = instruction.getRange();
    for (let line = start.line; line <= end.line; line++) inInstruction.add(line);
    formatInstruction(instruction, lines, protectedLines, escapeChar, unit, tabSize, ctx, setText);
  }

  const directiveLines = new Set(model.ast.getDirectives().map((d) => d.getRange().start.line));
  for (let line = 0; line < lines.length; line++) {
    if (protectedLines.has(line) || inInstruction.has(line)) continue;
    const text = plannedText(plans, lines, line);
    // Outside instructions there are only comments, directives and blank lines.
    if (directiveLines.has(line)) setText(line, text.trimEnd());
    else if (isCommentLine(text)) setText(line, text.trim());
    else if (text.trim() === '') setText(line, '');
  }
  collapseBlankLines(lines, plans, protectedLines, inInstruction);
  return { lines, plans };
}

function plannedText(plans: LinePlan[], lines: string[], line: number): string {
  const p = plans[line];
  return p.kind === 'replace' ? p.text : lines[line];
}

function formatInstruction(
  instruction: Instruction, lines: string[], protectedLines: Set<number>, escapeChar: string, unit: string, tabSize: number,
  ctx: FeatureContext, setText: (line: number, text: string) => void,
): void {
  const range = instruction.getRange();
  const first = range.start.line;
  const last = Math.min(range.end.line, lines.length - 1);

  // First line: keyword at column 0, upper-cased, one space before the arguments.
  let head = lines[first].replace(/^[ \t]+/, '');
  head = normalizeKeyword(head, ctx.settings.format.uppercaseKeywords, escapeChar);
  if (instruction instanceof Onbuild && ctx.settings.format.uppercaseKeywords) {
    // ONBUILD run … → ONBUILD RUN …
    head = head.replace(/^(\S+[ \t]+)([A-Za-z]+)(?=[ \t]|$)/, (_m, before: string, trigger: string) => before + trigger.toUpperCase());
  }
  if (ctx.settings.format.uppercaseKeywords && instruction.getKeyword() === 'FROM') {
    // FROM image as name → AS (BuildKit reads it case-insensitively).
    head = head.replace(/^(FROM[ \t]+(?:--\S+[ \t]+)*\S+[ \t]+)as(?=[ \t]+\S)/i, (_m, before: string) => `${before}AS`);
  }
  setText(first, trimTrailing(head, escapeChar, first < last));

  // Continuation lines.
  type Candidate = { line: number; indent: string; body: string; comment: boolean };
  const candidates: Candidate[] = [];
  const reindent = indentationIsFree(instruction);
  // Last character of the logical line so far: tells whether the next line is glued to a word.
  let tail = lastChar(stripEscape(lines[first], escapeChar));
  let state = quoteStateAfter([lines[first]], escapeChar);
  for (let line = first + 1; line <= last; line++) {
    if (protectedLines.has(line)) break;
    const text = lines[line];
    const indent = leadingWhitespace(text);
    const body = text.slice(indent.length);
    const continues = line < last;
    if (body === '') {
      // An empty line inside a continuation is skipped by the parser.
      if (state === 'none') setText(line, '');
      continue;
    }
    if (state !== 'none') {
      // Inside a string: leading spaces are content. Only a trailing continuation escape's
      // whitespace could go, and we leave even that alone.
      state = quoteStateAfter([text], escapeChar, state);
      tail = lastChar(stripEscape(text, escapeChar)) || tail;
      continue;
    }
    if (isCommentLine(body)) {
      // The parser drops comment lines, so their indentation is free whatever the instruction.
      if (reindent) candidates.push({ line, indent, body: body.trimEnd(), comment: true });
      else setText(line, text.trimEnd());
      continue;
    }
    const trimmedBody = trimTrailing(body, escapeChar, continues);
    // `hel\` + `lo`: the parser joins without a space, so indentation here would split a word.
    const glued = indent === '' && tail !== '' && !/[ \t]/.test(tail);
    // A line holding only the escape char adds just its indentation to the logical line: keep it.
    const onlyEscape = stripEscape(body, escapeChar) === '' && continues;
    if (reindent && !glued && !onlyEscape) candidates.push({ line, indent, body: trimmedBody, comment: false });
    else setText(line, indent + trimmedBody);
    tail = lastChar(stripEscape(text, escapeChar)) || tail;
    state = quoteStateAfter([text], escapeChar);
  }

  // Nesting is measured from the shallowest indented code line (comments follow it); lines at
  // column 0 get the unit, otherwise they would push every other line one level deeper.
  const indented = candidates.filter((c) => c.indent !== '');
  const code = indented.filter((c) => !c.comment);
  const widths = (code.length ? code : indented).map((c) => width(c.indent, tabSize));
  const minimum = widths.length ? Math.min(...widths) : 0;
  for (const candidate of candidates) {
    const extra = candidate.indent === '' ? 0 : Math.max(0, width(candidate.indent, tabSize) - minimum);
    let indent = unit + nestedIndent(extra, unit, tabSize);
    // Never remove all indentation from a line that had some: words would be glued together.
    if (indent === '' && candidate.indent !== '' && !candidate.comment) indent = ' ';
    setText(candidate.line, indent + candidate.body);
  }
}

/**
 * Instructions whose arguments are words (split on whitespace, or shell and JSON text), so the
 * amount of indentation at a line join is not content. `WORKDIR /my \` + `  dir`, `USER` or the
 * legacy `ENV NAME some value` keep every space of the joined line: their continuation lines are
 * left as written.
 */
const wordInstructions = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'COPY', 'ADD', 'FROM', 'EXPOSE', 'VOLUME', 'ARG', 'SHELL']);

function indentationIsFree(instruction: Instruction): boolean {
  let target: Instruction | null = instruction;
  if (instruction instanceof Onbuild) {
    try {
      target = instruction.getTriggerInstruction();
    } catch {
      target = null;
    }
  }
  if (!target) return false;
  const keyword = target.getKeyword();
  if (keyword === 'ENV' || keyword === 'LABEL') {
    // `ENV A=1 B=2` pairs are words; `ENV A some value` keeps the value verbatim.
    try {
      return target.getArguments()[0]?.getValue().includes('=') ?? false;
    } catch {
      return false;
    }
  }
  return wordInstructions.has(keyword);
}

function lastChar(text: string): string {
  return text.length ? text[text.length - 1] : '';
}

function nestedIndent(extra: number, unit: string, tabSize: number): string {
  if (extra === 0) return '';
  if (unit === '\t') return '\t'.repeat(Math.floor(extra / tabSize)) + ' '.repeat(extra % tabSize);
  return ' '.repeat(extra);
}

function width(indent: string, tabSize: number): number {
  let columns = 0;
  for (const ch of indent) columns = ch === '\t' ? columns + tabSize - (columns % tabSize) : columns + 1;
  return columns;
}

function normalizeKeyword(head: string, uppercase: boolean, escapeChar: string): string {
  const keyword = /^[A-Za-z]+/.exec(head)?.[0];
  if (!keyword) return head;
  let rest = head.slice(keyword.length);
  if (rest !== '' && !/^[ \t]/.test(rest) && !rest.startsWith(escapeChar)) return head;
  const gap = /^[ \t]*/.exec(rest)![0];
  const after = rest.slice(gap.length);
  // One space before real arguments; `RUN    \` (arguments on the next line) keeps its gap.
  const onlyEscape = after.startsWith(escapeChar) && after.slice(1).trim() === '';
  if (gap !== '' && after !== '' && !onlyEscape) rest = ` ${after}`;
  return (uppercase ? keyword.toUpperCase() : keyword) + rest;
}

/** Trims trailing whitespace; on a continued line also after the escape char (BuildKit allows it). */
function trimTrailing(text: string, escapeChar: string, continues: boolean): string {
  if (!continues) return quoteStateAfter([text], escapeChar) === 'none' ? text.trimEnd() : text;
  return text.trimEnd();
}

function stripEscape(text: string, escapeChar: string): string {
  const trimmed = text.trimEnd();
  return trimmed.endsWith(escapeChar) ? trimmed.slice(0, -1) : trimmed;
}

function endsWithEscape(text: string | undefined, escapeChar: string): boolean {
  return text !== undefined && text.trimEnd().endsWith(escapeChar);
}

function isCommentLine(text: string): boolean {
  return /^[ \t]*#/.test(text);
}

function leadingWhitespace(text: string): string {
  return /^[ \t]*/.exec(text)![0];
}

type QuoteState = 'none' | 'single' | 'double';

/**
 * Quote state after reading `lines` as continuation lines of one instruction (the escape char at
 * a line end is the continuation, not an escape). Single quotes take no escapes (shell rules);
 * an unbalanced quote keeps the state open, which only makes the formatter more careful.
 */
function quoteStateAfter(lines: string[], escapeChar: string, initial: QuoteState = 'none'): QuoteState {
  let state = initial;
  for (const raw of lines) {
    if (state === 'none' && isCommentLine(raw)) continue;
    const text = stripEscape(raw, escapeChar);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (state === 'single') {
        if (ch === "'") state = 'none';
      } else if (ch === escapeChar) {
        i++;
      } else if (state === 'double') {
        if (ch === '"') state = 'none';
      } else if (ch === '"') {
        state = 'double';
      } else if (ch === "'") {
        state = 'single';
      }
    }
  }
  return state;
}

/** Lines holding heredoc bodies and delimiters: from the line after the first `<<WORD` to the instruction's end. */
function protectedLineSet(model: DockerfileModel): Set<number> {
  const result = new Set<number>();
  for (const instruction of model.ast.getInstructions()) {
    const range = instruction.getRange();
    if (range.start.line === range.end.line) continue;
    const heredocs = heredocsOf(instruction);
    let from: number | undefined = heredocs.length ? heredocs[0].getStartRange().start.line + 1 : undefined;
    if (from === undefined && /^[ \t]*(?:RUN|COPY|ADD|ONBUILD)\b[^\n]*<<-?[ \t]*["']?[A-Za-z_]/i.test(firstLineText(model, range.start.line))) {
      // A heredoc dockerfile-ast did not recognise: protect conservatively.
      from = range.start.line + 1;
    }
    if (from === undefined) continue;
    for (let line = from; line <= range.end.line; line++) result.add(line);
  }
  return result;
}

function firstLineText(model: DockerfileModel, line: number): string {
  return model.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

function instructionOnLine(model: DockerfileModel, line: number): Instruction | undefined {
  return model.ast.getInstructions().find((i) => i.getRange().start.line <= line && line <= i.getRange().end.line);
}

function collapseBlankLines(lines: string[], plans: LinePlan[], protectedLines: Set<number>, inInstruction: Set<number>): void {
  const isBlank = (line: number) => !protectedLines.has(line) && !inInstruction.has(line) && plannedText(plans, lines, line).trim() === '';
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && isBlank(lastContent)) lastContent--;
  for (let line = 0; line < lines.length; line++) {
    if (!isBlank(line)) continue;
    if (line > lastContent) {
      // Trailing blank lines go; the final line break (the empty last "line") stays.
      if (line < lines.length - 1) plans[line] = { kind: 'delete' };
    } else if (line > 0 && isBlank(line - 1)) {
      plans[line] = { kind: 'delete' };
    }
  }
}

function toEdits(layout: Layout, firstLine = 0, lastLine = Number.MAX_SAFE_INTEGER): TextEdit[] {
  const { lines, plans } = layout;
  const edits: TextEdit[] = [];
  const lastIndex = lines.length - 1;
  for (let line = Math.max(0, firstLine); line <= Math.min(lastLine, lastIndex); line++) {
    const p = plans[line];
    if (p.kind === 'replace') {
      edits.push({ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, newText: p.text });
    } else if (p.kind === 'delete') {
      // Remove the line with the line break that follows it (a deleted line is never the last).
      edits.push({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' });
    }
  }
  return edits;
}

import { DockerfileParser, type Comment, type Dockerfile } from 'dockerfile-ast';
import { Dockerfile as DockerfileClass } from 'dockerfile-ast/lib/dockerfile';
import { Instruction } from 'dockerfile-ast/lib/instruction';
import { ImageTemplate } from 'dockerfile-ast/lib/imageTemplate';
import { Property } from 'dockerfile-ast/lib/property';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LazyRangeArgument, lineOf, PositionCursor } from './argumentScanner';
import { forgetLastBuiltInstruction, memoisedRawArguments, memoKeys, positionCursorOf, rawArgumentsMemoKey } from './parserCache';

/**
 * Re-parses only the part of a Dockerfile an edit can change, reusing the rest of the previous
 * version's syntax tree. Typing in a 5,000-line Dockerfile then costs the parse of one instruction
 * and copies of the others (no scanning, far less garbage), instead of a parse of the whole file.
 *
 * Why it gives what a full parse gives: dockerfile-ast reads a file in one forward pass. Between
 * two constructs (instructions and comments) its main loop is at "top level", at the start of a
 * line that no instruction continues onto (escaped line breaks, here-documents). From such a line
 * on, what it builds depends only on the text from there and the escape character (the parser
 * directives at the top). So:
 * - the constructs that end before the top-level line at or above the first changed line are the
 *   previous version's (the text up to there is the same);
 * - from that line the main loop runs as in a full parse, construct by construct, until it reaches
 *   a top-level line inside the unchanged tail of the text that was also a top-level line before;
 * - from there on the constructs are the previous version's, moved by the lines the edit added or
 *   removed (whole lines move, so characters stay).
 * An edit at the parser directives (which set the escape character) is parsed in full.
 *
 * Reused instructions and comments are copied, never changed: each copy points at the new parse's
 * document and Dockerfile (dockerfile-ast resolves variables and stages through them). A construct
 * whose lines did not move is a shallow copy sharing its arguments, flags, ranges and properties
 * with the previous version's (they read the same text at the same positions); one that moved gets
 * its positions moved. Memoised arguments (parserCache.ts) are carried over, so the copies need no
 * new scan. Anything in a construct this module does not know how to move (a function, an
 * accessor, a document or Dockerfile of another parse) makes the whole file parse afresh.
 *
 * The differential tests (test/unit/dockerfile/incrementalParse.test.ts, incrementalParseShared.test.ts)
 * compare every incremental parse, after random edits of the corpus, with a full parse of the same text.
 */

export const incrementalParseTuning = {
  /**
   * Shorter texts are parsed in full. Even a 300-line file (about 10 K characters) gains: its full
   * parse was a third of an edit's check, and re-checking it after a keystroke costs a quarter less
   * CPU with the tree reused (docs/performance.md). Below this a parse is too short to matter.
   */
  minLength: 2 * 1024,
  /**
   * Documents whose last tree is kept, the most recently parsed ones. A tree is kept from a URI's
   * second parse on (a document being edited): a text parsed once (the CLI, a preview of fixes, the
   * bench's fresh checks) keeps nothing alive, and its tree can die young. A kept tree is the open
   * document's current one (the server holds it anyway) until the document closes; then it stays
   * until this many other long Dockerfiles have been edited.
   */
  heldFiles: 2,
  /**
   * Texts an unmoved argument may keep in memory. A shared argument reads its position in the text
   * of the version that scanned it; typing in one place keeps two (the first version's and the
   * newest), each new place one more. Past this many, the next parse moves every argument onto its
   * own text and the older texts can go. 0: never share.
   */
  maxRetainedTexts: 3,
};

/**
 * Parses that reused the previous tree, full ones, constructs copied rather than parsed, and reuses
 * that placed every copy on the new text (past maxRetainedTexts) (tests read them).
 */
export const incrementalParseCounts = { incremental: 0, full: 0, reusedConstructs: 0, movedOntoOwnText: 0 };

/** The last tree parsed for each of the last `heldFiles` URIs parsed twice or more (most recent last). */
const held = new Map<string, Dockerfile>();
/** URIs of long texts parsed once so far (most recent last, a few hundred at most). */
const parsedOnce = new Set<string>();
const maxParsedOnce = 256;
/** Per tree: the texts its arguments read positions in (see maxRetainedTexts). */
const retainedTexts = new WeakMap<Dockerfile, number>();

/** dockerfile-ast's runtime fields these functions read (private in its typings). */
interface ParsedDockerfile {
  document: TextDocument;
  comments: Comment[];
  directives: object[];
}
interface ParserInternals {
  document: TextDocument;
  buffer: string;
  escapeChar: string;
  getParserDirectives(document: TextDocument, buffer: string): unknown[];
  processComment(dockerfile: Dockerfile, start: number): number;
  processInstruction(dockerfile: Dockerfile, char: string, start: number): number;
}

/**
 * The syntax tree of `text`, reusing the tree last parsed for `uri` where the edit allows it. Same
 * result as `DockerfileParser.parse(text)`.
 */
export function parseDockerfileText(uri: string, text: string): Dockerfile {
  const kept = held.get(uri);
  let ast: Dockerfile | undefined;
  let texts: TextsRead | undefined;
  if (kept && text.length >= incrementalParseTuning.minLength) {
    try {
      const shares = (retainedTexts.get(kept) ?? 1) < incrementalParseTuning.maxRetainedTexts;
      texts = shares ? new TextsRead() : undefined;
      ast = reparse(kept, text, texts);
      if (ast && texts) retainedTexts.set(ast, texts.count());
    } catch (error) {
      if (!(error instanceof CannotMove)) throw error;
      ast = undefined;
    }
  }
  if (ast) {
    incrementalParseCounts.incremental++;
    if (!texts) incrementalParseCounts.movedOntoOwnText++;
  } else {
    ast = DockerfileParser.parse(text);
    incrementalParseCounts.full++;
  }
  const edited = held.delete(uri) || parsedOnce.delete(uri);
  if (text.length >= incrementalParseTuning.minLength) {
    if (edited) {
      held.set(uri, ast);
      while (held.size > incrementalParseTuning.heldFiles) held.delete(held.keys().next().value!);
    } else {
      parsedOnce.add(uri);
      if (parsedOnce.size > maxParsedOnce) parsedOnce.delete(parsedOnce.values().next().value!);
    }
  }
  return ast;
}

/**
 * The texts a tree's shared parts read positions in, gathered while it is built (see
 * maxRetainedTexts): one cursor per text. An instruction's arguments all come from one scan and its
 * properties from the same parse, so the first of either names the text it keeps.
 */
class TextsRead {
  private readonly cursors: PositionCursor[] = [];
  private last: PositionCursor | undefined;

  /** Notes the texts a copied instruction's memoised raw arguments and its properties read. */
  note(rawArguments: readonly unknown[] | undefined, properties: unknown): void {
    const first = rawArguments?.[0];
    if (first instanceof LazyRangeArgument) this.add(first.cursorOf());
    if (Array.isArray(properties) && properties.length > 0) {
      const document = (properties[0] as { document?: TextDocument }).document;
      if (document) this.add(positionCursorOf(document));
    }
  }

  add(cursor: PositionCursor): void {
    // Neighbouring instructions nearly always come from the same text: one comparison.
    if (cursor === this.last) return;
    this.last = cursor;
    if (!this.cursors.includes(cursor)) this.cursors.push(cursor);
  }

  count(): number {
    return this.cursors.length;
  }
}

/** Forgets every kept tree (tests). */
export function forgetParsedTrees(): void {
  held.clear();
  parsedOnce.clear();
}

/** A construct holds something this module cannot move: parse in full. */
class CannotMove extends Error {}

const isUTF8BOM = (text: string) => text.charCodeAt(0) === 0xfeff;

/** Characters compared at once while looking for the changed part of the text. */
const compareBlock = 1024;

/**
 * The tree of `text` built from `old`'s, or undefined when the edit needs a full parse. With `texts`,
 * what did not move is shared (and the texts it reads are counted there); without, every copy is
 * placed on the new text.
 */
function reparse(old: Dockerfile, text: string, texts: TextsRead | undefined): Dockerfile | undefined {
  const oldInternals = old as unknown as ParsedDockerfile;
  const oldDocument = oldInternals.document;
  const oldText = oldDocument.getText();
  if (oldText === text) return copyTree(old, text, texts);
  const oldLength = oldText.length;
  const newLength = text.length;
  let prefix = 0;
  const shortest = Math.min(oldLength, newLength);
  // Whole blocks first (string comparison runs at memory speed), then character by character.
  while (prefix + compareBlock <= shortest && oldText.slice(prefix, prefix + compareBlock) === text.slice(prefix, prefix + compareBlock)) prefix += compareBlock;
  while (prefix < shortest && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix + compareBlock <= shortest - prefix && oldText.slice(oldLength - suffix - compareBlock, oldLength - suffix) === text.slice(newLength - suffix - compareBlock, newLength - suffix)) suffix += compareBlock;
  while (suffix < shortest - prefix && oldText.charCodeAt(oldLength - 1 - suffix) === text.charCodeAt(newLength - 1 - suffix)) suffix++;

  const oldOffsets = lineOffsetsOf(oldDocument);
  // One line more than the first changed one: a line break can change meaning with the character
  // after it (CR then LF), and a line's start is the only safe place to resume.
  const firstChanged = Math.max(0, lineOf(oldOffsets, prefix) - 1);
  const directiveCount = oldInternals.directives.length;
  if (firstChanged <= directiveCount) return undefined;

  // The main loop never starts on a line an instruction continues onto from an earlier line.
  const oldInstructions = old.getInstructions();
  let resumeLine = firstChanged;
  while (resumeLine > 0 && isContinuationLine(oldInstructions, resumeLine)) resumeLine--;
  if (resumeLine < directiveCount) return undefined;

  const document = TextDocument.create('', '', 0, text);
  const offsetDelta = newLength - oldLength;
  const tailStart = newLength - suffix;
  setLineOffsets(document, editedLineOffsets(oldOffsets, text, prefix, oldLength - suffix, offsetDelta));
  const dockerfile = new DockerfileClass(document);
  const parser = new Parser() as unknown as ParserInternals;
  parser.document = document;
  parser.buffer = text;
  // As Parser.parse does: directives first, they set the escape character.
  const directives = parser.getParserDirectives(document, text);
  parser.escapeChar = '\\';
  if (directives.length > 0) {
    dockerfile.setDirectives(directives as never);
    parser.escapeChar = dockerfile.getEscapeCharacter();
  }
  if (directives.length !== directiveCount || parser.escapeChar !== old.getEscapeCharacter()) return undefined;
  texts?.add(positionCursorOf(document));

  const oldComments = oldInternals.comments;
  const resumeOffset = oldOffsets[resumeLine];
  const unchanged = new Mover(oldDocument, old, document, dockerfile, 0, texts);
  const instructionsBefore = firstStartingFrom(oldInstructions, resumeLine);
  for (let i = 0; i < instructionsBefore; i++) dockerfile.addInstruction(unchanged.copyConstruct(oldInstructions[i]) as Instruction);
  const commentsBefore = firstStartingFrom(oldComments, resumeLine);
  for (let i = 0; i < commentsBefore; i++) dockerfile.addComment(unchanged.copyConstruct(oldComments[i]) as Comment);

  // Parser.parse's main loop from the resume line, until it meets a line where the old parse was
  // at top level too, inside the unchanged tail of the text.
  let resumeAt = -1;
  let start = resumeOffset;
  if (start === 0 && directives.length === 0 && isUTF8BOM(text)) start = 1;
  for (let i = start; i < newLength; i++) {
    if (i > tailStart && isLineStart(text, i)) {
      const oldOffset = i - offsetDelta;
      const oldLine = lineOf(oldOffsets, oldOffset);
      if (oldOffsets[oldLine] === oldOffset && !isContinuationLine(oldInstructions, oldLine)) {
        resumeAt = i;
        break;
      }
    }
    switch (text.charAt(i)) {
      case ' ':
      case '\t':
      case '\r':
      case '\n':
        break;
      case '#':
        i = parser.processComment(dockerfile, i);
        break;
      default:
        i = parser.processInstruction(dockerfile, text.charAt(i), i);
        break;
    }
  }

  forgetLastBuiltInstruction();
  if (resumeAt >= 0) {
    const oldResumeLine = lineOf(oldOffsets, resumeAt - offsetDelta);
    const lineDelta = lineOf(lineOffsetsOf(document), resumeAt) - oldResumeLine;
    // Lines that moved get copies placed on the new text; unmoved ones are shared as above.
    const moved = new Mover(oldDocument, old, document, dockerfile, lineDelta, lineDelta === 0 ? texts : undefined);
    for (let i = firstStartingFrom(oldInstructions, oldResumeLine); i < oldInstructions.length; i++) {
      dockerfile.addInstruction(moved.copyConstruct(oldInstructions[i]) as Instruction);
    }
    for (let i = firstStartingFrom(oldComments, oldResumeLine); i < oldComments.length; i++) {
      dockerfile.addComment(moved.copyConstruct(oldComments[i]) as Comment);
    }
  }
  organizeComments(dockerfile);
  return dockerfile;
}

/** The same tree for the same text, on a document and Dockerfile of its own. */
function copyTree(old: Dockerfile, text: string, texts: TextsRead | undefined): Dockerfile {
  const oldInternals = old as unknown as ParsedDockerfile;
  const document = TextDocument.create('', '', 0, text);
  setLineOffsets(document, lineOffsetsOf(oldInternals.document).slice());
  const dockerfile = new DockerfileClass(document);
  texts?.add(positionCursorOf(document));
  const mover = new Mover(oldInternals.document, old, document, dockerfile, 0, texts);
  if (oldInternals.directives.length > 0) dockerfile.setDirectives(oldInternals.directives.map((directive) => mover.copyConstruct(directive)) as never);
  for (const instruction of old.getInstructions()) dockerfile.addInstruction(mover.copyConstruct(instruction) as Instruction);
  for (const comment of oldInternals.comments) dockerfile.addComment(mover.copyConstruct(comment) as Comment);
  organizeComments(dockerfile);
  return dockerfile;
}

interface PlainPosition {
  line: number;
  character: number;
}

/** dockerfile-ast's Dockerfile fields that organizeComments fills (private in its typings). */
interface TemplateInternals {
  initialInstructions?: ImageTemplate;
  buildStages?: ImageTemplate[];
}

const before = (a: PlainPosition, b: PlainPosition) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * What dockerfile-ast's `Dockerfile.organizeComments` does (each comment goes to the initial
 * instructions or to the build stages whose range holds it), without its cost per comment: it reads
 * every stage's range for every comment, and a stage's range is new objects each time (a 250-stage
 * file with a few dozen comments made thousands of ranges per keystroke). A template's range comes
 * from its instructions alone, which adding comments does not change, so each is read once here.
 * Stage ranges follow each other in file order without overlapping, so the only stage that can hold
 * a comment is the last one starting at or before it: found by binary search. Ranges out of that
 * order (never from a parse; checked) make the library's own loop run instead.
 */
function organizeComments(dockerfile: DockerfileClass): void {
  const comments = dockerfile.getComments();
  if (comments.length === 0) return;
  const { initialInstructions, buildStages } = dockerfile as unknown as TemplateInternals;
  if (!(initialInstructions instanceof ImageTemplate) || !Array.isArray(buildStages)) {
    dockerfile.organizeComments();
    return;
  }
  const stageRanges: PlainRange[] = new Array(buildStages.length);
  for (let s = 0; s < buildStages.length; s++) {
    const range = buildStages[s].getRange();
    if (!range || (s > 0 && !before(stageRanges[s - 1].end, range.start))) {
      dockerfile.organizeComments();
      return;
    }
    stageRanges[s] = range;
  }
  const initialRange = initialInstructions.getRange();
  if (!initialRange) {
    dockerfile.organizeComments();
    return;
  }
  for (let c = 0; c < comments.length; c++) {
    const comment = comments[c];
    const range = comment.getRange();
    if (Util.isInsideRange(range.end, initialRange)) {
      initialInstructions.addComment(comment);
      continue;
    }
    const at = range.start;
    let low = 0;
    let high = stageRanges.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (before(at, stageRanges[mid].start)) high = mid;
      else low = mid + 1;
    }
    const candidate = low - 1;
    if (candidate >= 0 && Util.isInsideRange(at, stageRanges[candidate])) buildStages[candidate].addComment(comment);
  }
}

interface Located {
  getRange(): PlainRange;
}

/** The index of the first construct starting on `line` or below (constructs in text order). */
function firstStartingFrom(constructs: readonly Located[], line: number): number {
  let low = 0;
  let high = constructs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (constructs[middle].getRange().start.line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether an instruction continues onto `line` from an earlier line (escaped line breaks, here-documents). */
function isContinuationLine(instructions: readonly Located[], line: number): boolean {
  const before = firstStartingFrom(instructions, line) - 1;
  return before >= 0 && instructions[before].getRange().end.line >= line;
}

/**
 * The line starts of the edited text, from the previous text's: the same before the change, moved
 * by `offsetDelta` after it, and looked for only in the changed part (what computeLineOffsets of
 * vscode-languageserver-textdocument answers, without reading the whole text again). A line start
 * depends on the two characters around it, so the unchanged ones are those whose both neighbours
 * are.
 */
export function editedLineOffsets(oldOffsets: readonly number[], text: string, prefix: number, oldTailStart: number, offsetDelta: number): number[] {
  const offsets: number[] = [];
  let k = 0;
  while (k < oldOffsets.length && oldOffsets[k] < prefix) offsets.push(oldOffsets[k++]);
  if (offsets.length === 0) offsets.push(0);
  const tailStart = oldTailStart + offsetDelta;
  for (let i = Math.max(prefix, 1); i <= tailStart; i++) if (isLineStart(text, i)) offsets.push(i);
  while (k < oldOffsets.length && oldOffsets[k] <= oldTailStart) k++;
  for (; k < oldOffsets.length; k++) offsets.push(oldOffsets[k] + offsetDelta);
  return offsets;
}

/** Gives a fresh document the line starts of its text (it would otherwise compute them from the whole text on first use). */
function setLineOffsets(document: TextDocument, offsets: number[]): void {
  const internals = document as unknown as { _lineOffsets?: number[] };
  if ('_lineOffsets' in internals && internals._lineOffsets === undefined) internals._lineOffsets = offsets;
}

/** After `\n`, or after a `\r` not followed by `\n`: where vscode-languageserver-textdocument starts a line. */
function isLineStart(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  return before === 0x0a || (before === 0x0d && text.charCodeAt(i) !== 0x0a);
}

function lineOffsetsOf(document: TextDocument): number[] {
  return (document as unknown as { getLineOffsets(): number[] }).getLineOffsets();
}

const documentPrototype = Object.getPrototypeOf(TextDocument.create('', '', 0, '')) as object;

type Fields = Record<PropertyKey, unknown>;

/**
 * dockerfile-ast's own fields of instructions and comments that an unmoved copy shares: none holds
 * a document or a Dockerfile except the properties (ENV, ARG, LABEL), which read their text only
 * where they stand, and that text and its positions are the same in both versions.
 */
const sharedFields = new Set(['range', 'instructionRange', 'escapeChar', 'instruction', 'flags', 'jsonStrings', 'openingBracket', 'closingBracket', 'properties', 'property']);
/** A shallow copy of one shape of construct: its prototype, its document and Dockerfile replaced. */
type ShallowCopier = (source: Fields, document: unknown, dockerfile: unknown, memos: readonly symbol[], texts: TextsRead | undefined) => Fields;
/** Per prototype, the copiers made so far, each for one list of own keys (a prototype has one or two). */
const copiers = new Map<object, { keys: readonly string[]; copy: ShallowCopier }[]>();

/**
 * The copier for constructs of `prototype` whose own keys are `keys`, or undefined when a key is not
 * one of dockerfile-ast's known fields. It is compiled once per shape: straight-line property copies
 * run some ten times faster than Object.assign or a loop over the keys (every construct of a
 * 5,000-line file is copied at each keystroke). Only known, identifier-like names reach the code.
 * The memos of parserCache.ts are carried over; any other symbol-keyed value is left behind, as a
 * construct fresh from the parser would not have it either.
 */
function copierFor(prototype: object, keys: readonly string[]): ShallowCopier | undefined {
  let known = copiers.get(prototype);
  if (known) {
    for (const entry of known) if (sameKeys(keys, entry.keys)) return entry.copy;
  } else copiers.set(prototype, (known = []));
  if (!keys.every((key) => key === 'document' || key === 'dockerfile' || sharedFields.has(key))) return undefined;
  const assignments = keys.map((key) => (key === 'document' ? 'c.document = document;' : key === 'dockerfile' ? 'c.dockerfile = dockerfile;' : `c.${key} = s.${key};`));
  const memoCopies = memoKeys.map((_, i) => `const m${i} = s[memos[${i}]]; if (m${i} !== undefined) c[memos[${i}]] = m${i};`);
  const rawArguments = `m${memoKeys.indexOf(rawArgumentsMemoKey)}`;
  const noteTexts = `if (texts !== undefined) texts.note(${rawArguments}, ${keys.includes('properties') ? 's.properties' : 'undefined'});`;
  const copy = new Function('prototype', `return function shallowCopy(s, document, dockerfile, memos, texts) { const c = Object.create(prototype); ${assignments.join(' ')} ${memoCopies.join(' ')} ${noteTexts} return c; };`)(prototype) as ShallowCopier;
  known.push({ keys: keys.slice(), copy });
  return copy;
}
interface Position { line: number; character: number }
interface PlainRange { start: Position; end: Position }

function sameKeys(keys: readonly string[], known: readonly string[] | undefined): boolean {
  if (known === undefined || known.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== known[i]) return false;
  return true;
}

/**
 * Copies constructs of one parse into another: the old parse's document and Dockerfile become the
 * new ones, every position moves down `lineDelta` lines (lazily placed arguments too, onto the
 * new text). With `texts` and no lines moved, an instruction or comment is a shallow copy sharing
 * everything but its document and Dockerfile (the texts its shared parts read are noted in
 * `texts`). Otherwise what does not change is shared (strings, and with no lines moved, ranges and
 * flags), and inside one instruction an argument that appears in several lists (raw arguments,
 * arguments, a JSON bracket) stays one object in the copy.
 */
class Mover {
  private cursor: PositionCursor | undefined;
  /** The current instruction's arguments and their copies (identity inside one instruction). */
  private readonly movedArguments = new Map<object, unknown>();
  /** Arguments stay as they are: no line moves, and their positions come from a text that is the same there. */
  private readonly sharesArguments: boolean;
  /** The document of the property being copied, when an earlier parse's (see copyProperty). */
  private propertyDocument: object | undefined;

  constructor(
    private readonly oldDocument: TextDocument,
    private readonly oldDockerfile: Dockerfile,
    private readonly document: TextDocument,
    private readonly dockerfile: Dockerfile,
    private readonly lineDelta: number,
    private readonly texts: TextsRead | undefined,
  ) {
    this.sharesArguments = texts !== undefined && lineDelta === 0;
  }

  /** A copy of an instruction, comment or directive of the old tree. */
  copyConstruct(value: object): unknown {
    incrementalParseCounts.reusedConstructs++;
    if (this.sharesArguments) {
      const copy = this.shallowCopy(value);
      if (copy !== undefined) return copy;
      if (value instanceof Instruction) return this.copyUnmovedInstruction(value);
    }
    this.movedArguments.clear();
    return this.copy(value);
  }

  /**
   * The common case, typing: a construct whose lines did not move, as a shallow copy (copierFor).
   * Undefined when it has a field this module does not know (then a field-by-field copy decides).
   */
  private shallowCopy(value: object): unknown {
    const fields = value as Fields;
    if (fields.document !== this.oldDocument || ('dockerfile' in fields && fields.dockerfile !== this.oldDockerfile)) return undefined;
    const copy = copierFor(Object.getPrototypeOf(value) as object, Object.keys(value));
    if (copy === undefined) return undefined;
    return copy(fields, this.document, this.dockerfile, memoKeys, this.texts);
  }

  /**
   * An unmoved instruction with a field `shallowCopy` does not know: the instruction and its
   * properties (which hold the document) are new, its arguments, flags, ranges and JSON strings are
   * the old ones, shared; other fields go through `copy`.
   */
  private copyUnmovedInstruction(instruction: Instruction): unknown {
    const fields = instruction as unknown as Fields;
    const result = Object.create(Object.getPrototypeOf(instruction) as object) as Fields;
    this.movedArguments.clear();
    for (const key of Object.keys(fields)) {
      const field = fields[key];
      if (sharedFields.has(key) && key !== 'properties' && key !== 'property') result[key] = field;
      else if (key === 'properties') result[key] = Array.isArray(field) ? field.map((property: unknown) => this.copy(property)) : this.copy(field);
      else result[key] = this.copy(field);
    }
    for (const symbol of Object.getOwnPropertySymbols(fields)) {
      if (!memoKeys.includes(symbol)) throw new CannotMove();
      result[symbol] = fields[symbol];
    }
    this.texts?.note(memoisedRawArguments(result), result.properties);
    return result;
  }

  private copy(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) {
      if (typeof value === 'function' || typeof value === 'symbol') throw new CannotMove();
      return value;
    }
    if (value === this.oldDocument || value === this.propertyDocument) return this.document;
    if (value === this.oldDockerfile) return this.dockerfile;
    if (value instanceof Property) return this.copyProperty(value);
    if (value instanceof LazyRangeArgument) {
      // Unmoved, it answers the same range from the old text: shared (see `sharesArguments`).
      if (this.sharesArguments) return value;
      let moved = this.movedArguments.get(value);
      if (moved === undefined) {
        this.cursor ??= positionCursorOf(this.document);
        moved = value.movedTo(this.cursor, this.lineDelta);
        this.movedArguments.set(value, moved);
      }
      return moved;
    }
    if (Array.isArray(value)) return this.copyArray(value);
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype === Object.prototype) {
      const range = value as PlainRange;
      if (isPosition(range.start) && isPosition(range.end)) {
        if (this.lineDelta === 0) return range;
        return { start: this.moved(range.start), end: this.moved(range.end) };
      }
      if (isPosition(value)) return this.lineDelta === 0 ? value : this.moved(value);
    } else if (prototype === documentPrototype || value instanceof DockerfileClass || value instanceof ImageTemplate || value instanceof PositionCursor) {
      throw new CannotMove(); // another parse's document or tree
    }
    return this.copyFields(value, prototype);
  }

  /**
   * A property shared by an unmoved copy keeps the document of the parse that made it, an earlier
   * version whose text is the same where the property stands: its copy reads the new document.
   */
  private copyProperty(property: Property): unknown {
    const outer = this.propertyDocument;
    const document = (property as unknown as Fields).document;
    if (typeof document === 'object' && document !== null && Object.getPrototypeOf(document) === documentPrototype) this.propertyDocument = document;
    try {
      return this.copyFields(property, Object.getPrototypeOf(property) as object);
    } finally {
      this.propertyDocument = outer;
    }
  }

  private moved(position: Position): Position {
    return { line: position.line + this.lineDelta, character: position.character };
  }

  private copyArray(value: readonly unknown[]): unknown[] {
    let result: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const moved = this.copy(item);
      if (moved !== item && !result) result = value.slice(0, i);
      if (result) result.push(moved);
    }
    return result ?? (value as unknown[]);
  }

  /** An object with the same prototype and moved own fields, or the object itself when none moves. */
  private copyFields(value: object, prototype: object | null): unknown {
    const fields = value as Fields;
    const keys = Object.keys(value);
    let result: Fields | undefined;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const field = fields[key];
      const moved = this.copy(field);
      if (moved !== field && !result) {
        result = Object.create(prototype) as Fields;
        for (let earlier = 0; earlier < k; earlier++) result[keys[earlier]] = fields[keys[earlier]];
      }
      if (result) result[key] = moved;
    }
    // The memoised keyword and arguments (parserCache.ts) are symbol-keyed; no other symbol may hide state.
    const symbols = Object.getOwnPropertySymbols(value);
    for (const symbol of symbols) {
      if (!memoKeys.includes(symbol)) throw new CannotMove();
      const field = fields[symbol];
      const moved = this.copy(field);
      if (moved !== field && !result) {
        result = Object.create(prototype) as Fields;
        for (const key of keys) result[key] = fields[key];
        for (const earlier of symbols) {
          if (earlier === symbol) break;
          result[earlier] = fields[earlier];
        }
      }
      if (result) result[symbol] = moved;
    }
    return result ?? value;
  }
}

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const { line, character } = value as { line?: unknown; character?: unknown };
  return typeof line === 'number' && typeof character === 'number';
}

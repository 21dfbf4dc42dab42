import { Arg, Env, From, JSONInstruction, Label, ModifiableInstruction, Onbuild, type Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { semanticTokenLegend, type FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { heredocsOf, semanticsOf } from './semantic';

/**
 * Semantic tokens: what a TextMate grammar cannot know — which words are stage names, which
 * `$NAME`s are declared here and which are BuildKit's automatic platform ARGs. Token types are
 * indices into the shared legend. Heredoc bodies and shell text stay to the grammar.
 */

const typeIndex = (name: string): number => semanticTokenLegend.tokenTypes.indexOf(name);
const modifierBit = (name: string): number => 1 << semanticTokenLegend.tokenModifiers.indexOf(name);

const T = {
  keyword: typeIndex('keyword'),
  parameter: typeIndex('parameter'),
  variable: typeIndex('variable'),
  string: typeIndex('string'),
  comment: typeIndex('comment'),
  operator: typeIndex('operator'),
  number: typeIndex('number'),
  type: typeIndex('type'),
  property: typeIndex('property'),
  macro: typeIndex('macro'),
  class: typeIndex('class'),
};
const M = {
  declaration: modifierBit('declaration'), defaultLibrary: modifierBit('defaultLibrary'), readonly: modifierBit('readonly'), deprecated: modifierBit('deprecated'),
};

/** ARGs BuildKit defines on its own (platform and proxy args): shown as built-ins when undeclared. */
const automaticArgs = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);

/** One token before encoding (exported for tests). */
export interface Token {
  line: number;
  character: number;
  length: number;
  type: number;
  modifiers: number;
}

export function dockerfileSemanticTokens(model: DockerfileModel, _ctx: FeatureContext): number[] {
  return encode(collectTokens(model));
}

/** Every token the file's syntax and semantics give, unsorted and possibly overlapping (exported for tests). */
export function collectTokens(model: DockerfileModel): Token[] {
  const tokens: Token[] = [];
  const add = (range: Range | null | undefined, type: number, modifiers = 0): void => {
    // Multi-line tokens need a client capability most editors lack: leave them to the grammar.
    if (!range || range.start.line !== range.end.line || range.end.character <= range.start.character) return;
    tokens.push({ line: range.start.line, character: range.start.character, length: range.end.character - range.start.character, type, modifiers });
  };
  const semantics = semanticsOf(model);

  for (const directive of model.ast.getDirectives()) {
    add(directive.getNameRange(), T.macro);
    add(directive.getValueRange(), T.string);
  }
  for (const comment of model.ast.getComments()) add(comment.getRange(), T.comment);

  for (const instruction of model.ast.getInstructions()) {
    addInstruction(instruction, add);
    if (instruction instanceof Onbuild) {
      const trigger = safe(() => instruction.getTriggerInstruction());
      if (trigger) addInstruction(trigger, add);
    }
  }

  for (const stage of semantics.stages) {
    add(stage.nameRange, T.class, M.declaration);
    if (stage.nameRange) {
      // The `AS` between image and name.
      const args = safe(() => stage.from.getArguments()) ?? [];
      const as = args.find((a) => a.getValue().toUpperCase() === 'AS' && a.getRange().end.character <= stage.nameRange!.start.character && a.getRange().start.line === stage.nameRange!.start.line);
      add(as?.getRange(), T.keyword);
    }
  }
  for (const reference of semantics.stageReferences) {
    if (reference.target) add(reference.range, T.class);
    else if (reference.kind === 'from' && !reference.text.includes('$')) add(reference.range, T.type);
  }
  for (const declaration of semantics.declarations) {
    add(declaration.nameRange, T.variable, M.declaration | (declaration.kind === 'ENV' ? 0 : M.readonly));
  }
  for (const reference of semantics.references) {
    // `${NAME}` is one token; in `${NAME:-word}` the word keeps the grammar's colouring.
    const whole = reference.range.end.line === reference.nameRange.end.line && reference.range.end.character - reference.nameRange.end.character <= 1;
    const span = { start: reference.range.start, end: whole ? reference.range.end : reference.nameRange.end };
    const builtIn = !reference.declaration && automaticArgs.has(reference.name);
    add(span, T.variable, builtIn ? M.defaultLibrary : 0);
  }
  return tokens;
}

type Add = (range: Range | null | undefined, type: number, modifiers?: number) => void;

function addInstruction(instruction: Instruction, add: Add): void {
  add(instruction.getInstructionRange(), T.keyword, instruction.getKeyword() === 'MAINTAINER' ? M.deprecated : 0);
  if (instruction instanceof ModifiableInstruction) {
    for (const flag of safe(() => instruction.getFlags()) ?? []) {
      add({ start: flag.getRange().start, end: flag.getNameRange().end }, T.parameter);
      for (const option of flag.getOptions()) add(option.getNameRange(), T.property);
    }
  }
  if (instruction instanceof Arg || instruction instanceof Env || instruction instanceof Label) {
    for (const property of safe(() => instruction.getProperties()) ?? []) {
      if (instruction instanceof Label) add(property.getNameRange(), T.property);
      add(property.getAssignmentOperatorRange(), T.operator);
      const value = property.getValue();
      if (value && /^["'].*["']$/s.test(value)) add(property.getValueRange(), T.string);
    }
  }
  if (instruction instanceof JSONInstruction && !(instruction instanceof From)) {
    for (const json of safe(() => instruction.getJSONStrings()) ?? []) add(json.getRange(), T.string);
  }
  if (instruction.getKeyword() === 'EXPOSE') {
    for (const argument of safe(() => instruction.getArguments()) ?? []) {
      if (/^\d+(?:-\d+)?(?:\/(?:tcp|udp|sctp))?$/i.test(argument.getValue())) add(argument.getRange(), T.number);
    }
  }
  for (const heredoc of heredocsOf(instruction)) {
    add(heredoc.getStartRange(), T.operator);
    add(heredoc.getDelimiterRange(), T.operator);
  }
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Strings are the background: a `$VAR` inside `"…"` keeps its own token and the string is cut
 * around it. Other overlaps keep the first token. Returns the other tokens in their order, then the
 * strings' pieces in theirs (encode sorts stably, so that order decides which overlapping token
 * wins).
 *
 * Written to make little garbage: the editor asks for every token of the file after each edit, and
 * with the server's 1 MB young generation whatever is still reachable when a scavenge runs is moved
 * to the old generation, which only a full collection empties (docs/performance.md, "Request
 * garbage and the old generation"). Only lines that hold a string get a list of the tokens on them.
 */
function carveStrings(tokens: Token[]): Token[] {
  const result: Token[] = [];
  const solidOnStringLines = new Map<number, Token[]>();
  for (const token of tokens) {
    if (token.type === T.string && !solidOnStringLines.has(token.line)) solidOnStringLines.set(token.line, []);
  }
  for (const token of tokens) {
    if (token.type === T.string) continue;
    result.push(token);
    solidOnStringLines.get(token.line)?.push(token);
  }
  for (const string of tokens) {
    if (string.type !== T.string) continue;
    let start = string.character;
    const end = string.character + string.length;
    const onLine = solidOnStringLines.get(string.line)!;
    const holes = onLine.length === 0 ? onLine : onLine.filter((t) => t.character < end && t.character + t.length > start).sort((a, b) => a.character - b.character);
    for (const hole of holes) {
      if (hole.character > start) result.push(piece(string, start, hole.character - start));
      start = Math.max(start, hole.character + hole.length);
    }
    if (end > start) result.push(start === string.character ? string : piece(string, start, end - start));
  }
  return result;
}

/** Part of a string token (the same shape as every token, so the loops over them stay monomorphic). */
function piece(string: Token, character: number, length: number): Token {
  return { line: string.line, character, length, type: string.type, modifiers: string.modifiers };
}

/**
 * Sorts, drops overlaps (first token at a position wins) and encodes in LSP's relative form. The
 * answer is allocated at its final size (counted first): grown by `push`, a 1,000-line file's
 * 12,000 numbers went through several copies, the last ones large objects that each request left in
 * the old generation. Exported for tests.
 */
export function encode(all: Token[]): number[] {
  const tokens = carveStrings(all);
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  let kept = 0;
  let lastEndLine = -1;
  let lastEnd = 0;
  for (const token of tokens) {
    if (token.line === lastEndLine && token.character < lastEnd) continue;
    kept++;
    lastEndLine = token.line;
    lastEnd = token.character + token.length;
  }
  const data = new Array<number>(kept * 5);
  let at = 0;
  let previousLine = 0;
  let previousChar = 0;
  lastEndLine = -1;
  lastEnd = 0;
  for (const token of tokens) {
    if (token.line === lastEndLine && token.character < lastEnd) continue;
    data[at++] = token.line - previousLine;
    data[at++] = token.line === previousLine ? token.character - previousChar : token.character;
    data[at++] = token.length;
    data[at++] = token.type;
    data[at++] = token.modifiers;
    previousLine = token.line;
    previousChar = token.character;
    lastEndLine = token.line;
    lastEnd = token.character + token.length;
  }
  return data;
}

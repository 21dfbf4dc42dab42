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

interface Token {
  line: number;
  character: number;
  length: number;
  type: number;
  modifiers: number;
}

export function dockerfileSemanticTokens(model: DockerfileModel, _ctx: FeatureContext): number[] {
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
  return encode(tokens);
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
 * around it. Other overlaps keep the first token.
 */
function carveStrings(tokens: Token[]): Token[] {
  const solid = tokens.filter((t) => t.type !== T.string);
  const byLine = new Map<number, Token[]>();
  for (const token of solid) {
    const list = byLine.get(token.line);
    if (list) list.push(token);
    else byLine.set(token.line, [token]);
  }
  const result = [...solid];
  for (const string of tokens) {
    if (string.type !== T.string) continue;
    let start = string.character;
    const end = string.character + string.length;
    const holes = (byLine.get(string.line) ?? []).filter((t) => t.character < end && t.character + t.length > start).sort((a, b) => a.character - b.character);
    for (const hole of holes) {
      if (hole.character > start) result.push({ ...string, character: start, length: hole.character - start });
      start = Math.max(start, hole.character + hole.length);
    }
    if (end > start) result.push({ ...string, character: start, length: end - start });
  }
  return result;
}

/** Sorts, drops overlaps (first token at a position wins) and encodes in LSP's relative form. */
function encode(all: Token[]): number[] {
  const tokens = carveStrings(all);
  tokens.sort((a, b) => a.line - b.line || a.character - b.character);
  const data: number[] = [];
  let previousLine = 0;
  let previousChar = 0;
  let lastEndLine = -1;
  let lastEnd = 0;
  for (const token of tokens) {
    if (token.line === lastEndLine && token.character < lastEnd) continue;
    data.push(token.line - previousLine, token.line === previousLine ? token.character - previousChar : token.character, token.length, token.type, token.modifiers);
    previousLine = token.line;
    previousChar = token.character;
    lastEndLine = token.line;
    lastEnd = token.character + token.length;
  }
  return data;
}

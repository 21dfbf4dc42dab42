import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { buildkitWords, unquoteWord, type BuildkitWord } from '../buildkitWords';
import type { DockerfileModel } from '../model';
import { factsOf, type DockerfileFacts } from './facts';
import { argumentText, parseJsonArray } from './instructionArguments';

/**
 * The sources, destination and flags of a COPY or ADD, read the way BuildKit reads them (see
 * buildkitWords.ts): every COPY/ADD rule asks here, so `COPY "a.sh" /opt/` means `a.sh` to all of
 * them. JSON form is read too; here-documents are not operands.
 */
export interface CopyOperand {
  /** The path after quote and escape removal (variables as written). */
  readonly value: string;
  /** Where the operand is written: the word itself, or the whole array in JSON form. */
  readonly range: Range;
  /** Shell form: the word as written, for edits that must keep its quotes. */
  readonly word?: BuildkitWord;
}

export interface CopyOperands {
  readonly sources: readonly CopyOperand[];
  readonly dest: CopyOperand;
  /** Lower-cased flag names (`from`, `chown`, `link`…). */
  readonly flags: readonly string[];
  /** `--from`'s value with quotes removed, lower-cased: a stage name, index or image. */
  readonly from?: string;
  /** Written as a JSON array. */
  readonly json: boolean;
}

/** Operands of each COPY/ADD, kept by the instruction's position in the file (null = none). */
const operandCache = new WeakMap<DockerfileFacts, (CopyOperands | null | undefined)[]>();

/** Sources and destination of a COPY/ADD; undefined for here-documents, fewer than two operands and broken quotes. */
export function copyOperands(model: DockerfileModel, instruction: Instruction): CopyOperands | undefined {
  const facts = factsOf(model);
  const index = facts.indexOf(instruction);
  if (index < 0) return readCopyOperands(model, facts, instruction);
  let cache = operandCache.get(facts);
  if (!cache) operandCache.set(facts, (cache = new Array(facts.instructions.length)));
  let operands = cache[index];
  if (operands === undefined) {
    operands = readCopyOperands(model, facts, instruction) ?? null;
    cache[index] = operands;
  }
  return operands ?? undefined;
}

interface FlagLike {
  getName(): string;
  getValue(): string | null;
  getValueRange(): Range | null;
}

function readCopyOperands(model: DockerfileModel, facts: DockerfileFacts, instruction: Instruction): CopyOperands | undefined {
  const args = facts.lineArguments(instruction);
  if (args.length === 0) return undefined;
  const escape = facts.semantics.escapeChar;
  const flagObjects = ((instruction as unknown as { getFlags?(): FlagLike[] }).getFlags?.() ?? []);
  const flags = flagObjects.map((f) => f.getName().toLowerCase());
  const fromFlag = flagObjects.find((f) => f.getName().toLowerCase() === 'from');
  const fromRange = fromFlag?.getValueRange();
  const from = fromFlag && fromRange ? unquoteWord(model.document.getText(fromRange), escape).value.toLowerCase() : undefined;
  if (args[0].getValue().startsWith('[')) {
    const found = argumentText(model, facts, instruction);
    const list = found ? parseJsonArray(found.text) : undefined;
    if (!found || !list || list.length < 2) return undefined;
    const operands = list.map((value) => ({ value, range: found.range }));
    return { sources: operands.slice(0, -1), dest: operands[operands.length - 1], flags, from, json: true };
  }
  if (args.length < 2 || facts.heredocsOf(instruction).length > 0) return undefined;
  const words = buildkitWords(model, args, escape);
  // A quote left open (`"C:\Program Files\x"` is split at the space): BuildKit fails, instruction-arguments says so.
  if (words.some((word) => !word.complete)) return undefined;
  const operands = words.map((word) => ({ value: word.value, range: word.range, word }));
  return { sources: operands.slice(0, -1), dest: operands[operands.length - 1], flags, from, json: false };
}

import type { Instruction } from 'dockerfile-ast';

/**
 * Finds an instruction's position in its file without a Map keyed by instruction: a binary
 * search over the instructions' start lines, confirmed by identity. Building several such Maps
 * per check cost more than the lookups they served. Answers -1 for an instruction of another
 * parse; should two instructions ever share a start line, a Map built on demand takes over.
 */
export type InstructionIndexer = (instruction: Instruction) => number;

export function instructionIndexer(instructions: readonly Instruction[], starts: readonly number[] = instructions.map((i) => i.getRange().start.line)): InstructionIndexer {
  let fallback: Map<Instruction, number> | undefined;
  // Rules mostly walk instructions in file order: try where the last lookup ended (and the next one) first.
  let hint = 0;
  return (instruction) => {
    if (instructions[hint] === instruction) return hint;
    if (instructions[hint + 1] === instruction) return ++hint;
    const line = instruction.getRange().start.line;
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = starts[mid];
      if (start < line) low = mid + 1;
      else if (start > line) high = mid - 1;
      else if (instructions[mid] === instruction) return (hint = mid);
      else break;
    }
    if (!fallback) {
      fallback = new Map();
      instructions.forEach((candidate, index) => fallback!.set(candidate, index));
    }
    return fallback.get(instruction) ?? -1;
  };
}

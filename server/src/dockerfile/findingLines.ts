import type { Finding } from '../common/rules';
import type { Localized } from '../common/localized';

/**
 * Findings whose message names a line of the file ("used before its ARG on line 12"). The stage
 * findings (stageFindings.ts) are kept relative to their stage and moved to wherever the stage is
 * in the next version: a message that spelled out the line it was found at would then name a stale
 * line. Such a finding carries the way its message is written, and moving the finding writes it
 * again for the new lines.
 */
const writers = new WeakMap<Finding, (shift: number) => Localized>();

/**
 * The finding, its message written by `write(0)`; `write(n)` must give the message of the same
 * finding moved down by `n` lines (negative: up).
 */
export function withLinesInMessage(finding: Omit<Finding, 'message'>, write: (shift: number) => Localized): Finding {
  const written: Finding = { ...finding, message: write(0) };
  writers.set(written, write);
  return written;
}

/**
 * The message of `finding` moved by `lines`, and how to move it again; a message without line
 * numbers stays as it is.
 */
export function movedMessage(finding: Finding, lines: number): { message: Localized; write?: (shift: number) => Localized } {
  const write = writers.get(finding);
  if (!write || lines === 0) return { message: finding.message, write };
  return { message: write(lines), write: (shift) => write(shift + lines) };
}

/** Records how the message of a moved copy is written (see movedMessage). */
export function keepWriter(finding: Finding, write: ((shift: number) => Localized) | undefined): void {
  if (write) writers.set(finding, write);
}

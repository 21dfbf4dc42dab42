import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleNames, type RuleMeta } from '../common/rules';
import { isBuildkitCheck } from '../config/ruleConfig';
import type { DockerfileModel } from './model';
import { factsOf, type DockerfileFacts } from './rules/facts';
import { perModel } from './perModel';

/**
 * Comments that switch rules off, ours and the peers' (so teams keep the pragmas they have):
 *
 *   # stevedore-ignore <id>[,<id>…]      next instruction only; with no ids, every rule
 *   # stevedore-ignore-file <id>[,<id>…]  whole file; with no ids, every rule
 *   # hadolint ignore=DL3008,DL3009       next instruction (hadolint's inline pragma)
 *   # hadolint global ignore=DL3008       whole file
 *   # check=skip=StageNameCasing,…        parser directive: BuildKit checks off for the file
 *   # check=skip=all                      every BuildKit check off
 *   # check=error=true                    BuildKit checks become errors (see config/ruleConfig)
 *
 * "Next instruction" means the comment is in the block of comment lines directly above it.
 * Names are rule ids, aliases (DL codes, BuildKit names) or groups, case-insensitive.
 */
export interface Suppressions {
  /** Every rule is off in this file. */
  allRules: boolean;
  /** Every BuildKit-aliased rule is off (`check=skip=all`). */
  allBuildkitChecks: boolean;
  /** Lower-cased names switched off for the file. */
  fileNames: Set<string>;
  /** Instruction start line → lower-cased names ("*" = every rule) off for that instruction. */
  byInstructionLine: Map<number, Set<string>>;
  /** `# check=error=true`. */
  buildkitChecksAreErrors: boolean;
}

const everyRule = '*';
const stevedoreLine = /^#\s*stevedore-ignore(?!-)(?:\s+(.*))?$/i;
const stevedoreFile = /^#\s*stevedore-ignore-file(?:\s+(.*))?$/i;
const hadolintLine = /^#\s*hadolint\s+ignore\s*=\s*(.*)$/i;
const hadolintGlobal = /^#\s*hadolint\s+global\s+ignore\s*=\s*(.*)$/i;

function names(list: string | undefined): string[] {
  if (!list) return [];
  // Allow "a,b", "a, b" and "a b"; stop at a second "#" so a trailing remark does not become a name.
  return list.split('#')[0].split(/[\s,]+/).map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0 && n.length < 100);
}

const cached = perModel((model): Suppressions => readSuppressions(factsOf(model)));

export function suppressionsOf(model: DockerfileModel): Suppressions {
  return cached(model);
}

function readSuppressions(facts: DockerfileFacts): Suppressions {
  const result: Suppressions = { allRules: false, allBuildkitChecks: false, fileNames: new Set(), byInstructionLine: new Map(), buildkitChecksAreErrors: false };
  for (const directive of facts.directives) {
    if (directive.name !== 'check') continue;
    for (const part of directive.value.split(';')) {
      const [key, value = ''] = part.split('=', 2).map((s) => s.trim());
      if (key.toLowerCase() === 'skip') {
        for (const name of names(value)) {
          if (name === 'all') result.allBuildkitChecks = true;
          else result.fileNames.add(name);
        }
      } else if (key.toLowerCase() === 'error') {
        result.buildkitChecksAreErrors = value.toLowerCase() === 'true';
      }
    }
  }
  for (let i = 0; i < facts.instructions.length; i++) {
    const instruction = facts.instructions[i];
    const start = instruction.getRange().start.line;
    for (let line = start - 1; line >= 0; line--) {
      const text = facts.commentText(line);
      if (text === undefined) break;
      const lineNames = lineSuppression(text);
      if (!lineNames) continue;
      let set = result.byInstructionLine.get(start);
      if (!set) result.byInstructionLine.set(start, (set = new Set()));
      for (const name of lineNames) set.add(name);
    }
  }
  for (let line = 0; line < facts.lineCount; line++) {
    const text = facts.commentText(line);
    if (text === undefined) continue;
    let match = stevedoreFile.exec(text);
    if (match) {
      const list = names(match[1]);
      if (list.length === 0) result.allRules = true;
      for (const name of list) result.fileNames.add(name);
      continue;
    }
    match = hadolintGlobal.exec(text);
    if (match) for (const name of names(match[1])) result.fileNames.add(name);
  }
  return result;
}

function lineSuppression(text: string): string[] | undefined {
  const ours = stevedoreLine.exec(text);
  if (ours) {
    const list = names(ours[1]);
    return list.length ? list : [everyRule];
  }
  const hadolint = hadolintLine.exec(text);
  return hadolint ? names(hadolint[1]) : undefined;
}

/** Is a finding of this rule at this line switched off by a comment or a check directive? */
export function isSuppressed(model: DockerfileModel, meta: RuleMeta, line: number): boolean {
  const suppressions = suppressionsOf(model);
  if (suppressions.allRules) return true;
  if (suppressions.allBuildkitChecks && isBuildkitCheck(meta)) return true;
  const ruleAnswersTo = ruleNames(meta);
  if (ruleAnswersTo.some((name) => suppressions.fileNames.has(name))) return true;
  const instruction = factsOf(model).instructionAtLine(line);
  if (!instruction) return false;
  const set = suppressions.byInstructionLine.get(instruction.getRange().start.line);
  return !!set && (set.has(everyRule) || ruleAnswersTo.some((name) => set.has(name)));
}

/** Drops the diagnostics that comments switch off; `metaOf` finds a diagnostic's rule. */
export function withoutSuppressed(model: DockerfileModel, diagnostics: Diagnostic[], metaOf: (code: string) => RuleMeta | undefined): Diagnostic[] {
  const suppressions = suppressionsOf(model);
  if (!suppressions.allRules && !suppressions.allBuildkitChecks && suppressions.fileNames.size === 0 && suppressions.byInstructionLine.size === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => {
    const meta = metaOf(String(diagnostic.code));
    return !meta || !isSuppressed(model, meta, diagnostic.range.start.line);
  });
}

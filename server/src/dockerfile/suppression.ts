import type { Diagnostic } from 'vscode-languageserver-types';
import { ruleNames, type RuleMeta } from '../common/rules';
import { isBuildkitCheckName } from '../config/ruleConfig';
import { experimentalBuildChecks, fileScopedBuildChecks } from './docs/checks';
import type { DockerfileModel } from './model';
import { factsOf, type DockerfileFacts } from './rules/facts';
import { perModel } from './perModel';

/**
 * Comments that switch rules off, ours and the peers' (so teams keep the pragmas they have):
 *
 *   # stevedore-ignore <id>[,<id>…]      next instruction only; with no ids, every rule
 *   # stevedore-ignore-file <id>[,<id>…]  whole file; with no ids, every rule
 *   # hadolint ignore=DL3008,DL3009       next instruction (hadolint's inline pragma)
 *   # hadolint stage ignore=DL3011        from the next instruction to the end of its stage
 *   # hadolint global ignore=DL3008       whole file
 *   # check=skip=StageNameCasing,…        at the top of the file (a parser directive): for the file;
 *                                         in the comments above an instruction: that instruction only
 *   # check=skip=all                      every BuildKit check off (file or instruction)
 *   # check=error=true                    BuildKit checks become errors (top of the file only)
 *   # check=experimental=<name>|all       turns experimental BuildKit checks on
 *
 * "Next instruction" means the comment is in the block of comment lines directly above it.
 * Names are rule ids, aliases (DL codes, BuildKit names) or groups, case-insensitive.
 * `.hadolint.yaml`'s `disable-ignore-pragma: true` makes the three hadolint pragmas inert.
 */
export interface Suppressions {
  /** Every rule is off in this file (`# stevedore-ignore-file` with no ids). */
  allRules: boolean;
  /** The top-of-file `# check=` directive. */
  fileChecks: CheckOptions;
  /** Lower-cased names switched off for the file by `# stevedore-ignore-file`. */
  fileNames: Set<string>;
  /** Instruction start line → lower-cased names ("*" = every rule) off for that instruction (`# stevedore-ignore`). */
  byInstructionLine: Map<number, Set<string>>;
  /** The same three scopes from hadolint's pragmas, kept apart for `disable-ignore-pragma`. */
  hadolint: {
    fileNames: Set<string>;
    byInstructionLine: Map<number, Set<string>>;
    /** `stage ignore=`: the names are off from line `from` to line `to` (inclusive). */
    stages: { from: number; to: number; names: Set<string> }[];
    /** Lines of `# hadolint ignore=` pragmas (what DL1001 reports). */
    inlinePragmaLines: number[];
  };
  /** Instruction start line → the `# check=` comment among the comments above it (BuildKit's PrevComment). */
  checksByInstructionLine: Map<number, CheckOptions>;
  /** `# check=error=true`. */
  buildkitChecksAreErrors: boolean;
}

/** What a `# check=` value says, BuildKit's ParseLintOptions; names lower-cased. */
export interface CheckOptions {
  skipAll: boolean;
  skip: Set<string>;
  experimentalAll: boolean;
  experimental: Set<string>;
  error: boolean;
}

const noChecks = (): CheckOptions => ({ skipAll: false, skip: new Set(), experimentalAll: false, experimental: new Set(), error: false });

const everyRule = '*';
const stevedoreLine = /^#\s*stevedore-ignore(?!-)(?:\s+(.*))?$/i;
const stevedoreFile = /^#\s*stevedore-ignore-file(?:\s+(.*))?$/i;
const hadolintLine = /^#\s*hadolint\s+ignore\s*=\s*(.*)$/i;
const hadolintStage = /^#\s*hadolint\s+stage\s+ignore\s*=\s*(.*)$/i;
const hadolintGlobal = /^#\s*hadolint\s+global\s+ignore\s*=\s*(.*)$/i;
/** BuildKit's directive syntax after the `#`: a name, `=`, a value. */
const directiveSyntax = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const knownDirectives = new Set(['syntax', 'escape', 'check']);

function names(list: string | undefined): string[] {
  if (!list) return [];
  // Allow "a,b", "a, b" and "a b"; stop at a second "#" so a trailing remark does not become a name.
  return list.split('#')[0].split(/[\s,]+/).map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0 && n.length < 100);
}

function nameList(value: string): Set<string> {
  return new Set(value.split(',').map((n) => n.trim().toLowerCase()).filter((n) => n.length > 0));
}

/**
 * BuildKit's ParseLintOptions over a directive value: only the text before the first space counts
 * (so `skip=X // why` works), up to three `;`-separated `key=value` parts; an unknown key or a bad
 * `error` value makes BuildKit drop the whole comment (at the top it fails the build).
 */
export function parseCheckOptions(value: string): CheckOptions | undefined {
  const text = value.trim().split(' ')[0];
  const options = noChecks();
  if (text === '') return options;
  const parts = text.split(';');
  if (parts.length > 3) parts.splice(2, parts.length - 2, parts.slice(2).join(';'));
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals < 0) return undefined;
    const key = part.slice(0, equals).trim();
    const raw = part.slice(equals + 1).trim();
    if (key === 'skip') {
      if (raw === 'all') options.skipAll = true;
      else options.skip = nameList(raw);
    } else if (key === 'experimental') {
      if (raw === 'all') options.experimentalAll = true;
      else options.experimental = nameList(raw);
    } else if (key === 'error') {
      const truth = /^(1|t|true)$/i.exec(raw) ? true : /^(0|f|false)$/i.exec(raw) ? false : undefined;
      if (truth === undefined) return undefined;
      options.error = truth;
    } else {
      return undefined;
    }
  }
  return options;
}

/**
 * The top-of-file `# check=` directive as BuildKit finds it: after a byte-order mark and a `#!`
 * line, only the leading run of `# name=value` lines with a known name (syntax, escape, check)
 * counts; a blank line, an ordinary comment or an instruction ends it.
 */
function topCheckDirective(facts: DockerfileFacts): string | undefined {
  let line = 0;
  const firstLine = (facts.lineText(0) ?? '').replace(/^\uFEFF/, '');
  if (firstLine.startsWith('#!')) line = 1;
  for (; line < facts.lineCount; line++) {
    const text = line === 0 ? firstLine : facts.lineText(line)!;
    if (!text.startsWith('#')) return undefined;
    const match = directiveSyntax.exec(text.slice(1).trimStart());
    if (!match || !knownDirectives.has(match[1].toLowerCase())) return undefined;
    if (match[1].toLowerCase() === 'check') return match[2];
  }
  return undefined;
}

/**
 * The lines BuildKit's parser takes as parser directives (and so keeps out of the comments above the
 * first instruction): the leading run of `# name=value` lines with a known name, indentation allowed.
 */
function leadingDirectiveLines(facts: DockerfileFacts): number {
  let line = 0;
  const seen = new Set<string>();
  for (; line < facts.lineCount; line++) {
    const text = (facts.lineText(line) ?? '').replace(/^\uFEFF/, '').trimStart();
    if (!text.startsWith('#')) break;
    const match = directiveSyntax.exec(text.slice(1).trimStart());
    const name = match?.[1].toLowerCase();
    if (!name || !knownDirectives.has(name) || seen.has(name)) break;
    seen.add(name);
  }
  return line;
}

/**
 * BuildKit's PrevComment of each instruction: the comment lines since the previous instruction,
 * `#` and surrounding blanks removed (blank lines do not interrupt them, an empty `#` starts them
 * again), parser directives excluded. Keyed by the instruction's start line; instructions without
 * comments are absent.
 */
function commentsAboveInstructions(facts: DockerfileFacts): Map<number, string[]> {
  const result = new Map<number, string[]>();
  const firstFree = leadingDirectiveLines(facts);
  let previousEnd = firstFree - 1;
  for (const instruction of facts.instructions) {
    const range = instruction.getRange();
    let comments: string[] = [];
    for (let line = Math.max(previousEnd + 1, firstFree); line < range.start.line; line++) {
      const text = facts.commentText(line);
      if (text === undefined) continue;
      const body = text.slice(1).trim();
      if (body === '') comments = [];
      else comments.push(body);
    }
    if (comments.length > 0) result.set(range.start.line, comments);
    previousEnd = Math.max(previousEnd, range.end.line);
  }
  return result;
}

const cachedComments = perModel((model): Map<number, string[]> => commentsAboveInstructions(factsOf(model)));

/** The comments BuildKit attaches to the instruction starting at `line` (see commentsAboveInstructions). */
export function commentsAbove(model: DockerfileModel, line: number): readonly string[] {
  return cachedComments(model).get(line) ?? [];
}

/** The first `# check=` directive among each instruction's comments: it applies to that instruction. */
function checkCommentsAbove(comments: Map<number, string[]>): Map<number, CheckOptions> {
  const result = new Map<number, CheckOptions>();
  for (const [line, list] of comments) {
    for (const comment of list) {
      const match = directiveSyntax.exec(comment);
      if (!match || match[1].toLowerCase() !== 'check') continue;
      const options = parseCheckOptions(match[2]);
      if (options) result.set(line, options);
      break;
    }
  }
  return result;
}

const cached = perModel((model): Suppressions => readSuppressions(model, factsOf(model)));

export function suppressionsOf(model: DockerfileModel): Suppressions {
  return cached(model);
}

function addAll(map: Map<number, Set<string>>, line: number, list: readonly string[]): void {
  let set = map.get(line);
  if (!set) map.set(line, (set = new Set()));
  for (const name of list) set.add(name);
}

/**
 * Reads only the comment lines (`facts.commentLines`): a large file has few, and a check used to
 * read every line and walk up from every instruction to find them.
 */
function readSuppressions(model: DockerfileModel, facts: DockerfileFacts): Suppressions {
  const topValue = topCheckDirective(facts);
  const fileChecks = (topValue !== undefined ? parseCheckOptions(topValue) : undefined) ?? noChecks();
  const comments = facts.commentLines;
  // A `# check=` comment names `check`: without such a comment line there is nothing to read above the instructions.
  const anyCheckComment = comments.some((line) => /check/i.test(facts.commentText(line)!));
  const result: Suppressions = {
    allRules: false, fileChecks, fileNames: new Set(), byInstructionLine: new Map(),
    hadolint: { fileNames: new Set(), byInstructionLine: new Map(), stages: [], inlinePragmaLines: [] },
    checksByInstructionLine: anyCheckComment ? checkCommentsAbove(cachedComments(model)) : new Map(), buildkitChecksAreErrors: fileChecks.error,
  };
  for (let c = 0; c < comments.length; c++) {
    const line = comments[c];
    const text = facts.commentText(line)!;
    const ours = stevedoreLine.exec(text);
    const theirs = ours ? null : hadolintLine.exec(text);
    if (ours || theirs) {
      // An ignore comment applies to an instruction when only comment lines lie between them.
      const list = ours ? names(ours[1]) : names(theirs![1]);
      for (const start of instructionsBelowComments(facts, comments, c)) {
        if (ours) addAll(result.byInstructionLine, start, list.length ? list : [everyRule]);
        else addAll(result.hadolint.byInstructionLine, start, list);
      }
      continue;
    }
    let match = stevedoreFile.exec(text);
    if (match) {
      const list = names(match[1]);
      if (list.length === 0) result.allRules = true;
      for (const name of list) result.fileNames.add(name);
      continue;
    }
    match = hadolintGlobal.exec(text);
    if (match) {
      for (const name of names(match[1])) result.hadolint.fileNames.add(name);
      continue;
    }
    match = hadolintStage.exec(text);
    if (match) {
      const scope = stageScopeAfter(facts, line);
      if (scope) result.hadolint.stages.push({ ...scope, names: new Set(names(match[1])) });
    }
  }
  // The `# hadolint ignore=` lines, whatever follows them (DL1001 reports each).
  for (const line of comments) if (hadolintLine.test(facts.commentText(line)!)) result.hadolint.inlinePragmaLines.push(line);
  return result;
}

/**
 * The start lines of the instructions that the comment line `comments[c]` sits above: every line
 * from it to the instruction's start is a comment line (the block of comments right above it).
 * Normally one instruction or none.
 */
function instructionsBelowComments(facts: DockerfileFacts, comments: readonly number[], c: number): number[] {
  const line = comments[c];
  const starts = facts.startLines;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= line) low = mid + 1;
    else high = mid;
  }
  const found: number[] = [];
  for (let k = low; k < starts.length; k++) {
    const start = starts[k];
    // Lines line..start-1 are all comment lines: the sorted list holds start-1 exactly that far on.
    if (comments[c + (start - 1 - line)] !== start - 1) break;
    found.push(start);
    // A later instruction's block reaches this comment only through a start line that is a comment line.
    if (comments[c + (start - line)] !== start) break;
  }
  return found;
}

/** From the first instruction after `line` to the line before the next FROM (or the end of the file). */
function stageScopeAfter(facts: DockerfileFacts, line: number): { from: number; to: number } | undefined {
  const { instructions, keywords } = facts;
  let k = 0;
  while (k < instructions.length && instructions[k].getRange().start.line <= line) k++;
  if (k >= instructions.length) return undefined;
  const from = instructions[k].getRange().start.line;
  let next = k + 1;
  while (next < instructions.length && keywords[next] !== 'FROM') next++;
  const to = next < instructions.length ? instructions[next].getRange().start.line - 1 : facts.lineCount;
  return { from, to };
}

/** How a `.hadolint.yaml` and the rule registry shape suppression for one run. */
export interface SuppressionOptions {
  /** `.hadolint.yaml`'s `disable-ignore-pragma`. */
  hadolintPragmasDisabled?: boolean;
}

/** The rule's BuildKit check names (aliases and groups), lower-cased. */
function buildkitNamesOf(meta: RuleMeta): string[] {
  return [...meta.aliases, ...(meta.groups ?? [])].filter(isBuildkitCheckName).map((name) => name.toLowerCase());
}

/** Is a BuildKit check on under these options? Experimental checks answer only to `experimental=`. */
function checkSkipped(options: CheckOptions, buildkitNames: readonly string[], answersTo: readonly string[]): boolean {
  if (buildkitNames.some((name) => experimentalBuildChecks.has(name))) return false;
  if (options.skipAll && buildkitNames.length > 0) return true;
  return answersTo.some((name) => options.skip.has(name));
}

/** Is an experimental BuildKit check switched on for the instruction starting at `line` (or the file)? */
export function experimentalCheckEnabled(model: DockerfileModel, checkName: string, line?: number): boolean {
  const suppressions = suppressionsOf(model);
  const name = checkName.toLowerCase();
  const on = (options: CheckOptions | undefined) => !!options && (options.experimentalAll || options.experimental.has(name));
  return on(suppressions.fileChecks) || (line !== undefined && on(suppressions.checksByInstructionLine.get(line)));
}

/** Is a finding of this rule at this line switched off by a comment or a check directive? */
export function isSuppressed(model: DockerfileModel, meta: RuleMeta, line: number, options: SuppressionOptions = {}): boolean {
  const suppressions = suppressionsOf(model);
  if (suppressions.allRules) return true;
  const answersTo = ruleNames(meta);
  const buildkitNames = buildkitNamesOf(meta);
  if (checkSkipped(suppressions.fileChecks, buildkitNames, answersTo)) return true;
  if (answersTo.some((name) => suppressions.fileNames.has(name))) return true;
  const hadolint = options.hadolintPragmasDisabled ? undefined : suppressions.hadolint;
  if (hadolint && answersTo.some((name) => hadolint.fileNames.has(name))) return true;
  if (hadolint?.stages.some((stage) => line >= stage.from && line <= stage.to && answersTo.some((name) => stage.names.has(name)))) return true;
  const instruction = factsOf(model).instructionAtLine(line);
  if (!instruction) return false;
  const start = instruction.getRange().start.line;
  const ours = suppressions.byInstructionLine.get(start);
  if (ours && (ours.has(everyRule) || answersTo.some((name) => ours.has(name)))) return true;
  const theirs = hadolint?.byInstructionLine.get(start);
  if (theirs && answersTo.some((name) => theirs.has(name))) return true;
  // BuildKit applies a `# check=` comment above an instruction to the checks it runs on that
  // instruction, not to the checks it runs over the whole file once.
  const local = suppressions.checksByInstructionLine.get(start);
  const fileScoped = buildkitNames.some((name) => fileScopedBuildChecks.has(name));
  return !!local && !fileScoped && checkSkipped(local, buildkitNames, answersTo);
}

/** Drops the diagnostics that comments switch off; `metaOf` finds a diagnostic's rule. */
export function withoutSuppressed(model: DockerfileModel, diagnostics: Diagnostic[], metaOf: (code: string) => RuleMeta | undefined, options: SuppressionOptions = {}): Diagnostic[] {
  const s = suppressionsOf(model);
  const checks = s.fileChecks;
  const nothing = !s.allRules && !checks.skipAll && checks.skip.size === 0 && s.fileNames.size === 0 && s.byInstructionLine.size === 0
    && s.checksByInstructionLine.size === 0
    && (options.hadolintPragmasDisabled || (s.hadolint.fileNames.size === 0 && s.hadolint.byInstructionLine.size === 0 && s.hadolint.stages.length === 0));
  if (nothing) return diagnostics;
  return diagnostics.filter((diagnostic) => {
    const meta = metaOf(String(diagnostic.code));
    return !meta || !isSuppressed(model, meta, diagnostic.range.start.line, options);
  });
}

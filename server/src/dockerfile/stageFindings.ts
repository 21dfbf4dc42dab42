import type { Argument, Instruction } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { toDiagnostic, type Finding, type Rule, type RuleSeverity } from '../common/rules';
import type { SeverityName } from '../common/settings';
import { keepWriter, movedMessage } from './findingLines';
import { parseDockerfile, type DockerfileModel } from './model';
import type { DockerfileRuleSubject } from './rules/context';
import { keywordsOf } from './semantic';

/**
 * Findings of instruction- and stage-scoped rules (`RuleMeta.scope`) kept per stage, so that after
 * an edit only the stages whose inputs changed are checked again (a 5,000-line Dockerfile of 250
 * stages re-checked after one keystroke). File-scoped rules run over the whole file as before.
 *
 * The file is cut into pieces at stage boundaries: the text before the first FROM (the header:
 * directives, global ARGs), then one piece per stage, from the line after the previous stage's last
 * instruction (comments above a FROM belong to its stage) to the end of its own last instruction.
 * A stage's findings are a function of its inputs (see `scope`): the header, the pieces of the
 * stages it builds on (`FROM <stage>`, followed back), its own piece, whether it ships, and the run's context
 * (settings, project facts, file, language). They are kept under those texts and reused while
 * they are unchanged, moved to the stage's current first line (whole lines are cut, so only lines
 * move). A stage whose inputs changed is checked on its own: a small Dockerfile made of the header,
 * the stages it builds on and the stage itself (then a stage after it, when it does not ship), whose
 * findings on the stage's lines are its findings.
 *
 * Results are the same as a check from scratch (test/unit/dockerfile/incrementalDiagnostics.test.ts
 * compares them after random edits of the corpus). Guards that keep them so whatever a rule does:
 * a piece re-parsed alone must give the instructions the whole file gave it (else the file is
 * checked from scratch); a rule whose findings, from the whole file, do not come stage by stage in
 * file order, fall outside the piece they were found in, or that throws, is run over the whole
 * file from then on.
 */

export type DockerfileRule = Rule<DockerfileRuleSubject>;

/** One piece of the file: the header (stage -1) or a stage; lines inclusive. */
interface Piece {
  stage: number;
  firstLine: number;
  lastLine: number;
  /** Its text, whole lines with their line breaks (the last piece may end without one). */
  text: string;
  /** Stages this one builds on (candidates by name, followed back), in file order. */
  bases: number[];
  /**
   * Its layers ship: the last stage or one it builds on, as shell.ts marks stages `shipped`. A stage
   * that does not ship is checked alone with a stage after it, so that it does not ship there either.
   */
  ships: boolean;
  /** The file's instructions in the piece. */
  instructions: Instruction[];
  /** The id of its text (see FileState.kept). */
  textId: number;
  /** Text ids of the bases and the piece: the piece's key, with the header in the state's. */
  key: string;
}

interface Layout {
  header: Piece | undefined;
  stages: Piece[];
}

export const stageFindingsTuning = {
  /** Files with fewer stages are checked whole: nothing to gain from cutting them. */
  minStages: 3,
  /** A check with more stages to re-check than this runs the rules over the whole file once. */
  maxStagesCheckedAlone: 6,
};

/** Settings, project, file, language, header and rules: findings are reused only under the same ones. */
interface FileState {
  settings: unknown;
  project: unknown;
  workspace: unknown;
  filePath: string | undefined;
  lang: string;
  header: string;
  /** The reusable rules that ran, in order: each kept piece has the findings of exactly these. */
  rules: readonly DockerfileRule[];
  /**
   * The last version's pieces (header first) and their text ids, so keys stay short however long a
   * chain of stages is: pieces of equal ids have equal texts (see assignTextIds).
   */
  kept: { texts: string[]; ids: number[] };
  nextId: number;
  /** By piece key: the rules that found something there, with lines counted from the piece's first line. */
  pieces: Map<string, Map<DockerfileRule, Finding[]>>;
}

const maxFiles = 16;
const files = new Map<string, FileState>();

/** Rules seen breaking their declared scope (order, ranges, a crash): they run over the whole file. */
export const fileWideRules = new WeakSet<DockerfileRule>();

/** Pieces reused or checked alone, and checks that ran the rules over the whole file (tests read them). */
export const stageFindingsCounts = { reused: 0, checkedAlone: 0, wholeFile: 0 };

export function isReusable(rule: DockerfileRule): boolean {
  return (rule.meta.scope === 'stage' || rule.meta.scope === 'instruction') && !fileWideRules.has(rule);
}

type Enabled = { rule: DockerfileRule; severity: RuleSeverity };

/**
 * What `RuleRegistry.run` answers for `rules` over `subject` (same diagnostics, same order), reusing
 * the findings of unchanged stages where the rules' scopes allow it.
 */
export function runDockerfileRules(
  rules: readonly DockerfileRule[], subject: DockerfileRuleSubject, severityOf: (rule: DockerfileRule) => SeverityName,
  onRuleError?: (rule: DockerfileRule, error: unknown) => void,
): Diagnostic[] {
  // Index loops that build plain arrays of one shape: this runs once per keystroke, and the
  // filter/map chain it replaces made arrays whose elements kind differed from run to run (the
  // optimised runner deoptimised on them, "wrong map", and was compiled again).
  const enabled: Enabled[] = [];
  const reusable: DockerfileRule[] = [];
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const severity = severityOf(rule);
    if (severity === 'off') continue;
    enabled.push({ rule, severity });
    if (isReusable(rule)) reusable.push(rule);
  }
  const layout = reusable.length > 0 ? layoutOf(subject.model) : undefined;
  if (!layout) return runWhole(enabled, subject, onRuleError);

  const state = stateFor(subject, layout, reusable);
  const pieces = layout.header ? [layout.header, ...layout.stages] : layout.stages;
  assignTextIds(state, pieces);
  const missing: Piece[] = [];
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    piece.key = keyOf(piece, layout);
    if (!state.pieces.has(piece.key)) missing.push(piece);
  }
  // A reusable rule that broke its scope in this run: its findings over the whole file, reported in its turn.
  const wholeRuns = new Map<DockerfileRule, Finding[]>();

  if (missing.length > stageFindingsTuning.maxStagesCheckedAlone || missing.length === pieces.length) {
    // Many stages to check, or all of them (the first check, the CLI's only one, a pasted block):
    // the rules run once over the whole file and their findings are cut by piece, in place of
    // parsing and checking the stages one by one.
    checkWholeAndSplit(state, pieces, missing, reusable, subject, wholeRuns, onRuleError);
  } else {
    stageFindingsCounts.reused += pieces.length - missing.length;
    for (const piece of missing) {
      const found = checkAlone(piece, layout, subject, reusable);
      // The piece does not parse alone as it does in the file: check the whole file from scratch.
      if (!found) return runWhole(enabled, subject, onRuleError);
      const kept = new Map<DockerfileRule, Finding[]>();
      for (const [rule, findings] of found) {
        if (findings === undefined) fileWideRules.add(rule);
        else if (findings.length > 0) kept.set(rule, findings);
      }
      state.pieces.set(piece.key, kept);
    }
  }

  forgetOtherVersions(state, pieces);
  return gatherDiagnostics(state, pieces, enabled, wholeRuns, subject, onRuleError);
}

/**
 * The whole-file path of runDockerfileRules (kept apart so the per-keystroke path stays a small
 * function that compiles fast): each reusable rule once over the whole file, its findings cut by
 * piece and kept for the missing pieces; a rule that throws or breaks its scope goes to `wholeRuns`.
 */
function checkWholeAndSplit(
  state: FileState, pieces: readonly Piece[], missing: readonly Piece[], reusable: readonly DockerfileRule[], subject: DockerfileRuleSubject,
  wholeRuns: Map<DockerfileRule, Finding[]>, onRuleError?: (rule: DockerfileRule, error: unknown) => void,
): void {
  stageFindingsCounts.wholeFile++;
  // When every piece is checked in this run, a split rule's whole-file findings are what its pieces
  // moved back would give (same findings, same order): reported as they are, without a second copy.
  const allFresh = missing.length === pieces.length;
  const fresh = missing.map(() => new Map<DockerfileRule, Finding[]>());
  const indexOfMissing = new Map(missing.map((piece, index) => [piece, index]));
  for (const rule of reusable) {
    const findings: Finding[] = [];
    try {
      rule.check(subject, (finding) => findings.push(finding));
    } catch (error) {
      fileWideRules.add(rule);
      wholeRuns.set(rule, findings);
      onRuleError?.(rule, error);
      continue;
    }
    const split = splitByPiece(findings, pieces);
    if (!split) {
      fileWideRules.add(rule);
      wholeRuns.set(rule, findings);
      continue;
    }
    split.forEach((found, index) => {
      const at = indexOfMissing.get(pieces[index]);
      if (at !== undefined && found !== undefined) fresh[at].set(rule, found);
    });
    if (allFresh) wholeRuns.set(rule, findings);
  }
  missing.forEach((piece, index) => state.pieces.set(piece.key, fresh[index]));
}

/** The diagnostics in the registry's order: kept findings moved to their pieces, the other rules run over the whole file. */
function gatherDiagnostics(
  state: FileState, pieces: readonly Piece[], enabled: readonly Enabled[], wholeRuns: ReadonlyMap<DockerfileRule, Finding[]>,
  subject: DockerfileRuleSubject, onRuleError?: (rule: DockerfileRule, error: unknown) => void,
): Diagnostic[] {
  // Each reused rule's findings in piece order: a few lists, gathered in one pass over the pieces
  // (most pieces have no findings at all: their empty map is not iterated).
  const byRule = new Map<DockerfileRule, { piece: Piece; findings: Finding[] }[]>();
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    const found = state.pieces.get(piece.key)!;
    if (found.size === 0) continue;
    for (const [rule, findings] of found) {
      let list = byRule.get(rule);
      if (!list) byRule.set(rule, (list = []));
      list.push({ piece, findings });
    }
  }
  const diagnostics: Diagnostic[] = [];
  const lang = subject.ctx.lang;
  for (let r = 0; r < enabled.length; r++) {
    const { rule, severity } = enabled[r];
    const whole = wholeRuns.get(rule);
    if (whole) {
      for (const finding of whole) diagnostics.push(toDiagnostic(rule.meta, severity, finding, lang));
    } else if (!isReusable(rule)) {
      try {
        rule.check(subject, (finding) => diagnostics.push(toDiagnostic(rule.meta, severity, finding, lang)));
      } catch (error) {
        onRuleError?.(rule, error);
      }
    } else {
      const lists = byRule.get(rule);
      if (lists === undefined) continue;
      for (const { piece, findings } of lists) {
        for (const finding of findings) diagnostics.push(toDiagnostic(rule.meta, severity, moved(finding, piece.firstLine), lang));
      }
    }
  }
  return diagnostics;
}

/** The registry's loop: every enabled rule over the whole file, a crashing rule reported once. */
function runWhole(enabled: readonly Enabled[], subject: DockerfileRuleSubject, onRuleError?: (rule: DockerfileRule, error: unknown) => void): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { rule, severity } of enabled) {
    try {
      rule.check(subject, (finding) => diagnostics.push(toDiagnostic(rule.meta, severity, finding, subject.ctx.lang)));
    } catch (error) {
      onRuleError?.(rule, error);
    }
  }
  return diagnostics;
}

/**
 * The whole file's findings of one rule, cut by piece (lines relative to each piece's first line),
 * or undefined when they do not come piece by piece in file order or a finding (or a fix) leaves its piece.
 * A piece without findings has no list (most rules find nothing in most stages).
 */
function splitByPiece(findings: readonly Finding[], pieces: readonly Piece[]): (Finding[] | undefined)[] | undefined {
  const split: (Finding[] | undefined)[] = new Array(pieces.length).fill(undefined);
  let current = 0;
  for (const finding of findings) {
    while (current < pieces.length && finding.range.start.line > pieces[current].lastLine) current++;
    const piece = pieces[current];
    if (!piece || !within(finding, piece.firstLine, piece.lastLine)) return undefined;
    (split[current] ??= []).push(moved(finding, -piece.firstLine));
  }
  return split;
}

/**
 * Checks one piece on its own: a Dockerfile of the header, the stages the piece builds on and the
 * piece itself. Per rule, the findings on the piece's lines (relative), or undefined for a rule that
 * threw or reported past the piece; undefined as a whole when the small file does not parse into
 * the instructions the whole file has there.
 */
function checkAlone(piece: Piece, layout: Layout, subject: DockerfileRuleSubject, rules: readonly DockerfileRule[]): Map<DockerfileRule, Finding[] | undefined> | undefined {
  stageFindingsCounts.checkedAlone++;
  const parts: Piece[] = [];
  if (layout.header && piece !== layout.header) parts.push(layout.header);
  for (const base of piece.bases) parts.push(layout.stages[base]);
  parts.push(piece);
  let text = '';
  const offsets: number[] = [];
  let line = 0;
  for (const part of parts) {
    offsets.push(line - part.firstLine);
    text += part.text;
    line += part.lastLine - part.firstLine + 1;
  }
  // A stage that does not ship in the file must not be the last one here either.
  const appended = !piece.ships && piece.stage >= 0;
  if (appended) text += `${text.endsWith('\n') ? '' : '\n'}FROM ${notAStage}\n`;
  const document = subject.model.document;
  const model = parseDockerfile(TextDocument.create(document.uri, document.languageId, document.version, text));
  if (!sameInstructions(model, parts, offsets, appended)) return undefined;
  const first = line - (piece.lastLine - piece.firstLine + 1);
  const last = line - 1;
  const aloneSubject: DockerfileRuleSubject = { ...subject, model };
  const result = new Map<DockerfileRule, Finding[] | undefined>();
  // One list and one report function for every rule (most find nothing): emptied after each rule.
  const findings: Finding[] = [];
  const report = (finding: Finding) => {
    findings.push(finding);
  };
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    findings.length = 0;
    try {
      rule.check(aloneSubject, report);
    } catch {
      result.set(rule, undefined);
      continue;
    }
    let kept: Finding[] | undefined = noFindings;
    for (let f = 0; f < findings.length; f++) {
      const finding = findings[f];
      if (finding.range.start.line > last || finding.range.end.line < first) continue;
      if (!within(finding, first, last)) {
        kept = undefined;
        break;
      }
      if (kept === noFindings) kept = [];
      kept.push(moved(finding, -first));
    }
    result.set(rule, kept);
  }
  return result;
}

/** What checkAlone answers for a rule without findings on the piece (shared, never written to). */
const noFindings: Finding[] = [];

/** An image no stage is named after, for the stage appended after a stage that does not ship. */
const notAStage = 'stevedore.invalid/after';

/** The small file parsed into the instructions the whole file has in its parts (moved lines, same keywords). */
function sameInstructions(model: DockerfileModel, parts: readonly Piece[], offsets: readonly number[], appended: boolean): boolean {
  const alone = model.ast.getInstructions();
  let k = 0;
  for (let p = 0; p < parts.length; p++) {
    for (const instruction of parts[p].instructions) {
      const other = alone[k++];
      if (!other || other.getKeyword() !== instruction.getKeyword()) return false;
      const a = instruction.getRange();
      const b = other.getRange();
      if (b.start.line !== a.start.line + offsets[p] || b.end.line !== a.end.line + offsets[p] || b.start.character !== a.start.character || b.end.character !== a.end.character) return false;
    }
  }
  return appended ? k === alone.length - 1 && alone[k].getKeyword() === 'FROM' : k === alone.length;
}

function within(finding: Finding, first: number, last: number): boolean {
  const inside = (range: Range) => range.start.line >= first && range.end.line <= last;
  if (!inside(finding.range)) return false;
  if (!finding.fixes) return true;
  for (const fix of finding.fixes) for (const edit of fix.edits) if (!inside(edit.range)) return false;
  return true;
}

const movedRange = (range: Range, lines: number): Range => ({
  start: { line: range.start.line + lines, character: range.start.character },
  end: { line: range.end.line + lines, character: range.end.character },
});

/**
 * A copy of the finding with every range (its own, its fixes' edits) moved down by `lines`, and a
 * message that names lines written again for them (findingLines.ts).
 */
function moved(finding: Finding, lines: number): Finding {
  const { message, write } = movedMessage(finding, lines);
  const copy: Finding = { ...finding, message, range: movedRange(finding.range, lines) };
  if (finding.fixes) copy.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: movedRange(edit.range, lines) })) }));
  keepWriter(copy, write);
  return copy;
}

function stateFor(subject: DockerfileRuleSubject, layout: Layout, reusable: readonly DockerfileRule[]): FileState {
  const { ctx, model } = subject;
  const uri = model.document.uri;
  const header = layout.header?.text ?? '';
  const state = files.get(uri);
  if (state && state.settings === ctx.settings && state.project === ctx.project && state.workspace === ctx.workspace
    && state.filePath === ctx.filePath && state.lang === ctx.lang && state.header === header && sameRules(state.rules, reusable)) {
    state.header = header; // this version's copy: the kept one would hold an older text in memory
    return state;
  }
  const fresh: FileState = {
    settings: ctx.settings, project: ctx.project, workspace: ctx.workspace, filePath: ctx.filePath, lang: ctx.lang, header, rules: reusable,
    kept: { texts: [], ids: [] }, nextId: 0, pieces: new Map(),
  };
  files.delete(uri);
  files.set(uri, fresh);
  if (files.size > maxFiles) files.delete(files.keys().next().value!);
  return fresh;
}

/** The same rules in the same order (compared by identity: a rule object is its id's one rule). */
function sameRules(kept: readonly DockerfileRule[], now: readonly DockerfileRule[]): boolean {
  if (kept.length !== now.length) return false;
  for (let r = 0; r < now.length; r++) if (kept[r] !== now[r]) return false;
  return true;
}

/**
 * Keeps only this version's pieces (their texts are kept by assignTextIds). Typing changes one
 * stage at a time, so the others are found again next time; and a kept text is a slice that holds
 * its whole version's text in memory, so older versions' texts must not stay.
 */
function forgetOtherVersions(state: FileState, pieces: readonly Piece[]): void {
  const keys = new Set(pieces.map((piece) => piece.key));
  for (const key of state.pieces.keys()) if (!keys.has(key)) state.pieces.delete(key);
}

/**
 * Gives each piece an id of its text: the last version's id when the last version had the same
 * text at the same place, or as far from the end (stages inserted or removed above it), else a
 * new one. Equal ids mean equal texts, which is all reuse needs; equal texts may get two ids (a
 * stage pasted twice), which only checks one of them again. A comparison of two strings per piece:
 * a lookup by value hashed every piece's text at every check.
 */
function assignTextIds(state: FileState, pieces: Piece[]): void {
  const { texts, ids } = state.kept;
  const shift = pieces.length - texts.length;
  for (let p = 0; p < pieces.length; p++) {
    const text = pieces[p].text;
    if (texts[p] === text) pieces[p].textId = ids[p];
    else if (p - shift >= 0 && texts[p - shift] === text) pieces[p].textId = ids[p - shift];
    else pieces[p].textId = state.nextId++;
  }
  state.kept = { texts: pieces.map((piece) => piece.text), ids: pieces.map((piece) => piece.textId) };
}

function keyOf(piece: Piece, layout: Layout): string {
  let key = piece.stage < 0 ? 'h' : piece.ships ? 's' : '';
  for (const base of piece.bases) key += `${layout.stages[base].textId},`;
  return key + piece.textId;
}

/** The file cut into header and stages, or undefined when it has too few stages to gain from it. */
function layoutOf(model: DockerfileModel): Layout | undefined {
  const instructions = model.ast.getInstructions();
  const fromIndexes: number[] = [];
  const keywords = keywordsOf(model);
  for (let i = 0; i < keywords.length; i++) if (keywords[i] === 'FROM') fromIndexes.push(i);
  if (fromIndexes.length < stageFindingsTuning.minStages) return undefined;
  const document = model.document;
  const text = document.getText();
  const lineCount = document.lineCount;
  const offsetOfLine = (line: number) => (line >= lineCount ? text.length : document.offsetAt({ line, character: 0 }));
  const piece = (stage: number, firstLine: number, lastLine: number, from: number, to: number): Piece => ({
    stage, firstLine, lastLine, text: text.slice(offsetOfLine(firstLine), offsetOfLine(lastLine + 1)),
    bases: [], ships: stage < 0, instructions: instructions.slice(from, to), textId: -1, key: '',
  });
  const firstFromLine = instructions[fromIndexes[0]].getRange().start.line;
  const header = firstFromLine > 0 ? piece(-1, 0, firstFromLine - 1, 0, fromIndexes[0]) : undefined;
  const stages: Piece[] = [];
  // Name → the stages known by it, and the first stage shell.ts names so: looked up per FROM,
  // never by walking the earlier stages (a 250-stage file made that 60,000 steps per check).
  const stagesNamed = new Map<string, number[]>();
  const firstShellNamed = new Map<string, number>();
  const shellBases: (number | undefined)[] = [];
  for (let s = 0; s < fromIndexes.length; s++) {
    const from = fromIndexes[s];
    const next = fromIndexes[s + 1] ?? instructions.length;
    const firstLine = s === 0 ? firstFromLine : instructions[from - 1].getRange().end.line + 1;
    const lastLine = s + 1 < fromIndexes.length ? instructions[next - 1].getRange().end.line : lineCount - 1;
    if (lastLine < firstLine) return undefined;
    const stage = piece(s, firstLine, lastLine, from, next);
    const { base, own, shellName } = stageWords(instructions[from], document);
    if (shellName !== undefined && !firstShellNamed.has(shellName)) firstShellNamed.set(shellName, s);
    const shellBase = firstShellNamed.get(base);
    shellBases.push(shellBase !== undefined && shellBase < s ? shellBase : undefined);
    const bases = new Set<number>();
    for (const earlier of stagesNamed.get(base) ?? []) {
      bases.add(earlier);
      for (const further of stages[earlier].bases) bases.add(further);
    }
    stage.bases = [...bases].sort((a, b) => a - b);
    stages.push(stage);
    for (const name of own) {
      const named = stagesNamed.get(name);
      if (!named) stagesNamed.set(name, [s]);
      else if (named[named.length - 1] !== s) named.push(s);
    }
  }
  // shell.ts's markShipped: the last stage, then each stage it builds on.
  for (let s: number | undefined = stages.length - 1; s !== undefined && !stages[s].ships; s = shellBases[s]) stages[s].ships = true;
  return { header, stages };
}

/**
 * A FROM's base as written (lower-cased) and the names the stage can be known by: each way the
 * analyses read a stage name (semantic.ts: the raw third word after `AS`; shell.ts: the word after
 * the first `AS`), lower-cased. A superset only makes a stage's inputs larger, never wrong.
 */
function stageWords(from: Instruction, document: TextDocument): StageWords {
  let args;
  try {
    args = from.getArguments();
  } catch {
    return { base: '\u0000', own: [], shellName: undefined };
  }
  const known = stageWordsOf.get(args);
  if (known) return known;
  const words = readStageWords(args, document);
  stageWordsOf.set(args, words);
  return words;
}

interface StageWords {
  base: string;
  own: readonly string[];
  shellName: string | undefined;
}

/**
 * Stage words by the FROM's memoised arguments (parserCache.ts). The incremental parse shares an
 * unmoved instruction's arguments with the version it was copied from, and only while the text they
 * read is the same at the same place (incrementalParse.ts): the same list means the same words, so
 * a keystroke reads again only the FROMs it moved or made. A list made for another text is another
 * list (a miss); the map holds nothing alive.
 */
const stageWordsOf = new WeakMap<readonly Argument[], StageWords>();

function readStageWords(args: readonly Argument[], document: TextDocument): StageWords {
  const base = args.length > 0 ? args[0].getValue().toLowerCase() : '\u0000';
  const own: string[] = [];
  let shellName: string | undefined;
  let first = true;
  for (let k = 0; k < args.length; k++) {
    if (args[k].getValue().toLowerCase() !== 'as') continue;
    const next = args[k + 1];
    // shell.ts names a stage by the word after the first AS only (none when it is empty).
    if (first) shellName = next?.getValue() ? next.getValue().toLowerCase() : undefined;
    first = false;
    if (!next) continue;
    own.push(next.getValue().toLowerCase());
    own.push(document.getText(next.getRange()).toLowerCase());
  }
  return { base, own, shellName };
}

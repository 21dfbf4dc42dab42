import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../common/rules';
import { contentKeyOf } from './incrementalParse';
import type { ManifestDocument, ManifestFile } from './model';
import { holdsObjects, objectsOfDocument, type ObjectFacts } from './objects';
import type { KubeRule, ManifestRuleSubject } from './rules/context';
import { imageGraphOf } from '../common/imageGraph';
import { dockerfileEntriesProbe } from './imageLinks';
import { asWorkspaceIndex, substituteViewKey, workspaceViewFor, type WorkspaceView } from './workspace';

/**
 * Findings of per-object rules kept per `---` document, so that after an edit only the changed
 * documents are checked again (a 50,000-line manifest re-checked after one keystroke).
 *
 * incrementalParse.ts gives a document whose text did not change the same content key in the next
 * version (a moved copy when an earlier document changed length). A rule's findings for such a
 * document are reused when nothing else they could depend on changed:
 * - same rule, same content, same index in the file, same settings, project facts, file, language
 *   and line ending (fixes write it);
 * - the check, when it ran for that document, read nothing outside it. That is watched, not
 *   declared: the rule gets a subject whose file and context note any read of the other
 *   documents (`documents`, the whole text, the objects of the file) or of the workspace index.
 *   A rule caught reading outside once is run over the whole file from then on, as before;
 * - except for two questions whose answers are kept with the findings and asked again before
 *   they are reused: what the check asked the workspace view (rules/context.ts workspaceOf: a
 *   Service's selector, a reference's target — the cross-object rules), answered by summaries that
 *   stay the same objects while their document neither changes nor moves; and whether any
 *   Dockerfile could build the images (imageLinks.ts edgeForImage), while the answer is no.
 * Findings are kept relative to the document's first line and moved to where it is now: a
 * document starts at column 0, so only lines move. Rules without `checkObjects` (whole-file rules)
 * always run. A reused document's objects are never built, so its nodes are never read (a moved
 * document's are then never copied: incrementalParse.ts).
 */

interface Kept {
  index: number;
  /** Findings with lines counted from the document's first line. */
  findings: Finding[];
  /** What the check asked the workspace view, with the answers: kept findings need the same answers now. */
  queries: ViewQuery[] | undefined;
  /** The check asked whether the workspace has Dockerfiles to link images to (the answer was no): kept findings need the same answer. */
  askedForDockerfiles: boolean;
}

/** Whether the image graph beside the index has a Dockerfile to link to (imageLinks.ts edgeForImage). */
const hasDockerfileEntries = (ctx: ManifestRuleSubject['ctx']): boolean => imageGraphOf(ctx.workspace)?.hasDockerfileEntries ?? false;

/** One read of the workspace view by a document's check: a property, or a method call and its arguments. */
interface ViewQuery {
  property: PropertyKey;
  args?: unknown[];
  answer: unknown;
}

interface FileFindings {
  settings: unknown;
  project: unknown;
  filePath: string | undefined;
  lang: string;
  /** Fixes write the file's line ending (rules/edits.ts). */
  crlf: boolean | undefined;
  /** By document content key, then by rule. */
  /** By document content key, then by rule number (ruleNumber). */
  documents: Map<object, (Kept | undefined)[]>;
}

const maxFiles = 32;
const files = new Map<string, FileFindings>();

/** How often a document's findings were reused or checked (tests show that reuse happens). */
export const documentFindingsCounts = { reused: 0, checked: 0, reusedAfterQueries: 0 };

/**
 * For tests: `wholeFile` runs every rule over the whole file as it did before findings were kept
 * per document, the reference the per-document path must equal.
 */
export const documentFindingsMode = { wholeFile: false };

/** Rules seen reading outside the document they checked: they run over the whole file. */
const fileWideRules = new WeakSet<KubeRule>();

/** The objects of one `---` document (a `kind: List` with its items), in the file's order. */
interface DocumentObjects {
  doc: ManifestDocument;
  key: object;
  /** Read only when the document is checked afresh: a reused document's nodes are never needed. */
  readonly objects: ObjectFacts[];
  firstLine: number;
  lastLine: number;
  /** The watched subject the rules' checks of this document share (see watchedFor). */
  watched: Watched | undefined;
  /** The document's kept findings in `state`, looked up once per version rather than once per rule. */
  kept: { state: FileFindings; byRule: (Kept | undefined)[] | undefined } | undefined;
}

/** Rules numbered in the order first seen: kept findings are an array per document, indexed by it. */
const ruleNumbers = new WeakMap<KubeRule, number>();
let rulesNumbered = 0;

function ruleNumber(rule: KubeRule): number {
  let number = ruleNumbers.get(rule);
  if (number === undefined) ruleNumbers.set(rule, (number = rulesNumbered++));
  return number;
}

function keptOf(group: DocumentObjects, state: FileFindings): (Kept | undefined)[] | undefined {
  if (group.kept?.state !== state) group.kept = { state, byRule: state.documents.get(group.key) };
  return group.kept.byRule;
}

/** The file's objects split by document: computed once per version, each document's objects on demand. */
function objectsByDocument(file: ManifestFile): DocumentObjects[] {
  let groups = groupsOfFile.get(file);
  if (!groups) {
    groups = file.documents.filter(holdsObjects).map((doc) => {
      // Read by every rule that checks the document afresh: looked up once, not once per rule.
      let objects: ObjectFacts[] | undefined;
      return {
        doc, key: contentKeyOf(doc.yaml),
        get objects() { return (objects ??= objectsOfDocument(doc)); },
        firstLine: file.document.positionAt(doc.start).line,
        lastLine: file.document.positionAt(doc.end).line,
        watched: undefined,
        kept: undefined,
      };
    });
    groupsOfFile.set(file, groups);
  }
  return groups;
}

const groupsOfFile = new WeakMap<ManifestFile, DocumentObjects[]>();

function stateFor(file: ManifestFile, ctx: ManifestRuleSubject['ctx']): FileFindings {
  const uri = file.document.uri;
  const state = files.get(uri);
  const crlf = file.lineBreaks?.crlf;
  if (state && state.settings === ctx.settings && state.project === ctx.project && state.filePath === ctx.filePath && state.lang === ctx.lang && state.crlf === crlf) return state;
  const fresh: FileFindings = { settings: ctx.settings, project: ctx.project, filePath: ctx.filePath, lang: ctx.lang, crlf, documents: new Map() };
  files.delete(uri);
  files.set(uri, fresh);
  if (files.size > maxFiles) files.delete(files.keys().next().value!);
  return fresh;
}

const movedRange = (range: Range, lines: number): Range => ({
  start: { line: range.start.line + lines, character: range.start.character },
  end: { line: range.end.line + lines, character: range.end.character },
});

/** The finding with every range (its own, its fixes' edits) moved down by `lines`. */
export function movedFinding(finding: Finding, lines: number): Finding {
  if (lines === 0) return finding;
  const copy: Finding = { ...finding, range: movedRange(finding.range, lines) };
  if (finding.fixes) copy.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: movedRange(edit.range, lines) })) }));
  return copy;
}

function within(finding: Finding, group: DocumentObjects): boolean {
  const inside = (range: Range) => range.start.line >= group.firstLine && range.end.line <= group.lastLine && range.start.line <= range.end.line;
  return inside(finding.range) && (finding.fixes ?? []).every((fix) => fix.edits.every((edit) => inside(edit.range)));
}

/** Properties through which a check would see past its own document. */
const outsideOfFile = new Set<PropertyKey>(['documents', 'isKubernetes']);
const outsideOfText = new Set<PropertyKey>(['lineCount', 'version']);
const outsideOfLines = new Set<PropertyKey>(['lineStarts']);
const outsideOfContext = new Set<PropertyKey>(['workspace']);

/**
 * A view of `target` that calls `onOutside` when one of `watched` is read; methods stay bound to the
 * target. Each method is bound once per view (rules call `document.positionAt` for every finding
 * and node they place: a new bound function per call was most of what these views cost).
 */
function watching<T extends object>(target: T, watched: Set<PropertyKey>, onOutside: () => void, override: Partial<Record<PropertyKey, unknown>> = {}): T {
  const bound = new Map<PropertyKey, { method: Function; bound: Function }>();
  return new Proxy(target, {
    get(object, property) {
      if (watched.has(property)) onOutside();
      if (Object.prototype.hasOwnProperty.call(override, property)) return override[property as string];
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      const known = bound.get(property);
      if (known && known.method === value) return known.bound;
      const method = (value as (...args: unknown[]) => unknown).bind(object);
      bound.set(property, { method: value, bound: method });
      return method;
    },
  });
}

/** An answer as kept: what a generator (`all()`) yields, as an array; anything else as it is. */
function keptAnswer(answer: unknown): unknown {
  if (answer && typeof answer === 'object' && !Array.isArray(answer) && typeof (answer as Iterable<unknown>)[Symbol.iterator] === 'function') return [...(answer as Iterable<unknown>)];
  return answer;
}

/**
 * Two answers of the view are the same: the same value, or arrays of the same items. Summaries
 * are shared between versions while their document neither changes nor moves, so comparing them
 * by identity is exact (a moved or changed one is a new object: the check runs again).
 */
function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A view that answers as `view` does and notes every read in `state.queries`. */
function recordingView(view: WorkspaceView, state: WatchState): WorkspaceView {
  return new Proxy(view, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') {
        (state.queries ??= []).push({ property, answer: value });
        return value;
      }
      return (...args: unknown[]) => {
        const answer = keptAnswer((value as (...args: unknown[]) => unknown).apply(target, args));
        (state.queries ??= []).push({ property, args, answer });
        return answer;
      };
    },
  });
}

/** Whether `view` answers every query as it did when the findings were kept. */
function sameAnswers(queries: readonly ViewQuery[], view: WorkspaceView): boolean {
  for (const query of queries) {
    const value = Reflect.get(view, query.property, view) as unknown;
    const answer = query.args ? keptAnswer((value as (...args: unknown[]) => unknown).apply(view, query.args)) : value;
    if (!sameAnswer(answer, query.answer)) return false;
  }
  return true;
}

/**
 * What one rule's check of one document did beside reading its document. A check that read
 * nothing outside and asked nothing leaves it as it found it, so the next check reuses it.
 */
interface WatchState {
  outside: boolean;
  /** What the check asked the workspace view (made on the first question). */
  queries: ViewQuery[] | undefined;
  /** The check asked whether the workspace has Dockerfiles. */
  dockerfiles: boolean;
  /** The recording view this check was given (made when it first asks for the view). */
  recording?: WorkspaceView;
}

const newWatchState = (): WatchState => ({ outside: false, queries: undefined, dockerfiles: false, recording: undefined });

/** A document's watched subject, shared by the rules' checks of that document in one run; `state` is the current check's. */
interface Watched {
  ctx: ManifestRuleSubject['ctx'];
  subject: ManifestRuleSubject;
  state: WatchState;
}

/**
 * The subject for checks of one document: a file object of its own (so caches keyed by the file,
 * such as objectsOf's, are not shared with the real one and their reads are seen) that reports
 * reads outside the document's lines to the check under way. The workspace view it gives
 * (rules/context.ts workspaceOf) is the file's own, recording what the check asks.
 *
 * The rules' checks of the same document share it (thousands of proxies per check otherwise),
 * which is safe while none of them has read outside: what any cache keyed by these objects then
 * holds comes from this document alone. A check that reads outside spoils it (a cache filled
 * from the whole file would answer the next rule without a read being seen): the next check gets
 * a new one.
 */
function watchedFor(subject: ManifestRuleSubject, group: DocumentObjects): Watched {
  if (group.watched && group.watched.ctx === subject.ctx) return group.watched;
  const watched: Watched = { ctx: subject.ctx, subject: subject, state: newWatchState() };
  const onOutside = () => { watched.state.outside = true; };
  const text = subject.file.document;
  const getText = (range?: Range) => {
    if (!range || range.start.line < group.firstLine || range.end.line > group.lastLine) onOutside();
    return text.getText(range);
  };
  const document = watching(text, outsideOfText, onOutside, { getText });
  // Wrapped when first read: the file's line starts are counted only on demand (incrementalParse.ts).
  let lineCounter: ManifestFile['lineCounter'] | undefined;
  const view = () => {
    const state = watched.state;
    return (state.recording ??= recordingView(workspaceViewFor(subject.file, asWorkspaceIndex(subject.ctx.workspace)), state));
  };
  const file = watching(subject.file, outsideOfFile, onOutside, {
    document,
    get lineCounter() { return (lineCounter ??= watching(subject.file.lineCounter, outsideOfLines, onOutside)); },
    [substituteViewKey]: view,
  });
  // "Any Dockerfile?": a no is an answer the findings can be kept under; a yes means the image graph is read (the whole workspace).
  const probe = () => {
    watched.state.dockerfiles = true;
    const found = hasDockerfileEntries(subject.ctx);
    if (found) onOutside();
    return found;
  };
  watched.subject = { file, ctx: watching(subject.ctx, outsideOfContext, onOutside, { [dockerfileEntriesProbe]: probe }) };
  group.watched = watched;
  return watched;
}

/** Kept for the many checks that find nothing in a document. */
const noFindings: Finding[] = [];

/** What most checks keep (nothing found, nothing asked), one shared record per document index: kept objects are never changed. */
const nothingKept: Kept[] = [];

function nothingAt(index: number): Kept {
  return (nothingKept[index] ??= { index, findings: noFindings, queries: undefined, askedForDockerfiles: false });
}

/**
 * How many lines of documents checked afresh a rule goes through between two yields. A yield per
 * document cost more than many rules' checks of one (the steps pass through three generators to
 * the server's slicer): this keeps a step to some tenths of a millisecond, far inside a slice.
 */
const linesPerStep = 512;

/**
 * Runs `rule` (which has `checkObjects`) and reports its findings in the order a whole-file run
 * gives them, reusing unchanged documents' findings. Throws what the rule throws, as `check` does.
 * Yields after every few documents it checks afresh (`linesPerStep`; see diagnoseManifestSteps);
 * the findings are reported, and kept for the next version, only once every document is done, so
 * a run dropped between two steps leaves nothing half-written.
 */
export function* checkByDocument(rule: KubeRule, subject: ManifestRuleSubject, report: (finding: Finding) => void): Generator<void, void, void> {
  const groups = fileWideRules.has(rule) || !rule.checkObjects || documentFindingsMode.wholeFile ? undefined : objectsByDocument(subject.file);
  if (!groups) {
    rule.check(subject, report);
    return;
  }
  const state = stateFor(subject.file, subject.ctx);
  const number = ruleNumber(rule);
  // The file's view of the workspace (one per file version and index version: workspaceViewFor).
  const view = () => workspaceViewFor(subject.file, asWorkspaceIndex(subject.ctx.workspace));
  const found: Finding[] = [];
  // What to keep for each document checked afresh, written once the run is done (two lists side by side).
  const freshGroups: DocumentObjects[] = [];
  const freshKept: Kept[] = [];
  // One list and one report function for the whole run: a check's findings are copied out when it found any.
  const findings: Finding[] = [];
  const collect = (finding: Finding) => { findings.push(finding); };
  // A check that neither found nor asked anything hands its state on to the next check.
  let check = newWatchState();
  let linesSinceStep = 0;
  for (const group of groups) {
    // The common case first, kept short: 70 rules by 1,000 documents after every keystroke.
    const kept = (group.kept !== undefined && group.kept.state === state ? group.kept.byRule : keptOf(group, state))?.[number];
    if (kept !== undefined && kept.index === group.doc.index && (kept.queries === undefined || sameAnswers(kept.queries, view())) && (!kept.askedForDockerfiles || !hasDockerfileEntries(subject.ctx))) {
      if (kept.findings.length > 0) for (const finding of kept.findings) found.push(movedFinding(finding, group.firstLine));
      documentFindingsCounts.reused++;
      if (kept.queries) documentFindingsCounts.reusedAfterQueries++;
      continue;
    }
    documentFindingsCounts.checked++;
    const watched = watchedFor(subject, group);
    watched.state = check;
    findings.length = 0;
    try {
      rule.checkObjects!(group.objects, watched.subject, collect);
    } catch {
      group.watched = undefined;
      // Report what a whole-file run reports before the same error (the caller handles the error).
      rule.check(subject, report);
      return;
    }
    if (check.outside) group.watched = undefined;
    if (check.outside || (findings.length > 0 && !findings.every((finding) => within(finding, group)))) {
      // This rule looks past the document: run it as before, over the whole file, from now on.
      fileWideRules.add(rule);
      rule.check(subject, report);
      return;
    }
    freshGroups.push(group);
    if (findings.length === 0 && check.queries === undefined && !check.dockerfiles) {
      freshKept.push(nothingAt(group.doc.index));
    } else {
      for (const finding of findings) found.push(finding);
      freshKept.push({
        index: group.doc.index,
        findings: findings.length === 0 ? noFindings : findings.map((finding) => movedFinding(finding, -group.firstLine)),
        queries: check.queries,
        askedForDockerfiles: check.dockerfiles,
      });
      check = newWatchState();
    }
    linesSinceStep += group.lastLine - group.firstLine + 1;
    if (linesSinceStep >= linesPerStep) {
      linesSinceStep = 0;
      yield;
    }
  }
  for (let i = 0; i < freshGroups.length; i++) {
    const group = freshGroups[i]!;
    let byRule = keptOf(group, state);
    if (!byRule) {
      state.documents.set(group.key, (byRule = []));
      group.kept = { state, byRule };
    }
    byRule[number] = freshKept[i]!;
  }
  for (const finding of found) report(finding);
}

/** Forgets the documents a file no longer has (call once per diagnostics run, after the rules). */
export function keepOnlyDocumentsOf(file: ManifestFile): void {
  const state = files.get(file.document.uri);
  if (!state) return;
  const current = new Set(file.documents.map((doc) => contentKeyOf(doc.yaml)));
  for (const key of state.documents.keys()) if (!current.has(key)) state.documents.delete(key);
}

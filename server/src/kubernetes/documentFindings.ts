import type { Range } from 'vscode-languageserver-types';
import type { Finding } from '../common/rules';
import { contentKeyOf } from './incrementalParse';
import type { ManifestDocument, ManifestFile } from './model';
import { objectsOf, type ObjectFacts } from './objects';
import type { KubeRule, ManifestRuleSubject } from './rules/context';

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
 *   A rule caught reading outside once is run over the whole file from then on, as before.
 * Findings are kept relative to the document's first line and moved to where it is now: a
 * document starts at column 0, so only lines move. Rules without `checkObjects` (whole-file rules)
 * always run.
 */

interface Kept {
  index: number;
  /** Findings with lines counted from the document's first line. */
  findings: Finding[];
}

interface FileFindings {
  settings: unknown;
  project: unknown;
  filePath: string | undefined;
  lang: string;
  /** Fixes write the file's line ending (rules/edits.ts). */
  crlf: boolean | undefined;
  /** By document content key, then by rule. */
  documents: Map<object, Map<KubeRule, Kept>>;
}

const maxFiles = 32;
const files = new Map<string, FileFindings>();

/** How often a document's findings were reused or checked (tests show that reuse happens). */
export const documentFindingsCounts = { reused: 0, checked: 0 };

/** Rules seen reading outside the document they checked: they run over the whole file. */
const fileWideRules = new WeakSet<KubeRule>();

/** The objects of one `---` document (a `kind: List` with its items), in the file's order. */
interface DocumentObjects {
  doc: ManifestDocument;
  key: object;
  objects: ObjectFacts[];
  firstLine: number;
  lastLine: number;
}

/**
 * The file's objects split by document, or undefined when they do not come in one run per
 * document (then nothing is cached for this version).
 */
function objectsByDocument(file: ManifestFile): DocumentObjects[] | undefined {
  if (!groupsOfFile.has(file)) groupsOfFile.set(file, groupObjects(file));
  return groupsOfFile.get(file);
}

const groupsOfFile = new WeakMap<ManifestFile, DocumentObjects[] | undefined>();

function groupObjects(file: ManifestFile): DocumentObjects[] | undefined {
  const groups: DocumentObjects[] = [];
  const seen = new Set<object>();
  for (const object of objectsOf(file)) {
    const doc = file.documents[object.doc.index];
    if (!doc || doc.yaml !== object.doc.yaml) return undefined;
    const last = groups[groups.length - 1];
    if (last?.doc === doc) {
      last.objects.push(object);
      continue;
    }
    if (seen.has(doc)) return undefined;
    seen.add(doc);
    groups.push({
      doc, key: contentKeyOf(doc.yaml), objects: [object],
      firstLine: file.document.positionAt(doc.start).line,
      lastLine: file.document.positionAt(doc.end).line,
    });
  }
  return groups;
}

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

/** A view of `target` that calls `onOutside` when one of `watched` is read; methods stay bound to the target. */
function watching<T extends object>(target: T, watched: Set<PropertyKey>, onOutside: () => void, override: Partial<Record<PropertyKey, unknown>> = {}): T {
  return new Proxy(target, {
    get(object, property) {
      if (watched.has(property)) onOutside();
      if (property in override) return override[property as string];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/**
 * A subject for one document's check: a fresh file object (so caches keyed by the file, such as
 * objectsOf's, are not shared with the real one and their reads are seen) that reports reads
 * outside the document's lines.
 */
function watchedSubject(subject: ManifestRuleSubject, group: DocumentObjects, onOutside: () => void): ManifestRuleSubject {
  const text = subject.file.document;
  const getText = (range?: Range) => {
    if (!range || range.start.line < group.firstLine || range.end.line > group.lastLine) onOutside();
    return text.getText(range);
  };
  const document = watching(text, outsideOfText, onOutside, { getText });
  const lineCounter = watching(subject.file.lineCounter, outsideOfLines, onOutside);
  const file = watching(subject.file, outsideOfFile, onOutside, { document, lineCounter });
  return { file, ctx: watching(subject.ctx, outsideOfContext, onOutside) };
}

/**
 * Runs `rule` (which has `checkObjects`) and reports its findings in the order a whole-file run
 * gives them, reusing unchanged documents' findings. Throws what the rule throws, as `check` does.
 * Yields after each document it checks afresh (see diagnoseManifestSteps); the findings are
 * reported, and kept for the next version, only once every document is done, so a run dropped
 * between two steps leaves nothing half-written.
 */
export function* checkByDocument(rule: KubeRule, subject: ManifestRuleSubject, report: (finding: Finding) => void): Generator<void, void, void> {
  const groups = fileWideRules.has(rule) || !rule.checkObjects ? undefined : objectsByDocument(subject.file);
  if (!groups) {
    rule.check(subject, report);
    return;
  }
  const state = stateFor(subject.file, subject.ctx);
  const found: Finding[] = [];
  const fresh: { group: DocumentObjects; findings: Finding[] }[] = [];
  for (const group of groups) {
    const kept = state.documents.get(group.key)?.get(rule);
    if (kept && kept.index === group.doc.index) {
      for (const finding of kept.findings) found.push(movedFinding(finding, group.firstLine));
      documentFindingsCounts.reused++;
      continue;
    }
    documentFindingsCounts.checked++;
    let outside = false;
    const findings: Finding[] = [];
    try {
      rule.checkObjects!(group.objects, watchedSubject(subject, group, () => (outside = true)), (finding) => findings.push(finding));
    } catch {
      // Report what a whole-file run reports before the same error (the caller handles the error).
      rule.check(subject, report);
      return;
    }
    if (outside || !findings.every((finding) => within(finding, group))) {
      // This rule looks past the document: run it as before, over the whole file, from now on.
      fileWideRules.add(rule);
      rule.check(subject, report);
      return;
    }
    found.push(...findings);
    fresh.push({ group, findings });
    yield;
  }
  for (const { group, findings } of fresh) {
    let byRule = state.documents.get(group.key);
    if (!byRule) state.documents.set(group.key, (byRule = new Map()));
    byRule.set(rule, { index: group.doc.index, findings: findings.map((finding) => movedFinding(finding, -group.firstLine)) });
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

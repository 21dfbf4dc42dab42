import { writeFileSync } from 'node:fs';
import type { DocsLanguage } from '../common/localized';
import type { PodSecuritySetting, RuleProfile } from '../common/settings';
import { CachedFiles } from '../config/cachedFiles';
import type { FolderSnapshot } from '../config/folderListings';
import { ProjectConfig, type ConfigProblem } from '../config/projectConfig';
import { applyGraphFeed, feedsImageGraph, graphFeedOf, type GraphFeed } from '../imageGraphFeed';
import { keptParseBudget, Linter, parseCost, type LintTarget } from './lint';
import { importSummary, isGraphFeed, type LaneShare, type ManifestSummary } from './sharedIndex';
import { imageGraphOf } from '../common/imageGraph';
import { isDockerfileName } from '../common/fileKinds';
import { baseName } from '../common/paths';
import { thresholdValues, type FileReport } from './report';

/**
 * One lane of a run: a set of files linted with its own config caches and workspace index.
 * A run is one lane, or several in worker threads (parallel.ts); lanes exchange only plain data.
 * All Kubernetes files of a run are in the same lane so cross-file checks see all of them.
 */
export interface LaneOptions {
  lang?: DocsLanguage;
  /** `--profile`, over every `.stevedore.yaml`. */
  profile?: RuleProfile;
  /** `--pod-security`, over every `.stevedore.yaml`. */
  podSecurity?: PodSecuritySetting;
  fallbackLang: DocsLanguage;
  fix: boolean;
  quiet: boolean;
  /** Explicit `--severity-threshold`; else `.hadolint.yaml` or the default decides per file. */
  threshold?: number;
  /** Files of other lanes that only feed this lane's image graph (Dockerfiles, Compose files). */
  graphOnly?: Pick<LintTarget, 'absolute' | 'text'>[];
  /** Path of the target read from stdin (its fixed text is returned, never written). */
  stdinPath?: string;
  /** The folders the run has listed (config/folderListings.ts), so each lane's config searches list none again. */
  folders?: FolderSnapshot;
  /** Memory the manifests' parses may take to be kept from indexing to linting (lint.ts `keptParseBudget`; tests change it). */
  keptParseBudget?: number;
}

export interface LaneResult {
  reports: FileReport[];
  problems: ConfigProblem[];
  notices: ConfigProblem[];
  writeErrors: { path: string; reason: string }[];
  /** Files the engine failed on (a bug): reported, the run goes on and exits with 2. */
  crashes: { path: string; reason: string }[];
  /** `--fix` on stdin: the fixed text. */
  stdinOutput?: string;
}

export const defaultThreshold = thresholdValues.warning;

/** hadolint's `failure-threshold` words → our threshold (0: never fail). */
const hadolintThresholds: Record<string, number> = { error: 1, warning: 2, info: 3, style: 4, ignore: 0, none: 0 };

/** The lowest severity that fails the run for a file: the flag, else `.hadolint.yaml`, else warning. */
function failThreshold(target: LintTarget, options: LaneOptions, project: ProjectConfig): number {
  if (options.threshold !== undefined) return options.threshold;
  if (target.kind === 'dockerfile') {
    const hadolint = project.hadolintFor(target.absolute)?.config;
    if (hadolint?.noFail) return 0;
    if (hadolint?.failureThreshold) return hadolintThresholds[hadolint.failureThreshold] ?? defaultThreshold;
  }
  return defaultThreshold;
}

export function lintLane(targets: readonly LintTarget[], options: LaneOptions, onProgress?: (done: number) => void): LaneResult {
  return withoutStackTraces(() => lintAll(targets, options, onProgress));
}

function withoutStackTraces<T>(work: () => T): T {
  // Broken YAML (Helm templates, typos) makes the parser build many error objects; their stack
  // traces are never shown (findings carry ranges), and capturing them is a measurable share of a run.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** A lane's config caches, linter and result; `lintAll` and `lintSharedLane` drive it. */
class LaneRun {
  // The same loader as the language server's; the command line has no workspace folders, so
  // searches stop at the repository root.
  readonly project: ProjectConfig;
  readonly linter: Linter;
  readonly result: LaneResult;
  readonly crashed = new Set<string>();

  constructor(private readonly targets: readonly LintTarget[], private readonly options: LaneOptions, manifestsCost = targets.reduce((sum, target) => sum + (target.kind === 'yaml' ? parseCost(target.text) : 0), 0)) {
    // The folders the run's walk listed: the config searches of this lane need not list them again.
    this.project = new ProjectConfig(CachedFiles.forRun(options.folders));
    const keepParses = manifestsCost <= (options.keptParseBudget ?? keptParseBudget);
    this.linter = new Linter(this.project, { lang: options.lang, fallbackLang: options.fallbackLang, profile: options.profile, podSecurity: options.podSecurity, keepParses });
    this.result = { reports: [], problems: this.project.problems, notices: this.project.notices, writeErrors: [], crashes: [] };
  }

  guard(target: LintTarget, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.crashed.add(target.absolute);
      this.result.crashes.push({ path: target.path, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Lints a target unless an earlier step crashed on it. */
  lint(target: LintTarget, feedsGraph: boolean): void {
    if (!this.crashed.has(target.absolute)) this.guard(target, () => this.lintOne(target, feedsGraph));
  }

  /** The reports in the targets' order, whatever order they were linted in. */
  finish(): LaneResult {
    const position = new Map(this.targets.map((target, i) => [target.absolute, i]));
    this.result.reports.sort((a, b) => (position.get(a.absolute) ?? 0) - (position.get(b.absolute) ?? 0));
    return this.result;
  }

  private lintOne(target: LintTarget, feedsGraph: boolean): void {
    const { options, project, result } = this;
    const linted = this.linter.lint(target, options.fix, feedsGraph);
    const diagnostics = options.quiet ? linted.diagnostics.filter((d) => (d.severity ?? 1) === 1) : linted.diagnostics;
    if (options.fix && target.absolute === options.stdinPath) {
      result.stdinOutput = linted.fixedText ?? target.text;
    } else if (options.fix && linted.fixedText !== undefined && linted.fixedText !== target.text) {
      try {
        writeFileSync(target.absolute, target.bom ? `\uFEFF${linted.fixedText}` : linted.fixedText);
        project.invalidate(target.absolute);
      } catch (error) {
        result.writeErrors.push({ path: target.path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      }
    }
    result.reports.push({
      path: target.path,
      absolute: target.absolute,
      kind: target.kind,
      diagnostics,
      failAt: failThreshold(target, options, project),
      ...(linted.fixed?.size ? { fixed: linted.fixed } : {}),
    });
  }
}

function lintAll(targets: readonly LintTarget[], options: LaneOptions, onProgress?: (done: number) => void): LaneResult {
  const run = new LaneRun(targets, options);
  const { linter } = run;
  // Only the manifests' checks read the image graph: a lane without manifests does not build it.
  const readsGraph = targets.some((target) => target.kind === 'yaml');
  // Index every manifest first (cross-file checks), then lint.
  for (const target of targets) run.guard(target, () => linter.prepare(target, readsGraph));
  // Dockerfiles and Compose files before the manifests: linting a Dockerfile puts its facts into the
  // image graph from the same parse, and the manifests' checks then read them. Their own checks
  // read no graph; the report keeps the discovery order.
  const order = readsGraph ? [...targets.filter((t) => t.kind !== 'yaml'), ...targets.filter((t) => t.kind === 'yaml')] : targets;
  const firstManifest = readsGraph ? order.findIndex((t) => t.kind === 'yaml') : -1;
  order.forEach((target, i) => {
    // The other lanes' files join the graph after this lane's own, as they always have (its cap keeps the first ones).
    if (i === firstManifest) {
      for (const file of options.graphOnly ?? []) {
        try { linter.feedGraphOnly(file); } catch { /* linted (and reported) in its own lane */ }
      }
    }
    onProgress?.(i);
    run.lint(target, readsGraph);
  });
  return run.finish();
}

/**
 * A file of the run as every lane of a shared index needs it: in discovery order, with its text
 * when it feeds the image graph (Dockerfiles, Compose, skaffold, kustomize files).
 */
export interface RunEntry {
  absolute: string;
  kind: LintTarget['kind'];
  text?: string;
}

export function runEntriesOf(targets: readonly LintTarget[]): RunEntry[] {
  return targets.map((target) => {
    const name = target.absolute.slice(Math.max(target.absolute.lastIndexOf('/'), target.absolute.lastIndexOf('\\')) + 1);
    return { absolute: target.absolute, kind: target.kind, ...(feedsImageGraph(name) ? { text: target.text } : {}) };
  });
}

/** Sends this lane's manifest summaries and graph feeds to the other lanes; resolves with every lane's. */
export type SummaryExchange = (own: LaneShare[]) => Promise<LaneShare[]>;

/** The files of a run that feed the image graph with evidence (Compose, skaffold, kustomize: read once per run, imageGraphFeed.ts `GraphFeed`). */
export function evidenceEntriesOf(run: readonly RunEntry[]): RunEntry[] {
  return run.filter((entry) => entry.kind !== 'dockerfile' && entry.text !== undefined && !isDockerfileName(baseName(entry.absolute)));
}

/**
 * Files every lane of a shared index may take: each lane takes the next `chunk` not taken yet
 * (`taken[slot]` is shared memory, counted atomically), so the lanes share the work whatever their
 * speed (a worker starts later, and compiles the checks for itself).
 */
export interface SharedQueue<T = LintTarget> {
  targets: readonly T[];
  taken: Int32Array;
  slot: number;
  chunk: number;
}

function* takeFrom<T>(queue: SharedQueue<T>): Generator<T> {
  for (let next = Atomics.add(queue.taken, queue.slot, queue.chunk); next < queue.targets.length; next = Atomics.add(queue.taken, queue.slot, queue.chunk)) {
    yield* queue.targets.slice(next, next + queue.chunk);
  }
}

/** The queues of a shared run: manifests (in discovery order: a folder's files share config lookups), then the other files. */
export interface SharedQueues {
  manifests: SharedQueue;
  others: SharedQueue;
  /** The evidence files, each read for the image graph by the lane that takes it (`evidenceEntriesOf`). */
  evidence: SharedQueue<RunEntry>;
  /** How many lanes take from them (a lane keeps its parses if its share of the manifests fits `keptParseBudget`). */
  lanes: number;
}

/**
 * One of several lanes that share the manifests (parallel.ts). Each parses manifests (its own
 * `targets`, then what it takes from the queue) and reads evidence files for the image graph (from
 * a third queue), and sends their summaries and graph feeds (sharedIndex.ts); with
 * every lane's summaries it builds the index and the image graph as one lane over every file would
 * (discovery order: evidence and summaries, then every Dockerfile, then `graphOnly`), lints the
 * manifests it parsed against them, then takes Dockerfiles and Compose files from the other queue
 * (their checks read neither the index nor the graph). The first lane (`first`) reports a
 * Dockerfile or Compose file the image graph's reader fails on.
 */
export function lintSharedLane(targets: readonly LintTarget[], run: readonly RunEntry[], options: LaneOptions, exchange: SummaryExchange, queues: SharedQueues, onProgress?: (done: number) => void, first = false): Promise<LaneResult> {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return lintShared(targets, run, options, exchange, queues, onProgress, first).finally(() => {
    Error.stackTraceLimit = stackTraceLimit;
  });
}

async function lintShared(targets: readonly LintTarget[], run: readonly RunEntry[], options: LaneOptions, exchange: SummaryExchange, queues: SharedQueues, onProgress: ((done: number) => void) | undefined, first: boolean): Promise<LaneResult> {
  const cost = (list: readonly LintTarget[]): number => list.reduce((sum, target) => sum + (target.kind === 'yaml' ? parseCost(target.text) : 0), 0);
  const lane = new LaneRun([...targets, ...queues.manifests.targets, ...queues.others.targets], options, cost(targets) + cost(queues.manifests.targets) / queues.lanes);
  const { linter } = lane;
  const manifests: LintTarget[] = [];
  const summaries: ManifestSummary[] = [];
  let done = 0;
  const summarize = (target: LintTarget): void => {
    onProgress?.(done);
    manifests.push(target);
    lane.guard(target, () => {
      const summary = linter.summarize(target);
      if (summary) summaries.push(summary);
    });
  };
  for (const target of targets) if (target.kind === 'yaml') summarize(target);
  for (const target of takeFrom(queues.manifests)) summarize(target);
  // Evidence files are read for the graph by one lane each; one the reader fails on is left to every
  // lane's own feed below (which reports it where it did before).
  const feeds: GraphFeed[] = [];
  for (const entry of takeFrom(queues.evidence)) {
    try {
      const feed = graphFeedOf(linter.uriOf(entry.absolute), entry.text ?? '');
      if (feed) feeds.push(feed);
    } catch { /* fed (and reported) below */ }
  }
  const byUri = new Map<string, ManifestSummary>();
  const feedByUri = new Map<string, GraphFeed>();
  for (const share of await exchange([...summaries, ...feeds])) {
    if (isGraphFeed(share)) feedByUri.set(share.uri, share); else byUri.set(share.uri, share);
  }
  const own = new Map(manifests.map((t) => [t.absolute, t]));
  const others = new Map(queues.others.targets.map((t) => [t.absolute, t]));
  const graph = imageGraphOf(linter.index)!;
  for (const entry of run) {
    const file = { absolute: entry.absolute, text: entry.text ?? '' };
    const uri = linter.uriOf(entry.absolute);
    const feed = (): void => {
      if (entry.kind !== 'dockerfile') {
        const fed = feedByUri.get(uri);
        if (fed) applyGraphFeed(graph, fed); else linter.feedGraph(file);
      }
      if (entry.kind !== 'yaml') return;
      const summary = byUri.get(uri);
      if (summary) importSummary(linter.index, summary);
    };
    // A file the engine fails on is reported once: a manifest by its lane (which then does not lint it), any other file by the first lane.
    const target = own.get(entry.absolute) ?? (first && entry.kind !== 'dockerfile' ? others.get(entry.absolute) : undefined);
    if (target && entry.kind !== 'dockerfile') lane.guard(target, feed);
    else try { feed(); } catch { /* reported by another lane */ }
  }
  for (const entry of run) {
    if (entry.kind === 'dockerfile') {
      try { linter.feedGraph({ absolute: entry.absolute, text: entry.text ?? '' }, true); } catch { /* as when it is linted */ }
    }
  }
  for (const file of options.graphOnly ?? []) {
    try { linter.feedGraphOnly(file); } catch { /* a Tiltfile: not linted */ }
  }
  for (const target of manifests) {
    onProgress?.(done++);
    lane.lint(target, false);
  }
  // Taken one chunk at a time while the other lanes take theirs.
  for (const target of targets) {
    if (target.kind === 'yaml') continue;
    onProgress?.(done++);
    lane.lint(target, false);
  }
  for (const target of takeFrom(queues.others)) {
    onProgress?.(done++);
    lane.lint(target, false);
  }
  return lane.finish();
}

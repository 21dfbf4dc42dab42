import { writeFileSync } from 'node:fs';
import type { DocsLanguage } from '../common/localized';
import type { PodSecuritySetting, RuleProfile } from '../common/settings';
import { CachedFiles } from '../config/cachedFiles';
import { ProjectConfig, type ConfigProblem } from '../config/projectConfig';
import { keptParseBudget, Linter, parseCost, type LintTarget } from './lint';
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
  // Broken YAML (Helm templates, typos) makes the parser build many error objects; their stack
  // traces are never shown (findings carry ranges), and capturing them is a measurable share of a run.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return lintAll(targets, options, onProgress);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function lintAll(targets: readonly LintTarget[], options: LaneOptions, onProgress?: (done: number) => void): LaneResult {
  // The same loader as the language server's; the command line has no workspace folders, so
  // searches stop at the repository root.
  const project = new ProjectConfig(new CachedFiles());
  const manifestsCost = targets.reduce((sum, target) => sum + (target.kind === 'yaml' ? parseCost(target.text) : 0), 0);
  const keepParses = manifestsCost <= (options.keptParseBudget ?? keptParseBudget);
  const linter = new Linter(project, { lang: options.lang, fallbackLang: options.fallbackLang, profile: options.profile, podSecurity: options.podSecurity, keepParses });
  const result: LaneResult = { reports: [], problems: project.problems, notices: project.notices, writeErrors: [], crashes: [] };
  const crashed = new Set<string>();
  const guard = (target: LintTarget, work: () => void): void => {
    try {
      work();
    } catch (error) {
      crashed.add(target.absolute);
      result.crashes.push({ path: target.path, reason: error instanceof Error ? error.message : String(error) });
    }
  };
  // Only the manifests' checks read the image graph: a lane without manifests does not build it.
  const readsGraph = targets.some((target) => target.kind === 'yaml');
  // Index every manifest first (cross-file checks), then lint.
  for (const target of targets) guard(target, () => linter.prepare(target, readsGraph));
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
    if (!crashed.has(target.absolute)) guard(target, () => lintOne(target));
  });
  if (order !== targets) {
    const position = new Map(targets.map((target, i) => [target.absolute, i]));
    result.reports.sort((a, b) => (position.get(a.absolute) ?? 0) - (position.get(b.absolute) ?? 0));
  }
  return result;

  function lintOne(target: LintTarget): void {
    const linted = linter.lint(target, options.fix, readsGraph);
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

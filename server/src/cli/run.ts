import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import packageJson from '../../../package.json';
import { isComposeName, isDockerfileName, isJsonName, isYamlName, matchesComposeGlobs, mightBeKubernetesJson, type LanguageKind } from '../common/fileKinds';
import { pick, type DocsLanguage } from '../common/localized';
import { localeLanguage, parseArgs, usageText, type LintOptions } from './args';
import { CachedFiles } from '../config/cachedFiles';
import { ProjectConfig } from '../config/projectConfig';
import { maxProjectFileBytes } from '../config/projectFiles';
import { discoverFiles, type FoundFile } from './discover';
import { formatCheckstyle } from './formats/checkstyle';
import { formatGithub } from './formats/github';
import { formatGitlab } from './formats/gitlab';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { colourPalette, formatText, plainPalette, wantsColour } from './formats/text';
import { lintLane, type LaneOptions } from './lane';
import type { LintTarget } from './lint';
import { configNoticeLine, configProblemLine, crashLine, noFilesLine, notOursLine, outputErrorLine, progressLine, skippedLine, summaryLine, writeErrorLine } from './messages';
import { tuneEngineForLanes } from './engineFlags';
import { LanePool, lintInWorkers, minFilesForWorkers, workersAvailable } from './parallel';
import { countFindings, fails, type Report, type SkippedFile } from './report';

export const version: string = (packageJson as { version: string }).version;

/** Where the command line talks to; tests pass their own. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  readStdin(): string;
}

/** Below this many files a progress line would only flicker. */
const progressMinFiles = 200;

class UsageError extends Error {}

/**
 * Standard input without a telling name: text decides. YAML with `apiVersion:`/`kind:` keys, or a
 * JSON object naming both, is a manifest; anything else is taken for a Dockerfile.
 */
function sniffKind(text: string): LanguageKind {
  if (/^\s*[{[]/.test(text) && mightBeKubernetesJson(text)) return 'yaml';
  return /^(apiVersion|kind)\s*:/m.test(text) && !/^\s*FROM\s/im.test(text) ? 'yaml' : 'dockerfile';
}

function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

type ReadOutcome = { text: string; bom: boolean } | { skipped: SkippedFile };

function readTarget(file: FoundFile): ReadOutcome {
  try {
    const size = statSync(file.absolute).size;
    if (size > maxProjectFileBytes) return { skipped: { path: file.path, reason: 'too-large' } };
    const bytes = readFileSync(file.absolute);
    if (looksBinary(bytes)) return { skipped: { path: file.path, reason: 'binary' } };
    const text = bytes.toString('utf8');
    // Editors hide a byte order mark from the text they lint; so do we (and `--fix` puts it back).
    return text.startsWith('\uFEFF') ? { text: text.slice(1), bom: true } : { text, bom: false };
  } catch (error) {
    return { skipped: { path: file.path, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) } };
  }
}

function render(report: Report, options: LintOptions, colour: boolean, thresholdWord: string): string {
  switch (options.format) {
    case 'json': return formatJson(report);
    case 'sarif': return formatSarif(report);
    case 'github': return formatGithub(report);
    case 'checkstyle': return formatCheckstyle(report);
    case 'gitlab': return formatGitlab(report);
    default: return formatText(report, colour ? colourPalette : plainPalette, thresholdWord);
  }
}

/** Runs `stevedore …` and returns the exit code: 0 clean, 1 findings, 2 usage/config/internal error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  const fallbackLang = localeLanguage(io.env);
  if (parsed.action === 'help') {
    io.stdout.write(`${usageText[fallbackLang]}\n`);
    return 0;
  }
  if (parsed.action === 'version') {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (parsed.action === 'error') {
    io.stderr.write(`stevedore: ${pick(parsed.message, fallbackLang)}\n\n${usageText[fallbackLang]}\n`);
    return 2;
  }
  try {
    return await lint(parsed.options, io, fallbackLang);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`stevedore: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function lint(options: LintOptions, io: CliIo, fallbackLang: DocsLanguage): Promise<number> {
  const project = new ProjectConfig(CachedFiles.forRun());
  const lang = options.lang ?? languageOfFolder(project, io.cwd) ?? fallbackLang;
  let hardErrors = 0;
  const skipped: SkippedFile[] = [];
  const note = (line: string): void => {
    io.stderr.write(`${line}\n`);
  };

  // 1. What to check: stdin, then the walked paths.
  const targets: LintTarget[] = [];
  const graphOnly: NonNullable<LaneOptions['graphOnly']> = [];
  let stdinPath: string | undefined;
  let stdinBom = false;
  if (options.paths.includes('-')) {
    const name = options.stdinFilename;
    const raw = io.readStdin();
    stdinBom = raw.startsWith('\uFEFF');
    const text = stdinBom ? raw.slice(1) : raw;
    stdinPath = resolve(io.cwd, name ?? 'stdin');
    const kind: LanguageKind = name && isDockerfileName(name) ? 'dockerfile' : name && isYamlName(name) && isComposeName(name) ? 'compose' : name && (isYamlName(name) || isJsonName(name)) ? 'yaml' : sniffKind(text);
    targets.push({ path: name ?? '<stdin>', absolute: stdinPath, kind, text });
  }
  // A big tree's worker threads load the bundle while this thread walks the tree and reads the files:
  // they start as soon as the walk has found enough files for them.
  const wantsWorkers = options.parallel !== false && workersAvailable();
  let pool: LanePool | undefined;
  const found = discoverFiles(options.paths.filter((p) => p !== '-'), {
    cwd: io.cwd,
    gitignore: options.gitignore,
    files: project.files,
    listings: project.files.listings,
    onUnreadable(path, reason) {
      hardErrors++;
      note(skippedLine(path, 'unreadable', reason, lang));
    },
    onFound(count) {
      if (pool || !wantsWorkers || count < minFilesForWorkers) return;
      // Lanes on every core leave none to V8's optimising compiler: keep it to the really hot code (engineFlags.ts).
      tuneEngineForLanes();
      pool = new LanePool();
    },
  });
  for (const file of found) {
    // With `--stdin-filename`, standard input stands for that file (unsaved editor contents).
    if (file.absolute === stdinPath) continue;
    // Named on the command line but none of ours (README.md): say so rather than lint it as a Dockerfile.
    if (!file.kind) {
      if (!options.quiet) note(notOursLine(file.path, lang));
      continue;
    }
    const outcome = readTarget(file);
    // A Tiltfile is not linted: its docker_build lines only tell the manifests' checks which Dockerfile builds which image.
    if (file.kind === 'evidence') {
      if (!('skipped' in outcome)) graphOnly.push({ absolute: file.absolute, text: outcome.text });
      continue;
    }
    // JSON found in a folder is ours only if its text says so: package.json and lock files pass silently.
    const silent = file.kind === 'json' && !file.explicit;
    if ('skipped' in outcome && silent) continue;
    if ('skipped' in outcome) {
      skipped.push(outcome.skipped);
      if (outcome.skipped.reason === 'unreadable') hardErrors++;
      if (outcome.skipped.reason === 'unreadable' || !options.quiet) note(skippedLine(file.path, outcome.skipped.reason, outcome.skipped.detail, lang));
      continue;
    }
    if (file.kind === 'json' && !mightBeKubernetesJson(outcome.text)) {
      if (!silent && !options.quiet) note(notOursLine(file.path, lang));
      continue;
    }
    // YAML the project's `compose.files` globs name (a stack file such as `stack.yml`) is Compose.
    const composeByGlob = file.kind === 'yaml' && matchesComposeGlobs(file.absolute, project.settingsFor(file.absolute).compose.files);
    const kind: LanguageKind = file.kind === 'json' ? 'yaml' : composeByGlob ? 'compose' : file.kind;
    targets.push({ path: file.path, absolute: file.absolute, kind, text: outcome.text, ...(outcome.bom ? { bom: true } : {}) });
  }
  if (!targets.length && !hardErrors && !options.quiet) note(noFilesLine(lang));

  // 2. Lint, in worker threads when the tree is big.
  const laneOptions: LaneOptions = { lang: options.lang, fallbackLang, fix: options.fix, quiet: options.quiet, threshold: options.threshold, stdinPath, profile: options.profile, podSecurity: options.podSecurity, graphOnly, folders: project.files.listings?.snapshot() };
  const showProgress = !!io.stderr.isTTY && targets.length > progressMinFiles;
  let lastProgress = 0;
  const progress = (done: number): void => {
    if (!showProgress || Date.now() - lastProgress < 80) return;
    lastProgress = Date.now();
    io.stderr.write(`\r\u001b[K${progressLine(done, targets.length, lang)}`);
  };
  const parallel = wantsWorkers && targets.length >= minFilesForWorkers;
  if (!parallel) pool?.close();
  const result = parallel ? await lintInWorkers(targets, laneOptions, progress, pool) : lintLane(targets, laneOptions, progress);
  if (showProgress) io.stderr.write('\r\u001b[K');
  for (const crash of result.crashes) {
    hardErrors++;
    note(crashLine(crash.path, crash.reason, lang));
  }
  for (const failure of result.writeErrors) {
    hardErrors++;
    note(writeErrorLine(failure.path, failure.reason, lang));
  }
  for (const problem of result.problems) note(configProblemLine(problem.path, problem.message, lang));
  if (!options.quiet) for (const notice of result.notices) note(configNoticeLine(notice.path, notice.message, lang));
  hardErrors += result.problems.length;

  // 3. Report (to stderr when stdout carries the fixed text of stdin).
  const report: Report = { files: result.reports, skipped, lang, root: project.repoRootOf(io.cwd) ?? io.cwd, version };
  const stream = result.stdinOutput !== undefined ? io.stderr : io.stdout;
  const colour = options.format === 'text' && wantsColour(options.colour, io.env, !options.output && !!stream.isTTY);
  const text = render(report, options, colour, options.thresholdWord ?? 'warning');
  if (result.stdinOutput !== undefined) io.stdout.write(stdinBom ? `\uFEFF${result.stdinOutput}` : result.stdinOutput);
  if (options.output) {
    try {
      writeFileSync(resolve(io.cwd, options.output), text);
    } catch (error) {
      throw new UsageError(outputErrorLine(options.output, (error as NodeJS.ErrnoException).code ?? String(error), lang));
    }
  } else if (text) {
    stream.write(text);
  }
  // Annotations carry no totals; the job log gets the summary line.
  if (options.format === 'github' && !options.quiet) note(summaryLine(report.files.length, countFindings(report.files), options.thresholdWord ?? 'warning', lang));
  if (hardErrors) return 2;
  return result.reports.some((file) => file.diagnostics.some((d) => fails(d, file.failAt))) ? 1 : 0;
}

/** `docs.language` of the `.stevedore.yaml` that applies where the command runs, if not `auto`. */
function languageOfFolder(project: ProjectConfig, dir: string): DocsLanguage | undefined {
  const language = project.stevedoreConfigFor(dir)?.language;
  return language && language !== 'auto' ? language : undefined;
}

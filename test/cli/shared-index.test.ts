import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ImageGraph, imageGraphOf } from '../../server/src/common/imageGraph';
import { mightBeKubernetesJson } from '../../server/src/common/fileKinds';
import { discoverFiles } from '../../server/src/cli/discover';
import { evidenceEntriesOf, lintLane, lintSharedLane, runEntriesOf, type LaneOptions, type LaneResult } from '../../server/src/cli/lane';
import type { LintTarget } from '../../server/src/cli/lint';
import { queuesOf, sharedRunOf, sharesIndex } from '../../server/src/cli/parallel';
import { cliIndexLimits, importSummary, summarizeManifest, type LaneShare } from '../../server/src/cli/sharedIndex';
import { applyGraphFeed, feedImageGraph, graphFeedOf } from '../../server/src/imageGraphFeed';
import { parseManifestFile } from '../../server/src/kubernetes/model';
import { WorkspaceIndex } from '../../server/src/kubernetes/workspace';
import { corpusAvailable, corpusRoot } from '../corpus/corpus';
import { crossFileFixture } from './crossFileFixture';
import { bundled, bundledCli, hasBundle, noBundleReason, tree } from './helpers';

/**
 * Big runs split the manifests among lanes (worker threads): each lane parses its share, the lanes
 * swap what their files give the workspace index, and each checks its manifests against the whole
 * tree's index (issue 19). None of it may change a finding: these tests compare the split lanes
 * with one lane over every file (what `--no-parallel` runs), in-process with the lanes' exchange
 * played in one thread (summaries structured-cloned, as postMessage sends them), and through the
 * bundle's real threads when dist/cli.js is built.
 */

const options: LaneOptions = { fallbackLang: 'en', fix: false, quiet: false };

function targetsOf(paths: string[], cwd: string): { targets: LintTarget[]; graphOnly: { absolute: string; text: string }[] } {
  const targets: LintTarget[] = [];
  const graphOnly: { absolute: string; text: string }[] = [];
  for (const file of discoverFiles(paths, { cwd, onUnreadable() {} })) {
    if (!file.kind) continue;
    const text = readFileSync(file.absolute, 'utf8');
    if (file.kind === 'evidence') {
      graphOnly.push({ absolute: file.absolute, text });
      continue;
    }
    if (file.kind === 'json' && !mightBeKubernetesJson(text)) continue;
    targets.push({ path: file.path, absolute: file.absolute, kind: file.kind === 'json' ? 'yaml' : file.kind, text });
  }
  return { targets, graphOnly };
}

/**
 * The lanes of a shared run, played in this thread: `assign` gives each lane its own manifests
 * (the rest stay in the queue, which the first lane to take from it empties: lanes run one after
 * another up to the exchange); every lane's summaries are sent, then each lane gets the others'.
 */
async function splitRun(targets: LintTarget[], laneOptions: LaneOptions, laneCount: number, assign: (manifest: LintTarget, i: number) => number | undefined): Promise<LaneResult[]> {
  const shared = sharedRunOf(targets, laneCount);
  const own: LintTarget[][] = Array.from({ length: laneCount }, () => []);
  const queued: LintTarget[] = [];
  shared.manifests.forEach((manifest, i) => {
    const lane = assign(manifest, i);
    if (lane === undefined) queued.push(manifest); else own[lane].push(manifest);
  });
  shared.manifests = queued;
  const sent: LaneShare[][] = [];
  let allSent: () => void = () => {};
  const everyLaneSent = new Promise<void>((resolve) => { allSent = resolve; });
  return Promise.all(own.map((lane, i) => lintSharedLane(lane, shared.run, laneOptions, async (mine) => {
    sent[i] = structuredClone(mine);
    if (sent.filter(Boolean).length === laneCount) allSent();
    await everyLaneSent;
    return [...mine, ...sent.filter((_, other) => other !== i).flatMap((summaries) => structuredClone(summaries))];
  }, queuesOf(shared), undefined, i === 0)));
}

function byPath(results: LaneResult[]): Map<string, unknown> {
  return new Map(results.flatMap((result) => result.reports).map((report) => [report.path, { diagnostics: report.diagnostics, failAt: report.failAt }]));
}

test('the manifests are shared among lanes, except under --fix', () => {
  assert.equal(sharesIndex({ fix: false }), true);
  assert.equal(sharesIndex({ fix: true }), false, '--fix keeps the manifests in one lane');
});

test('an index built from summaries equals one built from the parses, file by file', () => {
  const root = tree(crossFileFixture());
  const manifests = targetsOf(['.'], root).targets.filter((t) => t.kind === 'yaml');
  const parsed = new WorkspaceIndex(cliIndexLimits);
  const imported = new WorkspaceIndex(cliIndexLimits);
  for (const target of manifests) {
    const uri = pathToFileURL(target.absolute).href;
    const file = parseManifestFile(TextDocument.create(uri, 'yaml', 1, target.text));
    parsed.updateFile(uri, file);
    const summary = summarizeManifest(uri, file);
    if (summary) importSummary(imported, structuredClone(summary));
  }
  assert.deepEqual(imported.fileUris(), parsed.fileUris());
  assert.equal(imported.version, parsed.version);
  assert.equal(imported.crdGeneration, parsed.crdGeneration);
  assert.deepEqual(imported.customResourceDefinitions(), parsed.customResourceDefinitions());
  assert.equal(imported.customResourceDefinitions().length, 1);
  assert.deepEqual([...imported.all()], [...parsed.all()]);
  for (const kind of ['Deployment', 'Service', 'ConfigMap', 'Kustomization', 'Widget']) assert.deepEqual(imported.ofKind(kind), parsed.ofKind(kind), kind);
  assert.deepEqual(imported.podOwnersWithLabel('app', 'app-4'), parsed.podOwnersWithLabel('app', 'app-4'));
  assert.deepEqual(imported.knownImages(), parsed.knownImages());
  assert.deepEqual([...imageGraphOf(imported)!.imageUses()], [...imageGraphOf(parsed)!.imageUses()]);
  assert.ok([...imageGraphOf(imported)!.imageUses()].length > 60);
});

test('split lanes report what one lane reports, on a workspace of cross-file findings', async () => {
  const root = tree(crossFileFixture());
  const { targets, graphOnly } = targetsOf(['.'], root);
  const laneOptions = { ...options, graphOnly };
  const expected = byPath([lintLane(targets, laneOptions)]);
  const codes = [...expected.values()].flatMap((report) => (report as { diagnostics: { code?: unknown }[] }).diagnostics.map((d) => String(d.code)));
  // The fixture does reach across files: selectors, config references, CRDs, the image graph.
  for (const code of ['service-selects-nothing', 'image-root-vs-run-as-non-root', 'image-edge-guess']) assert.ok(codes.includes(code), `${code} in ${[...new Set(codes)].join(' ')}`);
  const assignments: [string, number, (manifest: LintTarget, i: number) => number | undefined][] = [
    ['round robin', 2, (_m, i) => i % 2],
    ['halves', 2, (_m, i) => (i < 40 ? 0 : 1)],
    ['three lanes, some from the queue', 3, (_m, i) => (i % 4 === 3 ? undefined : i % 3)],
    ['all from the queue', 2, () => undefined],
  ];
  for (const [name, count, assign] of assignments) {
    const results = await splitRun(targets, laneOptions, count, assign);
    assert.deepEqual(results.flatMap((r) => r.crashes), [], name);
    const paths = results.flatMap((r) => r.reports.map((report) => report.path));
    assert.equal(paths.length, new Set(paths).size, `${name}: each file linted once`);
    assert.deepEqual(byPath(results), expected, name);
  }
  // Parses not kept (a lane over its memory budget) change nothing either.
  assert.deepEqual(byPath(await splitRun(targets, { ...laneOptions, keptParseBudget: 0 }, 2, (_m, i) => i % 2)), expected);
});

test('split lanes report what one lane reports, on the shared corpus', { skip: !corpusAvailable && 'corpus not found' }, async () => {
  const { targets, graphOnly } = targetsOf([corpusRoot], corpusRoot);
  assert.ok(targets.filter((t) => t.kind === 'yaml').length > 500);
  const laneOptions = { ...options, graphOnly };
  const expected = byPath([lintLane(targets, laneOptions)]);
  const results = await splitRun(targets, laneOptions, 2, (_m, i) => (i % 16 < 8 ? 0 : 1));
  assert.deepEqual(results.flatMap((r) => r.crashes), []);
  assert.deepEqual(byPath(results), expected);
});

test('the bundle\'s worker threads give the one-thread report, byte for byte', { skip: hasBundle ? false : noBundleReason }, () => {
  const root = tree(crossFileFixture());
  const parallel = bundled(['lint', '.', '-f', 'json'], { cwd: root });
  const serial = bundled(['lint', '.', '-f', 'json', '--no-parallel'], { cwd: root });
  assert.equal(parallel.code, 1, parallel.stderr);
  assert.equal(parallel.stderr, serial.stderr);
  assert.equal(parallel.stdout, serial.stdout);
  assert.ok(JSON.parse(parallel.stdout).files.length >= 150, 'big enough for worker threads');
  if (corpusAvailable) {
    // The corpus report is megabytes: more than `bundled` takes from a pipe.
    const lint = (...extra: string[]) => spawnSync(process.execPath, [bundledCli, 'lint', corpusRoot, '-f', 'json', ...extra], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8' }, timeout: 300_000 });
    const corpusParallel = lint();
    const corpusSerial = lint('--no-parallel');
    assert.equal(corpusParallel.status, 1, corpusParallel.stderr);
    assert.equal(corpusParallel.stdout, corpusSerial.stdout);
    assert.ok(JSON.parse(corpusParallel.stdout).files.length > 1500);
  }
});


test('an evidence file\'s graph feed, sent to another lane, fills the image graph as its text does', { skip: !corpusAvailable && 'corpus not found' }, () => {
  const fixture = tree(crossFileFixture());
  const entries = evidenceEntriesOf(runEntriesOf([...targetsOf(['.'], fixture).targets, ...targetsOf([corpusRoot], corpusRoot).targets]));
  assert.ok(entries.length > 30, `${entries.length} evidence files`);
  const fromText = new ImageGraph();
  const fromFeeds = new ImageGraph();
  for (const entry of entries) {
    const uri = pathToFileURL(entry.absolute).href;
    feedImageGraph(fromText, uri, entry.text);
    const feed = graphFeedOf(uri, entry.text!);
    assert.ok(feed, uri);
    applyGraphFeed(fromFeeds, structuredClone(feed));
  }
  const state = (graph: ImageGraph) => {
    const fields = graph as unknown as Record<'claims' | 'renames' | 'uses', Map<string, unknown>>;
    return { claims: [...fields.claims], renames: [...fields.renames], uses: [...fields.uses], version: graph.version };
  };
  assert.deepEqual(state(fromFeeds), state(fromText));
  assert.ok(state(fromText).claims.length >= 3 && state(fromText).uses.length > 20, 'the files do make claims and name images');
});

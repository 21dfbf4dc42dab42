import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mightBeKubernetesJson } from '../../server/src/common/fileKinds';
import { CachedFiles } from '../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../server/src/config/projectConfig';
import { discoverFiles } from '../../server/src/cli/discover';
import { lintLane, type LaneOptions } from '../../server/src/cli/lane';
import { Linter, type LintTarget } from '../../server/src/cli/lint';
import { planLanes } from '../../server/src/cli/parallel';
import { corpusAvailable, corpusRoot } from '../corpus/corpus';
import { composeFor, deployment, runAsNonRoot } from '../unit/kubernetes/imageEdgesKit';
import { tree } from './helpers';

/**
 * A lane lints Dockerfiles before manifests (a Dockerfile's one parse also feeds the image graph)
 * and keeps manifests' parses from indexing to linting only within a memory budget. Neither may
 * change a finding: these tests compare the lane with the plain order (every file fed to the graph
 * first, everything linted in discovery order, every parse kept).
 */

/** Files named so that manifests come before and after the Dockerfiles they depend on. */
const edgeFixture = {
  'a-app.yaml': deployment({ image: 'acme/web:1.0', container: runAsNonRoot }),
  'b-guess.yaml': deployment({ image: 'registry.example.com/team/worker:2', container: runAsNonRoot }),
  'compose.yaml': composeFor('acme/web:1.0', './web'),
  'web/Dockerfile': 'FROM alpine:3.20\nUSER root\nEXPOSE 8080\n',
  'worker/Dockerfile': 'FROM alpine:3.20 AS build\nRUN make\nFROM build\nUSER root\n',
  'z-app.yaml': deployment({ image: 'acme/web:1.0', container: runAsNonRoot }).replace(/web/g, 'zed').replace('acme/zed', 'acme/web'),
};

function targetsOf(paths: string[], cwd: string): LintTarget[] {
  const targets: LintTarget[] = [];
  for (const file of discoverFiles(paths, { cwd, onUnreadable() {} })) {
    if (!file.kind || file.kind === 'evidence') continue;
    const text = readFileSync(file.absolute, 'utf8');
    if (file.kind === 'json' && !mightBeKubernetesJson(text)) continue;
    targets.push({ path: file.path, absolute: file.absolute, kind: file.kind === 'json' ? 'yaml' : file.kind, text });
  }
  return targets;
}

const options: LaneOptions = { fallbackLang: 'en', fix: false, quiet: false };

/** The plain order: every file into the graph and the index first, then each linted in turn, every parse kept. */
function plainOrder(targets: LintTarget[]): Map<string, unknown> {
  const linter = new Linter(new ProjectConfig(new CachedFiles()), { fallbackLang: 'en', keepParses: true });
  for (const target of targets) {
    linter.prepare(target);
    if (target.kind === 'dockerfile') linter.feedGraph(target);
  }
  return new Map(targets.map((target) => [target.path, linter.lint(target).diagnostics]));
}

function byPath(reports: { path: string; diagnostics: unknown }[]): Map<string, unknown> {
  return new Map(reports.map((report) => [report.path, report.diagnostics]));
}

test('Dockerfiles linted before the manifests feed the image graph: the same edges and findings as the plain order', () => {
  const root = tree(edgeFixture);
  const targets = targetsOf(['.'], root);
  assert.deepEqual(targets.map((t) => t.path), ['a-app.yaml', 'b-guess.yaml', 'compose.yaml', 'web/Dockerfile', 'worker/Dockerfile', 'z-app.yaml']);
  const lane = lintLane(targets, options);
  assert.deepEqual(lane.crashes, []);
  assert.deepEqual(lane.reports.map((r) => r.path), targets.map((t) => t.path), 'the report keeps the discovery order');
  const codes = (path: string) => lane.reports.find((r) => r.path === path)!.diagnostics.map((d) => d.code);
  // The fixture does reach the graph: a stated edge (Compose build + image) and a folder-name guess.
  assert.ok(codes('a-app.yaml').includes('image-root-vs-run-as-non-root'));
  assert.ok(codes('z-app.yaml').includes('image-root-vs-run-as-non-root'));
  assert.ok(codes('b-guess.yaml').includes('image-edge-guess'));
  assert.deepEqual(byPath(lane.reports), plainOrder(targets));
  // With no manifest in the lane there is no graph to feed; the Dockerfiles' findings do not change.
  const dockerfiles = targets.filter((t) => t.kind !== 'yaml');
  assert.deepEqual(byPath(lintLane(dockerfiles, options).reports), new Map([...plainOrder(targets)].filter(([path]) => !path.endsWith('.yaml') || path === 'compose.yaml')));
});

test('manifests parsed again at lint time (a lane over the kept-parse budget) give the same findings as kept parses', { skip: !corpusAvailable && 'corpus not found' }, () => {
  const root = tree(edgeFixture);
  const corpus = targetsOf([join(corpusRoot, 'k8s', 'GoogleCloudPlatform__microservices-demo'), join(corpusRoot, 'compose', 'docker__awesome-compose'), join(corpusRoot, 'k8s-templated')], root);
  const targets = [...targetsOf(['.'], root), ...corpus];
  assert.ok(targets.filter((t) => t.kind === 'yaml').length > 50, 'enough manifests to matter');
  const expected = plainOrder(targets);
  for (const keptParseBudget of [0, undefined, Number.POSITIVE_INFINITY]) {
    const lane = lintLane(targets, { ...options, keptParseBudget });
    assert.deepEqual(lane.crashes, []);
    assert.deepEqual(byPath(lane.reports), expected, `budget ${keptParseBudget ?? 'default'}`);
  }
});

test('lanes: every manifest in the first lane, each file in one lane', () => {
  const target = (path: string, kind: LintTarget['kind'], size: number): LintTarget => ({ path, absolute: `/w/${path}`, kind, text: 'x'.repeat(size) });
  const dockerfiles = Array.from({ length: 40 }, (_, i) => target(`d${i}/Dockerfile`, 'dockerfile', 3000));
  const manifests = Array.from({ length: 10 }, (_, i) => target(`m${i}.yaml`, 'yaml', 3000));
  const lanes = planLanes([...manifests, ...dockerfiles], 2);
  assert.equal(lanes.length, 2);
  assert.deepEqual(lanes[0].filter((t) => t.kind === 'yaml').length, 10);
  assert.ok(lanes.slice(1).every((lane) => lane.every((t) => t.kind !== 'yaml')));
  assert.deepEqual(lanes.flat().map((t) => t.path).sort(), [...manifests, ...dockerfiles].map((t) => t.path).sort());
  assert.deepEqual(lanes.map((lane) => lane.length), [25, 25], 'files of one weight split evenly');
});

test('the manifests lane reads other lanes\' Dockerfiles (parsed only when asked about) with the same findings', () => {
  const root = tree({ ...edgeFixture, 'empty/Dockerfile': '# no stage yet\n', 'broken/Dockerfile': 'FROM\n' });
  const targets = targetsOf(['.'], root);
  const manifests = targets.filter((t) => t.kind === 'yaml');
  const others = targets.filter((t) => t.kind !== 'yaml');
  const expected = new Map([...plainOrder(targets)].filter(([path]) => path.endsWith('.yaml') && path !== 'compose.yaml'));
  const lane = lintLane(manifests, { ...options, graphOnly: others.map((t) => ({ absolute: t.absolute, text: t.text })) });
  assert.deepEqual(byPath(lane.reports), expected);
  assert.ok(lane.reports.find((r) => r.path === 'b-guess.yaml')!.diagnostics.some((d) => d.code === 'image-edge-guess'));
});

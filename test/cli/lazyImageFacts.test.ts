import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ImageGraph } from '../../server/src/common/imageGraph';
import { discoverFiles } from '../../server/src/cli/discover';
import { lintLane, type LaneOptions } from '../../server/src/cli/lane';
import type { LintTarget } from '../../server/src/cli/lint';
import { imageFactsOf } from '../../server/src/dockerfile/imageFacts';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { WorkspaceIndexer } from '../../server/src/lsp/workspaceIndexer';
import { corpusAvailable, corpusRoot } from '../corpus/corpus';
import { composeFor, deployment, runAsNonRoot } from '../unit/kubernetes/imageEdgesKit';

/**
 * Image facts are worked out only when a question needs them (issue 19): the command line puts
 * every Dockerfile into the image graph unread, and the language server reads an open Dockerfile's
 * facts from the parse the other features share. Answers stay those of reading every file eagerly
 * (test/cli/lane-order.test.ts compares the findings; the corpus JSON is byte-identical).
 */

/** Counts, per Dockerfile URI, how often the graph reads facts left for later, and whether anything set facts eagerly. */
function countReads(): { reads: string[]; eager: string[]; restore(): void } {
  const reads: string[] = [];
  const eager: string[] = [];
  const lazily = ImageGraph.prototype.setDockerfileLazily;
  const setDockerfile = ImageGraph.prototype.setDockerfile;
  ImageGraph.prototype.setDockerfileLazily = function (this: ImageGraph, uri, read) {
    return lazily.call(this, uri, () => { reads.push(uri); return read(); });
  };
  ImageGraph.prototype.setDockerfile = function (this: ImageGraph, uri, facts) {
    eager.push(uri);
    return setDockerfile.call(this, uri, facts);
  };
  return {
    reads, eager,
    restore() {
      ImageGraph.prototype.setDockerfileLazily = lazily;
      ImageGraph.prototype.setDockerfile = setDockerfile;
    },
  };
}

const root = '/w/lazy-facts';
const target = (path: string, kind: LintTarget['kind'], text: string): LintTarget => ({ path, absolute: `${root}/${path}`, kind, text });
const uriOf = (path: string) => pathToFileURL(`${root}/${path}`).href;
const options: LaneOptions = { fallbackLang: 'en', fix: false, quiet: false };

const webDockerfile = target('web/Dockerfile', 'dockerfile', 'FROM alpine:3.20\nUSER root\nEXPOSE 8080\n');
const workerDockerfile = target('worker/Dockerfile', 'dockerfile', 'FROM alpine:3.20\nUSER 1000\n');
const compose = target('compose.yaml', 'compose', composeFor('acme/web:1.0', './web'));

test('a lane reads no Dockerfile\'s facts while no manifest asks about its image', () => {
  const counter = countReads();
  try {
    const unrelated = target('app.yaml', 'yaml', deployment({ image: 'nginx:1.27', container: runAsNonRoot }));
    const lane = lintLane([webDockerfile, workerDockerfile, compose, unrelated], options);
    assert.deepEqual(lane.crashes, []);
    assert.equal(lane.reports.length, 4);
    assert.deepEqual(counter.eager, [], 'no Dockerfile was read eagerly');
    assert.deepEqual(counter.reads, [], 'nginx is built by none of them: no facts read');
  } finally {
    counter.restore();
  }
});

test('a manifest running a built image reads that Dockerfile\'s facts once, and only that one', () => {
  const counter = countReads();
  try {
    const app = target('app.yaml', 'yaml', deployment({ image: 'acme/web:1.0', container: runAsNonRoot }));
    const again = target('again.yaml', 'yaml', deployment({ image: 'acme/web:1.0', container: runAsNonRoot }).replace(/name: web/g, 'name: again'));
    const lane = lintLane([webDockerfile, workerDockerfile, compose, app, again], options);
    assert.deepEqual(lane.crashes, []);
    for (const path of ['app.yaml', 'again.yaml']) {
      const codes = lane.reports.find((report) => report.path === path)!.diagnostics.map((d) => d.code);
      assert.ok(codes.includes('image-root-vs-run-as-non-root'), `${path}: the edge is found (${codes.join(', ')})`);
    }
    assert.deepEqual(counter.reads, [uriOf('web/Dockerfile')]);
    assert.deepEqual(counter.eager, []);
  } finally {
    counter.restore();
  }
});

test('the language server\'s indexer reads an open Dockerfile\'s facts from the shared parse of that version', async () => {
  const uri = 'file:///w/lazy-facts/web/Dockerfile';
  const asked: number[] = [];
  // The shared parse stands for the document's current version; a parse of another text shows which one the graph read.
  let shared: { kind: string; model: unknown } | undefined;
  const indexer = new WorkspaceIndexer({
    modelOf: () => undefined,
    parsedOf: (document) => { asked.push(document.version); return shared; },
    revalidate: () => {},
    log: () => {},
    debounceMs: 1,
    graphFeedDelayMs: 1,
  });
  try {
    const document = TextDocument.create(uri, 'dockerfile', 1, 'FROM alpine\nUSER 1000\n');
    shared = { kind: 'dockerfile', model: parseDockerfile(TextDocument.create(uri, 'dockerfile', 1, 'FROM alpine\nUSER root\n')) };
    indexer.documentChanged(document);
    // As if opened in the editor (the typing path reads open documents only).
    (indexer as unknown as { open: Set<string> }).open.add(uri);
    assert.deepEqual(asked, [1]);
    assert.equal(indexer.graph.factsOf(uri)?.user, 'root', 'the facts come from the shared parse');
    // Typing: read once the pause is over, again from the shared parse of the version then current.
    TextDocument.update(document, [{ text: 'FROM alpine\nUSER 2000\n' }], 2);
    shared = { kind: 'dockerfile', model: parseDockerfile(TextDocument.create(uri, 'dockerfile', 2, 'FROM alpine\nUSER 2000\n')) };
    indexer.documentChanged(document, true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(asked, [1, 2]);
    assert.deepEqual(indexer.graph.factsOf(uri), imageFactsOf(parseDockerfile(document)));
    // No shared Dockerfile parse (another engine's, or none): the text is parsed, as before.
    for (const other of [undefined, { kind: 'yaml', model: {} }]) {
      shared = other;
      TextDocument.update(document, [{ text: `FROM alpine\nUSER ${3000 + asked.length}\n` }], asked.length + 1);
      indexer.documentChanged(document);
      assert.deepEqual(indexer.graph.factsOf(uri), imageFactsOf(parseDockerfile(document)));
    }
  } finally {
    indexer.dispose();
  }
  // Without the option (other fronts, older tests) the indexer parses the text itself.
  const plain = new WorkspaceIndexer({ modelOf: () => undefined, revalidate: () => {}, log: () => {} });
  plain.documentChanged(TextDocument.create(uri, 'dockerfile', 1, 'FROM alpine\nUSER 1000\n'));
  assert.equal(plain.graph.factsOf(uri)?.user, '1000');
  plain.dispose();
});

/** Runs `work` with every Dockerfile left for later read at once instead (the graph as it was fed before). */
function eagerly<T>(work: () => T): T {
  const lazily = ImageGraph.prototype.setDockerfileLazily;
  ImageGraph.prototype.setDockerfileLazily = function (this: ImageGraph, uri, read) {
    let facts;
    try { facts = read(); } catch { facts = undefined; }
    this.setDockerfile(uri, facts);
  };
  try {
    return work();
  } finally {
    ImageGraph.prototype.setDockerfileLazily = lazily;
  }
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Random edits that change what the graph knows: the user, the ports, a dropped line, a stage-less file. */
function edited(text: string, next: () => number): string {
  const lines = text.split('\n');
  const pick = next();
  if (pick < 0.2) lines.push('USER root');
  else if (pick < 0.4) lines.push(`EXPOSE ${1000 + Math.floor(next() * 9000)}`);
  else if (pick < 0.6) lines.splice(Math.floor(next() * lines.length), 1);
  else if (pick < 0.65) return '# no stage\n';
  return lines.join('\n');
}

test('corpus files with random edits: the lazily fed graph gives the findings of the eagerly fed one (own lane and other lanes\' Dockerfiles)', { skip: !corpusAvailable && 'corpus not found' }, () => {
  const picked = [
    join(corpusRoot, 'dockerfile', 'GoogleCloudPlatform__microservices-demo'), join(corpusRoot, 'dockerfile', 'docker__awesome-compose'),
    join(corpusRoot, 'dockerfile', 'dockersamples__example-voting-app'), join(corpusRoot, 'k8s', 'GoogleCloudPlatform__microservices-demo'),
    join(corpusRoot, 'compose', 'docker__awesome-compose'),
  ];
  const corpus: LintTarget[] = [];
  for (const file of discoverFiles(picked, { cwd: corpusRoot, onUnreadable() {} })) {
    if (!file.kind || file.kind === 'evidence' || file.kind === 'json') continue;
    corpus.push({ path: file.path, absolute: file.absolute, kind: file.kind, text: readFileSync(file.absolute, 'utf8') });
  }
  assert.ok(corpus.filter((t) => t.kind === 'dockerfile').length > 20 && corpus.some((t) => t.kind === 'yaml'), 'enough of both');
  // Manifests that run images the corpus's Dockerfiles and Compose files build, and the fixture's own edge.
  const linked = ['adservice', 'frontend', 'vote', 'worker', 'result', 'acme/web:1.0'].map((image, i) =>
    target(`linked-${i}.yaml`, 'yaml', deployment({ image, container: runAsNonRoot })));
  const base = [...corpus, webDockerfile, workerDockerfile, compose, ...linked];
  const codesOf = (reports: { path: string; diagnostics: { code?: unknown }[] }[]) => new Map(reports.map((r) => [r.path, r.diagnostics]));
  for (const seed of [1, 2, 3]) {
    const next = random(seed);
    const targets = base.map((t) => (t.kind === 'dockerfile' && next() < 0.5 ? { ...t, text: edited(t.text, next) } : t));
    const lazy = lintLane(targets, options);
    const eager = eagerly(() => lintLane(targets, options));
    assert.deepEqual(lazy.crashes, eager.crashes);
    assert.deepEqual(codesOf(lazy.reports), codesOf(eager.reports), `seed ${seed}`);
    const graphCodes = [...codesOf(lazy.reports).values()].flat().map((d) => String(d.code)).filter((code) => code.startsWith('image-'));
    assert.ok(graphCodes.length > 0, `seed ${seed}: the graph answers some questions (${graphCodes.length})`);
    // The manifests' lane given the other lanes' Dockerfiles and Compose files only for its graph.
    const manifests = targets.filter((t) => t.kind === 'yaml');
    const others = { ...options, graphOnly: targets.filter((t) => t.kind !== 'yaml').map((t) => ({ absolute: t.absolute, text: t.text })) };
    assert.deepEqual(codesOf(lintLane(manifests, others).reports), codesOf(eagerly(() => lintLane(manifests, others)).reports), `seed ${seed}, manifests lane`);
  }
});

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { lintLane } from '../../../server/src/cli/lane';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { cli } from '../../cli/helpers';
import { contextFor, manifest } from '../helpers';
import { startIndexer } from './indexerKit';
import { composeFor, deployment, runAsNonRoot, workspaceOf } from './imageEdgesKit';

/** The image graph through the fronts: navigation and hover, the language server's indexer, the command line. */

const dockerfileText = 'FROM node:20-slim\nRUN useradd -u 1001 app\nUSER app\nEXPOSE 3000\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n';

test('go to definition from image: lands on the final stage FROM line of the Dockerfile', () => {
  const files = { 'web/Dockerfile': `FROM golang AS build\nRUN go build\n${dockerfileText}`, 'compose.yaml': composeFor(), 'app.yaml': deployment() };
  const ctx = { ...contextFor('en'), workspace: workspaceOf(files) };
  const file = manifest(files['app.yaml'], 'file:///w/app.yaml');
  const line = files['app.yaml'].split('\n').findIndex((l) => l.includes('image:'));
  const found = kubernetesService.definition!(file, { line, character: 20 }, ctx);
  assert.deepEqual(found, [{ uri: 'file:///w/web/Dockerfile', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 17 } } }]);
  assert.equal(kubernetesService.definition!(file, { line: line - 1, character: 12 }, ctx), null, 'on the name: not an image');
});

test('hover on image: shows the Dockerfile summary and the evidence, in both languages', () => {
  const files = { 'web/Dockerfile': dockerfileText, 'compose.yaml': composeFor(), 'app.yaml': deployment() };
  const workspace = workspaceOf(files);
  const file = manifest(files['app.yaml'], 'file:///w/app.yaml');
  const line = files['app.yaml'].split('\n').findIndex((l) => l.includes('image:'));
  const en = (kubernetesService.hover!(file, { line, character: 20 }, { ...contextFor('en'), workspace })!.contents as MarkupContent).value;
  assert.match(en, /Built from\*\* `web\/Dockerfile`/);
  assert.match(en, /node:20-slim/);
  assert.match(en, /`app`/);
  assert.match(en, /3000\/tcp/);
  assert.match(en, /curl -f/);
  assert.match(en, /a Compose service builds it: `services\.web: build \.\/web, image acme\/web:1\.0` \(`compose\.yaml`\)/);
  const zh = (kubernetesService.hover!(file, { line, character: 20 }, { ...contextFor('zh-cn'), workspace })!.contents as MarkupContent).value;
  assert.match(zh, /构建自/);
  assert.match(zh, /依据/);
});

test('the indexer reads Dockerfiles and evidence from disk, and a Dockerfile edit re-checks the open manifests', async () => {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-graph-'));
  try {
    mkdirSync(join(root, 'web'));
    writeFileSync(join(root, 'web', 'Dockerfile'), 'FROM alpine\nUSER 1000\n');
    writeFileSync(join(root, 'skaffold.yaml'), 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: acme/web\n      context: web\n');
    writeFileSync(join(root, 'app.yaml'), deployment({ container: runAsNonRoot }));
    const revalidated: string[][] = [];
    const { indexer, finished } = startIndexer(root, { revalidated });
    await finished;
    const dockerfileUri = pathToFileURL(join(root, 'web', 'Dockerfile')).toString();
    assert.equal(indexer.graph.edgeFor('acme/web:1.0')?.dockerfileUri, dockerfileUri);
    assert.equal(indexer.graph.edgeFor('acme/web:1.0')?.evidence[0].kind, 'skaffold');
    const manifestUri = pathToFileURL(join(root, 'app.yaml')).toString();
    const open = TextDocument.create(manifestUri, 'yaml', 1, deployment({ container: runAsNonRoot }));
    indexer.documentChanged(open);
    (indexer as unknown as { open: Set<string> }).open.add(manifestUri);
    // Quiet while the image runs as UID 1000.
    const codes = () => kubernetesService.diagnose!(manifest(open.getText(), manifestUri), { ...contextFor('en'), workspace: indexer.index }).map((d) => String(d.code));
    assert.ok(!codes().includes('image-root-vs-run-as-non-root'));
    revalidated.length = 0;
    const dockerfile = TextDocument.create(dockerfileUri, 'dockerfile', 2, 'FROM alpine\nUSER root\n');
    indexer.documentChanged(dockerfile);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.ok(revalidated.some((batch) => batch.includes(manifestUri)), 'the open manifest is re-checked');
    assert.ok(codes().includes('image-root-vs-run-as-non-root'));
    // A moved line changes nothing that matters: no re-check.
    revalidated.length = 0;
    indexer.documentChanged(TextDocument.create(dockerfileUri, 'dockerfile', 3, '\nFROM alpine\nUSER root\n'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(revalidated, []);
    indexer.dispose();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('stevedore lint builds the same graph over the paths it is given', async () => {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-graph-cli-'));
  try {
    mkdirSync(join(root, 'web'));
    writeFileSync(join(root, 'web', 'Dockerfile'), 'FROM alpine:3.20\nUSER root\nCMD ["/app"]\n');
    writeFileSync(join(root, 'compose.yaml'), composeFor());
    writeFileSync(join(root, 'app.yaml'), deployment({ container: runAsNonRoot }));
    const run = await cli(['lint', '.', '--format', 'json'], { cwd: root });
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { ruleId: string; severity: string }[] }[] };
    const found = report.files.find((f) => f.path === 'app.yaml')!.diagnostics.filter((d) => d.ruleId === 'image-root-vs-run-as-non-root');
    assert.deepEqual(found.map((d) => d.severity), ['error']);
    // Only the manifest given: no Dockerfile, no edge.
    const alone = JSON.parse((await cli(['lint', 'app.yaml', '--format', 'json'], { cwd: root })).stdout) as typeof report;
    assert.ok(!alone.files[0].diagnostics.some((d) => d.ruleId === 'image-root-vs-run-as-non-root'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('in parallel runs, the manifests\' lane reads the other lanes\' Dockerfiles and Compose files', () => {
  const root = '/w';
  const target = { path: 'app.yaml', absolute: `${root}/app.yaml`, kind: 'yaml' as const, text: deployment({ container: runAsNonRoot }) };
  const options = { fallbackLang: 'en' as const, fix: false, quiet: false };
  const graphOnly = [{ absolute: `${root}/web/Dockerfile`, text: 'FROM alpine\nUSER 0\n' }, { absolute: `${root}/compose.yaml`, text: composeFor() }];
  const withGraph = lintLane([target], { ...options, graphOnly });
  assert.ok(withGraph.reports[0].diagnostics.some((d) => d.code === 'image-root-vs-run-as-non-root'));
  const without = lintLane([target], options);
  assert.ok(!without.reports[0].diagnostics.some((d) => d.code === 'image-root-vs-run-as-non-root'));
});

/**
 * The bundles' data files (scripts/bundle-options.mjs): the schemas and the CRD catalog are written
 * beside a bundle and read from there on first use, and the bundled engine answers from them exactly
 * as the sources do. Also the start-up and memory guards that go with them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { gcFlags } from '../../../server/src/bootFlags';
import { lookupPath, rootNodeId, schemaNode } from '../../../server/src/compose/schema';
import { kindDocs, kindNames } from '../../../server/src/kubernetes/kinds';
import { asciiJson, commonOptions, wideCharacters } from '../../../scripts/bundle-options.mjs';
import { bundledAndSourceProbe, repoRoot, sourceDataFiles, sourceRoot } from './dataFileList';

/** What the probe below prints, computed the same way in this process from the sources. */
const probeSource = (schema: string, catalog: string, compose: string, fieldDocsZh: string): string => `
import { fieldAt, getKindSchema, resolveType } from ${JSON.stringify(schema)};
import { fieldDocsZh } from ${JSON.stringify(fieldDocsZh)};
import { catalogKind, setCatalogConverter } from ${JSON.stringify(catalog)};
import { lookupPath, schemaNode } from ${JSON.stringify(compose)};
export function probe(): string {
  setCatalogConverter((apiVersion, kind, namespaced, schema) => ({ apiVersion, kind, namespaced, root: Object.keys((schema as { properties?: object }).properties ?? {}).sort().join(',') }) as never);
  const pod = getKindSchema('v1', 'Pod')!;
  const image = fieldAt(pod, ['spec', 'containers', 0, 'image']);
  const route = getKindSchema('route.openshift.io/v1', 'Route');
  const certificate = catalogKind('cert-manager.io/v1', 'Certificate') as unknown as { root: string; namespaced: boolean };
  const healthcheck = lookupPath(['services', 'web', 'healthcheck', 'interval']);
  return JSON.stringify({
    podRoot: pod.root,
    specFields: [...resolveType('V1PodSpec')!.properties.keys()].length,
    imageDoc: image?.field?.description,
    imageDocZh: fieldDocsZh()['V1Container.image'],
    ephemeralImageDocZh: fieldDocsZh()['V1EphemeralContainer.image'],
    route: route?.root,
    certificate,
    healthcheck,
    healthcheckNode: schemaNode(healthcheck.id),
  });
}
`;

test('a bundle reads the schemas and the catalog from its data folder and answers as the sources do', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-data-files-'));
  try {
    const schema = join(sourceRoot, 'kubernetes', 'schema', 'index.ts');
    const catalog = join(sourceRoot, 'kubernetes', 'schema', 'catalog.ts');
    const compose = join(sourceRoot, 'compose', 'schema', 'index.ts');
    const { bundled, fromSources, out, script } = await bundledAndSourceProbe(folder, probeSource(schema, catalog, compose, join(sourceRoot, 'kubernetes', 'schema', 'fieldDocsZh.ts')));

    // The data files are written beside the bundle, ASCII only, and not carried inside it (text/ holds
    // the localized literals' strings: localizedText.test.ts).
    assert.ok(script.length < 200_000, `the probe bundle is ${script.length} characters: data is inside it`);
    assert.doesNotMatch(script, /Container image name/);
    const written = readdirSync(join(out, 'data'), { recursive: true }).map(String).map((name) => name.split('\\').join('/')).filter((name) => name.endsWith('.json') && !name.startsWith('text/')).sort();
    const expected = [...sourceDataFiles().keys()].sort();
    assert.deepEqual(written, expected);
    for (const name of written) {
      const text = readFileSync(join(out, 'data', ...name.split('/')), 'utf8');
      assert.deepEqual(wideCharacters(text), [], name);
      assert.doesNotMatch(text, /[^\x00-\x7f]/, `${name} holds non-ASCII characters`);
      assert.deepEqual(JSON.parse(text), JSON.parse(readFileSync(sourceDataFiles().get(name)!, 'utf8')), name);
    }

    // The bundled engine, reading those files, answers what the sources answer here.
    const answered = JSON.parse(bundled);
    assert.deepEqual(answered, JSON.parse(fromSources));
    assert.match(answered.imageDoc, /Container image name/);
    assert.match(answered.imageDocZh, /[\u4e00-\u9fff]/);
    assert.equal(answered.ephemeralImageDocZh, answered.imageDocZh);
    assert.equal(answered.route, 'openshift.route.v1.Route');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('asciiJson escapes every character above U+007F and keeps the value', () => {
  const text = JSON.stringify({ zh: '容器镜像', emoji: 'ship 🚢', latin: 'µs', nested: [{ a: '—' }] });
  const ascii = asciiJson(text);
  assert.doesNotMatch(ascii, /[^\x00-\x7f]/);
  assert.deepEqual(JSON.parse(ascii), JSON.parse(text));
});

test('wideCharacters finds what would make V8 keep a bundle as UTF-16, and passes Latin-1', () => {
  assert.deepEqual(wideCharacters('var a = "\\u3002", b = /µs|ms/;'), []);
  const found = wideCharacters('var before = 1;\nvar re = /[，。]$/;\nvar after = 2;');
  assert.equal(found.length, 1);
  assert.match(found[0]!, /var re = \/\[，。\]\$\//);
});

test('the shipped server and CLI bundles hold no character above U+00FF', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-latin1-'));
  try {
    for (const [entry, name] of [['server/src/lsp/server.ts', 'server.js'], ['server/src/cli/main.ts', 'cli.js']] as const) {
      await build({ ...commonOptions(true), absWorkingDir: repoRoot, entryPoints: [entry], outfile: join(folder, name) });
      assert.deepEqual(wideCharacters(readFileSync(join(folder, name), 'utf8')), [], name);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the Compose schema names its root as rootNodeId says', () => {
  const generated = JSON.parse(readFileSync(join(sourceRoot, 'compose', 'schema', 'compose-schema.json'), 'utf8')) as { root: string };
  assert.equal(generated.root, rootNodeId);
  assert.ok(schemaNode(rootNodeId)?.props?.services);
  assert.equal(lookupPath(['services']).id, schemaNode(rootNodeId)!.props!.services);
});

test('kind names: common kinds first, then alphabetical, sorted once', () => {
  const names = kindNames();
  assert.equal(names, kindNames());
  assert.equal(names.length, Object.keys(kindDocs).length);
  const firstRare = names.findIndex((name) => !kindDocs[name]!.common);
  assert.ok(firstRare > 0);
  assert.ok(names.slice(firstRare).every((name) => !kindDocs[name]!.common));
  const rare = names.slice(firstRare);
  assert.deepEqual(rare, [...rare].sort((a, b) => a.localeCompare(b)));
});

test('gcFlags: a small young generation unless the launcher sized it, no optimizing compiler or inlining and a known bytecode age unless it chose', () => {
  const base = ['--heap-growing-percent=20', '--semi-space-growth-factor=1', '--no-opt', '--no-turbo-inlining', '--bytecode-old-age=5'];
  const without = (...flags: string[]): string[] => base.filter((flag) => !flags.includes(flag));
  assert.deepEqual(gcFlags([]), base);
  assert.deepEqual(gcFlags(['--max-semi-space-size=8']), without('--semi-space-growth-factor=1'));
  assert.deepEqual(gcFlags([], '--max_semi_space_size=4 --trace-warnings'), without('--semi-space-growth-factor=1'));
  assert.deepEqual(gcFlags(['--inspect=6009'], '--max-old-space-size=512'), base);
  for (const choice of ['--opt', '--no-opt', '--turbofan', '--no_turbofan', '--max-opt=2', '--jitless']) {
    assert.deepEqual(gcFlags([choice]), without('--no-opt'), `${choice} is the launcher's choice of the optimizing tier`);
  }
  assert.deepEqual(gcFlags([], '--no-turbofan'), without('--no-opt'));
  assert.deepEqual(gcFlags(['--no-sparkplug']), base, 'baseline code is the launcher\'s to turn off; the optimizing compiler is still held back');
  assert.deepEqual(gcFlags(['--optimize-for-size']), base, 'another option is no choice of the tier');
  assert.deepEqual(gcFlags(['--turbo-inlining']), without('--no-turbo-inlining'));
  assert.deepEqual(gcFlags([], '--no_turbo_inlining'), without('--no-turbo-inlining'));
  assert.deepEqual(gcFlags(['--max-inlined-bytecode-size=100']), base, 'an inlining limit is no choice of inlining itself');
  assert.deepEqual(gcFlags(['--bytecode-old-age=3']), without('--bytecode-old-age=5'));
  assert.deepEqual(gcFlags([], '--bytecode_old_age 2'), without('--bytecode-old-age=5'));
  assert.deepEqual(gcFlags(['--no-flush-bytecode']), base, 'flushing off is the launcher\'s; the age stays as V8 has it');
});

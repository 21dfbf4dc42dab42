// Generates server/src/kubernetes/schema/field-versions.json: for fields of the Kubernetes 1.36 schema
// that a release from 1.29 on added, the earliest release whose API may have it (`"V1PodSpec.resources":
// "1.31"`). Fields 1.28 has, the oldest target `stevedore.kubernetes.version` accepts, are left out.
//
//   node scripts/gen-k8s-field-versions.mjs           write the JSON
//   node scripts/gen-k8s-field-versions.mjs --check   exit 1 when the committed JSON is out of date
//
// Source: older @kubernetes/client-node releases, each generated from one Kubernetes release's
// OpenAPI document, fetched with `npm pack` into a cache folder ($STEVEDORE_CLIENT_NODE_CACHE, default
// <tmp>/stevedore-client-node). A field first seen in the 1.36 models (the devDependency's, our
// schema) is recorded as "1.35", the earliest it can be.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outFile = path.join(repoRoot, 'server/src/kubernetes/schema/field-versions.json');
const cache = process.env.STEVEDORE_CLIENT_NODE_CACHE ?? path.join(os.tmpdir(), 'stevedore-client-node');

/**
 * client-node release → the earliest Kubernetes release a field first seen in its models can come
 * from, oldest first. Their README pairs each with a release, but the models run a release behind
 * (0.20 lacks 1.29's lifecycle `sleep`, 0.22 has 1.30's `trafficDistribution` but not 1.31's image
 * volumes), and no release models 1.31 or 1.35: a field is given the earliest release that may
 * have it, so a target is never told it lacks a field it has. 0.19 is the baseline (1.27 or older).
 */
const releases = [
  ['0.19.0', '1.27'], ['0.20.0', '1.28'], ['0.21.0', '1.29'], ['0.22.3', '1.30'], ['1.0.0', '1.31'], ['1.2.0', '1.33'], ['1.4.0', '1.34'],
];

function modelsOf(version) {
  const dir = path.join(cache, version);
  if (!existsSync(path.join(dir, 'package'))) {
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', `@kubernetes/client-node@${version}`, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tarball], { cwd: dir });
  }
  const gen = path.join(dir, 'package/dist/gen');
  return path.join(gen, existsSync(path.join(gen, 'models')) ? 'models' : 'model');
}

/**
 * `Definition` → its fields' wire names (the `baseName`s of the model's attributeTypeMap: the
 * TypeScript names differ, `_default`); 0.x names the files `v1PodSpec.js`.
 */
function fieldsOf(modelsDir) {
  const out = new Map();
  for (const file of readdirSync(modelsDir).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(path.join(modelsDir, file), 'utf8');
    const name = file.slice(0, -3);
    const fields = new Set([...text.matchAll(/"?baseName"?: "([^"]+)"/g)].map((m) => m[1]));
    out.set(name.charAt(0).toUpperCase() + name.slice(1), fields);
  }
  return out;
}

export function generateFieldVersions() {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, 'server/src/kubernetes/schema/k8s-1.36.json'), 'utf8'));
  const known = releases.map(([version, k8s]) => [k8s, fieldsOf(modelsOf(version))]);
  const table = {};
  for (const [def, { p }] of Object.entries(schema.defs)) {
    for (const field of Object.keys(p)) {
      // Added in a release when the definition was in the one before without it. A definition that
      // is new, or renamed between releases (V1Subject → RbacV1Subject), tells nothing: left out.
      const at = known.findIndex(([, models]) => models.get(def)?.has(field));
      if (at === 0) continue;
      const before = at < 0 ? known.length - 1 : at - 1;
      if (!known[before][1].has(def) || known[before][1].get(def).has(field)) continue;
      const release = at < 0 ? '1.35' : known[at][0];
      // Every accepted target (1.28 and later) has what 1.28 has.
      if (release !== '1.28') table[`${def}.${field}`] = release;
    }
  }
  return `${JSON.stringify(Object.fromEntries(Object.entries(table).sort()), null, 1)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = generateFieldVersions();
  if (process.argv.includes('--check')) {
    if ((existsSync(outFile) ? readFileSync(outFile, 'utf8') : '') !== text) {
      console.error('gen-k8s-field-versions: field-versions.json is out of date; run node scripts/gen-k8s-field-versions.mjs');
      process.exit(1);
    }
    console.log('gen-k8s-field-versions: up to date');
  } else {
    writeFileSync(outFile, text);
    console.log(`gen-k8s-field-versions: wrote ${path.relative(repoRoot, outFile)} (${Object.keys(JSON.parse(text)).length} fields)`);
  }
}

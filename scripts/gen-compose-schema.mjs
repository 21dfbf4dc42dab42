// Generates server/src/compose/schema/compose-schema.json, a compact form of the Compose
// Specification's JSON schema (../shared/reference/compose/compose-spec.json, draft-07), at build
// time. The server reads the committed JSON; the test regenerates it and compares.
//
//   node scripts/gen-compose-schema.mjs           write the JSON
//   node scripts/gen-compose-schema.mjs --check   exit 1 when the committed JSON is out of date
//
// The compact form is what hover, completion and validation need, nothing else: one node per key
// (`service.build`, `healthcheck.test`), the definitions that have keys of their own (service,
// healthcheck, deployment…) once each, the small helper definitions (list_or_dict, string_or_list,
// command…) inlined. The `oneOf` forms of a key (`build: .` or `build: {context: .}`) are merged into
// one node: the JSON types it accepts, its keys, its items. No descriptions: our docs are our own
// words in server/src/compose/docs/, in English and Chinese.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { writeOrCheck } from './generated-file.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const specFile = path.resolve(repoRoot, '..', 'shared', 'reference', 'compose', 'compose-spec.json');
const outFile = path.join(repoRoot, 'server/src/compose/schema/compose-schema.json');

/** Definitions with keys of their own become shared nodes named after them (keys documented once). */
const sharedDefinitions = {
  service: 'service', healthcheck: 'healthcheck', development: 'develop', deployment: 'deploy', include: 'include',
  network: 'network', volume: 'volume', secret: 'secret', config: 'config', model: 'model', service_hook: 'hook',
  blkio_limit: 'blkio_limit', blkio_weight: 'blkio_weight',
};

/** `format`s our validation knows; others are dropped. */
const knownFormats = new Set(['duration']);

/**
 * Durations the schema types as plain strings, with the format their spec chapters give them
 * (Go durations such as `1m30s`): marked so the validation checks them the same way.
 */
const durationKeys = new Set([
  'service.stop_grace_period', 'healthcheck.interval', 'healthcheck.timeout', 'healthcheck.start_period', 'healthcheck.start_interval',
  'deploy.update_config.delay', 'deploy.update_config.monitor', 'deploy.rollback_config.delay', 'deploy.rollback_config.monitor',
  'deploy.restart_policy.delay', 'deploy.restart_policy.window',
]);

/** Sizes in bytes (`512m`, `1g`, or a number of bytes), from the spec chapters. */
const byteSizeKeys = new Set([
  'service.mem_limit', 'service.mem_reservation', 'service.memswap_limit', 'service.shm_size', 'service.pids_limit_unused',
  'deploy.resources.limits.memory', 'deploy.resources.reservations.memory', 'build.shm_size',
]);

export function generateSchema(spec) {
  const definitions = spec.definitions;
  const nodes = {};

  const refName = (schema) => (schema && typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined);

  /** Flattens $refs to helper definitions and oneOf/anyOf/allOf into a list of plain branches. */
  function branches(schema, seen = new Set()) {
    if (!schema || typeof schema !== 'object') return [];
    const name = refName(schema);
    if (name && !(name in sharedDefinitions)) {
      if (seen.has(name)) return [];
      const { $ref, ...rest } = schema;
      return [...branches(rest, seen), ...branches(definitions[name], new Set([...seen, name]))];
    }
    const alternatives = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
    const { oneOf, anyOf, allOf, ...own } = schema;
    const out = [own];
    for (const alternative of alternatives) out.push(...branches(alternative, seen));
    return out;
  }

  /** The shared node of a definition, built once. */
  function shared(name) {
    const sharedId = sharedDefinitions[name];
    if (!nodes[sharedId]) {
      nodes[sharedId] = {};
      nodes[sharedId] = buildNode(sharedId, definitions[name]);
    }
    return sharedId;
  }

  /** The node for a schema at `id` (a key referring to a shared definition gets a node that `use`s it). */
  function build(id, schema) {
    nodes[id] = buildNode(id, schema);
    return id;
  }

  function buildNode(id, schema) {
    const node = {};
    const types = new Set();
    const add = (type) => types.add(type === 'integer' ? 'integer' : type);
    const props = {};
    const required = new Set();
    let closed = false;
    let extensions = false;
    let entries;
    let entryPattern;
    let items;
    const enums = [];
    for (const branch of branches(schema)) {
      const branchTypes = Array.isArray(branch.type) ? branch.type : branch.type ? [branch.type] : [];
      for (const type of branchTypes) add(type);
      const sharedRef = refName(branch);
      if (sharedRef && sharedRef in sharedDefinitions) {
        // The key's structure is a shared definition's (`healthcheck`, `deploy`): its keys are documented there.
        node.use = shared(sharedRef);
        continue;
      }
      if (branch.properties) {
        for (const [key, value] of Object.entries(branch.properties)) props[key] = build(`${id}.${key}`, value);
        if (!branchTypes.length) add('object');
      }
      for (const key of branch.required ?? []) required.add(key);
      if (branch.additionalProperties === false) closed = true;
      if (branch.patternProperties) {
        for (const [pattern, value] of Object.entries(branch.patternProperties)) {
          if (pattern === '^x-') {
            extensions = true;
            continue;
          }
          entryPattern = pattern;
          entries = build(`${id}.*`, value);
        }
      }
      if (branch.additionalProperties && typeof branch.additionalProperties === 'object' && Object.keys(branch.additionalProperties).length > 0) {
        entries = build(`${id}.*`, branch.additionalProperties);
      }
      if (branch.items && typeof branch.items === 'object' && !Array.isArray(branch.items)) items = build(`${id}[]`, branch.items);
      if (branch.enum) enums.push(...branch.enum);
      if (branch.deprecated) node.deprecated = true;
      if (branch.format && knownFormats.has(branch.format)) node.format = branch.format;
      if (typeof branch.pattern === 'string' && id.endsWith('pull_policy')) node.pattern = `^(?:${branch.pattern})$`;
    }
    if (types.has('object') || Object.keys(props).length > 0 || entries) types.add('object');
    if (items) types.add('array');
    if (types.size > 0) node.types = [...types].sort();
    if (enums.length > 0) node.enum = [...new Set(enums)];
    if (items) node.items = items;
    if (Object.keys(props).length > 0) node.props = props;
    if (required.size > 0) node.required = [...required].sort();
    if (entries) node.entries = entries;
    if (entryPattern && entryPattern !== '.+' && entryPattern !== '^.+$') node.entryPattern = entryPattern;
    // Closed: unknown keys are errors. A map of named entries is open to any name that fits its pattern.
    if (closed && Object.keys(props).length > 0) node.closed = true;
    if (extensions) node.extensions = true;
    if (durationKeys.has(id)) node.format = 'duration';
    if (byteSizeKeys.has(id)) node.format = 'bytes';
    return node;
  }

  const rootBranch = { ...spec, $schema: undefined, $id: undefined, title: undefined, description: undefined };
  nodes.compose = buildNode('compose', rootBranch);
  const ordered = Object.fromEntries(Object.keys(nodes).sort().map((key) => [key, nodes[key]]));
  return {
    source: `compose-spec.json sha256:${createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 16)}`,
    root: 'compose',
    nodes: ordered,
  };
}

/** The generated file's text: one node per line, so a diff shows which keys changed. */
export function renderSchema(schema) {
  const lines = Object.entries(schema.nodes).map(([id, node]) => `    ${JSON.stringify(id)}: ${JSON.stringify(node)}`);
  return `{\n  "source": ${JSON.stringify(schema.source)},\n  "root": ${JSON.stringify(schema.root)},\n  "nodes": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export function generateSchemaText(file = specFile) {
  return renderSchema(generateSchema(JSON.parse(readFileSync(file, 'utf8'))));
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  writeOrCheck(outFile, generateSchemaText(), 'node scripts/gen-compose-schema.mjs');
}

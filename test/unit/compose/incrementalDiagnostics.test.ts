import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { largeCompose } from '../../../bench/inputs';
import type { FeatureContext } from '../../../server/src/common/service';
import { normalizeSettings } from '../../../server/src/common/settings';
import { CachedFiles } from '../../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../../server/src/config/projectConfig';
import { diagnoseCompose } from '../../../server/src/compose/diagnostics';
import { incrementalParseCounts, parseComposeIncremental } from '../../../server/src/compose/incrementalParse';
import { parseCompose, type ComposeModel } from '../../../server/src/compose/model';
import { composeFilesUnder, corpusRoot } from '../../corpus/corpus';
import { seededRandom as random } from '../seededRandom';

/**
 * Differential test of incremental Compose checking: after every random edit (characters and lines
 * inserted or deleted, YAML broken and mended), the incrementally parsed and checked version must be
 * the same as a parse and check from scratch: the same tree (every node's fields and range, errors,
 * warnings, line starts) and the same diagnostics. Runs over docker/awesome-compose from the shared
 * corpus (with its real `.env`, Dockerfiles and overrides), the bench's generated file, and files
 * written here to reach the cases the incremental path must refuse (comments, anchors, block
 * scalars, flow collections across lines, several documents).
 */

const awesomeRoot = join(corpusRoot, 'compose', 'docker__awesome-compose');
const corpusSkip = existsSync(awesomeRoot) ? false : `awesome-compose not found at ${awesomeRoot}: the corpus part of the Compose differential test is skipped`;

/** Characters that change YAML's reading most, and some that do not. */
const alphabet = [' ', ' ', ' ', '\n', ':', '-', '#', '&', '*', '"', "'", '{', '}', '[', ']', '$', '{', 'a', 'x', '|', '>', '\t', ',', '!', '%', '<'];

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** One random edit of `text`, mostly inside an indented line (where the incremental path applies). */
function randomEdit(text: string, next: () => number): Edit {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const indented = lines.map((line, index) => (/^ +\S/.test(line) ? index : -1)).filter((index) => index >= 0);
  const lineIndex = indented.length > 0 && next() < 0.9 ? pick(indented) : Math.floor(next() * lines.length);
  const lineStart = lineStarts[lineIndex];
  const line = lines[lineIndex];
  const at = lineStart + Math.floor(next() * (line.length + 1));
  const kind = next();
  if (kind < 0.3) return { start: at, end: at, text: pick(alphabet) };
  if (kind < 0.45) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(next() * 3)), text: '' };
  if (kind < 0.55) return { start: lineStart, end: lineStart, text: ' ' };
  if (kind < 0.62) return { start: lineStart, end: Math.min(lineStart + 1, text.length), text: '' };
  if (kind < 0.72) return { start: lineStart, end: lineStart, text: `${pick(lines)}\n` };
  if (kind < 0.8) return { start: lineStart, end: Math.min(text.length, lineStart + line.length + 1), text: '' };
  if (kind < 0.9) return { start: at, end: at, text: pick(['\n', '\n      ', '${', '}', ': ', '- ', ' # note', '"', ' &a', ' *a', '<<: *a\n']) };
  return { start: at, end: at, text: `\n${' '.repeat(Math.floor(next() * 8))}${pick(['key: value', 'image: x', '- item', 'k: [a,', '"open', 'ports:', ''])}` };
}

const apply = (text: string, edit: Edit): string => text.slice(0, edit.start) + edit.text + text.slice(edit.end);

/** Everything a parsed tree holds, in plain data: class, own fields and children, recursively. */
function treeOf(node: unknown, depth = 0): unknown {
  // Each parse makes its own symbol for a merge key (`<<`): compare what it stands for.
  if (typeof node === 'symbol') return `symbol ${node.description}`;
  // Functions a node owns (a merge key's addToJSMap) must be kept: compare their names.
  if (typeof node === 'function') return `function ${node.name}`;
  if (depth > 300 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => treeOf(item, depth + 1));
  const out: Record<string, unknown> = { class: (node as object).constructor?.name };
  if (isPair(node) || isMap(node) || isSeq(node) || isScalar(node) || isAlias(node)) {
    for (const [key, value] of Object.entries(node)) out[key] = treeOf(value, depth + 1);
    return out;
  }
  return { ...out, ...Object.fromEntries(Object.entries(node).map(([key, value]) => [key, treeOf(value, depth + 1)])) };
}

function modelOf(model: ComposeModel): unknown {
  const problem = (error: { code: string; message: string; pos: [number, number]; name: string }) => ({ name: error.name, code: error.code, message: error.message, pos: error.pos });
  return {
    text: model.text,
    lineStarts: model.lineCounter.lineStarts,
    documents: model.documents.map((doc) => ({
      contents: treeOf(doc.contents),
      range: doc.range,
      errors: doc.errors.map(problem),
      warnings: doc.warnings.map(problem),
      commentBefore: doc.commentBefore,
      comment: doc.comment,
    })),
    rootIsContents: model.root === model.yaml.contents && model.yaml === model.documents[0],
  };
}

/** The first place two plain values differ (the assertion's own message stops a few levels down). */
function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

function assertSame(actual: unknown, expected: unknown, message: string): void {
  const difference = firstDifference(actual, expected);
  if (difference) assert.fail(`${message}: ${difference}`);
}

interface Subject {
  name: string;
  text: string;
  /** The file's path for the project reader (overrides, `.env`, Dockerfiles); none: stands alone. */
  path: string;
  ctx: FeatureContext;
}

let uriCounter = 0;

/**
 * Applies `edits` random edits to the subject, one version after another, comparing the incremental
 * parse and check of each version with a parse and check from scratch. Edits come in runs of one to
 * four; after a run the text mostly goes back to the original in one step (also checked), as typing
 * breaks a file and mends it; otherwise the next run goes on from there.
 */
function replay(subject: Subject, seed: number, edits: number): void {
  const next = random(seed);
  const uri = `file://${subject.path}`;
  let text = subject.text;
  let version = 1;
  parseComposeIncremental(TextDocument.create(uri, 'dockercompose', version, text));
  let left = 0;
  for (let i = 0; i < edits; i++) {
    if (left === 0 && text !== subject.text && next() < 0.6) {
      text = subject.text;
    } else {
      if (left === 0) left = 1 + Math.floor(next() * 4);
      text = apply(text, randomEdit(text, next));
      left--;
    }
    version++;
    const incremental = parseComposeIncremental(TextDocument.create(uri, 'dockercompose', version, text));
    // A URI never seen: nothing cached for it, the whole file read and checked.
    const fresh = parseCompose(TextDocument.create(`file:///fresh/${uriCounter++}${subject.path}`, 'dockercompose', 1, text));
    const where = `${subject.name}, seed ${seed}, edit ${i}`;
    assertSame(modelOf(incremental), modelOf(fresh), `${where}: the incremental parse differs from a whole-file parse`);
    const incrementalFindings = diagnoseCompose(incremental, subject.ctx);
    const freshFindings = diagnoseCompose({ ...fresh, document: TextDocument.create(uri, 'dockercompose', version, text) }, subject.ctx);
    assertSame(incrementalFindings, freshFindings, `${where}: the incremental diagnostics differ from a check from scratch`);
  }
}

const standalone = (name: string, text: string): Subject => ({
  name, text, path: `/incremental/${name}/compose.yaml`,
  ctx: { lang: 'en', settings: normalizeSettings({ profile: 'strict' }), filePath: `/incremental/${name}/compose.yaml`, project: { customSchemaFiles: [] } },
});

/** Written to reach what the incremental path must refuse or get right. */
const handwritten = `name: shop
x-defaults: &defaults
  restart: unless-stopped
  logging:
    driver: json-file

services:
  # The web front
  web:
    <<: *defaults
    image: "nginx:\${NGINX_TAG:-1.27}"
    ports:
      - "8080:80"

    depends_on: [api,
      db]
  api:
    build:
      context: ./api
      args:
        VERSION: 1.2.3
    command: |
      run --port 80

    environment:
      - URL=http://db:5432/?a=1&b=2   # shared
      - PASSWORD=secret
    ports: ["8081:80"]
  db:
    image: postgres:16
    volumes:
      - data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD", "pg_isready"]
      interval: 5s
  worker:
    image: &workerImage busybox
    command: >
      sh -c 'sleep 1'
  cache:
    image: *workerImage
    ports:
      - "8081:80"
volumes:
  data: {}
  logs:
    driver: local
networks:
  front:
`;

test('incremental Compose parse and check equal a whole-file parse and check (bench file, random edits)', () => {
  const counts = { ...incrementalParseCounts };
  const subject = standalone('bench', largeCompose(200));
  for (const seed of [1, 2]) replay(subject, seed, 120);
  // The incremental path must be taken for a good share of the edits, or this test proves nothing.
  assert.ok(incrementalParseCounts.spliced - counts.spliced > 60, `only ${incrementalParseCounts.spliced - counts.spliced} of 240 edits were spliced`);
  assert.ok(incrementalParseCounts.full - counts.full > 20, 'edits the incremental path must refuse were not seen');
});

test('incremental Compose parse and check equal a whole-file parse and check (hand-written edge cases)', () => {
  const counts = { ...incrementalParseCounts };
  const subject = standalone('handwritten', handwritten);
  for (const seed of [11, 12, 13, 14, 15, 16]) replay(subject, seed, 120);
  assert.ok(incrementalParseCounts.spliced - counts.spliced > 40, `only ${incrementalParseCounts.spliced - counts.spliced} of 720 edits were spliced`);
  const twoDocuments = standalone('documents', `${handwritten}---\nservices:\n  other:\n    image: x\n`);
  for (const seed of [21, 22]) replay(twoDocuments, seed, 60);
});

test('incremental Compose parse and check equal a whole-file parse and check (awesome-compose, random edits)', { skip: corpusSkip }, () => {
  const project = new ProjectConfig(new CachedFiles(), { roots: [awesomeRoot] });
  let seed = 100;
  for (const path of composeFilesUnder(awesomeRoot)) {
    const settings = project.settingsFor(path, normalizeSettings({ profile: 'strict' }));
    const ctx: FeatureContext = { lang: 'en', settings, filePath: path, project: project.factsFor(path, settings, 'compose') };
    replay({ name: path.slice(awesomeRoot.length + 1), text: readFileSync(path, 'utf8'), path, ctx }, seed++, 60);
  }
});

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

/**
 * House rules for the import graph of server/src, checked on the source text:
 * - no import cycles (a cycle means two modules are really one, or one of them is in the wrong place);
 * - the engine (common, dockerfile, kubernetes, config, i18n) never imports the fronts (lsp, cli),
 *   never reads the disk (node:fs) and never talks to the client (vscode-languageserver's
 *   connection): the fronts adapt the engine, not the other way round;
 * - one language folder never imports another: what several need lives in common/.
 * Type-only imports count too: they are dependencies of the design even when erased at run time.
 */

const serverSrc = resolve(__dirname, '..', '..', '..', 'server', 'src');
const engineFolders = ['common', 'dockerfile', 'kubernetes', 'compose', 'config', 'i18n'];
const frontFolders = ['lsp', 'cli'];
const forbiddenInEngine = [/^(node:)?fs(\/|$)/, /^vscode-languageserver(\/node)?$/, /^vscode-languageserver\/(node|lib)\//];

/**
 * The fronts' side of config/: the loaders that find and read the project's files for the
 * language server and the command line. They may touch the disk (cachedFiles.ts is the one reader);
 * the engine must not import them — it gets their answers in FeatureContext.project.
 */
const frontLoaders = new Set<string>(['config/projectConfig.ts', 'config/cachedFiles.ts', 'config/projectFiles.ts', 'config/upward.ts']);
/** The only module outside the fronts that reads the disk. */
const diskReaders = new Set<string>(['config/cachedFiles.ts']);

interface ImportEdge {
  specifier: string;
  /** The imported file inside server/src, when the specifier is relative. */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Static imports and re-exports at the start of a line, plus `import('…')` and `require('…')`. */
const staticImport = /^(?:import|export)\b[^'";]*?['"]([^'"]+)['"]/gm;
const dynamicImport = /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(staticImport), ...text.matchAll(dynamicImport)].map((match) => match[1]);
  return specifiers.map((specifier) => ({ specifier, target: specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined }));
}

const files = sourceFiles(serverSrc);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(serverSrc, file).split('\\').join('/');

/** Strongly connected components with more than one file (or a file importing itself): Tarjan. */
function cyclicComponents(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const { target } of graph.get(file) ?? []) {
      if (!target || !graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = graph.get(file)?.some((edge) => edge.target === file);
    if (component.length > 1 || selfImport) components.push(component);
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return components;
}

/** One concrete cycle through the component's first file (shortest, by breadth-first search). */
function cycleThrough(component: string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const { target } of graph.get(file) ?? []) {
      if (!target || !members.has(target)) continue;
      if (target === start) {
        const path = [file];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
        return [...path, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

const folderOf = (file: string) => name(file).split('/')[0];

test('server/src has no import cycles', () => {
  const cycles = cyclicComponents().map((component) => cycleThrough(component).map(name).join(' → '));
  assert.deepEqual(cycles, []);
});

test('the engine never imports the fronts (lsp, cli) or their config loaders', () => {
  const offending = files
    .filter((file) => engineFolders.includes(folderOf(file)) && !frontLoaders.has(name(file)))
    .flatMap((file) => graph.get(file)!
      .filter((edge) => edge.target && (frontFolders.includes(folderOf(edge.target)) || frontLoaders.has(name(edge.target))))
      .map((edge) => `${name(file)} imports ${edge.specifier}`));
  assert.deepEqual(offending, []);
});

test('the language folders do not import each other (shared code lives in common/)', () => {
  const languages = ['dockerfile', 'kubernetes', 'compose'];
  const offending = files
    .filter((file) => languages.includes(folderOf(file)))
    .flatMap((file) => graph.get(file)!.filter((edge) => edge.target && languages.includes(folderOf(edge.target)) && folderOf(edge.target) !== folderOf(file)).map((edge) => `${name(file)} imports ${edge.specifier}`));
  assert.deepEqual(offending, []);
});

test('the engine does no I/O: no node:fs, no language-server connection', () => {
  const offending = files
    .filter((file) => engineFolders.includes(folderOf(file)) && !diskReaders.has(name(file)))
    .flatMap((file) => graph.get(file)!.filter((edge) => forbiddenInEngine.some((pattern) => pattern.test(edge.specifier))).map((edge) => `${name(file)} imports ${edge.specifier}`));
  assert.deepEqual(offending, []);
});

test('the one disk reader outside the fronts still exists and still reads', () => {
  for (const file of diskReaders) {
    const full = join(serverSrc, file);
    assert.ok(existsSync(full), `${file} is gone: update diskReaders`);
    assert.ok(graph.get(full)!.some((edge) => forbiddenInEngine.some((pattern) => pattern.test(edge.specifier))), `${file} no longer reads the disk: update diskReaders`);
  }
});

test('the import scanner sees multi-line, type-only and dynamic imports', () => {
  const sample = "import {\n  a,\n  b,\n} from './multi';\nimport type { T } from './types';\nexport { c } from './again';\nconst j = require('./data.json');\n";
  const found = [...sample.matchAll(staticImport), ...sample.matchAll(dynamicImport)].map((match) => match[1]);
  assert.deepEqual(found, ['./multi', './types', './again', './data.json']);
});

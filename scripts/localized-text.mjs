// Takes the `{ en: '…', zh: '…' }` literals a module builds once, at its top level, out of the
// bundles and into data files read on first use (server/src/common/lazyLocalized.ts says why).
//
// Per module under server/src: esbuild turns the TypeScript into JavaScript (ES modules kept), acorn
// finds the literals outside any function or class (and the Dockerfile rules' `message('…', '…')`,
// which builds one), and each becomes `text(i)`; the module's strings
// go to `data/text/<module>.en.json` and `.zh.json` beside the bundle. Literals inside functions
// (messages built per finding) stay as written: they are made again on every call, and a getter there
// would cost on the hot path what it saves in memory. Development builds keep a source map that
// points at the TypeScript (esbuild chains the inline map of each transformed module).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { dataFileRead, escapedJson, pathUnderSources, sourceRoot, writeDataFile } from './bundle-data.mjs';

const require = createRequire(import.meta.url);
const acorn = require('acorn');

const runtimeModule = join(sourceRoot, 'common', 'lazyLocalized.ts');
/** The name the transformed module calls; unlikely to meet one of ours. */
const factory = '__stevedoreText';

const isFixedString = (node) =>
  (node?.type === 'Literal' && typeof node.value === 'string') || (node?.type === 'TemplateLiteral' && node.expressions.length === 0);
const stringOf = (node) => (node.type === 'Literal' ? node.value : node.quasis[0].value.cooked);
const keyOf = (property) => (property.key.type === 'Identifier' ? property.key.name : property.key.value);
const plain = (property) => property.type === 'Property' && property.kind === 'init' && !property.computed && !property.method && !property.shorthand;

/**
 * The Dockerfile rules' `message(en, zh)` (dockerfile/rules/shellKit.ts), which returns `{ en, zh }`:
 * the local names a module imports it under.
 */
function messageHelpers(program) {
  const names = new Set();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || !/(^|\/)shellKit$/.test(statement.source.value)) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier' && specifier.imported.name === 'message') names.add(specifier.local.name);
    }
  }
  return names;
}

/**
 * `{ en: '…', zh: '…' }` (either order, nothing else in it), or `message('…', '…')` when `helpers`
 * names shellKit's `message`, as [en, zh]; undefined otherwise.
 */
function localizedLiteral(node, helpers) {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && helpers.has(node.callee.name) && node.arguments.length === 2 && node.arguments.every(isFixedString)) {
    return node.arguments.map(stringOf);
  }
  if (node.type !== 'ObjectExpression' || node.properties.length !== 2 || !node.properties.every(plain)) return undefined;
  const byKey = Object.fromEntries(node.properties.map((property) => [keyOf(property), property.value]));
  if (!isFixedString(byKey.en) || !isFixedString(byKey.zh)) return undefined;
  return [stringOf(byKey.en), stringOf(byKey.zh)];
}

const opensScope = (node) => /Function/.test(node.type) || node.type === 'ClassBody';

/**
 * The module-level localized literals of a JavaScript module, replaced by calls of `text(i)`.
 * Line breaks inside a replaced literal are kept, so line numbers do not move. Returns undefined when
 * the module has none.
 */
export function extractLocalized(code, moduleKey) {
  const found = [];
  const program = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const helpers = messageHelpers(program);
  const visit = (node) => {
    if (!node || typeof node.type !== 'string' || opensScope(node)) return;
    const literal = localizedLiteral(node, helpers);
    if (literal) {
      found.push({ start: node.start, end: node.end, literal });
      return;
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (Array.isArray(value)) for (const child of value) visit(child);
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(program);
  if (found.length === 0) return undefined;
  const en = [];
  const zh = [];
  let out = '';
  let at = 0;
  for (const { start, end, literal } of found) {
    const index = en.push(literal[0]) - 1;
    zh.push(literal[1]);
    const lineBreaks = code.slice(start, end).split('\n').length - 1;
    out += `${code.slice(at, start)}${factory}(${index})${'\n'.repeat(lineBreaks)}`;
    at = end;
  }
  out += code.slice(at);
  // The reader is written here, as the data files' are (bundle-data.mjs): the engine reads no file.
  const segments = `${moduleKey}`.split('/').map((segment) => JSON.stringify(segment));
  const last = segments.pop();
  const file = `${last.slice(0, -1)}." + language + ".json"`;
  const read = `(language) => ${dataFileRead(['"text"', ...segments, file])}`;
  const header = `import { localizedTable as ${factory}Table } from ${JSON.stringify(runtimeModule)}; const ${factory} = ${factory}Table(${read}); `;
  return { code: header + out, en, zh };
}

/** A module's key: its path under server/src without `.ts`, with `/` separators. */
export function moduleKeyOf(sourcePath) {
  return pathUnderSources(sourcePath).replace(/\.ts$/, '');
}

const tsconfig = JSON.parse(readFileSync(fileURLToPath(new URL('../tsconfig.json', import.meta.url)), 'utf8'));

export const localizedText = {
  name: 'localized-text',
  setup(pluginBuild) {
    const { outfile, outdir, sourcemap } = pluginBuild.initialOptions;
    const dataDir = join(outdir ?? dirname(outfile), 'data', 'text');
    const tables = new Map();
    pluginBuild.onLoad({ filter: /[\\/]server[\\/]src[\\/].*\.ts$/ }, async (args) => {
      if (args.path.endsWith('.d.ts') || args.path === runtimeModule) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!/\bzh\b|\bmessage\(/.test(source)) return undefined;
      const { code } = await transform(source, {
        loader: 'ts', format: 'esm', target: 'node20', sourcefile: args.path,
        sourcemap: sourcemap ? 'inline' : false, sourcesContent: true,
        tsconfigRaw: { compilerOptions: tsconfig.compilerOptions },
      });
      const key = moduleKeyOf(args.path);
      const result = extractLocalized(code, key);
      if (!result) return undefined;
      tables.set(key, { en: result.en, zh: result.zh });
      return { contents: result.code, loader: 'js', resolveDir: dirname(args.path) };
    });
    pluginBuild.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      for (const [key, strings] of tables) {
        for (const language of ['en', 'zh']) {
          await writeDataFile(join(dataDir, ...`${key}.${language}.json`.split('/')), escapedJson(JSON.stringify(strings[language])));
        }
      }
    });
  },
};

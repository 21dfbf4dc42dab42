// Where a rule lives, found from its id: the module that exports it and the test files that name
// it. scripts/gen-rule-docs.ts prints both on each rule page ("Source"), so from a diagnostic's code
// one reaches the rule's logic, metadata, docs and tests in one step; test/unit/common/ruleHouse.test.ts
// checks that the pages stay true and that every export is named after its id.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folders whose modules export rules (as scripts/gen-rule-index.mjs reads them). */
export const ruleModuleFolders = ['server/src/dockerfile/rules', 'server/src/kubernetes/rules', 'server/src/compose/rules'] as const;

export interface ExportedRule {
  exportName: string;
  id: string;
}

export interface RuleModule {
  /** Repository-relative, `/`-separated: `server/src/dockerfile/rules/apt.ts`. */
  file: string;
  /** The rules this module declares itself (re-exports of another module's rule are left out). */
  rules: ExportedRule[];
}

const requireModule = createRequire(import.meta.url);
const isRule = (value: unknown): value is { meta: { id: string } } =>
  typeof value === 'object' && value !== null && typeof (value as { check?: unknown }).check === 'function' && typeof (value as { meta?: { id?: unknown } }).meta?.id === 'string';
const generatedOrIndex = new Set(['index.ts', 'index.generated.ts']);

/** Every rule module of a folder with the rules it declares, in file-name order. */
export function ruleModules(folder: string): RuleModule[] {
  return readdirSync(join(repoRoot, folder))
    .filter((name) => name.endsWith('.ts') && !generatedOrIndex.has(name))
    .sort()
    .map((name) => {
      const path = join(repoRoot, folder, name);
      const source = readFileSync(path, 'utf8');
      const exports = requireModule(path) as Record<string, unknown>;
      const rules = Object.entries(exports)
        // Declared here, not re-exported from a sibling: the page should name the rule's own file.
        .filter(([exportName, value]) => isRule(value) && new RegExp(`^export\\s+(?:const|let|var)\\s+${exportName}\\b`, 'm').test(source))
        .map(([exportName, value]) => ({ exportName, id: (value as { meta: { id: string } }).meta.id }));
      return { file: `${folder}/${name}`, rules };
    })
    .filter((module) => module.rules.length > 0);
}

let modulesById: Map<string, { file: string; exportName: string }> | undefined;

/** The module that declares the rule with this id, and the export's name; undefined if none does. */
export function ruleModuleOf(id: string): { file: string; exportName: string } | undefined {
  if (!modulesById) {
    modulesById = new Map();
    for (const folder of ruleModuleFolders) {
      for (const module of ruleModules(folder)) for (const rule of module.rules) modulesById.set(rule.id, { file: module.file, exportName: rule.exportName });
    }
  }
  return modulesById.get(id);
}

let testSources: { file: string; text: string }[] | undefined;

function allTestSources(): { file: string; text: string }[] {
  if (testSources) return testSources;
  const found: { file: string; text: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'fixtures') walk(path);
      } else if (entry.name.endsWith('.ts')) {
        found.push({ file: relative(repoRoot, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(join(repoRoot, 'test'));
  testSources = found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return testSources;
}

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The test files (test/**\/*.ts) that name the rule: its id as a whole word (`apt-get-unpinned`, not
 * `apt-get-unpinned-x`) or its export (tests that run one rule import it by name).
 */
export function testFilesMentioning(id: string): string[] {
  const exportName = ruleModuleOf(id)?.exportName;
  const patterns = [new RegExp(`(?<![\\w-])${escapeForPattern(id)}(?![\\w-])`), ...(exportName ? [new RegExp(`\\b${exportName}\\b`)] : [])];
  return allTestSources().filter((source) => patterns.some((pattern) => pattern.test(source.text))).map((source) => source.file);
}

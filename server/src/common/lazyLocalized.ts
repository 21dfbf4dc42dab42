import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Localized } from './localized';

/**
 * Localized text that stays in data files until it is read (issue #19, idle memory).
 *
 * The bundles' build (scripts/localized-text.mjs) takes every `{ en: '…', zh: '…' }` literal a
 * module builds once, at its top level (the docs tables, rule titles and docs, value tables), out
 * of the script and writes that module's strings to `data/text/<module>.en.json` and `.zh.json`
 * beside the bundle. In the script each literal becomes `text(i)`: an object of this class, which
 * reads its language's file on the first read of `en` or `zh`. V8 keeps a script's whole source
 * in memory, and the literals' strings beside it, so an English session no longer holds the Chinese
 * text (six bytes a character as `\uXXXX` escapes in the source) and no session holds docs it has
 * not shown. The sources and the tests use the literals as they are written: this module is only
 * reached from a built bundle.
 *
 * `en` and `zh` are own, enumerable accessors, so the object behaves as the literal did for spread,
 * `Object.keys`, `JSON.stringify` and structured clone; they are read-only, as nothing assigns them.
 */

/** One module's strings, per language, read from its data files on first use. */
class TextTable {
  private readonly byLanguage: { en?: readonly string[]; zh?: readonly string[] } = {};

  constructor(private readonly module: string) {}

  strings(language: 'en' | 'zh'): readonly string[] {
    return (this.byLanguage[language] ??= readStrings(this.module, language));
  }
}

/** Where the build wrote a module's strings: beside the bundle (`__dirname` is the bundle's folder). */
export function textFilePath(folder: string, module: string, language: 'en' | 'zh'): string {
  return join(folder, 'data', 'text', ...`${module}.${language}.json`.split('/'));
}

function readStrings(module: string, language: 'en' | 'zh'): readonly string[] {
  const strings: unknown = JSON.parse(readFileSync(textFilePath(__dirname, module, language), 'utf8'));
  if (!Array.isArray(strings)) throw new Error(`stevedore: ${textFilePath(__dirname, module, language)} is not a list of strings`);
  return strings as string[];
}

class LazyLocalized implements Localized {
  readonly #table: TextTable;
  readonly #index: number;
  declare readonly en: string;
  declare readonly zh: string;

  constructor(table: TextTable, index: number) {
    this.#table = table;
    this.#index = index;
    // The same two accessors on every object: V8 gives them all one hidden class.
    Object.defineProperties(this, LazyLocalized.#accessors);
  }

  static readonly #accessors: PropertyDescriptorMap = {
    en: { enumerable: true, get(this: LazyLocalized) { return this.#table.strings('en')[this.#index]; } },
    zh: { enumerable: true, get(this: LazyLocalized) { return this.#table.strings('zh')[this.#index]; } },
  };
}

/** The build's per-module factory: `text(i)` is the module's i-th literal. */
export function localizedTable(module: string): (index: number) => Localized {
  const table = new TextTable(module);
  return (index) => new LazyLocalized(table, index);
}

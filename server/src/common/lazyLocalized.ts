import type { Localized } from './localized';

/**
 * Localized text that stays in data files until it is read (issue #19, idle memory).
 *
 * The bundles' build (scripts/localized-text.mjs) takes every `{ en: '…', zh: '…' }` literal a
 * module builds once, at its top level (the docs tables, rule titles and docs, value tables), out
 * of the script and writes that module's strings to `data/text/<module>.en.json` and `.zh.json`
 * beside the bundle, with the code that reads them (as for the schemas: the engine reads no file).
 * In the script each literal becomes `text(i)`: an object of this class, which reads its language's
 * file on the first read of `en` or `zh`. V8 keeps a script's whole source
 * in memory, and the literals' strings beside it, so an English session no longer holds the Chinese
 * text (six bytes a character as `\uXXXX` escapes in the source) and no session holds docs it has
 * not shown. The sources and the tests use the literals as they are written: this module is only
 * reached from a built bundle.
 *
 * `en` and `zh` are own, enumerable accessors, so the object behaves as the literal did for spread,
 * `Object.keys`, `JSON.stringify` and structured clone; they are read-only, as nothing assigns them.
 */

/** Reads one language's file of a module's strings (the build writes the reader: the engine reads no file). */
export type TextReader = (language: 'en' | 'zh') => string;

/** One module's strings, per language, read from its data files on first use. */
class TextTable {
  private readonly byLanguage: { en?: readonly string[]; zh?: readonly string[] } = {};

  constructor(private readonly read: TextReader) {}

  strings(language: 'en' | 'zh'): readonly string[] {
    return (this.byLanguage[language] ??= this.parse(language));
  }

  private parse(language: 'en' | 'zh'): readonly string[] {
    const strings: unknown = JSON.parse(this.read(language));
    if (!Array.isArray(strings)) throw new Error(`stevedore: the ${language} text file of a module is not a list of strings`);
    return strings as string[];
  }
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
export function localizedTable(read: TextReader): (index: number) => Localized {
  const table = new TextTable(read);
  return (index) => new LazyLocalized(table, index);
}

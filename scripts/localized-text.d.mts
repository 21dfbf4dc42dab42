import type { Plugin } from 'esbuild';

/** The module-level localized literals of a JavaScript module replaced by `text(i)`, and their strings; undefined when it has none. */
export function extractLocalized(code: string, moduleKey: string): { code: string; en: string[]; zh: string[] } | undefined;
/** A module's key: its path under server/src without `.ts`, with `/` separators. */
export function moduleKeyOf(sourcePath: string): string;
/** The esbuild plugin that moves the strings into `data/text/<module>.<language>.json` beside the bundle. */
export const localizedText: Plugin;

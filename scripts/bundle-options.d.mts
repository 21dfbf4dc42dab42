import type { BuildOptions, Plugin } from 'esbuild';

/** Which files become data files beside a bundle instead of code inside it. */
export declare const dataFilePattern: RegExp;
/** A data file's name under the bundle's `data/` folder (`kubernetes/schema/k8s-1.36.json`). */
export declare function dataFileName(sourcePath: string): string;
/** Minified JSON with every character above U+007F escaped. */
export declare function asciiJson(text: string): string;
export declare const dataFiles: Plugin;
/** Where a bundle holds characters above U+00FF (with context); empty when none. */
export declare function wideCharacters(text: string, limit?: number): string[];
export declare const alias: Record<string, string>;
export declare function commonOptions(production: boolean): BuildOptions;

import type { Metafile } from 'esbuild';
/** The engines built as scripts of their own (`server-<name>.js`). */
export declare const engineNames: readonly string[];
/** The workspace index and the config loaders' YAML parser, also scripts of their own loaded on first use. */
export declare const helperNames: readonly string[];
/** Every script services.ts loads on first use: the engines and the helpers. */
export declare const lazyScriptNames: readonly string[];
/** The server's scripts in a build folder: server.js, server-<engine>.js, server-chunk-<hash>.js (and maps). */
export declare const serverScript: RegExp;
/** Builds the language server's scripts into `outdir`; answers their paths, with the split build's metafile. */
export declare function buildServerScripts(options: { outdir: string; production: boolean; absWorkingDir?: string }): Promise<string[] & { metafile: Metafile }>;
/** The protocol libraries' files whose `export *` copies plain values instead of defining getters. */
export declare const valueReExportFiles: readonly string[];
/** The esbuild plugin that applies lazyBuiltins and valueReExportFiles. */
export declare const protocolLibraryPatches: import('esbuild').Plugin;
/** esbuild's `__toESM` helper made to answer a module with `__esModule` as it is; `found`: how many helpers were patched. */
export declare function esModuleInterop(text: string): { text: string; found: number };

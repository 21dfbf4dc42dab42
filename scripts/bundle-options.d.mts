import type { BuildOptions, Plugin } from 'esbuild';

export declare const jsonAsText: Plugin;
export declare const alias: Record<string, string>;
export declare function commonOptions(production: boolean): BuildOptions;

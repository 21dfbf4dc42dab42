/** The engines built as scripts of their own (`server-<name>.js`). */
export declare const engineNames: readonly string[];
/** The server's scripts in a build folder: server.js, server-<engine>.js, server-chunk-<hash>.js (and maps). */
export declare const serverScript: RegExp;
/** Builds the language server's scripts into `outdir`; answers their paths. */
export declare function buildServerScripts(options: { outdir: string; production: boolean; absWorkingDir?: string }): Promise<string[]>;

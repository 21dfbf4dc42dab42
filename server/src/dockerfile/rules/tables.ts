/**
 * Small tables the syntax rules check against. Mount options, network and security values come
 * from the hover/completion docs in ../docs (one source of truth); the flag list per instruction
 * and the full signal list are kept here until the docs carry them.
 */

export type FlagValueKind = 'boolean' | 'duration' | 'integer' | 'chmod' | 'network' | 'security' | 'mount' | 'checksum' | 'text';

export interface FlagSpec {
  kind: FlagValueKind;
  /** BuildKit accepts the flag several times (`--mount`, `--exclude`). */
  repeatable?: boolean;
}

/** The flags BuildKit's current Dockerfile frontend accepts per instruction (labs ones included). */
export const instructionFlags: Readonly<Record<string, Readonly<Record<string, FlagSpec>>>> = {
  FROM: { platform: { kind: 'text' } },
  RUN: { mount: { kind: 'mount', repeatable: true }, network: { kind: 'network' }, security: { kind: 'security' }, device: { kind: 'text', repeatable: true } },
  COPY: {
    from: { kind: 'text' }, chown: { kind: 'text' }, chmod: { kind: 'chmod' }, link: { kind: 'boolean' },
    parents: { kind: 'boolean' }, exclude: { kind: 'text', repeatable: true },
  },
  ADD: {
    chown: { kind: 'text' }, chmod: { kind: 'chmod' }, link: { kind: 'boolean' }, checksum: { kind: 'checksum' },
    'keep-git-dir': { kind: 'boolean' }, exclude: { kind: 'text', repeatable: true }, unpack: { kind: 'boolean' }, parents: { kind: 'boolean' },
  },
  HEALTHCHECK: {
    interval: { kind: 'duration' }, timeout: { kind: 'duration' }, 'start-period': { kind: 'duration' },
    'start-interval': { kind: 'duration' }, retries: { kind: 'integer' },
  },
};

/** Go's strconv.ParseBool, which BuildKit uses for boolean flags. */
export const booleanWords = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Linux signal names STOPSIGNAL accepts (with or without the SIG prefix). */
export const signalNames = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF',
  'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2',
  'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
]);

/** Args BuildKit defines for every build without an ARG (platform args, proxies). */
export const predefinedArgs = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETSTAGE', 'BUILDKIT_SYNTAX', 'BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'SOURCE_DATE_EPOCH',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);

/** Stage names BuildKit reserves. */
export const reservedStageNames = new Set(['scratch', 'context']);

/** Instructions whose arguments BuildKit expands itself (the others go to the shell at run time). */
export const frontendExpandedInstructions = new Set([
  'ADD', 'COPY', 'ENV', 'EXPOSE', 'FROM', 'LABEL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR', 'ARG',
]);

/** Variables nearly every base image (or BuildKit itself) defines; never reported as typos. */
export const wellKnownEnvironment = new Set([
  'PATH', 'HOME', 'HOSTNAME', 'TERM', 'LANG', 'LANGUAGE', 'LC_ALL', 'USER', 'SHELL', 'PWD', 'TZ', 'TMPDIR',
]);

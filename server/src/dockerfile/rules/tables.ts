import { flagsByInstruction, type FlagDoc } from '../docs/flags';

/**
 * Small tables the rules check against. Flags, mount options, network and security values come
 * from the hover/completion docs in ../docs (one source of truth); the full signal list, the
 * predefined args and the reserved names are kept here.
 */

export type FlagValueKind = 'boolean' | 'duration' | 'integer' | 'chmod' | 'network' | 'security' | 'mount' | 'checksum' | 'text';

export interface FlagSpec {
  kind: FlagValueKind;
  /** BuildKit accepts the flag several times (`--mount`, `--exclude`). */
  repeatable?: boolean;
}

function specFromDoc(doc: FlagDoc): FlagSpec {
  switch (doc.value) {
    case 'boolean': case 'duration': case 'integer': case 'chmod': case 'mount': case 'checksum':
      return { kind: doc.value, repeatable: doc.repeatable };
    case 'enum':
      return { kind: doc.name === 'network' ? 'network' : doc.name === 'security' ? 'security' : 'text', repeatable: doc.repeatable };
    default:
      return { kind: 'text', repeatable: doc.repeatable };
  }
}

/** The flags BuildKit's Dockerfile frontend accepts per instruction, derived from the flag docs. */
export const instructionFlags: Readonly<Record<string, Readonly<Record<string, FlagSpec>>>> = Object.fromEntries(
  Object.entries(flagsByInstruction).map(([instruction, flags]) => [instruction, Object.fromEntries((flags ?? []).map((doc) => [doc.name, specFromDoc(doc)]))]),
);

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

import type { Range } from 'vscode-languageserver-types';

/**
 * What a Dockerfile's final stage tells about the image it builds, as plain data: the Dockerfile
 * side (dockerfile/imageFacts.ts) fills it in, the Kubernetes rules read it through the image
 * graph (imageGraph.ts). Kept here so neither language folder imports the other.
 */

export interface ExposedPort {
  port: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ImageHealthcheck {
  /** The command after `CMD`, as written. */
  command: string;
  /** A `curl`/`wget` of localhost: the URL's path and port, for an `httpGet` probe. */
  http?: { path: string; port: number };
}

export interface ImageCommand {
  form: 'exec' | 'shell';
  /** The exec-form words, or the shell-form text as one element. */
  words: string[];
}

export interface ImageFacts {
  /** The final stage's root base image (after following `FROM <stage>`), undefined for `scratch`. */
  baseImage?: string;
  /** The effective `USER` as written (`node`, `1000:1000`), undefined when no stage of the chain sets one. */
  user?: string;
  /** Where the effective USER line is (or the final FROM line when none). */
  userRange?: Range;
  /** User names created with `useradd -u`/`adduser -u` in this Dockerfile, with their UIDs. */
  createdUsers: Record<string, number>;
  exposed: ExposedPort[];
  healthcheck?: ImageHealthcheck;
  /** `HEALTHCHECK NONE`: the base image's check is switched off. */
  healthcheckDisabled?: boolean;
  entrypoint?: ImageCommand;
  cmd?: ImageCommand;
  volumes: string[];
  /** ENV values with no variables in them (those the build could change are left out). */
  env: Record<string, string>;
  args: string[];
  /** The final stage's FROM line: where navigation lands. */
  fromRange: Range;
}

/** Whether a USER value runs as root: no USER at all, `root`, `0`, with or without a group. */
export function userIsRoot(user: string | undefined): boolean {
  if (user === undefined) return true;
  const name = user.split(':')[0].trim();
  return name === 'root' || name === '0';
}

/** A USER the kubelet can check against `runAsNonRoot`: a number (the group does not matter). */
export function userIsNumeric(user: string): boolean {
  return /^\d+$/.test(user.split(':')[0].trim());
}

/** The user name part of a USER value (`node` of `node:node`). */
export function userName(user: string): string {
  return user.split(':')[0].trim();
}

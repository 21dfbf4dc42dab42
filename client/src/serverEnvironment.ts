/**
 * Environment changes for the language server's process, merged over the editor's own environment
 * by vscode-languageclient (a key set to `undefined` is left out of the child's environment).
 *
 * `NODE_EXTRA_CA_CERTS` makes Node read and parse a certificate bundle at every process start
 * (40–50 ms of CPU on a typical distribution bundle, a quarter of the server's start-up). The
 * server never opens a network connection, so it never needs those certificates.
 */
export const serverEnvironment: Readonly<Record<string, string | undefined>> = {
  NODE_EXTRA_CA_CERTS: undefined,
};

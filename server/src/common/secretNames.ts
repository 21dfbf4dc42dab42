/**
 * Whether an environment variable holds a credential written in plain text, judged from its name
 * and its value. Shared by Kubernetes' secret-in-env-value and Compose's compose-secret-in-environment,
 * so both languages call the same names credentials (tuned for precision on real repositories).
 */

/**
 * Whether an env var's name says it holds a credential. Names are read as words (`DB_PASSWORD`,
 * `dbPassword`, `api-key`): a credential word makes it one, unless another word says the value is
 * about the credential rather than the credential itself — a count, limit, flag, path, name or
 * version (`MAX_INPUT_TOKENS`, `MYSQL_ALLOW_EMPTY_PASSWORD`, `SECRET_VERSION`, `TOKEN_FILE`).
 */
export function credentialName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.some((word) => aboutTheCredential.has(word))) return false;
  return words.some((word, i) => credentialWords.has(word) || (word === 'key' && i > 0 && keyQualifiers.has(words[i - 1])));
}

const credentialWords = new Set([
  'secret', 'password', 'passwd', 'pwd', 'pass', 'passphrase', 'token', 'credential', 'credentials',
  'apikey', 'accesskey', 'secretkey', 'privatekey', 'authkey',
]);
/** `<qualifier>_KEY` is a credential: `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`… (a bare `KEY` is often a cache or map key). */
const keyQualifiers = new Set(['api', 'access', 'private', 'secret', 'signing', 'encryption', 'master', 'license', 'auth', 'client', 'app', 'service', 'account']);
/** Words that make the value a setting about a credential, not the credential. */
const aboutTheCredential = new Set([
  // counts and limits
  'max', 'min', 'count', 'counts', 'limit', 'limits', 'size', 'length', 'len', 'num', 'number', 'total', 'budget', 'retries', 'attempts',
  // flags and policies
  'allow', 'allowed', 'empty', 'enable', 'enabled', 'disable', 'disabled', 'require', 'required', 'skip', 'use', 'mode', 'policy', 'strategy', 'type', 'format', 'algorithm', 'level',
  // where it lives or who it is
  'file', 'files', 'path', 'paths', 'dir', 'directory', 'folder', 'mount', 'location', 'url', 'uri', 'endpoint', 'host', 'port', 'name', 'names', 'id', 'ref', 'header', 'field', 'provider', 'store', 'backend', 'source', 'secretname',
  // time and versions
  'version', 'ttl', 'timeout', 'expiry', 'expiration', 'expires', 'lifetime', 'duration', 'interval', 'age', 'rotation',
]);

/**
 * Whether a written value could be a credential: booleans, small numbers, file paths and `latest`
 * (a secret manager's version) are settings, whatever the name says.
 */
export function credentialValue(value: string): boolean {
  const text = value.trim();
  if (text === '' || /^\$\(.*\)$/.test(text)) return false;
  if (/^(true|false|yes|no|on|off|y|n|latest|none|null|enabled|disabled)$/i.test(text)) return false;
  if (/^-?\d{1,5}$/.test(text)) return false;
  if (/^(\/|\.\.?\/|~\/)[^\s]*$/.test(text) || /^[A-Za-z]:\\/.test(text)) return false;
  return true;
}

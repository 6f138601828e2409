// The server's keyring from the configuration: the key secret resolved, every key checked before the server starts.
import { EleanorError } from '../core/index.js';
import { keySecretFrom, resolveKeySecret } from '../engine/index.js';
import type { HttpConfig } from '../engine/index.js';
import { Keyring } from './auth.js';

export interface KeyringSetup {
  readonly insecureLocal?: boolean;
  /** The key secret's text. @default ELEANOR_API_KEY_SECRET, else the file http.keySecretFile */
  readonly keySecret?: string;
  /** Where a relative http.keySecretFile is. @default process.cwd() */
  readonly baseDir?: string;
}

/** The configured keys (none under --insecure-local, where they are not used), checked before anything starts. */
export function keyringOf(options: KeyringSetup, http: HttpConfig): Keyring {
  if (options.insecureLocal) return new Keyring([]);
  const secret =
    options.keySecret !== undefined
      ? keySecretFrom(options.keySecret, 'keySecret')
      : resolveKeySecret(http.keySecretFile, options.baseDir ?? process.cwd(), process.env);
  const keyring = new Keyring(http.apiKeys ?? [], secret);
  if (keyring.size === 0) {
    throw new EleanorError(
      'INVALID_CONFIG',
      'http.apiKeys: no API keys are configured — add some (eleanor keys create) or set ELEANOR_API_KEYS, or run with --insecure-local',
    );
  }
  return keyring;
}

/** The start-up warning for keys stored as a bare SHA-256, naming them. */
export function legacyKeyWarning(ids: readonly string[]): string {
  return (
    `http.apiKeys: ${ids.map((id) => `'${id}'`).join(', ')} ${ids.length === 1 ? 'is' : 'are'} stored as a bare SHA-256 (sha256), ` +
    'which anyone who reads the configuration can test guesses against offline; re-issue them as keyed hashes: ' +
    'make a secret (eleanor keys secret --out FILE), set http.keySecretFile (or ELEANOR_API_KEY_SECRET), then ' +
    'eleanor keys create for each key (keys given in ELEANOR_API_KEYS need only the secret)'
  );
}

// The API-key secret: API keys are stored as HMAC-SHA-256 under it, so a leaked configuration cannot be guessed against offline.
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EleanorError } from '../../core/index.js';

/** The variable holding the secret itself (it overrides `http.keySecretFile`). */
export const KEY_SECRET_ENV = 'ELEANOR_API_KEY_SECRET';
/** Shortest secret accepted, in bytes (of its UTF-8 text, surrounding whitespace removed). */
export const MIN_KEY_SECRET_BYTES = 32;
/** Shortest raw API key accepted from the configuration (ELEANOR_API_KEYS), in characters. */
export const MIN_API_KEY_LENGTH = 32;

/** The secret's bytes from its text; `what` names where it came from in the error. */
export function keySecretFrom(text: string, what: string): Buffer {
  const secret = Buffer.from(text.trim(), 'utf8');
  if (secret.length < MIN_KEY_SECRET_BYTES) {
    throw new EleanorError(
      'INVALID_CONFIG',
      `${what}: expected a secret of at least ${MIN_KEY_SECRET_BYTES} bytes, got ${secret.length} (eleanor keys secret makes one)`,
    );
  }
  return secret;
}

/** The secret in a file (its whole text, trimmed); relative paths are resolved from `baseDir`. */
export function readKeySecretFile(file: string, baseDir: string, what: string): Buffer {
  const path = resolve(baseDir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new EleanorError(
      'INVALID_CONFIG',
      `${what}: cannot read the key secret file ${path} (${(cause as Error).message})`,
      {
        cause,
      },
    );
  }
  return keySecretFrom(text, `${what} (${path})`);
}

/**
 * The secret for the API keys' keyed hashes: ELEANOR_API_KEY_SECRET when set (environment variables override the
 * file), else the file `http.keySecretFile`, else none (then only legacy `sha256` entries can be used).
 */
export function resolveKeySecret(
  keySecretFile: string | undefined,
  baseDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Buffer | undefined {
  const fromEnv = env[KEY_SECRET_ENV];
  if (fromEnv !== undefined) return keySecretFrom(fromEnv, KEY_SECRET_ENV);
  return keySecretFile === undefined ? undefined : readKeySecretFile(keySecretFile, baseDir, 'http.keySecretFile');
}

/** What an `hmac` entry holds: HMAC-SHA-256 of the key under the secret, as 64 lower-case hex digits. */
export function keyedHash(secret: Buffer, key: string): string {
  return createHmac('sha256', secret).update(key, 'utf8').digest('hex');
}

/** A new secret: 32 random bytes as base64url text (43 characters, 256 bits). */
export function generateKeySecret(): string {
  return randomBytes(32).toString('base64url');
}

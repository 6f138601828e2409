// `eleanor keys create`: a new random API key, printed once, with the entry that stores only its keyed hash; `eleanor keys secret`: the secret for those hashes.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { EleanorError } from '../core/index.js';
import { generateKeySecret, readKeySecretFile, resolveKeySecret } from '../engine/index.js';
import { apiKeySchema, type ApiRole } from '../engine/index.js';
import { loadConfig } from '../engine/index.js';
import { generateApiKey } from '../http/index.js';

export interface KeysCreateFlags {
  readonly id: string;
  readonly role: ApiRole[];
  readonly chain?: string;
  readonly json?: boolean;
  /** The key secret's file. @default ELEANOR_API_KEY_SECRET, else the configuration's http.keySecretFile */
  readonly secretFile?: string;
  /** The configuration whose http.keySecretFile to use. @default ELEANOR_CONFIG, else ./eleanor.config.* */
  readonly config?: string;
}

export interface KeysSecretFlags {
  /** Write the secret to this new file (mode 600) instead of printing it. */
  readonly out?: string;
}

async function secretFor(flags: KeysCreateFlags): Promise<Buffer | undefined> {
  if (flags.secretFile !== undefined) return readKeySecretFile(flags.secretFile, process.cwd(), '--secret-file');
  const config = await loadConfig(flags.config === undefined ? {} : { file: flags.config });
  return resolveKeySecret(config.http?.keySecretFile, config.baseDir ?? process.cwd(), process.env);
}

export async function keysCreateCommand(flags: KeysCreateFlags): Promise<number> {
  const secret = await secretFor(flags);
  const { key, sha256, hmac } = generateApiKey(secret);
  const entry = {
    id: flags.id,
    roles: flags.role,
    ...(hmac === undefined ? { sha256 } : { hmac }),
    ...(flags.chain !== undefined && { chain: flags.chain }),
  };
  const parsed = apiKeySchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EleanorError('INVALID_INPUT', `--${String(issue.path[0] ?? 'id')}: ${issue.message}`);
  }
  if (hmac === undefined) {
    console.error(
      'eleanor: warning: no key secret (--secret-file, ELEANOR_API_KEY_SECRET or http.keySecretFile), so this entry ' +
        'holds the legacy bare SHA-256, which eleanor serve accepts with a warning; make a secret with ' +
        '`eleanor keys secret --out FILE` and create the key again for a keyed hash',
    );
  }
  if (flags.json) {
    console.log(JSON.stringify({ key, entry }, null, 2));
    return 0;
  }
  const stored = hmac === undefined ? 'its SHA-256' : 'its keyed hash (HMAC-SHA-256 under the key secret)';
  console.log(`API key for '${flags.id}' (shown once; Eleanor stores only ${stored}):\n\n  ${key}\n`);
  console.log('Add this entry under http.apiKeys in eleanor.config.yaml:\n');
  console.log(stringify([entry]).replace(/^/gm, '  '));
  console.log(`Or, without a file: ELEANOR_API_KEYS='${flags.id}:${flags.role.join('+')}:${key}'`);
  return 0;
}

export function keysSecretCommand(flags: KeysSecretFlags): number {
  const secret = generateKeySecret();
  if (flags.out === undefined) {
    console.log(secret);
    return 0;
  }
  const path = resolve(flags.out);
  try {
    // 'wx': never replace a secret in place — every key made with it would stop working.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (cause) {
    const exists = (cause as NodeJS.ErrnoException).code === 'EEXIST';
    throw new EleanorError(
      'INVALID_INPUT',
      exists
        ? `--out: expected a new file, got ${path}, which exists (replacing a secret disables every key made with it)`
        : `--out: cannot write ${path} (${(cause as Error).message})`,
      { cause },
    );
  }
  console.log(`eleanor: wrote a new key secret to ${path} (readable by you only)`);
  console.log(`  set http.keySecretFile: ${flags.out} (relative to the configuration file), or`);
  console.log(`  ELEANOR_API_KEY_SECRET="$(cat ${flags.out})"; then make keys with eleanor keys create`);
  return 0;
}

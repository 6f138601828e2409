// `eleanor keys create`: a new random API key, printed once, with the configuration entry that stores only its hash.
import { stringify } from 'yaml';
import { apiKeySchema, type ApiRole } from '../engine/config/http-schema.js';
import { EleanorError } from '../core/errors.js';
import { generateApiKey } from '../http/auth.js';

export interface KeysCreateFlags {
  readonly id: string;
  readonly role: ApiRole[];
  readonly chain?: string;
  readonly json?: boolean;
}

export function keysCreateCommand(flags: KeysCreateFlags): number {
  const { key, sha256 } = generateApiKey();
  const entry = { id: flags.id, roles: flags.role, sha256, ...(flags.chain !== undefined && { chain: flags.chain }) };
  const parsed = apiKeySchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EleanorError('INVALID_INPUT', `--${String(issue.path[0] ?? 'id')}: ${issue.message}`);
  }
  if (flags.json) {
    console.log(JSON.stringify({ key, entry }, null, 2));
    return 0;
  }
  console.log(`API key for '${flags.id}' (shown once; Eleanor stores only its SHA-256):\n\n  ${key}\n`);
  console.log('Add this entry under http.apiKeys in eleanor.config.yaml:\n');
  console.log(stringify([entry]).replace(/^/gm, '  '));
  console.log(`Or, without a file: ELEANOR_API_KEYS='${flags.id}:${flags.role.join('+')}:${key}'`);
  return 0;
}

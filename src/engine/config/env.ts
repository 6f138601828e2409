// ELEANOR_* environment variables: each maps to one configuration path and is validated (errors name the variable).
import { createHash } from 'node:crypto';
import { EleanorError } from '../../core/index.js';
import { KEY_SECRET_ENV, MIN_API_KEY_LENGTH, keyedHash, resolveKeySecret } from './api-key-secret.js';
import { API_ROLES, type ApiRole } from './http-schema.js';

type Kind = 'number' | 'string' | 'list' | 'keys';

/** Every variable Eleanor reads, the config path it sets, and its kind. */
export const ENV_VARIABLES: Readonly<Record<string, { path: readonly string[]; kind: Kind; description: string }>> =
  Object.freeze({
    ELEANOR_CONFIG: { path: [], kind: 'string', description: 'path of the configuration file (JSON or YAML)' },
    ELEANOR_TIMEOUT_MS: { path: ['timeoutMs'], kind: 'number', description: 'default per-critic timeout, ms' },
    ELEANOR_DEADLINE_MS: { path: ['deadlineMs'], kind: 'number', description: 'default evaluation deadline, ms' },
    ELEANOR_CONCURRENCY: { path: ['concurrency'], kind: 'number', description: 'critics running at once' },
    ELEANOR_DENY_AT: { path: ['decision', 'denyAt'], kind: 'number', description: 'severity that denies' },
    ELEANOR_ESCALATE_AT: { path: ['decision', 'escalateAt'], kind: 'number', description: 'severity that escalates' },
    ELEANOR_CONSTRAIN_AT: {
      path: ['decision', 'constrainAt'],
      kind: 'number',
      description: 'severity that constrains',
    },
    ELEANOR_MAX_TEXT_LENGTH: {
      path: ['limits', 'maxTextLength'],
      kind: 'number',
      description: 'largest text, characters',
    },
    ELEANOR_CRITICS: { path: ['critics'], kind: 'list', description: 'comma-separated built-in critics to run' },
    ELEANOR_MODEL_BASE_URL: { path: ['model', 'baseURL'], kind: 'string', description: 'OpenAI-compatible base URL' },
    ELEANOR_MODEL: { path: ['model', 'model'], kind: 'string', description: 'model name at that endpoint' },
    ELEANOR_MODEL_API_KEY: { path: ['model', 'apiKey'], kind: 'string', description: 'API key for that endpoint' },
    ELEANOR_EVIDENCE_STORE: {
      path: ['evidence', 'store'],
      kind: 'string',
      description: 'evidence store: sqlite, postgres, memory, or off (records nothing)',
    },
    ELEANOR_EVIDENCE_PATH: { path: ['evidence', 'path'], kind: 'string', description: 'SQLite evidence file' },
    ELEANOR_EVIDENCE_MODE: { path: ['evidence', 'mode'], kind: 'string', description: 'durability: strict or async' },
    ELEANOR_EVIDENCE_REDACT: {
      path: ['evidence', 'redact'],
      kind: 'string',
      description: 'redaction: none, hash or mask',
    },
    ELEANOR_EVIDENCE_CHAIN: { path: ['evidence', 'chain'], kind: 'string', description: 'default evidence chain' },
    ELEANOR_HTTP_PORT: { path: ['http', 'port'], kind: 'number', description: 'port `eleanor serve` listens on' },
    ELEANOR_HTTP_HOST: { path: ['http', 'host'], kind: 'string', description: 'address `eleanor serve` binds' },
    ELEANOR_API_KEYS: {
      path: ['http', 'apiKeys'],
      kind: 'keys',
      description:
        "API keys added to the file's: id:role[+role]:key, comma-separated, each key at least 32 characters (hashed on load)",
    },
    [KEY_SECRET_ENV]: {
      path: [],
      kind: 'string',
      description: "the secret of the API keys' keyed hashes, at least 32 bytes (overrides http.keySecretFile)",
    },
    ELEANOR_API_KEY: {
      path: [],
      kind: 'string',
      description: 'not read by Eleanor: the key a client sends (the curl `eleanor serve` prints uses it)',
    },
    ELEANOR_CHROMIUM: {
      path: [],
      kind: 'string',
      description: "not read by Eleanor: the browser the dashboard's tests drive",
    },
    ELEANOR_CORPUS: {
      path: [],
      kind: 'string',
      description: 'not read by Eleanor: the labelled corpus `npm run train` reads',
    },
    ELEANOR_EVIDENCE_SIGNING_KEY: {
      path: [],
      kind: 'string',
      description: 'the Ed25519 evidence signing key, as PEM (when evidence.checkpoints names no signingKey file)',
    },
    ELEANOR_TRANSPORT: {
      path: ['transport', 'kind'],
      kind: 'string',
      description: 'where critics run: local (in-process) or bullmq (workers)',
    },
    ELEANOR_TRANSPORT_REDIS_URL: {
      path: ['transport', 'redis', 'url'],
      kind: 'string',
      description: 'the Redis of the BullMQ transport',
    },
    ELEANOR_TRANSPORT_QUEUE: { path: ['transport', 'queue'], kind: 'string', description: 'the BullMQ queue name' },
    ELEANOR_TRANSPORT_PREFIX: { path: ['transport', 'prefix'], kind: 'string', description: "BullMQ's key prefix" },
    ELEANOR_WORKER_CONCURRENCY: {
      path: ['transport', 'worker', 'concurrency'],
      kind: 'number',
      description: 'jobs one worker runs at once',
    },
  });

type KeyEntry = { id: string; roles: ApiRole[] } & ({ hmac: string } | { sha256: string });

/**
 * `id:role+role:key,…` as API key entries, each key replaced at once by its keyed hash under `secret` — or, without
 * a secret, by its bare SHA-256 (the legacy form, which the server warns about).
 */
function parseApiKeys(name: string, raw: string, secret: Buffer | undefined): KeyEntry[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [id, roles, ...rest] = entry.split(':');
      const key = rest.join(':');
      const roleList = (roles ?? '').split('+').filter(Boolean);
      if (!id || key === '' || roleList.length === 0) {
        throw new EleanorError('INVALID_CONFIG', `${name}: entry ${i + 1}: expected id:role[+role]:key`);
      }
      for (const role of roleList) {
        if (!(API_ROLES as readonly string[]).includes(role)) {
          throw new EleanorError(
            'INVALID_CONFIG',
            `${name}: entry ${i + 1} ('${id}'): unknown role '${role}' (expected ${API_ROLES.join(', ')})`,
          );
        }
      }
      if (key.length < MIN_API_KEY_LENGTH) {
        throw new EleanorError(
          'INVALID_CONFIG',
          `${name}: entry ${i + 1} ('${id}'): expected a key of at least ${MIN_API_KEY_LENGTH} characters, got ${key.length} (eleanor keys create makes one)`,
        );
      }
      const roleNames = roleList as ApiRole[];
      return secret === undefined
        ? { id, roles: roleNames, sha256: createHash('sha256').update(key).digest('hex') }
        : { id, roles: roleNames, hmac: keyedHash(secret, key) };
    });
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = node[key] = typeof next === 'object' && next !== null ? { ...(next as Record<string, unknown>) } : {};
  }
  node[path.at(-1)!] = value;
}

/** The configuration with environment overrides applied; unknown ELEANOR_* variables are an error (likely typos). */
export function applyEnv(
  config: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...config };
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('ELEANOR_') || raw === undefined) continue;
    const variable = ENV_VARIABLES[name];
    if (!variable) {
      throw new EleanorError(
        'INVALID_CONFIG',
        `${name}: unknown variable (known: ${Object.keys(ENV_VARIABLES).join(', ')})`,
      );
    }
    if (variable.path.length === 0) continue;
    if (variable.kind === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n))
        throw new EleanorError('INVALID_CONFIG', `${name}: expected a number, got '${raw}'`);
      setPath(result, variable.path, n);
    } else if (variable.kind === 'list') {
      const names = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      setPath(result, variable.path, Object.fromEntries(names.map((n) => [n, {}])));
    } else if (variable.kind === 'keys') {
      const http = (result['http'] ?? {}) as Record<string, unknown>;
      const fromFile = Array.isArray(http['apiKeys']) ? (http['apiKeys'] as unknown[]) : [];
      const secretFile = typeof http['keySecretFile'] === 'string' ? http['keySecretFile'] : undefined;
      const baseDir = typeof result['baseDir'] === 'string' ? result['baseDir'] : process.cwd();
      const secret = resolveKeySecret(secretFile, baseDir, env);
      setPath(result, variable.path, [...fromFile, ...parseApiKeys(name, raw, secret)]);
    } else setPath(result, variable.path, raw);
  }
  if (env['ELEANOR_MODEL_BASE_URL'] !== undefined) setPath(result, ['model', 'type'], 'openai');
  if (env['ELEANOR_EVIDENCE_STORE'] === 'off') result['evidence'] = false;
  if (env['ELEANOR_TRANSPORT'] === 'local') result['transport'] = { kind: 'local' }; // drops the file's bullmq settings
  return result;
}

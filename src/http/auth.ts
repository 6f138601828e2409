// API keys: looked up by their keyed hash (the key itself is never kept), roles checked per route; 401 without a key, 403 for the wrong role.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EleanorError } from '../core/index.js';
import { KEY_SECRET_ENV, keyedHash } from '../engine/index.js';
import { API_ROLES, type ApiKeyConfig, type ApiRole } from '../engine/index.js';
import { HttpError } from './errors.js';

export interface Principal {
  /** The key's id: the actor recorded for its reviews. */
  readonly id: string;
  readonly roles: ReadonlySet<ApiRole>;
  /** The only evidence chain the key may use, when it is bound to one. */
  readonly chain: string | undefined;
  readonly rateLimit: { readonly max: number; readonly windowMs: number } | undefined;
}

/** Who may call a route: public, or any key holding one of `roles` (admin may call everything). */
export type Access = { readonly public: true } | { readonly roles: readonly ApiRole[] };

export const INSECURE_PRINCIPAL: Principal = Object.freeze({
  id: 'local',
  roles: new Set<ApiRole>(API_ROLES),
  chain: undefined,
  rateLimit: undefined,
});

export function sha256Hex(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Random bytes in a generated key: 256 bits, far above the 128 that make guessing hopeless. */
const KEY_BYTES = 32;

/**
 * A new random API key (`elk_` and 32 random bytes as base64url), its keyed hash under `secret` when one is given
 * (what the configuration should hold), and its bare SHA-256 (the legacy form).
 */
export function generateApiKey(secret?: Buffer): { key: string; sha256: string; hmac?: string } {
  const key = `elk_${randomBytes(KEY_BYTES).toString('base64url')}`;
  return { key, sha256: sha256Hex(key), ...(secret !== undefined && { hmac: keyedHash(secret, key) }) };
}

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match) return match[1];
    throw new HttpError(
      401,
      'UNAUTHORIZED',
      'the Authorization header must be "Bearer <API key>"',
      'header.authorization',
      {
        'www-authenticate': 'Bearer',
      },
    );
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined;
}

/** The configured keys, each found in O(1) by the hash of the key presented: keyed (`hmac`) or, legacy, `sha256`. */
export class Keyring {
  readonly #byHmac = new Map<string, Principal>();
  readonly #bySha256 = new Map<string, Principal>();
  readonly #secret: Buffer | undefined;
  /** The ids of keys stored as a bare SHA-256: accepted, but they should be re-issued as keyed hashes. */
  readonly legacyIds: readonly string[];

  /** `secret`: the key secret the `hmac` entries were made with; an `hmac` entry without it is INVALID_CONFIG. */
  constructor(keys: readonly ApiKeyConfig[], secret?: Buffer) {
    this.#secret = secret;
    const legacy: string[] = [];
    keys.forEach((k, i) => {
      const principal: Principal = {
        id: k.id,
        roles: new Set(k.roles),
        chain: k.chain,
        rateLimit: k.rateLimit && { max: k.rateLimit.max, windowMs: k.rateLimit.windowMs ?? 60_000 },
      };
      if (k.hmac !== undefined) {
        if (secret === undefined) {
          throw new EleanorError(
            'INVALID_CONFIG',
            `http.apiKeys.${i}.hmac: the key '${k.id}' is stored as a keyed hash, which needs the secret it was made with: expected http.keySecretFile or ${KEY_SECRET_ENV}, got neither`,
          );
        }
        this.#byHmac.set(k.hmac, principal);
      } else if (k.sha256 !== undefined) {
        this.#bySha256.set(k.sha256, principal);
        legacy.push(k.id);
      } else {
        throw new EleanorError(
          'INVALID_CONFIG',
          `http.apiKeys.${i}: expected hmac (the keyed hash eleanor keys create prints) or a legacy sha256, got neither`,
        );
      }
    });
    this.legacyIds = legacy;
  }

  get size(): number {
    return this.#byHmac.size + this.#bySha256.size;
  }

  #find(key: string): Principal | undefined {
    const keyed = this.#secret && this.#byHmac.size > 0 ? this.#byHmac.get(keyedHash(this.#secret, key)) : undefined;
    return keyed ?? (this.#bySha256.size > 0 ? this.#bySha256.get(sha256Hex(key)) : undefined);
  }

  /** The request's principal, or an HttpError 401. */
  authenticate(request: FastifyRequest): Principal {
    const key = presentedKey(request);
    if (key === undefined) {
      throw new HttpError(
        401,
        'UNAUTHORIZED',
        'an API key is required: send "Authorization: Bearer <key>"',
        'header.authorization',
        {
          'www-authenticate': 'Bearer',
        },
      );
    }
    const principal = this.#find(key);
    if (!principal) {
      throw new HttpError(401, 'UNAUTHORIZED', 'the API key is not valid', 'header.authorization', {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
    return principal;
  }
}

/** Throws 403 unless the principal holds one of the route's roles (or admin). */
export function authorize(principal: Principal, access: Access, request: FastifyRequest): void {
  if ('public' in access) return;
  if (principal.roles.has('admin') || access.roles.some((role) => principal.roles.has(role))) return;
  const held = [...principal.roles].join(', ');
  const needed = [...access.roles, 'admin'].join(' or ');
  throw new HttpError(
    403,
    'FORBIDDEN',
    `the key '${principal.id}' has the role ${held}; ${request.method} ${request.routeOptions.url ?? request.url} needs ${needed}`,
  );
}

/** The chain a request may use: the key's own if it is bound to one (a different one is refused). */
export function chainFor(principal: Principal, requested: string | undefined, path: string): string | undefined {
  if (principal.chain === undefined) return requested;
  if (requested !== undefined && requested !== principal.chain) {
    throw new HttpError(
      403,
      'FORBIDDEN',
      `the key '${principal.id}' may only use the chain '${principal.chain}'`,
      path,
    );
  }
  return principal.chain;
}

/** A 401/403 answer sent from a hook. */
export function sendAuthError(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .send({ code: error.code, message: error.message, path: error.path });
}

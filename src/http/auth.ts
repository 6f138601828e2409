// API keys: looked up by their SHA-256 (the key itself is never kept), roles checked per route; 401 without a key, 403 for the wrong role.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_ROLES, type ApiKeyConfig, type ApiRole } from '../engine/config/http-schema.js';
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

/** A new random API key (32 bytes, base64url) and the SHA-256 to put in the configuration. */
export function generateApiKey(): { key: string; sha256: string } {
  const key = `elk_${randomBytes(32).toString('base64url')}`;
  return { key, sha256: sha256Hex(key) };
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

export class Keyring {
  readonly #byHash = new Map<string, Principal>();

  constructor(keys: readonly ApiKeyConfig[]) {
    for (const k of keys) {
      this.#byHash.set(k.sha256, {
        id: k.id,
        roles: new Set(k.roles),
        chain: k.chain,
        rateLimit: k.rateLimit && { max: k.rateLimit.max, windowMs: k.rateLimit.windowMs ?? 60_000 },
      });
    }
  }

  get size(): number {
    return this.#byHash.size;
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
    const principal = this.#byHash.get(sha256Hex(key));
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

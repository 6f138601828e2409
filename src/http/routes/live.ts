// GET /v1/live (SSE of evaluations as they complete), GET /v1/stats (the rolling window) and GET /v1/whoami (the key).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { INSECURE_PRINCIPAL, type Principal } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { StoreStats } from '../live/store-stats.js';
import { statsQuerySchema } from '../schemas.js';
import { openEventStream } from '../streams.js';
import { parseInput } from '../validate.js';

/** A client further behind than this misses evaluations until it catches up (the server's memory stays bounded). */
const LIVE_BACKLOG_LIMIT_BYTES = 1_048_576;

const DEFAULT_WINDOW_MINUTES = 5;

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'UNAUTHORIZED', 'an API key is required');
  return request.principal;
}

/** The bus carries no chain: a key bound to one (a tenant) must not see every tenant's traffic. */
function refuseChainBound(principal: Principal, request: FastifyRequest): void {
  if (principal.chain === undefined) return;
  throw new HttpError(
    403,
    'FORBIDDEN',
    `the key '${principal.id}' is bound to the chain '${principal.chain}'; ${request.method} ${request.routeOptions.url ?? ''} spans every chain, so it needs a key not bound to one`,
  );
}

export function liveRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const reviewer = { access: { roles: ['reviewer'] as const } };
  // The counts come from the store when there is one: another server (or worker) on it counts too.
  const fromStore = ctx.engine.evidence === null ? undefined : new StoreStats(ctx.engine.evidence);

  app.get('/v1/live', { config: reviewer }, (request, reply) => {
    refuseChainBound(principalOf(request), request);
    const gone = new AbortController();
    const stream = openEventStream(reply, gone.signal, 'eleanor live evaluations');
    const unsubscribe = ctx.live.subscribe({
      evaluation: (item) => {
        if (stream.backlog < LIVE_BACKLOG_LIMIT_BYTES) stream.send('evaluation', item);
      },
      close: () => end(),
    });
    const end = (): void => {
      unsubscribe();
      stream.end();
    };
    reply.raw.once('close', () => {
      gone.abort(new Error('the client disconnected'));
      end();
    });
    return reply;
  });

  app.get('/v1/stats', { config: reviewer }, async (request) => {
    refuseChainBound(principalOf(request), request);
    const query = parseInput(statsQuerySchema, request.query, 'query');
    const minutes = query.windowMinutes ?? DEFAULT_WINDOW_MINUTES;
    const own = ctx.live.stats(minutes);
    if (fromStore === undefined) return { ...own, source: 'process' };
    try {
      const stored = await fromStore.stats(minutes);
      // This server did more than the store's known chains hold: some went to a chain new since the last look.
      if (own.evaluations > stored.evaluations) fromStore.lookSoon();
      return { ...stored, enabled: own.enabled, source: 'store' };
    } catch (error) {
      // A store that cannot be read now still leaves this server's own counts worth showing.
      request.log.warn({ err: error }, 'eleanor: the live statistics could not be read from the evidence store');
      return { ...own, source: 'process' };
    }
  });

  app.get('/v1/whoami', { config: { access: { roles: ['evaluator', 'reviewer'] as const } } }, (request) => {
    const principal = principalOf(request);
    return {
      id: principal.id,
      roles: [...principal.roles],
      chain: principal.chain ?? null,
      insecureLocal: principal === INSECURE_PRINCIPAL,
    };
  });
}

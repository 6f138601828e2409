// Health, readiness, Prometheus metrics, the critics, and evidence verification.
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { ServerContext } from '../context.js';
import { readiness } from '../readiness.js';
import { verifyQuerySchema } from '../schemas.js';
import { chainFor } from '../auth.js';
import { EleanorError } from '../../core/index.js';
import { parseInput } from '../validate.js';

const open = { access: { public: true } as const, rateLimit: false };

export function systemRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  registry: Registry,
  /** What GET /metrics answers; by default this process's series. */
  metricsText: () => Promise<string> = () => registry.metrics(),
): void {
  app.get('/healthz', { config: open }, () => ({ status: 'ok' }));
  app.get('/readyz', { config: open }, async (_request, reply) => {
    const report = await readiness(ctx.engine, ctx.closing());
    return reply.code(report.ready ? 200 : 503).send(report);
  });
  app.get('/metrics', { config: open }, async (_request, reply) =>
    reply.header('content-type', registry.contentType).send(await metricsText()),
  );
  app.get('/v1/critics', { config: { access: { roles: ['evaluator', 'reviewer'] as const } } }, () => ({
    critics: ctx.engine.critics,
  }));
  app.get('/v1/evidence/verify', { config: { access: { roles: ['reviewer'] as const } } }, async (request) => {
    const query = parseInput(verifyQuerySchema, request.query, 'query');
    const store = ctx.engine.evidence;
    if (!store) throw new EleanorError('EVIDENCE_UNAVAILABLE', 'evidence is off: there is nothing to verify');
    return store.verify(chainFor(request.principal!, query.chain, 'query.chain'));
  });
}

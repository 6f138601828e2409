// GET /v1/reviews (the human-review queue) and POST /v1/reviews/:traceId/decision (as the signed-in reviewer).
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';
import type { ServerContext } from '../context.js';
import { traceChain } from '../evaluation-record.js';
import { chainFor } from '../auth.js';
import { reviewDecisionSchema, reviewsQuerySchema, traceParamsSchema } from '../schemas.js';
import { parseInput } from '../validate.js';

export function reviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const reviewer = { access: { roles: ['reviewer'] as const } };
  app.get('/v1/reviews', { config: reviewer }, async (request) => {
    const query = parseInput(reviewsQuerySchema, request.query, 'query');
    const chain = chainFor(request.principal!, query.chain, 'query.chain');
    const reviews = await ctx.engine.reviews.list({
      ...(query.status !== undefined && { status: query.status }),
      ...(query.limit !== undefined && { limit: query.limit }),
      ...(chain !== undefined && { chain }),
    });
    return { reviews };
  });
  app.post('/v1/reviews/:traceId/decision', { config: reviewer }, async (request) => {
    const { traceId } = parseInput(traceParamsSchema, request.params, 'params');
    const body = parseInput(reviewDecisionSchema, request.body, 'body');
    const principal = request.principal;
    if (!principal) throw new HttpError(401, 'UNAUTHORIZED', 'an API key is required');
    const chain = traceChain(request); // a key bound to a chain decides only its own chain's traces
    return ctx.engine.reviews.decide(traceId, { ...body, actor: principal.id }, chain === undefined ? {} : { chain });
  });
}

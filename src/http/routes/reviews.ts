// GET /v1/reviews (the review queue, paged and filtered) and POST /v1/reviews/:traceId/decision (as the reviewer).
import type { FastifyInstance } from 'fastify';
import { isEleanorError } from '../../core/index.js';
import type { ReviewQuery } from '../../evidence/index.js';
import { HttpError } from '../errors.js';
import type { ServerContext } from '../context.js';
import { traceChain } from '../evaluation-record.js';
import { chainFor } from '../auth.js';
import { reviewDecisionSchema, reviewsQuerySchema, traceParamsSchema } from '../schemas.js';
import { parseInput } from '../validate.js';

export function reviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const reviewer = { access: { roles: ['reviewer'] as const } };
  app.get('/v1/reviews', { config: reviewer }, async (request) => {
    const { chain: asked, ...filters } = parseInput(reviewsQuerySchema, request.query, 'query');
    const chain = chainFor(request.principal!, asked, 'query.chain');
    try {
      // `{ reviews, nextCursor, counts }`: `reviews` as before, so clients of the first version keep working.
      const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as ReviewQuery;
      return await ctx.engine.reviews.page({ ...query, ...(chain !== undefined && { chain }) });
    } catch (error) {
      // The store names the query field at fault ('cursor'); answered as the query's, like parseInput's.
      if (isEleanorError(error) && error.code === 'INVALID_INPUT' && error.path !== undefined) {
        throw new HttpError(400, 'INVALID_INPUT', `query.${error.message}`, `query.${error.path}`);
      }
      throw error;
    }
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

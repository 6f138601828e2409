// GET /v1/evidence/checkpoints: the signed checkpoints the store keeps, a page at a time, for another machine to keep.
import type { FastifyInstance } from 'fastify';
import { EleanorError } from '../../core/index.js';
import { chainFor } from '../auth.js';
import type { ServerContext } from '../context.js';
import { checkpointsQuerySchema } from '../schemas.js';
import { parseInput } from '../validate.js';

export function evidenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/evidence/checkpoints', { config: { access: { roles: ['reviewer'] as const } } }, async (request) => {
    const query = parseInput(checkpointsQuerySchema, request.query, 'query');
    const store = ctx.engine.evidence;
    if (!store) throw new EleanorError('EVIDENCE_UNAVAILABLE', 'evidence is off: there are no checkpoints');
    const chain = chainFor(request.principal!, query.chain, 'query.chain');
    return store.checkpoints({
      ...(chain !== undefined && { chain }),
      ...(query.after !== undefined && { after: query.after }),
      ...(query.limit !== undefined && { limit: query.limit }),
    });
  });
}

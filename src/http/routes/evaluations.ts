// POST /v1/evaluations (JSON or SSE), POST /v1/evaluations/batch (NDJSON), GET /v1/evaluations/:traceId, POST …/execute.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EvaluateOptions, EvaluateRequest } from '../../engine/index.js';
import type { Evaluation } from '../../verdict/index.js';
import { chainFor, type Principal } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError, toErrorAnswer } from '../errors.js';
import { recordOf, traceChain } from '../evaluation-record.js';
import { batchRequestSchema, evaluationRequestSchema, traceParamsSchema } from '../schemas.js';
import { openEventStream, openLineStream, wantsEventStream } from '../streams.js';
import { parseInput } from '../validate.js';
import type { z } from 'zod';

type EvaluationBody = z.output<typeof evaluationRequestSchema>;

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new HttpError(401, 'UNAUTHORIZED', 'an API key is required');
  return request.principal;
}

/** The engine's request and options from a validated body; `path` locates the body for errors. */
function toCall(body: EvaluationBody, principal: Principal, path: string): [EvaluateRequest, EvaluateOptions] {
  const { deadlineMs, chain, ...request } = body;
  const allowedChain = chainFor(principal, chain, `${path}.chain`);
  return [
    request as EvaluateRequest,
    { ...(deadlineMs !== undefined && { deadlineMs }), ...(allowedChain !== undefined && { chain: allowedChain }) },
  ];
}

async function evaluateOne(
  ctx: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Evaluation | undefined> {
  const body = parseInput(evaluationRequestSchema, request.body, 'body');
  const [call, options] = toCall(body, principalOf(request), 'body');
  if (wantsEventStream(request)) {
    const tracked = ctx.inflight.track(reply);
    const stream = openEventStream(reply, tracked.signal);
    try {
      const evaluation = await ctx.engine.evaluate(call, {
        ...options,
        signal: tracked.signal,
        onOutcome: (outcome) => stream.send('outcome', outcome),
      });
      stream.send('evaluation', evaluation);
    } catch (error) {
      stream.send('error', toErrorAnswer(error).body);
    } finally {
      tracked.release();
      stream.end();
    }
    return undefined;
  }
  const tracked = ctx.inflight.track(reply);
  try {
    return await ctx.engine.evaluate(call, { ...options, signal: tracked.signal });
  } finally {
    tracked.release();
  }
}

async function evaluateBatch(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { requests } = parseInput(batchRequestSchema, request.body, 'body');
  if (requests.length > ctx.settings.maxBatch) {
    throw new HttpError(
      400,
      'INVALID_INPUT',
      `body.requests: at most ${ctx.settings.maxBatch} requests in one batch (http.maxBatch), got ${requests.length}`,
      'body.requests',
    );
  }
  const principal = principalOf(request);
  const calls = requests.map((body, i) => toCall(body, principal, `body.requests.${i}`));
  const tracked = ctx.inflight.track(reply);
  const lines = openLineStream(reply, tracked.signal);
  let next = 0;
  let failed = 0;
  const worker = async (): Promise<void> => {
    while (next < calls.length && !tracked.signal.aborted) {
      const index = next++;
      const [call, options] = calls[index]!;
      try {
        const evaluation = await ctx.engine.evaluate(call, { ...options, signal: tracked.signal });
        lines.write({ index, evaluation });
      } catch (error) {
        failed++;
        lines.write({ index, error: toErrorAnswer(error, `body.requests.${index}`).body });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(ctx.settings.batchConcurrency, calls.length) }, worker));
    lines.write({ summary: { total: calls.length, evaluated: calls.length - failed, failed } });
  } finally {
    tracked.release();
    lines.end();
  }
}

export function evaluationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const evaluator = { access: { roles: ['evaluator'] as const } };
  app.post('/v1/evaluations', { config: evaluator }, (request, reply) => evaluateOne(ctx, request, reply));
  app.post('/v1/evaluations/batch', { config: evaluator }, (request, reply) => evaluateBatch(ctx, request, reply));
  app.get(
    '/v1/evaluations/:traceId',
    { config: { access: { roles: ['evaluator', 'reviewer'] as const } } },
    async (request) => {
      const { traceId } = parseInput(traceParamsSchema, request.params, 'params');
      return recordOf(ctx.engine, traceId, traceChain(request));
    },
  );
  app.post('/v1/evaluations/:traceId/execute', { config: evaluator }, async (request) => {
    const { traceId } = parseInput(traceParamsSchema, request.params, 'params');
    const chain = traceChain(request); // a key bound to a chain sees only its own
    return ctx.engine.execute(traceId, chain === undefined ? {} : { chain });
  });
}

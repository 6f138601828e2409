// POST /v1/chat/completions: the governing proxy — OpenAI's wire format in and out, the conversation governed in stages.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { EvaluateOptions, ProxyConfig } from '../../engine/index.js';
import type { Evaluation } from '../../verdict/index.js';
import { chainFor } from '../auth.js';
import type { ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import {
  deniedError,
  eleanorHeaders,
  heldAnswer,
  policyOf,
  refusalCompletion,
  replyText,
  summaryOf,
} from '../proxy/answers.js';
import { chatRequestSchema } from '../proxy/chat-schema.js';
import { streamAnswer } from '../proxy/stream-answer.js';
import { upstreamFailure, type ChatBody, type Upstream } from '../proxy/upstream.js';
import { parseInput } from '../validate.js';

/** What the route needs: the configuration's `proxy` section and its upstream. */
export interface ProxyRoute {
  readonly config: ProxyConfig;
  readonly upstream: Upstream;
}

/** The evaluation's options for a request: the caller's chain, and the input stage's policy from `onEscalate`. */
export function guardOptions(request: FastifyRequest, proxy: ProxyConfig, signal: AbortSignal): EvaluateOptions {
  const chain = chainFor(request.principal!, undefined, 'header.authorization');
  // An escalation that will be refused anyway need not wait for the model; one that may be released must.
  const onInputEscalate = policyOf(proxy).onEscalate === 'refuse' ? 'hold' : 'continue';
  return { signal, onInputEscalate, ...(chain !== undefined && { chain }) };
}

/** The answer to a governed, non-streamed completion, by decision and the configured policies. */
function answer(
  reply: FastifyReply,
  proxy: ProxyConfig,
  body: ChatBody,
  evaluation: Evaluation,
  completion: ChatCompletion | undefined,
): unknown {
  void reply.headers(eleanorHeaders(evaluation));
  const policy = policyOf(proxy);
  const released = (): unknown => ({ ...completion, eleanor: summaryOf(evaluation) });
  switch (evaluation.decision) {
    case 'allow':
    case 'constrained_allow':
      return released();
    case 'deny':
      if (policy.onDeny === 'error') throw deniedError(policy);
      return refusalCompletion(body.model, policy.refusal, evaluation, completion);
    case 'escalate':
      if (policy.onEscalate === 'allow' && completion !== undefined) return released();
      if (policy.onEscalate === 'hold' && completion !== undefined) {
        void reply.code(202);
        return heldAnswer(evaluation);
      }
      return refusalCompletion(body.model, policy.refusal, evaluation, completion);
  }
}

/**
 * The proxy's route: registered always; without a `proxy` section it answers 404 saying how to configure one.
 * @example
 * chatCompletionRoutes(app, ctx, { config, upstream: createUpstream(config.upstream, process.env) });
 */
export function chatCompletionRoutes(app: FastifyInstance, ctx: ServerContext, proxy: ProxyRoute | undefined): void {
  app.post('/v1/chat/completions', { config: { access: { roles: ['evaluator'] } } }, async (request, reply) => {
    if (proxy === undefined) {
      throw new HttpError(404, 'NOT_FOUND', 'the proxy is not configured: set proxy.upstream.baseURL (docs/proxy.md)');
    }
    const body = parseInput(chatRequestSchema, request.body, 'body') as ChatBody;
    const traceId = randomUUID();
    const tracked = ctx.inflight.track(reply);
    const options = guardOptions(request, proxy.config, tracked.signal);
    try {
      if (body['stream'] === true) {
        await streamAnswer({
          reply,
          proxy: proxy.config,
          upstream: proxy.upstream,
          engine: ctx.engine,
          body,
          traceId,
          options,
        });
        return reply;
      }
      let completion: ChatCompletion | undefined;
      const evaluation = await ctx.engine.guard(
        { messages: body.messages as never, traceId },
        {
          ...options,
          generate: async (signal) => {
            completion = await proxy.upstream.complete(body, signal);
            return replyText(completion);
          },
        },
      );
      return answer(reply, proxy.config, body, evaluation, completion);
    } catch (error) {
      throw upstreamFailure(error);
    } finally {
      tracked.release();
    }
  });
}

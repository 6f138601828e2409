// A streamed completion through the proxy: upstream deltas governed window by window, relayed as OpenAI SSE chunks.
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { Engine, EvaluateOptions, GuardStreamEvent, ProxyConfig } from '../../engine/index.js';
import { toErrorAnswer } from '../errors.js';
import { chunkOf, deniedError, eleanorHeaders, heldAnswer, policyOf, summaryOf } from './answers.js';
import { openAiError } from './openai-error.js';
import { upstreamFailure, type ChatBody, type Upstream } from './upstream.js';

export interface StreamAnswer {
  readonly reply: FastifyReply;
  readonly proxy: ProxyConfig;
  readonly upstream: Upstream;
  readonly engine: Engine;
  readonly body: ChatBody;
  readonly traceId: string;
  readonly options: EvaluateOptions;
}

/** The upstream's answer as text deltas; the chunks' id, model and finish reason kept for the relayed chunks. */
function deltasOf(upstream: Upstream, body: ChatBody, meta: StreamMeta) {
  return async function* (signal: AbortSignal): AsyncGenerator<string> {
    for await (const chunk of await upstream.stream(body, signal)) {
      meta.from(chunk);
      const text = chunk.choices?.[0]?.delta?.content;
      if (typeof text === 'string' && text !== '') yield text;
    }
  };
}

/** What the relayed chunks say about the upstream's answer. */
class StreamMeta {
  id: string;
  model: string;
  created = Math.floor(Date.now() / 1000);
  finishReason: ChatCompletionChunk.Choice['finish_reason'] = 'stop';
  usage: ChatCompletionChunk['usage'];

  constructor(traceId: string, model: string) {
    this.id = `chatcmpl-eleanor-${traceId}`;
    this.model = model;
  }

  from(chunk: ChatCompletionChunk): void {
    if (typeof chunk.id === 'string') this.id = chunk.id;
    if (typeof chunk.model === 'string') this.model = chunk.model;
    if (typeof chunk.created === 'number') this.created = chunk.created;
    const reason = chunk.choices?.[0]?.finish_reason;
    if (reason) this.finishReason = reason;
    if (chunk.usage) this.usage = chunk.usage;
  }
}

/** The SSE body, opened on the first event: until then the status and headers may still say what happened. */
class SseBody {
  #body: PassThrough | undefined;
  #roleSent = false;

  constructor(
    private readonly reply: FastifyReply,
    private readonly signal: AbortSignal,
  ) {}

  get open(): boolean {
    return this.#body !== undefined;
  }

  start(headers: Record<string, string>): void {
    const body = new PassThrough();
    this.signal.addEventListener('abort', () => body.destroy(), { once: true });
    void this.reply
      .code(200)
      .headers(headers)
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      .header('x-accel-buffering', 'no')
      .send(body);
    this.#body = body;
  }

  data(value: unknown): void {
    if (this.#body && !this.#body.destroyed) this.#body.write(`data: ${JSON.stringify(value)}\n\n`);
  }

  text(meta: StreamMeta, text: string): void {
    this.data(chunkOf(meta, this.#roleSent ? { content: text } : { role: 'assistant', content: text }));
    this.#roleSent = true;
  }

  end(): void {
    if (this.#body && !this.#body.destroyed) this.#body.end('data: [DONE]\n\n');
  }
}

/**
 * Relays a governed stream: released text as chunks; at the end a last chunk with the finish reason and the `eleanor`
 * summary — `content_filter` and the refusal when the answer was stopped or is held. Before any text has gone, a
 * denial with `onDeny: error`, a held escalation and an upstream failure answer as a non-streamed request would.
 */
export async function streamAnswer(call: StreamAnswer): Promise<void> {
  const { reply, proxy, body, traceId } = call;
  const meta = new StreamMeta(traceId, body.model);
  const sse = new SseBody(reply, call.options.signal!);
  const policy = policyOf(proxy);
  const events: AsyncIterable<GuardStreamEvent> = call.engine.guardStream(
    { messages: body.messages as never, traceId },
    {
      ...call.options,
      stream: deltasOf(call.upstream, body, meta),
      stopAt: policy.onEscalate === 'allow' ? 'deny' : 'escalate',
      ...(proxy.stream?.windowChars !== undefined && { windowChars: proxy.stream.windowChars }),
    },
  );
  try {
    for await (const event of events) {
      if (event.type === 'text') {
        if (!sse.open) sse.start({ 'x-eleanor-trace-id': traceId, 'x-eleanor-decision': 'pending' });
        sse.text(meta, event.text);
        continue;
      }
      const { evaluation, complete } = event;
      if (!sse.open) {
        if (!complete && evaluation.decision === 'deny' && policy.onDeny === 'error') {
          void reply.headers(eleanorHeaders(evaluation));
          throw deniedError(policy);
        }
        if (!complete && evaluation.decision === 'escalate' && policy.onEscalate === 'hold') {
          void reply.code(202).headers(eleanorHeaders(evaluation)).send(heldAnswer(evaluation));
          return;
        }
        sse.start(eleanorHeaders(evaluation));
      }
      const last = complete
        ? chunkOf(meta, {}, meta.finishReason)
        : chunkOf(meta, { content: sse.open ? `\n\n${policy.refusal}` : policy.refusal }, 'content_filter');
      sse.data({ ...last, ...(meta.usage && { usage: meta.usage }), eleanor: summaryOf(evaluation) });
    }
  } catch (error) {
    if (!sse.open) throw error;
    const { status, body: problem } = toErrorAnswer(upstreamFailure(error));
    sse.data(openAiError(status, problem));
  } finally {
    sse.end();
  }
}

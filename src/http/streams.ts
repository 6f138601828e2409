// Streamed answers: Server-Sent Events (one event per critic outcome, then the decision) and NDJSON lines.
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How often an idle SSE stream sends a comment, so proxies keep it open. */
const KEEPALIVE_MS = 15_000;

export interface EventStream {
  /** Writes one event; a no-op once the client has gone. */
  send(event: string, data: unknown): void;
  end(): void;
  /** Bytes written that the client has not taken yet: a slow reader's backlog. */
  readonly backlog: number;
}

/** A streamed answer's body; destroyed when `signal` aborts (the client went away, or shutdown cancelled it). */
function openStream(reply: FastifyReply, contentType: string, signal: AbortSignal): PassThrough {
  const body = new PassThrough();
  signal.addEventListener('abort', () => body.destroy(), { once: true });
  void reply
    .code(200)
    .header('content-type', contentType)
    .header('cache-control', 'no-cache, no-transform')
    .header('x-accel-buffering', 'no')
    .send(body);
  return body;
}

/** `greeting` is the first comment: it sends the headers at once, so the client knows the stream is open. */
export function openEventStream(
  reply: FastifyReply,
  signal: AbortSignal,
  greeting = 'eleanor evaluation stream',
): EventStream {
  const body = openStream(reply, 'text/event-stream; charset=utf-8', signal);
  body.write(`: ${greeting}\n\n`);
  const keepalive = setInterval(() => body.write(': keep-alive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  let ended = false;
  return {
    send(event, data) {
      if (ended || body.destroyed) return;
      body.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (ended) return;
      ended = true;
      clearInterval(keepalive);
      body.end();
    },
    get backlog() {
      return body.writableLength + body.readableLength;
    },
  };
}

export interface LineStream {
  write(value: unknown): void;
  end(): void;
}

export function openLineStream(reply: FastifyReply, signal: AbortSignal): LineStream {
  const body = openStream(reply, 'application/x-ndjson; charset=utf-8', signal);
  return {
    write(value) {
      if (!body.destroyed) body.write(`${JSON.stringify(value)}\n`);
    },
    end: () => body.end(),
  };
}

/** True when the client asked for Server-Sent Events. */
export function wantsEventStream(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/event-stream');
}

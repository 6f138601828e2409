// A real OpenAI-compatible chat-completions server on 127.0.0.1 for tests: scripted replies, recorded requests, hangs.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server answers to one request. */
export type ChatReply =
  /** A 200 chat completion whose assistant message has this content (null: no content, e.g. a refusal). */
  | {
      readonly content: string | null;
      readonly refusal?: string;
      readonly finishReason?: string;
      /** Answers after this long (a slow model). */
      readonly delayMs?: number;
    }
  /** An HTTP error with this status and JSON body. @default body { error: { message: 'scripted failure' } } */
  | { readonly status: number; readonly body?: unknown }
  /** Never answer: the request stays open until the client closes the connection. */
  | { readonly hang: true }
  /** Server-sent chunks, one content delta each, `delayMs` apart (a request with `stream: true`). */
  | { readonly stream: readonly string[]; readonly delayMs?: number };

export interface ChatMessage {
  readonly role: string;
  readonly content: string;
}

/** The parsed body of a chat-completions request (only the fields tests read are typed). */
export interface ChatRequestBody {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly response_format?: { readonly type: string; readonly json_schema?: Record<string, unknown> };
  readonly temperature?: number;
  readonly max_tokens?: number;
  readonly [field: string]: unknown;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: ChatRequestBody;
  /** Resolves when the client closed the connection before the server answered. */
  readonly clientClosed: Promise<void>;
}

export interface ChatServer {
  /** e.g. 'http://127.0.0.1:54321/v1' */
  readonly baseURL: string;
  /** Every chat-completions request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Resolves with the request at this index (0-based) once it has arrived. */
  request(index: number): Promise<RecordedRequest>;
  /** Closes every open connection and the server. */
  close(): Promise<void>;
}

/** Scripted replies: a function of the request, or a list answered in order (the last one repeats). */
export type ChatScript = readonly ChatReply[] | ((body: ChatRequestBody, index: number) => ChatReply);

function completion(model: string, reply: Extract<ChatReply, { content: unknown }>, index: number): unknown {
  return {
    id: `chatcmpl-test-${index}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content, refusal: reply.refusal ?? null },
        finish_reason: reply.finishReason ?? 'stop',
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes the deltas as OpenAI stream chunks, then a finishing chunk and [DONE]; stops if the client goes away. */
async function sendStream(
  res: ServerResponse,
  model: string,
  reply: Extract<ChatReply, { stream: unknown }>,
  index: number,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
    `data: ${JSON.stringify({
      id: `chatcmpl-test-${index}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`;
  for (const [i, text] of reply.stream.entries()) {
    if (res.destroyed) return;
    res.write(chunk(i === 0 ? { role: 'assistant', content: text } : { content: text }, null));
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  }
  if (res.destroyed) return;
  res.end(`${chunk({}, 'stop')}data: [DONE]\n\n`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a server on 127.0.0.1 (a free port) that answers POST /v1/chat/completions from `script`. */
export async function startChatServer(script: ChatScript): Promise<ChatServer> {
  const requests: RecordedRequest[] = [];
  const waiters = new Map<number, Array<(request: RecordedRequest) => void>>();
  const pick = (body: ChatRequestBody, index: number): ChatReply => {
    if (typeof script === 'function') return script(body, index);
    const reply = script[Math.min(index, script.length - 1)];
    if (reply === undefined) throw new Error('chat-server: empty script');
    return reply;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { message: `no route for ${req.method} ${req.url}` } });
      return;
    }
    const body = JSON.parse(await readBody(req)) as ChatRequestBody;
    const clientClosed = new Promise<void>((resolve) => {
      res.on('close', () => {
        if (!res.writableFinished) resolve();
      });
    });
    const index = requests.length;
    const recorded: RecordedRequest = { method: req.method, url: req.url, headers: req.headers, body, clientClosed };
    requests.push(recorded);
    for (const wake of waiters.get(index) ?? []) wake(recorded);
    waiters.delete(index);

    const reply = pick(body, index);
    if ('hang' in reply) return;
    if ('stream' in reply) {
      await sendStream(res, body.model, reply, index);
      return;
    }
    if ('status' in reply) {
      sendJson(res, reply.status, reply.body ?? { error: { message: 'scripted failure', type: 'server_error' } });
      return;
    }
    if (reply.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (!res.destroyed) sendJson(res, 200, completion(body.model, reply, index));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 400, { error: { message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    request(index) {
      const arrived = requests[index];
      if (arrived !== undefined) return Promise.resolve(arrived);
      return new Promise((resolve) => {
        const list = waiters.get(index) ?? [];
        list.push(resolve);
        waiters.set(index, list);
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Rejects if `promise` has not settled within `ms` (a bound on a wait, not a sleep). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

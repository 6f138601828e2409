// Tests of the OpenAI-compatible model adapter against a real local chat-completions server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startChatServer, within, type ChatReply, type ChatServer } from '../../test/support/chat-server.js';
import { isEleanorError } from '../core/errors.js';
import { ModelRequestError, TRACE_HEADER } from './chat-endpoint.js';
import { describeModelAdapter } from './model-adapter.conformance.js';
import type { ModelRequest } from './model-adapter.js';
import { createOpenAIModel } from './openai-model.js';

const req: ModelRequest = { inputText: 'What is 2 + 2?', context: {}, traceId: 'trace-42' };
const live = (): AbortSignal => new AbortController().signal;

// One server for the conformance suite: it answers 'Four.' unless the prompt asks it to hang.
let shared: ChatServer;
beforeAll(async () => {
  shared = await startChatServer((body) => (body.model === 'hang-model' ? { hang: true } : { content: 'Four.' }));
});
afterAll(() => shared.close());

describeModelAdapter('openai', () => ({
  create: () => createOpenAIModel({ baseURL: shared.baseURL, model: 'test-model' }),
  expected: 'Four.',
  calls: () => shared.requests.length,
  createHanging: () => {
    const index = shared.requests.length;
    return {
      adapter: createOpenAIModel({ baseURL: shared.baseURL, model: 'hang-model' }),
      started: shared.request(index).then(() => undefined),
    };
  },
}));

describe('createOpenAIModel', () => {
  let server: ChatServer | undefined;
  const serve = async (script: readonly ChatReply[]): Promise<ChatServer> => (server = await startChatServer(script));
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('sends the model, the system prompt, the input, temperature, max_tokens and the trace id', async () => {
    const s = await serve([{ content: '4' }]);
    const model = createOpenAIModel({
      baseURL: s.baseURL,
      model: 'llama-3-8b',
      systemPrompt: 'Answer briefly.',
      temperature: 0.2,
      maxTokens: 64,
      apiKey: 'sk-test',
    });
    expect(model.name).toBe('openai:llama-3-8b');
    await expect(model.generate(req, { signal: live() })).resolves.toBe('4');
    const [sent] = s.requests;
    expect(sent?.body).toMatchObject({
      model: 'llama-3-8b',
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'What is 2 + 2?' },
      ],
      temperature: 0.2,
      max_tokens: 64,
    });
    expect(sent?.headers['authorization']).toBe('Bearer sk-test');
    expect(sent?.headers[TRACE_HEADER]).toBe('trace-42');
  });

  it('sends no Authorization header without an apiKey (and no system message without a prompt)', async () => {
    const s = await serve([{ content: '4' }]);
    await createOpenAIModel({ baseURL: s.baseURL, model: 'm' }).generate(req, { signal: live() });
    expect(s.requests[0]?.headers['authorization']).toBeUndefined();
    expect(s.requests[0]?.body.messages).toEqual([{ role: 'user', content: 'What is 2 + 2?' }]);
  });

  it('aborts the HTTP request when the signal aborts: rejects promptly and the server sees the connection close', async () => {
    const s = await serve([{ hang: true }]);
    const controller = new AbortController();
    const settled = createOpenAIModel({ baseURL: s.baseURL, model: 'm' })
      .generate(req, { signal: controller.signal })
      .catch((e: unknown) => e);
    const arrived = await s.request(0);
    const reason = new Error('deadline');
    const abortedAt = performance.now();
    controller.abort(reason);
    expect(await settled).toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(200);
    await within(arrived.clientClosed, 1_000, 'server saw the connection close');
  });

  it('maps HTTP 500 to a ModelRequestError naming the endpoint and the status, without retrying', async () => {
    const s = await serve([{ status: 500, body: { error: { message: 'model crashed' } } }]);
    const error: unknown = await createOpenAIModel({ baseURL: s.baseURL, model: 'm' })
      .generate(req, { signal: live() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRequestError);
    expect((error as ModelRequestError).status).toBe(500);
    expect((error as Error).message).toBe(`POST ${s.baseURL}/chat/completions failed with HTTP 500: model crashed`);
    expect(s.requests).toHaveLength(1);
  });

  it('maps a 429 the same way, once (retries belong to the orchestrator)', async () => {
    const s = await serve([{ status: 429 }]);
    await expect(
      createOpenAIModel({ baseURL: s.baseURL, model: 'm' }).generate(req, { signal: live() }),
    ).rejects.toThrow(/failed with HTTP 429/);
    expect(s.requests).toHaveLength(1);
  });

  it('maps a refused connection to a ModelRequestError naming the endpoint', async () => {
    const s = await serve([{ content: 'x' }]);
    const baseURL = s.baseURL;
    await s.close();
    server = undefined;
    const error: unknown = await createOpenAIModel({ baseURL, model: 'm' })
      .generate(req, { signal: live() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRequestError);
    expect((error as Error).message).toBe(`POST ${baseURL}/chat/completions failed: could not connect (ECONNREFUSED)`);
    expect((error as ModelRequestError).status).toBeUndefined();
  });

  it('times out a hanging endpoint after timeoutMs with a clear error', async () => {
    const s = await serve([{ hang: true }]);
    const error: unknown = await createOpenAIModel({ baseURL: s.baseURL, model: 'm', timeoutMs: 30 })
      .generate(req, { signal: live() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelRequestError);
    expect((error as Error).message).toBe(`POST ${s.baseURL}/chat/completions timed out after 30 ms`);
  });

  it('rejects a reply without text content, naming the refusal', async () => {
    const s = await serve([{ content: null, refusal: 'I cannot help with that.' }]);
    await expect(
      createOpenAIModel({ baseURL: s.baseURL, model: 'm' }).generate(req, { signal: live() }),
    ).rejects.toThrow(/without text content \(refusal: I cannot help with that\.\)/);
  });

  it('rejects invalid options with INVALID_CONFIG naming every bad field', () => {
    let error: unknown;
    try {
      createOpenAIModel({ baseURL: 'ftp://x', model: '', timeoutMs: -1 });
    } catch (e) {
      error = e;
    }
    expect(isEleanorError(error) && error.code).toBe('INVALID_CONFIG');
    expect((error as Error).message).toMatch(/^openai model: baseURL: .*; model: .*; timeoutMs: /);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriticContext, Finding } from '../../src/core/types.js';
import { waitFor } from '../support/redis.js';
import { KEYS, startTestServer, type TestServer } from '../support/http.js';

const OK: Finding = { score: 0, severity: 0, violations: [] };
const after = (ms: number) => (_input: unknown, ctx: CriticContext) =>
  new Promise<Finding>((resolve, reject) => {
    const timer = setTimeout(resolve, ms, OK);
    ctx.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      aborted.push(ms);
      reject(new Error('aborted'));
    });
  });
let aborted: number[] = [];

interface SseEvent {
  event: string;
  data: any;
}

/** Reads SSE events from a fetch body, calling `onEvent` as each arrives; resolves at the end of the stream. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (e: SseEvent) => boolean | void,
): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === undefined || data === undefined) continue;
      const parsed = { event, data: JSON.parse(data) };
      events.push(parsed);
      if (onEvent(parsed) === true) {
        await reader.cancel();
        return events;
      }
    }
  }
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    critics: {
      privacy: {},
      quick: { evaluate: after(5) },
      medium: { evaluate: after(40) },
      slow: { evaluate: after(2_000) },
    },
    deadlineMs: 5_000,
  });
});
afterAll(() => t.close());

function post(body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${t.url}/v1/evaluations`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${KEYS.evaluator}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify(body),
    ...(signal && { signal }),
  });
}

describe('POST /v1/evaluations with Accept: text/event-stream', () => {
  it('streams each critic outcome as it completes, then the decision', async () => {
    const started = performance.now();
    const res = await post({
      inputText: 'hi',
      modelResponse: 'Your card is 4111 1111 1111 1111.',
      traceId: 'sse-order',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const arrivals: Record<string, number> = {};
    const events = await readEvents(res.body!, (e) => {
      arrivals[e.event === 'outcome' ? e.data.critic : e.event] = performance.now() - started;
    });
    expect(events.map((e) => (e.event === 'outcome' ? e.data.critic : e.event))).toEqual([
      'privacy',
      'quick',
      'medium',
      'slow',
      'evaluation',
    ]);
    // Live: the quick critic's event arrived long before the slow critic finished.
    expect(arrivals['quick']!).toBeLessThan(arrivals['slow']! - 1_000);
    const evaluation = events.at(-1)!.data;
    expect(evaluation.decision).toBe('deny');
    expect(Object.keys(evaluation.critics).sort()).toEqual(['medium', 'privacy', 'quick', 'slow']);
    expect(evaluation.evidence.seq).toBeGreaterThan(0);
  });

  it('cancels the evaluation when the client disconnects: running critics are aborted and the record says so', async () => {
    aborted = [];
    const controller = new AbortController();
    const res = await post({ inputText: 'hi', modelResponse: 'fine', traceId: 'sse-cancel' }, controller.signal);
    const seen = await readEvents(res.body!, (e) => e.event === 'outcome' && e.data.critic === 'medium');
    controller.abort();
    expect(seen.map((e) => e.data.critic)).toEqual(['privacy', 'quick', 'medium']);
    await waitFor(() => aborted.includes(2_000), 1_000, 'the slow critic to be aborted');
    await waitFor(
      async () => (await t.server.context.engine.evidence!.entries('sse-cancel')).length === 1,
      2_000,
      'the record',
    );
    const [entry] = await t.server.context.engine.evidence!.entries('sse-cancel');
    const payload = entry!.payload as any;
    expect(payload.critics.slow.status).toBe('timeout');
    expect(payload.critics.slow.error.code).toBe('RUN_CANCELLED');
    expect(payload.decision).toBe('escalate');
  });

  it('answers bad input before streaming, as a plain 400', async () => {
    const res = await post({ inputText: 42 });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'body.inputText' });
  });
});

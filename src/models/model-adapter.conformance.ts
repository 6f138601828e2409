// The conformance suite every model adapter passes (imported by each adapter's test; not a test file itself).
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ModelAdapter, ModelRequest } from './model-adapter.js';

/** An adapter whose generation has begun and will not end unless its signal is aborted. */
export interface HangingAdapter {
  readonly adapter: ModelAdapter;
  /** Resolves once the generation has started (e.g. the endpoint received the request). */
  readonly started: Promise<void>;
}

export interface ModelAdapterHarness {
  /** An adapter that answers `request()` with `expected`. */
  create(): ModelAdapter;
  /** The response `create()`'s adapter gives. */
  readonly expected: string;
  /** An adapter that never finishes unless aborted; omit for adapters that cannot wait (static). */
  createHanging?(): HangingAdapter;
  /** How many times the adapter reached its backend so far (proves an aborted call sends nothing). */
  calls?(): number;
}

/** Settling an abort must take less than this. */
const PROMPT_MS = 200;

function request(text = 'What is the capital of France?'): ModelRequest {
  return Object.freeze({
    inputText: text,
    context: Object.freeze({ locale: 'en', nested: Object.freeze({ a: 1 }) }),
    traceId: 'conformance-trace',
  });
}

/** `harness` is called inside each test, so it may read servers started in `beforeAll`. */
export function describeModelAdapter(label: string, harness: () => ModelAdapterHarness): void {
  describe(`model adapter '${label}' (conformance)`, () => {
    it('has a non-empty name', () => {
      const { name } = harness().create();
      expect(typeof name).toBe('string');
      expect(name.length).toBeGreaterThan(0);
    });

    it('returns the response as a string', async () => {
      const h = harness();
      const response = await h.create().generate(request(), { signal: new AbortController().signal });
      expect(typeof response).toBe('string');
      expect(response).toBe(h.expected);
    });

    it('answers concurrent requests independently', async () => {
      const h = harness();
      const adapter = h.create();
      const signal = new AbortController().signal;
      const texts = ['one', 'two', 'three'];
      const responses = await Promise.all(texts.map((t) => adapter.generate(request(t), { signal })));
      expect(responses).toEqual(texts.map(() => h.expected));
    });

    it('does not mutate the request (a frozen request works) nor keep listeners on the signal', async () => {
      const adapter = harness().create();
      const signal = new AbortController().signal;
      const req = request();
      const before = JSON.stringify(req);
      await adapter.generate(req, { signal });
      expect(JSON.stringify(req)).toBe(before);
      expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    });

    it("rejects at once for an already-aborted signal, with the signal's reason, without reaching its backend", async () => {
      const h = harness();
      const adapter = h.create();
      const callsBefore = h.calls?.() ?? 0;
      const reason = new Error('stop before starting');
      const controller = new AbortController();
      controller.abort(reason);
      await expect(adapter.generate(request(), { signal: controller.signal })).rejects.toBe(reason);
      expect(h.calls?.() ?? 0).toBe(callsBefore);
    });

    it('rejects with an Error for an abort without a reason', async () => {
      const controller = new AbortController();
      controller.abort();
      const error: unknown = await harness()
        .create()
        .generate(request(), { signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
    });

    it('rejects promptly, with the reason, when the signal is aborted mid-generation', async (ctx) => {
      const h = harness();
      if (h.createHanging === undefined) {
        ctx.skip();
        return;
      }
      const { adapter, started } = h.createHanging();
      const controller = new AbortController();
      const pending = adapter.generate(request(), { signal: controller.signal });
      const settled = pending.catch((e: unknown) => e);
      await started;
      const reason = new Error('evaluation deadline');
      const abortedAt = performance.now();
      controller.abort(reason);
      expect(await settled).toBe(reason);
      expect(performance.now() - abortedAt).toBeLessThan(PROMPT_MS);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    });
  });
}

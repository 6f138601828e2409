// Per-run identity (issue 17, point 2): infrastructure keys state by the run, never by the caller's trace id, and a
// trace id already on record or under way in the chain is refused before any critic runs.
import { trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, type CriticInput, type Finding } from '../../src/index.js';
import { createCacheHooks } from '../../src/infra/cache/cache-hooks.js';

const OK: Finding = { score: 0, severity: 0, violations: [] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A custom critic (its `critic` for the configuration) that counts its calls and takes `ms`. */
function counted(ms: number): { calls: number; critic: { evaluate: () => Promise<Finding> } } {
  const counter = {
    calls: 0,
    critic: {
      evaluate: async () => {
        counter.calls += 1;
        await sleep(ms);
        return OK;
      },
    },
  };
  return counter;
}

describe('a trace id the caller chose', () => {
  it('is refused before any critic runs when it is under way, or on record, in the same chain', async () => {
    const slow = counted(50);
    const engine = createEngine({ critics: { slow: slow.critic }, evidence: { store: 'memory' } });
    const request = { inputText: 'q', modelResponse: 'a', traceId: 'mine' };
    const first = engine.evaluate(request);
    await expect(engine.evaluate(request)).rejects.toMatchObject({ code: 'EVIDENCE_CONFLICT' });
    expect(slow.calls).toBe(1);
    await first;
    await expect(engine.evaluate(request)).rejects.toMatchObject({ code: 'EVIDENCE_CONFLICT' });
    expect(slow.calls).toBe(1);
    // Another chain is another namespace: it runs.
    expect((await engine.evaluate(request, { chain: 'other' })).evidence?.chain).toBe('other');
    expect(slow.calls).toBe(2);
    await engine.close();
  });
});

describe('infrastructure keyed by the run', () => {
  const exporter = new InMemorySpanExporter();
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  afterAll(() => trace.disable());

  it('gives two concurrent evaluations with one trace id (two chains) their own spans', async () => {
    const engine = createEngine({
      critics: { a: counted(30).critic, b: counted(10).critic },
      infrastructure: { tracing: true },
      evidence: { store: 'memory' },
    });
    exporter.reset();
    await Promise.all([
      engine.evaluate({ inputText: 'q', modelResponse: 'x', traceId: 'twin' }, { chain: 'one' }),
      engine.evaluate({ inputText: 'q', modelResponse: 'y', traceId: 'twin' }, { chain: 'two' }),
    ]);
    await engine.close();
    const spans = exporter.getFinishedSpans();
    const roots = spans.filter((s) => s.name === 'eleanor.evaluation');
    expect(roots).toHaveLength(2);
    for (const root of roots) {
      const children = spans.filter((s) => s.parentSpanContext?.spanId === root.spanContext().spanId);
      expect(children.map((s) => s.attributes['eleanor.critic']).sort()).toEqual(['a', 'b']);
    }
  });

  it("does not let one run's failure end another run's cache flight that shares its trace id", async () => {
    const cache = createCacheHooks({ critics: { judge: { version: '1' } } });
    const input: CriticInput = { inputText: 'q', modelResponse: 'r', context: {}, traceId: 'same' };
    const leader = {};
    const other = {};
    expect(await cache.hooks.preExecution!('judge', input, leader)).toBeUndefined(); // leads the flight
    const waiting = cache.hooks.preExecution!('judge', input, other) as Promise<Finding | undefined>;
    // A third run with the same trace id fails: with trace-id keys it would end the leader's flight.
    const third = {};
    await cache.hooks.onFailure!('judge', new Error('boom'), 1, input, third);
    const settled = await Promise.race([waiting.then(() => 'landed'), sleep(30).then(() => 'waiting')]);
    expect(settled).toBe('waiting');
    await cache.hooks.postExecution!(
      'judge',
      {
        critic: 'judge',
        status: 'success',
        finding: OK,
        attempts: 1,
        durationMs: 1,
        degraded: false,
        fromCache: false,
      } as never,
      input,
      leader,
    );
    expect(await waiting).toEqual(OK);
    await cache.close();
  });
});
